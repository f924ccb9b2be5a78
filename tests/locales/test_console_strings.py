"""Every string staff read in the console (templates, console and CLI code, the attendance
codes' meanings) is translated in every supported language.

The strings are extracted from the sources as `pybabel extract` does (babel.cfg), not read from
locales/messages.pot, so a string added without re-running the extraction is caught too.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from tests.locales.test_catalogs import TRANSLATED
from tests.locales.test_translations import catalog, forms

ROOT = Path(__file__).resolve().parents[2]
FIX = ("translate it in locales/{lang}/LC_MESSAGES/messages.po (README.md, Translations: "
       "extract, update, fill every language)")
Key = tuple[str | None, str | tuple[str, ...]]


@cache
def console_strings() -> dict[Key, str]:
    """(context, msgid) -> where it is, for every extracted string but the MESSAGES keys (which
    tests/locales/test_translations.py checks with their own rules)."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[Key, str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map):
        if filename.startswith("channels/"):
            continue  # family-facing MESSAGES and letters: the other test's
        msgid = message if isinstance(message, str) else tuple(m for m in message if m)
        found[(context, msgid)] = f"{filename}:{lineno}"
    return found


def test_the_console_strings_are_found() -> None:
    strings = console_strings()
    assert (None, "Inbox") in strings and (None, "Your account") in strings
    assert ("code:N", "reason not yet provided") in strings


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_console_string_is_translated(language: str) -> None:
    """Their placeholders are test_translations.py's `test_console_placeholders_are_kept_too`."""
    entries = {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m
               for m in catalog(language) if m.id}
    missing = [f"{where} {key[1]!r}" for key, where in sorted(
        console_strings().items(), key=lambda item: item[1])
        if key not in entries or not all(forms(entries[key])) or entries[key].fuzzy]
    assert not missing, FIX.format(lang=language) + "\n" + "\n".join(missing)
