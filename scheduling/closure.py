"""An emergency closure (a snow day, a burst pipe): declared for today by an admin, it closes
the school in the calendar, stops today's remaining runs, codes today's uncoded sessions `Y4`
(whole site unexpectedly closed; `#` is for planned closures) and tells the families already
messaged today, in their language, through the outbox.

All in the caller's one transaction: the closure is there with everything it did, or nothing.
The runs need no cancelling of their own: a run asks the calendar first (store/calendar.py),
which now says "emergency", so every run still to fire today finds the school closed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlmodel import Session

from channels.texts import render
from scheduling.scheduler import daily_times
from scheduling.wording import message_language
from store import calendar
from store.calendar_entries import add_emergency, emergency_on
from store.clock import Clock
from store.closures import (
    Messaged,
    cancel_unsent_run_messages,
    contacts_messaged,
    runs_taken,
    uncoded_sessions,
)
from store.errors import Forbidden, InvalidInput, NotFound
from store.marks import RegisterEntry, insert_register_marks
from store.models.schools import School, SchoolDay
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.runs import lock_run
from store.schools import school_by_id
from store.staff import school_ids_of

log = logging.getLogger(__name__)

NOTICE = "closure.emergency"  # the message key, and the outbox kind of the notices
CLOSED_CODE = "Y4"
CANCELLED_WHY = "school closed: emergency closure"


@dataclass(frozen=True, slots=True)
class ClosurePlan:
    """What declaring a closure now would do (the confirm step shows it) or did."""

    school: School
    day: date
    runs_stopped: tuple[str, ...]  # today's runs that have not happened yet, in time order
    sessions_coded: int  # uncoded AM/PM sessions that get Y4
    families_told: int  # families already messaged today
    messages_cancelled: int = 0  # run messages not yet sent (only once declared)


def plan_closure(session: Session, clock: Clock, *, user: StaffUser, school_id: int) -> ClosurePlan:
    """What an emergency closure of `school_id` today would do; refuses (Forbidden, NotFound,
    InvalidInput) exactly when declaring it would."""
    school = _school(session, user, school_id)
    day = calendar.local_day(school, clock.now())
    if (found := emergency_on(session, school_id=school_id, day=day)) is not None:
        raise InvalidInput(
            f"{school.name} is already closed today: an emergency closure was "
            f"declared ({found.note or 'no note'})"
        )
    if (why := calendar.closed_because(session, school, day)) is not None:
        raise InvalidInput(f"today is not a school day at {school.name} ({why})")
    return ClosurePlan(
        school=school,
        day=day,
        runs_stopped=_runs_left(session, clock, school),
        sessions_coded=len(uncoded_sessions(session, school_id=school_id, day=day)),
        families_told=len(_families(session, school, day)),
    )


def declare_emergency_closure(
    session: Session, clock: Clock, *, user: StaffUser, school_id: int, note: str = ""
) -> ClosurePlan:
    """Close the school for the rest of today (audited): see the module's docstring."""
    # Two admins pressing at once on two nodes: the second waits here (PostgreSQL; SQLite has
    # one writer), then finds today already closed and is refused, so nobody is told twice.
    lock_run(session, school_id=school_id, day=clock.now().date(), kind="emergency closure")
    plan = plan_closure(session, clock, user=user, school_id=school_id)
    school, day, actor = plan.school, plan.day, f"staff:{user.id}"
    why = f"emergency closure{': ' + note.strip() if note.strip() else ''}"
    add_emergency(session, clock, school_id=school_id, day=day, note=note, actor=actor)
    cancelled = cancel_unsent_run_messages(session, school_id=school_id, day=day, why=CANCELLED_WHY)
    entries = [
        RegisterEntry(student_id=student_id, day=day, session=name, code=CLOSED_CODE)
        for student_id, name in uncoded_sessions(session, school_id=school_id, day=day)
    ]
    insert_register_marks(
        session, clock, school_id=school_id, entries=entries, actor=actor, staff_reason=why
    )
    told = _tell_families(session, clock, school, day)
    log.info(
        "emergency closure school=%s day=%s runs_stopped=%s coded=%s cancelled=%s told=%s",
        school_id,
        day,
        len(plan.runs_stopped),
        len(entries),
        cancelled,
        told,
    )
    return ClosurePlan(
        school=school,
        day=day,
        runs_stopped=plan.runs_stopped,
        sessions_coded=len(entries),
        families_told=told,
        messages_cancelled=cancelled,
    )


def closure_today(session: Session, clock: Clock, *, school: School) -> SchoolDay | None:
    """The emergency closure declared for the school today, if any."""
    assert school.id is not None
    return emergency_on(session, school_id=school.id, day=calendar.local_day(school, clock.now()))


def _school(session: Session, user: StaffUser, school_id: int) -> School:
    school = school_by_id(session, school_id)
    if school is None or user.id is None or school_id not in school_ids_of(session, user.id):
        raise NotFound("not found")  # never confirm that another school exists
    if user.role != "admin" or not user.active:
        raise Forbidden("only an admin may close the school")
    return school


def _runs_left(session: Session, clock: Clock, school: School) -> tuple[str, ...]:
    assert school.id is not None
    now = calendar.local_now(school, clock.now())
    taken = runs_taken(session, school_id=school.id, day=now.date())
    left = sorted(
        (at, kind)
        for kind, at in daily_times(school).items()
        if at >= now.time() and kind not in taken
    )
    return tuple(kind for _, kind in left)


def _families(session: Session, school: School, day: date) -> list[Messaged]:
    assert school.id is not None
    since = calendar.local_time(school, day, time(0, 0))
    return contacts_messaged(
        session, school_id=school.id, since=since, until=since + timedelta(days=1), kind_not=NOTICE
    )


def _tell_families(session: Session, clock: Clock, school: School, day: date) -> int:
    """One notice to each family messaged today, on the channel their latest message went by,
    in their language (Welsh then English at a bilingual school)."""
    told = 0
    for messaged in _families(session, school, day):
        contact = messaged.contact
        language, bilingual = message_language(
            contact.language, welsh_bilingual=school.welsh_bilingual
        )
        body = render(
            NOTICE,
            language,
            channel=messaged.channel,
            bilingual=bilingual,
            params={"school": school.name, "date": day},
        )
        enqueue(
            session,
            clock,
            channel=messaged.channel,
            to_address=messaged.address,
            body=body,
            kind=NOTICE,
            language=language,
            school_id=school.id,
            contact_id=contact.id,
        )
        told += 1
    return told
