"""Today: the morning at a glance (or any date range) for the staff member's schools."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from bot.console.auth import PREFIX, PageStaff, Staff, schools_of
from bot.console.charts import SIDE_LABELS, SIDE_WIDTH, stacked_bars
from bot.console.refusals import Refused
from bot.console.scope import child_label
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.database import rows_by_id
from store.delivery import unreachable_students
from store.models.people import Student
from store.models.schools import School
from store.responses import (
    absence_marks,
    contacts_asked,
    contacts_who_replied,
    first_contacts,
    students_asked,
)
from store.spreadsheet import table_csv

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
    channels: dict[str, tuple[int, int]] = field(default_factory=dict)  # messaged, replied
    call_list: list[dict[str, object]] = field(default_factory=list)


def dashboard(session: Session, school_ids: list[int], *, start: date, end: date,
              timezone: str) -> Dashboard:
    board = Dashboard(start=start, end=end)
    marks = absence_marks(session, school_ids, start=start, end=end)
    board.absences = len(marks)
    board.students_absent = len({(m.student_id, m.day) for m in marks})
    unexplained = [m for m in marks if m.code == "N" and m.reason_status == "unexplained"]
    board.explained = board.absences - len(unexplained)
    board.reasons = Counter(m.intent or f"code:{m.code}" for m in marks  # as Trends keys them
                            if m not in unexplained)
    since, until = utc_bounds(start, end, timezone)
    replied = contacts_who_replied(session, school_ids, since=since, until=until)
    board.channels = _response_by_channel(session, school_ids, since, until, replied)
    waiting = sorted({m.student_id for m in unexplained})
    asked = students_asked(session, school_ids, waiting, since=since, until=until)
    board.awaiting_reply = len([s for s in waiting if s in asked and
                                not asked[s] & {c for c, _ in replied}])
    board.call_list = _call_list(session, waiting, asked, replied)
    return board


router = APIRouter(prefix=PREFIX)


@router.get("/today", response_class=HTMLResponse)
def today_page(request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep,
               start: date | None = None, end: date | None = None,
               school: int | None = None) -> HTMLResponse:
    schools, board, today = _board(session, staff, services, start, end, school)
    return render(request, "today.html", staff=staff, board=board, schools=schools,
                  school=school, today=today, plots={
                      "reasons": stacked_bars([(reason, [("sessions", n)]) for reason, n in
                                               board.reasons.most_common()],
                                              width=SIDE_WIDTH, labels=SIDE_LABELS),
                      "channels": stacked_bars(
                          [(channel, [("sent", _rate(asked, replied))])
                           for channel, (asked, replied) in board.channels.items()],
                          width=SIDE_WIDTH, labels=SIDE_LABELS, maximum=100,
                          texts=[f"{_rate(asked, replied)}% ({replied}/{asked})"
                                 for asked, replied in board.channels.values()])})


@router.get("/today/{chart}.csv")
def today_csv(chart: str, staff: PageStaff, session: SessionDep, services: ServicesDep,
              start: date | None = None, end: date | None = None,
              school: int | None = None) -> Response:
    """One of Today's charts' figures: the reasons, or the response rate by channel."""
    if chart not in ("reasons", "channels"):
        raise Refused(404, "no such chart", problem="no_chart")
    _, board, _ = _board(session, staff, services, start, end, school)
    body = table_csv(("reason", "sessions"), board.reasons.most_common()) if chart == "reasons" \
        else table_csv(("channel", "asked", "replied"), [
            (channel, asked, replied) for channel, (asked, replied) in board.channels.items()])
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition":
            f'attachment; filename="rollcall-today-{chart}-{board.start}-{board.end}.csv"'})


def _board(session: Session, staff: Staff, services: ServicesDep, start: date | None,
           end: date | None, school: int | None) -> tuple[list[School], Dashboard, date]:
    """The staff's schools, the dashboard of the days asked for (today when none), and today."""
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
    return schools, board, today


def _rate(asked: int, replied: int) -> int:
    """The families asked who replied, as a whole percentage (0 when nobody was asked)."""
    return round(100 * replied / asked) if asked else 0


def _ids(schools: list[School], staff: Staff) -> list[int]:
    return [s.id for s in schools if s.id is not None and s.id in staff.school_ids]


def utc_bounds(start: date, end: date, timezone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(timezone)
    return (datetime.combine(start, time(), zone).astimezone(UTC),
            datetime.combine(end + timedelta(days=1), time(), zone).astimezone(UTC))


def _response_by_channel(session: Session, school_ids: list[int], since: datetime,
                         until: datetime, replied: set[tuple[int, str]]
                         ) -> dict[str, tuple[int, int]]:
    asked = contacts_asked(session, school_ids, since=since, until=until)
    result: dict[str, tuple[int, int]] = {}
    for channel in sorted({channel for _, channel in asked}):
        contacts = {c for c, ch in asked if ch == channel and c is not None}
        result[channel] = (len(contacts), len({c for c in contacts if (c, channel) in replied}))
    return result


def _call_list(session: Session, student_ids: list[int], asked: dict[int, set[int]],
               replied: set[tuple[int, str]]) -> list[dict[str, object]]:
    """Children still unexplained: whom to ring, first contact first."""
    if not student_ids:
        return []
    students = rows_by_id(session, Student, student_ids)
    first = first_contacts(session, student_ids)
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
    return sorted(rows, key=lambda row: (year_order(row["year"]), str(row["child"])))


def year_order(year: object) -> tuple[int, str]:
    """Year 7 before Year 10; a year group that is not a number after the numbered ones."""
    text = str(year or "")
    return (int(text), "") if text.isdigit() else (10_000, text)
