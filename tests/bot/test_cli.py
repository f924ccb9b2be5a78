from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from alembic import command
from typer.testing import CliRunner

from bot.cli import COMMANDS, build_app
from store.database import Database
from store.errors import InvalidInput
from store.migrate import alembic_config
from store.models.schools import School
from store.schools import school_for_token
from tests.store.test_importer import MARKS, STUDENTS, snapshot

app = build_app()  # every command, as `rollcall --help` lists them

runner = CliRunner()


@pytest.fixture
def store_url(database_url: str, db: Database) -> str:
    """A store marked as at the newest migration: the `db` fixture built it from the models,
    which tests/store/test_migrations.py checks are exactly what the migrations build."""
    with db.engine.begin() as connection:
        config = alembic_config(db)
        config.attributes["connection"] = connection
        command.stamp(config, "head")
    return database_url


def rollcall(url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"ROLLCALL_DATABASE_URL": url})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def every_command(group: Any, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, sub in group.commands.items():
        found += (every_command(sub, (*path, name)) if hasattr(sub, "commands")
                  else [(*path, name)])
    return found


def test_every_command_has_help() -> None:
    commands = every_command(typer.main.get_command(app))
    assert {("import", "marks"), ("school", "add"), ("demo",), ("serve",),
            ("db", "upgrade")} <= set(commands)
    for path in commands:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage" in result.output


def test_a_rollcall_process_builds_its_command_alone_as_the_whole_app_has_it() -> None:
    """`rollcall <command>` registers only that command's module (bot.cli.COMMANDS): each
    command is there alone, with the subcommands it has among all the others."""
    whole = every_command(typer.main.get_command(app))
    assert {path[0] for path in whole if path} == set(COMMANDS)
    for name in COMMANDS:
        alone = every_command(typer.main.get_command(build_app(name)))
        assert alone == [(), *(path for path in whole if path[:1] == (name,))], name


def test_school_add_prints_its_id_and_a_token_that_is_stored_hashed(
        store_url: str, db: Database) -> None:
    code, output = rollcall(store_url, "school", "add", "Kestrel Vale Academy",
                            "--timezone", "Europe/London")
    assert code == 0 and output.startswith("school 1: Kestrel Vale Academy")
    token = output.split(": ")[-1].strip()
    with db.transaction() as session:
        school = school_for_token(session, token)
        assert school is not None and school.api_token_hash != token
    with pytest.raises(InvalidInput, match="unknown time zone 'Mars/Base'"):
        rollcall(store_url, "school", "add", "Nowhere", "--timezone", "Mars/Base")


def test_school_alert_detail_sets_how_much_urgent_alerts_name(
        store_url: str, db: Database) -> None:
    rollcall(store_url, "school", "add", "Kestrel Vale Academy")
    code, output = rollcall(store_url, "school", "alert-detail", "1", "concern")
    assert code == 0 and output.strip() == "school 1: urgent alerts name concern"
    with db.transaction() as session:
        assert session.get(School, 1).alert_detail == "concern"  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="one of: full, concern, minimal"):
        rollcall(store_url, "school", "alert-detail", "1", "everything")


def test_school_set_changes_settings_and_show_lists_them(store_url: str) -> None:
    rollcall(store_url, "school", "add", "Kestrel Vale Academy")
    code, output = rollcall(store_url, "school", "set", "1", "--nation", "Scotland",
                            "--chase-run", "11:15", "--no-welsh-bilingual", "--welsh-bilingual")
    assert code == 0
    assert output.splitlines() == ["nation: England -> Scotland", "chase_run_at: 11:00 -> 11:15",
                                   "welsh_bilingual: False -> True",
                                   "school 1: 3 setting(s) changed, in effect at its next run"]
    code, output = rollcall(store_url, "school", "show", "1")
    assert code == 0 and "nation\tScotland" in output and "chase_run_at\t11:15" in output
    with pytest.raises(InvalidInput, match="quiet hours"):
        rollcall(store_url, "school", "set", "1", "--quiet-start", "11:00")
    assert "quiet_start\t20:00" in rollcall(store_url, "school", "show", "1")[1]


def test_import_reports_bad_rows_by_line_and_reimport_changes_nothing(
        store_url: str, db: Database, tmp_path: Path) -> None:
    rollcall(store_url, "school", "add", "Kestrel Vale Academy")
    students, marks = tmp_path / "students.csv", tmp_path / "marks.csv"
    students.write_text(STUDENTS, encoding="utf-8")
    marks.write_text(MARKS + "1003,2026-11-23,PM,J\n", encoding="utf-8")
    assert rollcall(store_url, "import", "students", str(students), "--school", "1")[0] == 0
    code, output = rollcall(store_url, "import", "marks", str(marks), "--school", "1")
    assert code == 1
    assert "3 created" in output and "line 5: 'J' is a retired code" in output
    before = snapshot(db)
    for _ in range(2):
        rollcall(store_url, "import", "students", str(students), "--school", "1")
        code, output = rollcall(store_url, "import", "marks", str(marks), "--school", "1")
        assert "0 created, 0 updated, 3 unchanged" in output
    assert snapshot(db) == before


def test_import_reads_an_mis_export_by_its_profile_and_lists_numbers_left_out(
        store_url: str) -> None:
    mis = Path(__file__).parent.parent / "fixtures" / "mis"
    rollcall(store_url, "school", "add", "Kestrel Vale Academy")
    code, output = rollcall(store_url, "import", "students", str(mis / "xporter/Students.json"),
                            "--school", "1")
    assert code == 0 and "Students.json (read as xporter): 2 rows of students" in output
    code, output = rollcall(store_url, "import", "contacts",
                            *(str(mis / "xporter" / name) for name in (
                                "StudentContacts.json", "Contacts.json", "PersonComms.json")),
                            "--school", "1", "--profile", "xporter")
    assert code == 0 and "3 rows of contacts: 3 created" in output
    rollcall(store_url, "import", "students", str(mis / "sims/students.csv"), "--school", "1")
    code, output = rollcall(store_url, "import", "contacts", str(mis / "sims/contacts.csv"),
                            "--school", "1")
    assert code == 0 and "1 cells left out of rows that were imported" in output
    assert "line 6: column 'Mobile': '07700 90011' is not a valid UK number" in output
    code, output = rollcall(store_url, "import", "marks", str(mis / "sims/marks.csv"),
                            "--school", "1")
    assert code == 0 and "3 not taken yet (- or blank)" in output


def test_all_or_nothing_leaves_the_store_untouched(
        store_url: str, db: Database, tmp_path: Path) -> None:
    rollcall(store_url, "school", "add", "Kestrel Vale Academy")
    students = tmp_path / "students.csv"
    students.write_text(STUDENTS + "1004,,Nameless,8,8C,,F\n", encoding="utf-8")
    before = snapshot(db)
    code, output = rollcall(store_url, "import", "students", str(students), "--school", "1",
                            "--all-or-nothing")
    assert code == 1 and "nothing imported" in output and "line 5" in output
    assert snapshot(db) == before


def test_demo_no_serve_prepares_the_school_once_and_says_what_it_made(store_url: str) -> None:
    code, output = rollcall(store_url, "demo", "--no-serve")
    assert code == 0
    assert "1200 students" in output and "absent (N)" in output and "staff password" in output
    code, output = rollcall(store_url, "demo", "--no-serve")
    assert code == 0 and "already has data" in output


def test_an_unmigrated_store_is_one_clear_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    csv_file = tmp_path / "students.csv"
    csv_file.write_text(STUDENTS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", "from bot.cli import main; main()", "import", "students",
         str(csv_file), "--school", "1"],
        env={"ROLLCALL_DATABASE_URL": f"sqlite:///{tmp_path}/empty.db", "PATH": "/usr/bin"},
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "rollcall: the database schema is missing or out of date: run `rollcall db upgrade` "
        "(ROLLCALL_DATABASE_URL points at it)"]


def test_calendar_import_previews_then_applies_a_published_ics(store_url: str,
                                                               db: Database) -> None:
    with db.transaction() as session:
        school = School(name="Hillside Primary")
        session.add(school)
        session.flush()
        school_id = str(school.id)
    ics = str(Path(__file__).resolve().parents[1] / "fixtures" / "calendar" /
              "sheffield-sutc-school-holidays.ics")
    code, output = rollcall(store_url, "calendar", "import", school_id, ics)
    assert code == 0 and output.count("new\t") == 31
    assert "skipped: a bank holiday the school's nation already has" in output
    assert rollcall(store_url, "calendar", "list", school_id)[1] == ""  # a preview writes nothing
    code, output = rollcall(store_url, "calendar", "import", school_id, ics, "--apply")
    assert output.endswith("added 31, already 0, skipped 24\n")
    code, listed = rollcall(store_url, "calendar", "list", school_id, "--from", "2025-10-01",
                            "--to", "2025-10-31")
    assert listed.splitlines() == ["inset\t2025-10-22\t2025-10-22\tSUTC: INSET day",
                                   "inset\t2025-10-23\t2025-10-23\tSUTC: Disaggregated Day",
                                   "inset\t2025-10-24\t2025-10-24\tSUTC: Disaggregated Day",
                                   "holiday\t2025-10-25\t2025-11-02\tSUTC: School holiday"]
    with pytest.raises(InvalidInput, match="'soon' is not a date"):
        rollcall(store_url, "calendar", "list", school_id, "--from", "soon")
