"""The engine's policy is the one home of what the bot may confirm."""

from __future__ import annotations

from datetime import date

from conversations.policy import (
    BOT_CODES,
    BOT_CONFIRMABLE,
    SUGGESTED_CODE,
    may_auto_confirm,
    staff_coded,
)
from conversations.types import Intent, MarkFact, Policy, ReasonStatus, Session, StudentFact

EVERYTHING = frozenset(Intent)


def test_the_bot_confirms_i_and_m_and_r_only_where_the_school_allows_it() -> None:
    strict = Policy(auto_confirm=EVERYTHING)
    religious = Policy(auto_confirm=EVERYTHING, allow_religious_auto_confirm=True)
    assert {SUGGESTED_CODE[i] for i in Intent if may_auto_confirm(i, strict)} == BOT_CODES
    assert {SUGGESTED_CODE[i] for i in Intent if may_auto_confirm(i, religious)} == (
        BOT_CONFIRMABLE)
    assert {"I", "M", "R"} == BOT_CONFIRMABLE


def test_an_intent_the_school_does_not_list_is_never_confirmed() -> None:
    assert not may_auto_confirm(Intent.ILLNESS, Policy(auto_confirm=frozenset()))


def test_a_child_with_a_mark_staff_coded_goes_to_a_person() -> None:
    mark = MarkFact(day=date(2026, 11, 23), session=Session.AM, code="N",
                    status=ReasonStatus.UNEXPLAINED)
    coded = MarkFact(day=date(2026, 11, 23), session=Session.PM, code="C",
                     status=ReasonStatus.CONFIRMED, set_by_staff=True)
    assert not staff_coded(StudentFact("S1", "Amy", marks=(mark,)))
    assert staff_coded(StudentFact("S1", "Amy", marks=(mark, coded)))
