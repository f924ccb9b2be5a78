"""A Welsh concept file lists its words in radical form, so the lexicon still reads their
mutations (conversations/lexicon.py `_mutations`): a mutated form listed as a word of its own
("ladd", "wlad", "gymryd", "waed", "cefn" for "lladd", "gwlad", "cymryd", "gwaed", "nghefn")
stops that form being read as the lexicon's word everywhere else ("am ei ladd ei hun" was no
longer suicide). Checked for every concept in `locales/cy/concepts/`, the day it lands."""

from __future__ import annotations

import copy
import tomllib
from collections import defaultdict
from functools import cache
from typing import Any

import pytest

from conversations.lexicon import _forms, _mutated_phrases, _mutations, build_language
from conversations.lexicon import _labelled as labelled_phrases
from conversations.matching import GAP
from store.lexicons import LOCALES, _add

WELSH = LOCALES / "cy"
CONCEPTS = sorted(path.stem for path in (WELSH / "concepts").glob("*.toml"))

# Concepts that list mutated forms today (form -> the lexicon's word it is no longer read as),
# found when every concept came to be checked; not fixed yet (each fix needs its own bench
# run). Nothing new goes here; a fix takes its line out.
KNOWN: dict[str, dict[str, str]] = {
    "carer_in_crisis": {"drwg": "ddrwg"},
    "condition_reviews": {"calon": "galon"},
    "domestic_abuse": {"gor": "cor"},
    "emotional_abuse": {"llawr": "lawr"},
    "left_the_house": {"gor": "cor"},
    "more_than_a_reason": {"peth": "beth", "weud": "gweud"},
    "neglect": {"dorri": "thorri", "llawr": "lawr"},
    "self_harm_ongoing": {"dorri": "thorri"},
}


@cache
def _raw(name: str) -> dict[str, Any]:
    """One Welsh file, parsed once: "lexicon" or "concepts/<concept>"."""
    return tomllib.loads((WELSH / f"{name}.toml").read_text(encoding="utf-8"))


def _with(concept: str | None) -> dict[str, Any]:
    """lexicon.toml with `concept`'s file beside it (None: alone), merged as
    `store.lexicons.read_language` merges a language's files."""
    raw = copy.deepcopy(_raw("lexicon"))
    if concept is not None:
        _add(raw, _raw(f"concepts/{concept}"), WELSH / "concepts" / f"{concept}.toml")
    return raw


@cache
def _labelled(name: str) -> tuple[tuple[str, tuple[str, ...], float], ...]:
    """One file's phrases with their labels: a lexicon's are its files' together."""
    return tuple(labelled_phrases(_raw(name)))


def _words(concept: str | None) -> frozenset[str]:
    """The words `build_language` reads lexicon.toml in with `concept` beside it (its index's
    `all_words`), without building the index: every whole word of the phrases, with each
    phrase also in its words' other forms."""
    labelled = [*_labelled("lexicon"), *(_labelled(f"concepts/{concept}") if concept else ())]
    return frozenset(token for _, tokens, _ in labelled + _mutated_phrases(labelled)
                     if tokens and tokens[0] != GAP
                     for token in tokens if token != GAP and not token.endswith("*"))


@cache
def _lexicon() -> tuple[frozenset[str], dict[str, str], dict[str, set[str]]]:
    """lexicon.toml's own words, the forms they are read in with no concept beside it, and
    each form -> the words it is a form of."""
    words = _words(None)
    of_form: dict[str, set[str]] = defaultdict(set)
    for word in words:
        for form in _forms(word):
            of_form[form].add(word)
    return words, _mutations(words), of_form


def _lost(concept: str) -> dict[str, str]:
    """The forms lexicon.toml's words are read in alone and no longer with `concept` beside it.
    Whether a form is read depends only on the words it is a form of (`_mutations`), so only
    the forms the concept's new words are, or have, are worked out again: from those words
    and the lexicon's words of the same forms."""
    words, forms, of_form = _lexicon()
    new = _words(concept) - words
    touched = {form for word in new for form in (word, *_forms(word)) if form in forms}
    again = _mutations(new.union(*(of_form[form] for form in touched)))
    return {form: forms[form] for form in touched if form not in again}


def test_the_words_are_the_index_words() -> None:
    """What the check below rests on: `_words` are the words the built lexicon reads."""
    for concept in (None, "more_than_a_reason"):
        assert _words(concept) == build_language(_with(concept)).index.all_words


def test_the_lost_forms_are_worked_out_as_the_built_lexicon_would() -> None:
    """... and `_lost` finds the forms a whole lexicon built with the concept loses."""
    for concept in ("more_than_a_reason", "neglect", "sexual_abuse"):
        with_it = _mutations(build_language(_with(concept)).index.all_words)
        assert _lost(concept) == {form: word for form, word in _lexicon()[1].items()
                                  if form not in with_it}


@pytest.mark.parametrize("concept", CONCEPTS)
def test_a_welsh_concept_hides_no_mutation_the_lexicon_reads(concept: str) -> None:
    lost = _lost(concept)
    assert lost.items() <= KNOWN.get(concept, {}).items(), (
        f"cy/concepts/{concept}.toml hides a mutation the lexicon reads")
