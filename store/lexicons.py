"""Reading the engine's vocabulary from `locales/` (the engine itself never touches files)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from conversations.lexicon import build_lexicons
from conversations.types import Lexicons
from store.errors import ConfigError

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def load_lexicons(root: Path | None = None) -> Lexicons:
    """Every `locales/<lang>/lexicon.toml` with its `concepts/*.toml`, plus
    `locales/nicknames.toml`, cached per folder."""
    return _load(str(root or LOCALES))


@cache
def _load(root: str) -> Lexicons:
    folder = Path(root)
    languages = [read_language(path.parent) for path in sorted(folder.glob("*/lexicon.toml"))]
    if not languages:
        raise ConfigError(f"no lexicons under {folder} (expected <lang>/lexicon.toml)")
    nickname_file = folder / "nicknames.toml"
    nicknames = _read(nickname_file).get("nicknames", {}) if nickname_file.exists() else {}
    try:
        return build_lexicons(languages, nicknames)
    except (KeyError, ValueError, TypeError) as error:
        raise ConfigError(f"a lexicon under {folder} is not valid: {error}") from error


def read_language(folder: Path) -> dict[str, Any]:
    """One language's vocabulary: its `lexicon.toml`, with each `concepts/<concept>.toml` beside
    it added in. A concept file holds one idea's words (neglect, county lines, a fever told as a
    figure) in the lexicon's own shape, so each concept has one home per language and can be
    reviewed, and checked present in every language, as a whole."""
    raw = _read(folder / "lexicon.toml")
    for path in sorted((folder / "concepts").glob("*.toml")):
        _add(raw, _read(path), path)
    return raw


def _add(into: dict[str, Any], extra: Mapping[str, Any], path: Path) -> None:
    """Lists are extended and tables merged key by key; a concept file never replaces a value."""
    for key, value in extra.items():
        if isinstance(value, list):
            current = into.setdefault(key, [])
            if not isinstance(current, list):
                raise ConfigError(f"{path}: {key} is a list here but not in lexicon.toml")
            current.extend(value)
        elif isinstance(value, dict):
            table = into.setdefault(key, {})
            if not isinstance(table, dict):
                raise ConfigError(f"{path}: {key} is a table here but not in lexicon.toml")
            _add(table, value, path)
        else:
            raise ConfigError(f"{path}: {key} must be a list or a table of lists")


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read lexicon {path}: {error}") from error
