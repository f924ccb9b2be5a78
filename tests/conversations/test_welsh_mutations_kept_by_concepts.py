"""A Welsh concept file lists its words in radical form, so the lexicon still reads their
mutations (conversations/lexicon.py `_mutations`): a mutated form listed as a word of its own
("ladd", "wlad", "gymryd", "waed", "cefn" for "lladd", "gwlad", "cymryd", "gwaed", "nghefn")
stops that form being read as the lexicon's word everywhere else ("am ei ladd ei hun" was no
longer suicide). Checked for every concept in `locales/cy/concepts/`, the day it lands."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from conversations.lexicon import _mutations, build_language
from store.lexicons import LOCALES, read_language

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
def _lexicon_forms() -> dict[str, str]:
    """The forms lexicon.toml's own words are read in, with no concept beside it."""
    raw = tomllib.loads((WELSH / "lexicon.toml").read_text(encoding="utf-8"))
    return _mutations(build_language(raw).index.all_words)


def _forms_with(folder: Path, concept: str) -> dict[str, str]:
    (folder / "concepts").mkdir(parents=True)
    (folder / "lexicon.toml").symlink_to(WELSH / "lexicon.toml")
    (folder / "concepts" / f"{concept}.toml").symlink_to(WELSH / "concepts" / f"{concept}.toml")
    return _mutations(build_language(read_language(folder)).index.all_words)


@pytest.mark.parametrize("concept", CONCEPTS)
def test_a_welsh_concept_hides_no_mutation_the_lexicon_reads(concept: str,
                                                              tmp_path: Path) -> None:
    with_it = _forms_with(tmp_path, concept)
    lost = {form: word for form, word in _lexicon_forms().items() if form not in with_it}
    assert lost.items() <= KNOWN.get(concept, {}).items(), (
        f"cy/concepts/{concept}.toml hides a mutation the lexicon reads")
