"""English replies that tell the absence plainly (locales/en/lexicon.toml): not wanting to be at
this school is refusing the school, not a wish not to live, and "didn't come to school today"
is the absence itself, not the bus. A wish not to be here at all stays urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize("text,intent", [
    ("she doesnt want to be here at this school anymore", Intent.SCHOOL_REFUSAL),
    ("he doesnt want to be at this school, he says the boys pick on him", Intent.SCHOOL_REFUSAL),
    ("she didnt come to school today, shes sick", Intent.ILLNESS),
    ("he did not come to school today as he has a temperature", Intent.ILLNESS),
])
def test_the_absence_told_plainly(text: str, intent: Intent) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint="en")
    assert (reading.intent, reading.urgent) == (intent, False), text


@pytest.mark.parametrize("text", [
    "she doesnt want to be here anymore",
    "he says he doesnt want to be here any more, not in this world",
])
def test_a_wish_not_to_be_here_stays_urgent(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").urgent, text
