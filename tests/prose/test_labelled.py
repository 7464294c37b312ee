"""The labelled sentences: enough of them, enough traps, and the grammar scores on the tuning part."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from prose_score import load, prf, score


def test_the_labelled_set_is_large_and_full_of_traps():
    sentences = load("tuning") + load("heldout") + load("heldout2")
    assert len(sentences) >= 400
    assert sum(s.trap for s in sentences) >= len(sentences) / 4
    assert len(load("heldout")) >= 100


def test_tuning_part_f1_by_kind():
    counts, errors = score(load("tuning"))
    for kind in ("date", "estimate"):
        assert prf(counts[kind])[2] >= 0.97, errors


def tuning_parts() -> list[str]:
    """Every part that has been tuned on: all but those whose header still says held out."""
    labelled = Path(__file__).parent / "labelled"
    return sorted(
        path.stem
        for path in labelled.glob("*.txt")
        if not path.read_text(encoding="utf-8").startswith("# Held-out sentences written independently")
    )


def test_every_part_tuned_on_keeps_its_score():
    """What a fix for one writer's sentences must not break for another's (pooled, by kind)."""
    parts = tuning_parts()
    assert "tuning" in parts and "heldout13" in parts and "heldout15" not in parts
    counts, errors = score([s for part in parts for s in load(part)])
    for kind in ("date", "estimate"):
        assert prf(counts[kind])[2] >= 0.98, errors
