"""Bengali and Punjabi "kal" is yesterday or tomorrow by its verb. A present verb ("kal
appointment ache", "kal appointment aa": there is an appointment) speaks of tomorrow; a day that
starts a run ("kal theke jor ache": a fever since yesterday) is yesterday, and so is a present
word that is only part of a past verb ("bukhar aa gaya si"). Today is Wednesday 25 November
2026."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

TUE, THU = date(2026, 11, 24), date(2026, 11, 26)


def _start(text: str, lang: str = "bn") -> date | None:
    span = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span
    return span.start if span else None


@pytest.mark.parametrize("text", [
    "kal Riya r hospital e appointment ache",
    "kalke sokale Tamim er dentist ache",
    "কাল সকালে নাফিসার ডাক্তারের অ্যাপয়েন্টমেন্ট আছে",
])
def test_a_present_verb_after_kal_is_tomorrow(text: str) -> None:
    assert _start(text) == THU


@pytest.mark.parametrize("text", [
    "kal theke Riya r jor ache",
    "কাল থেকে তামিমের জ্বর আছে",
])
def test_kal_theke_with_a_present_verb_is_since_yesterday(text: str) -> None:
    assert _start(text) == TUE


@pytest.mark.parametrize(("text", "day"), [
    ("kal Simran di eye hospital appointment aa, saara din lagna", THU),
    ("ਕੱਲ੍ਹ ਜਸਲੀਨ ਦੀ ਡੈਂਟਿਸਟ ਅਪੌਇੰਟਮੈਂਟ ਆ", THU),
    ("kal ton Simran nu bukhar aa", TUE),
    ("kal Simran nu bukhar aa gaya si", TUE),
])
def test_punjabi_present_and_past(text: str, day: date) -> None:
    assert _start(text, "pa") == day
