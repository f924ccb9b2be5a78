"""Colleges and universities: who is messaged about a student, by setting, age and agreement."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.events import missed_events
from store.importer import import_csv
from store.institutions import adult_born_by, is_under_18, may_tell, relationship_of
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.recipients import recipients, recipients_about
from store.school_settings import change_settings, school_settings

DAY = date(2026, 11, 23)
CLOCK = FakeClock(datetime(2026, 11, 23, 8, tzinfo=UTC))

# Ana is 17 on the day, Ben 19; each is their own contact, has a mother, and Ben is an
# apprentice whose employer may hear of absences but not reasons.
STUDENTS = """Student ID,Forename,Surname,Date of Birth,Student Email,Student Mobile
S1,Ana,Quill,2009-05-01,ana.quill@example.org,07700900201
S2,Ben,Rook,2007-02-01,ben.rook@example.org,
"""
CONTACTS = """Student ID,Contact ID,Contact Name,Relationship,Priority,Mobile,Email,\
Tell Absence,Tell Reason
S1,M1,Mia Quill,Mother,1,07700900301,,,
S2,M2,Meg Rook,Mother,1,07700900302,,,
S2,E2,Rook Engineering,Apprenticeship Employer,2,,hr@example.org,yes,no
"""
MARKS = """Student ID,Date,Session,Mark
S1,2026-11-23,AM,N
S2,2026-11-23,AM,N
"""


@pytest.fixture
def college(db: Database, clock: FakeClock, school_id: int) -> int:
    for kind, body in (("students", STUDENTS), ("contacts", CONTACTS), ("marks", MARKS)):
        report = import_csv(db, clock, kind=kind, school_id=school_id, data=body.encode())
        assert (report.errors, report.warnings) == ([], [])
    return school_id


def asked(db: Database, school_id: int, **settings: str) -> dict[str, list[str]]:
    """Who the morning's absence run messages, by contact name -> the children named."""
    with db.transaction() as session:
        if settings:
            change_settings(session, CLOCK, school_id=school_id, changes=settings,
                            actor="test")
        names = {c.id: c.name for c in session.exec(select(Contact))}
        return {names[r.contact_id]: list(r.names) for r in recipients(
            session, school_id=school_id, day=DAY, kind="absence", all_with_pr=False)}


def test_a_school_asks_its_families_by_priority_as_before(db: Database, college: int) -> None:
    # Each student's own contact (priority 1 too, id first) wins the family's ranking.
    assert asked(db, college) == {"Ana Quill": ["Ana"], "Ben Rook": ["Ben"]}


def test_a_university_messages_the_student_and_the_employer_the_agreement_allows(
        db: Database, college: int) -> None:
    assert asked(db, college, setting="university") == {
        "Ana Quill": ["Ana"], "Ben Rook": ["Ben"], "Rook Engineering": ["Ben"]}


def test_a_college_tells_the_parents_of_under_18s_too_unless_its_policy_says_never(
        db: Database, college: int) -> None:
    assert asked(db, college, setting="college") == {
        "Ana Quill": ["Ana"], "Mia Quill": ["Ana"], "Ben Rook": ["Ben"],
        "Rook Engineering": ["Ben"]}
    assert "Mia Quill" not in asked(db, college, family_contact="never")
    assert "Meg Rook" in asked(db, college, family_contact="always")


def test_a_student_with_no_date_of_birth_counts_as_an_adult_and_the_import_says_so(
        db: Database, clock: FakeClock, college: int) -> None:
    with db.transaction() as session:
        change_settings(session, CLOCK, school_id=college, changes={"setting": "college"},
                        actor="test")
    # Ana's date of birth was blanked in the MIS: her mother is no longer asked.
    report = import_csv(db, clock, kind="students", school_id=college,
                        data=STUDENTS.replace("2009-05-01", "").encode())
    assert report.errors == [] and report.no_birth_date == [2]
    assert asked(db, college) == {"Ana Quill": ["Ana"], "Ben Rook": ["Ben"],
                                  "Rook Engineering": ["Ben"]}
    # Where age decides nothing (a university, or families always told) nothing is flagged.
    for settings in ({"setting": "university"}, {"setting": "college",
                                                 "family_contact": "always"}):
        with db.transaction() as session:
            change_settings(session, CLOCK, school_id=college, changes=settings,
                            actor="test")
        assert import_csv(db, clock, kind="students", school_id=college,
                          data=STUDENTS.replace("2009-05-01", "").encode()).no_birth_date == []


def test_an_employer_the_agreement_tells_nothing_is_never_asked(
        db: Database, clock: FakeClock, college: int) -> None:
    body = CONTACTS.replace("hr@example.org,yes,no", "hr@example.org,,")
    assert import_csv(db, clock, kind="contacts", school_id=college,
                      data=body.encode()).updated == 1
    with db.transaction() as session:
        link = session.exec(select(StudentContact).where(
            StudentContact.relationship == "employer")).one()
        assert (link.tell_absence, link.tell_reason) == (False, False)
    assert "Rook Engineering" not in asked(db, college, setting="university")


def test_may_tell_agrees_with_the_runs_for_one_contact(db: Database, college: int) -> None:
    with db.transaction() as session:
        change_settings(session, CLOCK, school_id=college,
                        changes={"setting": "college"}, actor="test")
        school = session.get(School, college)
        assert school is not None
        students = {s.mis_id: s for s in session.exec(select(Student))}
        links = {(link.student_id, link.relationship): link
                 for link in session.exec(select(StudentContact))}
        ana, ben = students["S1"], students["S2"]
        employer = links[(ben.id or 0, "employer")]
        assert may_tell(school, ben, employer, on=DAY)
        assert not may_tell(school, ben, employer, on=DAY, what="reason")
        assert may_tell(school, ana, links[(ana.id or 0, "mother")], on=DAY)
        assert not may_tell(school, ben, links[(ben.id or 0, "mother")], on=DAY)
        assert may_tell(school, ben, links[(ben.id or 0, "self")], on=DAY, what="reason")


def test_a_days_missed_events_choose_recipients_the_same_way(
        db: Database, clock: FakeClock, college: int) -> None:
    body = (b"Event ID,Student ID,Date,Start,Status\n"
            b"E1,S1,2026-11-23,10:00,Absent\nE1,S2,2026-11-23,10:00,Present\n")
    assert import_csv(db, clock, kind="event-attendance", school_id=college,
                      data=body).errors == []
    with db.transaction() as session:
        change_settings(session, CLOCK, school_id=college,
                        changes={"setting": "university"}, actor="test")
        found = list(recipients_about(session, school_id=college, day=DAY, all_with_pr=False,
                                      about=missed_events(school_id=college, day=DAY)))
        assert [r.names for r in found] == [("Ana",)]


def test_settings_are_checked_and_shown(db: Database, school_id: int) -> None:
    with db.transaction() as session:
        for bad in ({"setting": "academy"}, {"family_contact": "sometimes"}):
            with pytest.raises(InvalidInput):
                change_settings(session, CLOCK, school_id=school_id, changes=bad,
                                actor="test")
        change_settings(session, CLOCK, school_id=school_id, actor="test",
                        changes={"setting": "College", "family_contact": "under-18"})
        school = session.get(School, school_id)
        assert school is not None
        shown = school_settings(session, school)
        assert (shown["setting"], shown["family_contact"]) == ("college", "under_18")


def test_ages_and_relationships() -> None:
    assert adult_born_by(date(2026, 2, 28)) == date(2008, 2, 28)
    assert adult_born_by(date(2028, 2, 29)) == date(2010, 2, 28)
    student = Student(school_id=1, mis_id="S", first_name="A", last_name="B",
                      date_of_birth=date(2008, 11, 24))
    assert is_under_18(student, on=DAY) and not is_under_18(student, on=date(2026, 11, 24))
    # No date of birth: an adult (their family is not told), flagged to staff instead.
    assert not is_under_18(Student(school_id=1, mis_id="T", first_name="A", last_name="B"),
                           on=DAY)
    assert [relationship_of(r) for r in ("Student", " Apprenticeship  Employer", "Mother")] == [
        "self", "employer", "mother"]
