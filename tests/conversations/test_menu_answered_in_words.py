"""After an unclear reply the bot offers a numbered menu; a family may answer with the line's
own word in their language ("doença", "boala", "asukh", "jirro", "ਬਿਮਾਰੀ") or a few words of it
("doctor appointment", "call me please") rather than its number, and that is the same choice as
the number. A long reply, a mixed one and an urgent one are read on their own. Every reply
here is written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conversations.menu import MENU
from conversations.types import Escalate, Intent, ReasonStatus, Urgency
from tests.conversations.helpers import absent, awaiting, facts, records, say, student

MENU_WORDS = [
    ("en", "illness", Intent.ILLNESS),
    ("cy", "salwch", Intent.ILLNESS),
    ("pl", "choroba", Intent.ILLNESS),
    ("pt", "doenca", Intent.ILLNESS),
    ("ro", "boala", Intent.ILLNESS),
    ("ar", "مرض", Intent.ILLNESS),
    ("ur", "bimari", Intent.ILLNESS),
    ("bn", "asukh", Intent.ILLNESS),
    ("bn", "অসুস্থতা", Intent.ILLNESS),
    ("pa", "ਬਿਮਾਰੀ", Intent.ILLNESS),
    ("so", "jirro", Intent.ILLNESS),
    ("es", "enfermedad", Intent.ILLNESS),
    ("en", "doctors appointment", Intent.MEDICAL_APPOINTMENT),
    ("pl", "wizyta u dentysty", Intent.MEDICAL_APPOINTMENT),
    ("lt", "pas gydytoją", Intent.MEDICAL_APPOINTMENT),
]


def _in_menu() -> object:
    return replace(awaiting("S1"), stage=MENU, unclear_replies=1, bot_turns=1)


@pytest.mark.parametrize(("lang", "text", "intent"), MENU_WORDS)
def test_a_menu_line_in_words_is_that_choice(lang: str, text: str, intent: Intent) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(_in_menu(), text, family)  # type: ignore[arg-type]
    [record] = records(decisions)
    assert (record.intent, record.status) == (intent, ReasonStatus.CONFIRMED)


def test_call_me_in_words_in_the_menu_is_a_call_request() -> None:
    family = facts(student("S1", "Amy", absent()), language="so")
    _, decisions = say(_in_menu(), "fadlan i soo wac", family)  # type: ignore[arg-type]
    assert records(decisions) == []
    assert [d.intent for d in decisions if isinstance(d, Escalate)] == [Intent.CALL_REQUEST]


def test_urgent_words_in_the_menu_stay_urgent() -> None:
    family = facts(student("S1", "Amy", absent()))
    _, decisions = say(_in_menu(), "where is she??", family)  # type: ignore[arg-type]
    assert [d.urgency for d in decisions if isinstance(d, Escalate)] == [Urgency.URGENT]
