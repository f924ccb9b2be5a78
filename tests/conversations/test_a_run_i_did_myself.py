"""A school run the sender did in person, then "how is he absent? where is he?" (issue 14), is
a disputed absence and urgent in every language, Sylheti too ("ami nije skul er gate o namaiya
disi ... absent kemne? he kuwai?"); a drop-off the sender did at the dentist stays ordinary.

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

DROPPED_AT_SCHOOL = [
    ("en", "I dropped her at the school gate myself at 8:45, how is she absent? where is she?"),
    ("cy", "Nes i ei gollwng hi wrth giât yr ysgol fy hun am 8:45, sut mae hi'n absennol? Lle "
           "mae hi?"),
    ("pl", "Sama ją odprowadziłam pod bramę szkoły o 8:45, jak to nieobecna? Gdzie ona jest?"),
    ("pt", "Eu própria deixei-a no portão da escola às 8:45, como é que está ausente? Onde "
           "está ela?"),
    ("ro", "Am lăsat-o eu însămi la poarta școlii la 8:45, cum adică absentă? Unde e?"),
    ("es", "Yo misma la dejé en la puerta del colegio a las 8:45, ¿cómo que está ausente? "
           "¿Dónde está?"),
    ("lt", "Pati ją palikau prie mokyklos vartų 8:45, kaip ji gali būti nebuvusi? Kur ji?"),
    ("ar", "أنا بنفسي وصلتها لباب المدرسة الساعة ٨:٤٥، كيف غايبة؟ وينها؟"),
    ("ur", "main khud usay 8:45 pe school ke gate pe chhod ke aayi thi, absent kaise? kahan hai?"),
    ("bn", "ami nije oke 8:45 e skul er gate o namaiya disi, absent kemne? he kuwai?"),
    ("pa", "mai aap ohnu 8:45 te school de gate te chhad ke aayi si, absent kiven? kithe aa?"),
    ("so", "Anigu qudhayda ayaa iskuulka albaabkiisa ku dejiyay 8:45, sidee maqan ku tahay? "
           "Xaggee ayay joogtaa?"),
]

DROPPED_ELSEWHERE = [
    ("en", "I dropped her at the dentist myself at 9, she'll be in after lunch"),
    ("bn", "ami nije oke dentist er kache namaiya disi, lunch er pore school e jabe"),
    ("ur", "main khud usay dentist pe chhod ke aayi, lunch ke baad school aayegi"),
]


@pytest.mark.parametrize(("lang", "text"), DROPPED_AT_SCHOOL)
def test_a_run_to_school_the_sender_did_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    assert reading.urgent and reading.intent in URGENT_INTENTS


@pytest.mark.parametrize(("lang", "text"), DROPPED_ELSEWHERE)
def test_a_drop_off_at_the_dentist_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    assert not reading.urgent


def test_every_language_has_a_run_done_in_person() -> None:
    assert {lang for lang, _ in DROPPED_AT_SCHOOL} == set(LEXICONS.languages)
