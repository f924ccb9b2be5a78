"""Which language a reply is written in: script first, then vocabulary, the contact's as a hint.

A light detector is enough here and far faster than a general one: replies are short, and the
lexicons already know which words each language uses for absences.
"""

from __future__ import annotations

from collections.abc import Sequence

from conversations.types import Lexicons

# Letters Urdu writes and Arabic does not (after normalisation, see text.py).
_URDU_LETTERS = frozenset("ٹڈڑںےۓپچگژ")
HINT_BONUS = 0.75


def detect(words: Sequence[str], lexicons: Lexicons, hint: str | None) -> str:
    """The most likely language code of a reply among those the lexicons know."""
    languages = lexicons.languages
    hint = hint if hint in languages else None
    if any(w and "\u0600" <= w[0] <= "\u06ff" for w in words):
        return _arabic_script(words, hint)
    best, best_score = hint or "en", -1.0
    for code, lex in languages.items():
        if lex.script != "latin" and code != "ur":  # Roman Urdu is Urdu in Latin letters
            continue
        vocabulary = lex.index.first_words
        score = sum(1.0 for w in words if w in lex.markers or w in vocabulary)
        if code == hint:
            score += HINT_BONUS
        if score > best_score or (score == best_score and code == hint):
            best, best_score = code, score
    return best


def _arabic_script(words: Sequence[str], hint: str | None) -> str:
    if any(ch in _URDU_LETTERS for w in words for ch in w):
        return "ur"
    return hint if hint in ("ar", "ur") else "ar"
