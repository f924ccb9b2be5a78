"""The audit log for admins: read it in the console, export it as CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from bot.console.auth import PREFIX, PageStaff, Staff
from bot.console.refusals import Refused
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.audit import audit, audit_entries
from store.spreadsheet import csv_cell

PAGE_SIZE = 200
COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "school_id", "old_value",
           "new_value", "message_id")


router = APIRouter(prefix=PREFIX)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, staff: PageStaff, session: SessionDep,
               start: date | None = None, end: date | None = None) -> HTMLResponse:
    _admin_only(staff)
    entries = audit_entries(session, school_ids=staff.school_ids, start=start, end=end,
                            limit=PAGE_SIZE)
    return render(request, "audit.html", staff=staff, entries=entries, start=start, end=end,
                  page_size=PAGE_SIZE)


@router.get("/audit.csv")
def audit_export(staff: PageStaff, session: SessionDep, services: ServicesDep,
                 start: date | None = None, end: date | None = None) -> Response:
    """The whole log for the range as CSV; the export itself is audited."""
    _admin_only(staff)
    entries = audit_entries(session, school_ids=staff.school_ids, start=start, end=end)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow([csv_cell(getattr(entry, name)) for name in COLUMNS])
    audit(session, services.clock, actor=staff.actor, action="audit.export", entity="audit_log",
          entity_id="csv", new=f"{start or ''}..{end or ''} rows={len(entries)}")
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="rollcall-audit.csv"',
                             "Cache-Control": "no-store"})


def _admin_only(staff: Staff) -> None:
    if staff.user.role != "admin":
        raise Refused(403, "only admins can read the audit log", problem="audit_role")

