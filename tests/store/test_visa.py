"""Visa-sponsored students against the sponsor's own policy: a crossing is a task for the UKVI
compliance role; a decision to report starts a clock of 10 working days (the school's calendar:
weekends, bank holidays, closures) to the report, which the role records having made itself;
a decision not to report needs its reason. Every decision audited. SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.engagement import history_of, recompute, status_of
from store.errors import InvalidInput
from store.models.audit import AuditEntry
from store.models.escalations import Escalation
from store.models.events import EventAttendance
from store.models.people import Student
from store.models.schools import SchoolDay
from store.schools import school_by_id
from store.visa import decide, record_report, visa_students
from tests.store.engagement_world import DAY, University, add_student, always, build

NOW = datetime(2026, 11, 27, 19, tzinfo=UTC)  # Friday evening


def _world(db: Database) -> tuple[University, FakeClock]:
    clock = FakeClock(NOW)
    world = build(db, clock)
    add_student(db, world, "Dan", lambda n, e: "absent" if n >= 28 else "present", visa=True)
    add_student(db, world, "Eve", always("present"), visa=True)
    add_student(db, world, "Fay", always("absent"))  # not sponsored: not on the visa track
    _recompute(db, clock, world)
    return world, clock


def _recompute(db: Database, clock: FakeClock, world: University, day: date = DAY) -> None:
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        assert school is not None
        recompute(session, clock, school=school, day=day)


def _decide(db: Database, clock: FakeClock, world: University, **how: object) -> date | None:
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        student = session.get(Student, world.students["Dan"])
        assert school is not None and student is not None
        return decide(session, clock, school=school, student=student,
                      staff_id=world.staff["compliance"], **how)  # type: ignore[arg-type]


def _report(db: Database, clock: FakeClock, world: University, reference: str) -> None:
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        student = session.get(Student, world.students["Dan"])
        assert school is not None and student is not None
        record_report(session, clock, school=school, student=student,
                      staff_id=world.staff["compliance"], reported_on=date(2026, 12, 1),
                      reference=reference)


def test_a_crossing_is_a_task_for_compliance_and_a_report_has_ten_working_days(
        each_db: Database) -> None:
    world, clock = _world(each_db)
    with each_db.transaction() as session:
        task = session.exec(select(Escalation).where(
            Escalation.intent == "visa_compliance")).one()
        # The Christmas shutdown is no working day; Monday 7 December is a closure too.
        session.add(SchoolDay(school_id=world.school_id, kind="closure",
                              start=date(2026, 12, 7), end=date(2026, 12, 7)))
    assert (task.student_id, task.assigned_user_id) == (world.students["Dan"],
                                                        world.staff["compliance"])
    with pytest.raises(InvalidInput, match="needs its reason"):
        _decide(each_db, clock, world, report=False, note=" ")
    # Friday 27 November: 30 November to 4 December (5), 8 to 11 (4: the 7th is closed), 14.
    due = _decide(each_db, clock, world, report=True, note="Stopped attending 19 November")
    assert due == date(2026, 12, 14)
    with each_db.transaction() as session:
        row = status_of(session, student_id=world.students["Dan"], track="visa")
        assert row is not None and (row.status, row.due_on) == ("report_due", due)
        school = school_by_id(session, world.school_id)
        assert school is not None
        listed = visa_students(session, school=school, day=date(2026, 11, 30))
    assert [(v.student.first_name, v.status, v.working_days_left) for v in listed] == [
        ("Dan", "report_due", 9), ("Eve", "compliant", None)]
    assert listed[0].figures is not None and listed[0].figures.in_row == 12

    with pytest.raises(InvalidInput, match="in the future"):
        _report(each_db, clock, world, "SMS-123")
    clock.advance(timedelta(days=4))
    _report(each_db, clock, world, "SMS-2026-000123")
    with each_db.transaction() as session:
        assert session.exec(select(Escalation).where(
            Escalation.intent == "visa_compliance")).one().status == "resolved"
        audited = [(a.action, a.new_value) for a in session.exec(select(AuditEntry).where(
            AuditEntry.action.startswith("visa.")).order_by(AuditEntry.id))]
        assert [c.status for c in history_of(session, student_id=world.students["Dan"],
                                             track="visa")] == [
            "reported", "report_due", "crossed"]
    assert audited == [
        ("visa.status", "crossed"), ("visa.status", "report_due"),
        ("visa.decision", "report, due by 2026-12-14: Stopped attending 19 November"),
        ("visa.status", "reported"),
        ("visa.reported", "reported on 2026-12-01, reference SMS-2026-000123")]
    with pytest.raises(InvalidInput, match="has no report decided"):
        _report(each_db, clock, world, "again")


def test_not_reported_closes_the_task_and_a_student_back_within_the_policy_is_compliant(
        each_db: Database) -> None:
    world, clock = _world(each_db)
    assert _decide(each_db, clock, world, report=False,
                   note="Authorised absence: a bereavement abroad, evidence on file") is None
    with each_db.transaction() as session:
        assert session.exec(select(Escalation)).all()[-1].status == "resolved"
        for row in session.exec(select(EventAttendance).where(
                EventAttendance.student_id == world.students["Dan"],
                EventAttendance.status == "absent")):
            row.status = "authorised"
            session.add(row)
    _recompute(each_db, clock, world)
    with each_db.transaction() as session:
        row = status_of(session, student_id=world.students["Dan"], track="visa")
        assert row is not None and row.status == "compliant"
        # Fay, not sponsored, is on the engagement track only.
        assert status_of(session, student_id=world.students["Fay"], track="visa") is None
