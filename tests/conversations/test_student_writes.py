"""A student who names themself ("its Amy from year 13", "sou a Amy do 12º ano", "cia Amy is
12 klasės", "main Amy year 12 se") and says "I'm ill" reports their own illness: it confirms as
illness, even from a number the school has on file as a parent's. A parent saying "I'm ill"
("its Amy's mum, I'm ill", "ami Amy ke ... amar jor": I can't take Amy, I have a fever,
"estou doente", "mujhe bukhar hai") tells a family circumstance.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str, name: str = "Amy") -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", name, absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi its Amy from year 13, I'm ill with a fever so won't be in today"),
    ("en", "hi miss its amy 12B, ive been sick all night, not coming in"),
    ("en", "Amy here (yr 12), im not well, sorry"),
    ("cy", "Helo, Amy sy 'ma o flwyddyn 13, dwi'n sâl heddiw efo gwres"),
    ("pl", "Dzien dobry, tu Amy z 3c, jestem chora, mam goraczke, dzis nie przyjde"),
    ("pt", "Olá, sou a Amy do 12º ano, estou doente com febre, não vou hoje"),
    ("es", "Hola, soy Amy de 1º de bachillerato, estoy enferma con fiebre, hoy no voy"),
    ("ro", "Buna ziua, sunt Amy din clasa a 12-a, sunt bolnava si am febra, nu vin azi"),
    ("ur", "AoA sir main Amy year 12 se, mujhe bukhar hai, aaj nahi aa sakti"),
    ("bn", "Salam sir ami Amy year 12 theke, amar jor, aj ashte parbo na"),
    ("pa", "Sat sri akal sir, main Amy year 12 ton, menu bukhar hai, ajj nahi aa sakdi"),
    ("so", "Asc macalin, waa Amy fasalka 12aad, waan xanuunsanahay, maanta ma imaan karo"),
    ("lt", "Laba diena, cia Amy is 12 klases, susirgau, karsciuoju, siandien neateisiu"),
])
def test_a_student_naming_themself_reports_their_own_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


def test_a_student_naming_themself_in_arabic_script() -> None:
    assert _recorded("ar", "مرحبا انا ريم من سنة 12، انا مريضة وعندي حرارة، ما رح اجي اليوم",
                     name="ريم") == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi its Amy's mum, I'm ill so I can't bring her in today"),
    ("en", "this is Amy dad, im not well and cant drive her"),
    ("pl", "Tu mama Amy, jestem chora i nie dam rady jej zawieźć"),
    ("lt", "Čia Amy mama, sergu, negaliu jos nuvežti"),
    ("pt", "Sou a mãe da Amy, estou doente e não consigo levá-la"),
    ("es", "Soy la madre de Amy, estoy enferma y no puedo llevarla"),
    ("ur", "main Amy ko school nahi chhod sakti, mujhe bukhar hai"),
    ("ar", "انا ام ايمي، انا مريضة وما بقدر اوصلها"),
    ("ro", "Sunt mama lui Amy, sunt bolnavă și nu o pot duce"),
    ("so", "Waa hooyadeed Amy, waan xanuunsanahay, ma keeni karo maanta"),
    ("bn", "ami Amy ke school e dite parbo na, amar jor"),
    ("pa", "main Amy nu school nahi chhad sakdi, menu bukhar hai"),
])
def test_a_parent_who_is_ill_is_not_the_student(lang: str, text: str) -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(lang, text)
