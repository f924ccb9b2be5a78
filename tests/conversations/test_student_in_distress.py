"""A student writing about themselves in distress reaches a person, in every language: never
a question for a reason and never a code confirmed on its own; a plain reason does not."""

from __future__ import annotations

import pytest

from conversations.types import (
    ConversationKind,
    ConversationState,
    Escalate,
    KeepNotice,
    ReasonStatus,
    RecordReason,
    Reply,
)
from tests.conversations.helpers import facts, say, student

# A student writing about themselves in distress: a person reads it, never a question for a
# reason and never a code confirmed on its own.
STUDENT_IN_DISTRESS = [
    ("en", "wont be in today, i'm really struggling at the moment"),
    ("es", "hoy no voy a ir, estoy fatal y no paro de llorar"),
    ("pl", "nie przyjdę dziś, ciężko mi i ciągle płaczę"),
    ("so", "maanta ma imanayo, waan murugaysanahay"),
    ("lt", "šiandien neateisiu, labai sunku, verkiu"),
    ("bn", "aj ashbo na, khub mon kharap"),
    ("ar", "ما رح اجي اليوم، تعبانة نفسيا"),
    ("cy", "fydda i ddim mewn heddiw, dwi'n teimlo'n isel iawn"),
    ("ur", "aaj nahi aa sakti, bohat pareshan hoon"),
]


@pytest.mark.parametrize(("lang", "text"), STUDENT_IN_DISTRESS)
def test_a_student_in_distress_reaches_a_person(lang: str, text: str) -> None:
    me = facts(student("S9", "Priya"), relationship="self", language=lang)
    _, decisions = say(ConversationState(kind=ConversationKind.SELF_REPORT), text, me)
    assert [d for d in decisions if isinstance(d, Escalate)], decisions
    assert Reply("self.ask_reason") not in decisions
    assert not [d for d in decisions if isinstance(d, RecordReason | KeepNotice)
                and d.status is ReasonStatus.CONFIRMED]


def test_a_student_with_a_plain_reason_is_not_sent_to_a_person() -> None:
    me = facts(student("S9", "Priya"), relationship="self")
    _, decisions = say(ConversationState(kind=ConversationKind.SELF_REPORT),
                       "got a migraine, not coming in", me)
    assert not [d for d in decisions if isinstance(d, Escalate)], decisions
