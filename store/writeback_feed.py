"""The write-back feed: reasons rollcall confirmed, for the MIS side to record as codes.

The cursor is the id of the audit entry of a mark's latest change. Every change to a mark is
audited with `entity="mark"` and `entity_id=str(mark.id)` (store/marks.py, and the loop's
record_reason), and audit ids only grow, so "what changed since cursor C" is the marks whose
latest audit entry is above C and that now stand confirmed by the bot or by staff. A mark
confirmed and then changed again appears again with its new code: the newest value wins.
Register codes that came from the MIS itself (import, API) are not fed back to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import String, cast, func
from sqlmodel import Session, col, select

from store.codes import CODES
from store.database import rows_by_id
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.marks import Mark
from store.models.people import Student
from store.models.staff import StaffUser
from store.spreadsheet import dataclass_csv

# Who may have confirmed a reason that belongs in the feed.
CONFIRMING_SOURCES = ("bot", "staff")


@dataclass(frozen=True, slots=True)
class WriteBackItem:
    cursor: int
    mark_id: int
    student_id: str  # the MIS id
    upn: str | None
    first_name: str
    last_name: str
    date: dt.date
    session: str
    code: str
    code_meaning: str
    intent: str | None
    reason_text: str | None
    confirmed_by: str  # "bot" or "staff:<id>"
    confirmed_by_name: str
    confirmed_at: dt.datetime | None
    message_id: int | None
    message_channel: str | None
    message_text: str | None
    message_at: dt.datetime | None


def write_back_feed(session: Session, *, school_id: int, since: int = 0,
                    limit: int = 500, until: int | None = None
                    ) -> tuple[list[WriteBackItem], int]:
    """Confirmed reasons changed after `since` (and up to `until`, to give a download again),
    oldest change first; and the next cursor (the last item's, or `since` itself when nothing
    changed)."""
    changes = select(AuditEntry.entity_id, func.max(AuditEntry.id).label("last_change")).where(
        AuditEntry.entity == "mark", col(AuditEntry.id) > since)
    if until is not None:
        changes = changes.where(col(AuditEntry.id) <= until)
    latest = changes.group_by(col(AuditEntry.entity_id)).subquery()
    stmt = (select(Mark, Student, latest.c.last_change)
            .join(latest, cast(Mark.id, String) == latest.c.entity_id)
            .join(Student, col(Student.id) == Mark.student_id)
            .where(Mark.school_id == school_id, Mark.reason_status == "confirmed",
                   col(Mark.source).in_(CONFIRMING_SOURCES))
            .order_by(latest.c.last_change).limit(limit))
    rows = session.exec(stmt).all()
    messages = rows_by_id(session, Message, [m.message_id for m, _, _ in rows if m.message_id])
    staff = rows_by_id(session, StaffUser, [_staff_id(m.set_by) for m, _, _ in rows
                                        if _staff_id(m.set_by)])
    items = [_item(mark, student, cursor, messages, staff) for mark, student, cursor in rows]
    return items, (items[-1].cursor if items else since)


def feed_csv(items: Sequence[WriteBackItem]) -> str:
    """The feed as CSV for staff to key into the MIS by hand (the fallback that always works).

    Cells that a spreadsheet would run as a formula (a parent's reply starting with '=') are
    prefixed with a quote.
    """
    return dataclass_csv(items, list(WriteBackItem.__dataclass_fields__))


def _staff_id(set_by: str | None) -> int | None:
    if set_by and set_by.startswith("staff:") and set_by[6:].isdigit():
        return int(set_by[6:])
    return None


def _item(mark: Mark, student: Student, cursor: int, messages: dict[int, Message],
          staff: dict[int, StaffUser]) -> WriteBackItem:
    message = messages.get(mark.message_id) if mark.message_id else None
    staff_id = _staff_id(mark.set_by)
    who = staff[staff_id].name if staff_id in staff else (
        "rollcall" if mark.source == "bot" else (mark.set_by or mark.source))
    definition = CODES.get(mark.code)
    return WriteBackItem(
        cursor=cursor, mark_id=mark.id or 0, student_id=student.mis_id, upn=student.upn,
        first_name=student.first_name, last_name=student.last_name, date=mark.day,
        session=mark.session, code=mark.code,
        code_meaning=definition.meaning if definition else "",
        intent=mark.intent, reason_text=mark.reason_text,
        confirmed_by=mark.set_by or mark.source, confirmed_by_name=who,
        confirmed_at=mark.updated_at, message_id=mark.message_id,
        message_channel=message.channel if message else None,
        message_text=message.body if message else None,
        message_at=message.created_at if message else None)
