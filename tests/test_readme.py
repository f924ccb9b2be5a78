"""README.md must stay true: every setting and every accepted CSV column name is documented."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from store.columns import ALIASES
from store.profiles import PROFILES

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _configuration_table() -> dict[str, str]:
    """The Configuration table's rows: variable -> its default cell."""
    section = README.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `ROLLCALL_") and len(cells) >= 3:
            rows[cells[0].strip("`")] = cells[1]
    return rows


def _spelled(default: object) -> str:
    """A default as the table writes it: `false`, `25.0`, `sqlite:///rollcall.db`."""
    return str(default).lower() if isinstance(default, bool) else str(default)


def test_every_setting_is_in_the_configuration_table_with_its_default() -> None:
    table = _configuration_table()
    missing = [f"ROLLCALL_{name.upper()}" for name in Settings.model_fields
               if f"ROLLCALL_{name.upper()}" not in table]
    assert not missing, f"add these to README.md's Configuration table: {missing}"
    wrong = []
    for name, field in Settings.model_fields.items():
        cell = table[f"ROLLCALL_{name.upper()}"]
        if field.default is None:  # unset: a dash or what happens instead ("Twilio's", ...)
            if not cell or cell.startswith("`"):
                wrong.append(f"ROLLCALL_{name.upper()}: {cell!r} (it has no default)")
        elif cell != f"`{_spelled(field.default)}`":
            wrong.append(f"ROLLCALL_{name.upper()}: {cell!r}, the default is "
                         f"`{_spelled(field.default)}`")
    assert not wrong, f"fix these defaults in README.md's Configuration table: {wrong}"


def test_the_readme_stands_alone() -> None:
    # The project's documents outside the repository are not part of it: no links to them.
    assert "../shared" not in README and "shared/domain" not in README


def test_every_accepted_csv_column_name_is_documented() -> None:
    missing = [alias for aliases in ALIASES.values() for alias in aliases
               if f"`{alias}`" not in README]
    assert not missing, f"add these to README.md's CSV tables: {missing}"


def test_every_export_profile_name_is_documented() -> None:
    missing = [name for profile in PROFILES.values() if profile.name != "sims"
               for layout in profile.layouts.values() for names in layout.columns.values()
               for name in names if "`" + name.replace("|", "\\|") + "`" not in README]
    assert not missing, f"add these to README.md's export profile tables: {missing}"


def test_the_two_setup_commands_are_the_ones_ci_runs() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = ('python3 -m venv .venv && .venv/bin/pip install -q -e ".[dev]" && '
                    ".venv/bin/pytest")
    assert test_command in README and test_command in ci
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/rollcall demo" in (
        README)
