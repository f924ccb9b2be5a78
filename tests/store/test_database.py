from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import select

from store.database import Database
from store.errors import ConfigError
from store.models.schools import School


def test_transaction_commits_on_success_and_rolls_back_on_error(db: Database) -> None:
    with db.transaction() as session:
        session.add(School(name="Harbour Lane Academy"))
    with pytest.raises(RuntimeError), db.transaction() as session:
        session.add(School(name="Never Saved"))
        session.flush()
        raise RuntimeError("boom")
    with db.transaction() as session:
        names = [s.name for s in session.exec(select(School))]
    assert names == ["Harbour Lane Academy"]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: Database) -> None:
    if db.dialect != "sqlite":
        pytest.skip("SQLite pragmas only")
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000
        # FULL (2): an answered webhook's row is on disk before the 200 goes (issue 15.12).
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2


def test_a_bad_url_is_a_config_error_naming_the_setting() -> None:
    with pytest.raises(ConfigError, match="ROLLCALL_DATABASE_URL"):
        Database("not a url")


def test_a_savepoint_rolls_back_alone_and_the_transaction_still_rolls_back_whole(
        db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as session:
        with session.begin_nested():
            session.add(School(name="Kept Until The End"))
        with pytest.raises(ValueError), session.begin_nested():
            session.add(School(name="Rolled Back Alone"))
            session.flush()
            raise ValueError("this row only")
        names = [s.name for s in session.exec(select(School))]
        assert names == ["Kept Until The End"]
        raise RuntimeError("now the whole transaction")
    with db.transaction() as session:
        assert session.exec(select(School)).all() == []
