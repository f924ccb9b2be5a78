"""Attendance figures the console shows: percentages, absence flags, the morning's counts.

Attendance % = sessions attended (present or approved activity) / possible sessions, leaving out
the `not possible` and `admin` categories (domain/attendance-codes.md). Persistent absence is
missing 10% or more of possible sessions, severe absence 50% or more.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from store.codes import CODES, Category
from store.models import Mark, SchoolDay

ATTENDED = frozenset({Category.PRESENT, Category.APPROVED_ACTIVITY})
NOT_COUNTED = frozenset({Category.NOT_POSSIBLE, Category.ADMIN})
PERSISTENT_BELOW = 90.0
SEVERE_BELOW = 50.0


@dataclass(frozen=True, slots=True)
class Attendance:
    possible: int
    attended: int

    @property
    def percent(self) -> float | None:
        return None if self.possible == 0 else round(100 * self.attended / self.possible, 1)

    @property
    def flag(self) -> str | None:
        """"severe", "persistent" or None (no sessions yet: no flag)."""
        percent = self.percent
        if percent is None:
            return None
        if percent < SEVERE_BELOW:
            return "severe"
        return "persistent" if percent < PERSISTENT_BELOW else None


def attendance_of(codes: Iterable[str]) -> Attendance:
    possible = attended = 0
    for code in codes:
        definition = CODES.get(code)
        if definition is None or definition.category in NOT_COUNTED:
            continue  # a retired code from an old import is reported elsewhere, not guessed at
        possible += 1
        attended += definition.category in ATTENDED
    return Attendance(possible=possible, attended=attended)


def student_attendance(session: Session, student_id: int, start: date, end: date) -> Attendance:
    codes = session.exec(select(Mark.code).where(
        Mark.student_id == student_id, col(Mark.day) >= start, col(Mark.day) <= end))
    return attendance_of(codes)


def academic_year_start(today: date) -> date:
    """1 September of the school year `today` falls in."""
    return date(today.year if today.month >= 9 else today.year - 1, 9, 1)


def term_start(session: Session, school_id: int, today: date) -> date:
    """The first day of the term `today` falls in: from the school's term dates, else the
    conventional English terms (September, January, after Easter ~ mid-April)."""
    term = session.exec(select(SchoolDay).where(
        SchoolDay.school_id == school_id, SchoolDay.kind == "term",
        col(SchoolDay.start) <= today, col(SchoolDay.end) >= today)).first()
    if term is not None:
        return term.start
    if today.month >= 9:
        return date(today.year, 9, 1)
    return date(today.year, 1, 1) if today.month < 4 or (today.month == 4 and today.day < 15) \
        else date(today.year, 4, 15)


def reasons_by_month(marks: Iterable[Mark]) -> dict[str, Counter[str]]:
    """For each month ("2026-11"), how many absence sessions had each reason."""
    months: dict[str, Counter[str]] = {}
    for mark in marks:
        definition = CODES.get(mark.code)
        if definition is None or definition.category not in (Category.AUTHORISED,
                                                              Category.UNAUTHORISED):
            continue
        reason = mark.intent or definition.meaning
        months.setdefault(mark.day.strftime("%Y-%m"), Counter())[reason] += 1
    return dict(sorted(months.items()))
