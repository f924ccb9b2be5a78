"""Write-back by hand: a school that keys reasons into its MIS itself downloads the CSV of
reasons confirmed since its last download (store/writeback_downloads.py keeps the cursor)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from bot.console.auth import PREFIX, ActingStaff, PageStaff, schools_of
from bot.console.scope import not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.writeback_downloads import download_write_back, waiting_for_download
from store.writeback_feed import feed_csv

router = APIRouter(prefix=PREFIX)


@router.get("/write-back", response_class=HTMLResponse)
def write_back_page(request: Request, staff: PageStaff, session: SessionDep) -> HTMLResponse:
    schools = [
        (school, waiting_for_download(session, school_id=school.id or 0))
        for school in schools_of(session, staff)
    ]
    return render(request, "write_back.html", staff=staff, schools=schools)


@router.post("/write-back/{school_id}.csv")
def download(
    school_id: int,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    again: Annotated[str, Form()] = "",
) -> Response:
    """A POST, not a link: a download moves the school's cursor (and is audited)."""
    if school_id not in staff.school_ids:
        raise not_found()
    items = download_write_back(
        session, services.clock, school_id=school_id, actor=staff.actor, again=bool(again)
    )
    return Response(
        feed_csv(items),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="rollcall-write-back-{school_id}.csv"',
            "X-Rows": str(len(items)),
            "Cache-Control": "no-store",
        },
    )
