"""A reason told for the morning, then today denied ("took her to the GP this morning, she
won't be in school today", "hoy ya no va al cole", "dziś jej nie będzie", "ajke ar school e
jabe na"): the child is not in at all today, so the reason covers the whole day and
confirms both sessions, in every language. Near-misses: the child coming in later today
("she will come in this afternoon", "in by 11", "hoy viene después de comer") keeps the
morning only.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import TODAY, amy, awaiting, facts, reasons, say

AM, PM = SessionRef(TODAY, Session.AM), SessionRef(TODAY, Session.PM)

MORNING_THEN_NOT_IN_TODAY = [
    ("en", "Took Amy to the GP this morning about her ear, she won't be in school today"),
    ("cy", "Mae ei nain wedi mynd ag Amy at y meddyg bore 'ma, fydd hi ddim yn yr ysgol heddiw"),
    ("pl", "Amy była rano u lekarza, dziś jej nie będzie"),
    ("pt", "A Amy foi ao médico esta manhã, hoje não vai à escola"),
    ("ro", "Amy a avut programare la doctor azi dimineață, azi nu vine la școală"),
    ("ar", "ايمي راحت عالدكتور الصبح، اليوم ما رح تيجي"),
    ("ur", "Amy subah doctor ke paas gayi thi, aaj school nahi aayegi"),
    ("bn", "Amy sokale doctor er kache gechilo, ajke ar school e jabe na"),
    ("pa", "Amy savere doctor kol gayi si, aj school nahi aaugi"),
    ("so", "Amy subaxnimadii dhakhtarka ayay aragtay, maanta iskuulka ma iman doonto"),
    ("lt", "Amy šįryt buvo pas gydytoją, šiandien į mokyklą nebeis"),
    ("es", "Amy fue al médico esta mañana, hoy ya no va al cole"),
]

MORNING_THEN_IN_LATER = [
    ("en", "Amy has the dentist this morning, she will come in this afternoon"),
    ("en", "dentist this morning, she'll be in by 11 today, not before"),
    ("es", "Amy tiene dentista esta mañana, hoy viene después de comer"),
    ("pl", "Amy ma rano dentystę, dziś przyjdzie po obiedzie"),
    ("ur", "Amy ka subah dentist ka appointment hai, aaj lunch ke baad school aayegi"),
    ("ro", "Amy are dentist azi dimineață, vine după prânz"),
]


def _confirmed(text: str, lang: str) -> tuple[SessionRef, ...]:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize(("lang", "text"), MORNING_THEN_NOT_IN_TODAY)
def test_today_denied_covers_the_whole_day(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == (AM, PM)


@pytest.mark.parametrize(("lang", "text"), MORNING_THEN_IN_LATER)
def test_in_later_today_keeps_the_morning(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == (AM,)
