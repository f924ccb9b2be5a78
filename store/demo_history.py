"""The demo school's school year so far: every school day's registers before today, so that
casework has something to act on (`rollcall demo --history`).

Students are given attendance as a real school spreads it: most above 95%, some just under
(a friendly note), some under 93% (a first concern), a few persistently absent and a handful
severely, and a few families who took a term-time holiday of two weeks (`G`), which the
national framework counts. Every mark is one of the real codes, set-wise, from the same seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session

from store.bulk import insert_rows
from store.calendar import closed_days, school_year_start
from store.marks import status_for_register_code
from store.models.marks import Mark
from store.models.schools import School

# (share of students, chance each session is missed); the rest attend about 98% of sessions.
PROFILES = ((0.10, 0.045), (0.08, 0.075), (0.07, 0.14), (0.015, 0.55))
HOLIDAY_SHARE = 0.02  # a fortnight's holiday in term (10 days, 20 sessions of G)
ABSENCE_CODES = (("I", 60), ("M", 8), ("N", 4), ("O", 8), ("U", 3), ("C", 2), ("R", 2),
                 ("E", 1))
PRESENT = {"AM": "/", "PM": "\\"}


def add_history(session: Session, rng: random.Random, school: School, student_ids: list[int],
                *, today: date) -> int:
    """Registers for every school day from the start of the school year (September: the demo
    has no term dates, so August would count as term) to the day before `today`; the number
    of marks written."""
    start = school_year_start(today).replace(month=9)
    closed = closed_days(session, school, start, today)
    days = [start + timedelta(days=n) for n in range((today - start).days)]
    days = [day for day in days if day.weekday() < 5 and day not in closed]
    if not days:
        return 0
    codes, weights = zip(*ABSENCE_CODES, strict=True)
    written = 0
    for student_id in student_ids:
        rate, holiday = _profile(rng)
        away = set()
        if holiday and len(days) > 10:
            first = rng.randrange(len(days) - 10)
            away = set(days[first:first + 10])
        rows = []
        for day in days:
            for half in ("AM", "PM"):
                code = ("G" if day in away else rng.choices(codes, weights)[0]
                        if rng.random() < rate else PRESENT[half])
                rows.append(dict(school_id=school.id, student_id=student_id, day=day,
                                 session=half, code=code,
                                 reason_status=status_for_register_code(code),
                                 source="demo", set_by="demo"))
        insert_rows(session, Mark, rows)
        written += len(rows)
    return written


def _profile(rng: random.Random) -> tuple[float, bool]:
    pick, floor = rng.random(), 0.0
    holiday = rng.random() < HOLIDAY_SHARE
    for share, rate in PROFILES:
        floor += share
        if pick < floor:
            return rate, holiday
    return 0.02, holiday
