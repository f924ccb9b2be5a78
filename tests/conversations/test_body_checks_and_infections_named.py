"""A check of the body told as a test or an exam (eye, hearing, blood, allergy) is a medical
appointment, never a school exam; mumps and a stomach bug told as gastroenteritis are illness.
Fresh wordings in all twelve languages (concepts/body_checks.toml, infections_named.toml)."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

CHECKS = [
    ("en", "Ava's got an eye exam at 9 so she'll be in for 11"),
    ("en", "he has a hearing test at the audiology clinic this morning"),
    ("pt", "a Lara vai ao exame de vista hoje cedo, depois vai pra escola"),
    ("pt", "o Rui tem análises ao sangue de manhã"),
    ("es", "Mateo tiene examen de la vista a las 9 y luego lo llevo"),
    ("es", "hoy le hacen una prueba de audición a Carla"),
    ("ro", "Ioana are control la ochi azi dimineata"),
    ("ro", "are analize de sange la 8, vine mai tarziu"),
    ("pl", "Zosia ma dziś badanie wzroku, będzie po 11"),
    ("pl", "Kuba ma rano badanie krwi"),
    ("lt", "Ieva šiandien turi regėjimo patikrą, ateis vėliau"),
    ("lt", "ryte kraujo tyrimai, po to atvesiu"),
    ("cy", "mae gan Gethin brawf llygaid bore ma"),
    ("cy", "prawf gwaed i Elin am 9, fydd hi mewn wedyn"),
    ("ar", "عند يوسف فحص نظر الصبح وبيجي بعدين"),
    ("ar", "lina 3andaha ta7lil dam el sob7"),
    ("ur", "Ayesha ka aaj subah khoon ka test hai"),
    ("ur", "آج زید کا آنکھوں کا ٹیسٹ ہے"),
    ("bn", "ajke Tanvir er chokher porikkha ache sokale"),
    ("bn", "আজ রিয়ার রক্ত পরীক্ষা আছে"),
    ("pa", "ajj Simran da khoon da test hai savere"),
    ("pa", "ਅੱਜ ਗੁਰਲੀਨ ਦਾ ਅੱਖਾਂ ਦਾ ਟੈਸਟ ਹੈ"),
    ("so", "Hodan waxay leedahay baaritaanka indhaha subaxa"),
    ("so", "Cali baaritaan dhiig ayuu leeyahay maanta"),
]

INFECTIONS = [
    ("en", "Noah has mumps, his face is all swollen"),
    ("en", "she's got gastroenteritis, off today"),
    ("pt", "o Davi tá com caxumba, fica em casa"),
    ("pt", "a Inês está com papeira"),
    ("es", "Pablo tiene paperas, no va hoy"),
    ("ro", "Andrei are oreion, ramane acasa"),
    ("pl", "Olek ma świnkę, zostaje w domu"),
    ("pl", "Hania ma grypę żołądkową"),
    ("lt", "Jonas serga kiaulyte"),
    ("cy", "mae clwy pennau ar Iwan"),
    ("ar", "مريم عندها نزلة معوية اليوم"),
    ("ar", "omar 3ando abu ka3b"),
    ("ur", "Bilal ko kan pairay ho gaye hain"),
    ("bn", "Rafi r galfola hoyeche"),
    ("pa", "Harjot nu kan pede ho gaye ne"),
    ("so", "Amina waxay qabtaa qaamo qashiir"),
]

EXAMS = [
    ("en", "she has her maths exam this morning"),
    ("pt", "hoje ela tem exame de matemática"),
    ("es", "tiene examen de inglés a primera hora"),
]


@pytest.mark.parametrize(("code", "text"), CHECKS)
def test_a_check_of_the_body_is_a_medical_appointment(code: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=code)
    assert reading.intent is Intent.MEDICAL_APPOINTMENT, (text, reading.intent)


@pytest.mark.parametrize(("code", "text"), INFECTIONS)
def test_an_infection_named_is_illness(code: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=code)
    assert reading.intent is Intent.ILLNESS, (text, reading.intent)


@pytest.mark.parametrize(("code", "text"), EXAMS)
def test_a_school_exam_is_no_appointment(code: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=code)
    assert reading.intent is not Intent.MEDICAL_APPOINTMENT, text
