"""A greeting is no reason, whatever words it holds: "السلام عليكم ورحمة الله" (peace and God's
mercy be upon you) holds "رحمة الله", the words said of the dead, and must not make a clear
appointment a bereavement. Those words said of someone who died still are one.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _read(lang: str, text: str) -> tuple[Intent, bool]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    return reading.intent, reading.needs_staff


def test_a_greeting_of_gods_mercy_is_no_bereavement() -> None:
    assert _read("ar", "السلام عليكم ورحمة الله، ايمي عندها موعد عند دكتور العيون اليوم") == (
        Intent.MEDICAL_APPOINTMENT, False)
    assert _read("ar", "السلام عليكم ورحمة الله وبركاته، ايمي عندها حرارة اليوم") == (
        Intent.ILLNESS, False)


def test_words_said_of_the_dead_are_still_a_bereavement() -> None:
    intent, _ = _read("ar", "السلام عليكم، جد ايمي رحمه الله توفي امس")
    assert intent is Intent.BEREAVEMENT
