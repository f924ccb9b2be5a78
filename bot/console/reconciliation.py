"""The MIS check: one day's sessions where rollcall and the school's MIS disagree, as a page
and as CSV (store/reconciliation.py decides what disagrees)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from bot.console.auth import PREFIX, PageStaff
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.reconciliation import disagreements, disagreements_csv

router = APIRouter(prefix=PREFIX)


@router.get("/mis-check", response_class=HTMLResponse)
def mis_check_page(request: Request, staff: PageStaff, session: SessionDep,
                   services: ServicesDep, day: date | None = None) -> HTMLResponse:
    wanted = day or _today(services.clock.now())
    rows = disagreements(session, school_ids=staff.school_ids, day=wanted)
    return render(request, "mis_check.html", staff=staff, rows=rows, day=wanted)


@router.get("/mis-check.csv")
def mis_check_export(staff: PageStaff, session: SessionDep, services: ServicesDep,
                     day: date | None = None) -> Response:
    wanted = day or _today(services.clock.now())
    rows = disagreements(session, school_ids=staff.school_ids, day=wanted)
    return Response(disagreements_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition":
                             f'attachment; filename="rollcall-mis-check-{wanted}.csv"',
                             "Cache-Control": "no-store"})


def _today(now: datetime) -> date:
    # The console's day is London's, as on the Today page's default.
    return now.astimezone(ZoneInfo("Europe/London")).date()
