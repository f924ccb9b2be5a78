"""Reading the engine's vocabulary from `locales/` (the engine itself never touches files)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from conversations.lexicon import build_lexicons
from conversations.types import Lexicons

LOCALES = Path(__file__).resolve().parent.parent / "locales"


def load_lexicons(root: Path | None = None) -> Lexicons:
    """Every `locales/<lang>/lexicon.toml` plus `locales/nicknames.toml`, cached per folder."""
    return _load(str(root or LOCALES))


@cache
def _load(root: str) -> Lexicons:
    folder = Path(root)
    languages = [tomllib.loads(path.read_text(encoding="utf-8"))
                 for path in sorted(folder.glob("*/lexicon.toml"))]
    nickname_file = folder / "nicknames.toml"
    nicknames = (tomllib.loads(nickname_file.read_text(encoding="utf-8")).get("nicknames", {})
                 if nickname_file.exists() else {})
    return build_lexicons(languages, nicknames)
