"""Calendar entries as staff keep them: added once, removed, imported without duplicates, and
every change audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import col, select

from store.calendar_entries import (
    add_entry,
    already_there,
    entries_between,
    import_entries,
    remove_entry,
)
from store.calendar_import import plan_csv
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput, NotFound
from store.models.audit import AuditEntry
from store.models.schools import School


def _school(db: Database, name: str = "Hillside Primary") -> int:
    with db.transaction() as session:
        school = School(name=name)
        session.add(school)
        session.flush()
        assert school.id is not None
        return school.id


def test_an_entry_is_added_once_listed_by_the_days_it_touches_and_removed(
    db: Database, clock: FakeClock
) -> None:
    school_id = _school(db)
    with db.transaction() as session:
        half_term: dict[str, Any] = {
            "kind": "holiday",
            "start": date(2026, 10, 26),
            "end": date(2026, 10, 30),
        }
        first = add_entry(
            session, clock, school_id=school_id, **half_term, note=" Half term ", actor="staff:1"
        )
        again = add_entry(session, clock, school_id=school_id, **half_term, actor="staff:1")
        assert again.id == first.id and first.note == "Half term"
    with db.transaction() as session:
        assert [
            e.id
            for e in entries_between(
                session, school_id=school_id, start=date(2026, 10, 1), end=date(2026, 10, 26)
            )
        ] == [first.id]
        assert (
            entries_between(
                session, school_id=school_id, start=date(2026, 11, 1), end=date(2026, 11, 30)
            )
            == []
        )
        remove_entry(session, clock, school_id=school_id, entry_id=first.id or 0, actor="staff:1")
    with db.transaction() as session:
        actions = [a.action for a in session.exec(select(AuditEntry).order_by(col(AuditEntry.id)))]
        assert actions == ["calendar.add", "calendar.remove"]
        assert (
            entries_between(
                session, school_id=school_id, start=date(2026, 10, 1), end=date(2026, 10, 31)
            )
            == []
        )


@pytest.mark.parametrize(
    ("kind", "start", "end", "error"),
    [
        ("emergency", date(2026, 12, 7), date(2026, 12, 7), "not a kind"),
        ("party", date(2026, 12, 7), date(2026, 12, 7), "not a kind"),
        ("inset", date(2026, 12, 7), date(2026, 12, 6), "before the first"),
        ("term", date(2026, 1, 1), date(2027, 6, 1), "at most 400 days"),
    ],
)
def test_bad_entries_are_refused(
    db: Database, clock: FakeClock, kind: str, start: date, end: date, error: str
) -> None:
    school_id = _school(db)
    with db.transaction() as session, pytest.raises(InvalidInput, match=error):
        add_entry(
            session, clock, school_id=school_id, kind=kind, start=start, end=end, actor="staff:1"
        )


def test_another_schools_entry_cannot_be_removed(db: Database, clock: FakeClock) -> None:
    mine, theirs = _school(db), _school(db, "Other School")
    with db.transaction() as session:
        day = date(2026, 11, 2)
        entry = add_entry(
            session, clock, school_id=theirs, kind="inset", start=day, end=day, actor="staff:2"
        )
    with db.transaction() as session, pytest.raises(NotFound):
        remove_entry(session, clock, school_id=mine, entry_id=entry.id or 0, actor="staff:1")


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    db: Database, clock: FakeClock
) -> None:
    school_id = _school(db)
    plans = plan_csv(
        "2026-09-02,2026-12-18,term\n2026-11-02,2026-11-02,inset\n2026-12-01,2026-11-01,closure\n"
    )
    with db.transaction() as session:
        outcome = import_entries(session, clock, school_id=school_id, plans=plans, actor="staff:1")
        assert (outcome.added, outcome.already, outcome.skipped) == (2, 0, 1)
    with db.transaction() as session:
        assert all(already_there(session, school_id=school_id, plan=p) for p in plans if p.adds)
        outcome = import_entries(session, clock, school_id=school_id, plans=plans, actor="staff:1")
        assert (outcome.added, outcome.already, outcome.skipped) == (0, 2, 1)
