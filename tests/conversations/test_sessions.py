"""Which register sessions a reason lands on: only marks the register has taken and nobody has
explained; everything ahead of the register is an advance notice; never a closed day."""

from __future__ import annotations

from datetime import date, timedelta

from conversations.types import (
    ConversationKind,
    ConversationState,
    Escalate,
    Intent,
    Policy,
    ReasonStatus,
    Session,
    SessionRef,
)
from tests.conversations.helpers import (
    AM,
    PM,
    TODAY,
    absent,
    amy,
    awaiting,
    facts,
    notices,
    records,
    say,
    student,
)

THU = TODAY + timedelta(days=1)
FRI_1_MAY, TUE_5_MAY = date(2026, 5, 1), date(2026, 5, 5)
BANK_HOLIDAY = date(2026, 5, 4)


def test_back_on_wednesday_before_a_bank_holiday_never_touches_the_bank_holiday() -> None:
    family = facts(student("S1", "Amy", absent(FRI_1_MAY)), today=FRI_1_MAY,
                   closed=frozenset({BANK_HOLIDAY}))
    _, decisions = say(awaiting("S1"), "she has flu, back on Wednesday", family)
    [record] = records(decisions)
    [notice] = notices(decisions)
    assert record.sessions == (SessionRef(FRI_1_MAY, Session.AM),)
    assert record.status is ReasonStatus.CONFIRMED and record.code == "I"
    assert notice.sessions == (SessionRef(FRI_1_MAY, Session.PM),
                               SessionRef(TUE_5_MAY, Session.AM),
                               SessionRef(TUE_5_MAY, Session.PM))
    assert all(s.day != BANK_HOLIDAY for d in decisions
               if hasattr(d, "sessions") for s in d.sessions)


def test_tomorrow_morning_sent_the_evening_before_never_touches_today() -> None:
    today_off = amy(absent(), absent(session=Session.PM))
    _, decisions = say(awaiting("S1"), "hospital appointment tomorrow morning, in after lunch",
                       facts(today_off))
    assert records(decisions) == []
    [notice] = notices(decisions)
    assert notice.sessions == (SessionRef(THU, Session.AM),)
    assert notice.intent is Intent.MEDICAL_APPOINTMENT
    assert notice.status is ReasonStatus.CONFIRMED


def test_a_reason_never_lands_on_a_present_mark() -> None:
    present = student("S1", "Amy", absent(code="/", status=ReasonStatus.CONFIRMED))
    _, decisions = say(ConversationState(kind=ConversationKind.UNSOLICITED),
                       "Amy is poorly today", facts(present))
    assert records(decisions) == []
    [notice] = notices(decisions)
    assert notice.sessions == (PM,)  # the afternoon register is not taken yet


def test_a_time_today_explains_only_its_half() -> None:
    _, decisions = say(awaiting("S1"), "at the dentist til 11", facts(amy()))
    [record] = records(decisions)
    assert record.sessions == (AM,) and notices(decisions) == []


def test_a_notice_beyond_the_policy_horizon_goes_to_a_person() -> None:
    near = Policy(max_notice_school_days=2)
    _, decisions = say(awaiting("S1"), "she's got flu, off all next week", facts(amy(),
                                                                                 policy=near))
    [notice] = notices(decisions)
    assert notice.status is ReasonStatus.REPORTED
    assert any(isinstance(d, Escalate) for d in decisions)


def test_a_present_mark_is_never_open_whatever_status_it_arrives_with() -> None:
    odd = absent(code="/", status=ReasonStatus.UNEXPLAINED)  # a register that says so
    _, decisions = say(awaiting("S1"), "she is ill", facts(student("S1", "Amy", odd)))
    assert records(decisions) == []


def test_on_a_snow_day_the_mornings_absence_is_still_explained_and_nothing_kept_for_today(
) -> None:
    """The school closed at 10:30 (an emergency closure: today is a closed day), Amy was marked
    N at 9:00 and her afternoon has Y4. "She has a cold" still explains the morning's N."""
    snow_day = facts(amy(absent(), absent(session=Session.PM, code="Y4",
                                          status=ReasonStatus.CONFIRMED)),
                     closed=frozenset({TODAY}))
    _, decisions = say(awaiting("S1"), "she has a cold, back tomorrow", snow_day)
    [record] = records(decisions)
    assert record.sessions == (AM,)
    assert all(s.day != TODAY for n in notices(decisions) for s in n.sessions)
