"""The append-only audit log."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, or_, select

from store.clock import Clock
from store.models.audit import AuditEntry
from store.models.staff import StaffSchool


def audit(session: Session, clock: Clock, *, actor: str, action: str, entity: str,
          entity_id: object, school_id: int | None = None, old: str | None = None,
          new: str | None = None, message_id: int | None = None) -> None:
    """Record one change. Never updated or deleted afterwards."""
    session.add(AuditEntry(at=clock.now(), actor=actor, action=action, entity=entity,
                           entity_id=str(entity_id), school_id=school_id, old_value=old,
                           new_value=new, message_id=message_id))


def audit_many(session: Session, clock: Clock, entries: Sequence[dict[str, Any]]) -> None:
    """Record many changes at once, each given as `audit`'s keyword arguments (one
    executemany: the set-wise writers' audit)."""
    if entries:
        now = clock.now()
        session.connection().execute(insert(AuditEntry), [dict(
            at=now, actor=e["actor"], action=e["action"], entity=e["entity"],
            entity_id=str(e["entity_id"]), school_id=e.get("school_id"),
            old_value=e.get("old"), new_value=e.get("new"), message_id=e.get("message_id"))
            for e in entries])


def audit_entries(session: Session, *, school_ids: Collection[int], start: date | None,
                  end: date | None, limit: int | None = None) -> list[AuditEntry]:
    """Entries for these schools (an admin's), plus those tied to no school (sign-ins, users)
    and those about their staff, newest first, between `start` and `end` (school days, UTC).
    Another school's entries stay out: an admin is an admin of their schools."""
    colleagues = {str(user_id) for user_id in session.exec(
        select(StaffSchool.user_id).where(col(StaffSchool.school_id).in_(school_ids)))}
    stmt = select(AuditEntry).where(or_(
        col(AuditEntry.school_id).in_(school_ids),
        col(AuditEntry.school_id).is_(None) & (col(AuditEntry.entity) != "staff_user"),
        (col(AuditEntry.entity) == "staff_user") & col(AuditEntry.entity_id).in_(colleagues)))
    if start is not None:
        stmt = stmt.where(col(AuditEntry.at) >= datetime.combine(start, time(), UTC))
    if end is not None:
        stmt = stmt.where(col(AuditEntry.at) < datetime.combine(end + timedelta(days=1), time(),
                                                                UTC))
    stmt = stmt.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))
