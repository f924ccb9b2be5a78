"""The demo school: a realistic, entirely invented secondary school with a school day's registers.

About 1,200 students in years 7-13, their families in a dozen languages (siblings share their
contacts), a few contacts reachable only by email or only by Telegram chat, the morning register
of the latest school day (today on a school day; on a weekend or a holiday the school day
before it) with about 6% unexplained absences (N) and 3% lates (L), and three members of
staff.
Phones are only +447700900001..+447700900999 (Ofcom's drama range) and emails only
@example.org, so with over a thousand contacts some numbers are shared between families: that
is how the demo shows rollcall asking "which child?".

Rows are inserted set-wise (store/bulk.py: a COPY per table on PostgreSQL), so it takes well
under 5 s. The same seed gives the same school every time.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import Session, select

from store.audit import audit
from store.bulk import insert_rows
from store.calendar import latest_school_day
from store.clock import Clock
from store.demo_history import add_history
from store.demo_names import CARER_RELATIONSHIPS, NAMES, STAFF
from store.marks import status_for_register_code
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from store.passwords import make_hash
from store.schools import add_school

SCHOOL_NAME = "Kestrel Vale Academy"
YEARS = {"7": 200, "8": 200, "9": 200, "10": 200, "11": 200, "12": 100, "13": 100}
FORMS = "KESTRLV"  # registration groups 7K, 7E, ...; sixth form uses the first four
ABSENT_SHARE, LATE_SHARE = 0.06, 0.03
OFFICE_PHONE = "+447700900000"


@dataclass(slots=True)
class DemoSummary:
    school_id: int
    school_name: str
    api_token: str
    students: int = 0
    families: int = 0
    contacts: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    email_only: int = 0
    chat_only: int = 0
    shared_phones: int = 0
    day: str = ""
    marks: Counter[str] = field(default_factory=Counter)
    history: int = 0  # marks of the school year before the demo's day
    staff: list[tuple[str, str]] = field(default_factory=list)  # (email, role)

    def lines(self, password: str) -> list[str]:
        """What `rollcall demo` prints about what it made."""
        languages = ", ".join(f"{lang} {n}" for lang, n in self.languages.most_common())
        return [
            f"demo school {self.school_id}: {self.school_name}",
            f"  {self.students} students in years 7-13, {self.families} families",
            f"  {self.contacts} contacts ({self.email_only} email only, {self.chat_only} "
            f"Telegram only; {self.shared_phones} phone numbers shared by two or more)",
            f"  family languages: {languages}",
            f"  registers for {self.day} (AM): {self.marks['N']} absent (N), "
            f"{self.marks['L']} late (L), {self.marks['/']} present",
            *([f"  the school year before it: {self.history:,} marks"] if self.history else []),
            *(f"  staff: {email} ({role})" for email, role in self.staff),
            f"  staff password: {password}",
            f"  REST API token for school {self.school_id}: {self.api_token}",
        ]


def store_is_empty(session: Session) -> bool:
    return session.exec(select(func.count()).select_from(School)).one() == 0


def create_demo(session: Session, clock: Clock, *, password: str,
                seed: int = 20261123, history: bool = False) -> DemoSummary:
    """Fill an empty store with the demo school (see the module docstring); with `history`,
    the school year's registers before today too (store/demo_history.py)."""
    rng = random.Random(seed)
    school, token = add_school(session, clock, name=SCHOOL_NAME)
    school.phone = OFFICE_PHONE
    session.add(school)
    school_id = school.id or 0
    summary = DemoSummary(school_id=school_id, school_name=school.name, api_token=token)
    families = _families(rng)
    student_rows = [dict(school_id=school_id, **s) for fam in families for s in fam["students"]]
    student_ids = insert_rows(session, Student, student_rows)
    contact_rows, links = _contacts(rng, families, student_ids, school_id, summary)
    contact_ids = insert_rows(session, Contact, contact_rows)
    insert_rows(session, StudentContact, [dict(student_id=s, contact_id=contact_ids[c], **extra)
                                      for s, c, extra in links])
    summary.day = _registers(session, rng, clock, school, student_ids, summary)
    if history:
        summary.history = add_history(session, rng, school, student_ids,
                                      today=date.fromisoformat(summary.day))
    _staff(session, school_id, password, summary)
    summary.students, summary.families = len(student_ids), len(families)
    summary.contacts = len(contact_rows)
    audit(session, clock, actor="system", action="demo.created", entity="school",
          entity_id=school_id, school_id=school_id,
          new=f"{summary.students} students, {summary.contacts} contacts")
    return summary


def _families(rng: random.Random) -> list[dict[str, Any]]:
    """Families of one to three children, spread across the years, each with a language."""
    places = [year for year, count in YEARS.items() for _ in range(count)]
    rng.shuffle(places)
    languages = list(NAMES)
    weights = [NAMES[lang][2] for lang in languages]
    families: list[dict[str, Any]] = []
    mis_id = 4000
    while places:
        size = min(len(places), rng.choices((1, 2, 3), weights=(60, 30, 10))[0])
        language = rng.choices(languages, weights=weights)[0]
        firsts, surnames, _ = NAMES[language]
        surname = rng.choice(surnames)
        students = []
        for year in (places.pop() for _ in range(size)):
            mis_id += 1
            forms = FORMS[:4] if int(year) >= 12 else FORMS
            students.append(dict(mis_id=str(mis_id), first_name=rng.choice(firsts),
                                 last_name=surname, year_group=year,
                                 reg_group=f"{year}{rng.choice(forms)}",
                                 upn=f"K{rng.randrange(10**10, 10**11)}{rng.randrange(10)}"))
        families.append(dict(language=language, surname=surname, students=students))
    return families


def _contacts(rng: random.Random, families: list[dict[str, Any]], student_ids: list[int],
              school_id: int, summary: DemoSummary
              ) -> tuple[list[dict[str, Any]], list[tuple[int, int, dict[str, Any]]]]:
    """One or two carers per family (sixth formers sometimes their own chat), and the links."""
    rows: list[dict[str, Any]] = []
    links: list[tuple[int, int, dict[str, Any]]] = []
    phones: Counter[str] = Counter()
    ids = iter(student_ids)
    for family in families:
        kids = [next(ids) for _ in family["students"]]
        carers = 2 if rng.random() < 0.35 else 1
        for priority in range(1, carers + 1):
            row = _carer(rng, family, len(rows), school_id)
            if row["phone"]:
                phones[row["phone"]] += 1
            summary.email_only += row["channels"] == ["email"]
            summary.chat_only += row["channels"] == ["telegram"]
            summary.languages[row["language"]] += 1
            link = dict(relationship=row.pop("relationship"), priority=priority,
                        parental_responsibility=True)
            links += [(kid, len(rows), link) for kid in kids]
            rows.append(row)
        for kid, student in zip(kids, family["students"], strict=True):
            if int(student["year_group"]) >= 12 and rng.random() < 0.15:
                rows.append(dict(school_id=school_id, external_id=f"DEMO-S{student['mis_id']}",
                                 name=f"{student['first_name']} {student['last_name']}",
                                 telegram_chat_id=str(700_000_000 + len(rows)),
                                 language=family["language"], channels=["telegram"]))
                summary.chat_only += 1
                summary.languages[family["language"]] += 1
                links.append((kid, len(rows) - 1, dict(relationship="self", priority=1,
                                                       parental_responsibility=False)))
    summary.shared_phones = sum(1 for n in phones.values() if n > 1)
    return rows, links


def _carer(rng: random.Random, family: dict[str, Any], index: int,
           school_id: int) -> dict[str, Any]:
    firsts, _, _ = NAMES[family["language"]]
    first = rng.choice(firsts)
    name = f"{first} {family['surname']}"
    email: str | None = f"{_ascii(first)}.{_ascii(family['surname'])}{index}@example.org"
    phone: str | None = f"+447700900{index % 999 + 1:03d}"
    chat: str | None = str(600_000_000 + index) if rng.random() < 0.10 else None
    channels = ["telegram", "sms", "email"] if chat else ["sms", "email"]
    if index % 97 == 13:  # a few families gave only an email address
        phone, chat, channels = None, None, ["email"]
    elif index % 131 == 29:  # and a few only ever answer on Telegram
        phone, email, chat, channels = None, None, str(600_000_000 + index), ["telegram"]
    return dict(school_id=school_id, external_id=f"DEMO-C{index + 1:05d}", name=name,
                phone=phone, email=email, telegram_chat_id=chat, language=family["language"],
                channels=channels, relationship=rng.choice(CARER_RELATIONSHIPS))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "")


def _registers(session: Session, rng: random.Random, clock: Clock, school: School,
               student_ids: list[int], summary: DemoSummary) -> str:
    """The latest school day's morning register (by the school's own date and calendar): ~6%
    N, ~3% L, the rest present."""
    today = clock.now().astimezone(ZoneInfo(school.timezone)).date()
    day = latest_school_day(session, school, today) or today
    shuffled = rng.sample(student_ids, len(student_ids))
    absent = round(len(shuffled) * ABSENT_SHARE)
    late = round(len(shuffled) * LATE_SHARE)
    codes = ["N"] * absent + ["L"] * late + ["/"] * (len(shuffled) - absent - late)
    now = clock.now()
    rows = [dict(school_id=school.id, student_id=sid, day=day, session="AM", code=code,
                 reason_status=status_for_register_code(code),
                 source="demo", set_by="demo", updated_at=now)
            for sid, code in zip(shuffled, codes, strict=True)]
    insert_rows(session, Mark, rows)
    summary.marks.update(codes)
    return day.isoformat()


def _staff(session: Session, school_id: int, password: str, summary: DemoSummary) -> None:
    """An admin, an attendance officer and a safeguarding lead, all with the demo password."""
    password_hash = make_hash(password)
    rows = [dict(email=email, name=name, role=role, password_hash=password_hash)
            for name, email, role in STAFF]
    user_ids = insert_rows(session, StaffUser, rows)
    insert_rows(session, StaffSchool, [dict(user_id=u, school_id=school_id) for u in user_ids])
    summary.staff = [(email, role) for _, email, role in STAFF]
