"""`rollcall classify`: one reply or a JSONL batch, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import build_app

app = build_app()  # every command, as `rollcall --help` lists them

runner = CliRunner()


def test_classify_prints_the_issue_shape() -> None:
    result = runner.invoke(app, ["classify", "she's got a temp", "--lang", "en"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "intent": "illness", "code": "I", "needs_staff": False, "urgent": False,
        "confidence": 0.85, "language": "en"}


def test_classify_with_context_gives_children_and_sessions() -> None:
    result = runner.invoke(app, ["classify", "Amy is sick, Ben has the dentist",
                                 "--student", "S1:Amy", "--student", "S2:Ben",
                                 "--today", "2026-11-25"])
    out = json.loads(result.stdout)
    assert out["children"] == [{"student": "S1", "intent": "illness"},
                               {"student": "S2", "intent": "medical_appointment"}]
    assert out["sessions"] == []


def test_classify_jsonl_answers_each_line_and_flags_bad_ones(tmp_path: Path) -> None:
    batch = tmp_path / "replies.jsonl"
    batch.write_text('{"text": "I dont know where he is", "lang": "en"}\n'
                     "{broken\n"
                     '{"text": "mój syn jest chory", "lang": "pl"}\n', encoding="utf-8")
    result = runner.invoke(app, ["classify", "--jsonl", str(batch)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("intent") for line in lines] == ["whereabouts_unknown", None, "illness"]
    assert lines[0]["urgent"] is True and lines[1]["line"] == 2
    assert result.exit_code == 1


def test_classify_rejects_a_bad_student_option() -> None:
    result = runner.invoke(app, ["classify", "sick", "--student", "Amy"])
    assert result.exit_code != 0


def test_language_is_the_long_name_of_lang() -> None:
    # The team's notes and issue checks write `--language xx`; both names give the same hint.
    short = runner.invoke(app, ["classify", "ma gorączkę", "--lang", "pl"])
    long = runner.invoke(app, ["classify", "ma gorączkę", "--language", "pl"])
    assert long.exit_code == 0, long.output
    assert json.loads(long.stdout) == json.loads(short.stdout)
    assert json.loads(long.stdout)["language"] == "pl"
