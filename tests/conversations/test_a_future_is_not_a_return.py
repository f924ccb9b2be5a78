"""Portuguese "vai" is both "goes (back)" and the going-to future: "amanhã a Amy vai fazer
uma endoscopia" (tomorrow Amy is going to have an endoscopy), told the evening before, is
tomorrow's appointment, not a return tomorrow. "Vai" with a verb after it ("vai fazer",
"vai ter", "vai faltar") is the future; near-misses: "amanhã já vai à escola", "amanhã vai
pra escola", "amanhã vai normal" are still a return tomorrow (today only).

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

WED, THU = date(2026, 11, 25), date(2026, 11, 26)

TOLD_THE_EVENING_BEFORE = [
    "Boa noite, amanhã a Amy vai fazer uma endoscopia no hospital, não vai à escola o dia todo",
    "boa noite amanha a amy vai ter consulta no hospital, vai faltar o dia todo",
]

BACK_TOMORROW = [
    "A Amy está com febre, amanhã já vai à escola",
    "a amy ta doente amanha vai pra escola",
    "A Amy tem febre, amanhã vai normal",
]


def _confirmed(text: str, *, evening: bool) -> tuple[SessionRef, ...]:
    marks = ((absent(WED, code="/", status=ReasonStatus.CONFIRMED),
              absent(WED, Session.PM, code="/", status=ReasonStatus.CONFIRMED))
             if evening else (absent(WED),))
    family = facts(student("S1", "Amy", *marks), language="pt", today=WED)
    _, decisions = say(awaiting() if evening else awaiting("S1"), text, family)
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize("text", TOLD_THE_EVENING_BEFORE)
def test_a_going_to_future_is_tomorrows_reason(text: str) -> None:
    assert _confirmed(text, evening=True) == (SessionRef(THU, Session.AM),
                                              SessionRef(THU, Session.PM))


@pytest.mark.parametrize("text", BACK_TOMORROW)
def test_going_back_tomorrow_is_still_a_return(text: str) -> None:
    assert _confirmed(text, evening=False) == (SessionRef(WED, Session.AM),
                                               SessionRef(WED, Session.PM))
