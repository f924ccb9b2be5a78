"""What the engine is told about a sender: their students, those students' recent marks, policy.

The engine never reads the store; this module gathers everything one step needs into `Facts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from conversations.types import Facts, Intent, MarkFact, Policy, ReasonStatus, StudentFact
from conversations.types import Session as RegisterSession
from store.calendar import closed_days, term_start
from store.institutions import EMPLOYER, SELF, may_tell
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.outbox import latest_digest_day
from store.self_certifications import certification_rules, made_since

# How far the closed days the engine is told about reach: back over the look-back (and a
# half-term), ahead over the furthest a reply is read (two school weeks, a holiday between).
_CLOSED_BEFORE = timedelta(days=28)
_CLOSED_AHEAD = timedelta(days=42)
# A reply with no dates within this long of a student's digest is about the digest's day.
_DIGEST_ANSWERED_WITHIN = timedelta(hours=18)


def school_policy(school: School, *, max_notice_school_days: int = 10) -> Policy:
    """The school's rules for what the bot may confirm without a person (and, at a college or
    university, what a student may certify themself)."""
    intents = frozenset(Intent(name) for name in school.auto_confirm
                        if name in Intent.__members__.values())
    return Policy(auto_confirm=intents, max_auto_illness_days=school.max_auto_illness_days,
                  max_notice_school_days=max_notice_school_days,
                  self_certification=certification_rules(school))


def school_today(school: School, now: datetime) -> date:
    """The date it is at the school (a reply at 00:30 UTC in summer is already tomorrow)."""
    return now.astimezone(ZoneInfo(school.timezone)).date()


def lookback_start(today: date, school_days: int) -> date:
    """The first day of the last `school_days` weekdays up to today (term dates aside)."""
    day, counted = today, 1
    while counted < school_days:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            counted += 1
    return day


def build_facts(session: Session, *, contacts: Sequence[Contact], school: School,
                now: datetime, trusted: bool = True, max_notice_school_days: int = 10) -> Facts:
    """Facts for one inbound step from the sender's contacts (several when a number is shared).

    `now` is when the message was sent: "tomorrow" and "Monday" are read against the school's
    date then, however late the message is processed.

    The students of every matching contact are merged so that the engine asks which child
    rather than guessing. `trusted=False` (an email not matched by its reply token) removes
    auto-confirmation and self-certification: a person decides.
    """
    primary = contacts[0]
    policy = school_policy(school, max_notice_school_days=max_notice_school_days)
    if not trusted:
        rules = policy.self_certification
        policy = replace(policy, auto_confirm=frozenset(), self_certification=rules and replace(
            rules, verified=False))
    today = school_today(school, now)
    links = _links(session, [c.id for c in contacts if c.id is not None])
    students = _students(session, [link.student_id for link in links])
    if school.setting != "school":
        # A parent is told about (and may answer for) only the students the college's policy
        # lets them hear of: an 18-year-old's absence is theirs to explain.
        allowed = {link.student_id for link in links if link.student_id in students
                   and may_tell(school, students[link.student_id], link, on=today)}
        students = {sid: s for sid, s in students.items() if sid in allowed}
    marks = _marks(session, list(students), since=lookback_start(today,
                                                                 policy.lookback_school_days))
    relationship = next((link.relationship for link in links
                         if link.contact_id == primary.id), "parent")
    rules = policy.self_certification
    if rules is not None and rules.max_per_term:
        policy = replace(policy, self_certification=replace(rules, made_this_term=made_since(
            session, list(students), since=term_start(session, school, today))))
    return Facts(
        contact_id=str(primary.id),
        language=primary.language,
        students=tuple(StudentFact(student_id=str(s.id), first_name=s.first_name,
                                   preferred_name=s.preferred_name,
                                   marks=tuple(marks.get(sid, ())))
                       for sid, s in students.items()),
        today=today,
        timezone=school.timezone,
        relationship=relationship if relationship in (SELF, EMPLOYER) else "parent",
        policy=policy,
        closed_days=closed_days(session, school, today - _CLOSED_BEFORE, today + _CLOSED_AHEAD),
        digest_day=latest_digest_day(session, contact_ids=[c.id for c in contacts if c.id],
                                     since=now - _DIGEST_ANSWERED_WITHIN)
        if policy.self_certification is not None else None,
    )


def _links(session: Session, contact_ids: list[int]) -> list[StudentContact]:
    stmt = (select(StudentContact).where(col(StudentContact.contact_id).in_(contact_ids))
            .order_by(col(StudentContact.priority), col(StudentContact.student_id)))
    return list(session.exec(stmt))


def _students(session: Session, student_ids: list[int]) -> dict[int, Student]:
    rows = session.exec(select(Student).where(col(Student.id).in_(student_ids)))
    by_id = {s.id: s for s in rows if s.id is not None}
    return {sid: by_id[sid] for sid in dict.fromkeys(student_ids) if sid in by_id}


def _marks(session: Session, student_ids: list[int], *,
           since: date) -> dict[int, list[MarkFact]]:
    stmt = (select(Mark).where(col(Mark.student_id).in_(student_ids), col(Mark.day) >= since,
                               col(Mark.session).in_([RegisterSession.AM, RegisterSession.PM]))
            .order_by(col(Mark.day), col(Mark.session)))
    found: dict[int, list[MarkFact]] = {}
    # Every mark, present ones too: the engine must know which sessions the register has
    # taken, so that a reason never lands on a present mark nor waits for one already taken.
    for mark in session.exec(stmt):
        found.setdefault(mark.student_id, []).append(MarkFact(
            day=mark.day, session=RegisterSession(mark.session), code=mark.code,
            status=ReasonStatus(mark.reason_status), set_by_staff=mark.set_by_staff))
    return found
