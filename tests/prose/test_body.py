"""Mentions in Markdown bodies: what is prose, what is not, and exact file positions."""

from __future__ import annotations

from datetime import date

import pytest

from planner.frontmatter import parse_document
from planner.prose.grammar import Grammar
from planner.prose.markdown import prose_segments
from planner.prose.scan import body_mentions

GRAMMAR = Grammar(date(2026, 11, 24))
HEAD = "---\ntitle: T\nstatus: proposed\nhorizon: later\n---\n"  # the body starts on line 6


def mentions(body: str) -> list[tuple[str, int, int, int, int]]:
    document = parse_document(HEAD + body)
    return [
        (f.mention.text, f.span.line, f.span.column, f.span.end_line, f.span.end_column)
        for f in body_mentions(document, GRAMMAR)
    ]


def texts(body: str) -> list[str]:
    return [m[0] for m in mentions(body)]


def test_positions_are_file_lines_and_code_point_columns():
    body = "Intro.\n\nWe ship on 14 August 2027, n\u00e4chste Woche \u2014 and it takes 3 days.\n"
    assert mentions(body) == [("14 August 2027", 8, 12, 8, 26), ("3 days", 8, 57, 8, 63)]


def test_a_mention_across_a_line_break_ends_on_the_next_line():
    assert mentions("We ship on 14\nAugust 2027.\n") == [("14\nAugust 2027", 6, 12, 7, 12)]


NOT_PROSE = [
    ("code span", "Run `migrate --until 2027-03-14` first."),
    ("double-backtick code span", "Run ``a ` b 2027-03-14`` first."),
    ("fenced code", "```yaml\ntarget: 2027-03-14\n```\n"),
    ("tilde fence", "~~~\nship 2027-03-14\n~~~\n"),
    ("indented code", "Text.\n\n    ship 2027-03-14\n"),
    ("indented code in a list item", "-       ship 2027-03-14\n"),
    ("indented code in a numbered item", "1.      ship 2027-03-14\n"),
    ("indented code in a quote in a list item", "- >       ship Q3 2027\n"),
    ("indented code in an indented quote", "Text.\n >       ship Q3 2027\n"),
    ("link destination", "See [the plan](https://example.com/2027-03-14/plan)."),
    ("link title", 'See [the plan](/plan "due 2027-03-14").'),
    ("autolink", "See <https://example.com/2027-03-14>."),
    ("bare URL", "See https://example.com/releases/2027-03-14 for notes."),
    ("HTML comment", "Text <!-- due 2027-03-14 --> more."),
    ("multi-line HTML comment", "<!--\ndue 2027-03-14\n-->\n"),
    ("HTML attribute", '<span title="2027-03-14">Label</span>'),
    ("link reference definition", "[plan]: https://example.com/2027-03-14\n"),
]


@pytest.mark.parametrize(("case", "body"), NOT_PROSE, ids=[c for c, _ in NOT_PROSE])
def test_non_prose_is_skipped(case, body):
    assert texts(body) == []


PROSE = [
    ("heading", "## Launch in Q3 2027\n", "Q3 2027"),
    ("list item", "- ship in Q3 2027\n- then rest\n", "Q3 2027"),
    ("nested list item", "- a\n    - ship in Q3 2027\n", "Q3 2027"),
    ("block quote", "> ship in Q3 2027\n", "Q3 2027"),
    ("table cell", "| what | when |\n|---|---|\n| GA | Q3 2027 |\n", "Q3 2027"),
    ("link text", "See [the Q3 2027 plan](/plan).", "Q3 2027"),
    ("emphasis", "We ship in *Q3 2027*.", "Q3 2027"),
    ("text inside HTML", '<div class="x">GA in Q3 2027</div>\n', "Q3 2027"),
    ("after a code span", "Run `x` in Q3 2027.", "Q3 2027"),
    ("where an empty quote line cuts a code span", "`ship\n>\nin Q3 2027`\n", "Q3 2027"),
]


@pytest.mark.parametrize(("case", "body", "text"), PROSE, ids=[c for c, _, _ in PROSE])
def test_prose_in_every_block_is_read(case, body, text):
    assert texts(body) == [text]


def test_table_cell_position():
    assert mentions("| what | when |\n|---|---|\n| GA | Q3 2027 |\n") == [("Q3 2027", 8, 8, 8, 15)]


def test_a_body_without_any_anchor_is_not_parsed():
    assert prose_segments("Plain words only.") == [prose_segments("Plain words only.")[0]]
    assert mentions("No dates here, just words about design.\n") == []


def test_crlf_bodies_keep_columns():
    document = parse_document((HEAD + "Intro.\r\n\r\nShip in Q3 2027.\r\n").replace("\n", "\r\n").replace("\r\r", "\r"))
    [found] = body_mentions(document, GRAMMAR)
    assert (found.span.line, found.span.column, found.span.end_column) == (8, 9, 16)


def test_a_size_with_no_time_word_in_the_body_is_found():
    body = "Some context first.\n\nI think the queue refactor is an XL; we should split it before planning.\n"
    assert mentions(body) == [("XL", 8, 34, 8, 36)]
