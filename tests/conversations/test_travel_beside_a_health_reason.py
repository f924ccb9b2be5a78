"""One weak word of travel ("traffic", "bus", "train") beside a health reason said plainly is
how the day went, not a second reason: "his asthma review at the hospital, and with the traffic
we won't be back today" is a clear appointment. A travel reason said as one ("the car broke
down", "huelga de autobuses") beside an illness is still a second reason for a person to see,
and travel alone is still travel.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _read(lang: str, text: str) -> tuple[Intent, bool]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    return reading.intent, reading.needs_staff


@pytest.mark.parametrize(("lang", "text", "intent"), [
    ("en", "Amy has her eczema review at the hospital this morning and with the traffic we "
           "won't get back before the end of the day", Intent.MEDICAL_APPOINTMENT),
    ("en", "Amy has a dentist appointment in town, the bus takes ages so she'll miss the day",
     Intent.MEDICAL_APPOINTMENT),
])
def test_a_weak_travel_word_beside_a_plain_health_reason_is_no_rival(
        lang: str, text: str, intent: Intent) -> None:
    assert _read(lang, text) == (intent, False)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has a cold and our car broke down this morning"),
])
def test_a_travel_reason_said_as_one_still_goes_to_a_person(lang: str, text: str) -> None:
    _, needs_staff = _read(lang, text)
    assert needs_staff


def test_travel_alone_is_still_travel() -> None:
    intent, _ = _read("en", "Sorry Amy will miss today, the trains are cancelled")
    assert intent is Intent.TRANSPORT
