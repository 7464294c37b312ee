"""The clause shapes: the word-set gates in `other_duration` change how fast, never what."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.prose import clause as c

WORDS = (  # noqa: SIM905 - a word list reads best as words
    "the a delivery shelf life lead times probation periods cooling-off stand-up retrospective burn-in "
    "policy-driven rule rules must may not exceed capped at limited to no more than older than for of is are "
    "was lasts runs took takes nightly batch job period term lead time shelf life stays frozen remain queued "
    "inactive required eligible by law work team we ship it about up least set in advance - , ; : ( \u2014 "
    "Policy MUST Nightly can't cooling-off probation shift"
).split()


def reference(text: str, start: int, after: str) -> bool:
    """`other_duration` with every shape's regex run, no gates."""
    if c.OF_WORK.match(after) or c._EFFORT_SAID.search(text, max(0, start - 60), start):
        return False
    if c._ON_AVERAGE.match(after):
        return True
    if c._POSSESSIVE.match(after):
        return c._WORK_POSSESSED.match(after) is None
    if c._OFFSET_AFTER.match(after) and not c._WORK_NEEDS.search(text, max(0, start - 30), start):
        return True
    before = c.clause_before(text, start)
    return (
        before.endswith(("within ", "Within "))
        or any(
            pattern.search(before) is not None
            for pattern in (c._RUN_CLAUSE, c._LIMIT_BEFORE, c._STATE_FOR_BEFORE, c._PERIOD_SUBJECT, c._RULE_CLAUSE)
        )
        or c._RULE_CLAUSE.search(after.split(".", 1)[0]) is not None
    )


TAILS = [".", " after signup.", " of work.", " in advance.", "' notice.", " on average.", ", as the policy says."]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from(TAILS))
def test_gates_give_the_same_answer_as_every_regex(words, tail):
    before = " ".join(words) + " "
    text = before + "3 days" + tail
    start, end = len(before), len(before) + len("3 days")
    after = text[end : end + 40]
    assert c.other_duration(text, start, after) == reference(text, start, after)


NOUNS = [noun.replace("_", " ") for noun in c._PERIOD_NOUNS]
LIMITS = ["capped at", "limited to", "may not exceed", "exceeds", "no more than", "not longer than", "a maximum of",
          "older than", "for more than", "in advance of", "inactive for", "idle for", "dormant for"]  # fmt: skip


def test_every_period_noun_and_limit_passes_its_gate():
    """Each noun the period shape names, and each limit, in the shapes it takes: gated == every regex."""
    texts = [
        f"The {n}{s} {link} 3 days." for n in NOUNS for s in ("", "s") for link in ("is", "of the unit is", "takes")
    ]
    texts += [f"Jobs are {limit} 3 days." for limit in LIMITS]
    for text in texts:
        start = text.index("3 days")
        after = text[start + 6 : start + 46]
        assert c.other_duration(text, start, after) == reference(text, start, after), text
        assert c.other_duration(text, start, after), text
