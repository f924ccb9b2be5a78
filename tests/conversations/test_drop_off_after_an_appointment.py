"""A drop-off the sender plans for late in the morning, after an appointment, is the child
coming in late, not a dispute ("orthodontist at 9, I'll drop him off for about 10.30"), in all
12 languages (conversations/evidence.py, daytimes.late_morning_starts).
The replies are written for these tests, not copied from the labelled rounds.

Near-misses that stay urgent: a drop-off told as done ("I dropped him off at 10.30 but he's
marked absent") and a planned drop-off at the morning's school run time (8.40)."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

COMING_IN_LATE = {
    "en": "Ruby has the orthodontist at 9.15, I'll drop her off about 10.40 straight after",
    "cy": "Mae gan Osian apwyntiad deintydd am 9, af â fo i'r ysgol tua 10.30 wedyn",
    "pl": "Kuba ma ortodontę o 9, zawiozę go do szkoły około 10:30 zaraz potem",
    "pt": "O Tiago tem ortodontista às 9, vou deixá-lo na escola por volta das 10h30 logo a seguir",
    "ro": "Andrei are ortodont la 9, îl duc la școală pe la 10:30 imediat după",
    "es": "Pablo tiene ortodoncista a las 9, lo llevo al cole sobre las 10:30 justo después",
    "ar": "عنده موعد عند دكتور الأسنان الساعة 9، رح أوصله عالمدرسة حوالي 10:30 بعدها",
    "ur": "Bilal ka dentist ka appointment 9 baje hai, main usko 10:30 tak school chhor dungi",
    "bn": "Rafi er dentist appointment 9 tay, ami oke 10:30 er dike school e namiye dibo",
    "pa": "Jaspreet da dentist appointment 9 vaje hai, main ohnu 10:30 tak school chhad dangi",
    "so": "Cabdi ballan ilkaha ayuu leeyahay 9ka, waxaan dugsiga keenayaa qiyaastii 10:30",
    "lt": "Jonas 9 val. pas ortodontą, į mokyklą nuvešiu apie 10:30 iškart po to",
}

STILL_A_DISPUTE = [
    ("en", "dentist at 9, I dropped him off at 10.30 but he's marked absent"),
    ("en", "dentist after school, I'll drop him off at 8.40 as normal"),
]


@pytest.mark.parametrize(("lang", "text"), sorted(COMING_IN_LATE.items()))
def test_a_planned_late_drop_off_after_an_appointment_is_coming_in_late(
        lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent and reading.intent == "medical_appointment", (lang, reading.intent)


@pytest.mark.parametrize(("lang", "text"), STILL_A_DISPUTE)
def test_a_drop_off_done_or_at_the_school_run_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tested() -> None:
    assert set(COMING_IN_LATE) == set(LEXICONS.languages)
