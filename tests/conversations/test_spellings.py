"""Misspelt urgent replies are still urgent: the lexicon's spellings table is applied first."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from store.lexicons import load_lexicons


@pytest.mark.parametrize(("text", "intent"), [
    ("i droped her off at skool this morning shes def there", Intent.IN_SCHOOL_DISPUTE),
    ("i dont kno wer he is", Intent.WHEREABOUTS_UNKNOWN),
])
def test_a_misspelt_urgent_reply_is_urgent(text: str, intent: Intent) -> None:
    reading = classify(text, lexicons=load_lexicons(), language_hint="en")
    assert reading.intent is intent and reading.urgent


def test_spellings_replace_whole_words_only() -> None:
    reading = classify("she has a sore throat, school nurse sent her home",
                       lexicons=load_lexicons(), language_hint="en")
    assert not reading.urgent
