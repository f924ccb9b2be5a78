"""Which language a reply is written in: script first, then vocabulary, the contact's as a hint.

Arabic letters are Arabic or Urdu; Bengali letters are Bengali and Gurmukhi Punjabi. Latin
letters are weighed by vocabulary, which includes the romanised words of Urdu, Bengali and
Punjabi (lexicons marked `romanised = true`).

A light detector is enough here and far faster than a general one: replies are short, and the
lexicons already know which words each language uses for absences.
"""

from __future__ import annotations

from collections.abc import Sequence

from conversations.lexicon import MIN_STEM
from conversations.types import Lexicons

# Letters Urdu writes and Arabic does not (after normalisation, see text.py).
_URDU_LETTERS = frozenset("ٹڈڑںےۓپچگژ")
HINT_BONUS = 0.75
_SCRIPTS = {"bn": ("\u0980", "\u09ff"), "pa": ("\u0a00", "\u0a7f")}


def detect(words: Sequence[str], lexicons: Lexicons, hint: str | None) -> str:
    """The most likely language code of a reply among those the lexicons know."""
    languages = lexicons.languages
    hint = hint if hint in languages else None
    if not all(w.isascii() for w in words):
        if any("\u0600" <= w[:1] <= "\u06ff" for w in words):
            return _arabic_script(words, lexicons, hint)
        for code, (low, high) in _SCRIPTS.items():  # Bengali, Gurmukhi: one language each here
            if code in languages and any(low <= ch <= high for w in words for ch in w):
                return code
    scores = _scores(words, lexicons)
    if hint:
        scores[hint] += HINT_BONUS
    best = hint or ("en" if "en" in languages else next(iter(languages)))
    for code, score in scores.items():
        if score > scores[best] or (score == scores[best] and _TIE_FIRST.get(best) == code):
            best = code
    return best


# A tie between two languages that share a word list goes to the one whose words they are:
# Roman Punjabi and Roman Urdu share "hai", "ki", "nahi", "aayegi", "bimar", Urdu's words
# (Punjabi writes "aa", "di", "aaugi"), so a reply of only shared words is read as Urdu first.
_TIE_FIRST = {"pa": "ur"}


def tied(words: Sequence[str], lexicons: Lexicons, detected: str) -> list[str]:
    """The other romanised languages whose vocabulary weighs as much as the detected
    romanised one's in a Latin reply (Roman Urdu and Roman Punjabi share most words): the
    reply is read in them too, so a word only one of them lists is never lost to the tie. A
    word every lexicon lists ("38", "ok") ties no Latin-script language in."""
    languages = lexicons.languages
    if _script_of(words) != "latin" or detected not in languages or not languages[
            detected].romanised:
        return []
    scores = _scores(words, lexicons)
    top = scores.get(detected, 0.0)
    return [code for code, score in scores.items()
            if code != detected and top > 0 and abs(score - top) < _SAME
            and languages[code].romanised]


_SAME = 1e-9


def written_in(words: Sequence[str], lexicons: Lexicons, hint: str | None,
               detected: str) -> str | None:
    """The language to answer in when the reply plainly is not in the contact's (else None).

    Plainly: written in another script (Arabic, Bengali or Gurmukhi letters decide, see
    `detect`), or in Latin letters with at least one whole word more of the detected
    language's vocabulary than of the contact's, and no other language tied with it (then
    the contact's language, the one the school wrote in, is answered in). "ok" or "Test"
    never change the language we answer in; "wrong number" from a contact on file as
    Bengali is answered in English.
    """
    if hint is None or detected == hint or hint not in lexicons.languages:
        return None
    if _script_of(words) != "latin":
        return detected
    raw = _scores(words, lexicons)
    # A tie with a third language ("Amy bimar hai": Urdu or Punjabi) does not say which it is:
    # answer in the language the school wrote in, the contact's, rather than guess.
    if any(code != hint for code in tied(words, lexicons, detected)):
        return None
    return detected if raw[detected] >= raw[hint] + 1.0 else None


def _scores(words: Sequence[str], lexicons: Lexicons) -> dict[str, float]:
    scores: dict[str, float] = dict.fromkeys(lexicons.languages, 0.0)
    for word in words:
        codes = languages_of(word, lexicons)
        # A word several languages share ("test", "doctor", "sorry") says little about which
        # one this is: split between them, it never outweighs the contact's own language by
        # itself, nor English (which lists the English words other lexicons borrow).
        for code in codes:
            scores[code] += 1.0 / len(codes)
    return scores


def languages_of(word: str, lexicons: Lexicons) -> frozenset[str]:
    """The languages whose vocabulary has `word`, whole or by a stem ("dentists": "dentist*")."""
    codes = frozenset(lexicons.vocabulary.get(word, ()))
    stems = lexicons.stems
    for length in range(len(word), MIN_STEM - 1, -1):
        found = stems.get(word[:length])
        if found:
            return codes.union(found)
    return codes


def _script_of(words: Sequence[str]) -> str:
    for word in words:
        if "\u0600" <= word[:1] <= "\u06ff":
            return "arabic"
        for code, (low, high) in _SCRIPTS.items():
            if low <= word[:1] <= high:
                return code
    return "latin"


def _arabic_script(words: Sequence[str], lexicons: Lexicons, hint: str | None) -> str:
    """Urdu by its own letters, else by the words only one of the two uses ("شکریہ")."""
    if any(ch in _URDU_LETTERS for w in words for ch in w):
        return "ur"
    scores = _scores(words, lexicons)
    arabic, urdu = scores.get("ar", 0.0), scores.get("ur", 0.0)
    if arabic != urdu and "ur" in lexicons.languages:
        return "ur" if urdu > arabic else "ar"
    return hint if hint in ("ar", "ur") else "ar"
