"""Today: the morning at a glance (or any date range) for the staff member's schools."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session, col, select

from bot.console.auth import PREFIX, PageStaff, Staff, schools_of
from bot.console.scope import child_label
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.codes import CODES, is_absence
from store.delivery import unreachable_students
from store.models import (
    Contact,
    Conversation,
    ConversationStudent,
    Mark,
    Message,
    Outbox,
    School,
    Student,
    StudentContact,
)

# Outbox kinds that ask a family for a reason: what a response rate is measured against.
ASKING_KINDS = ("absence", "pm_absence", "late", "chase", "catch_up", "pm_catch_up")
MAX_RANGE_DAYS = 366


@dataclass(slots=True)
class Dashboard:
    start: date
    end: date
    absences: int = 0  # absence sessions
    students_absent: int = 0
    explained: int = 0  # absence sessions with a reason (reported or confirmed, or a code)
    awaiting_reply: int = 0  # students messaged who have not answered
    reasons: Counter[str] = field(default_factory=Counter)
    by_day: dict[date, int] = field(default_factory=dict)
    channels: dict[str, tuple[int, int]] = field(default_factory=dict)  # messaged, replied
    call_list: list[dict[str, object]] = field(default_factory=list)


def dashboard(session: Session, school_ids: list[int], *, start: date, end: date,
              timezone: str) -> Dashboard:
    board = Dashboard(start=start, end=end)
    marks = [m for m in session.exec(select(Mark).where(
        col(Mark.school_id).in_(school_ids), col(Mark.day) >= start, col(Mark.day) <= end))
        if m.code in CODES and is_absence(m.code)]
    board.absences = len(marks)
    board.students_absent = len({(m.student_id, m.day) for m in marks})
    unexplained = [m for m in marks if m.code == "N" and m.reason_status == "unexplained"]
    board.explained = board.absences - len(unexplained)
    board.reasons = Counter(m.intent or CODES[m.code].meaning for m in marks
                            if m not in unexplained)
    board.by_day = dict(sorted(Counter(m.day for m in marks).items()))
    since, until = _utc_bounds(start, end, timezone)
    replied = _contacts_who_replied(session, school_ids, since, until)
    board.channels = _response_by_channel(session, school_ids, since, until, replied)
    waiting = sorted({m.student_id for m in unexplained})
    asked = _students_asked(session, school_ids, waiting, since, until)
    board.awaiting_reply = len([s for s in waiting if s in asked and
                                not asked[s] & {c for c, _ in replied}])
    board.call_list = _call_list(session, waiting, asked, replied)
    return board


router = APIRouter(prefix=PREFIX)


@router.get("/today", response_class=HTMLResponse)
def today_page(request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep,
               start: date | None = None, end: date | None = None,
               school: int | None = None) -> HTMLResponse:
    schools = schools_of(session, staff)
    chosen = [s for s in schools if school is None or s.id == school]
    timezone = chosen[0].timezone if chosen else "Europe/London"
    today = services.clock.now().astimezone(ZoneInfo(timezone)).date()
    end = end or today
    start = start or end
    if start > end:
        start, end = end, start
    start = max(start, end - timedelta(days=MAX_RANGE_DAYS))
    board = dashboard(session, _ids(chosen, staff), start=start, end=end, timezone=timezone)
    return render(request, "today.html", staff=staff, board=board, schools=schools,
                  school=school, today=today)


def _ids(schools: list[School], staff: Staff) -> list[int]:
    return [s.id for s in schools if s.id is not None and s.id in staff.school_ids]


def _utc_bounds(start: date, end: date, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    return (datetime.combine(start, time(), zone).astimezone(UTC),
            datetime.combine(end + timedelta(days=1), time(), zone).astimezone(UTC))


def _contacts_who_replied(session: Session, school_ids: list[int], since: datetime,
                          until: datetime) -> set[tuple[int, str]]:
    rows = session.exec(select(Message.contact_id, Message.channel).where(
        col(Message.school_id).in_(school_ids), Message.direction == "in",
        col(Message.created_at) >= since, col(Message.created_at) < until))
    return {(contact_id, channel) for contact_id, channel in rows if contact_id is not None}


def _response_by_channel(session: Session, school_ids: list[int], since: datetime,
                         until: datetime, replied: set[tuple[int, str]]
                         ) -> dict[str, tuple[int, int]]:
    asked = set(session.exec(select(Outbox.contact_id, Outbox.channel).where(
        col(Outbox.school_id).in_(school_ids), col(Outbox.kind).in_(ASKING_KINDS),
        col(Outbox.created_at) >= since, col(Outbox.created_at) < until)))
    result: dict[str, tuple[int, int]] = {}
    for channel in sorted({channel for _, channel in asked}):
        contacts = {c for c, ch in asked if ch == channel and c is not None}
        result[channel] = (len(contacts), len({c for c in contacts if (c, channel) in replied}))
    return result


def _students_asked(session: Session, school_ids: list[int], student_ids: list[int],
                    since: datetime, until: datetime) -> dict[int, set[int]]:
    """For each student, the contacts asked about them in the range: an absence, late or chase
    message in the outbox, or a conversation opened about them."""
    wanted = set(student_ids)
    asked: dict[int, set[int]] = {}
    messages = session.exec(select(Outbox.contact_id, Outbox.student_ids).where(
        col(Outbox.school_id).in_(school_ids), col(Outbox.kind).in_(ASKING_KINDS),
        col(Outbox.created_at) >= since, col(Outbox.created_at) < until))
    for contact_id, ids in messages:
        for student_id in ids:
            if student_id in wanted and contact_id is not None:
                asked.setdefault(student_id, set()).add(contact_id)
    conversations = session.exec(select(ConversationStudent.student_id, Conversation.contact_id)
        .join(Conversation, col(Conversation.id) == col(ConversationStudent.conversation_id))
        .where(col(ConversationStudent.student_id).in_(student_ids),
               col(Conversation.opened_at) >= since, col(Conversation.opened_at) < until))
    for student_id, contact_id in conversations:
        if contact_id is not None:
            asked.setdefault(student_id, set()).add(contact_id)
    return asked


def _call_list(session: Session, student_ids: list[int], asked: dict[int, set[int]],
               replied: set[tuple[int, str]]) -> list[dict[str, object]]:
    """Children still unexplained: whom to ring, first contact first."""
    if not student_ids:
        return []
    students = {s.id: s for s in session.exec(select(Student).where(
        col(Student.id).in_(student_ids)))}
    links = session.exec(select(StudentContact.student_id, Contact).join(
        Contact, col(Contact.id) == col(StudentContact.contact_id)).where(
        col(StudentContact.student_id).in_(student_ids))
        .order_by(col(StudentContact.priority)))
    first: dict[int, Contact] = {}
    for student_id, linked in links:
        first.setdefault(student_id, linked)
    replied_contacts = {c for c, _ in replied}
    unreachable = unreachable_students(session, student_ids)  # every channel and contact failed
    rows = []
    for student_id in student_ids:
        student, contact = students.get(student_id), first.get(student_id)
        rows.append({"student_id": student_id, "child": child_label(student),
                     "year": student.year_group if student else None,
                     "contact": contact.name if contact else "—",
                     "contact_id": contact.id if contact else None,
                     # A landline is there to be rung even though no text goes to it.
                     "phone": (contact.phone or contact.landline) if contact else None,
                     "messaged": student_id in asked,
                     "unreachable": unreachable.get(student_id),
                     "replied": bool(asked.get(student_id, set()) & replied_contacts)})
    return sorted(rows, key=lambda row: (_year_order(row["year"]), str(row["child"])))


def _year_order(year: object) -> tuple[int, str]:
    """Year 7 before Year 10; a year group that is not a number after the numbered ones."""
    text = str(year or "")
    return (int(text), "") if text.isdigit() else (10_000, text)
