"""The REST API for the MIS side: push register marks, read marks and the write-back feed.

Every route is under `/api/v1/schools/{school_id}/` and needs that school's API token as a
bearer token (`rollcall school add` prints it). A missing or wrong token is 401 and changes
nothing; a right token for another school is 404, as if the school did not exist.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from bot.deps import ServicesDep, SessionDep
from store.errors import InvalidCode, InvalidInput, NoMarkYet
from store.marks import (
    MarkKey,
    RegisterEntry,
    insert_register_marks,
    marks_by_key,
    marks_of_day,
    register_entry,
    write_register_mark,
)
from store.models.schools import School
from store.schools import school_for_token
from store.students import student_ids_by_mis_id
from store.writeback_feed import WriteBackItem, feed_csv, write_back_feed

router = APIRouter(prefix="/api/v1/schools/{school_id}", tags=["MIS"])
_bearer = HTTPBearer(auto_error=False, description="The school's API token.")
MAX_PUSH = 10_000


def authorised_school(school_id: int, session: SessionDep,
                      credentials: Annotated[HTTPAuthorizationCredentials | None,
                                             Depends(_bearer)]) -> School:
    """The school the path names, when the bearer token is that school's."""
    school = school_for_token(session, credentials.credentials) if credentials else None
    if school is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing or wrong API token",
                            headers={"WWW-Authenticate": "Bearer"})
    if school.id != school_id:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such school")
    return school


SchoolDep = Annotated[School, Depends(authorised_school)]


class RegisterMark(BaseModel):
    student_id: str = Field(description="The student's id in the MIS (as imported).")
    date: date
    session: str = Field(description="AM, PM or a lesson id.", examples=["AM"])
    code: str = Field(description="A current DfE attendance code.", examples=["N"])


class MarksPush(BaseModel):
    marks: list[RegisterMark] = Field(max_length=MAX_PUSH)


class PushResult(BaseModel):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = Field(0, description="N marks not applied: a reason was already given.")
    not_taken: int = Field(0, description="Marks sent as `-` or blank: no mark yet, passed over.")


class MarkOut(BaseModel):
    student_id: str
    first_name: str
    last_name: str
    date: date
    session: str
    code: str
    reason_status: str
    suggested_code: str | None
    intent: str | None
    reason_text: str | None
    source: str
    set_by: str | None
    updated_at: datetime | None
    version: int


class MarksOut(BaseModel):
    date: date
    marks: list[MarkOut]


class Feed(BaseModel):
    items: list[WriteBackItem]
    next_cursor: str = Field(description="Pass as `since` next time.")


@router.post("/marks", response_model=PushResult)
def push_marks(body: MarksPush, school: SchoolDep, session: SessionDep,
               services: ServicesDep) -> PushResult:
    """Push register marks in bulk. All or nothing: any bad mark is a 422 listing each one by
    index, and nothing is written. Sending the same marks again changes nothing."""
    school_id = school.id or 0
    students: dict[str, int | None] = dict(student_ids_by_mis_id(session, school_id))
    entries: dict[int, RegisterEntry] = {}
    errors: list[dict[str, object]] = []
    first_at: dict[MarkKey, int] = {}
    not_taken = 0
    for index, mark in enumerate(body.marks):
        try:
            entry = register_entry(students, student=mark.student_id,
                                   day=mark.date.isoformat(), session=mark.session,
                                   code=mark.code)
        except NoMarkYet:
            not_taken += 1
            continue
        except (InvalidInput, InvalidCode) as error:
            errors.append({"index": index, "message": str(error)})
            continue
        if entry.key in first_at:
            errors.append({"index": index, "message": "the same student's session is also at "
                           f"index {first_at[entry.key]}"})
            continue
        first_at[entry.key] = index
        entries[index] = entry
    if errors:
        raise HTTPException(422, {"errors": errors})
    stored = marks_by_key(session, school_id=school_id, days=(e.day for e in entries.values()))
    result = PushResult(not_taken=not_taken)
    result.created = insert_register_marks(
        session, services.clock, school_id=school_id, actor="api",
        entries=[e for e in entries.values() if e.key not in stored])
    for entry in entries.values():
        if entry.key in stored:
            outcome, _ = write_register_mark(session, services.clock, school_id=school_id,
                                             entry=entry, existing=stored[entry.key],
                                             actor="api")
            setattr(result, outcome.value, getattr(result, outcome.value) + 1)
    return result


@router.get("/marks", response_model=MarksOut)
def read_marks(school: SchoolDep, session: SessionDep, services: ServicesDep,
               day: Annotated[date | None, Query(alias="date", description=(
                   "School-local date; today when left out."))] = None,
               reason_status: Annotated[str | None, Query(
                   pattern="^(unexplained|reported|confirmed)$")] = None) -> MarksOut:
    """One day's marks with where each reason stands."""
    day = day or services.clock.now().astimezone(ZoneInfo(school.timezone)).date()
    marks = [MarkOut(student_id=s.mis_id, first_name=s.first_name, last_name=s.last_name,
                     date=m.day, session=m.session, code=m.code, reason_status=m.reason_status,
                     suggested_code=m.suggested_code, intent=m.intent,
                     reason_text=m.reason_text, source=m.source, set_by=m.set_by,
                     updated_at=m.updated_at, version=m.version)
             for m, s in marks_of_day(session, school_id=school.id or 0, day=day,
                                      reason_status=reason_status)]
    return MarksOut(date=day, marks=marks)


Since = Annotated[int, Query(ge=0, description="The cursor a previous call returned; 0 for "
                                                "everything.")]
Limit = Annotated[int, Query(ge=1, le=5000)]


@router.get("/write-back", response_model=Feed)
def write_back(school: SchoolDep, session: SessionDep, since: Since = 0,
               limit: Limit = 500) -> Feed:
    """Reasons confirmed (by the bot or by staff) since the cursor: code, reason text, who
    confirmed it and the message it came from. Call again with `next_cursor` until empty."""
    items, cursor = write_back_feed(session, school_id=school.id or 0, since=since,
                                    limit=limit)
    return Feed(items=items, next_cursor=str(cursor))


@router.get("/write-back.csv", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def write_back_csv(school: SchoolDep, session: SessionDep, since: Since = 0,
                   limit: Limit = 5000) -> Response:
    """The write-back feed as CSV (the next cursor is in the `X-Next-Cursor` header)."""
    items, cursor = write_back_feed(session, school_id=school.id or 0, since=since,
                                    limit=limit)
    return Response(feed_csv(items), media_type="text/csv; charset=utf-8",
                    headers={"X-Next-Cursor": str(cursor), "Content-Disposition":
                             f'attachment; filename="rollcall-write-back-{school.id}.csv"'})
