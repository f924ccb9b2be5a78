"""Issue 19's check: a new school set up from nothing in the console only — no SQL, no curl — in
Debian's Chromium against the app on loopback. The school and its first admin come from the two
commands every install starts with (`rollcall school add`, `rollcall user add`); from then on
the admin works in the browser: staff, school settings and the on-call order, the term dates
from a published .ics, the MIS exports (each previewed, then applied), and the morning's
absence run (its dry run, then Send) on a Wednesday at 09:40. Screenshots of each step go to
test-artifacts/new-school-*.png for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlmodel import col, select
from typer.testing import CliRunner

from bot.cli import build_app
from store.clock import FakeClock
from store.database import Database
from store.migrate import alembic_config
from store.models.outbound import Outbox
from store.models.people import Student
from store.models.schools import School, SchoolDay
from store.on_call import on_call_list
from tests.console.conftest import sign_in_browser
from tests.console.test_calendar import SHEFFIELD

cli = build_app()  # every command, as `rollcall --help` lists them

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ADMIN, DSL = "nia.admin@example.org", "dafydd.lewis@example.org"
PASSWORD = "a long admin passphrase"
# Invented MIS exports (SIMS column names): three pupils, two families (one reads Welsh), and
# this morning's register.
EXPORTS = {
    "students": "Adno,Legal Forename,Legal Surname,Year Group,Reg Group\n"
                "5001,Elin,Morgan,7,7H\n5002,Osian,Morgan,9,9T\n5003,Lowri,Rees,8,8C\n",
    "contacts": "Contact ID,Adno,Contact Name,Relationship,Priority,Mobile,Home Language\n"
                "P1,5001,Siân Morgan,Mother,1,07700 900431,Welsh\n"
                "P1,5002,Siân Morgan,Mother,1,07700 900431,Welsh\n"
                "P2,5003,Gareth Rees,Father,1,07700 900432,English\n",
    "marks": "Adno,Date,Session,Mark\n5001,25/11/2026,AM,N\n5002,25/11/2026,AM,/\n"
             "5003,25/11/2026,AM,N\n",
}


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 9, 40, tzinfo=UTC))  # a Wednesday in term, GMT


@pytest.fixture
def bootstrapped(db: Database, database_url: str) -> Iterator[None]:
    """The school and its first admin, made by the commands (the store stamped as migrated:
    the `db` fixture built it from the models, which the migration tests check are the same)."""
    with db.engine.begin() as connection:
        config = alembic_config(db)
        config.attributes["connection"] = connection
        command.stamp(config, "head")
    runner, env = CliRunner(), {"ROLLCALL_DATABASE_URL": database_url}
    added = runner.invoke(cli, ["school", "add", "Ysgol Glan Hafren"], env=env)
    assert added.exit_code == 0, added.output
    user = runner.invoke(cli, ["user", "add", ADMIN, "--name", "Nia Admin", "--role", "admin",
                               "--school", "1", "--password-stdin"], input=PASSWORD, env=env)
    assert user.exit_code == 0, user.output
    yield


def test_a_new_school_is_set_up_and_runs_its_morning_in_the_console_only(
    bootstrapped: None, browser: object, server: str, db: Database, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()  # type: ignore[attr-defined]
    shot = iter(range(1, 100))

    def screenshot(name: str) -> None:
        page.screenshot(path=str(ARTIFACTS / f"new-school-{next(shot):02d}-{name}.png"),
                        full_page=True)

    sign_in_browser(page, f"{server}/console/sign-in", ADMIN, PASSWORD)
    page.click("nav >> text=Staff accounts")
    page.fill("form[action='/console/staff'] input[name=name]", "Dafydd Lewis")
    page.fill("form[action='/console/staff'] input[name=email]", DSL)
    page.select_option("form[action='/console/staff'] select[name=role]", "dsl")
    page.click("form[action='/console/staff'] button[type=submit]")
    page.wait_for_selector(f"tr:has-text('{DSL}')")
    screenshot("staff")

    page.click("nav >> text=School settings")
    page.select_option("select[name=nation]", "Wales")
    page.check("input[name=welsh_bilingual]")
    page.fill("input[name=phone]", "0113 496 0000")
    page.fill("input[name=absence_run_at]", "09:35")
    page.fill("form.settings tr:has-text('Dafydd Lewis') input", "1")
    page.fill("form.settings tr:has-text('Nia Admin') input", "2")
    page.click("form.settings button[type=submit]")
    page.wait_for_selector("p.done")
    screenshot("settings")

    page.click("nav >> text=Calendar")
    page.set_input_files("form[action='/console/calendar/import'] input[name=file]",
                         str(SHEFFIELD))
    page.click("form[action='/console/calendar/import'] button[type=submit]")
    page.wait_for_selector("table.import-preview")
    screenshot("term-dates-preview")
    page.click("form[action='/console/calendar/import/apply'] button[type=submit]")
    page.wait_for_selector("#month")
    screenshot("calendar")

    for kind, body in EXPORTS.items():
        export = tmp_path / f"{kind}.csv"
        export.write_text(body)
        page.click("nav >> text=Import")
        page.select_option("select[name=kind]", kind)
        page.set_input_files("input[name=files]", str(export))
        page.click("form.upload button[type=submit]")
        page.wait_for_selector("button.apply")
        assert "refused" not in page.inner_text("table.import-preview")
        screenshot(f"import-{kind}")
        page.click("button.apply")
        page.wait_for_selector("p.done")

    page.click("nav >> text=Runs")
    page.select_option("select[name=kind]", "absence")
    page.click("form.run-now button[type=submit]")
    page.wait_for_selector("p.dry-run")
    screenshot("run-now-dry-run")
    page.click("button.send-run")
    page.wait_for_url("**/console/runs/*")
    screenshot("run-delivery")

    with db.transaction() as session:
        school = session.get(School, 1)
        assert school is not None
        assert (school.country, school.welsh_bilingual, school.phone) == (
            "GB-WLS", True, "+441134960000")
        assert [u.email for u in on_call_list(session, 1)] == [DSL, ADMIN]
        assert session.exec(select(SchoolDay)).all()  # the term dates
        assert len(session.exec(select(Student)).all()) == 3
        sent = session.exec(select(Outbox).where(col(Outbox.run_id).is_not(None))).all()
    assert sorted(row.to_address for row in sent) == ["+447700900431", "+447700900432"]
    welsh = next(row for row in sent if row.to_address == "+447700900431")
    assert "Elin" in welsh.body and "Osian" not in welsh.body  # Osian was present
