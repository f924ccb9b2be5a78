"""Replay scripts are checked before they run: a bad one is refused with its line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.replay.script import ScriptError, load_script

LIBRARY = Path(__file__).parents[1] / "conversations" / "replay"

GOOD_HEADER = """\
name: t
now: 2026-11-23T08:00:00
students:
  - {id: S1, first_name: Amy, last_name: Smith}
contacts:
  - {id: P1, name: Jane Smith, phone: "+447700900001", channels: [sms], students: [S1]}
steps:
"""


@pytest.mark.parametrize("script", sorted(LIBRARY.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_script_in_the_library_is_valid(script: Path) -> None:
    assert load_script(script).steps


@pytest.mark.parametrize(("steps", "line", "reason"), [
    ("  - run: lunch\n", 8, "run must be one of"),
    ("  - receive: {from: P9, channel: sms, text: hi}\n", 8, "unknown contact 'P9'"),
    ("  - receive: {from: P1, channel: fax, text: hi}\n", 8, "channel must be one of"),
    ("  - at: '09:30'\n  - staff: {action: dance}\n", 9, "unknown staff action"),
    ("  - expect_mark: {student: S1, date: 2026-11-23}\n", 8, "missing session"),
    ("  - staff: {action: set_code, code: H}\n", 8, "set_code needs a valid code"),
    ("  - at: 'teatime'\n", 8, "'at' needs HH:MM"),
    ("  - run: absence\n    oops: [\n", None, "not valid YAML"),
])
def test_a_bad_script_names_its_line_and_reason(tmp_path: Path, steps: str, line: int | None,
                                                reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD_HEADER + steps, encoding="utf-8")
    with pytest.raises(ScriptError, match=reason) as error:
        load_script(path)
    if line is not None:
        assert error.value.line == line


def test_a_contact_for_an_unknown_student_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD_HEADER.replace("students: [S1]", "students: [S7]"), encoding="utf-8")
    with pytest.raises(ScriptError, match=r"line 6: contact P1 names unknown students \['S7'\]"):
        load_script(path)
