"""No refusal staff can read stays English-only: every `problem` code the code raises has its
wording in the console's templates, translated in every language; the console raises no bare
English HTTPException; and the refusals of the store and actions the console's pages call all
carry a code. A new refusal without one fails here, naming where it is."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from bot.console.views import environment
from channels.catalogs import SUPPORTED_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "bot" / "console" / "templates"
REFUSALS = ("InvalidInput", "Forbidden", "InvalidCode", "InvalidSetting", "InvalidPhone")
# The modules whose refusals the console's pages show (account, staff, engagement, visa,
# casework, conversation, student, calendar and import pages; the console imports students,
# contacts and marks, not events).
SHOWN = ("store/staff.py", "store/staff_accounts.py", "store/contacts.py",
         "store/interventions.py", "store/casework_meetings.py", "store/casework.py",
         "store/visa.py", "store/columns.py", "store/import_rows.py", "store/importer.py",
         "store/contact_import.py", "store/export_reader.py", "store/calendar_import.py",
         "store/ical.py", "store/phones.py", "store/marks.py", "store/codes.py",
         "store/self_certifications.py", "store/calendar_entries.py", "store/school_settings.py",
         "scheduling/interventions.py", "scheduling/staff_actions.py",
         "scheduling/password_links.py")


def _python(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))
            if "migrations" not in path.parts]


def _constants(node: ast.expr) -> list[str]:
    """The codes a `problem=` argument can be: a string, or either side of an `x if c else y`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def problem_codes() -> dict[str, str]:
    """Every constant `problem=` code in bot/, store/ and scheduling/, with where it is."""
    found: dict[str, str] = {}
    for path in _python("bot", "store", "scheduling"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "problem":
                        for code in _constants(keyword.value):
                            found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _settings_codes() -> set[str]:
    """The codes the settings page words beside a setting (its own macro)."""
    text = (TEMPLATES / "settings.html").read_text(encoding="utf-8")
    return {code for group in re.findall(r'error\.problem (?:==|in) (\([^)]*\)|"[^"]*")', text)
            for code in re.findall(r'"([^"]+)"', group)}


def _worded(code: str, language: str) -> str:
    refusal = environment(language).get_template("_refusals.html").module.refusal  # type: ignore[attr-defined]
    values: defaultdict[str, str] = defaultdict(lambda: "7")
    return str(refusal(_Refusal(code, values), "<English only>"))


class _Refusal:
    def __init__(self, problem: str, values: dict[str, str]) -> None:
        self.problem, self.values = problem, values


CODES = problem_codes()
SETTINGS = _settings_codes()


@pytest.mark.parametrize("code", sorted(set(CODES) - SETTINGS))
def test_every_refusal_code_is_worded_and_translated(code: str) -> None:
    english = _worded(code, "en")
    assert english != "<English only>", f"{code} ({CODES[code]}) has no branch in _refusals.html"
    untranslated = [language for language in SUPPORTED_LANGUAGES
                    if language != "en" and _worded(code, language) == english]
    assert not untranslated, f"{code} ({CODES[code]}) is English in {untranslated}"


def _calls(path: Path, names: tuple[str, ...]) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in names]


def test_the_console_raises_no_english_only_error_page() -> None:
    """An HTTPException with words in it is a `Refused` (bot/console/refusals.py) instead."""
    bare = [f"{path.relative_to(ROOT)}:{call.lineno}"
            for path in _python("bot/console") for call in _calls(path, ("HTTPException",))
            if len(call.args) > 1 and isinstance(call.args[1], ast.Constant | ast.JoinedStr)]
    assert not bare, f"English-only error pages: {bare}"


def test_every_refusal_the_console_shows_carries_a_code() -> None:
    missing = [f"{name}:{call.lineno}" for name in SHOWN
               for call in _calls(ROOT / name, REFUSALS)
               if not any(keyword.arg == "problem" for keyword in call.keywords)]
    assert not missing, f"refusals without a problem code (English only): {missing}"
