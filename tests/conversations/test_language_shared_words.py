"""A word shared by two languages never flips the language on its own (issue 14, item 3).

Each lexicon's words weigh language detection, role words and loanwords too: "sorry",
"teacher", "hospital" sit in other lexicons' phrases because people write them inside their own
language. These tests go over every lexicon's words, so a new entry that would make an English
word another language's own ("sorry że" once made "wrong number sorry" Polish) fails here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conversations import language
from conversations.text import tokens
from store.lexicons import LOCALES, read_language
from tests.conversations.helpers import LEXICONS

CODES = sorted(LEXICONS.languages)
OTHERS = [code for code in CODES if code != "en"]


def _latin_role_words(code: str) -> Iterator[str]:
    """Every Latin-script word of one lexicon's `[roles]` (the safety net's vocabulary)."""
    raw = read_language(LOCALES / code)
    for entries in raw.get("roles", {}).values():
        for entry in entries:
            for word in tokens(entry.replace("*", "").replace("...", " ")):
                if word.isascii() and word.isalpha():
                    yield word


def detect(text: str, hint: str | None) -> str:
    return language.detect(tokens(text), LEXICONS, hint)


@pytest.mark.parametrize("code", OTHERS)
def test_an_english_reply_with_another_languages_role_word_is_still_english(code: str) -> None:
    flipped = sorted({w for w in _latin_role_words(code)
                      for sentence in (f"sorry wrong number {w}", f"hi is this the school {w}")
                      if detect(sentence, None) != "en" or detect(sentence, "en") != "en"})
    assert not flipped, f"{code} role words that flip an English reply: {flipped}"


@pytest.mark.parametrize("code", OTHERS)
def test_no_word_of_a_lexicon_flips_a_short_english_reply(code: str) -> None:
    words = [w for w, codes in LEXICONS.vocabulary.items() if code in codes
             and w.isascii() and w.isalpha()]
    flipped = sorted(w for w in words if detect(f"sorry wrong number {w}", None) != "en")
    assert not flipped, f"{code} words that flip 'sorry wrong number': {flipped[:20]}"


def test_a_word_several_languages_share_never_moves_a_reply_off_the_contacts_language() -> None:
    # Latin letters only: Arabic, Bengali and Gurmukhi letters decide by their script.
    shared = [w for w, codes in LEXICONS.vocabulary.items() if len(codes) > 1 and w.isascii()]
    assert len(shared) > 100
    moved = [(w, hint) for w in shared for hint in CODES
             if detect(w, hint) != hint
             or language.written_in(tokens(w), LEXICONS, hint, detect(w, hint)) is not None]
    assert not moved, moved[:20]


# English words people write inside every language: each is English too, so alone (or beside
# other shared words) it is never evidence for another language.
LOANWORDS = ["sorry", "ok", "okay", "thanks", "hello", "hi", "hospital", "appointment", "teacher",
             "school", "sir", "madam", "miss", "doctor", "dentist", "dentists", "test", "tension",
             "internet", "vaccine", "fever", "bus", "wedding", "holiday", "please", "office"]


@pytest.mark.parametrize("word", LOANWORDS)
def test_an_english_loanword_is_english_too(word: str) -> None:
    assert "en" in language.languages_of(word, LEXICONS)
    assert detect(word, None) == "en"
    assert detect(f"good morning {word}", None) == "en"
    assert detect(f"sorry {word} ok", "en") == "en"


@pytest.mark.parametrize(("text", "code"), [
    ("ok thanks", "en"), ("he is ill today", "en"), ("sorry she has a temperature", "en"),
    ("diolch yn fawr", "cy"), ("mae hi'n sâl heddiw", "cy"), ("dydy o ddim yn dda heddiw", "cy"),
    ("muchas gracias", "es"), ("está enfermo hoy", "es"), ("tiene fiebre, hoy no va", "es"),
    ("dziękuję bardzo", "pl"), ("jest chory dzisiaj", "pl"), ("ma goraczke, nie przyjdzie", "pl"),
    ("muito obrigada", "pt"), ("ele está doente hoje", "pt"), ("ela tem febre, não vai hoje", "pt"),
    ("multumesc frumos", "ro"), ("este bolnav azi", "ro"), ("are febra, nu vine azi", "ro"),
    ("labai ačiū", "lt"), ("jis serga šiandien", "lt"), ("karščiuoja, neateis", "lt"),
    ("mahadsanid", "so"), ("wuu xanuunsan yahay maanta", "so"), ("qandho ayuu qabaa", "so"),
    ("shukriya", "ur"), ("usko bukhar hai, aaj nahi aa sakta", "ur"),
    ("usko bukhar hai aaj school nahi aayega", "ur"),
    ("dhanvaad ji", "pa"), ("ajj bimaar aa", "pa"), ("ohnu bukhar aa ajj school nahi aauga", "pa"),
    ("dhonnobad", "bn"), ("or jor ashe, aaj school e jabe na", "bn"), ("ajke oshustho", "bn"),
    ("shukran", "ar"), ("mareed el yom", "ar"), ("شكرا", "ar"), ("شکریہ", "ur"),
    ("ধন্যবাদ", "bn"), ("ਧੰਨਵਾਦ", "pa"),
])
def test_a_short_typical_reply_is_read_as_its_language(text: str, code: str) -> None:
    assert detect(text, None) == code
    assert detect(text, code) == code
    assert detect(text, "en") == code
