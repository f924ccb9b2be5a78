"""Safeguarding records in the console, for the DSL and admins only: the urgent escalations of
a window with a note box each, and their timelines as a documented CSV to attach to or key into
the school's safeguarding system (each export audited)."""

from __future__ import annotations

from dataclasses import astuple
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff
from bot.console.refusals import Refused
from bot.console.scope import escalation_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.report_pdf import table_pdf
from store.clock import Clock
from store.safeguarding_records import (
    RECORD_FIELDS,
    RecordLine,
    add_note,
    note_export,
    record_lines,
    safeguarding_escalations,
)
from store.spreadsheet import csv_cell, dataclass_csv

router = APIRouter(prefix=PREFIX)
DEFAULT_DAYS = 30
MAX_NOTE = 4000


@router.get("/safeguarding", response_class=HTMLResponse)
def records_page(request: Request, staff: PageStaff, session: SessionDep,
                 services: ServicesDep, start: Annotated[date | None, Query()] = None,
                 end: Annotated[date | None, Query()] = None) -> HTMLResponse:
    _dsl_only(staff)
    start, end = _window(services.clock.now(), start, end)
    escalations = safeguarding_escalations(session, school_ids=staff.school_ids,
                                           since=_instant(start), until=_instant(end, 1))
    return render(request, "safeguarding.html", staff=staff, start=start, end=end,
                  lines=record_lines(session, escalations), escalations=escalations)


@router.get("/safeguarding/records.csv")
def records_csv(staff: PageStaff, session: SessionDep, services: ServicesDep,
                start: Annotated[date | None, Query()] = None,
                end: Annotated[date | None, Query()] = None) -> Response:
    start, end, lines = _exported(session, staff, services.clock, start, end, "csv")
    return Response(dataclass_csv(lines, RECORD_FIELDS), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition":
                             f'attachment; filename="rollcall-safeguarding-{start}-{end}.csv"'})


@router.get("/safeguarding/records.pdf")
def records_pdf(staff: PageStaff, session: SessionDep, services: ServicesDep,
                start: Annotated[date | None, Query()] = None,
                end: Annotated[date | None, Query()] = None) -> Response:
    start, end, lines = _exported(session, staff, services.clock, start, end, "pdf")
    pdf = table_pdf(title=f"Safeguarding records {start} to {end}", header=RECORD_FIELDS,
                    rows=[[csv_cell(value) for value in astuple(line)] for line in lines])
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="rollcall-safeguarding-{start}-{end}.pdf"'})


def _exported(session: Session, staff: Staff, clock: Clock, start: date | None,
              end: date | None, form: str) -> tuple[date, date, list[RecordLine]]:
    """The window's records, the export audited (who, when, how many, which window, as what)."""
    _dsl_only(staff)
    start, end = _window(clock.now(), start, end)
    escalations = safeguarding_escalations(session, school_ids=staff.school_ids,
                                           since=_instant(start), until=_instant(end, 1))
    note_export(session, clock, staff_id=staff.id, school_ids=staff.school_ids,
                records=len(escalations), window=f"{start} to {end}, {form}")
    return start, end, record_lines(session, escalations)


@router.post("/escalations/{escalation_id}/note")
def note(escalation_id: int, staff: ActingStaff, session: SessionDep, services: ServicesDep,
         text: Annotated[str, Form()] = "") -> Response:
    """The DSL's note on a record (what was done, who was told, the outcome)."""
    _dsl_only(staff)
    escalation = escalation_in_scope(session, staff, escalation_id)
    written = text.strip()
    if not written or len(written) > MAX_NOTE:
        raise Refused(400, f"a note is 1 to {MAX_NOTE} characters", problem="note_length",
                      most=str(MAX_NOTE))

    def act() -> Response:
        add_note(session, services.clock, escalation=escalation, staff_id=staff.id,
                 note=written)
        return RedirectResponse(f"{PREFIX}/safeguarding#record-{escalation_id}",
                                status_code=303)
    return exactly_once(session, services.clock, staff, act)


def _dsl_only(staff: Staff) -> None:
    if not staff.reads_safeguarding:
        raise Refused(403, "safeguarding records are for the DSL and admins",
                      problem="safeguarding_role")


def _window(now: datetime, start: date | None, end: date | None) -> tuple[date, date]:
    end = end or now.date()
    return start or end - timedelta(days=DEFAULT_DAYS), end


def _instant(day: date, plus_days: int = 0) -> datetime:
    return datetime.combine(day + timedelta(days=plus_days), time(), UTC)
