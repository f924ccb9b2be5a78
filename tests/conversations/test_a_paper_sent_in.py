"""A paper sent in is no child sent in (issue 14): "the letter went in last week" beside an
appointment today tells a letter that went to school, not a disputed school run, in every
language (locales/<lang>/concepts/a_paper_sent_in.toml, conversations/school_run.py).
Only the first going after the paper is the paper's, and none across a word for the child: a
run the reply tells beside the paper is still urgent.

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

A_PAPER_WENT_IN = [
    ("en", "Amy is getting her brace fitted at the orthodontist today, "
           "the letter went in last week"),
    ("en", "Amy has the dentist this morning, I sent a note in with her sister on Monday"),
    ("cy", "Mae Amy yn cael brês gan yr orthodeintydd heddiw, "
           "aeth y llythyr i mewn wythnos diwetha"),
    ("pl", "Amy ma dziś zakładany aparat u ortodonty, list poszedł do szkoły w zeszłym tygodniu"),
    ("pt", "A Amy vai pôr aparelho no ortodontista hoje, "
           "a carta foi entregue na escola na semana passada"),
    ("ro", "Amy își pune aparat dentar la ortodont azi, "
           "scrisoarea a fost dusă la școală săptămâna trecută"),
    ("es", "Amy tiene cita con el ortodoncista hoy para ponerle los brackets, "
           "la carta la llevó al colegio la semana pasada"),
    ("lt", "Amy šiandien pas ortodontą dėl breketų, laišką nunešėm į mokyklą praeitą savaitę"),
    ("ar", "ايمي عندها موعد تقويم الأسنان اليوم، الرسالة وصلت المدرسة الأسبوع الماضي"),
    ("ur", "Amy ka aaj orthodontist ke paas braces lagwane ka appointment hai, "
           "letter pichle hafte school gaya tha"),
    ("bn", "Amy r ajke orthodontist e braces lagano appointment, "
           "chithi gota shoptahe school e gese"),
    ("pa", "Amy di aaj orthodontist kol braces di appointment aa, "
           "chitthi pichle hafte school gayi si"),
    ("so", "Amy maanta ballan ayay la leedahay dhakhtarka ilkaha, "
           "warqadda todobaadkii hore ayaa iskuulka la geeyay"),
]

THE_CHILD_WENT_IN = [
    ("en", "the note went in and I dropped her at the gate myself, where is she"),
    ("en", "I gave her the note and she went to school at 8, why is she absent"),
    ("en", "she took the letter to school this morning and you say shes absent?"),
    ("ur", "letter pichle hafte school gaya tha, Amy aaj school gayi thi, kahan hai?"),
]


@pytest.mark.parametrize(("lang", "text"), A_PAPER_WENT_IN)
def test_a_paper_that_went_in_beside_an_appointment_is_the_appointment(lang: str,
                                                                      text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    assert reading.intent is Intent.MEDICAL_APPOINTMENT and not reading.urgent


@pytest.mark.parametrize(("lang", "text"), THE_CHILD_WENT_IN)
def test_the_child_going_in_beside_a_paper_stays_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    assert reading.urgent


def test_every_language_has_a_paper_sent_in() -> None:
    assert {lang for lang, _ in A_PAPER_WENT_IN} == set(LEXICONS.languages)
