"""A death in the family told in spoken Arabic and Arabizi is a bereavement
(locales/ar/lexicon.toml): "جدتها توفت بسوريا" (her grandmother died in Syria) was read as a
holiday because only the written forms ("توفيت") were listed; where it happened is not why."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize("text", [
    "جدتها توفت بسوريا، ما رح تيجي اليوم",
    "جده اتوفى امبارح في مصر",
    "سيدها انتقل الى رحمة الله",
    "teta etwaffat emberi7, mish jayye el yom",
    "jaddo twaffat, allah yer7amha",
])
def test_a_spoken_death_is_a_bereavement(text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint="ar")
    assert reading.intent is Intent.BEREAVEMENT and not reading.urgent, (text, reading.intent)


def test_a_trip_to_syria_stays_a_holiday() -> None:
    reading = classify("رايحين على سوريا لعند جدتها اسبوعين", lexicons=LEXICONS,
                       language_hint="ar")
    assert reading.intent is Intent.HOLIDAY, reading.intent
