"""Clear single reasons that went to staff for want of a word, ruled for by kind: a specialist
named for the appointment (Lithuanian "stomatologas", "kardiologas"), "ryt" (tomorrow, said
short), a fall and a limp as an illness in Welsh, "appointment in hospital with" a specialist
(no relative in it), and a parent collecting the child at one who "will not come back in the
afternoon" (Arabic "لن تعود": a future negation). Each confirms on exactly its sessions.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

WEDNESDAY = date(2026, 11, 25)
AM, PM = SessionRef(WEDNESDAY, Session.AM), SessionRef(WEDNESDAY, Session.PM)


@pytest.mark.parametrize(("lang", "text", "sessions"), [
    ("lt", "Labas, Amy šiandien pas stomatologą, grįš rytoj", (AM, PM)),
    ("lt", "Amy pas kardiologą 9:30, atvesiu į mokyklą apie 11", (AM,)),
    ("cy", "Amy wedi cael codwm ar y trampolin, mae hi'n cloffi, aros adra heddiw", (AM, PM)),
    ("en", "Amy has appointment in hospital with cardiologist today, she not come to school",
     (AM, PM)),
])
def test_a_clear_reason_confirms_on_its_sessions(lang: str, text: str,
                                                 sessions: tuple[SessionRef, ...]) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang, today=WEDNESDAY)
    _, decisions = say(awaiting("S1"), text, family)
    assert [(r.status, r.sessions) for r in reasons(decisions)] == [
        (ReasonStatus.CONFIRMED, sessions)]


def test_tomorrow_said_short_is_tomorrow() -> None:
    family = facts(student("S1", "Amy", absent()), student("S2", "Ben", absent()),
                   language="lt", today=WEDNESDAY)
    _, decisions = say(awaiting("S1", "S2"),
                       "Amy serga, o Ben ryt važiuos pas gydytoją, nebus ryt visą dieną", family)
    days = {r.student_id: {s.day for s in r.sessions} for r in reasons(decisions)}
    assert days["S2"] >= {date(2026, 11, 26)}, days


def test_collected_at_one_and_not_back_in_the_afternoon_is_the_afternoon() -> None:
    present_am = absent(code="/", status=ReasonStatus.CONFIRMED)
    family = facts(student("S1", "Amy", present_am), language="ar", today=WEDNESDAY)
    _, decisions = say(awaiting(), "سأستلم ايمي من المدرسة الساعة الواحدة ظهراً عندها موعد "
                       "عند طبيب الأسنان، لن تعود بعد الظهر", family)
    assert [(r.status, r.sessions) for r in reasons(decisions)] == [
        (ReasonStatus.CONFIRMED, (PM,))]
