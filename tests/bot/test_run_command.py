"""`rollcall run`: a summary, --dry-run writes nothing, bad input is one clear line."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlmodel import select

from store.database import Database
from store.models.outbound import Outbox, Run
from tests.scheduling.families import MONDAY, new_school


def _rollcall(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from bot.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=60,
                          env={"ROLLCALL_DATABASE_URL": database_url, "PATH": "/usr/bin",
                               "COLUMNS": "120"})


@pytest.fixture
def school(db: Database) -> int:
    with db.transaction() as session:
        reg = new_school(session)
        mum = reg.contact("Mum")
        for name in ("Amy", "Ben"):
            reg.student(name, mum)
            reg.mark(name, "N")
        reg.student("Cara", reg.contact("Nobody", no_contact=True))
        reg.mark("Cara", "N")
        assert reg.school.id is not None
        return reg.school.id


def test_dry_run_shows_the_summary_and_writes_nothing(db: Database, database_url: str,
                                                      school: int) -> None:
    result = _rollcall(database_url, "run", "absence", "--date", str(MONDAY), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "dry run" in result.stdout and "messages composed" in result.stdout
    assert "no contact who can be reached" in result.stdout
    with db.transaction() as session:
        assert session.exec(select(Outbox)).all() == [] and session.exec(select(Run)).all() == []


def test_run_then_again_sends_nothing_twice(db: Database, database_url: str,
                                           school: int) -> None:
    first = _rollcall(database_url, "run", "absence", "--date", str(MONDAY), "--school",
                      str(school))
    second = _rollcall(database_url, "run", "absence", "--date", str(MONDAY))
    assert first.returncode == 0 and "done" in first.stdout and "on sms" in first.stdout
    assert second.returncode == 0 and "already run" in second.stdout
    with db.transaction() as session:
        assert len(session.exec(select(Outbox)).all()) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("run", "holiday"), "unknown run 'holiday'"),
    (("run", "absence", "--date", "tomorrow"), "is not a date"),
    (("run", "absence", "--school", "999"), "no school with id 999"),
])
def test_bad_input_is_one_clear_line(db: Database, database_url: str, school: int,
                                     args: tuple[str, ...], message: str) -> None:
    result = _rollcall(database_url, *args)
    assert result.returncode == 2 and message in result.stderr
    with db.transaction() as session:
        assert session.exec(select(Run)).all() == []
