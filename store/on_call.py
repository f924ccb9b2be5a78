"""A school's on-call list for urgent alerts (safety rule 1): who is told, and in what order.

Only safeguarding leads and admins of the school may be on it (the alerts name the concern, and
only those roles read safeguarding content), and only while their account is active. Until the
school's admin sets an order, the list is the school's safeguarding leads, then its admins. Once
an order is set (`StaffSchool.on_call_rank`: 1 first), it is that order, and a lead or admin
given no place is not called. Someone who leaves the list's roles, or whose account is
deactivated, drops off it; if nobody set is left, the list is the default again: never nobody
while the school has a lead or an admin.

How the list is used is `store.escalations`: the first person on it holds the escalation and
is alerted at once with every safeguarding lead on it; while nobody acknowledges, it passes down
the list, the next person alerted each time (with the leads again).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session, col, select

from store.errors import InvalidSetting
from store.models.staff import StaffSchool, StaffUser
from store.staff import SAFEGUARDING_ROLES

# Who may be on call: the roles that read safeguarding content (DESIGN: safety rule 5).
ON_CALL_ROLES = tuple(sorted(SAFEGUARDING_ROLES))


def on_call_list(session: Session, school_id: int | None) -> list[StaffUser]:
    """Who is told of an urgent escalation, in order (see the module's docstring); for an
    escalation of no school (a message nobody could place), every active lead and admin."""
    if school_id is None:
        stmt = select(StaffUser).where(col(StaffUser.role).in_(ON_CALL_ROLES),
                                       col(StaffUser.active))
        return _default_order(session.exec(stmt.order_by(col(StaffUser.id))).unique())
    placed = [(link, user) for link, user in _candidates(session, school_id)
              if link.on_call_rank is not None]
    if placed:
        return [user for _, user in sorted(placed, key=lambda p: (p[0].on_call_rank, p[1].id))]
    return _default_order(user for _, user in _candidates(session, school_id))


def on_call_candidates(session: Session, school_id: int) -> list[StaffUser]:
    """Everyone who may be on the school's list (its active leads and admins), by name."""
    users = [user for _, user in _candidates(session, school_id)]
    return sorted(users, key=lambda u: (u.name.lower(), u.id or 0))


def read_on_call(session: Session, *, school_id: int, emails: Sequence[str]) -> list[StaffUser]:
    """The people named, in order, or InvalidSetting saying why not: at least one, each once,
    each an active safeguarding lead or admin of the school."""
    by_email = {user.email: user for user in on_call_candidates(session, school_id)}
    wanted = [email.strip().lower() for email in emails if email.strip()]
    if not wanted:
        raise InvalidSetting("the on-call list needs at least one person: urgent alerts must "
                             "reach someone", setting="on_call", problem="on_call_empty")
    doubled = sorted({email for email in wanted if wanted.count(email) > 1})
    if doubled:
        raise InvalidSetting(f"on_call names {', '.join(doubled)} more than once",
                             setting="on_call", problem="on_call_twice",
                             people=", ".join(doubled))
    unknown = [email for email in wanted if email not in by_email]
    if unknown:
        raise InvalidSetting(f"on_call: {', '.join(unknown)} cannot be on call here: only the "
                             f"school's active {' and '.join(ON_CALL_ROLES)} staff can",
                             setting="on_call", problem="on_call_refused",
                             people=", ".join(unknown))
    return [by_email[email] for email in wanted]


def set_on_call(session: Session, *, school_id: int, user_ids: Sequence[int]) -> None:
    """The school's list is exactly these people, in this order (no audit here: the school's
    settings audit the change, `store.school_settings`)."""
    places = {user_id: rank for rank, user_id in enumerate(user_ids, start=1)}
    for link in session.exec(select(StaffSchool).where(StaffSchool.school_id == school_id)):
        link.on_call_rank = places.get(link.user_id)
        session.add(link)
    session.flush()


def _candidates(session: Session, school_id: int) -> list[tuple[StaffSchool, StaffUser]]:
    stmt = (select(StaffSchool, StaffUser)
            .join(StaffUser, col(StaffUser.id) == col(StaffSchool.user_id))
            .where(StaffSchool.school_id == school_id, col(StaffUser.role).in_(ON_CALL_ROLES),
                   col(StaffUser.active))
            .order_by(col(StaffUser.id)))
    return [(link, user) for link, user in session.exec(stmt)]


def _default_order(users: Iterable[StaffUser]) -> list[StaffUser]:
    """The school's safeguarding leads, then its admins, each in the order they were added."""
    return sorted(users, key=lambda u: (u.role != "dsl", u.id or 0))
