"""A concept file (`locales/<lang>/concepts/<concept>.toml`) adds one idea's words to its
language's lexicon; every concept is in every language, and a broken file is refused by name."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conversations.lexicon import phrase
from conversations.types import Intent
from store.errors import ConfigError
from store.lexicons import LOCALES, load_lexicons, read_language

LANGUAGES = sorted(path.parent.name for path in LOCALES.glob("*/lexicon.toml"))
CONCEPT_FILES = sorted(LOCALES.glob("*/concepts/*.toml"))


def _concepts(language: str) -> set[str]:
    return {path.stem for path in (LOCALES / language / "concepts").glob("*.toml")}


def test_every_concept_is_in_every_language() -> None:
    every = set().union(*map(_concepts, LANGUAGES))
    missing = {language: sorted(every - _concepts(language)) for language in LANGUAGES}
    assert not {language: gaps for language, gaps in missing.items() if gaps}


@pytest.mark.parametrize("path", CONCEPT_FILES,
                         ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_a_concept_file_holds_phrases_for_known_intents(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    intents = raw.get("intents", {})
    assert set(intents) <= {intent.value for intent in Intent}, path
    assert any(intents.values()), f"{path} adds no phrase to any intent"
    lexicon = load_lexicons().languages[path.parent.parent.name]
    for name, entries in intents.items():
        known = set(lexicon.intents[Intent(name)])
        assert all(phrase(entry) in known for entry in entries), path


def _language(root: Path, lexicon: str, **concepts: str) -> Path:
    folder = root / "xx"
    (folder / "concepts").mkdir(parents=True)
    (folder / "lexicon.toml").write_text(lexicon, encoding="utf-8")
    for name, text in concepts.items():
        (folder / "concepts" / f"{name}.toml").write_text(text, encoding="utf-8")
    return folder


def test_a_concept_file_extends_lists_and_merges_tables(tmp_path: Path) -> None:
    folder = _language(
        tmp_path, 'language = "xx"\ndefuse = ["a"]\n[intents]\nillness = ["sick"]\n',
        neglect='defuse = ["b"]\n[intents]\nsafeguarding = ["no food at home ^3"]\n'
                'illness = ["poorly"]\n')
    raw = read_language(folder)
    assert raw["language"] == "xx" and raw["defuse"] == ["a", "b"]
    assert raw["intents"] == {"illness": ["sick", "poorly"],
                              "safeguarding": ["no food at home ^3"]}


@pytest.mark.parametrize("text", ['language = "yy"\n', "[intents\n",
                                  '[intents]\nillness = "sick"\n'])
def test_a_broken_concept_file_is_refused_by_name(tmp_path: Path, text: str) -> None:
    folder = _language(tmp_path, 'language = "xx"\n[intents]\nillness = ["sick"]\n', broken=text)
    with pytest.raises(ConfigError, match=r"broken\.toml"):
        read_language(folder)


def test_the_engine_reads_a_concept_files_words(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "lexicon.toml").write_text(
        (LOCALES / "en" / "lexicon.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "en" / "concepts").mkdir()
    (tmp_path / "en" / "concepts" / "made_up.toml").write_text(
        '[intents]\nsafeguarding = ["zorblax at home ^3"]\n', encoding="utf-8")
    lexicon = load_lexicons(tmp_path).languages["en"]
    assert phrase("zorblax at home ^3") in lexicon.intents[Intent.SAFEGUARDING]
    assert phrase("zorblax at home ^3") not in load_lexicons().languages["en"].intents[
        Intent.SAFEGUARDING]
