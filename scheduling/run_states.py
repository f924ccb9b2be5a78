"""Where each of a school's runs stands today: done, due, later, or skipped and why.

The schedule is the scheduler's own (`daily_times`), the reason a day has no runs the
calendar's (`closed_because`), and a run is done when its key is taken, so this page can never
disagree with what the scheduler does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session

from scheduling.scheduler import daily_times
from store import calendar
from store.models.schools import School
from store.runs import runs_of_day


@dataclass(frozen=True, slots=True)
class RunState:
    kind: str  # the run's key: absence, late, ..., catch_up:0930
    at: time | None  # school-local; None for a run started by hand outside the schedule
    state: str  # done | running | due | later | skipped
    why: str | None = None  # skipped: the calendar's reason
    run_id: int | None = None
    messages: int = 0
    finished_at: datetime | None = None


def todays_runs(session: Session, school: School, now: datetime) -> tuple[date, list[RunState]]:
    """The school's day (its own timezone) and each run of it, in time order."""
    assert school.id is not None
    day, clock_time = calendar.local_day(school, now), calendar.local_now(school, now).time()
    closed = calendar.closed_because(session, school, day)
    taken = runs_of_day(session, school_id=school.id, day=day)
    states = []
    for kind, at in sorted(daily_times(school).items(), key=lambda item: item[1]):
        run = taken.pop(kind, None)
        if run is not None:
            states.append(_taken(kind, at, run.id, run.messages, run.finished_at))
        elif closed is not None:
            states.append(RunState(kind, at, "skipped", why=closed))
        else:
            states.append(RunState(kind, at, "due" if at <= clock_time else "later"))
    for kind, run in sorted(taken.items(), key=lambda item: item[1].started_at or now):
        local = calendar.local_now(school, run.started_at).time() if run.started_at else None
        states.append(_taken(kind, local, run.id, run.messages, run.finished_at))
    return day, states


def _taken(
    kind: str, at: time | None, run_id: int | None, messages: int, finished_at: datetime | None
) -> RunState:
    return RunState(
        kind,
        at,
        "done" if finished_at else "running",
        run_id=run_id,
        messages=messages,
        finished_at=finished_at,
    )
