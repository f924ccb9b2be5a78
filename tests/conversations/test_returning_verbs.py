"""Coming back on a day, as each dialect conjugates it: Arabizi "bterja3 bokra" (Levantine),
"hatirga3 bokra" (Egyptian), "ghadi trje3 ghedda" (Darija); and in postposition languages the
coming verb that closes a longer clause, "mongolbar theke abar school e jabe" (from Tuesday she
goes to school again). A return ends the absence the day before it. Today is Wednesday 25
November 2026."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

WED = TODAY
MON = date(2026, 11, 30)


def _span(text: str, lang: str) -> Span | None:
    return classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "Yara 3anda sokhoneh, bterja3 bokra 3al madrase"),
    ("ar", "Omar 3ando bard, byirja3 bokra"),
    ("ar", "Malak 3ayana, hatirga3 el madrasa bokra"),
    ("ar", "ليان مريضة، هترجع بكرة"),
    ("ar", "Salma mrida, ghadi trje3 ghedda"),
])
def test_coming_back_tomorrow_ends_today(lang: str, text: str) -> None:
    assert _span(text, lang) == Span(WED, WED)


@pytest.mark.parametrize(("lang", "text"), [
    ("bn", "Nadia r jor, shombar theke abar school e jabe"),
    ("bn", "Rafi r pet kharap, shombar theke abar school e ashbe"),
    ("ur", "Zoya ko bukhar hai, peer se phir se school aayegi"),
])
def test_back_again_from_a_day_ends_the_day_before(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is not None and span.start == WED and span.end < MON


def test_coming_back_denied_is_no_return() -> None:
    span = _span("Yara 3anda sokhoneh, ma bterja3 bokra", "ar")
    assert span is None or span.end >= date(2026, 11, 26)
