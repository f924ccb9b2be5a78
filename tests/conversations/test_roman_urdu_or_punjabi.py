"""A Latin reply of only the words Roman Urdu and Roman Punjabi share ("Amy bimar hai, aaj
nahi aayegi") cannot say which of the two it is. Such a tie is read in both lexicons (a
word only one lists is never lost), is taken first as Urdu, whose words the shared ones are
("hai", "ki", "aayegi"; Punjabi writes "aa", "di", "aaugi"), and is answered in the language
the school wrote in (the contact's own), never switched to Gurmukhi or Urdu script on a
guess. A contact on file as Punjabi or Urdu keeps their language. Near-misses: a reply
with Punjabi's own words ("nu", "aa", "aaugi") is Punjabi, one with Urdu's ("ko") is Urdu,
and either from an English contact is answered in it.

Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

SHARED_WORDS_ONLY = [
    "Amy bimar hai, aaj nahi aayegi",
    "Amy ki tabiyat theek nahi hai",
    "bacha bimar hai",
    "ulti aa rahi hai, pet dard hai",
]


@pytest.mark.parametrize("text", SHARED_WORDS_ONLY)
def test_a_tie_with_no_language_on_file_is_read_as_urdu(text: str) -> None:
    reading = classify(text, lexicons=LEXICONS)
    assert (reading.language, reading.intent) == ("ur", Intent.ILLNESS)


@pytest.mark.parametrize("text", SHARED_WORDS_ONLY)
def test_a_tie_is_answered_in_the_language_the_school_wrote_in(text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="en").answer_language is None


@pytest.mark.parametrize(("on_file", "text"), [("pa", t) for t in SHARED_WORDS_ONLY]
                         + [("ur", t) for t in SHARED_WORDS_ONLY])
def test_a_tie_keeps_the_contacts_own_language(on_file: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=on_file)
    assert (reading.language, reading.answer_language) == (on_file, None)


@pytest.mark.parametrize(("text", "language"), [
    ("Amy nu bukhar aa, ajj nahi aaugi", "pa"),
    ("Amy bimar aa ajj nahi aaugi", "pa"),
    ("Amy nu bukhar hai", "pa"),
    ("Amy ko bukhar hai", "ur"),
])
def test_a_languages_own_words_decide(text: str, language: str) -> None:
    assert classify(text, lexicons=LEXICONS).language == language
    assert classify(text, lexicons=LEXICONS, language_hint="en").answer_language == language
