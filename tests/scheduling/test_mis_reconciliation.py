"""Reconciliation: the day's sessions where rollcall and the MIS disagree, followed through a
real pull and push against the fake Wonde."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from bot.settings import Settings
from scheduling.mis.push import push_to_mis
from scheduling.mis.sync import sync_on_schedule, sync_school
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.mis import MisLink
from store.models.people import Student
from store.reconciliation import disagreements, disagreements_csv
from store.write_back import queue_push
from tests.fakes.wonde_school import seed_from_fixtures
from tests.fakes.wonde_server import FakeWonde

MONDAY = date(2026, 11, 23)
AMY, BEN = "A1749191433", "A1749191434"


def confirm(db: Database, clock: FakeClock, mis_id: str, code: str) -> None:
    with db.transaction() as session:
        student = session.exec(select(Student).where(Student.mis_id == mis_id)).one()
        mark = session.exec(select(Mark).where(Mark.student_id == student.id,
                                               Mark.session == "AM")).one()
        mark.code, mark.reason_status, mark.source, mark.intent = code, "confirmed", "bot", None
        mark.version += 1
        session.add(mark)
        session.flush()
        queue_push(session, clock, mark)


def full_pull(db: Database, clock: FakeClock, settings: Settings, school_id: int) -> None:
    with db.transaction() as session:  # read the fixtures' old register too
        session.exec(select(MisLink)).one().marks_cursor = "2026-11-01 00:00:00"
    assert sync_school(db, clock, settings, school_id=school_id).error is None


def report(db: Database, school_id: int) -> list[tuple[str, str, str | None, str, str | None]]:
    with db.transaction() as session:
        return [(d.student_mis_id, d.ours, d.theirs, d.kind, d.push_status)
                for d in disagreements(session, school_ids=[school_id], day=MONDAY)]


def test_a_reason_not_yet_in_the_mis_and_a_code_changed_after_we_wrote_are_reported(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    full_pull(db, clock, mis_settings, school_id)
    assert report(db, school_id) == []  # nothing confirmed yet: nothing to disagree on
    confirm(db, clock, "9919", "I")
    assert report(db, school_id) == [("9919", "I", "N", "not_in_mis", "pending")]
    push_to_mis(db, clock, mis_settings)
    assert report(db, school_id) == []  # written, not pulled since: nothing to compare yet
    clock.advance(timedelta(minutes=5))
    sync_school(db, clock, mis_settings, school_id=school_id)
    assert report(db, school_id) == []  # the MIS shows what we wrote
    wonde.set_mark(AMY, MONDAY, "AM", "O")  # someone recodes it in the MIS
    clock.advance(timedelta(minutes=5))
    sync_school(db, clock, mis_settings, school_id=school_id)
    assert report(db, school_id) == [("9919", "I", "O", "changed_after_write", "written")]


def test_a_refused_reason_is_reported_with_the_mis_reason_and_exported_as_csv(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    full_pull(db, clock, mis_settings, school_id)
    confirm(db, clock, "9920", "I")  # Ben is present in the MIS: refused
    push_to_mis(db, clock, mis_settings)
    with db.transaction() as session:
        [row] = disagreements(session, school_ids=[school_id], day=MONDAY)
    assert (row.ours, row.theirs, row.push_status) == ("I", "/", "refused")
    assert "register has changed" in (row.mis_reason or "")
    lines = disagreements_csv([row]).splitlines()
    assert lines[0].startswith("school_id,student_id,student_mis_id")
    assert ",2026-11-23,AM,I,/,not_in_mis,refused," in lines[1]
    with db.transaction() as session:  # another school's staff see none of it
        assert disagreements(session, school_ids=[school_id + 1], day=MONDAY) == []


def test_the_end_of_the_school_day_raises_one_staff_task_when_anything_disagrees(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    full_pull(db, clock, mis_settings, school_id)
    confirm(db, clock, "9920", "I")  # refused by the MIS: Ben is present there
    push_to_mis(db, clock, mis_settings)
    sync_on_schedule(db, clock, mis_settings)  # 08:00: the day is not over, no check yet
    assert checks(db) == []
    clock.advance(timedelta(hours=9, minutes=5))  # 17:05 in London
    sync_on_schedule(db, clock, mis_settings)
    sync_on_schedule(db, clock, mis_settings)  # once a day, however often it fires
    assert checks(db) == ["rollcall and the school's MIS disagree on 1 session(s) of "
                          "2026-11-23: see the MIS check (/console/mis-check?day=2026-11-23)"]


def checks(db: Database) -> list[str]:
    with db.transaction() as session:
        return [e.why for e in session.exec(select(Escalation)) if "MIS check" in e.why]
