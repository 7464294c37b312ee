"""The sentence pre-filter must not change what the grammar finds, only how fast."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.prose.grammar import Grammar, find_mentions
from planner.prose.scan import find_in_candidates

GRAMMAR = Grammar(as_of=date(2026, 11, 24))
LABELLED = Path(__file__).parent / "labelled"
_MARKUP = re.compile(r"\[\[([^|\]]*)\|[^\]]*\]\]")


def sentences() -> list[str]:
    out = []
    for path in sorted(LABELLED.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(_MARKUP.sub(r"\1", line.removeprefix("! ")))
    return out


SENTENCES = sentences()
FILLER = [
    "This is the first step and the end of the old path.",
    "We keep one flag for it, and the team agreed.",
    "The next thing is a review of the design with the whole group.",
    "Most of this is already done.",
]


def as_found(mentions):
    return [(m.start, m.end, m.text, m.kind, m.granularity, m.window, m.estimate) for m in mentions]


def test_paragraphs_of_labelled_sentences_give_the_same_mentions():
    assert len(SENTENCES) >= 400
    for i in range(0, len(SENTENCES), 5):
        chunk = SENTENCES[i : i + 5]
        paragraph = " ".join(s for pair in zip(chunk, FILLER, strict=False) for s in pair) + " " + " ".join(chunk[4:])
        assert as_found(find_in_candidates(paragraph, GRAMMAR)) == as_found(find_mentions(paragraph, GRAMMAR)), (
            paragraph
        )


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + FILLER), min_size=1, max_size=8), st.sampled_from([" ", "\n", "  "]))
def test_any_mix_gives_the_same_mentions(parts, glue):
    text = glue.join(parts)
    assert as_found(find_in_candidates(text, GRAMMAR)) == as_found(find_mentions(text, GRAMMAR))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES + FILLER), min_size=2, max_size=6), st.integers(0, 5))
def test_a_character_that_lowers_to_two_keeps_every_offset(parts, at):
    # "İ" lowers to "i" and a combining dot: a text lowered whole no longer lines up with it.
    parts.insert(min(at, len(parts)), "İİİİİİİİİİİİİİİİİİİİİİİİ İzmir office opens.")
    text = " ".join(parts)
    found = find_in_candidates(text, GRAMMAR)
    assert as_found(found) == as_found(find_mentions(text, GRAMMAR))
    assert all(text[m.start : m.end] == m.text for m in found)


def test_a_time_word_after_a_character_that_lowers_to_two_is_found():
    text = "İİİİİİİİİİİİİİİİİİİİİİİİ office. We ship it next week. Nothing else is planned here at all."
    assert [m.text for m in find_in_candidates(text, GRAMMAR)] == ["next week"]
