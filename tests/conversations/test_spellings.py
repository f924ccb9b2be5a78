"""Misspelt urgent replies are still urgent: the lexicon's spellings table is applied first,
then the forms a rule knows (a romanised word by its sound, a Welsh word by its mutations)."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.text import sound
from conversations.types import Intent, StudentFact
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


@pytest.mark.parametrize(("word", "same"), [
    ("chhora", "chora"), ("chorra", "chora"), ("wapas", "vapas"), ("peeche", "piche"),
])
def test_romanised_spellings_that_sound_alike_are_one_word(word: str, same: str) -> None:
    assert sound(word) == sound(same)


def test_kh_and_gh_are_letters_of_their_own() -> None:
    assert sound("khana") != sound("kana") and sound("ghar") != sound("gar")


def test_a_roman_urdu_word_spelt_another_way_is_read() -> None:
    """The lexicon has "chora" (left); "chhora" is the same word, typed another way."""
    reading = classify("maine khud usay gate pe chhora tha subah 8 baje",
                       lexicons=load_lexicons(), language_hint="ur")
    assert reading.intent is Intent.IN_SCHOOL_DISPUTE


def test_a_childs_name_is_never_respelt_into_a_lexicon_word() -> None:
    amy = StudentFact("S1", "Chora", None)  # a name that sounds like a lexicon word
    reading = classify("Chhora ko bukhar hai", lexicons=load_lexicons(), language_hint="ur",
                       students=(amy,))
    assert [c.student_id for c in reading.children] == ["S1"]


@pytest.mark.parametrize("text", [
    "daeth ei thad adra wedi meddwi a'i tharo hi",  # aspirate: taro -> tharo
    "mae o wedi ei nharo i eto neithiwr ac wedi meddwi",  # nasal: taro -> nharo
])
def test_a_welsh_word_is_read_in_its_mutated_forms(text: str) -> None:
    assert classify(text, lexicons=load_lexicons(), language_hint="cy").urgent


def test_arabic_and_joined_to_a_stem_is_read() -> None:
    """"وضربهم" is "and hit them": the stem "ضرب*" behind the joined "and"."""
    reading = classify("رجع ابوهم وضربهم امبارح", lexicons=load_lexicons(), language_hint="ar")
    assert reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "Amy ko bukhar hai, peer ko school aayegi"),  # "peer" sounds like "phir" (then)
    ("ur", "Amy ko bukhar hai, pir ko wapas aayegi"),
    ("pa", "Amy nu bukhar aa, somvar nu school aaugi"),
    ("bn", "Amy er jor, sombar theke school e ashbe"),
])
def test_a_days_name_is_never_respelt_into_another_word(lang: str, text: str) -> None:
    """A day's name is a word of the language: never read as a misspelling of a word that
    sounds like it (Roman Urdu "peer", Monday, is not "phir", then)."""
    today = date(2026, 11, 25)  # a Wednesday: back on Monday the 30th
    reading = classify(text, lexicons=load_lexicons(), language_hint=lang, today=today)
    assert reading.span is not None
    assert (reading.span.start, reading.span.end) == (today, date(2026, 11, 29)), reading.span
