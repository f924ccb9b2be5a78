"""A Welsh concept file lists its words in radical form, so the lexicon still reads their
mutations (conversations/lexicon.py `_mutations`): a mutated form listed as a word of its own
("ladd", "wlad", "gymryd", "waed", "cefn" for "lladd", "gwlad", "cymryd", "gwaed", "nghefn")
stops that form being read as the lexicon's word everywhere else ("am ei ladd ei hun" was no
longer suicide). Checked here for the concepts listed; another concept joins the list once its
words are in radical form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conversations.lexicon import _mutations
from store.lexicons import LOCALES, load_lexicons

CHECKED = ("honour_based_abuse", "missing_education", "self_harm", "running_away",
           "criminal_exploitation", "serious_violence", "substance_misuse", "radicalisation")


@pytest.mark.parametrize("concept", CHECKED)
def test_a_welsh_concept_hides_no_mutation_the_lexicon_reads(concept: str,
                                                              tmp_path: Path) -> None:
    def welsh(root: Path, *concepts: str) -> dict[str, str]:
        # Two folders: the lexicons of one folder are loaded once.
        (root / "cy" / "concepts").mkdir(parents=True)
        shutil.copy(LOCALES / "cy" / "lexicon.toml", root / "cy" / "lexicon.toml")
        for name in concepts:
            shutil.copy(LOCALES / "cy" / "concepts" / f"{name}.toml", root / "cy" / "concepts")
        return _mutations(load_lexicons(root).languages["cy"].index.all_words)

    without, with_it = welsh(tmp_path / "without"), welsh(tmp_path / "with", concept)
    assert {form: word for form, word in without.items() if form not in with_it} == {}
