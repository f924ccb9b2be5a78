"""Off "till Thursday", a parent may mean through Thursday, so a longer illness that reading
makes goes to a person; but "till Thursday ... back Thursday morning" says which it is: the
same day named as the day back ends the absence the day before, and a clear three-day
illness confirms, in every language (the half of the day may stand between the weekday and
the return: "el jueves por la mañana vuelve"). Near-miss: "till Thursday" alone still goes
to a person.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

MON, TUE, WED = date(2026, 11, 30), date(2026, 12, 1), date(2026, 12, 2)

TILL_A_DAY_THEN_BACK_THAT_DAY = [
    ("en", "Amy has tonsillitis, the GP says keep her off till Thursday so she'll be back "
           "Thursday morning"),
    ("cy", "Mae gan Amy donsilitis, meddyg yn deud adre tan ddydd Iau, bydd hi nôl dydd Iau"),
    ("pl", "Amy ma anginę, lekarz kazał zostać w domu do czwartku, wraca w czwartek rano"),
    ("pt", "A Amy tem amigdalite, o médico disse para ficar em casa até quinta, volta na "
           "quinta de manhã"),
    ("ro", "Amy are amigdalită, doctorul a zis să stea acasă până joi, se întoarce joi "
           "dimineață"),
    ("ar", "ايمي عندها التهاب لوزتين، الدكتور قال تضل بالبيت لحد الخميس، بترجع الخميس الصبح"),
    ("ur", "Amy ko tonsils hain, doctor ne kaha jumeraat tak ghar rakho, jumeraat subah "
           "school aayegi"),
    ("bn", "Amy er tonsil, doctor bolse brihospotibar porjonto bari te rakhte, "
           "brihospotibar sokale school e ashbe"),
    ("pa", "Amy nu tonsil hai, doctor ne kiha veervar tak ghar rakho, veervar savere school "
           "aaugi"),
    ("so", "Amy waxay qabtaa qanjirada, dhakhtarka wuxuu yiri guriga ha joogto ilaa "
           "khamiista, khamiista subax ayay imaan doontaa"),
    ("lt", "Amy serga angina, gydytojas liepė būti namie iki ketvirtadienio, ketvirtadienį "
           "ryte grįš į mokyklą"),
    ("es", "Amy tiene anginas, el médico dijo que se quede en casa hasta el jueves, el "
           "jueves por la mañana vuelve al cole"),
]


def _confirmed(text: str, lang: str) -> tuple[SessionRef, ...]:
    family = facts(student("S1", "Amy", absent(MON)), language=lang, today=MON)
    _, decisions = say(awaiting("S1"), text, family)
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize(("lang", "text"), TILL_A_DAY_THEN_BACK_THAT_DAY)
def test_till_a_day_then_back_that_day_confirms(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == tuple(SessionRef(d, h) for d in (MON, TUE, WED)
                                           for h in (Session.AM, Session.PM))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has tonsillitis, the GP says keep her off till Thursday"),
    ("es", "Amy tiene anginas, el médico dijo que se quede en casa hasta el jueves")])
def test_till_a_day_alone_goes_to_a_person(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == ()
