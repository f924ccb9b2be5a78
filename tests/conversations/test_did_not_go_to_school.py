"""A going to school negated between the verb and the school ("Aeth hi ddim i'r ysgol": she
did not go to school, the Welsh negation after the verb and its subject) is no school run, so
a sick child kept home is no disputed absence in any language (conversations/school_run.py
`_negated_between`; the Welsh lexicon's "aeth ... i'r ysgol" phrase is defused the same way).
A school run told without a negation stays urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

NOT_GONE = {
    "en": ["she didn't go to school today, she's got a temperature"],
    "cy": ["Aeth hi ddim i'r ysgol heddiw, mae hi'n sâl", "aeth e ddim i'r ysgol achos mae e'n"
           " dost", "Aeth o ddim i'r ysgol, mae ganddo fo annwyd"],
    "pl": ["nie poszła dziś do szkoły, ma gorączkę"],
    "pt": ["ela não foi à escola hoje, está com febre"],
    "ro": ["nu s-a dus la școală azi, are febră"],
    "ar": ["ما راحت عالمدرسة اليوم، عندها حرارة"],
    "ur": ["wo aaj school nahi gayi, bukhar hai"],
    "bn": ["o aj school e jay ni, jor hoyeche"],
    "pa": ["oh ajj school nahi gayi, bukhar aa"],
    "so": ["maanta dugsiga ma aadin, qandho ayay qabtaa"],
    "lt": ["šiandien nėjo į mokyklą, karščiuoja"],
    "es": ["hoy no fue al colegio, tiene fiebre"],
}
GONE = {
    "en": ["she went to school this morning, where is she?"],
    "cy": ["aeth hi i'r ysgol bore ma, lle mae hi?"],
    "pl": ["poszła do szkoły rano, gdzie ona jest?"],
    "pt": ["ela foi para a escola de manhã, onde está?"],
    "ro": ["a plecat la școală azi dimineață, unde e?"],
    "ar": ["راحت عالمدرسة الصبح، وينها؟"],
    "ur": ["wo subah school gayi thi, kahan hai?"],
    "bn": ["o sokale school e geche, kothay?"],
    "pa": ["oh savere school gayi si, kithe aa?"],
    "so": ["subaxdii dugsiga ayay aadday, xaggee bay joogtaa?"],
    "lt": ["ryte išėjo į mokyklą, kur ji?"],
    "es": ["se fue al colegio esta mañana, ¿dónde está?"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_GONE.items() for t in ts])
def test_a_going_to_school_negated_is_illness_not_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (False, Intent.ILLNESS), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in GONE.items() for t in ts])
def test_a_going_to_school_told_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(NOT_GONE) == set(GONE) == set(LEXICONS.languages)
