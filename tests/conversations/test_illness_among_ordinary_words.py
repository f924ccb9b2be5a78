"""A clear illness confirms whatever ordinary words surround it: a greeting that names the
reader ("Good morning teacher", "Hello teacher, ..."), thanks, an apology, a sign-off. Those
words are no rival reason, so they never hold the illness back for staff. A reply that is only
such words (or a mention of the teacher with no illness) confirms nothing.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, records, say, student


def _confirmed(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Good morning teacher, Amy has a high temperature since last night. Thank you"),
    ("en", "Hello teacher, Amy is sick with cough and cold, she stay home today. Thanks"),
    ("en", "Dear teacher, sorry, Amy got headache and fever, she rest at home today"),
    ("so", "Good morning teacher, Amy qandho ayay qabtaa, maanta guriga ayay joogtaa. Thank you"),
    ("bn", "Good morning teacher, Amy er onek jor, aj school e jabe na. Thank you"),
    ("ur", "Good morning teacher, Amy ko bukhar hai, aaj nahi aayegi. Thank you"),
])
def test_greeting_the_teacher_does_not_hold_back_an_illness(lang: str, text: str) -> None:
    assert _confirmed(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Good morning teacher"),
    ("en", "thank you teacher"),
    ("en", "Hello teacher?"),
])
def test_the_teacher_named_alone_is_no_reason(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent not in (Intent.ILLNESS, Intent.SCHOOL_REFUSAL) or reading.needs_staff
    assert all(r.status is not ReasonStatus.CONFIRMED
               for r in records(say(awaiting("S1"), text,
                                    facts(student("S1", "Amy", absent()), language=lang))[1]))


def test_a_problem_with_the_teacher_is_still_a_reason_to_talk_about() -> None:
    reading = classify("Amy wont go in, she has problems with her teacher", lexicons=LEXICONS,
                       language_hint="en")
    assert reading.intent is Intent.SCHOOL_REFUSAL
