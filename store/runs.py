"""The daily runs' own rows: one per (school, day, kind), taken at most once.

The unique key on `run` is what makes a run happen once however many processes fire it: the
first to insert its row goes on, a twin fails on the key (or, on PostgreSQL, waits on the
run's advisory lock and then finds the row).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from store.models.outbound import Outbox, Run


def lock_run(session: Session, *, school_id: int, day: date, kind: str) -> None:
    """Wait for any twin of this run in another transaction to finish (PostgreSQL; SQLite's
    write lock, taken by BEGIN IMMEDIATE, already serialises them)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                     {"key": _lock_key(school_id, day, kind)})


def existing_run(session: Session, *, school_id: int, day: date, kind: str) -> Run | None:
    """The run already taken for this school, day and kind, if any."""
    return session.exec(select(Run).where(Run.school_id == school_id, Run.day == day,
                                          Run.kind == kind)).first()


def take_run(session: Session, *, school_id: int, day: date, kind: str, now: datetime) -> Run:
    """Insert the run's row now: the key is taken here, so a concurrent twin fails on it."""
    run = Run(school_id=school_id, day=day, kind=kind, started_at=now)
    session.add(run)
    session.flush()
    return run


def run_by_id(session: Session, run_id: int) -> Run | None:
    return session.get(Run, run_id)


def contacts_messaged(session: Session, run_id: int) -> set[int]:
    """Every contact a message of this run went (or is going) to."""
    return {cid for cid in session.exec(select(Outbox.contact_id).where(
        Outbox.run_id == run_id)) if cid is not None}


def runs_of_day(session: Session, *, school_id: int, day: date) -> dict[str, Run]:
    """The runs taken for a school on one day, by kind."""
    return {run.kind: run for run in session.exec(
        select(Run).where(Run.school_id == school_id, Run.day == day))}


def first_tries_of_run(session: Session, run_id: int) -> list[int]:
    """The outbox ids of a run's messages as first written, leaving out the rows failing over
    carried them on to (those are the later steps of the same message)."""
    carried = select(Outbox.next_outbox_id).where(Outbox.run_id == run_id,
                                                  col(Outbox.next_outbox_id).is_not(None))
    ids = session.exec(select(Outbox.id).where(
        Outbox.run_id == run_id, col(Outbox.id).not_in(carried)).order_by(col(Outbox.id)))
    return [i for i in ids if i is not None]


def _lock_key(school_id: int, day: date, kind: str) -> int:
    digest = hashlib.blake2b(f"run:{school_id}:{day}:{kind}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
