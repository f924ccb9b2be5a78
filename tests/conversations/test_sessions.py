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
from conversations.understanding import classify
from tests.conversations.helpers import (
    AM,
    LEXICONS,
    PM,
    TODAY,
    absent,
    amy,
    awaiting,
    ben,
    facts,
    notices,
    reasons,
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


def test_siblings_with_days_of_their_own_each_keep_theirs() -> None:
    """Amy is off today and tomorrow; Ben is at the optician at 10 and in after break: Ben's
    reason lands on this morning only, Amy's on today and tomorrow."""
    text = "Amy has a tummy bug, off today and tomorrow. Ben has the optician at 10, in after break"
    _, decisions = say(awaiting("S1", "S2"), text, facts(amy(), ben()))
    days = {r.student_id: r.sessions for r in reasons(decisions)}
    assert days == {"S1": (AM, PM, SessionRef(THU, Session.AM), SessionRef(THU, Session.PM)),
                    "S2": (AM,)}


def test_a_sibling_whose_own_words_name_no_day_takes_no_others() -> None:
    """Ben's dentist at 2 is this afternoon; Amy's illness explains her open morning mark,
    not "this afternoon only"."""
    _, decisions = say(awaiting("S1", "S2"), "Ben has the dentist at 2pm. Amy is sick",
                       facts(amy(), ben()))
    days = {r.student_id: r.sessions for r in reasons(decisions)}
    assert days == {"S1": (AM,), "S2": (PM,)}


def test_siblings_sharing_one_reason_share_its_days() -> None:
    _, decisions = say(awaiting("S1", "S2"), "Amy and Ben are both off all week with flu",
                       facts(amy(), ben()))
    days = {r.student_id: r.sessions[-1].day for r in reasons(decisions)}
    assert days == {"S1": date(2026, 11, 27), "S2": date(2026, 11, 27)}


def test_somali_1da_is_one_oclock_and_beside_a_month_the_first() -> None:
    at_one = classify("hodan waxaan qaadayaa 1da dhakhtarka indhaha", lexicons=LEXICONS,
                      language_hint="so", today=TODAY)
    assert at_one.span is not None and at_one.span.session is Session.PM
    until_first = classify("hargab, ilaa 1da Diseembar", lexicons=LEXICONS,
                           language_hint="so", today=TODAY)
    assert until_first.span is not None and until_first.span.end == date(2026, 11, 30)
