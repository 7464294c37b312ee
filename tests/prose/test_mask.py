"""`markdown._NOT_PROSE` is written so `re` can skip ahead; it must mask what the plain
form of the same pattern masks."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.prose import markdown

PLAIN = re.compile(
    r"(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"
    r"|<!--.*?(?:-->|\Z)"
    r"|<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>"
    r"|</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[^<>]*?)?/?>"
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    r"|\]\[[^\]]*\]"
    r"|\b(?:https?|ftp)://[^\s<>)\]]+|\bwww\.[^\s<>)\]]+",
    re.DOTALL,
)

PIECES = [
    "`", "``", "```", "<", ">", "<!--", "-->", "</", "]", "[", "(", ")", "](", "][", '"', "'", " ", "\n", "x", "a1",
    "http", "https://", "ftp://", "www.", "xhttp://", "_www.", "@", "b@c", "mailto:", "span", "é", "2027", "-", ".",
    ":", "/", "\t", "<b class='x'>", "[link](https://a.b/c)", "`code 2027`",
]  # fmt: skip


def spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.integers(0, 5), st.integers(0, 5))
def test_same_masks(pieces, cut_start, cut_end):
    text = "".join(pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert spans(markdown._NOT_PROSE, text, start, end) == spans(PLAIN, text, start, end), text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("`<>!-[]()\"' \nahtpw:/.@x_"), max_size=60))
def test_same_masks_on_any_text(text):
    assert spans(markdown._NOT_PROSE, text, 0, len(text)) == spans(PLAIN, text, 0, len(text)), text


BLOCK_PIECES = ["\n", " ", "    ", "\t", ">", "> ", "<", "[", "]", "]:", "x", "```", "~~~", "``", "~~", "\r", "a b"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_PIECES), max_size=30))
def test_block_markup_test_is_the_plain_search(pieces):
    body = "".join(pieces)
    assert markdown._has_block_markup(body) == (markdown._BLOCK_MARKUP.search(body) is not None), body
