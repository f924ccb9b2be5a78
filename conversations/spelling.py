"""A reply's words as the lexicon spells them, position for position: misspellings the
lexicon lists ("skool"), and the forms a rule knows — a romanised word that sounds like the
lexicon's ("chhora" for "chora"), a Welsh mutation ("tharo" for "taro")."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from conversations.text import sound
from conversations.types import LanguageLexicon


def respelled(words: list[str], langs: Sequence[LanguageLexicon]) -> list[str]:
    """Each misspelt word replaced by the word the phrases use, position for position."""
    spellings = [lex.spellings for lex in langs if lex.spellings]
    if not spellings:
        return words
    respelled = []
    for word in words:
        for table in spellings:
            if word in table:
                word = table[word]
                break
        respelled.append(word)
    return respelled


def by_form(words: list[str], langs: Sequence[LanguageLexicon], known: Collection[str],
            names: Collection[int]) -> list[str]:
    """A word no lexicon knows, replaced by the one lexicon word it is a form of: a romanised
    spelling that sounds alike ("chhora" for "chora"), a Welsh mutation ("tharo" for "taro").
    Names stay as they are."""
    tables = [lex for lex in langs if lex.sounds]
    if not tables:
        return words
    respelled = list(words)
    for position, word in enumerate(words):
        if word in known or position in names:
            continue
        for lex in tables:
            key = sound(word) if lex.romanised else word
            if key is not None and key in lex.sounds:
                respelled[position] = lex.sounds[key]
                break
    return respelled
