"""Which day a word for "yesterday or tomorrow" means, by the tense of the verb after it.

Urdu and Punjabi "kal", Bengali "kal"/"কাল", are both yesterday and tomorrow: "kal school
nahi bhejungi" (tomorrow: I won't send her) against "kal bukhar tha" (yesterday: she had a
fever). The lexicon lists the ambiguous words and the marks of each tense (`[tense]`: whole
words such as "ga", "tha", "گا", and endings written "-ega", "-ছিল"); the first verb within a
few words that carries one decides. None decides when nothing does. A present verb ("kal
appointment ache": there is an appointment) is tomorrow's, unless the day starts a run
("kal theke jor ache": a fever since yesterday).

Pure: words in, positions out.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from conversations.types import LanguageLexicon

VERB_WITHIN = 8  # "kal [Fatima ki ... appointment] hai": the verb closes the clause
_MIN_STEM = 2  # an ending must leave a stem: "ga" alone is a word, not "-ga"


def either_days(words: Sequence[str], languages: Sequence[LanguageLexicon],
                taken: Collection[int] = ()) -> tuple[list[int], list[int]]:
    """Positions of ambiguous day words read as tomorrow, and as yesterday. `taken`: words a
    date phrase of the lexicon already reads ("kal subah" is tomorrow morning)."""
    tomorrow: list[int] = []
    yesterday: list[int] = []
    ambiguous = frozenset().union(*(lex.either_day for lex in languages))
    since = frozenset().union(*(lex.since for lex in languages))
    for position, word in enumerate(words):
        if word not in ambiguous or position in taken:
            continue
        started = position + 1 < len(words) and words[position + 1] in since
        for at in range(position + 1, min(len(words), position + 1 + VERB_WITHIN)):
            verb = words[at]
            if any(_marked(verb, lex.future) for lex in languages):
                tomorrow.append(position)
                break
            # "appointment aa" (there is), not "bukhar aa gaya" (came): the next word decides.
            if any(verb in lex.present for lex in languages) and not (
                    at + 1 < len(words) and _tensed(words[at + 1], languages)):
                (yesterday if started else tomorrow).append(position)
                break
            if any(_marked(verb, lex.past) for lex in languages):
                yesterday.append(position)
                break
    return tomorrow, yesterday


def _tensed(word: str, languages: Sequence[LanguageLexicon]) -> bool:
    return any(_marked(word, lex.future) or _marked(word, lex.past) for lex in languages)


def _marked(word: str, marks: Collection[str]) -> bool:
    """Whether a word is one of the tense's words, or ends in one of its endings."""
    if word in marks:
        return True
    return any(mark.startswith("-") and word.endswith(mark[1:])
               and len(word) - len(mark) + 1 >= _MIN_STEM for mark in marks)
