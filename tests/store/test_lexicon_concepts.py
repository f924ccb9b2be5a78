"""A concept file (`locales/<lang>/concepts/<concept>.toml`) adds one idea's words to its
language's lexicon: intent phrases, the safety net's roles, defusing phrases, or any other
list the lexicon reads. Every concept is in every language, and a broken file, or one that
adds nothing the lexicon reads, is refused by name."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from conversations.lexicon import build_lexicons, phrase
from conversations.types import Intent, Lexicons
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


def _lists(raw: Mapping[str, Any], keys: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every list a concept file adds, by its dotted key ("roles.kept", "defuse")."""
    for key, value in raw.items():
        if isinstance(value, Mapping):
            yield from _lists(value, (*keys, key))
        else:
            yield ".".join((*keys, key)), value


def _lexicon(raw: Mapping[str, Any]) -> Lexicons:
    return build_lexicons([{"language": "xx", **raw}])


def _unread(raw: Mapping[str, Any]) -> list[str]:
    """The lists of a concept file the lexicon does not read: each list with entries is tried
    alone on an empty language, and one that leaves its lexicon as it was (a role the safety
    net has no use for, a table the engine never looks in) is unread."""
    empty = _lexicon({})
    unread = []
    for key, entries in _lists(raw):
        if not entries:
            continue
        alone: dict[str, Any] = {}
        *tables, name = key.split(".")
        table = alone
        for part in tables:
            table = table.setdefault(part, {})
        table[name] = entries
        if _lexicon(alone) == empty:
            unread.append(key)
    return unread


@pytest.mark.parametrize("path", CONCEPT_FILES,
                         ids=lambda path: f"{path.parent.parent.name}/{path.stem}")
def test_a_concept_file_adds_only_what_the_lexicon_reads(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    intents = raw.get("intents", {})
    assert set(intents) <= {intent.value for intent in Intent}, path
    assert any(entries for _, entries in _lists(raw)), f"{path} adds nothing to the lexicon"
    assert not _unread(raw), f"{path}: the lexicon reads nothing of {_unread(raw)}"
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


@pytest.mark.parametrize("text", ['roles.kept = ["kept her"]\n', 'defuse = ["only joking"]\n',
                                  '[intents]\nillness = ["sick"]\n',
                                  'dates.not_back = ["for good"]\n',
                                  'children.all = ["the lot of them"]\n'])
def test_a_concept_file_may_add_roles_or_defusing_phrases_alone(text: str) -> None:
    assert _unread(tomllib.loads(text)) == []


@pytest.mark.parametrize("text", ['roles.no_such_role = ["kept her"]\n',
                                  'no_such_table = ["kept her"]\n',
                                  'children.no_such_list = ["the lot of them"]\n'])
def test_a_list_the_lexicon_does_not_read_is_found(text: str) -> None:
    assert _unread(tomllib.loads(text)) == [next(_lists(tomllib.loads(text)))[0]]


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
