"""`rollcall worker` as a real process: killed mid-work it loses nothing and applies nothing
twice; two of them on PostgreSQL share the work without reordering one sender's messages."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from tests.scheduling.world import (
    JANE,
    MONDAY,
    World,
    add_contact,
    add_mark,
    add_student,
    store_inbound,
)

ROLLCALL = str(Path(sys.executable).with_name("rollcall"))


def start_worker(database_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "ROLLCALL_DATABASE_URL": database_url, "ROLLCALL_LOG_LEVEL": "INFO",
           "ROLLCALL_INBOUND_POLL_SECONDS": "0.02"}
    return subprocess.Popen([ROLLCALL, "worker", *args], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def wait_for(predicate: object, *, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError("timed out waiting")


def wait_started(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if "inbound worker started" in line:
            return
    raise AssertionError(f"worker exited with {process.wait()}")


def test_a_worker_killed_mid_event_loses_nothing_and_the_restart_applies_it_once(
        db: Database, clock: FakeClock, world: World,
        workers: list[subprocess.Popen[str]]) -> None:
    event_id = store_inbound(db, clock, sender=JANE, text="Amy's got D&V")
    # Hold a lock the worker needs halfway through its transaction, so SIGKILL lands between
    # the event being stored (and, on PostgreSQL, claimed) and its effects being committed.
    # (SQLite: every transaction here begins IMMEDIATE, which takes the database's write lock.)
    # Released whatever happens: a lock left held would hang every later test's store.
    with db.engine.connect() as blocker:
        blocker.execute(text("LOCK TABLE message IN ACCESS EXCLUSIVE MODE" if db.is_postgres
                             else "SELECT 1"))
        worker = start_worker(db.url)
        workers.append(worker)
        # Started (however long a busy machine takes to import it), its first pass goes
        # straight for the lock: on SQLite it is waiting now, on PostgreSQL soon after.
        wait_started(worker)
        if db.is_postgres:
            wait_for(lambda: _waiting_on_lock(db))
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        blocker.rollback()

    with db.transaction() as session:
        event = session.get(InboundEvent, event_id)
        assert event is not None and event.status == "pending"
        assert session.exec(select(Message)).all() == []

    restarted = start_worker(db.url, "--once")
    workers.append(restarted)
    assert restarted.wait(timeout=60) == 0
    with db.transaction() as session:
        event = session.get(InboundEvent, event_id)
        assert event is not None and event.status == "processed"
        assert len(session.exec(select(Message).where(Message.direction == "in")).all()) == 1
        assert len(session.exec(select(Outbox).where(Outbox.kind == "reply")).all()) == 1


def test_two_workers_on_postgres_keep_each_senders_messages_in_order(
        postgres_url: str, db: Database, clock: FakeClock, world: World,
        workers: list[subprocess.Popen[str]]) -> None:
    senders = _families(db, world, count=12)
    for _ in range(2):
        workers.append(start_worker(db.url))
    for process in workers:
        wait_started(process)
    for round_ in range(4):
        for phone in senders:
            store_inbound(db, clock, sender=phone, text=f"message {round_} ok thanks")
    _wait_until_none_pending(db)

    with db.transaction() as session:
        rows = session.exec(select(Message.contact_id, Message.inbound_event_id)
                            .where(Message.direction == "in").order_by(col(Message.id))).all()
    assert len(rows) == 4 * len(senders)
    by_contact: dict[int | None, list[int | None]] = {}
    for contact_id, event_id in rows:
        by_contact.setdefault(contact_id, []).append(event_id)
    for order in by_contact.values():
        assert order == sorted(order), "one sender's messages were processed out of order"
    for process in workers:
        process.send_signal(signal.SIGTERM)
    outputs = [process.communicate(timeout=30)[0] for process in workers]
    assert all("inbound processed" in output for output in outputs), "both shared the work"


def _families(db: Database, world: World, *, count: int) -> list[str]:
    phones = []
    with db.transaction() as session:
        for n in range(count):
            student = add_student(session, world.school_id, f"Kid{n}", f"Family{n}")
            phone = f"+4477009001{n:02d}"
            add_contact(session, world.school_id, f"F{n}", f"Parent {n}", phone=phone,
                        students=[student])
            add_mark(session, world.school_id, student, MONDAY, "AM", "N")
            phones.append(phone)
    return phones


def _wait_until_none_pending(db: Database, *, stalled_after: float = 60) -> None:
    """Until every event is processed, however slowly a busy machine gets there: it fails
    only when the count stops going down for `stalled_after` seconds (a hang, not slowness)."""
    left, stalled_at = _pending(db), time.monotonic() + stalled_after
    while left:
        assert time.monotonic() < stalled_at, f"{left} events still pending, none done lately"
        time.sleep(0.05)
        now = _pending(db)
        if now < left:
            left, stalled_at = now, time.monotonic() + stalled_after


def _pending(db: Database) -> int:
    with db.transaction() as session:
        return len(session.exec(select(InboundEvent.id).where(
            InboundEvent.status == "pending")).all())


def _waiting_on_lock(db: Database) -> bool:
    with db.engine.connect() as connection:
        waiting = connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query ILIKE '%message%' AND datname = current_database()")).scalar()
    return bool(waiting)
