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
