"""The school calendar: which days a school's runs happen on, and when it may be messaged.

A school day is a weekday that is not a bank holiday in the school's nation (the `holidays`
package: England, Wales, Scotland and Northern Ireland differ), falls inside a term when the
school has entered term dates, is not an INSET day, school holiday, planned closure or emergency
closure (a snow day declared that morning), and has no register mark coded `#` (planned
whole-school closure). Quiet hours are in the school's own timezone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from dateutil.easter import easter  # type: ignore[import-untyped]  # (holidays needs it)
from sqlmodel import Session, col, select

from store.models.marks import Mark
from store.models.schools import School, SchoolDay

# The kinds of calendar entry: "term" rows say when the school is open (days outside every
# term are closed once any is entered); the others each close the days they cover.
# "emergency" is only ever declared for today (scheduling/closure.py), never typed in.
KINDS = ("term", "inset", "holiday", "closure", "emergency")
EDITABLE_KINDS = ("term", "inset", "holiday", "closure")
CLOSED_KINDS = ("inset", "holiday", "closure", "emergency")


def is_school_day(session: Session, school: School, day: date) -> bool:
    """True when the school expects its students in on `day` (so runs should happen)."""
    return closed_because(session, school, day) is None


def closed_because(session: Session, school: School, day: date) -> str | None:
    """Why `day` is not a school day ("weekend", "bank holiday: ...", "inset", ...), or None."""
    return _Closures.load(session, school, day, day).why(day)


def closed_days(session: Session, school: School, start: date, end: date) -> frozenset[date]:
    """The weekdays from `start` to `end` the school is closed on (bank holidays, INSET days,
    closures, days outside term, `#` days): the facts the engine reads dates against.
    Weekends are left out; the engine knows them."""
    closures = _Closures.load(session, school, start, end)
    days, day = set(), start
    while day <= end:
        if day.weekday() < 5 and closures.why(day) is not None:
            days.add(day)
        day += timedelta(days=1)
    return frozenset(days)


def latest_school_day(session: Session, school: School, day: date, *,
                      within: int = 60) -> date | None:
    """The latest school day on or before `day` (looking back `within` days at most)."""
    closures = _Closures.load(session, school, day - timedelta(days=within), day)
    return next((day - timedelta(days=back) for back in range(within + 1)
                 if closures.why(day - timedelta(days=back)) is None), None)


def school_weeks_start(session: Session, school: School, day: date, weeks: int) -> date:
    """The Monday that opens a window of `weeks` school weeks ending with the week of `day`.

    A school week is a Monday-to-Sunday week with at least one school day, so holidays stretch
    the window instead of using it up, and it runs back across terms and school years (the
    national framework's "10 school weeks"). Looks back at most two years."""
    monday = day - timedelta(days=day.weekday())
    earliest = monday - timedelta(weeks=104)
    closures = _Closures.load(session, school, earliest, day)
    found = 0
    while monday > earliest:
        if any(closures.why(monday + timedelta(days=offset)) is None for offset in range(5)):
            found += 1
            if found == weeks:
                return monday
        monday -= timedelta(weeks=1)
    return monday


# The calendar kinds that close the institution to its staff too: term holidays and INSET
# days are working days, a closure (a snow day, the Christmas shutdown) is not.
STAFF_CLOSED_KINDS = ("closure", "emergency")


def working_days_after(session: Session, school: School, day: date, days: int) -> date:
    """The `days`-th working day after `day`: weekends, the nation's bank holidays and the
    school's closures are not working days (a clock of working days, such as the 10 a visa
    sponsor has to report in)."""
    closures = _Closures.load(session, school, day, day + timedelta(days=days * 3 + 30))
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if closures.working(day):
            counted += 1
    return day


def working_days_between(session: Session, school: School, start: date, end: date) -> int:
    """The working days after `start` up to and including `end` (0 when `end` is not later)."""
    closures = _Closures.load(session, school, start, end)
    return sum(1 for n in range(1, (end - start).days + 1)
               if closures.working(start + timedelta(days=n)))


# A gap between two entered terms this short (a week's half-term and its weekends) is a break
# inside one term, not the end of a term: schools enter half-terms as terms of their own.
HALF_TERM_GAP = timedelta(days=10)


def term_start(session: Session, school: School, day: date) -> date:
    """The first day of the term `day` is in (or, in a holiday, of the term just ended).

    From the school's term dates when it has entered them, half-terms joined; otherwise the
    usual English terms: autumn from 1 August, spring from 1 January, summer from Easter
    Monday."""
    assert school.id is not None
    terms = sorted((row.start, row.end) for row in session.exec(select(SchoolDay).where(
        SchoolDay.school_id == school.id, SchoolDay.kind == "term", col(SchoolDay.start) <= day)))
    if not terms:
        return _usual_term_start(day)
    start = terms[-1][0]
    for earlier_start, earlier_end in reversed(terms[:-1]):
        if start - earlier_end > HALF_TERM_GAP:
            break
        start = earlier_start
    # Term dates entered only for an earlier year say nothing about this one.
    return max(start, school_year_start(day))


def school_year_start(day: date) -> date:
    """1 August: the school year the DfE's attendance figures count (August to July)."""
    return date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def _usual_term_start(day: date) -> date:
    summer: date = easter(day.year) + timedelta(days=1)
    if day.month >= 8:
        return date(day.year, 8, 1)
    return summer if day >= summer else date(day.year, 1, 1)


def days_closed_because(session: Session, school: School, start: date,
                        end: date) -> dict[date, str | None]:
    """Every day from `start` to `end` with why the school is closed on it (None: open), for
    the console's month view: the same rule, read once for the window."""
    closures = _Closures.load(session, school, start, end)
    return {start + timedelta(days=n): closures.why(start + timedelta(days=n))
            for n in range((end - start).days + 1)}


@dataclass(frozen=True, slots=True)
class _Closures:
    """What one school's calendar says about a window of days, read in two queries: the one
    rule of what a school day is, for one day (runs) or a window (the engine's facts)."""

    country: str
    rows: tuple[SchoolDay, ...]
    hash_days: frozenset[date]

    @classmethod
    def load(cls, session: Session, school: School, start: date, end: date) -> _Closures:
        assert school.id is not None
        rows = tuple(session.exec(select(SchoolDay).where(SchoolDay.school_id == school.id)))
        hash_days = frozenset(session.exec(select(col(Mark.day)).where(
            Mark.school_id == school.id, col(Mark.day) >= start, col(Mark.day) <= end,
            Mark.code == "#").distinct()))
        return cls(school.country, rows, hash_days)

    def why(self, day: date) -> str | None:
        if day.weekday() >= 5:
            return "weekend"
        holiday = bank_holidays(self.country, day.year).get(day)
        if holiday:
            return f"bank holiday: {holiday}"
        for row in self.rows:
            if row.kind in CLOSED_KINDS and row.start <= day <= row.end:
                return row.kind
        terms = [row for row in self.rows if row.kind == "term"]
        if terms and not any(row.start <= day <= row.end for row in terms):
            return "outside term"
        if day in self.hash_days:
            return "closure (# marks)"
        return None

    def working(self, day: date) -> bool:
        """Staff work on `day`: a weekday, no bank holiday, no closure of the institution."""
        if day.weekday() >= 5 or bank_holidays(self.country, day.year).get(day):
            return False
        return not any(row.kind in STAFF_CLOSED_KINDS and row.start <= day <= row.end
                       for row in self.rows)


@lru_cache(maxsize=64)
def bank_holidays(country: str, year: int) -> holidays.HolidayBase:
    """The bank holidays of a school's nation: "GB-SCT" is Scotland, "IE" Ireland, and so on."""
    code, _, subdivision = country.partition("-")
    return holidays.country_holidays(code, subdiv=subdivision or None, years=year)


def local_time(school: School, day: date, at: time) -> datetime:
    """The aware UTC instant of a wall-clock time on a day in the school's timezone."""
    zone = ZoneInfo(school.timezone)
    return datetime.combine(day, at, tzinfo=zone).astimezone(ZoneInfo("UTC"))


def local_day(school: School, instant: datetime) -> date:
    """The school's calendar date at an instant."""
    return instant.astimezone(ZoneInfo(school.timezone)).date()


def local_now(school: School, instant: datetime) -> datetime:
    """An instant on the school's wall clock."""
    return instant.astimezone(ZoneInfo(school.timezone))


def in_quiet_hours(school: School, instant: datetime) -> bool:
    """True when `instant` falls in the school's quiet hours (default 20:00-07:30 local)."""
    wall = instant.astimezone(ZoneInfo(school.timezone)).time()
    return quiet_at(wall, start=school.quiet_start, end=school.quiet_end)


def quiet_at(wall: time, *, start: time, end: time) -> bool:
    """True when a wall-clock time falls in quiet hours from `start` to `end`."""
    if start <= end:  # a window inside one day, e.g. 12:00-13:00
        return start <= wall < end
    return wall >= start or wall < end


def quiet_hours_end(school: School, instant: datetime) -> datetime:
    """The first instant at or after `instant` outside quiet hours (aware UTC)."""
    if not in_quiet_hours(school, instant):
        return instant
    zone = ZoneInfo(school.timezone)
    wall = instant.astimezone(zone)
    end_day = wall.date()
    if school.quiet_start > school.quiet_end and wall.time() >= school.quiet_start:
        end_day += timedelta(days=1)
    return local_time(school, end_day, school.quiet_end)
