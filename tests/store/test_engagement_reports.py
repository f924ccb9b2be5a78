"""Engagement reports: a cohort's attendance by course, module, year and week, and one
student's engagement and intervention history (on SQLite, and PostgreSQL when set)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from store.casework_meetings import record_meeting
from store.clock import FakeClock
from store.confidential import Reader
from store.database import Database, add_row
from store.engagement import move
from store.engagement_reports import (
    CohortLine,
    StatusLine,
    cohort_engagement,
    cohort_statuses,
    engagement_history,
    modules_of,
    overall,
)
from store.importer import import_csv
from store.models.conversations import Conversation, ConversationStudent, Message
from store.models.escalations import Escalation
from store.models.events import SelfCertification
from store.models.people import Student
from store.schools import add_school
from store.staff import add_user
from store.students import student_ids_by_mis_id

STUDENTS = """Student ID,Forename,Surname,Course,Year
U1,Amara,Okafor,BSc Economics,1
U2,Tomasz,Wrona,BSc Economics,1
U3,Leila,Haddad,BA Sociology,2
"""
# Two weeks: Monday 23 and Monday 30 November 2026 (times are London's).
ATTENDANCE = """Event ID,Student ID,Module,Event Type,Date,Start,End,Status
EC1-L1,U1,EC1010 Principles,Lecture,2026-11-23,09:00,10:00,Present
EC1-L1,U2,EC1010 Principles,Lecture,2026-11-23,09:00,10:00,Absent
EC1-S1,U1,EC1020 Maths,Seminar,2026-11-24,11:00,12:00,Late
EC1-S1,U2,EC1020 Maths,Seminar,2026-11-24,11:00,12:00,Authorised
SO2-L1,U3,SO2010 Theory,Lecture,2026-11-23,10:00,11:00,Present
EC1-L2,U1,EC1010 Principles,Lecture,2026-11-30,09:00,10:00,Absent
EC1-L2,U2,EC1010 Principles,Lecture,2026-11-30,09:00,10:00,Absent
SO2-L2,U3,SO2010 Theory,Lecture,2026-11-30,10:00,11:00,Present
SO2-L3,U3,SO2010 Theory,Lecture,2026-12-01,10:00,11:00,
"""
START, END = date(2026, 11, 23), date(2026, 12, 1)


@pytest.fixture
def university(db: Database, clock: FakeClock) -> int:
    with db.transaction() as session:
        school, _ = add_school(session, clock, name="Kestrel Vale University",
                               setting="university")
    school_id = school.id or 0
    for kind, body in (("students", STUDENTS), ("event-attendance", ATTENDANCE)):
        report = import_csv(db, clock, kind=kind, school_id=school_id, data=body.encode())
        assert report.errors == [], report.errors
    return school_id


def line(cohort: str, students: int, present: int, late: int, absent: int,
         authorised: int = 0) -> CohortLine:
    return CohortLine.of(cohort, students=students, present=present, late=late, absent=absent,
                         authorised=authorised)


def test_cohorts_by_course_module_and_year_lowest_attendance_first(
        db: Database, university: int) -> None:
    with db.transaction() as session:
        def by(key: str) -> list[CohortLine]:
            return cohort_engagement(session, school_id=university, start=START, end=END,
                                     by=key)
        assert by("course") == [line("BSc Economics", 2, 1, 1, 3, 1),
                                line("BA Sociology", 1, 2, 0, 0)]
        assert by("module") == [line("EC1010 Principles", 2, 1, 0, 3),
                                line("EC1020 Maths", 2, 0, 1, 0, 1),
                                line("SO2010 Theory", 1, 2, 0, 0)]
        assert by("year") == [line("1", 2, 1, 1, 3, 1), line("2", 1, 2, 0, 0)]
        assert [(w.cohort, w.percent) for w in by("week")] == [("2026-11-23", 75.0),
                                                                ("2026-11-30", 33.3)]
        # A window holds only its own days; a bad grouping is a programming error.
        only = cohort_engagement(session, school_id=university, start=date(2026, 12, 1),
                                 end=END, by="course")
        assert only == [line("BA Sociology", 1, 0, 0, 0)] and only[0].percent is None
        with pytest.raises(ValueError):
            cohort_engagement(session, school_id=university, start=START, end=END, by="room")


def test_a_students_history_in_time_order_with_their_modules(
        db: Database, clock: FakeClock, university: int) -> None:
    with db.transaction() as session:
        amara = student_ids_by_mis_id(session, university)["U1"]
        student = session.get(Student, amara)
        assert student is not None
        add_row(session, SelfCertification(
            school_id=university, student_id=amara, intent="illness", start=date(2026, 11, 30),
            end=date(2026, 11, 30), status="reported", why="beyond the policy",
            reason_text="migraine", created_at=clock.now()))
        tutor = add_user(session, clock, email="ella.dunmore@example.org",
                         name="Dr Ella Dunmore", role="officer", school_ids=[university])
        record_meeting(session, clock, school_id=university, student_id=amara,
                       held_on=date(2026, 12, 1), attendees=["Amara Okafor", "Dr Ella Dunmore"],
                       actions="Comes to every lecture next week", review_on=None,
                       staff_id=tutor.id or 0)
        lines = engagement_history(session, student=student, timezone="Europe/London",
                                   start=START, end=END, reads_safeguarding=False,
                                   reader=None)
    assert [(x.day, x.time, x.kind, x.what, x.status) for x in lines] == [
        (date(2026, 11, 23), "09:00", "event", "EC1010 Principles", "present"),
        (date(2026, 11, 24), "11:00", "event", "EC1020 Maths", "late"),
        (date(2026, 11, 30), "", "self_certification", "illness", "reported"),
        (date(2026, 11, 30), "09:00", "event", "EC1010 Principles", "absent"),
        (date(2026, 12, 1), "", "meeting", "Amara Okafor, Dr Ella Dunmore", "")]
    assert lines[-1].detail == "Comes to every lecture next week"
    assert lines[2].detail == "2026-11-30 to 2026-11-30; beyond the policy: migraine"
    assert lines[0].detail == "Lecture" and lines[0].by == "import"
    modules = modules_of(lines)
    assert modules == [line("EC1010 Principles", 1, 1, 0, 1), line("EC1020 Maths", 1, 0, 1, 0)]
    assert overall(modules) == line("", 1, 1, 1, 1) and overall(modules).percent == 66.7


def test_safeguarding_conversations_only_for_those_who_may_read_them(
        db: Database, clock: FakeClock, university: int) -> None:
    with db.transaction() as session:
        amara = student_ids_by_mis_id(session, university)["U1"]
        student = session.get(Student, amara)
        assert student is not None
        at = datetime(2026, 11, 30, 18, tzinfo=UTC)
        for body, urgent in (("You missed Principles at 09:00 today.", False),
                             ("I don't feel safe at home", True)):
            talk = add_row(session, Conversation(school_id=university, opened_at=at,
                                                 channel="sms"))
            assert talk.id is not None
            add_row(session, ConversationStudent(conversation_id=talk.id, student_id=amara))
            add_row(session, Message(school_id=university, conversation_id=talk.id,
                                     direction="in", channel="sms", body=body, created_at=at))
            if urgent:
                add_row(session, Escalation(school_id=university, conversation_id=talk.id,
                                            student_id=amara, urgency="urgent",
                                            why="safety", created_at=at))
            at += timedelta(minutes=5)

        def messages(reads: bool) -> list[str]:
            assert student is not None
            return [x.detail for x in engagement_history(
                session, student=student, timezone="Europe/London", start=START, end=END,
                reads_safeguarding=reads, reader=None) if x.kind == "message"]
        assert messages(False) == ["You missed Principles at 09:00 today."]
        assert messages(True) == ["You missed Principles at 09:00 today.",
                                  "I don't feel safe at home"]


def test_a_referrals_note_only_for_those_who_work_with_the_student(
        db: Database, clock: FakeClock, university: int) -> None:
    with db.transaction() as session:
        amara = student_ids_by_mis_id(session, university)["U1"]
        people = {role: add_user(session, clock, email=f"{role}@example.org",
                                 name=role.title(), role=role, school_ids=[university])
                  for role in ("tutor", "engagement", "officer", "dsl")}
        student = session.get(Student, amara)
        assert student is not None
        student.personal_tutor_id = people["tutor"].id
        session.add(student)
        clock.advance(timedelta(days=8))  # 1 December 2026
        move(session, clock, student=student, track="engagement", status="referred",
             actor=f"staff:{people['tutor'].id}", note="Told me about money worries at home")

        def status_details(reader: Reader | None) -> list[str]:
            assert student is not None
            return [x.detail for x in engagement_history(
                session, student=student, timezone="Europe/London", start=START, end=END,
                reads_safeguarding=True, reader=reader) if x.kind == "status"]
        note = "Told me about money worries at home"
        for role in ("tutor", "engagement"):
            assert status_details(Reader.of(people[role])) == [note], role
        for role in ("officer", "dsl"):
            assert status_details(Reader.of(people[role])) == [""], role
        assert status_details(None) == [""]


def test_students_flagged_now_by_course_and_year(db: Database, clock: FakeClock,
                                                 university: int) -> None:
    with db.transaction() as session:
        ids = student_ids_by_mis_id(session, university)
        for mis_id, status in (("U1", "at_risk"), ("U2", "referred"), ("U3", "re_engaged")):
            student = session.get(Student, ids[mis_id])
            assert student is not None
            move(session, clock, student=student, track="engagement", status=status,
                 actor="system")
        move(session, clock, student=student, track="visa", status="crossed", actor="system")
        assert cohort_statuses(session, school_id=university, by="course") == [
            StatusLine("BSc Economics", 2, 1, 0, 1, 0), StatusLine("BA Sociology", 1, 0, 0, 0, 1)]
        assert cohort_statuses(session, school_id=university, by="year") == [
            StatusLine("1", 2, 1, 0, 1, 0), StatusLine("2", 1, 0, 0, 0, 1)]
        with pytest.raises(ValueError):
            cohort_statuses(session, school_id=university, by="module")
