"""Reading the engine's vocabulary from `locales/` (the engine itself never touches files)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from conversations.lexicon import build_lexicons
from conversations.types import Lexicons
from store.errors import ConfigError

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def load_lexicons(root: Path | None = None) -> Lexicons:
    """Every `locales/<lang>/lexicon.toml` plus `locales/nicknames.toml`, cached per folder."""
    return _load(str(root or LOCALES))


@cache
def _load(root: str) -> Lexicons:
    folder = Path(root)
    languages = [_read(path) for path in sorted(folder.glob("*/lexicon.toml"))]
    if not languages:
        raise ConfigError(f"no lexicons under {folder} (expected <lang>/lexicon.toml)")
    nickname_file = folder / "nicknames.toml"
    nicknames = _read(nickname_file).get("nicknames", {}) if nickname_file.exists() else {}
    try:
        return build_lexicons(languages, nicknames)
    except (KeyError, ValueError, TypeError) as error:
        raise ConfigError(f"a lexicon under {folder} is not valid: {error}") from error


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read lexicon {path}: {error}") from error
