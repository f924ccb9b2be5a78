"""The demo institution's week: each module's weekly lecture and seminars on the five school
days before today, every student's attendance at them, and today's timetable not taken yet.

Students attend as real cohorts do: most nearly always (a few late, the odd absence), some
patchily, a few stopped coming midweek (disengaging: what the engagement rules are for), a few
came to nothing all week, and some were ill for two days and self-certified (authorised, set by
the bot). Nine o'clock lectures and Friday afternoons are missed more. Visa-sponsored students
are among the disengaged too, so the sponsor's policy has someone to show.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from store.bulk import insert_rows, write_rows
from store.calendar import closed_days
from store.models.events import EventAttendance, SelfCertification, TimetableEvent
from store.models.schools import School

SEMINAR_SIZE = 20
LECTURE_AT, SEMINARS_FROM = time(9), 10  # seminars at 10:00, 11:00 ... one hour each
# (pattern, share of students, chance of missing an event, chance of being late)
PATTERNS = (("steady", 0.78, 0.04, 0.04), ("patchy", 0.12, 0.22, 0.08),
            ("low", 0.04, 0.45, 0.05), ("disengaging", 0.03, 0.05, 0.05),
            ("stopped", 0.015, 1.0, 0.0), ("self-certified", 0.015, 0.04, 0.04))
VISA_DISENGAGED = 3  # visa-sponsored students among the disengaging
ILL = ("I've got flu, staying in bed today and tomorrow", "Migraine, can't look at a screen",
       "Stomach bug since last night, sorry", "Tonsillitis, the GP said rest for two days",
       "Really bad cold and a temperature")


@dataclass(frozen=True, slots=True)
class Cohort:
    """One course's year of study: its modules and students, and staff to teach seminars."""

    course: str
    course_name: str
    year: str
    modules: tuple[tuple[str, str], ...]
    student_ids: list[int]
    staff: list[tuple[int, str]]


@dataclass(slots=True)
class Week:
    events: int = 0
    days: list[date] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    patterns: Counter[str] = field(default_factory=Counter)


def add_week(session: Session, rng: random.Random, *, school: School, cohorts: list[Cohort],
             today: date, visa: set[int], now: datetime) -> Week:
    """The week's events and attendance (see the module doc), set-wise."""
    days = _school_days_before(session, school, today)
    week = Week(days=days)
    open_today = today.weekday() < 5 and today not in closed_days(session, school, today, today)
    patterns = _patterns(rng, [s for c in cohorts for s in c.student_ids], visa)
    week.patterns.update(patterns.values())
    zone = ZoneInfo(school.timezone)
    events: list[dict[str, Any]] = []
    seats: list[list[int]] = []
    for cohort in cohorts:
        for event, students in _cohort_events(cohort, [*days, *([today] if open_today else [])]):
            events.append(event)
            seats.append(students)
    ids = insert_rows(session, TimetableEvent, [
        dict({k: v for k, v in event.items() if k != "local_start"}, school_id=school.id,
             starts_at=_at(event, zone), ends_at=_at(event, zone) + timedelta(hours=1))
        for event in events])
    rows = []
    for event_id, event, students in zip(ids, events, seats, strict=True):
        for student_id in students:
            status = ("not_taken" if event["day"] >= today else
                      _status(rng, patterns[student_id], event, days))
            rows.append(dict(school_id=school.id, event_id=event_id, student_id=student_id,
                             day=event["day"], status=status,
                             set_by="bot" if status == "authorised" else "import",
                             updated_at=now))
    write_rows(session, EventAttendance, rows)
    _self_certifications(session, rng, school_id=school.id or 0, days=days, now=now,
                         students=[s for s, p in patterns.items() if p == "self-certified"])
    week.events = len(ids)
    week.statuses.update(row["status"] for row in rows)
    return week


def _self_certifications(session: Session, rng: random.Random, *, school_id: int,
                         days: list[date], now: datetime, students: list[int]) -> None:
    """What the self-certified students told the bot: ill on the week's second and third
    days, within the policy (their events there are authorised, set by the bot)."""
    write_rows(session, SelfCertification, [
        dict(school_id=school_id, student_id=student_id, intent="illness", start=days[1],
             end=days[2], status="confirmed", reason_text=rng.choice(ILL), created_at=now)
        for student_id in students])


def _school_days_before(session: Session, school: School, today: date) -> list[date]:
    """The five school days before `today` (weekdays the school is open: no bank holiday)."""
    closed = closed_days(session, school, today - timedelta(days=28), today)
    days: list[date] = []
    day = today - timedelta(days=1)
    while len(days) < 5:
        if day.weekday() < 5 and day not in closed:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def _cohort_events(cohort: Cohort, days: list[date]) -> list[tuple[dict[str, Any], list[int]]]:
    """Module m's lecture on weekday m at 9:00 (the whole cohort) and its seminars on the next
    weekday (groups of about twenty, one an hour from 10:00), on each of `days`: never two
    events of one student at once."""
    groups = max(1, -(-len(cohort.student_ids) // SEMINAR_SIZE))
    found = []
    for day in days:
        for m, (code, title) in enumerate(cohort.modules):
            base = dict(course=cohort.course_name, module=f"{code} {title}", day=day)
            if m % 5 == day.weekday():
                leader = cohort.staff[m % len(cohort.staff)][1] if cohort.staff else ""
                found.append((dict(base, external_id=f"{code}-LEC-{day:%Y%m%d}",
                                   event_type="Lecture", title=f"{title} lecture",
                                   local_start=LECTURE_AT, room=f"LT{m + 1}", staff=[leader]),
                              cohort.student_ids))
            if (m + 1) % 5 != day.weekday():
                continue
            for group in range(groups):
                tutor = cohort.staff[(m + group) % len(cohort.staff)][1] if cohort.staff else ""
                found.append((dict(base, external_id=f"{code}-SEM{group + 1}-{day:%Y%m%d}",
                                   event_type="Seminar", title=f"{title} seminar {group + 1}",
                                   local_start=time(SEMINARS_FROM + group),
                                   room=f"S{cohort.year}.{group + 1:02d}", staff=[tutor]),
                              cohort.student_ids[group::groups]))
    return found


def _at(event: dict[str, Any], zone: ZoneInfo) -> datetime:
    start: time = event["local_start"]
    return datetime.combine(event["day"], start, tzinfo=zone).astimezone(UTC)


def _patterns(rng: random.Random, student_ids: list[int], visa: set[int]) -> dict[int, str]:
    names = [name for name, *_ in PATTERNS]
    shares = [share for _, share, *_ in PATTERNS]
    found = {sid: rng.choices(names, weights=shares)[0] for sid in student_ids}
    for sid in rng.sample(sorted(visa), min(VISA_DISENGAGED, len(visa))):
        found[sid] = "disengaging"
    return found


def _status(rng: random.Random, pattern: str, event: dict[str, Any], days: list[date]) -> str:
    _, _, missing, late = next(p for p in PATTERNS if p[0] == pattern)
    index = days.index(event["day"])
    if pattern == "disengaging" and index >= 1:
        missing = 0.92  # came on the first day, hardly since
    if pattern == "self-certified" and index in (1, 2):
        return "authorised"  # ill on the second and third days, said so to the bot
    if event["local_start"] == LECTURE_AT:
        missing, late = missing + 0.06, late * 2
    if event["day"].weekday() == 4 and event["local_start"].hour >= 14:
        missing += 0.05
    roll = rng.random()
    return "absent" if roll < missing else "late" if roll < missing + late else "present"
