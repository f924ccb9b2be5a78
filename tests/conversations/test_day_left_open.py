"""A day left open: "will let you know about tomorrow", "dam znać jutro", "kal bata dungi" say
nothing yet about that day, so no code goes on it; today's reason still holds. Today is
Wednesday 25 November 2026."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

THU = date(2026, 11, 26)


def _span(text: str, lang: str) -> Span | None:
    return classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Lily has a high temperature, she's in bed. I'll let you know about tomorrow"),
    ("en", "both kids have the vomiting bug, will keep you posted re tomorrow"),
    ("cy", "Mae Gruff yn sâl efo gwres, wna i adael i chi wybod am fory"),
    ("pl", "Zosia ma gorączkę, dam znać jutro czy przyjdzie"),
    ("pt", "O Tiago está com febre, amanhã eu aviso se ele vai"),
    ("ro", "Luca are febră, vă anunț mâine dacă vine"),
    ("ar", "ليلى عندها حرارة، بكرة بخبركم"),
    ("ur", "Ayaan ko bukhar hai, kal ka bata dungi"),
    ("bn", "Tania r jor, kal er kotha janabo"),
    ("pa", "Jasleen nu bukhar aa, kal da dass dangi"),
    ("so", "Hodan waa xanuunsan tahay, berri waan idin ogeysiin doonaa"),
    ("lt", "Ema karščiuoja, dėl rytojaus pranešiu"),
    ("es", "Lucas tiene fiebre, mañana le aviso si va"),
])
def test_a_day_left_open_is_not_covered(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is None or span.end < THU


@pytest.mark.parametrize(("lang", "text"), [
    # Near misses: tomorrow said plainly is covered.
    ("en", "Lily has a high temperature, she won't be in tomorrow either, I'll let you know"
           " how she is"),
    ("pl", "Zosia ma gorączkę, jutro też nie przyjdzie"),
    ("es", "Lucas tiene fiebre, mañana tampoco va"),
])
def test_tomorrow_said_plainly_is_still_covered(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is not None and span.end == THU
