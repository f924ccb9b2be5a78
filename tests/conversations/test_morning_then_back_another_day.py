"""A morning appointment with the return named for another day ("dentist this morning, back
tomorrow", "bterja3 bokra", "jutro wraca") has the child out all of today: the whole day, not
the morning only. Coming in later today ("back this afternoon", "in by 11") keeps it the
morning's. Today is Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import timedelta

import pytest

from conversations.types import Session, Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY


def _span(text: str, lang: str) -> Span | None:
    return classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "hospital appointment this morning, she'll be back in school tomorrow"),
    ("en", "orthodontist at 10, back tomorrow as normal"),
    ("cy", "apwyntiad ysbyty bore ma, bydd hi nôl fory"),
    ("pl", "rano ma lekarza, jutro wraca do szkoły"),
    ("pt", "tem consulta de manhã, volta amanhã"),
    ("ro", "are programare la medic dimineață, vine mâine la școală"),
    ("ar", "abouha a5adha 3al dentist el sob7, bterja3 bokra 3al madrase"),
    ("ur", "subah hospital ka appointment hai, kal school aayegi"),
    ("so", "subaxda ballan isbitaal ayay leedahay, berri ayay iman doontaa"),
    ("lt", "ryte vizitas pas gydytoją, rytoj grįš į mokyklą"),
    ("es", "tiene el médico esta mañana, mañana vuelve al cole"),
])
def test_back_another_day_is_the_whole_of_today(lang: str, text: str) -> None:
    assert _span(text, lang) == Span(TODAY, TODAY)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "dentist this morning, back this afternoon, fine for tomorrow"),
    ("en", "dentist at 9, she'll be in by 11, back to normal tomorrow"),
    ("es", "tiene el médico esta mañana, la llevo al cole después de comer"),
])
def test_coming_in_later_today_keeps_the_morning(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is not None and span.session is Session.AM


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she's ill, back tomorrow after lunch"),
    ("en", "she's ill, back tomorrow morning"),
    ("pl", "chora, wróci jutro po obiedzie"),
])
def test_the_half_day_of_the_return_is_not_todays(lang: str, text: str) -> None:
    assert _span(text, lang) == Span(TODAY, TODAY)


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "la llevo al cole mañana después de comer, tiene análisis por la mañana"),
    ("pl", "jutro rano ma badanie, przywiozę ją jutro po obiedzie"),
])
def test_brought_in_tomorrow_after_lunch_is_tomorrow_morning(lang: str, text: str) -> None:
    tomorrow = TODAY + timedelta(days=1)
    assert _span(text, lang) == Span(tomorrow, tomorrow, Session.AM)
