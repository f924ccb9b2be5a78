"""An appointment after the school day ("GP at 4pm", "apwyntiad efo'r meddyg heno", "consulta às
17h", "shaam ko doctor") is not why the child is out today: the illness told with it is, for
the whole day (a time after school is no half of the school day). A
morning appointment told with the illness it is for stays an appointment, and a greeting that
names the evening ("Bună seara", "good evening") is no time of day.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import (
    AM,
    LEXICONS,
    absent,
    awaiting,
    facts,
    reasons,
    say,
    student,
)


def _intent(lang: str, text: str) -> Intent:
    return classify(text, lexicons=LEXICONS, language_hint=lang).intent


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has a temperature, I've got her a GP appointment at 4pm"),
    ("en", "Amy's not well, being sick, seeing the doctor tonight"),
    ("cy", "Mae Amy yn sâl efo gwres, apwyntiad efo'r meddyg heno"),
    ("pl", "Amy ma gorączkę, wieczorem idziemy do lekarza"),
    ("pt", "A Amy está com febre, tem consulta no médico às 17h"),
    ("ro", "Amy are febră, are programare la medic la ora 5"),
    ("ar", "ايمي عندها حرارة، عندها موعد مع الدكتور الساعة 5"),
    ("ur", "Amy ko bukhar hai, shaam ko doctor ke paas le jaungi"),
    ("lt", "Amy karščiuoja, vakare eisime pas gydytoją"),
])
def test_an_illness_with_an_appointment_after_school_is_the_illness(lang: str,
                                                                    text: str) -> None:
    assert _intent(lang, text) is Intent.ILLNESS


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has a dentist appointment at 9 for her toothache"),
    ("ro", "Bună seara, mâine Amy are operație la amigdale la spital"),
    ("en", "Good evening, Amy has her eczema review at the hospital tomorrow morning"),
])
def test_an_appointment_in_the_school_day_stays_an_appointment(lang: str, text: str) -> None:
    assert _intent(lang, text) is Intent.MEDICAL_APPOINTMENT


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has a temperature, I've got her a GP appointment at 4pm"),
    ("pt", "A Amy está com febre, tem consulta no médico às 17h"),
    ("ro", "Amy are febră, are programare la medic la ora 5"),
    ("cy", "Mae Amy yn sâl efo gwres, apwyntiad efo'r meddyg heno"),
])
def test_a_time_after_school_is_no_half_of_the_school_day(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    # The morning the register has marked is covered: the time is no afternoon absence.
    assert [(r.intent, r.status, AM in r.sessions) for r in reasons(decisions)] == [
        (Intent.ILLNESS, ReasonStatus.CONFIRMED, True)]
