"""The demo university (or, with `college`, the demo further-education college): a faculty
with its courses and modules, about 2,000 students who are their own contacts, their Personal
and Senior Tutors as staff accounts, and a week of timetabled events with the students'
attendance (store/demo_timetable.py), so the engagement flow has something to show at once
(`rollcall demo --university`, `--college`).

Everyone is invented: names drawn from store/demo_names.py, phones only +447700900000..999,
emails only @example.org. Some students are visa-sponsored (the university's international
students); at the college most students are 16 to 18, so their parents and carers are contacts
too (the college's default: messaged while the student is under 18), and apprentices have
their employer as a contact, told of absences but not of reasons (the agreement). The same seed
gives the same institution every time; rows go in set-wise (store/bulk.py).
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from store.audit import audit
from store.bulk import insert_rows
from store.calendar import local_now
from store.clock import Clock
from store.demo_names import (
    APPRENTICESHIPS,
    CARER_RELATIONSHIPS,
    COLLEGE,
    COLLEGE_COURSES,
    COLLEGE_FACULTY,
    EMPLOYERS,
    FACULTY,
    INSTITUTION_STAFF,
    NAMES,
    TUTOR_TITLES,
    UNIVERSITY,
    UNIVERSITY_COURSES,
)
from store.demo_timetable import Cohort, add_week
from store.models.people import Contact, Student, StudentContact
from store.models.staff import StaffSchool, StaffUser
from store.passwords import make_hash
from store.schools import add_school

YEAR_SIZES = {"university": (140, 135, 125), "college": (210, 190)}  # per course
TUTEES = 50  # students per Personal Tutor
VISA_SHARE = {"en": 0.02, "cy": 0.0}  # the rest: VISA_OTHER
VISA_OTHER = 0.35
OFFICE_PHONE = "+447700900000"
TUTOR = "tutor"  # the role of Personal and Senior Tutors


@dataclass(slots=True)
class InstitutionSummary:
    """What `rollcall demo --university` (or `--college`) made, for it to print."""

    school_id: int
    name: str
    setting: str
    api_token: str
    faculty: str = ""
    courses: int = 0
    modules: int = 0
    students: int = 0
    visa: int = 0
    under_18: int = 0
    contacts: int = 0
    events: int = 0
    days: list[date] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    patterns: Counter[str] = field(default_factory=Counter)
    tutors: int = 0
    staff: list[tuple[str, str]] = field(default_factory=list)  # (email, role)

    def lines(self, password: str) -> list[str]:
        """What the demo command prints about what it made."""
        week = f"{self.days[0]:%a %d %b} to {self.days[-1]:%a %d %b %Y}" if self.days else "-"
        taken = ", ".join(f"{n} {status}" for status, n in self.statuses.most_common())
        return [
            f"demo {self.setting} {self.school_id}: {self.name} ({self.faculty})",
            f"  {self.courses} courses, {self.modules} modules, {self.students} students "
            f"({self.visa} visa-sponsored, {self.under_18} under 18), {self.contacts} contacts",
            f"  {self.events} timetabled events, {week}: {taken}",
            "  patterns: " + ", ".join(f"{n} {name}" for name, n in sorted(
                self.patterns.items())),
            f"  {self.tutors} Personal and Senior Tutors (staff accounts, role tutor)",
            *(f"  staff: {email} ({role})" for email, role in self.staff[:6]),
            f"  staff password: {password}",
            f"  REST API token for {self.setting} {self.school_id}: {self.api_token}",
        ]


def create_institution_demo(session: Session, clock: Clock, *, password: str,
                            college: bool = False, seed: int = 20261207
                            ) -> InstitutionSummary:
    """Fill an empty store with the demo university (or college); see the module doc."""
    rng = random.Random(seed)
    setting = "college" if college else "university"
    courses = COLLEGE_COURSES if college else UNIVERSITY_COURSES
    school, token = add_school(session, clock, name=COLLEGE if college else UNIVERSITY,
                               setting=setting)
    school.phone = OFFICE_PHONE
    session.add(school)
    school_id = school.id or 0
    summary = InstitutionSummary(school_id=school_id, name=school.name, setting=setting,
                                 api_token=token, faculty=COLLEGE_FACULTY if college else FACULTY,
                                 courses=len(courses),
                                 modules=sum(len(y) for c in courses for y in c[3]))
    today = local_now(school, clock.now()).date()
    tutors, staff = _staff(session, rng, school_id, password, courses, summary)
    people = _students(rng, courses, setting, today)
    student_ids = insert_rows(session, Student, [
        dict({k: v for k, v in person.items() if k in _STUDENT_FIELDS}, school_id=school_id,
             personal_tutor_id=_tutor(tutors, person, seat), senior_tutor_id=tutors[
                 person["course_code"]][1])
        for seat, person in enumerate(people)])
    _contacts(session, rng, school_id, people, student_ids, summary)
    cohorts = [Cohort(course=code, course_name=name, year=str(year + 1), modules=modules,
                      student_ids=[sid for sid, p in zip(student_ids, people, strict=True)
                                   if p["course_code"] == code and p["year_group"] ==
                                   str(year + 1)],
                      staff=[s for s in staff if s[0] in tutors[code][0]])
               for code, name, _, years in courses for year, modules in enumerate(years)]
    visa = {sid for sid, p in zip(student_ids, people, strict=True) if p["visa_sponsored"]}
    week = add_week(session, rng, school=school, cohorts=cohorts, today=today, visa=visa,
                    now=clock.now())
    summary.events, summary.days = week.events, week.days
    summary.statuses, summary.patterns = week.statuses, week.patterns
    summary.students, summary.visa = len(student_ids), len(visa)
    summary.under_18 = sum(1 for p in people if _under_18(p["date_of_birth"], today))
    audit(session, clock, actor="system", action="demo.created", entity="school",
          entity_id=school_id, school_id=school_id,
          new=f"{setting}: {summary.students} students, {summary.events} events")
    return summary


def _tutor(tutors: dict[str, tuple[list[int], int]], person: dict[str, Any], seat: int) -> int:
    """The student's Personal Tutor: the course's tutors take its students in turn."""
    personal, _ = tutors[person["course_code"]]
    return personal[seat % len(personal)]


_STUDENT_FIELDS = ("mis_id", "first_name", "last_name", "year_group", "reg_group", "course",
                   "date_of_birth", "visa_sponsored")


def _students(rng: random.Random, courses: Any, setting: str,
              today: date) -> list[dict[str, Any]]:
    """Each course's students by year of study, with a name, a language, a date of birth and,
    at the university, a visa for some of the international ones."""
    languages = list(NAMES)
    weights = [NAMES[lang][2] for lang in languages]
    people: list[dict[str, Any]] = []
    for code, course_name, _, years in courses:
        for year, size in enumerate(YEAR_SIZES[setting][:len(years)]):
            for seat in range(size):
                language = rng.choices(languages, weights=weights)[0]
                firsts, surnames, _ = NAMES[language]
                visa = (setting == "university"
                        and rng.random() < VISA_SHARE.get(language, VISA_OTHER))
                people.append(dict(
                    mis_id=f"{24 - year}{len(people) + 1:05d}", first_name=rng.choice(firsts),
                    last_name=rng.choice(surnames), year_group=str(year + 1),
                    reg_group=f"{code}{year + 1}-{seat % 7 + 1}", course=course_name,
                    course_code=code, language=language, visa_sponsored=visa,
                    date_of_birth=_born(rng, setting, year, today,
                                        apprentice=code in APPRENTICESHIPS)))
    return people


def _born(rng: random.Random, setting: str, year: int, today: date, *,
          apprentice: bool = False) -> date:
    """At college 16 or 17 in the first year and 17 or 18 in the second (so about two in three
    are under 18), apprentices and adult learners older; at university 18 to 21, a few mature."""
    age = (16 if setting == "college" else 18) + year
    if setting == "college" and (apprentice or rng.random() < 0.08):
        age += rng.randrange(1, 8)
    elif setting == "university" and rng.random() < 0.06:
        age += rng.randrange(4, 20)
    young = -120 if setting == "college" else 0  # a college's youngest turn 16 after term starts
    return today - timedelta(days=365 * age + rng.randrange(young, 365))


def _under_18(born: date, today: date) -> bool:
    return (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) < 18


def _contacts(session: Session, rng: random.Random, school_id: int, people: list[dict[str, Any]],
              student_ids: list[int], summary: InstitutionSummary) -> None:
    """Every student is their own contact (email; a mobile or Telegram for some); at the
    college a parent or carer each and, for apprentices, their employer."""
    rows: list[dict[str, Any]] = []
    links: list[tuple[int, int, dict[str, Any]]] = []
    employers: dict[str, int] = {}
    for n, (person, sid) in enumerate(zip(people, student_ids, strict=True)):
        phone = f"+447700900{n + 1:03d}" if n < 998 and rng.random() < 0.45 else None
        chat = str(710_000_000 + n) if rng.random() < 0.15 else None
        channels = [c for c, on in (("telegram", chat), ("sms", phone), ("email", True)) if on]
        name = f"{person['first_name']} {person['last_name']}"
        links.append((sid, len(rows), dict(relationship="self", priority=1,
                                           parental_responsibility=False)))
        rows.append(dict(school_id=school_id, external_id=f"self:{person['mis_id']}", name=name,
                         email=_email(name, person["mis_id"]), phone=phone,
                         telegram_chat_id=chat, language=person["language"],
                         channels=channels))
        if summary.setting != "college":
            continue
        first = rng.choice(NAMES[person["language"]][0])
        links.append((sid, len(rows), dict(relationship=rng.choice(CARER_RELATIONSHIPS),
                                           priority=1, parental_responsibility=True)))
        rows.append(dict(school_id=school_id, external_id=f"DEMO-P{person['mis_id']}",
                         name=f"{first} {person['last_name']}",
                         email=_email(f"{first} {person['last_name']}", f"p{n}"),
                         phone=f"+447700900{(n * 7) % 999 + 1:03d}",
                         language=person["language"], channels=["sms", "email"]))
        if person["course_code"] in APPRENTICESHIPS:
            employer = EMPLOYERS[n % len(EMPLOYERS)]
            if employer not in employers:
                employers[employer] = len(rows)
                rows.append(dict(school_id=school_id, external_id=f"DEMO-E{len(employers)}",
                                 name=employer, email=_email(employer, "apprentices"),
                                 language="en", channels=["email"]))
            links.append((sid, employers[employer], dict(
                relationship="employer", priority=1, parental_responsibility=False,
                tell_absence=True, tell_reason=False)))
    contact_ids = insert_rows(session, Contact, rows)
    insert_rows(session, StudentContact, [
        dict(student_id=sid, contact_id=contact_ids[index], **extra)
        for sid, index, extra in links])
    summary.contacts = len(rows)


def _email(name: str, tag: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    local = ".".join("".join(c for c in word if c.isalnum()) for word in plain.split())
    return f"{local}.{tag}@example.org".replace("..", ".")


def _staff(session: Session, rng: random.Random, school_id: int, password: str, courses: Any,
           summary: InstitutionSummary) -> tuple[dict[str, tuple[list[int], int]],
                                                 list[tuple[int, str]]]:
    """The engagement team, UKVI compliance, safeguarding and an admin; per course a Senior
    Tutor and enough Personal Tutors for about fifty students each. Returns, per course,
    (its Personal Tutors' ids, its Senior Tutor's id), and every tutor's (id, name)."""
    password_hash = make_hash(password)
    rows = [dict(email=email, name=name, role=role, password_hash=password_hash)
            for name, email, role in INSTITUTION_STAFF]
    plan: list[tuple[str, bool]] = []
    sizes = YEAR_SIZES[summary.setting]
    firsts, surnames, _ = NAMES["en"]
    taken: set[str] = set()
    for code, *_ in courses:
        for senior in [True] + [False] * max(1, round(sum(sizes) / TUTEES)):
            first, last = rng.choice(firsts), rng.choice(surnames)
            while f"{first} {last}" in taken:
                first, last = rng.choice(firsts), rng.choice(surnames)
            taken.add(f"{first} {last}")
            rows.append(dict(email=_email(f"{first} {last}", code.lower()),
                             name=f"{rng.choice(TUTOR_TITLES)} {first} {last}",
                             role=TUTOR, password_hash=password_hash))
            plan.append((code, senior))
    ids = insert_rows(session, StaffUser, rows)
    insert_rows(session, StaffSchool, [dict(user_id=u, school_id=school_id) for u in ids])
    tutors: dict[str, tuple[list[int], int]] = {}
    for user_id, (code, senior) in zip(ids[len(INSTITUTION_STAFF):], plan, strict=True):
        personal, senior_id = tutors.get(code, ([], 0))
        tutors[code] = (personal, user_id) if senior else ([*personal, user_id], senior_id)
    summary.tutors = len(plan)
    summary.staff = [(row["email"], row["role"]) for row in rows]
    staff = [(user_id, row["name"]) for user_id, row in zip(ids, rows, strict=True)
             if row["role"] == TUTOR]
    return tutors, staff
