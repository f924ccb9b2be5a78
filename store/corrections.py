"""What the corrections pass reads: marks put right to present, the messages that told a
contact those children were absent, and the corrections already queued for them.

Only marks changed since they were first written (`version > 1`) and changed lately are looked
at, so a pass costs little however big the school (`scheduling.corrections` words and queues).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import String, cast, text
from sqlmodel import Session, col, select

from store.codes import PRESENT_CODES
from store.models.marks import Mark
from store.models.outbound import Outbox, Run

# The runs whose message asked about a session's absence.
ASKED_IN = {"AM": ("absence", "catch_up", "chase"), "PM": ("pm_absence", "pm_catch_up")}
WENT = ("sent", "delivered")


def marks_now_present(session: Session, *, since: datetime) -> list[tuple[int, date, str]]:
    """(student, day, session) of every mark changed to present since `since` after it was
    first written with another code."""
    return list(session.exec(select(col(Mark.student_id), col(Mark.day), col(Mark.session))
                             .where(col(Mark.code).in_(PRESENT_CODES), Mark.version > 1,
                                    col(Mark.updated_at) >= since)))


def told_absent(session: Session, *, student_id: int, day: date,
                register_session: str) -> list[tuple[int, int]]:
    """(contact, run) of every message that went asking about this student's absence from
    this session."""
    kinds = ASKED_IN.get(register_session, ())
    rows = session.exec(
        select(Outbox.contact_id, Outbox.run_id, Outbox.student_ids)
        .join(Run, col(Run.id) == Outbox.run_id)
        .where(Run.day == day, col(Outbox.kind).in_(kinds), col(Outbox.status).in_(WENT),
               # The JSON text narrows the rows down; the list itself decides.
               cast(Outbox.student_ids, String).contains(str(student_id))))
    return [(contact_id, run_id) for contact_id, run_id, ids in rows
            if contact_id is not None and run_id is not None and student_id in ids]


def already_corrected(session: Session, *, contact_id: int, run_id: int) -> set[int]:
    """The students a correction for this contact and run was already queued about."""
    rows = session.exec(select(Outbox.student_ids).where(
        Outbox.contact_id == contact_id, Outbox.run_id == run_id, Outbox.kind == "correction"))
    return {i for ids in rows for i in ids}


# The advisory lock key of the corrections pass ("rollcorr" in ASCII): one per database.
CORRECTIONS_LOCK = 0x726F6C6C636F7272


def take_corrections_turn(session: Session) -> bool:
    """Whether this transaction may queue corrections now.

    Corrections are check-then-insert (was this child's message corrected already?), so two
    nodes' upkeep passes overlapping on PostgreSQL would each find none and the family would get
    "sorry, please ignore" twice. A transaction-scoped advisory lock lets one pass through at a
    time; a pass that finds it taken skips, since the holder is doing the same work, and the lock
    goes with its transaction. SQLite has one writer at a time: always True."""
    if session.get_bind().dialect.name != "postgresql":
        return True
    taken = session.connection().execute(text("SELECT pg_try_advisory_xact_lock(:key)"),
                                         {"key": CORRECTIONS_LOCK}).scalar()
    return bool(taken)

