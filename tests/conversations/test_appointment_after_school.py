"""An appointment after the school day ("GP at 4pm", "apwyntiad efo'r meddyg heno", "consulta às
17h", "shaam ko doctor") is not why the child is out today: the illness told with it is. A
morning appointment told with the illness it is for stays an appointment, and a greeting that
names the evening ("Bună seara", "good evening") is no time of day.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


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
