"""Self-certifications in the store: a confirmed one authorises the student's missed or untaken
events in its days (never one attended, never one a person marked), audited with its message;
attendance that arrives later is authorised too; the school's settings set the policy."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from conversations.types import Intent, SelfCertification
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.events import attendance_status, set_event_status
from store.facts import build_facts
from store.importer import import_csv
from store.models.audit import AuditEntry
from store.models.people import Contact, Student
from store.models.schools import School
from store.school_settings import change_settings, school_settings
from store.self_certifications import (
    approve_certification,
    authorise_certified,
    certification_rules,
    certifications_of,
    certified_students,
    made_since,
    record_certification,
)

MONDAY, TUESDAY, WEDNESDAY = date(2026, 11, 23), date(2026, 11, 24), date(2026, 11, 25)
STUDENTS = "Student ID,Forename,Surname\nS1,Priya,Shah\nS2,Ben,Rook\n"
# Priya: absent Monday morning, at the seminar, late on Tuesday, Tuesday's lab not taken yet,
# and a Wednesday lecture. Ben, absent Monday, is not hers.
ATTENDANCE = """Event ID,Student ID,Module,Event Type,Start,Attendance
L1,S1,EC2010,lecture,2026-11-23T10:00,Absent
S1,S1,EC2010,seminar,2026-11-23T14:00,Present
L2,S1,EC2020,lecture,2026-11-24T09:00,Late
P2,S1,EC2020,lab,2026-11-24T14:00,Not Taken
L3,S1,EC2010,lecture,2026-11-25T10:00,Not Taken
L1,S2,EC2010,lecture,2026-11-23T10:00,Absent
"""


@pytest.fixture
def university(db: Database, clock: FakeClock, school_id: int) -> int:
    with db.transaction() as session:
        change_settings(session, clock, school_id=school_id, actor="test",
                        changes={"setting": "university"})
    for kind, body in (("students", STUDENTS), ("event-attendance", ATTENDANCE)):
        report = import_csv(db, clock, kind=kind, school_id=school_id, data=body.encode())
        assert report.errors == []
    return school_id


def student(db: Database, mis_id: str) -> int:
    with db.transaction() as session:
        found = session.exec(select(Student).where(Student.mis_id == mis_id)).one()
        assert found.id is not None
        return found.id


def statuses(db: Database, school_id: int, mis_id: str, *events: str) -> list[str | None]:
    student_id = student(db, mis_id)
    with db.transaction() as session:
        return [attendance_status(session, school_id=school_id, event=event,
                                  student_id=student_id) for event in events]


def certify(db: Database, clock: FakeClock, school_id: int, start: date, end: date, *,
            confirmed: bool = True) -> tuple[int, int]:
    priya = student(db, "S1")
    with db.transaction() as session:
        _, done = record_certification(
            session, clock, school_id=school_id, student_id=priya,
            intent="illness", start=start, end=end, confirmed=confirmed, evidence=False,
            why="" if confirmed else "more days than policy", reason_text="flu",
            conversation_id=None, message_id=None)
        return done.events, done.staff_marked


def test_confirmed_authorises_missed_and_untaken_events_never_attended_ones(
        db: Database, clock: FakeClock, university: int) -> None:
    assert certify(db, clock, university, MONDAY, TUESDAY) == (2, 0)
    assert statuses(db, university, "S1", "L1", "S1", "L2", "P2", "L3") == [
        "authorised", "present", "late", "authorised", "not_taken"]
    assert statuses(db, university, "S2", "L1") == ["absent"]  # another student's events
    priya = student(db, "S1")
    with db.transaction() as session:
        changes = session.exec(select(AuditEntry).where(
            AuditEntry.action == "event_attendance.updated")).all()
        assert {(a.actor, a.old_value, a.new_value) for a in changes} == {
            ("bot", "absent", "authorised"), ("bot", "not_taken", "authorised")}
        [kept] = certifications_of(session, student_id=priya)
        assert (kept.status, kept.start, kept.end, kept.intent) == (
            "confirmed", MONDAY, TUESDAY, "illness")


def test_reported_authorises_nothing(db: Database, clock: FakeClock, university: int) -> None:
    assert certify(db, clock, university, MONDAY, WEDNESDAY, confirmed=False) == (0, 0)
    assert statuses(db, university, "S1", "L1", "P2") == ["absent", "not_taken"]


def test_an_event_a_person_marked_is_left_for_them(db: Database, clock: FakeClock,
                                                   university: int) -> None:
    priya = student(db, "S1")
    with db.transaction() as session:
        [(row_id,)] = session.connection().exec_driver_sql(
            "SELECT ea.id FROM event_attendance ea JOIN timetable_event e ON e.id = ea.event_id"
            f" WHERE e.external_id = 'L1' AND ea.student_id = {priya}").all()
        for status in ("not_taken", "absent"):  # a person looked into it: absent it is
            set_event_status(session, clock, attendance_id=row_id, status=status,
                             actor="staff:1")
    assert certify(db, clock, university, MONDAY, MONDAY) == (0, 1)
    assert statuses(db, university, "S1", "L1") == ["absent"]


def test_a_person_authorises_a_reported_one_never_over_attended_events(
        db: Database, clock: FakeClock, university: int) -> None:
    priya = student(db, "S1")
    with db.transaction() as session:
        [(row_id,)] = session.connection().exec_driver_sql(
            "SELECT ea.id FROM event_attendance ea JOIN timetable_event e ON e.id = ea.event_id"
            f" WHERE e.external_id = 'P2' AND ea.student_id = {priya}").all()
        set_event_status(session, clock, attendance_id=row_id, status="absent", actor="staff:1")
    certify(db, clock, university, MONDAY, TUESDAY, confirmed=False)
    with db.transaction() as session:
        [reported] = certifications_of(session, student_id=priya)
        assert reported.id is not None
        reported_id = reported.id
        with pytest.raises(InvalidInput):  # another student's: refused, nothing changed
            approve_certification(session, clock, certification_id=reported_id,
                                  student_id=priya + 1, actor="staff:7")
        assert approve_certification(session, clock, certification_id=reported_id,
                                     student_id=priya, actor="staff:7") == 2
        assert certified_students(session, school_id=university, day=MONDAY) == {priya}
    # the staff-marked lab too (a person decides now); never the seminar or the late lecture
    assert statuses(db, university, "S1", "L1", "S1", "L2", "P2") == [
        "authorised", "present", "late", "authorised"]
    with db.transaction() as session:
        [kept] = certifications_of(session, student_id=priya)
        assert kept.status == "approved"
        with pytest.raises(InvalidInput):  # not waiting for a person any more
            approve_certification(session, clock, certification_id=reported_id,
                                  student_id=priya, actor="staff:7")
        entries = session.exec(select(AuditEntry).where(AuditEntry.actor == "staff:7")).all()
        assert sorted(e.action for e in entries) == [
            "event_attendance.updated", "event_attendance.updated",
            "self_certification.approved"]


def test_attendance_imported_later_is_authorised_and_kept(db: Database, clock: FakeClock,
                                                          university: int) -> None:
    certify(db, clock, university, WEDNESDAY, WEDNESDAY)
    later = "Event ID,Student ID,Module,Event Type,Start,Attendance\n" \
            "L4,S1,EC2030,lecture,2026-11-25T15:00,Absent\nL3,S1,,,,Absent\n"
    import_csv(db, clock, kind="event-attendance", school_id=university, data=later.encode())
    assert statuses(db, university, "S1", "L3", "L4") == ["authorised", "absent"]
    with db.transaction() as session:
        assert authorise_certified(session, clock, school_id=university, day=WEDNESDAY) == 1
        assert authorise_certified(session, clock, school_id=university, day=TUESDAY) == 0
    assert statuses(db, university, "S1", "L3", "L4") == ["authorised", "authorised"]


def links(db: Database, mis_id: str, *events: str) -> list[int | None]:
    """The self-certification each of the student's events stands on (None: none)."""
    student_id = student(db, mis_id)
    with db.transaction() as session:
        found = dict(session.connection().exec_driver_sql(
            "SELECT e.external_id, ea.self_certification_id FROM event_attendance ea "
            f"JOIN timetable_event e ON e.id = ea.event_id WHERE ea.student_id = {student_id}"
        ).all())
    return [found[event] for event in events]


def test_each_authorised_event_keeps_the_certification_it_stands_on(
        db: Database, clock: FakeClock, university: int) -> None:
    """The student page's events list shows an authorised event's reason from this link: set
    by the bot (policy), a person (approval) and attendance that arrives later, and dropped
    when the register says otherwise."""
    certify(db, clock, university, MONDAY, MONDAY)
    certify(db, clock, university, TUESDAY, WEDNESDAY, confirmed=False)
    priya = student(db, "S1")
    with db.transaction() as session:
        monday, later = sorted(c.id or 0 for c in certifications_of(session, student_id=priya))
    assert links(db, "S1", "L1", "S1", "L2", "P2", "L3") == [monday, None, None, None, None]
    with db.transaction() as session:
        approve_certification(session, clock, certification_id=later, student_id=priya,
                              actor="staff:7")
    assert links(db, "S1", "L1", "S1", "L2", "P2", "L3") == [monday, None, None, later, later]
    more = "Event ID,Student ID,Module,Event Type,Start,Attendance\n" \
           "L4,S1,EC2030,lecture,2026-11-25T15:00,Absent\nL1,S1,,,,Present\n"
    import_csv(db, clock, kind="event-attendance", school_id=university, data=more.encode())
    with db.transaction() as session:
        assert authorise_certified(session, clock, school_id=university, day=WEDNESDAY) == 1
    # Monday's lecture: the register now says she came, so it stands on no reason of hers.
    assert statuses(db, university, "S1", "L1", "L4") == ["present", "authorised"]
    assert links(db, "S1", "L1", "L4") == [None, later]


def test_the_policy_comes_from_the_schools_settings(db: Database, clock: FakeClock,
                                                    school_id: int) -> None:
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None and certification_rules(school) is None  # a school
        change_settings(session, clock, school_id=school_id, actor="test", changes={
            "setting": "college", "self_cert_max_days": "5",
            "self_cert_reasons": "illness,bereavement", "self_cert_evidence_reasons": ""})
        assert certification_rules(school) == SelfCertification(
            max_days=5, reasons=frozenset({Intent.ILLNESS, Intent.BEREAVEMENT}),
            evidence_reasons=frozenset())
        shown = school_settings(session, school)
        assert shown["self_cert_reasons"] == ["bereavement", "illness"]
        assert shown["self_cert_evidence_reasons"] == []


def test_the_terms_count_of_a_students_certifications(db: Database, clock: FakeClock,
                                                        university: int) -> None:
    priya = student(db, "S1")
    with db.transaction() as session:
        change_settings(session, clock, school_id=university, actor="test",
                        changes={"self_cert_max_per_term": "2"})
        school = session.get(School, university)
        assert school is not None
        assert school_settings(session, school)["self_cert_max_per_term"] == 2
        rules = certification_rules(school)
        assert rules is not None and rules.max_per_term == 2
        assert made_since(session, [priya], since=MONDAY) == 0
    certify(db, clock, university, MONDAY, MONDAY)
    certify(db, clock, university, WEDNESDAY, WEDNESDAY, confirmed=False)
    ben = student(db, "S2")
    with db.transaction() as session:
        assert made_since(session, [priya], since=MONDAY) == 2
        assert made_since(session, [priya], since=TUESDAY) == 1  # Monday's was last term
        assert made_since(session, [ben], since=MONDAY) == 0
    # What the engine is told when Priya writes (no term dates: autumn from 1 August).
    own = "Student ID,Contact ID,Contact Name,Relationship,Priority,Mobile\n" \
          "S1,P1,Priya Shah,Student,1,07700900401\n"
    assert import_csv(db, clock, kind="contacts", school_id=university,
                      data=own.encode()).errors == []
    with db.transaction() as session:
        school = session.get(School, university)
        assert school is not None
        contact = session.exec(select(Contact).where(Contact.external_id == "P1")).one()
        told = build_facts(session, contacts=[contact], school=school, now=clock.now())
        assert told.policy.self_certification is not None
        assert (told.policy.self_certification.max_per_term,
                told.policy.self_certification.made_this_term) == (2, 2)


@pytest.mark.parametrize("bad", [{"self_cert_max_days": "a week"},
                                 {"self_cert_max_days": "-1"},
                                 {"self_cert_max_per_term": "101"},
                                 {"self_cert_reasons": "illness,safeguarding"},
                                 {"self_cert_evidence_reasons": "nonsense"}])
def test_a_bad_policy_is_refused_and_changes_nothing(db: Database, clock: FakeClock,
                                                     school_id: int,
                                                     bad: dict[str, str]) -> None:
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None
        before = school_settings(session, school)
        with pytest.raises(InvalidInput):
            change_settings(session, clock, school_id=school_id, actor="test", changes=bad)
        assert school_settings(session, school) == before
