"""The schoolwork a child is missing is no missing child: "what should I do about the homework
she's missing" asks about work, while "she's missing since last night" stays urgent
(locales/en/lexicon.toml `defuse`). English only: the other lexicons' words for a missing child
are not the words for missing work."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize("text", [
    "shes off with a cold, what should i do about the homework shes missing",
    "can you send the work hes missing please, hes got tonsillitis",
    "will she get the lessons shes missing, shes in hospital till friday",
])
def test_the_work_a_child_is_missing_is_no_missing_child(text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint="en")
    assert not reading.urgent, (text, reading.intent)


@pytest.mark.parametrize("text", [
    "shes missing since last night, what should i do",
    "hes missing and his phone is off",
])
def test_a_missing_child_stays_urgent(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").urgent, text
