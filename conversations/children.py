"""Which child a reply is about: first or preferred names, nicknames and typos tolerated."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from conversations.text import tokens
from conversations.types import StudentFact

FUZZY_CUTOFF = 80  # "Amellia" finds Amelia; "Ben" never finds "Ken" (short names match exactly)
MIN_FUZZY_LENGTH = 4


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
                  common_words: Collection[str]) -> list[Mention]:
    """Each word that names one of `students`, in reply order (one child per word)."""
    if not students:
        return []
    known = [(s.student_id, names_of(s, nicknames)) for s in students]
    # A reply of just a name ("bne" to "which child?") may have a short name misspelt too.
    lenient = len(words) <= 2
    mentions = []
    for position, word in enumerate(words):
        student_id = _exact(word, known) or _fuzzy(word, known, common_words, lenient)
        if student_id:
            mentions.append(Mention(position, student_id))
    return mentions


def _exact(word: str, known: list[tuple[str, frozenset[str]]]) -> str | None:
    for student_id, names in known:
        # "amys" is "Amy's" with the apostrophe folded away.
        if word in names or (word.endswith("s") and word[:-1] in names):
            return student_id
    return None


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


def _short(word: str, known: list[tuple[str, frozenset[str]]]) -> str | None:
    """One slip (a swapped, missing or wrong letter) in a short name, when it is unique."""
    found = {student_id for student_id, names in known for name in names
             if len(name) <= MIN_FUZZY_LENGTH and OSA.distance(word, name) <= 1}
    return found.pop() if len(found) == 1 else None
