"""A long-standing condition's review, clinic or check-up ("asthma review at the Royal", "eye
clinic", "heart scan") is a medical appointment, not the illness it names. Near misses must
not: the condition itself flaring ("asthma is bad today", "an asthma attack") stays illness.

English only: this step adds English phrases; the other languages' appointment words already
carry their own check-ups (tests/conversations/test_appointment_after_school.py).
Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(
    "text",
    [
        "Amy has her asthma review at the Royal this morning",
        "Amy is at the eye clinic this morning, in after lunch",
        "Amy has her diabetes check up today, she wont be in",
        "Amys heart scan is this morning so she'll be late",
    ],
)
def test_a_condition_reviewed_is_an_appointment(text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint="en")
    assert reading.intent is Intent.MEDICAL_APPOINTMENT


@pytest.mark.parametrize(
    "text",
    [
        "Amys asthma is bad today, keeping her home",
        "Amy had an asthma attack last night, staying home",
    ],
)
def test_the_condition_flaring_is_illness(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").intent is Intent.ILLNESS
