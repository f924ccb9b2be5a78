"""`rollcall replay`: the library of conversation scripts runs in the test suite, and the
command's exit codes and report are what a school relies on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import build_app
from bot.replay.runner import run_script
from bot.replay.script import load_script

app = build_app()  # every command, as `rollcall --help` lists them

LIBRARY = Path(__file__).parents[1] / "conversations" / "replay"

# Scripts that show what rollcall does not do yet. strict: one that starts passing fails here,
# so the entry is removed the day the gap is closed.
KNOWN_GAPS: dict[str, str] = {}


def _script_param(path: Path) -> object:
    reason = KNOWN_GAPS.get(path.stem)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.parametrize("path", [_script_param(p) for p in sorted(LIBRARY.glob("*.yaml"))])
def test_conversation_script(path: Path) -> None:
    outcome = run_script(load_script(path))
    assert outcome.passed, "\n".join(f"line {f.step.line}: {f.expected}: {f.happened}"
                                     for f in outcome.failures)


def test_the_library_covers_the_mission() -> None:
    assert len(list(LIBRARY.glob("*.yaml"))) >= 40


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FAILING = """\
name: A wrong expectation
now: 2026-11-23T08:00:00
students:
  - {id: S1, first_name: Amy, last_name: Smith}
contacts:
  - {id: P1, name: Jane Smith, phone: "+447700900001", channels: [sms], students: [S1]}
marks:
  - {student: S1, date: 2026-11-23, session: AM, code: N}
steps:
  - at: "09:30"
  - run: absence
  - expect_sent: {to: P1, contains: [Zebedee]}
"""


def test_exit_0_when_every_expectation_held(tmp_path: Path) -> None:
    good = shutil.copy(LIBRARY / "illness_confirmed.yaml", tmp_path / "good.yaml")
    result = CliRunner().invoke(app, ["replay", str(good)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PASS")


def test_exit_1_names_the_step_what_was_expected_and_the_transcript(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["replay", str(_write(tmp_path, "bad.yaml", FAILING))])
    assert result.exit_code == 1
    assert "FAIL  A wrong expectation" in result.output
    assert "step at line 12: expect_sent" in result.output
    assert "does not contain 'Zebedee'" in result.output
    assert "rollcall -> P1 (sms): Demo Academy: Amy was marked absent" in result.output


def test_exit_2_for_a_script_that_is_not_valid(tmp_path: Path) -> None:
    path = _write(tmp_path, "invalid.yaml", FAILING.replace("run: absence", "run: lunch"))
    result = CliRunner().invoke(app, ["replay", str(path)])
    assert result.exit_code == 2
    assert "line 11: run must be one of" in result.output


def test_json_prints_the_whole_transcript(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["replay", "--json",
                                      str(_write(tmp_path, "bad.yaml", FAILING))])
    assert result.exit_code == 1
    [report] = json.loads(result.output)
    assert report["passed"] is False
    kinds = [entry["kind"] for entry in report["transcript"]]
    assert "sent" in kinds and "mark" in kinds
    assert report["failures"][0]["line"] == 12
