"""What an emergency closure reads and changes in the store: today's unsent run messages, the
register sessions nobody has coded yet, and the families already messaged today.

scheduling/closure.py decides and composes; these are its queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select, update

from store.contacts import may_be_written_to
from store.models.marks import Mark
from store.models.outbound import Outbox, Run
from store.models.people import Contact, Student

# A message that went: the family may have read it.
WENT = ("sent", "delivered")
SESSIONS = ("AM", "PM")


@dataclass(frozen=True, slots=True)
class Messaged:
    """A contact messaged today, and where their latest message went."""

    contact: Contact
    channel: str
    address: str


def cancel_unsent_run_messages(session: Session, *, school_id: int, day: date, why: str) -> int:
    """Cancel the school's run messages for `day` still waiting to be sent; how many."""
    runs = select(Run.id).where(Run.school_id == school_id, Run.day == day)
    result = session.connection().execute(
        update(Outbox)
        .where(
            col(Outbox.school_id) == school_id,
            col(Outbox.status) == "pending",
            col(Outbox.run_id).in_(runs),
        )
        .values(status="cancelled", error_code=why)
    )
    return int(result.rowcount or 0)


def runs_taken(session: Session, *, school_id: int, day: date) -> set[str]:
    """The kinds of run already taken for the school on `day`."""
    return set(session.exec(select(Run.kind).where(Run.school_id == school_id, Run.day == day)))


def uncoded_sessions(session: Session, *, school_id: int, day: date) -> list[tuple[int, str]]:
    """(student id, session) of every AM and PM session on `day` with no mark yet."""
    students = list(
        session.exec(
            select(Student.id).where(Student.school_id == school_id).order_by(col(Student.id))
        )
    )
    taken = set(
        session.exec(
            select(Mark.student_id, Mark.session).where(
                Mark.school_id == school_id, Mark.day == day
            )
        ).all()
    )
    return [
        (student_id, name)
        for student_id in students
        if student_id is not None
        for name in SESSIONS
        if (student_id, name) not in taken
    ]


def contacts_messaged(
    session: Session, *, school_id: int, since: datetime, until: datetime, kind_not: str
) -> list[Messaged]:
    """The families whose messages from the school went between `since` and `until`, with the
    channel and address of the latest; not those already sent a `kind_not` message then."""
    window = (
        col(Outbox.school_id) == school_id,
        col(Outbox.contact_id).is_not(None),
        col(Outbox.created_at) >= since,
        col(Outbox.created_at) < until,
    )
    told = set(session.exec(select(Outbox.contact_id).where(*window, Outbox.kind == kind_not)))
    latest: dict[int, tuple[str, str]] = {}
    for contact_id, channel, address in session.exec(
        select(Outbox.contact_id, Outbox.channel, Outbox.to_address)
        .where(*window, col(Outbox.status).in_(WENT), Outbox.kind != kind_not)
        .order_by(col(Outbox.created_at), col(Outbox.id))
    ):
        if contact_id is not None and contact_id not in told:
            latest[contact_id] = (channel, address)
    contacts = session.exec(
        select(Contact).where(col(Contact.id).in_(sorted(latest))).order_by(col(Contact.id))
    )
    return [
        Messaged(contact, *latest[contact.id])
        for contact in contacts
        if contact.id is not None and may_be_written_to(contact)
    ]
