"""Turning a reply into comparable words: one normalisation for replies and lexicons alike.

Parents text in a hurry: capitals, accents left off ("goraczka" for "gorączka"), apostrophes
dropped ("shes"), letters held down ("siiick"). Folding all of these the same way on both sides
lets a small lexicon match most of what arrives.

Bengali and Gurmukhi write vowels as combining signs, which the regex word class does not
match: their whole Unicode blocks count as word characters, or every word would fall apart at
its vowels. Marks
phone keyboards put in or leave out at will (nukta, chandrabindu, Gurmukhi addak, zero-width
joiners) are dropped, tippi is written as bindi, and their digits become 0-9.
"""

from __future__ import annotations

import re
import unicodedata

# Combining marks: Latin accents after NFKD, Arabic harakat, tatweel and Quranic marks.
# Bengali chandrabindu and nukta, Gurmukhi nukta and addak, zero-width (non-)joiners.
_MARKS = re.compile("[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\ufe0f"
                    "\u0981\u09bc\u0a3c\u0a71\u200c\u200d]")
_INDIC = re.compile("[\u0980-\u09ff\u0a00-\u0a7f]")
_DIGITS = re.compile("[0-9]")
_DIGIT_RUNS = re.compile("[0-9]+|[^0-9]+")  # "১টায়" (at 1) is "1" and "টায", as "at 1" is
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
# Emoji are words of their own: pictographs, dingbats (✅ ✔) and enclosed letters (🆗).
_TOKEN = re.compile("[\\w\u0980-\u09ff\u0a00-\u0a7f]+"
                    "|[\U0001f300-\U0001faff\U0001f100-\U0001f1ff\u2600-\u27bf]")
_FOLD = str.maketrans({
    "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "đ": "d", "\u0131": "i", "ð": "d", "þ": "th",
    "\u2019": "", "'": "", "`": "", "\u02bc": "", "\u2018": "", "\u00b4": "",
    "&": " and ", "+": " and ", "_": " ",
    # Arabic and Urdu letter variants written either way: alef maksura and Farsi yeh -> yeh,
    # Arabic kaf -> keheh, the hehs and teh marbuta -> heh.
    "\u0649": "\u064a", "\u06cc": "\u064a", "\u06cd": "\u064a", "\u0643": "\u06a9",
    "\u06c1": "\u0647", "\u06be": "\u0647", "\u0629": "\u0647", "\u06c3": "\u0647",
    # Arabic-Indic and extended (Urdu) digits -> 0-9, so menu numbers work in every script.
    **{chr(0x660 + d): str(d) for d in range(10)},
    **{chr(0x6F0 + d): str(d) for d in range(10)},
    # Bengali and Gurmukhi digits, and Gurmukhi tippi written as bindi (both mark nasals).
    **{chr(0x9E6 + d): str(d) for d in range(10)},
    **{chr(0xA66 + d): str(d) for d in range(10)},
    "\u0a70": "\u0a02",
})


_WILL = re.compile(r"(\w)['\u2019]ll\b")


def _expand_will(text: str) -> str:
    """ "I'll" and "we'll" must not become "ill" and "well" when the apostrophe goes."""
    if "'" in text or "\u2019" in text:
        return _WILL.sub(r"\1 will", text)
    return text


def normalise(text: str) -> str:
    """Lower-case, fold accents and script variants, drop apostrophes, squeeze held-down letters."""
    text = _expand_will(text.lower())
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text)).translate(_FOLD)
    else:
        text = text.translate(_FOLD)
    return _REPEATS.sub(r"\1", text)


def tokens(text: str) -> list[str]:
    """The words (and emoji) of a reply, normalised.

    Folding is done once per distinct written word (a bounded cache): replies reuse a small
    vocabulary, so nearly every word is a dictionary look-up.
    """
    found: list[str] = []
    cache = _FOLDED
    for raw in text.split():
        folded = cache.get(raw)
        if folded is None:
            folded = _TOKEN.findall(normalise(raw))
            if any(_INDIC.search(w) and _DIGITS.search(w) for w in folded):
                folded = [part for w in folded for part in _DIGIT_RUNS.findall(w)]
            if len(cache) >= _MAX_FOLDED:
                cache.clear()
            cache[raw] = folded
        found += folded
    return found


_FOLDED: dict[str, list[str]] = {}
_MAX_FOLDED = 50_000
_ASPIRATED = re.compile("([bcdjprst])h")  # kh and gh are letters of their own
_DOUBLED = re.compile(r"(.)\1+")
MIN_SOUND_LETTERS = 4


def sound(word: str) -> str | None:
    """How a word of a romanised language (Roman Urdu, Bengali and Punjabi in Latin letters)
    sounds, whatever the spelling: "chhora", "chora" and "chorra" are one word, as are "wapas"
    and "vapas", "peeche" and "piche". None for a short word or one not in Latin letters."""
    if len(word) < MIN_SOUND_LETTERS or not word.isascii() or not word.isalpha():
        return None
    folded = word.replace("ee", "i").replace("oo", "u").replace("w", "v")
    return _DOUBLED.sub(r"\1", _ASPIRATED.sub(r"\1", _DOUBLED.sub(r"\1", folded)))
