"""The evening digest: one message per college or university student naming the events they
missed that day, on their own channel and in their language, as a run that happens once;
a certified day is never listed; schools have no digest."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from sqlmodel import col, select

from scheduling.claims import claim_due
from scheduling.runs import start_run
from scheduling.scheduler import daily_times
from store.clock import FakeClock
from store.database import Database
from store.events import attendance_status, set_event_status
from store.importer import import_csv
from store.models.outbound import Outbox
from store.models.people import Contact, Student
from store.models.schools import School
from store.school_settings import change_settings
from store.self_certifications import record_certification

MONDAY = date(2026, 11, 23)
# Ana (17, college) has her own mobile and a mother; Ben has his own email; Cy his own mobile;
# Dee has no contact of her own.
STUDENTS = """Student ID,Forename,Surname,Date of Birth,Student Email,Student Mobile
S1,Ana,Quill,2009-05-01,,07700900201
S2,Ben,Rook,2007-02-01,ben.rook@example.org,
S3,Cy,Moss,2006-01-01,,07700900203
S4,Dee,Lark,2006-01-01,,
"""
CONTACTS = """Student ID,Contact ID,Contact Name,Relationship,Priority,Mobile
S1,M1,Mia Quill,Mother,1,07700900301
S4,M4,Max Lark,Father,1,07700900304
"""
# Ana missed three events and went to one; Ben missed six; Cy went to everything; Dee missed
# one. A seventh event for Ben is another day's.
EVENTS = """Event ID,Student ID,Module,Event Type,Start,Attendance
E1,S1,EC2010 Econometrics,Lecture,2026-11-23T09:00,Absent
E2,S1,EC2010 Econometrics,Seminar,2026-11-23T11:00,Present
E3,S1,EC2020 Microeconomics,Workshop,2026-11-23T14:00,Absent
E4,S1,,Careers fair,2026-11-23T16:00,Absent
E1,S2,EC2010 Econometrics,Lecture,2026-11-23T09:00,Absent
E5,S2,LAW1001 Contract Law,Lecture,2026-11-23T10:00,Absent
E6,S2,LAW1002 Public Law,Tutorial,2026-11-23T11:00,Absent
E7,S2,LAW1003 Land Law,Lab,2026-11-23T12:00,Absent
E8,S2,LAW1004 Torts,Practical,2026-11-23T13:00,Absent
E9,S2,LAW1005 Equity,Lecture,2026-11-23T15:00,Absent
E10,S2,LAW1005 Equity,Lecture,2026-11-24T15:00,Absent
E1,S3,EC2010 Econometrics,Lecture,2026-11-23T09:00,Present
E1,S4,EC2010 Econometrics,Lecture,2026-11-23T09:00,Absent
"""


@pytest.fixture
def college(db: Database, clock: FakeClock, school_id: int) -> int:
    with db.transaction() as session:
        change_settings(session, clock, school_id=school_id, actor="test",
                        changes={"setting": "college"})
    for kind, body in (("students", STUDENTS), ("contacts", CONTACTS),
                       ("event-attendance", EVENTS)):
        report = import_csv(db, clock, kind=kind, school_id=school_id, data=body.encode())
        assert report.errors == []
    with db.transaction() as session:  # Ben reads Polish
        ben = session.exec(select(Contact).where(Contact.email == "ben.rook@example.org")).one()
        ben.language = "pl"
        session.add(ben)
    return school_id


def sent(db: Database) -> dict[str, Outbox]:
    """The outbox by the name of the contact each row went to."""
    with db.transaction() as session:
        names = {c.id: c.name for c in session.exec(select(Contact))}
        return {names[row.contact_id]: row for row in session.exec(
            select(Outbox).order_by(col(Outbox.id)))}


def student_id(db: Database, mis_id: str) -> int:
    with db.transaction() as session:
        found = session.exec(select(Student).where(Student.mis_id == mis_id)).one().id
        assert found is not None
        return found


def test_one_digest_per_student_naming_the_days_missed_events(db: Database, clock: FakeClock,
                                                              college: int) -> None:
    summary = start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    rows = sent(db)
    assert summary.outcome == "done" and summary.composed == 3
    # The students; and Ana's mother, Ana being 17 at a college; never Dee's father (she is 20).
    assert set(rows) == {"Ana Quill", "Ben Rook", "Mia Quill"}
    ana = rows["Ana Quill"]
    assert (ana.channel, ana.kind, ana.language) == ("sms", "digest", "en")
    assert ana.body.partition(": ")[2] == (
        "today (Monday 23 November) you missed EC2010 Econometrics "
        "(lecture) at 09:00, EC2020 Microeconomics (workshop) at 14:00 and Careers fair at "
        "16:00. If you had a reason, reply and tell us, for example: I was ill.")
    ben = rows["Ben Rook"]
    assert (ben.channel, ben.language) == ("email", "pl")
    assert "EC2010 Econometrics (wykład) o 09:00" in ben.body
    assert "LAW1003 Land Law (laboratorium) o 12:00" in ben.body
    assert "jeszcze 2" in ben.body and "Torts" not in ben.body  # four listed, two counted
    assert ben.student_ids == [student_id(db, "S2")]
    assert summary.skipped["no contact who can be reached"] == 1  # Dee has none of her own


def test_an_under_18s_parent_gets_a_digest_about_their_child_in_their_language(
        db: Database, clock: FakeClock, college: int) -> None:
    with db.transaction() as session:  # Ana's mother reads Spanish
        mia = session.exec(select(Contact).where(Contact.name == "Mia Quill")).one()
        mia.language = "es"
        session.add(mia)
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    row = sent(db)["Mia Quill"]
    assert (row.channel, row.kind, row.language) == ("sms", "digest", "es")
    assert row.student_ids == [student_id(db, "S1")]
    assert row.body.partition(": ")[2] == (
        "hoy (lunes, 23 de noviembre) Ana faltó a EC2010 Econometrics (clase magistral) a las "
        "09:00, EC2020 Microeconomics (taller) a las 14:00 y Careers fair a las 16:00. Si hubo "
        "un motivo, responda y cuéntenoslo, por ejemplo: enfermo hoy.")


def test_a_parent_of_two_students_gets_one_digest_about_each(
        db: Database, clock: FakeClock, college: int) -> None:
    # Eva, Ana's 16-year-old sister, is at the college too and missed a lab.
    for kind, body in (
            ("students", "Student ID,Forename,Surname,Date of Birth\nS5,Eva,Quill,2010-03-01\n"),
            ("contacts", "Student ID,Contact ID,Contact Name,Relationship,Priority,Mobile\n"
                         "S5,M1,Mia Quill,Mother,1,07700900301\n"),
            ("event-attendance", "Event ID,Student ID,Module,Event Type,Start,Attendance\n"
                                 "E20,S5,CH1001 Chemistry,Lab,2026-11-23T13:00,Absent\n")):
        assert import_csv(db, clock, kind=kind, school_id=college,
                          data=body.encode()).errors == []
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    with db.transaction() as session:
        mia = session.exec(select(Contact).where(Contact.name == "Mia Quill")).one()
        rows = session.exec(select(Outbox).where(Outbox.contact_id == mia.id)
                            .order_by(col(Outbox.id))).all()
        about = {tuple(row.student_ids): row.body for row in rows}
    ana, eva = student_id(db, "S1"), student_id(db, "S5")
    assert set(about) == {(ana,), (eva,)}
    assert "Ana missed EC2010 Econometrics" in about[(ana,)] and "Chemistry" not in about[(ana,)]
    assert "Eva missed CH1001 Chemistry (lab) at 13:00." in about[(eva,)]


def test_a_family_is_told_only_as_the_college_policy_says(db: Database, clock: FakeClock,
                                                          college: int) -> None:
    with db.transaction() as session:
        change_settings(session, clock, school_id=college, actor="test",
                        changes={"family_contact": "never"})
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    assert set(sent(db)) == {"Ana Quill", "Ben Rook"}


def test_the_digest_happens_once(db: Database, clock: FakeClock, college: int) -> None:
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    again = start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    assert again.outcome == "already run" and len(sent(db)) == 3


def test_a_certified_day_is_authorised_first_and_never_listed(db: Database, clock: FakeClock,
                                                              college: int) -> None:
    ana = student_id(db, "S1")
    with db.transaction() as session:
        record_certification(session, clock, school_id=college, student_id=ana,
                             intent="illness", start=MONDAY, end=MONDAY, confirmed=True,
                             evidence=False, why="", reason_text="flu",
                             conversation_id=None, message_id=None)
    # Attendance that arrives after she certified the day.
    later = "Event ID,Student ID,Module,Event Type,Start,Attendance\n" \
            "E11,S1,EC2030 Statistics,Lecture,2026-11-23T17:00,Absent\n"
    import_csv(db, clock, kind="event-attendance", school_id=college, data=later.encode())
    preview = start_run(db, clock, school_id=college, day=MONDAY, kind="digest", dry_run=True)
    assert preview.composed == 1 and sent(db) == {}  # nor to her mother
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    assert set(sent(db)) == {"Ben Rook"}
    with db.transaction() as session:
        assert attendance_status(session, school_id=college, event="E11",
                                 student_id=ana) == "authorised"


def test_colleges_and_universities_have_a_digest_run_and_schools_none(
        db: Database, clock: FakeClock, school_id: int) -> None:
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None
        assert "digest" not in daily_times(school)
        change_settings(session, clock, school_id=school_id, actor="test",
                        changes={"setting": "university", "digest_at": "18:15"})
        assert daily_times(school)["digest"] == time(18, 15)


def test_a_digest_composed_before_the_student_certified_the_day_is_cancelled(
        db: Database, clock: FakeClock, college: int) -> None:
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    with db.transaction() as session:  # Ana replies to an earlier message before it goes
        record_certification(session, clock, school_id=college, student_id=student_id(db, "S1"),
                             intent="illness", start=MONDAY, end=MONDAY, confirmed=True,
                             evidence=False, why="", reason_text="flu",
                             conversation_id=None, message_id=None)
    with db.transaction() as session:
        _, ready = claim_due(session, now=clock.now(), limit=50, lease=timedelta(minutes=5),
                             clock=clock)
        assert [r.to for r in ready] == ["ben.rook@example.org"]
    rows = sent(db)
    for name in ("Ana Quill", "Mia Quill"):  # hers, and her mother's
        assert (rows[name].status, rows[name].error_code) == (
            "cancelled", "self-certified or authorised before sending")
    assert rows["Ben Rook"].status == "claimed"


def claim_all(db: Database, clock: FakeClock) -> list[str]:
    """Claim every due row, as the dispatcher does just before sending: the addresses to send."""
    with db.transaction() as session:
        _, ready = claim_due(session, now=clock.now(), limit=50, lease=timedelta(minutes=5),
                             clock=clock)
        return sorted(r.to for r in ready)


def set_status(db: Database, clock: FakeClock, school_id: int, mis_id: str, event: str,
               status: str) -> None:
    student = student_id(db, mis_id)
    with db.transaction() as session:
        [(row_id,)] = session.connection().exec_driver_sql(
            "SELECT ea.id FROM event_attendance ea JOIN timetable_event e ON e.id = ea.event_id"
            f" WHERE e.external_id = '{event}' AND ea.student_id = {student}").all()
        set_event_status(session, clock, attendance_id=row_id, status=status, actor="staff:1")


def test_a_digest_partly_overtaken_before_it_goes_says_only_what_still_stands(
        db: Database, clock: FakeClock, college: int) -> None:
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    clock.advance(timedelta(minutes=5))
    # Before the dispatcher sends: Ana's lecture was a register mistake (she was there), her
    # workshop authorised by staff; a new absence of hers arrives too, after composing.
    set_status(db, clock, college, "S1", "E1", "present")
    set_status(db, clock, college, "S1", "E3", "authorised")
    later = "Event ID,Student ID,Module,Event Type,Start,Attendance\n" \
            "E12,S1,EC2040 Finance,Lecture,2026-11-23T17:00,Absent\n"
    import_csv(db, clock, kind="event-attendance", school_id=college, data=later.encode())
    assert claim_all(db, clock) == ["+447700900201", "+447700900301", "ben.rook@example.org"]
    rows = sent(db)
    # Only the careers fair is left: the overtaken lines are gone, nothing new is added.
    assert rows["Ana Quill"].body.partition(": ")[2] == (
        "today (Monday 23 November) you missed Careers fair at 16:00. If you had a reason, "
        "reply and tell us, for example: I was ill.")
    assert "Ana missed Careers fair at 16:00." in rows["Mia Quill"].body
    assert "Econometrics" not in rows["Mia Quill"].body and "Finance" not in rows[
        "Mia Quill"].body
    assert "EC2010 Econometrics (wykład) o 09:00" in rows["Ben Rook"].body  # untouched


def test_a_digest_whose_every_line_was_overtaken_is_dropped(db: Database, clock: FakeClock,
                                                            college: int) -> None:
    start_run(db, clock, school_id=college, day=MONDAY, kind="digest")
    clock.advance(timedelta(minutes=5))
    for event in ("E1", "E3", "E4"):
        set_status(db, clock, college, "S1", event, "authorised")
    assert claim_all(db, clock) == ["ben.rook@example.org"]
    rows = sent(db)
    for name in ("Ana Quill", "Mia Quill"):
        assert (rows[name].status, rows[name].error_code) == (
            "cancelled", "self-certified or authorised before sending")
