"""Imports in the console: upload an MIS export (students, contacts or register marks), see what
each line would do before anything is written — new (with its values), changed (old -> new),
unchanged, kept, refused (why) — then Apply or Cancel.

The preview is the import itself (`store.importer.preview_import`: the same code as `rollcall
import`, run in a savepoint that is rolled back), so it cannot disagree with it. The upload is
kept with the preview's digest; Apply imports the same bytes and keeps the result only when
every line does what the preview showed (else nothing is written and the new preview is shown).
Cancel forgets the upload; nothing else changes. Officers, DSLs and admins import.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.scope import not_found, school_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.clock import Clock
from store.errors import InvalidInput, RollcallError
from store.import_rows import ImportReport, RowError
from store.import_uploads import (
    applied,
    drop_upload,
    keep_upload,
    note_preview,
    upload_files,
    upload_of,
)
from store.importer import PreviewOutdated, apply_import, preview_import
from store.models.imports import ImportUpload
from store.models.schools import School
from store.profiles import PROFILES

router = APIRouter(prefix=PREFIX)
PAGE = f"{PREFIX}/imports"
KINDS = ("students", "contacts", "marks")
MAX_UPLOAD = 5_000_000  # bytes, all files together: a large school's marks for a term


@router.get("/imports", response_class=HTMLResponse)
def imports_page(request: Request, staff: PageStaff, session: SessionDep,
                 school: int | None = None) -> HTMLResponse:
    chosen = school_in_scope(session, staff, school)
    return _upload_page(request, session, staff, chosen)


@router.post("/imports", response_class=HTMLResponse)
async def upload(request: Request, staff: ActingStaff, session: SessionDep,
                 services: ServicesDep, school: Annotated[int, Form()],
                 kind: Annotated[str, Form()], files: list[UploadFile],
                 profile: Annotated[str, Form()] = "",
                 all_or_nothing: Annotated[str, Form()] = "") -> Response:
    """Read the file(s) and show what each line would do; nothing is imported yet."""
    chosen = school_in_scope(session, staff, school)
    received = [(file.filename or "upload", await file.read(MAX_UPLOAD + 1)) for file in files]
    try:
        if kind not in KINDS:
            raise InvalidInput(f"choose what the file holds: {', '.join(KINDS)}",
                               problem="import_kind")
        if sum(len(data) for _, data in received) > MAX_UPLOAD:
            raise InvalidInput(f"the upload is over {MAX_UPLOAD // 1_000_000} MB",
                               problem="too_big", mb=str(MAX_UPLOAD // 1_000_000))
        report = preview_import(session, services.clock, kind=kind, school_id=school,
                                files=[data for _, data in received],
                                all_or_nothing=bool(all_or_nothing), profile=profile or None)
    except InvalidInput as refused:
        return _upload_page(request, session, staff, chosen, error=refused,
                            status_code=400)
    kept = keep_upload(session, services.clock, school_id=school, user_id=staff.id, kind=kind,
                       profile=profile or None, all_or_nothing=bool(all_or_nothing),
                       files=received, digest=report.digest())
    return _preview_page(request, session, staff, chosen, kept, report)


@router.post("/imports/{upload_id}/apply")
def apply(upload_id: int, request: Request, staff: ActingStaff, session: SessionDep,
          services: ServicesDep) -> Response:
    """Import exactly what the preview showed, once per form; if the store changed since,
    nothing is written and the new preview is shown."""
    def respond() -> Response:
        kept, school = _upload(session, services.clock, staff, upload_id)
        try:
            report = apply_import(session, services.clock, kind=kept.kind,
                                  school_id=kept.school_id, expected=kept.digest,
                                  files=[data for _, data in upload_files(session, kept)],
                                  all_or_nothing=kept.all_or_nothing, profile=kept.profile)
        except PreviewOutdated as outdated:
            note_preview(session, kept, digest=outdated.report.digest())
            return _preview_page(request, session, staff, school, kept, outdated.report,
                                 outdated=True, status_code=409)
        except InvalidInput as refused:
            return _upload_page(request, session, staff, school, error=refused,
                                status_code=400)
        applied(session, services.clock, kept, report=report, actor=staff.actor)
        query = {"school": school.id, "done": report.kind, "created": report.created,
                 "updated": report.updated, "unchanged": report.unchanged,
                 "kept": report.kept, "refused": len(report.errors)}
        return RedirectResponse(f"{PAGE}?{urlencode(query)}", status_code=303)

    return exactly_once(session, services.clock, staff, respond)


@router.post("/imports/{upload_id}/cancel")
def cancel(upload_id: int, staff: ActingStaff, session: SessionDep,
           services: ServicesDep) -> Response:
    """Forget the upload; nothing was imported and nothing is."""
    kept, school = _upload(session, services.clock, staff, upload_id)
    drop_upload(session, kept)
    return RedirectResponse(f"{PAGE}?{urlencode({'school': school.id, 'cancelled': 1})}",
                            status_code=303)


def _upload(session: Session, clock: Clock, staff: Staff,
            upload_id: int) -> tuple[ImportUpload, School]:
    """This person's upload, for one of their schools; anything else is not found."""
    kept = upload_of(session, clock, upload_id=upload_id, user_id=staff.id)
    if kept is None:
        raise not_found()
    return kept, school_in_scope(session, staff, kept.school_id)


def _upload_page(request: Request, session: Session, staff: Staff, school: School, *,
                 error: RollcallError | None = None, status_code: int = 200) -> HTMLResponse:
    return render(request, "imports.html", status_code=status_code, staff=staff, school=school,
                  schools=schools_of(session, staff), kinds=KINDS, profiles=list(PROFILES),
                  error=error, done=dict(request.query_params))


def _preview_page(request: Request, session: Session, staff: Staff, school: School,
                  kept: ImportUpload, report: ImportReport, *, outdated: bool = False,
                  status_code: int = 200) -> HTMLResponse:
    outcomes = report.outcomes()
    warnings: dict[int, list[RowError]] = {}
    for warning in report.warnings:
        warnings.setdefault(warning.line, []).append(warning)
    quiet = ("unchanged", "not_taken")
    return render(request, "import_preview.html", status_code=status_code, staff=staff,
                  school=school, upload=kept, report=report, outdated=outdated,
                  names=[name for name, _ in upload_files(session, kept)], warnings=warnings,
                  shown=[o for o in outcomes if o.outcome not in quiet],
                  quiet=[o for o in outcomes if o.outcome in quiet],
                  writes=sum(1 for o in outcomes if o.outcome in ("created", "updated")))
