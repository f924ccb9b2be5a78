"""The bulk writers give the rows an ORM insert would: ids in order, defaults, JSON lists,
aware times; and change only the rows named (COPY on PostgreSQL, executemany on SQLite)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlmodel import select

from store.bulk import insert_rows, update_rows, write_rows
from store.database import Database
from store.models.audit import AuditEntry
from store.models.events import TimetableEvent
from store.models.people import Contact
from store.models.schools import School

AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def test_new_rows_get_their_ids_in_order_and_the_model_defaults(db: Database) -> None:
    with db.transaction() as session:
        school_id, = insert_rows(session, School, [{"name": "Kestrel Vale College"}])
        ids = insert_rows(session, Contact, [
            {"school_id": school_id, "external_id": f"C{n}", "name": f"Carer {n}",
             "email": f"carer{n}@example.org"} for n in range(3)] + [
            # a row naming other columns, and a tab, a newline and a backslash to escape
            {"school_id": school_id, "external_id": "C3", "name": "Tab\tNew\nline \\ Carer",
             "channels": ["telegram"], "telegram_chat_id": "700000001"}])
    with db.transaction() as session:
        contacts = {c.id: c for c in session.exec(select(Contact))}
    assert [contacts[i].external_id for i in ids] == ["C0", "C1", "C2", "C3"]
    assert contacts[ids[0]].channels == ["sms", "email", "telegram"]  # the model's default
    assert contacts[ids[0]].opted_out == [] and contacts[ids[0]].language == "en"
    assert not contacts[ids[0]].whatsapp_opt_in and contacts[ids[0]].phone is None
    assert contacts[ids[3]].name == "Tab\tNew\nline \\ Carer"
    assert contacts[ids[3]].channels == ["telegram"]


def test_rows_written_and_updated_keep_dates_times_and_lists(db: Database) -> None:
    with db.transaction() as session:
        school_id, = insert_rows(session, School, [{"name": "Kestrel Vale University"}])
        write_rows(session, TimetableEvent, [
            {"school_id": school_id, "external_id": f"EV{n}", "day": date(2026, 11, 24),
             "starts_at": AT, "staff": ["Dr A Khan", "Dr B Osei"]} for n in range(2)])
        write_rows(session, AuditEntry, [])
    with db.transaction() as session:
        first, second = session.exec(select(TimetableEvent).order_by(TimetableEvent.external_id))
        assert first.starts_at == AT and first.staff == ["Dr A Khan", "Dr B Osei"]
        assert first.mandatory and first.day == date(2026, 11, 24)
        update_rows(session, TimetableEvent, [{"id": second.id, "room": "R101",
                                               "ends_at": AT.replace(hour=11)}])
    with db.transaction() as session:
        first, second = session.exec(select(TimetableEvent).order_by(TimetableEvent.external_id))
    assert (first.room, first.ends_at) == (None, None)
    assert (second.room, second.ends_at) == ("R101", AT.replace(hour=11))
    assert second.staff == ["Dr A Khan", "Dr B Osei"]


def test_rows_naming_different_columns_in_turn_each_keep_their_own(db: Database) -> None:
    with db.transaction() as session:
        school_id, = insert_rows(session, School, [{"name": "Kestrel Vale College"}])
        rows = [{"school_id": school_id, "external_id": f"C{n}", "name": f"Carer {n}",
                 **({"phone": f"+447700900{n:03d}"} if n % 2 else {"email": f"c{n}@example.org"})}
                for n in range(1, 7)]
        write_rows(session, Contact, rows[:3])
        ids = insert_rows(session, Contact, rows[3:])
    with db.transaction() as session:
        contacts = {c.external_id: c for c in session.exec(select(Contact))}
    assert [contacts[f"C{n}"].id for n in range(4, 7)] == ids
    assert [(contacts[f"C{n}"].phone, contacts[f"C{n}"].email) for n in (1, 2, 5, 6)] == [
        ("+447700900001", None), (None, "c2@example.org"), ("+447700900005", None),
        (None, "c6@example.org")]
