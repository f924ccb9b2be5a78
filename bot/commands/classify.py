"""`rollcall classify`: what the engine makes of a reply, as JSON (one reply, or a JSONL batch)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import typer

from conversations.types import Lexicons, Reading, StudentFact
from conversations.understanding import classify
from store.errors import InvalidInput
from store.lexicons import load_lexicons


def reading_json(reading: Reading, *, with_context: bool) -> dict[str, Any]:
    """The issue's shape: intent, code, needs_staff, urgent, confidence, language (+ context)."""
    out: dict[str, Any] = {
        "intent": reading.intent.value, "code": reading.code, "needs_staff": reading.needs_staff,
        "urgent": reading.urgent, "confidence": reading.confidence, "language": reading.language,
    }
    if with_context:
        out["children"] = [{"student": c.student_id, "intent": c.intent.value}
                           for c in reading.children]
        out["sessions"] = [{"date": s.day.isoformat(), "session": s.session.value}
                           for s in reading.sessions]
    return out


def parse_students(values: Iterable[str]) -> tuple[StudentFact, ...]:
    """`ID:Name` pairs (as --student takes them) into the engine's StudentFact."""
    students = []
    for value in values:
        student_id, sep, name = value.partition(":")
        if not sep or not student_id.strip() or not name.strip():
            raise InvalidInput(f"--student wants ID:Name, got {value!r}")
        students.append(StudentFact(student_id.strip(), name.strip()))
    return tuple(students)


def parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(f"--today wants YYYY-MM-DD, got {value!r}") from error


def classify_lines(lines: Iterable[str], lexicons: Lexicons) -> Iterator[tuple[str, bool]]:
    """One JSON line out per JSON line in ({"text", "lang", "students"?, "today"?}).

    A bad line gives {"line": n, "error": ...} and the batch goes on; the flag says it failed.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text, lang = row["text"], row.get("lang")
            if not isinstance(text, str):
                raise InvalidInput("text must be a string")
            students = tuple(StudentFact(str(s["id"]), str(s["name"]))
                             for s in row.get("students") or ())
            today = parse_day(row.get("today"))
        except (ValueError, KeyError, TypeError, AttributeError, InvalidInput) as error:
            yield json.dumps({"line": number, "error": f"not a reply line: {error}"}), False
            continue
        reading = classify(text, lexicons=lexicons, language_hint=lang, students=students,
                           today=today)
        context = bool(students) or today is not None
        yield json.dumps(reading_json(reading, with_context=context), ensure_ascii=False), True


def _open(path: str) -> TextIO:
    if path == "-":
        return sys.stdin
    try:
        return Path(path).open(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from error


def register(app: typer.Typer) -> None:
    @app.command("classify")
    def classify_command(
        text: str = typer.Argument(None, help="The reply to understand."),
        lang: str = typer.Option(None, "--lang", "--language",
                                 help="The contact's language (a hint)."),
        jsonl: str = typer.Option(None, "--jsonl", help="Classify each {\"text\", \"lang\"} "
                                  "line of FILE (- for standard input) instead."),
        student: list[str] = typer.Option([], "--student",  # noqa: B008
                                              help="A child the sender is a contact for, "
                                                   "ID:Name (repeat for siblings)."),
        today: str = typer.Option(None, "--today", help="The school's date, YYYY-MM-DD, to "
                                  "read dates into sessions."),
    ) -> None:
        """Print what rollcall understands a reply to mean, as one JSON object."""
        lexicons = load_lexicons()
        if jsonl is not None:
            failed = False
            with _open(jsonl) as lines:
                for out, ok in classify_lines(lines, lexicons):
                    typer.echo(out)
                    failed = failed or not ok
            raise typer.Exit(1 if failed else 0)
        if text is None:
            raise InvalidInput("give the reply TEXT, or --jsonl FILE")
        students, day = parse_students(student), parse_day(today)
        reading = classify(text, lexicons=lexicons, language_hint=lang, students=students,
                           today=day)
        context = bool(students) or day is not None
        typer.echo(json.dumps(reading_json(reading, with_context=context), ensure_ascii=False))
