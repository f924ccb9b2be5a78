"""Attendance figures as the DfE counts them, for a whole school in one query.

Possible sessions are the marks whose code is present, approved activity, authorised or
unauthorised absence; `not possible` (D, X, Q, Y1-Y7) and `admin` (Z, #) codes are left out.
Attended is present plus approved educational activity; missed is authorised plus unauthorised.
Each mark is one session. Every figure is counted over three periods ending on the day asked
about (this term, this school year, a rolling window of school weeks) and the national
penalty-notice framework's count of unauthorised sessions in a rolling 10 school weeks, by one
GROUP BY over the school's marks with a CASE per code category, so it is computed on read:
a mark that changes is in the next figures asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlmodel import Session, col

from store import calendar
from store.codes import CODES, Category
from store.models.marks import Mark
from store.models.schools import School


def codes_of(*categories: Category) -> tuple[str, ...]:
    """The codes in the given categories, from the one code table."""
    return tuple(code for code, row in CODES.items() if row.category in categories)


ATTENDED_CODES = codes_of(Category.PRESENT, Category.APPROVED_ACTIVITY)
AUTHORISED_CODES = codes_of(Category.AUTHORISED)
UNAUTHORISED_CODES = codes_of(Category.UNAUTHORISED)
# The framework counts N only while it is still unexplained when the review happens; an N
# whose reason a parent has given waits for a person's decision instead.
FRAMEWORK_CODES = tuple(code for code in UNAUTHORISED_CODES if code != "N")

PERSISTENT = Fraction(1, 10)  # missing 10% or more of possible sessions
SEVERE = Fraction(1, 2)  # missing 50% or more


@dataclass(frozen=True, slots=True)
class Figures:
    """One student's sessions over one period."""

    attended: int = 0
    authorised: int = 0
    unauthorised: int = 0

    @property
    def possible(self) -> int:
        return self.attended + self.authorised + self.unauthorised

    @property
    def missed(self) -> int:
        return self.authorised + self.unauthorised

    @property
    def attendance(self) -> Fraction | None:
        """Attended over possible, exactly (None with no possible session)."""
        return Fraction(self.attended, self.possible) if self.possible else None

    @property
    def percent(self) -> float | None:
        """Attendance as a percentage for people to read, one decimal place."""
        rate = self.attendance
        return None if rate is None else round(float(rate * 100), 1)

    @property
    def persistent(self) -> bool:
        return self.possible > 0 and Fraction(self.missed, self.possible) >= PERSISTENT

    @property
    def severe(self) -> bool:
        return self.possible > 0 and Fraction(self.missed, self.possible) >= SEVERE

    @property
    def flag(self) -> str | None:
        """"severe", "persistent" or None (no possible session yet: no flag)."""
        return "severe" if self.severe else "persistent" if self.persistent else None

    def telling(self, min_possible: int) -> bool:
        """Enough possible sessions for a percentage and a flag to mean something: one absence
        out of one session is "0.0%, severe", which tells staff nothing."""
        return self.possible > 0 and self.possible >= min_possible

    @classmethod
    def of_codes(cls, codes: Iterable[str]) -> Figures:
        """The figures of a list of codes, by the same categories the query counts."""
        listed = list(codes)
        return cls(attended=sum(code in ATTENDED_CODES for code in listed),
                   authorised=sum(code in AUTHORISED_CODES for code in listed),
                   unauthorised=sum(code in UNAUTHORISED_CODES for code in listed))

    @property
    def days_missed(self) -> Fraction:
        """Missed sessions as days (two sessions a day): what a letter says to a family."""
        return Fraction(self.missed, 2)


@dataclass(frozen=True, slots=True)
class Periods:
    """Where each period starts; all of them end on `day` (inclusive)."""

    day: date
    term: date
    year: date
    rolling: date
    framework: date  # the penalty-notice framework's 10 school weeks


@dataclass(frozen=True, slots=True)
class StudentFigures:
    student_id: int
    term: Figures
    year: Figures
    rolling: Figures
    framework_unauthorised: int  # G, O, U and unexplained N in the framework's window


FRAMEWORK_WEEKS = 10


def periods_for(session: Session, school: School, day: date, *,
                rolling_weeks: int) -> Periods:
    """The periods of a school's figures on `day`, from its calendar."""
    return Periods(day=day, term=calendar.term_start(session, school, day),
                   year=calendar.school_year_start(day),
                   rolling=calendar.school_weeks_start(session, school, day, rolling_weeks),
                   framework=calendar.school_weeks_start(session, school, day,
                                                         FRAMEWORK_WEEKS))


def attendance_figures(session: Session, *, school_id: int, periods: Periods,
                       student_ids: Collection[int] | None = None) -> dict[int, StudentFigures]:
    """Every student's figures at a school (or only those given), by student id. A student
    with no mark in any period is absent from the result."""
    def counted(since: date, condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.sum(case((and_(col(Mark.day) >= since, condition), 1), else_=0))

    attended = col(Mark.code).in_(ATTENDED_CODES)
    authorised = col(Mark.code).in_(AUTHORISED_CODES)
    unauthorised = col(Mark.code).in_(UNAUTHORISED_CODES)
    framework = or_(col(Mark.code).in_(FRAMEWORK_CODES),
                    and_(col(Mark.code) == "N", col(Mark.reason_status) == "unexplained"))
    sums = [counted(since, condition)
            for since in (periods.term, periods.year, periods.rolling)
            for condition in (attended, authorised, unauthorised)]
    earliest = min(periods.term, periods.year, periods.rolling, periods.framework)
    statement = (select(col(Mark.student_id), *sums, counted(periods.framework, framework))
                 .where(col(Mark.school_id) == school_id, col(Mark.day) >= earliest,
                        col(Mark.day) <= periods.day)
                 .group_by(col(Mark.student_id)))
    if student_ids is not None:
        statement = statement.where(col(Mark.student_id).in_(list(student_ids)))
    return {row[0]: _student_figures(row) for row in session.execute(statement)}


def figures_of_students(session: Session, school: School, student_ids: Collection[int],
                        day: date, *, rolling_weeks: int = 6) -> dict[int, StudentFigures]:
    """Some students' figures on `day` (a student page, a conversation): every one asked
    about is in the result, with nothing counted when they have no marks."""
    assert school.id is not None
    periods = periods_for(session, school, day, rolling_weeks=rolling_weeks)
    found = attendance_figures(session, school_id=school.id, periods=periods,
                               student_ids=student_ids)
    empty = Figures()
    return {student_id: found.get(student_id) or StudentFigures(student_id, empty, empty,
                                                                  empty, 0)
            for student_id in student_ids}


def _student_figures(row: Iterable[int | None]) -> StudentFigures:
    student_id, *counts = (value or 0 for value in row)
    term, year, rolling = (Figures(*counts[i:i + 3]) for i in (0, 3, 6))
    return StudentFigures(student_id=student_id, term=term, year=year, rolling=rolling,
                          framework_unauthorised=counts[9])
