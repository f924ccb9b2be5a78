"""A small university for the engagement tests: its staff (tutors, the engagement team, UKVI
compliance, an officer, a DSL, an admin), students with their tutors, a timetable of weekday
events over four weeks, and attendance by a pattern per student."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session

from store.clock import Clock
from store.database import Database
from store.models.events import EventAttendance, TimetableEvent
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.staff import add_user

DAY = date(2026, 11, 27)  # a Friday: the recompute's day
MODULES = ("EC2010 Econometrics", "EC2020 Macroeconomics")
STAFF = {"tutor": ("Dr Ada Khan", "tutor"), "senior": ("Prof Bea Osei", "tutor"),
         "other_tutor": ("Dr Cal Reid", "tutor"), "engagement": ("Eve Stone", "engagement"),
         "compliance": ("Uma Vance", "compliance"), "officer": ("Oli Park", "officer"),
         "dsl": ("Dee Lowe", "dsl"), "admin": ("Ann Moss", "admin"),
         "wellbeing": ("Wren Hale", "wellbeing"), "read_only": ("Rae Lund", "read_only")}

# Attendance of a student at the n-th event, counted from the first (oldest).
Pattern = Callable[[int, TimetableEvent], str]


def always(status: str) -> Pattern:
    return lambda n, event: status


@dataclass
class University:
    school_id: int
    staff: dict[str, int] = field(default_factory=dict)  # by STAFF key
    emails: dict[str, str] = field(default_factory=dict)
    students: dict[str, int] = field(default_factory=dict)  # by first name
    events: list[int] = field(default_factory=list)  # oldest first


def weekdays(end: date, weeks: int) -> list[date]:
    start = end - timedelta(days=weeks * 7 - 1)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)
            if (start + timedelta(days=n)).weekday() < 5]


def build(db: Database, clock: Clock, *, password_hash: str | None = None,
          setting: str = "university", tag: str = "") -> University:
    """The school, its staff and a timetable: each module twice a weekday (10:00, 14:00)."""
    with db.transaction() as session:
        school = School(name="Fenwick University", setting=setting)
        session.add(school)
        session.flush()
        assert school.id is not None
        world = University(school_id=school.id)
        for key, (name, role) in STAFF.items():
            email = f"{key.replace('_', '.')}{tag}@example.org"
            user = add_user(session, clock, email=email, name=name, role=role,
                            school_ids=[school.id])
            user.password_hash = password_hash
            assert user.id is not None
            world.staff[key], world.emails[key] = user.id, email
        for day in weekdays(DAY, 4):
            for module, hour in zip(MODULES, (10, 14), strict=True):
                starts = datetime.combine(day, time(hour), UTC)
                event = TimetableEvent(
                    school_id=school.id, external_id=f"{module[:6]}-{day}", module=module,
                    event_type="lecture", title=f"{module[7:]} lecture", day=day,
                    starts_at=starts, ends_at=starts + timedelta(hours=1), room="B12")
                session.add(event)
                session.flush()
                assert event.id is not None
                world.events.append(event.id)
    return world


def add_student(db: Database, world: University, first_name: str, pattern: Pattern, *,
                visa: bool = False, tutor: str | None = "tutor",
                department: str = "School of Economics", email: bool = True,
                until: date = DAY) -> int:
    """A student with the tutor and the Senior Tutor, their own email contact, and their
    attendance at every event up to `until` by `pattern`."""
    with db.transaction() as session:
        student = Student(school_id=world.school_id, mis_id=f"U{len(world.students) + 1:04d}",
                          first_name=first_name, last_name="Example", course="BSc Economics",
                          department=department, visa_sponsored=visa,
                          personal_tutor_id=world.staff[tutor] if tutor else None,
                          senior_tutor_id=world.staff["senior"])
        session.add(student)
        session.flush()
        assert student.id is not None
        if email:
            own = Contact(school_id=world.school_id, external_id=f"self:{student.mis_id}",
                          name=f"{first_name} Example", language="en", channels=["email"],
                          email=f"{first_name.lower()}@example.org")
            session.add(own)
            session.flush()
            assert own.id is not None
            session.add(StudentContact(student_id=student.id, contact_id=own.id,
                                       relationship="self"))
        mark_events(session, world, student.id, pattern, until=until)
        world.students[first_name] = student.id
        return student.id


def mark_events(session: Session, world: University, student_id: int, pattern: Pattern, *,
                until: date = DAY) -> None:
    events = [session.get(TimetableEvent, event_id) for event_id in world.events]
    for n, event in enumerate(e for e in events if e is not None and e.day <= until):
        assert event.id is not None
        session.add(EventAttendance(school_id=world.school_id, event_id=event.id,
                                    student_id=student_id, day=event.day,
                                    status=pattern(n, event), updated_at=event.starts_at))
