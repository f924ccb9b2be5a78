"""`rollcall mis link|sync|status` against the fake Wonde."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from bot.cli import build_app
from store.database import Database
from store.errors import InvalidInput
from store.models.schools import School
from tests.bot import test_cli
from tests.fakes.wonde_school import seed_from_fixtures
from tests.fakes.wonde_server import SCHOOL, TOKEN, FakeWonde

app = build_app()  # every command, as `rollcall --help` lists them

runner = CliRunner()
store_url = test_cli.store_url  # the CLI tests' store, at the newest migration


@pytest.fixture
def wonde() -> Iterator[FakeWonde]:
    fake = FakeWonde().start()
    seed_from_fixtures(fake)
    yield fake
    fake.stop()


def rollcall(url: str, wonde: FakeWonde, *args: str, tokens: dict[str, str]) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={
        "ROLLCALL_DATABASE_URL": url, "ROLLCALL_WONDE_BASE_URL": wonde.base_url,
        "ROLLCALL_WONDE_TOKENS": json.dumps(tokens)})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def test_link_sync_and_status(store_url: str, db: Database, wonde: FakeWonde) -> None:
    with db.transaction() as session:
        session.add(School(name="Pryce Primary"))
    tokens = {"1": TOKEN}
    code, out = rollcall(store_url, wonde, "mis", "link", "--school", "1", "--mis-school",
                         SCHOOL, tokens=tokens)
    assert code == 0 and f"linked to wonde school {SCHOOL}" in out
    code, out = rollcall(store_url, wonde, "mis", "sync", tokens=tokens)
    assert code == 0, out
    # The fixtures' marks are older than a day: a first pull does not read history.
    assert "changed 2 students, 2 contacts, 3 links, 0 marks, 7 codes; 1 not written" in out
    assert "not written: code A1300000008: 'H' is not a current code" in out
    code, out = rollcall(store_url, wonde, "mis", "status", "--school", "1", tokens=tokens)
    assert code == 0
    assert "last pull: 20" in out and "last push: never" in out
    assert "queue: 0 waiting" in out
    assert TOKEN not in out
    code, out = rollcall(store_url, wonde, "mis", "check", "--date", "2026-11-23",
                         tokens=tokens)
    assert code == 0 and out.startswith("school_id,student_id,student_mis_id")
    with pytest.raises(InvalidInput, match="not a date"):
        rollcall(store_url, wonde, "mis", "check", "--date", "Monday", tokens=tokens)


def test_a_sync_without_a_token_says_so_and_fails(store_url: str, db: Database,
                                                  wonde: FakeWonde) -> None:
    with db.transaction() as session:
        session.add(School(name="Pryce Primary"))
    rollcall(store_url, wonde, "mis", "link", "--school", "1", "--mis-school", SCHOOL,
             tokens={})
    code, out = rollcall(store_url, wonde, "mis", "sync", "--school", "1", tokens={})
    assert code == 1
    assert "ROLLCALL_WONDE_TOKENS has no token for school 1" in out
    _, status = rollcall(store_url, wonde, "mis", "status", tokens={})
    assert "failed: ROLLCALL_WONDE_TOKENS" in status
