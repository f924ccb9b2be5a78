"""Write-back by hand: a school that keys reasons into its MIS itself downloads the CSV of
reasons confirmed since its last download (store/writeback_downloads.py keeps the cursor).

The POST moves the cursor, once per form (actions.exactly_once), and redirects to the CSV of
the range it took; the same form sent twice (a double click) gets the same range, so no
reasons are skipped because the browser dropped the first response.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.scope import not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.writeback_downloads import downloaded, take_download, waiting_for_download
from store.writeback_feed import feed_csv

router = APIRouter(prefix=PREFIX)
Cursor = Annotated[int, Query(ge=0)]


@router.get("/write-back", response_class=HTMLResponse)
def write_back_page(request: Request, staff: PageStaff, session: SessionDep) -> HTMLResponse:
    schools = [(school, waiting_for_download(session, school_id=school.id or 0))
               for school in schools_of(session, staff)]
    return render(request, "write_back.html", staff=staff, schools=schools)


@router.post("/write-back/{school_id}.csv")
def download(school_id: int, staff: ActingStaff, session: SessionDep, services: ServicesDep,
             again: Annotated[str, Form()] = "") -> Response:
    """A POST, not a link: a download moves the school's cursor (and is audited)."""
    _in_scope(staff, school_id)

    def take() -> Response:
        since, until = take_download(session, services.clock, school_id=school_id,
                                     actor=staff.actor, again=bool(again))
        return RedirectResponse(f"{PREFIX}/write-back/{school_id}.csv?since={since}"
                                f"&until={until}", status_code=303)
    return exactly_once(session, services.clock, staff, take)


@router.get("/write-back/{school_id}.csv")
def download_range(school_id: int, staff: PageStaff, session: SessionDep, since: Cursor = 0,
                   until: Cursor = 0) -> Response:
    """The CSV of one download's range: reading it again moves nothing."""
    _in_scope(staff, school_id)
    items = downloaded(session, school_id=school_id, since=since, until=until)
    return Response(feed_csv(items), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="rollcall-write-back-'
                                                    f'{school_id}-{since}-{until}.csv"',
                             "X-Rows": str(len(items)), "Cache-Control": "no-store"})


def _in_scope(staff: Staff, school_id: int) -> None:
    if school_id not in staff.school_ids:
        raise not_found()
