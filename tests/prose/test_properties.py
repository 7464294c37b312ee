"""Properties of the prose scanner over arbitrary text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.frontmatter import parse_document
from planner.prose import tokens as tk
from planner.prose.grammar import Grammar, find_mentions
from planner.prose.markdown import prose_segments
from planner.prose.scan import body_mentions

GRAMMAR = Grammar(date(2026, 11, 24))
WORDS = st.sampled_from(
    [
        "ship",
        "in",
        "Q3",
        "2027",
        "-",
        "14",
        "August",
        "to",
        "May",
        "weeks",
        "3",
        "`",
        "<!--",
        "-->",
        "[x](",
        ")",
        "    ",
        "\n",
        "\n\n",
        "```",
        "~",
        "next",
        "Tuesday",
        "FY27",
        "mid-",
        "size",
        "M",
        "\u2013",
        "..",
        "2027-03-14",
        "a",
        "couple",
        "of",
        "sprints",
        "<b>",
        "</b>",
        "|",
        "#",
        "*",
        "\u00e9",
        "\U0001f680",
        "\u017funday",  # long s: re's IGNORECASE folds it to "s"
        "wee\u212a",  # Kelvin sign: folds to "k"
        "on",
        "by",
    ]
)
PROSEY = st.lists(WORDS, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300) | PROSEY)
def test_grammar_never_raises_and_offsets_slice_back(text):
    for m in find_mentions(text, GRAMMAR):
        assert text[m.start : m.end] == m.text
        assert m.kind in ("date", "estimate")
        assert (m.window is None) != (m.estimate is None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400) | PROSEY)
def test_body_spans_point_at_the_mention_in_the_file(body):
    text = "---\ntitle: T\nstatus: proposed\nhorizon: later\n---\n" + body
    document = parse_document(text)
    lines = text.split("\n")
    for found in body_mentions(document, GRAMMAR):
        s = found.span
        if s.line == s.end_line:
            assert lines[s.line - 1][s.column - 1 : s.end_column - 1] == found.mention.text
        else:
            assert lines[s.line - 1][s.column - 1 :] == found.mention.text.split("\n")[0]


@settings(max_examples=200, deadline=None)
@given(PROSEY | st.text(max_size=200))
def test_segments_are_slices_of_the_body(body):
    for segment in prose_segments(body):
        assert body[segment.offset : segment.offset + len(segment.text)] == segment.text


INLINE = st.lists(
    st.sampled_from(
        [
            "We",
            "ship",
            "in",
            "Q3",
            "2027",
            "takes",
            "3",
            "days",
            ",",
            ".",
            "-",
            "*",
            "#",
            "next",
            "Tuesday",
            "|",
            ">",
            "`",
            "``",
            "`2027-03-14`",
            "<b>",
            "</b>",
            '<span title="2027">',
            "<!-- 14 August 2027 -->",
            "[the plan](https://x.org/2027-03-14)",
            "[Q3 2027][ref]",
            "https://x.org/2027",
            "\n",
            "\n\n",
            "  ",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(INLINE)
def test_the_fast_path_reads_what_markdown_it_reads(body):
    """Without block-level syntax the body skips markdown-it: it must find the same mentions."""
    from planner.prose.markdown import _BLOCK_MARKUP, _fast_segments, _parsed_segments

    if _BLOCK_MARKUP.search(body):
        return
    fast = [(s.offset + m.start, m.text) for s in _fast_segments(body) for m in find_mentions(s.text, GRAMMAR)]
    slow = [(s.offset + m.start, m.text) for s in _parsed_segments(body) for m in find_mentions(s.text, GRAMMAR)]
    assert fast == slow


VERSION = st.builds(lambda a, b, c: f"v{a}.{b}.{c}", st.integers(0, 30), st.integers(0, 2100), st.integers(0, 2100))
PERCENT = st.builds(lambda n: f"{n}%", st.integers(0, 3000))
PRICE = st.builds(lambda n: f"${n:,}", st.integers(0, 100_000))
TIME_OF_DAY = st.builds(lambda h, m: f"at {h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
TICKET = st.builds(lambda k, n: f"{k}-{n}", st.sampled_from(["PROJ", "OPS", "BILL", "JIRA"]), st.integers(1, 9999))
COUNT = st.builds(
    lambda n, w: f"{n} {w}", st.integers(2, 5000), st.sampled_from(["users", "regions", "tickets", "nodes"])
)
SECTION = st.builds(lambda a, b: f"\u00a7 {a}.{b}", st.integers(1, 20), st.integers(1, 20))


@settings(max_examples=300, deadline=None)
@given(st.one_of(VERSION, PERCENT, PRICE, TIME_OF_DAY, TICKET, COUNT, SECTION))
def test_look_alikes_are_never_mentions(trap):
    sentence = f"The team noted {trap} in the review."
    assert [m.text for m in find_mentions(sentence, GRAMMAR)] == []


EDGES = st.sampled_from(
    [
        "Feb 29",
        "February 29th",
        "to",
        "..",
        "\u2013",
        "March 2027",
        "9999-12",
        "H2 9999",
        "late 9999",
        "EOY 9999",
        "week 53 of 2027",
        "FY00",
        "Q4 FY99",
        "31/02/2027",
        "99999999999999999999 days",
        "in 99999999 years",
        "0 days",
        "3-1 weeks",
        "999999 sprints",
        "size XL",
        "next Tuesday",
        "2026-11-24",
        "\n",
        "<!-- planner: ignore date-precision -- why -->",
        "<!-- planner: ignore-file nope -->",
        "<!-- planner:",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["now", "next", "later", "far", "vision"]), st.lists(EDGES, max_size=14).map(" ".join))
def test_checking_any_prose_never_raises(lane, body):
    from pathlib import Path

    from planner.config import Config
    from planner.engine import check_source
    from planner.load import PlanFile, source_from_bytes
    from planner.rules import RuleContext

    horizon = f"horizon: {lane}" if lane != "far" else "target: 2027-Q3"
    text = f"---\ntitle: T\nstatus: committed\nowner: o\n{horizon}\n---\n{body}\n"
    config = Config()
    source = source_from_bytes(PlanFile(Path("plans/t.md"), "plans/t.md", "t"), text.encode())
    for d in check_source(source, config, RuleContext(GRAMMAR.as_of, config)).diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1


def _folded_variants(word: str) -> list[str]:
    """The word with the characters that re's IGNORECASE folds to ASCII letters."""
    return [word.replace("s", "\u017f"), word.replace("k", "\u212a"), word.upper().replace("S", "\u017f")]


def test_words_spelt_with_characters_that_fold_to_ascii_never_break_the_grammar():
    # A form matches "\u017funday" as "sunday" (IGNORECASE), so every handler must take it too.
    words = [*tk.ANCHOR_WORDS, *tk.LEADER_FORMS, "weekend", "Christmas", "Labor Day", "Easter Monday"]
    for word in sorted(words):
        for variant in _folded_variants(word):
            for text in (
                f"on {variant}",
                f"by the {variant} before",
                f"in 3 {variant}",
                f"{variant} 2027",
                f"the {variant} launch",
            ):
                for m in find_mentions(text, GRAMMAR):
                    assert text[m.start : m.end] == m.text
