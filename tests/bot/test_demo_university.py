"""`rollcall demo --university` and `--college`: a faculty, its students and tutors, and a week
of timetabled events with the attendance an engagement team works from."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import UTC, date, datetime

from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.demo_university import InstitutionSummary, create_institution_demo
from store.institutions import is_under_18
from store.models.events import EventAttendance, SelfCertification, TimetableEvent
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffUser
from tests.bot.test_cli import rollcall, store_url  # noqa: F401  (the CLI fixture)

WEDNESDAY = FakeClock(datetime(2026, 12, 9, 10, tzinfo=UTC))


def make(db: Database, *, college: bool = False) -> InstitutionSummary:
    with db.transaction() as session:
        return create_institution_demo(session, WEDNESDAY, password="rollcall-demo",
                                       college=college)


def test_the_university_has_a_faculty_of_courses_students_and_their_tutors(
        db: Database) -> None:
    summary = make(db)
    with db.transaction() as session:
        school = session.exec(select(School)).one()
        students = session.exec(select(Student)).all()
        tutors = {u.id: u for u in session.exec(select(StaffUser)) if u.role == "tutor"}
        roles = Counter(u.role for u in session.exec(select(StaffUser)))
    assert school.setting == "university" and summary.school_id == school.id
    assert len(students) == 2_000 and summary.courses == 5 and summary.modules == 60
    assert Counter(s.year_group for s in students) == {"1": 700, "2": 675, "3": 625}
    assert 150 <= sum(s.visa_sponsored for s in students) <= 500
    assert all(s.personal_tutor_id in tutors and s.senior_tutor_id in tutors for s in students)
    tutees = Counter(s.personal_tutor_id for s in students)
    assert max(tutees.values()) <= 60 and len({s.senior_tutor_id for s in students}) == 5
    assert {"admin", "engagement", "compliance", "dsl"} <= set(roles)


def test_a_week_of_events_with_the_attendance_engagement_rules_read(db: Database) -> None:
    summary = make(db)
    with db.transaction() as session:
        events = {e.id: e for e in session.exec(select(TimetableEvent))}
        pairs = session.exec(select(EventAttendance)).all()
        certified = session.exec(select(SelfCertification)).all()
    week = [date(2026, 12, day) for day in (2, 3, 4, 7, 8)]
    assert summary.days == week
    assert {e.day for e in events.values()} == {*week, date(2026, 12, 9)}
    assert {e.event_type for e in events.values()} == {"Lecture", "Seminar"}
    taken = Counter(p.status for p in pairs if p.day < date(2026, 12, 9))
    assert {p.status for p in pairs if p.day == date(2026, 12, 9)} == {"not_taken"}
    assert 0.75 < taken["present"] / sum(taken.values()) < 0.9
    assert taken["absent"] and taken["late"] and taken["authorised"]
    assert {p.set_by for p in pairs if p.status == "authorised"} == {"bot"}
    # What those students told the bot: certified illness on the days authorised.
    assert {(c.start, c.end, c.status) for c in certified} == {
        (date(2026, 12, 3), date(2026, 12, 4), "confirmed")}
    assert {p.student_id for p in pairs if p.status == "authorised"} <= {
        c.student_id for c in certified}
    # Nobody is at two events at once.
    by_student = defaultdict(list)
    for pair in pairs:
        by_student[pair.student_id].append(events[pair.event_id].starts_at)
    assert all(len(starts) == len(set(starts)) for starts in by_student.values())
    # A few came on the first day and hardly since: the students the rules are for.
    statuses = defaultdict(list)
    for pair in sorted(pairs, key=lambda p: events[p.event_id].starts_at or p.day):
        if pair.day < date(2026, 12, 9):
            statuses[pair.student_id].append(pair.status)
    gone = [s for s, seen in statuses.items() if seen[-4:] == ["absent"] * 4]
    assert 30 <= len(gone) <= 150


def test_the_college_tells_under_18s_families_and_apprentices_employers(db: Database) -> None:
    summary = make(db, college=True)
    with db.transaction() as session:
        school = session.exec(select(School)).one()
        students = {s.id: s for s in session.exec(select(Student))}
        links = session.exec(select(StudentContact)).all()
    assert school.setting == "college" and summary.setting == "college"
    under_18 = [s for s in students.values() if is_under_18(s, on=date(2026, 12, 9))]
    assert 0.5 < len(under_18) / len(students) < 0.9 and summary.under_18 == len(under_18)
    relationships = Counter(link.relationship for link in links)
    assert relationships["self"] == len(students)
    assert sum(relationships[r] for r in ("mother", "father", "carer", "grandparent")) == len(
        students)
    employers = [link for link in links if link.relationship == "employer"]
    assert employers and all(e.tell_absence and not e.tell_reason for e in employers)
    assert {students[e.student_id].course for e in employers} == {
        "Engineering Technician Apprenticeship (Level 3)"}


def test_only_invented_phones_and_emails(db: Database) -> None:
    make(db, college=True)
    with db.transaction() as session:
        contacts = session.exec(select(Contact)).all()
        staff = session.exec(select(StaffUser)).all()
    phones = [c.phone for c in contacts if c.phone]
    assert phones and all(re.fullmatch(r"\+447700900\d{3}", p) for p in phones)
    emails = [c.email for c in contacts if c.email] + [u.email for u in staff]
    assert all(e and e.endswith("@example.org") for e in emails)
    assert len({u.email for u in staff}) == len(staff)


def test_demo_university_no_serve_says_what_it_made(store_url: str) -> None:  # noqa: F811
    code, output = rollcall(store_url, "demo", "--university", "--no-serve")
    assert code == 0, output
    assert "Kestrel Vale University" in output and "2000 students" in output
    assert "visa-sponsored" in output and "staff password" in output
    # The week's last day's digests go at once: the students who missed an event are told.
    digests = re.search(r"digest run for \d{4}-\d\d-\d\d: done, (\d+) messages", output)
    assert digests and 100 < int(digests[1]) < 600, output
    # Then the night's engagement recompute: those who stopped coming are at risk, each with a
    # task for their Personal Tutor, and visa-sponsored ones crossed the sponsor's policy.
    at_risk = re.search(r"engagement statuses: 2000 students, (\d+) at_risk; (\d+) tasks", output)
    assert at_risk and 5 <= int(at_risk[1]) == int(at_risk[2]) <= 100, output
    assert re.search(r"visa statuses: \d+ students, \d+ crossed; \d+ tasks", output), output
    code, output = rollcall(store_url, "demo", "--college", "--no-serve")
    assert code == 0 and "already has data" in output


def test_the_demo_week_leaves_out_bank_holidays(db: Database) -> None:
    # Tuesday 29 December 2026: Christmas Day and the Boxing Day holiday (Monday 28th) are off.
    with db.transaction() as session:
        summary = create_institution_demo(session, FakeClock(datetime(2026, 12, 29, 10,
                                                                      tzinfo=UTC)),
                                          password="rollcall-demo")
    assert summary.days == [date(2026, 12, day) for day in (18, 21, 22, 23, 24)]
