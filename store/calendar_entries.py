"""The school calendar's entries (the `school_day` rows: terms, INSET days, holidays, closures,
emergency closures) as staff edit them: listed, added, removed and imported, each audited.

What the entries mean for a day is store/calendar.py's rule; this module only keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from store.audit import audit
from store.calendar import EDITABLE_KINDS
from store.calendar_import import MAX_DAYS, Planned
from store.clock import Clock
from store.errors import InvalidInput, NotFound
from store.models.schools import SchoolDay

NOTE_LENGTH = 200


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    added: int
    already: int
    skipped: int


def entries_between(session: Session, *, school_id: int, start: date, end: date) -> list[SchoolDay]:
    """The school's entries that touch any day from `start` to `end`, earliest first."""
    return list(
        session.exec(
            select(SchoolDay)
            .where(
                SchoolDay.school_id == school_id,
                col(SchoolDay.start) <= end,
                col(SchoolDay.end) >= start,
            )
            .order_by(col(SchoolDay.start), col(SchoolDay.id))
        )
    )


def emergency_on(session: Session, *, school_id: int, day: date) -> SchoolDay | None:
    """The emergency closure declared for `day`, if there is one."""
    return session.exec(
        select(SchoolDay).where(
            SchoolDay.school_id == school_id, SchoolDay.kind == "emergency", SchoolDay.start == day
        )
    ).first()


def add_entry(
    session: Session,
    clock: Clock,
    *,
    school_id: int,
    kind: str,
    start: date,
    end: date,
    note: str = "",
    actor: str,
) -> SchoolDay:
    """Add a term, INSET day, holiday or closure (audited). The same entry twice is one."""
    if kind not in EDITABLE_KINDS:
        raise InvalidInput(
            f"{kind!r} is not a kind of calendar entry ({', '.join(EDITABLE_KINDS)})",
            problem="not_a_kind",
        )
    if end < start:
        raise InvalidInput("the last day is before the first", problem="last_before_first")
    if (end - start).days >= MAX_DAYS:
        raise InvalidInput(f"an entry covers at most {MAX_DAYS} days", problem="entry_too_long",
                           days=str(MAX_DAYS))
    existing = _same(session, school_id=school_id, kind=kind, start=start, end=end)
    if existing is not None:
        return existing
    return _insert(
        session,
        clock,
        SchoolDay(
            school_id=school_id,
            kind=kind,
            start=start,
            end=end,
            note=note.strip()[:NOTE_LENGTH] or None,
        ),
        actor=actor,
    )


def add_emergency(
    session: Session, clock: Clock, *, school_id: int, day: date, note: str, actor: str
) -> SchoolDay:
    """Record today's emergency closure (scheduling/closure.py does the rest)."""
    return _insert(
        session,
        clock,
        SchoolDay(
            school_id=school_id,
            kind="emergency",
            start=day,
            end=day,
            note=note.strip()[:NOTE_LENGTH] or None,
        ),
        actor=actor,
    )


def remove_entry(
    session: Session, clock: Clock, *, school_id: int, entry_id: int, actor: str
) -> None:
    """Remove one entry of this school (audited, with what it was)."""
    entry = session.get(SchoolDay, entry_id)
    if entry is None or entry.school_id != school_id:
        raise NotFound(f"no calendar entry {entry_id}")
    audit(
        session,
        clock,
        actor=actor,
        action="calendar.remove",
        entity="school_day",
        entity_id=entry_id,
        school_id=school_id,
        old=_describe(entry),
    )
    session.delete(entry)
    session.flush()


def import_entries(
    session: Session, clock: Clock, *, school_id: int, plans: Sequence[Planned], actor: str
) -> ImportOutcome:
    """Add every planned entry the calendar does not have yet; skipped lines change nothing."""
    added = already = 0
    for plan in plans:
        if not plan.adds:
            continue
        assert plan.kind is not None and plan.start is not None and plan.end is not None
        if (
            _same(session, school_id=school_id, kind=plan.kind, start=plan.start, end=plan.end)
            is not None
        ):
            already += 1
            continue
        add_entry(
            session,
            clock,
            school_id=school_id,
            kind=plan.kind,
            start=plan.start,
            end=plan.end,
            note=plan.note,
            actor=actor,
        )
        added += 1
    return ImportOutcome(
        added=added, already=already, skipped=sum(1 for plan in plans if not plan.adds)
    )


def already_there(session: Session, *, school_id: int, plan: Planned) -> bool:
    """Whether importing `plan` would add nothing because the calendar has it (the preview)."""
    return (
        plan.adds
        and plan.kind is not None
        and plan.start is not None
        and plan.end is not None
        and _same(session, school_id=school_id, kind=plan.kind, start=plan.start, end=plan.end)
        is not None
    )


def _same(
    session: Session, *, school_id: int, kind: str, start: date, end: date
) -> SchoolDay | None:
    return session.exec(
        select(SchoolDay).where(
            SchoolDay.school_id == school_id,
            SchoolDay.kind == kind,
            SchoolDay.start == start,
            SchoolDay.end == end,
        )
    ).first()


def _insert(session: Session, clock: Clock, entry: SchoolDay, *, actor: str) -> SchoolDay:
    session.add(entry)
    session.flush()
    audit(
        session,
        clock,
        actor=actor,
        action="calendar.add",
        entity="school_day",
        entity_id=entry.id,
        school_id=entry.school_id,
        new=_describe(entry),
    )
    return entry


def _describe(entry: SchoolDay) -> str:
    return json.dumps(
        {
            "kind": entry.kind,
            "start": entry.start.isoformat(),
            "end": entry.end.isoformat(),
            "note": entry.note,
        },
        sort_keys=True,
    )
