"""Timetabled events and their attendance, imported from SEAtS-, SITS- and Jisc-shaped files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import select

from store.clock import FakeClock
from store.contacts import contacts_of_student
from store.database import Database
from store.errors import InvalidInput
from store.events import attendance_on, events_on
from store.importer import import_csv
from store.models.audit import AuditEntry
from store.models.events import EventAttendance, TimetableEvent
from store.models.marks import Mark
from store.models.people import Student, StudentContact
from store.models.staff import StaffUser
from tests.store.test_importer import MARKS, STUDENTS, snapshot

UNIVERSITY = Path(__file__).parent.parent / "fixtures" / "university"
DAY = date(2026, 11, 24)


def fixture(name: str) -> bytes:
    return (UNIVERSITY / name).read_bytes()


@pytest.fixture
def tutors(db: Database) -> None:
    with db.transaction() as session:
        session.add(StaffUser(email="a.khan@example.org", name="Dr A Khan", role="officer",
                              external_id="PT0001"))
        session.add(StaffUser(email="b.osei@example.org", name="Dr B Osei", role="officer",
                              external_id="PT0002"))


@pytest.fixture
def students(db: Database, clock: FakeClock, school_id: int, tutors: None) -> None:
    report = import_csv(db, clock, kind="students", school_id=school_id,
                        data=fixture("sits-students.csv"))
    assert (report.profile, report.errors, report.created) == ("sits", [], 3)


def test_a_seats_student_data_file_reads_its_visa_flag_and_passes_over_what_we_do_not_use(
        db: Database, clock: FakeClock, school_id: int) -> None:
    # VISAREQUIRED and FEE_CATEGORY are SEAtS's own names (its public specification page);
    # the legacy STUDENT_16-18 and FAMILY_PHONE_NUMBERS are not read.
    report = import_csv(db, clock, kind="students", school_id=school_id,
                        data=fixture("seats-students.csv"))
    assert (report.profile, report.errors, report.created) == ("seats", [], 3)
    assert {"FEE_CATEGORY", "STUDENT_16-18", "FAMILY_PHONE_NUMBERS"} <= set(
        report.ignored_columns)
    with db.transaction() as session:
        by_id = {s.mis_id: s for s in session.exec(select(Student))}
        assert [by_id[i].visa_sponsored for i in ("C2026001", "C2026002", "C2026003")] == [
            False, True, False]
        assert (by_id["C2026001"].date_of_birth, by_id["C2026001"].course) == (
            date(2009, 3, 14), "BTEC-ENG3")
        assert contacts_of_student(session, by_id["C2026002"].id or 0)[0].email == (
            "tomasz.nowak@example.org")


def test_a_sits_students_file_brings_tutors_birthdays_visas_and_the_students_own_contacts(
        db: Database, school_id: int, students: None) -> None:
    with db.transaction() as session:
        by_id = {s.mis_id: s for s in session.exec(select(Student))}
        khan = session.exec(select(StaffUser).where(StaffUser.external_id == "PT0001")).one()
        tom = by_id["U2026002"]
        assert (tom.preferred_name, tom.date_of_birth, tom.course, tom.year_group) == (
            "Tom", date(2004, 9, 2), "L100", "2")
        assert tom.personal_tutor_id == khan.id and tom.visa_sponsored
        assert not by_id["U2026001"].visa_sponsored
        own = contacts_of_student(session, tom.id or 0)  # the student is their own contact
        assert [(c.name, c.email, c.external_id) for c in own] == [
            ("Tom Nowak", "tomasz.nowak@example.org", "self:U2026002")]
        assert session.exec(select(StudentContact.relationship)).all() == ["self"] * 3


def test_an_unknown_tutor_refuses_the_row_and_says_how_to_fix_it(
        db: Database, clock: FakeClock, school_id: int) -> None:
    body = b"Student ID,Forename,Surname,Personal Tutor\nU1,Ana,Lopez,nobody@example.org\n"
    report = import_csv(db, clock, kind="students", school_id=school_id, data=body)
    assert [str(e) for e in report.errors] == [
        "line 2: no staff account for the personal tutor 'nobody@example.org' (add it with "
        "`rollcall user add`, by email or staff id)"]


def test_a_seats_timetable_makes_events_and_schedules_its_students(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    report = import_csv(db, clock, kind="events", school_id=school_id,
                        data=fixture("seats-timetable.csv"))
    assert (report.profile, report.errors) == ("seats", [])
    assert (report.created, report.scheduled, report.rows) == (3, 4, 4)
    with db.transaction() as session:
        events = {e.external_id: e for e in events_on(session, school_id=school_id, day=DAY)}
        lecture = events["EV1001"]
        assert (lecture.module, lecture.event_type, lecture.title, lecture.room,
                lecture.staff, lecture.course) == (
            "EC2010", "Lecture", "Econometrics lecture", "LT1", ["AKHAN"], "L100")
        # 10:00 in London in November is 10:00 UTC; the day is the school's.
        assert lecture.starts_at == datetime(2026, 11, 24, 10, tzinfo=UTC)
        assert not events["EV1003"].mandatory
        taken = attendance_on(session, school_id=school_id, day=DAY)
        assert {a.status for a in taken} == {"not_taken"} and len(taken) == 4


def test_seats_attendance_arrives_creates_the_events_it_describes_and_reimports_unchanged(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    import_csv(db, clock, kind="events", school_id=school_id,
               data=fixture("seats-timetable.csv"))
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=fixture("seats-attendance.csv"))
    assert report.errors == []
    # EV1001 x2 and EV1002 were scheduled (updated), EV1003 too; EV1004/5 are new.
    assert (report.created, report.updated, report.unchanged, report.events_created) == (
        2, 4, 0, 2)
    with db.transaction() as session:
        status = {(a.event_id, a.student_id): a.status
                  for a in session.exec(select(EventAttendance))}
        assert sorted(status.values()) == [
            "absent", "absent", "authorised", "late", "not_taken", "present"]
        # One audit entry per event and change, each student's old and new status in it.
        audited = session.exec(select(AuditEntry).where(
            AuditEntry.action == "event_attendance.updated")).all()
        changes = [change for a in audited for change in json.loads(a.new_value or "").values()]
        assert len(audited) == 3 and sorted(changes) == [
            ["not_taken", "absent"], ["not_taken", "absent"], ["not_taken", "late"],
            ["not_taken", "present"]]
    before = snapshot(db)
    again = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                       data=fixture("seats-attendance.csv"))
    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 6, [])
    assert snapshot(db) == before


def test_jisc_attendance_flags_read_as_present_late_and_absent(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=fixture("jisc-attendance.csv"))
    assert (report.profile, report.errors, report.created) == ("jisc-udd", [], 3)
    with db.transaction() as session:
        taken = attendance_on(session, school_id=school_id, day=date(2026, 11, 26))
        assert sorted(a.status for a in taken) == ["absent", "late", "present"]
        event = session.exec(select(TimetableEvent)).one()
        assert (event.module, event.event_type, event.course) == (
            "EC2010-A-2026", "LECTURE", "L100-2026")


def test_bad_rows_are_refused_with_their_line_and_the_rest_goes_in(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    body = (
        "Event ID,Student ID,Module,Date,Start,End,Attendance Status\n"
        "E1,U2026001,EC1,2026-11-24,10:00,11:00,Absent\n"
        "E1,U2026002,EC1,2026-11-24,10:00,11:00,Maybe\n"       # unknown status
        "E1,U9999999,EC1,2026-11-24,10:00,11:00,Present\n"     # unknown student
        "E2,U2026001,EC1,2026-11-24,12:00,11:00,Present\n"     # ends before it starts
        "E3,U2026001,,,,,Present\n"                            # an event nobody described
        "E1,U2026003,EC2,2026-11-24,10:00,11:00,Present\n"     # other details for E1
        "E1,U2026001,EC1,2026-11-24,10:00,11:00,Present\n")    # the same pair twice
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=body.encode())
    assert [e.line for e in report.errors] == [3, 4, 5, 7, 8, 6]
    assert "'Maybe' is not one rollcall reads" in str(report.errors[0])
    assert "no student with id 'U9999999'" in str(report.errors[1])
    assert "ends (2026-11-24 11:00) before it starts" in str(report.errors[2])
    assert "event E1 has other details on line 2" in str(report.errors[3])
    assert "also on line 2" in str(report.errors[4])
    assert "event E3 is not known" in str(report.errors[5])
    assert report.created == 1


def test_all_or_nothing_changes_nothing_and_a_missing_column_names_the_accepted_ones(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    before = snapshot(db)
    body = b"Event ID,Student ID,Start,Status\nE1,U2026001,2026-11-24 10:00,Present\nE1,X,,A\n"
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id, data=body,
                        all_or_nothing=True)
    assert not report.applied and snapshot(db) == before
    with pytest.raises(InvalidInput, match=r"no attendance column .*Attendance Status"):
        import_csv(db, clock, kind="event-attendance", school_id=school_id,
                   data=b"Event ID,Student ID\nE1,U2026001\n")


def test_a_reason_given_to_rollcall_is_kept_over_a_register_still_saying_absent(
        db: Database, clock: FakeClock, school_id: int, students: None) -> None:
    import_csv(db, clock, kind="event-attendance", school_id=school_id,
               data=fixture("seats-attendance.csv"))
    with db.transaction() as session:
        session.execute(update(EventAttendance).where(EventAttendance.status == "absent")
                        .values(status="authorised", set_by="bot"))  # type: ignore[arg-type]
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=fixture("seats-attendance.csv"))
    assert (report.kept, report.updated) == (2, 0)
    present = fixture("seats-attendance.csv").replace(b"Econometrics lecture,24/11/2026,10:00,"
                                                      b"11:00,LT1,AKHAN,Absent",
                                                      b"Econometrics lecture,24/11/2026,10:00,"
                                                      b"11:00,LT1,AKHAN,Present")
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id, data=present)
    assert (report.kept, report.updated) == (1, 1)  # the register saw them after all


def test_school_registers_keep_working_beside_events(
        db: Database, clock: FakeClock, school_id: int) -> None:
    for kind, body in (("students", STUDENTS), ("marks", MARKS)):
        assert import_csv(db, clock, kind=kind, school_id=school_id,
                          data=body.encode()).errors == []
    with db.transaction() as session:
        assert len(session.exec(select(Mark)).all()) == 3
        assert session.exec(select(TimetableEvent)).all() == []


def test_many_pairs_go_in_set_wise_and_again_unchanged(db: Database, clock: FakeClock,
                                                       school_id: int) -> None:
    """Not a timing: the shape bench/university_bench.py times with 60,000 pairs, at a
    tenth of the size: 2,000 students, 20 events of 300, then the same file again."""
    students = "Student ID,Forename,Surname\n" + "".join(
        f"S{n},Stu{n},Dent\n" for n in range(2_000))
    import_csv(db, clock, kind="students", school_id=school_id, data=students.encode())
    body = "Event ID,Student ID,Module,Date,Start,End,Status\n" + "".join(
        f"E{e},S{(e * 7 + k) % 2_000},M{e % 40},2026-11-24,{9 + e % 8}:00,{10 + e % 8}:00,"
        f"{'Absent' if k % 9 == 0 else 'Present'}\n" for e in range(20) for k in range(300))
    report = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                        data=body.encode())
    assert (report.errors, report.created, report.events_created) == ([], 6_000, 20)
    again = import_csv(db, clock, kind="event-attendance", school_id=school_id,
                       data=body.encode())
    assert (again.created, again.unchanged) == (0, 6_000)
