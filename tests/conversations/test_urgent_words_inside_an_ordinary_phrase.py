"""An urgent phrase wholly inside a longer phrase of an ordinary intent is a word of that phrase,
as the longest phrase wins everywhere else: "lost her" is missing, "lost her voice" is a sore
throat and "lost her nan" a bereavement; the same words on their own stay urgent."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS, Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _plain(tokens: tuple[str, ...]) -> bool:
    return not any(token == "..." or token.endswith("*") for token in tokens)


def _ordinary_phrases_holding_an_urgent_one() -> list[tuple[str, Intent, str]]:
    """Every ordinary phrase of every lexicon that holds an urgent phrase word for word."""
    found = []
    for code, lexicon in sorted(LEXICONS.languages.items()):
        urgent = [p.tokens for i in URGENT_INTENTS for p in lexicon.intents.get(i, ())
                  if _plain(p.tokens)]
        for intent, phrases in lexicon.intents.items():
            if intent in URGENT_INTENTS:
                continue
            for phrase in phrases:
                words = phrase.tokens
                if _plain(words) and any(
                        len(u) < len(words) and any(words[k:k + len(u)] == u
                                                    for k in range(len(words) - len(u) + 1))
                        for u in urgent):
                    found.append((code, intent, " ".join(words)))
    return found


PHRASES = _ordinary_phrases_holding_an_urgent_one()


def test_the_lexicons_hold_such_phrases() -> None:
    assert len(PHRASES) >= 10 and {code for code, _, _ in PHRASES} >= {"en", "lt", "so", "ur"}


@pytest.mark.parametrize(("code", "intent", "text"), PHRASES)
def test_an_ordinary_phrase_is_read_whole(code: str, intent: Intent, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=code).intent is intent


@pytest.mark.parametrize(("code", "text", "intent"), [
    ("en", "morning, Lacey won't be in, this cold is awful, coughing all night and now she's "
           "lost her voice", Intent.ILLNESS),
    ("en", "Ruby's lost her voice completely so keeping her home today", Intent.ILLNESS),
    ("en", "he's off today, sadly he lost his grandad on Sunday", Intent.BEREAVEMENT),
    ("en", "Maisie is upset, she lost her nan last night, back Monday", Intent.BEREAVEMENT),
    ("lt", "atsiprasau, klaida numeris, neturiu vaiku jusu mokykloje", Intent.WRONG_NUMBER),
])
def test_a_reply_with_the_longer_phrase_is_not_urgent(code: str, text: str,
                                                      intent: Intent) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=code)
    assert not reading.urgent and reading.intent is intent, text


@pytest.mark.parametrize(("code", "text"), [
    ("en", "I've lost her, she ran off in the park and I can't find her"),
    ("en", "we lost her at the shops an hour ago, is she at school?"),
    ("en", "lost him on the way to school, he isn't answering"),
    ("lt", "tai klaida, ji tikrai mokykloje, pati ja nuvezau"),
])
def test_the_urgent_words_alone_stay_urgent(code: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=code).urgent, text
