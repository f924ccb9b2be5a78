"""When an injury happened is not the reason: "złamana w wakacje" (broken in the holidays),
"broke her wrist in the summer holidays", "se lo rompió en vacaciones", "chuttiyon mein toot
gaya": a school break named beside a word of breaking or injuring is when it happened, so
the check-up told with it is the reason, in every language. Near-misses: a holiday taken
now ("na wakacjach", "de vacaciones", "on holiday") is still a holiday, and beside an
appointment goes to a person as two reasons
(locales/<lang>/concepts/injured_in_the_holidays.toml).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

INJURED_IN_THE_HOLIDAYS = [
    ("pl", 'Tata zabrał Amy rano do szpitala na kontrolę ręki (złamana w wakacje), będzie jutro'),
    ("pl", 'amy ma kontrole nogi w szpitalu, zlamala ja w wakacje'),
    ("en", 'Amy has her fracture clinic this morning, she broke her wrist in the summer holidays'),
    ("cy", "Mae gan Amy apwyntiad ysbyty i'w braich, torrodd hi yn y gwyliau"),
    ("pt", 'A Amy tem consulta no hospital por causa do braço, partiu-o nas férias'),
    ("ro", 'Amy are control la spital pentru mână, și-a rupt-o în vacanță'),
    ("ar", 'ايمي عندها موعد بالمستشفى لإيدها، انكسرت بالعطلة'),
    ("ur", 'Amy ka hospital mein baazu ka checkup hai, chuttiyon mein toot gaya tha'),
    ("bn", 'Amy er hospital e haat er checkup ache, chutite bhenge gechilo'),
    ("pa", 'Amy da hospital vich baah da checkup hai, chuttiyan vich tutt gayi si'),
    ("so", 'Amy waxay ballan ku leedahay isbitaalka gacanteeda, fasaxa ayay ku jabtay'),
    ("lt", 'Amy turi rankos patikrinimą ligoninėje, susilaužė per atostogas'),
    ("es", 'Amy tiene cita en el hospital por el brazo, se lo rompió en vacaciones'),
]

ON_HOLIDAY_NOW = [
    ("pl", 'Amy jest na wakacjach w Polsce, wraca w poniedziałek'),
    ("es", 'Amy está de vacaciones con sus abuelos esta semana'),
    ("en", 'Amy is on holiday in Spain this week'),
]

AN_APPOINTMENT_ON_HOLIDAY = [
    ("en", 'Amy has a doctors appointment in Spain, we are on holiday there this week'),
    ("es", 'Amy tiene cita con el médico en España, estamos de vacaciones aquí esta semana'),
    ("pl", 'Amy ma wizytę u lekarza w Polsce, jesteśmy na wakacjach do piątku'),
]


def _read(text: str, lang: str) -> tuple[Intent, bool]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    return reading.intent, reading.needs_staff


@pytest.mark.parametrize(("lang", "text"), INJURED_IN_THE_HOLIDAYS)
def test_an_injury_in_the_holidays_is_no_holiday(lang: str, text: str) -> None:
    assert _read(text, lang) in ((Intent.MEDICAL_APPOINTMENT, False), (Intent.ILLNESS, False))


@pytest.mark.parametrize(("lang", "text"), ON_HOLIDAY_NOW)
def test_a_holiday_taken_now_is_a_holiday(lang: str, text: str) -> None:
    assert _read(text, lang)[0] is Intent.HOLIDAY


@pytest.mark.parametrize(("lang", "text"), AN_APPOINTMENT_ON_HOLIDAY)
def test_an_appointment_on_holiday_goes_to_a_person(lang: str, text: str) -> None:
    assert _read(text, lang)[1]
