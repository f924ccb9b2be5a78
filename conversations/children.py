"""Which child a reply is about: first or preferred names, nicknames and typos tolerated.

Languages that decline names (Lithuanian "Lukui" for Lukas, Polish "Kasi" for Kasia, Bengali
"আরিফের" for Arif) list their case endings in their lexicon; a name with one of them is the
child's name.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from conversations.text import tokens
from conversations.types import StudentFact

FUZZY_CUTOFF = 80  # "Amellia" finds Amelia; "Ben" never finds "Ken" (short names match exactly)
MIN_FUZZY_LENGTH = 4
_MIN_SHORTENED = 3  # "Teo" for Teodora (from a name twice as long)


@dataclass(frozen=True, slots=True)
class Mention:
    """A child named at word `position` of a reply."""

    position: int
    student_id: str


def names_of(student: StudentFact, nicknames: Mapping[str, Collection[str]]) -> frozenset[str]:
    """Every normalised name a parent may use for this child."""
    names: set[str] = set()
    for name in (student.first_name, student.preferred_name):
        for word in tokens(name or "")[:1]:
            names.add(word)
            names.update(nicknames.get(word, ()))
    return frozenset(names)


def find_mentions(words: Sequence[str], students: Sequence[StudentFact], *,
                  nicknames: Mapping[str, Collection[str]],
                  common_words: Collection[str],
                  endings: Collection[str] = ()) -> list[Mention]:
    """Each word that names one of `students`, in reply order (one child per word).

    `endings`: the case endings of the reply's languages (normalised)."""
    if not students:
        return []
    known = [(s.student_id, names_of(s, nicknames)) for s in students]
    # A reply of just a name ("bne" to "which child?") may have a short name misspelt too.
    lenient = len(words) <= 2
    mentions = []
    for position, word in enumerate(words):
        student_id = (_exact(word, known) or _declined(word, known, endings, common_words)
                      or _shortened(word, known, common_words)
                      or _fuzzy(word, known, common_words, lenient)
                      or _skeleton_match(word, known, common_words, endings))
        if student_id:
            mentions.append(Mention(position, student_id))
    return mentions


def _declined(word: str, known: list[tuple[str, frozenset[str]]], endings: Collection[str],
              common_words: Collection[str]) -> str | None:
    """A Latin-letter name with a case ending: the name, or the name less its own ending, then
    another ending ("lukas" -> "luk" + "ui"). The stem keeps three letters and only one child
    may fit, so everyday words are not read as names."""
    if not endings or word in common_words or not word.isascii():
        return None
    found = {student_id for student_id, names in known for name in names
             if any(word.startswith(stem) and _ending(word[len(stem):], stem, name, endings)
                    for stem in _stems(name, endings))}
    return found.pop() if len(found) == 1 else None


def _ending(rest: str, stem: str, name: str, endings: Collection[str]) -> bool:
    # The bare stem is a form too ("Kasi", Kasia's), when it keeps four letters.
    return rest in endings or (not rest and stem != name and len(stem) > _MIN_STEM)


def _stems(name: str, endings: Collection[str]) -> set[str]:
    stems = {name}
    stems.update(name[:-len(end)] for end in endings
                 if end and name.endswith(end) and len(name) - len(end) >= _MIN_STEM)
    return stems


_MIN_STEM = 3


def _skeleton_match(word: str, known: list[tuple[str, frozenset[str]]],
                    common_words: Collection[str], endings: Collection[str] = ()) -> str | None:
    """A name written in Arabic, Bengali or Gurmukhi letters ("مريم", "ਸਿਮਰਨ") for a child
    the school knows in Latin letters (Maryam, Simran): their consonants must agree, and only
    one child may fit. A case ending in that script ("আরিফের", Arif's) is taken off first."""
    if word.isascii() or word in common_words or len(word) < 3:
        return None
    bare = [word] + [word[:-len(end)] for end in endings
                     if end and not end.isascii() and word.endswith(end)
                     and len(word) - len(end) >= 2]
    for candidate in bare:
        shape = script_skeleton(candidate)
        if len(shape) < 2 and not (shape and len(candidate) >= 4):
            continue
        found = {student_id for student_id, names in known for name in names
                 if name.isascii() and latin_skeleton(name) == shape}
        if len(found) == 1:
            return found.pop()
    return None


def latin_skeleton(name: str) -> str:
    """The consonants of a name in Latin letters, as the other scripts would write them."""
    text = name.lower()
    for pair, single in _DIGRAPHS:
        text = text.replace(pair, single)
    text = text.translate(_LATIN)
    return _squeezed("".join(ch for ch in text if ch.isalpha() and ch not in "aeiouyw"))


def script_skeleton(word: str) -> str:
    """The consonants of a word in Arabic, Bengali or Gurmukhi letters, in Latin letters."""
    if word[-1:] in _FINAL_VOWEL_HEH:
        word = word[:-1]  # "حمزہ", "فاطمة": the name's final a
    return _squeezed("".join(_SCRIPT_CONSONANTS.get(ch, "") for ch in word))


def _squeezed(text: str) -> str:
    return "".join(ch for i, ch in enumerate(text) if i == 0 or ch != text[i - 1])


_DIGRAPHS = (("sh", "s"), ("ch", "c"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"),
             ("ph", "f"), ("bh", "b"), ("jh", "j"), ("ck", "k"))
_LATIN = str.maketrans({"q": "k", "c": "k", "v": "w", "x": "k"})
_FINAL_VOWEL_HEH = frozenset("\u0647\u06c1\u0629\u06be")


def _table(*rows: str) -> dict[str, str]:
    """ "ب:b پ:p ..." rows as a letter -> consonant table."""
    pairs = (pair.split(":") for row in rows for pair in row.split())
    return {letter: latin for letter, latin in pairs}


# Consonants only: long-vowel letters (alef, waw, yeh, the vowel signs) carry no consonant,
# as Latin vowels don't.
_SCRIPT_CONSONANTS = _table(
    # Arabic and Urdu
    "ب:b پ:p ت:t ٹ:t ث:t ج:j چ:c ح:h خ:k د:d ڈ:d ذ:d ر:r ڑ:r ز:z ژ:z س:s ش:s ص:s ض:d ط:t ظ:z "
    "غ:g ف:f ق:k ک:k ك:k گ:g ل:l م:m ن:n ں:n ه:h ھ:h ",  # noqa: RUF001
    # Bengali (nukta letters decompose to their base letter)
    "ক:k খ:k গ:g ঘ:g ঙ:n চ:c ছ:c জ:j ঝ:j ঞ:n ট:t ঠ:t ড:d ঢ:d ণ:n ত:t থ:t দ:d ধ:d ন:n প:p "
    "ফ:f ব:b ভ:b ম:m র:r ল:l শ:s ষ:s স:s হ:h ৎ:t",
    # Gurmukhi
    "ਕ:k ਖ:k ਗ:g ਘ:g ਙ:n ਚ:c ਛ:c ਜ:j ਝ:j ਞ:n ਟ:t ਠ:t ਡ:d ਢ:d ਣ:n ਤ:t ਥ:t ਦ:d ਧ:d ਨ:n "
    "ਪ:p ਫ:f ਬ:b ਭ:b ਮ:m ਰ:r ਲ:l ਸ:s ਹ:h ੜ:r")


def _exact(word: str, known: list[tuple[str, frozenset[str]]]) -> str | None:
    for student_id, names in known:
        # "amys" is "Amy's" with the apostrophe folded away.
        if word in names or (word.endswith("s") and word[:-1] in names):
            return student_id
    if word.startswith(_AND) and len(word) > len(_AND) + 1:
        # Arabic writes "and" joined to the next word: "حمزة وريم" is Hamza and Reem.
        return _exact(word[len(_AND):], known)
    return None


_AND = "\u0648"  # "و"


def _fuzzy(word: str, known: list[tuple[str, frozenset[str]]],
           common_words: Collection[str], lenient: bool) -> str | None:
    if word in common_words or not word.isalpha():
        return None
    if len(word) < MIN_FUZZY_LENGTH:
        return _short(word, known) if lenient and len(word) >= 3 else None
    best, best_score = None, float(FUZZY_CUTOFF)
    for student_id, names in known:
        for name in names:
            if len(name) < MIN_FUZZY_LENGTH:
                continue
            score = fuzz.ratio(word, name)
            if score >= best_score:
                best, best_score = student_id, score
    return best


def _shortened(word: str, known: list[tuple[str, frozenset[str]]],
               common_words: Collection[str]) -> str | None:
    """A name cut short, as families shorten names ("Nico" for Nicolás, "Gabi" for Gabriela,
    "Alex" for Alexandru, "Teo" for Teodora): the start of one child's name only, three
    letters or more. Three letters only from a name of at least twice as many ("Teo" for
    Teodora), so a short word is not taken for a short name ("Dan" is no "Dana")."""
    if len(word) < _MIN_SHORTENED or word in common_words or not word.isalpha():
        return None
    found = {student_id for student_id, names in known for name in names
             if len(name) > len(word) and name.startswith(word)
             and (len(word) >= MIN_FUZZY_LENGTH or len(name) >= 2 * len(word))}
    return found.pop() if len(found) == 1 else None


def _short(word: str, known: list[tuple[str, frozenset[str]]]) -> str | None:
    """One slip (a swapped, missing or wrong letter) in a short name, when it is unique."""
    found = {student_id for student_id, names in known for name in names
             if len(name) <= MIN_FUZZY_LENGTH and OSA.distance(word, name) <= 1}
    return found.pop() if len(found) == 1 else None
