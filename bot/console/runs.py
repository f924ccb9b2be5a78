"""Runs: today's schedule of each school with each run's state, and "Run now", which first
shows the dry run (what would be sent, per channel and language, with sample texts) and sends
only when confirmed. Both go through scheduling/runs.py `run_in`, so the preview selects
exactly what the run would."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.app import Services
from bot.background import run_config
from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.refusals import Refused
from bot.console.scope import child_label, not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling.run_states import todays_runs
from scheduling.runs import KINDS, RunSummary, by_hand, run_in
from store import calendar
from store.audit import audit
from store.database import rows_by_id
from store.models.people import Contact, Student
from store.models.schools import School
from store.run_delivery import run_delivery
from store.runs import run_by_id
from store.schools import school_by_id

router = APIRouter(prefix=PREFIX)


@router.get("/runs", response_class=HTMLResponse)
def runs_page(
    request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep
) -> HTMLResponse:
    now = services.clock.now()
    days = [(school, *todays_runs(session, school, now)) for school in schools_of(session, staff)]
    return render(request, "runs.html", staff=staff, days=days, kinds=KINDS)


@router.get("/runs/preview", response_class=HTMLResponse)
def preview(
    request: Request,
    staff: PageStaff,
    session: SessionDep,
    services: ServicesDep,
    school: int,
    kind: str,
) -> HTMLResponse:
    """The dry run: composed as the run would be, nothing written."""
    chosen = _school(session, staff, school, kind)
    summary = _run(session, services, chosen, kind, dry_run=True)
    return render(
        request, "runs_preview.html", staff=staff, school=chosen, kind=kind, summary=summary
    )


@router.post("/runs/send")
def send(
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    school: Annotated[int, Form()],
    kind: Annotated[str, Form()],
) -> Response:
    """The confirmed run: once per school, day and kind as ever, and the same form sent twice
    is one press (one audit entry; the second gets the first's page)."""
    chosen = _school(session, staff, school, kind)

    def press() -> Response:
        summary = _run(session, services, chosen, kind, dry_run=False)
        audit(
            session,
            services.clock,
            actor=staff.actor,
            action="run_now",
            entity="run",
            entity_id=summary.run_id or summary.kind,
            school_id=school,
            new=f"{summary.kind}: {summary.outcome}, {summary.composed} messages",
        )
        where = f"runs/{summary.run_id}" if summary.run_id else f"runs#school-{school}"
        return RedirectResponse(f"{PREFIX}/{where}", status_code=303)

    return exactly_once(session, services.clock, staff, press)


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(
    request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep, run_id: int
) -> HTMLResponse:
    """One run's delivery at a glance, and the messages that need a person."""
    run = run_by_id(session, run_id)
    if run is None or run.school_id not in staff.school_ids:
        raise not_found()
    delivery = run_delivery(session, run_id=run_id, now=services.clock.now())
    contacts = rows_by_id(session, Contact, [f.contact_id for f in delivery.failures])
    students = rows_by_id(session, Student, [s for f in delivery.failures for s in f.student_ids])
    return render(
        request,
        "run.html",
        staff=staff,
        run=run,
        delivery=delivery,
        school=school_by_id(session, run.school_id),
        contacts=contacts,
        students=students,
        child_label=child_label,
    )


def _run(
    session: Session, services: Services, school: School, kind: str, *, dry_run: bool
) -> RunSummary:
    assert school.id is not None
    now = services.clock.now()
    return run_in(
        session,
        services.clock,
        school_id=school.id,
        day=calendar.local_day(school, now),
        kind=by_hand(kind, school, now),
        dry_run=dry_run,
        config=run_config(services.settings),
    )


def _school(session: Session, staff: Staff, school_id: int, kind: str) -> School:
    if school_id not in staff.school_ids:
        raise not_found()
    if kind not in KINDS:
        raise Refused(400, f"unknown run {kind!r}: one of {', '.join(KINDS)}",
                      problem="unknown_run", kind=kind)
    school = school_by_id(session, school_id)
    if school is None:
        raise not_found()
    return school
