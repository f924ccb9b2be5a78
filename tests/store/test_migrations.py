from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, Table, text
from sqlalchemy.engine import Connection, make_url
from sqlmodel import SQLModel, select

from store.database import Database
from store.migrate import downgrade, heads, upgrade
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from tests.conftest import POSTGRES_URL


def test_migrations_build_exactly_the_models(tmp_path: object) -> None:
    database = Database(f"sqlite:///{tmp_path}/migrated.db")
    upgrade(database)
    upgrade(database)  # a second upgrade is a no-op
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == [], "models changed without a migration: add one in store/migrations"


def test_migrations_have_one_head(tmp_path: Path) -> None:
    found = heads(Database(f"sqlite:///{tmp_path}/heads.db"))
    assert len(found) == 1, (f"Alembic has {len(found)} heads {found}: two revisions revise the "
                             "same parent; set your revision's down_revision to main's head")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty database: SQLite in a temp dir, or a scratch schema of the test PostgreSQL
    (its own search_path, so the session's tables beside it are left alone)."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path}/old.db")
        yield database
        database.dispose()
        return
    if not POSTGRES_URL:
        pytest.skip("ROLLCALL_TEST_DATABASE_URL is not set: PostgreSQL migration test skipped")
    schema = f"migration_{uuid.uuid4().hex[:8]}"
    admin = Database(POSTGRES_URL)
    with admin.engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    database = Database(url.render_as_string(hide_password=False))
    try:
        yield database
    finally:
        database.dispose()
        with admin.engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def _insert(connection: Connection, table: str, **values: Any) -> int:
    """A row of the old schema, every NOT NULL column it leaves out filled with a plain value."""
    reflected = Table(table, MetaData(), autoload_with=connection)
    plain = {int: 1, float: 1.0, str: "x", bool: False, time: time(9), date: date(2026, 11, 23),
             datetime: datetime(2026, 11, 23, 8, tzinfo=UTC)}
    row = {c.name: plain[c.type.python_type] for c in reflected.columns
           if not c.nullable and not c.primary_key and c.name not in values}
    result = connection.execute(reflected.insert().values(**row, **values))
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def test_lists_stored_as_strings_come_out_as_lists(empty: Database) -> None:
    upgrade(empty, "0001")
    with empty.engine.begin() as connection:
        school = _insert(connection, "school", name="Old School",
                         auto_confirm="illness, medical_appointment")
        mum = _insert(connection, "contact", school_id=school, external_id="C1", name="Mum",
                      channels="telegram,sms", opted_out="sms", lost="")
        dad = _insert(connection, "contact", school_id=school, external_id="C2", name="Dad",
                      channels="sms,email,telegram", opted_out="", lost="email,telegram")
        family = _insert(connection, "outbox", school_id=school, contact_id=mum, channel="sms",
                         to_address="+447700900001", body="b", student_ids="12,34")
        staff = _insert(connection, "outbox", school_id=school, channel="email",
                        to_address="office@example.org", body="b", student_ids="")

    upgrade(empty)

    with empty.transaction() as session:
        assert (session.get(School, school) or School()).auto_confirm == [
            "illness", "medical_appointment"]
        first, second = session.get(Contact, mum), session.get(Contact, dad)
        assert first is not None and second is not None
        assert (first.channels, first.opted_out, first.lost) == (["telegram", "sms"], ["sms"], [])
        assert (second.channels, second.opted_out, second.lost) == (
            ["sms", "email", "telegram"], [], ["email", "telegram"])
        assert (session.get(Outbox, family) or Outbox()).student_ids == [12, 34]
        assert (session.get(Outbox, staff) or Outbox()).student_ids == []
        second.lost.remove("email")  # changed in place, still saved
    with empty.transaction() as session:
        assert (session.get(Contact, dad) or Contact()).lost == ["telegram"]
    with empty.engine.connect() as connection:  # the partial queue indexes survived the rebuild
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == []

    downgrade(empty, "0001")
    with empty.engine.connect() as connection:
        contacts = dict(connection.execute(text("SELECT id, channels FROM contact")).all())
        outbox = dict(connection.execute(text("SELECT id, student_ids FROM outbox")).all())
    assert contacts == {mum: "telegram,sms", dad: "sms,email,telegram"}
    assert outbox == {family: "12,34", staff: ""}


def test_landlines_texted_before_0008_move_out_of_the_phone_column(empty: Database) -> None:
    upgrade(empty, "0007")
    with empty.engine.begin() as connection:
        school = _insert(connection, "school", name="Old School", auto_confirm=[])
        home = _insert(connection, "contact", school_id=school, external_id="C1", name="Home",
                       phone="+441134960000", channels=[], opted_out=[], lost=[])
        mum = _insert(connection, "contact", school_id=school, external_id="C2", name="Mum",
                      phone="+447700900123", channels=[], opted_out=[], lost=[])
        real = _insert(connection, "contact", school_id=school, external_id="C3", name="Dad",
                       phone="+447700900124", channels=[], opted_out=[], lost=[])

    upgrade(empty)

    with empty.transaction() as session:
        found = {c.id: (c.phone, c.landline) for c in session.exec(select(Contact))}
    assert found == {home: (None, "+441134960000"), mum: ("+447700900123", None),
                     real: ("+447700900124", None)}
    downgrade(empty, "0007")
    with empty.engine.connect() as connection:
        phones: dict[int, str] = dict(connection.execute(
            text("SELECT id, phone FROM contact")).all())
    assert phones[home] == "+441134960000"


@pytest.mark.parametrize(("carried", "kept"), [("6", 6), (None, 10), ("0", 10)])
def test_schools_keep_the_retired_service_wide_sessions_before_a_percentage(
        empty: Database, monkeypatch: pytest.MonkeyPatch, carried: str | None,
        kept: int) -> None:
    """ROLLCALL_MIN_POSSIBLE_SESSIONS became each school's setting (0025): a service that had
    set it keeps its choice at every existing school; an unset or out-of-range one, the 10."""
    upgrade(empty, "0024")
    with empty.engine.begin() as connection:
        school = _insert(connection, "school", name="Old School", auto_confirm=[])
    if carried is None:
        monkeypatch.delenv("ROLLCALL_MIN_POSSIBLE_SESSIONS", raising=False)
    else:
        monkeypatch.setenv("ROLLCALL_MIN_POSSIBLE_SESSIONS", carried)
    upgrade(empty)
    with empty.transaction() as session:
        assert (session.get(School, school) or School()).min_possible_sessions == kept
