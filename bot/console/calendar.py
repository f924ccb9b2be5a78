"""The school calendar in the console: a month view of which days are school days and why not,
entries added and removed by hand, term dates imported from an iCalendar file or a CSV (a
preview of each line's outcome first, then apply), and an emergency closure for today in two
clicks (the button, then the confirm page that says what it will do).

Everyone signed in sees the calendar; only an admin of the school changes it. Every change goes
through store/calendar_entries.py or scheduling/closure.py, which audit it.
"""

from __future__ import annotations

from calendar import Calendar
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import Action, attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.refusals import Refused, refusal_status
from bot.console.scope import admin_school, school_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling.closure import ClosurePlan, declare_emergency_closure, plan_closure
from store import calendar
from store.calendar_entries import (
    add_entry,
    already_there,
    entries_between,
    import_entries,
    remove_entry,
)
from store.calendar_import import Planned, plan_csv, plan_ics
from store.clock import Clock
from store.columns import parse_date
from store.errors import InvalidInput, RollcallError
from store.models.schools import School

router = APIRouter(prefix=PREFIX)
PAGE = f"{PREFIX}/calendar"
MAX_UPLOAD = 2_000_000


@router.get("/calendar", response_class=HTMLResponse)
def calendar_page(
    request: Request,
    staff: PageStaff,
    session: SessionDep,
    services: ServicesDep,
    school: int | None = None,
    month: str | None = None,
) -> HTMLResponse:
    chosen = school_in_scope(session, staff, school)
    return _month_page(request, session, services.clock, staff, chosen, month)


@router.post("/calendar/entries")
def add(
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    kind: Annotated[str, Form()],
    start: Annotated[str, Form()],
    end: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    chosen = admin_school(session, staff, school)

    def act() -> None:
        first = parse_date(start)
        add_entry(
            session,
            services.clock,
            school_id=school,
            kind=kind,
            start=first,
            end=parse_date(end) if end.strip() else first,
            note=note,
            actor=staff.actor,
        )

    return _acted(
        request,
        session,
        services.clock,
        staff,
        chosen,
        act,
        month=start[:7] if len(start) >= 7 else None,
    )


@router.post("/calendar/entries/{entry_id}/remove")
def remove(
    entry_id: int,
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    month: Annotated[str, Form()] = "",
) -> Response:
    chosen = admin_school(session, staff, school)
    return _acted(
        request,
        session,
        services.clock,
        staff,
        chosen,
        lambda: remove_entry(
            session, services.clock, school_id=school, entry_id=entry_id, actor=staff.actor
        ),
        month=month,
    )


@router.post("/calendar/import", response_class=HTMLResponse)
async def import_preview(
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    file: UploadFile,
) -> Response:
    """Read the file and show each line's outcome; nothing is written until "Add"."""
    chosen = admin_school(session, staff, school)
    raw = await file.read(MAX_UPLOAD + 1)
    name = (file.filename or "").lower()
    return _preview(
        request,
        session,
        services.clock,
        staff,
        chosen,
        raw.decode("utf-8-sig", errors="replace"),
        "csv" if name.endswith(".csv") else "ics",
        too_big=len(raw) > MAX_UPLOAD,
    )


@router.post("/calendar/import/apply")
def import_apply(
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    content: Annotated[str, Form()],
    format: Annotated[str, Form()],
) -> Response:
    chosen = admin_school(session, staff, school)

    def respond() -> Response:
        try:
            plans = _plans(chosen, content, format)
        except InvalidInput as refused:
            return _month_page(
                request,
                session,
                services.clock,
                staff,
                chosen,
                None,
                error=refused,
                status_code=400,
            )
        done = import_entries(
            session, services.clock, school_id=school, plans=plans, actor=staff.actor
        )
        query = {
            "school": school,
            "added": done.added,
            "already": done.already,
            "skipped": done.skipped,
        }
        return RedirectResponse(f"{PAGE}?{urlencode(query)}", status_code=303)

    return exactly_once(session, services.clock, staff, respond)


@router.get("/calendar/closure", response_class=HTMLResponse)
def closure_confirm(
    request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep, school: int
) -> HTMLResponse:
    """The second click's page: what closing now will do, and the button that does it."""
    chosen = admin_school(session, staff, school)
    plan: list[ClosurePlan] = []
    refused = attempt(
        session,
        lambda: plan.append(
            plan_closure(session, services.clock, user=staff.user, school_id=school)
        ),
    )
    return render(
        request,
        "calendar_closure.html",
        staff=staff,
        school=chosen,
        plan=plan[0] if plan else None,
        error=refused,
        status_code=refusal_status(refused) if refused else 200,
    )


@router.post("/calendar/closure")
def closure_declare(
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    chosen = admin_school(session, staff, school)
    return _acted(
        request,
        session,
        services.clock,
        staff,
        chosen,
        lambda: declare_emergency_closure(
            session, services.clock, user=staff.user, school_id=school, note=note
        ),
        month=None,
    )


def _month_page(
    request: Request,
    session: Session,
    clock: Clock,
    staff: Staff,
    school: School,
    month: str | None,
    *,
    error: RollcallError | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    assert school.id is not None
    today = calendar.local_day(school, clock.now())
    first = _month(month) or today.replace(day=1)
    weeks = Calendar().monthdatescalendar(first.year, first.month)
    start, end = weeks[0][0], weeks[-1][-1]
    why = calendar.days_closed_because(session, school, start, end)
    return render(
        request,
        "calendar.html",
        status_code=status_code,
        staff=staff,
        school=school,
        schools=schools_of(session, staff),
        month=first,
        weeks=weeks,
        why=why,
        today=today,
        error=error,
        entries=entries_between(session, school_id=school.id, start=start, end=end),
        kinds=calendar.EDITABLE_KINDS,
        previous=_shift(first, -1),
        next=_shift(first, 1),
        closed_today=why.get(today) == "emergency",
        imported=request.query_params.get("added"),
    )


def _preview(
    request: Request,
    session: Session,
    clock: Clock,
    staff: Staff,
    school: School,
    content: str,
    format: str,
    *,
    too_big: bool,
) -> Response:
    assert school.id is not None
    try:
        if too_big:
            raise InvalidInput(f"the file is over {MAX_UPLOAD // 1_000_000} MB",
                               problem="too_big", mb=str(MAX_UPLOAD // 1_000_000))
        plans = _plans(school, content, format)
    except InvalidInput as refused:
        return _month_page(
            request, session, clock, staff, school, None, error=refused, status_code=400
        )
    rows = [(plan, already_there(session, school_id=school.id, plan=plan)) for plan in plans]
    return render(
        request,
        "calendar_import.html",
        staff=staff,
        school=school,
        rows=rows,
        content=content,
        format=format,
        adding=sum(1 for plan, there in rows if plan.adds and not there),
    )


def _plans(school: School, content: str, format: str) -> list[Planned]:
    if format == "csv":
        return plan_csv(content)
    return plan_ics(content, timezone=school.timezone, country=school.country)


def _acted(
    request: Request,
    session: Session,
    clock: Clock,
    staff: Staff,
    school: School,
    action: Action,
    *,
    month: str | None,
) -> Response:
    """Once per form; a refusal re-shows the month with why, changing nothing."""

    def respond() -> Response:
        refused = attempt(session, action)
        if refused is not None:
            return _month_page(
                request,
                session,
                clock,
                staff,
                school,
                month,
                error=refused,
                status_code=refusal_status(refused),
            )
        query = {"school": school.id, **({"month": month} if month else {})}
        return RedirectResponse(f"{PAGE}?{urlencode(query)}", status_code=303)

    return exactly_once(session, clock, staff, respond)


def _month(value: str | None) -> date | None:
    try:
        return date.fromisoformat(f"{value}-01") if value else None
    except ValueError:
        raise Refused(400, "month is YYYY-MM", problem="month_format") from None


def _shift(first: date, months: int) -> str:
    index = first.year * 12 + first.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
