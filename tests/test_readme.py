"""README.md must stay true: every setting and every accepted CSV column name is documented."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from store.columns import ALIASES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = [f"ROLLCALL_{name.upper()}" for name in Settings.model_fields
               if f"`ROLLCALL_{name.upper()}`" not in README]
    assert not missing, f"add these to README.md's Configuration table: {missing}"


def test_every_accepted_csv_column_name_is_documented() -> None:
    missing = [alias for aliases in ALIASES.values() for alias in aliases
               if f"`{alias}`" not in README]
    assert not missing, f"add these to README.md's CSV tables: {missing}"


def test_the_two_setup_commands_are_the_ones_ci_runs() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ('python3 -m venv .venv && .venv/bin/pip install -q -e ".[dev]" && '
                    ".venv/bin/pytest")
    assert test_command in README and test_command in ci
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/rollcall demo" in (
        README)
