"""The Wonde connector: students with their contacts, attendance codes and session marks in;
confirmed reasons out with `POST attendance/session`, batched as Wonde's public client's
`SessionRegister` builds them (`{"attendance": [{student_id, date, session,
attendance_code_id, comment}]}`), keeping the `writeback_id` Wonde answers with.

Shapes follow Wonde's public documentation and its PHP client; what those do not show (the
session-attendance row, the 422 body, a duplicate) is listed as assumed in the README.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any, ClassVar

import httpx

from scheduling.mis.wonde_http import WondeHttp
from store.errors import MisShapeError, MisUnavailable
from store.mis_records import (
    Cursors,
    Pull,
    PulledCode,
    PulledContact,
    PulledLink,
    PulledMark,
    PulledStudent,
    PushRecord,
    PushResult,
)

STUDENT_INCLUDES = "contacts.contact_details,extended_details,year,groups"
PER_PAGE = "200"
BATCH = 100  # records per POST
# Whole seconds: a row stamped in the same second as the cursor is read again, never missed
# (writing it again changes nothing).
OVERLAP = timedelta(seconds=1)
STAMP = "%Y-%m-%d %H:%M:%S"
_ERROR_KEY = re.compile(r"^attendance\.(\d+)(?:\.\w+)?$")
# Wonde's 422 for a record it already holds (assumed wording, see the README).
_DUPLICATE = "already been written"
_SESSIONS = {"AM": "AM", "PM": "PM", "A": "AM", "P": "PM", "MORNING": "AM", "AFTERNOON": "PM"}


class WondeConnector:
    provider: ClassVar[str] = "wonde"

    def __init__(self, *, base_url: str, token: str, school: str,
                 http: httpx.Client | None = None, batch: int = BATCH,
                 first_marks_since: datetime | None = None, requests_per_second: float = 0.0,
                 sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.api = WondeHttp(base_url=base_url, token=token, school=school, http=http,
                             requests_per_second=requests_per_second, sleep=sleep,
                             monotonic=monotonic)
        self.batch = batch
        # A first pull of marks reads this day's changes, not the school's whole history.
        self.first_marks_since = first_marks_since

    def close(self) -> None:
        self.api.close()

    # --- pull ----------------------------------------------------------------------------

    def pull(self, cursors: Cursors) -> Pull:
        pull = Pull()
        students, newest_student = self._list("students", cursors.students,
                                              include=STUDENT_INCLUDES)
        pull.students = [student_record(s) for s in students]
        if cursors.contacts is not None:  # a full pull has every contact through its students
            contacts, newest_contact = self._list("contacts", cursors.contacts,
                                                  include="contact_details")
            pull.contacts = [contact_record(c) for c in contacts]
        else:
            newest_contact = newest_student
        marks_since = cursors.marks or (self.first_marks_since.strftime(STAMP)
                                        if self.first_marks_since else None)
        rows, newest_mark = self._list("attendance/session", marks_since, include=None)
        pull.marks = [m for m in (mark_record(r) for r in rows) if m is not None]
        if cursors.students is None or any(m.code_ref not in cursors.known_codes
                                           for m in pull.marks):
            pull.codes = [PulledCode(ref=str(c["id"]), code=str(c.get("code") or ""))
                          for c in self.api.get_all("attendance-codes", {})]
        pull.cursors = Cursors(students=newest_student or cursors.students,
                               contacts=newest_contact or cursors.contacts,
                               marks=newest_mark or marks_since,
                               known_codes=frozenset(c.ref for c in pull.codes)
                               if pull.codes else cursors.known_codes)
        pull.requests = self.api.requests
        return pull

    def _list(self, path: str, since: str | None, *,
              include: str | None) -> tuple[list[dict[str, Any]], str | None]:
        params = {"per_page": PER_PAGE}
        if include:
            params["include"] = include
        if since:
            params["updated_after"] = since
        items = list(self.api.get_all(path, params))
        stamps = [s for s in (_stamp(i.get("updated_at")) for i in items) if s]
        newest = (datetime.strptime(max(stamps), STAMP) - OVERLAP).strftime(STAMP) if stamps \
            else None
        return items, newest

    # --- push ----------------------------------------------------------------------------

    def push(self, records: Sequence[PushRecord]) -> list[PushResult]:
        results: list[PushResult] = []
        for start in range(0, len(records), self.batch):
            results += self._push_batch(list(records[start:start + self.batch]))
        return results

    def _push_batch(self, pending: list[PushRecord]) -> list[PushResult]:
        """One POST; when Wonde refuses some records (422, nothing written), those get their
        reason and the rest are posted again without them."""
        results: list[PushResult] = []
        while pending:
            body = {"attendance": [session_attendance(r) for r in pending]}
            try:
                response = self.api.send("POST", self.api.root + "attendance/session", json=body)
            except MisUnavailable as error:
                return results + [PushResult(r.push_id, "retry", reason=str(error),
                                             retry_after=error.retry_after) for r in pending]
            if response.is_success:
                writeback_id = _writeback_id(response)
                return results + [PushResult(r.push_id, "written", writeback_id=writeback_id)
                                  for r in pending]
            if response.status_code != 422:
                reason = f"Wonde answered HTTP {response.status_code}"
                return results + [PushResult(r.push_id, "retry", reason=reason) for r in pending]
            refused = refusals(response)
            if not refused:  # a 422 naming no record: every record carries its message
                reason = _message(response)
                return results + [PushResult(r.push_id, "refused", reason=reason)
                                  for r in pending]
            for index, reason in sorted(refused.items()):
                if index < len(pending):
                    outcome = "written" if _DUPLICATE in reason else "refused"
                    results.append(PushResult(pending[index].push_id, outcome, reason=reason))
            pending = [r for i, r in enumerate(pending) if i not in refused]
        return results


# --- Wonde's shapes -> records ---------------------------------------------------------------

def student_record(item: dict[str, Any]) -> PulledStudent:
    """One student as Wonde lists it with STUDENT_INCLUDES."""
    extended = _included(item, "extended_details") or {}
    year = _included(item, "year") or {}
    groups = _included(item, "groups") or []
    reg_group = next((g.get("name") for g in groups if isinstance(g, dict)
                      and _is_registration(g.get("type"))), None)
    links = tuple(_link(c) for c in (_included(item, "contacts") or []) if isinstance(c, dict))
    return PulledStudent(
        ref=_required(item, "id"), mis_id=str(item.get("mis_id") or item["id"]),
        first_name=str(item.get("legal_forename") or item.get("forename") or ""),
        last_name=str(item.get("legal_surname") or item.get("surname") or ""),
        preferred_name=item.get("forename") or None, upn=extended.get("upn") or None,
        year_group=str(year.get("name") or year.get("code") or "") or None,
        reg_group=reg_group, links=links)


def contact_record(item: dict[str, Any]) -> PulledContact:
    """One contact with its `contact_details` included: phones best first (a mobile before
    the primary number, then home and work), the primary email first."""
    details = _included(item, "contact_details") or {}
    phones = details.get("phones") or {}
    emails = details.get("emails") or {}
    ordered = [phones.get(k) for k in ("mobile", "primary", "phone", "home", "work")]
    name = " ".join(str(p) for p in (item.get("forename"), item.get("surname")) if p) or " ".join(
        str(p) for p in (item.get("title"), item.get("surname")) if p)
    email = next((emails.get(k) for k in ("primary", "email", "home", "work") if emails.get(k)),
                 None)
    return PulledContact(ref=_required(item, "id"),
                         external_id=str(item.get("mis_id") or item["id"]), name=name,
                         phones=tuple(dict.fromkeys(str(p) for p in ordered if p)),
                         email=email)


def _is_registration(kind: Any) -> bool:
    """A form (registration) group, however the MIS behind Wonde names its type."""
    text = str(kind or "").upper()
    return text.startswith("REG") or text in ("FORM", "FORM_GROUP", "TUTOR", "TUTOR_GROUP")


def _link(item: dict[str, Any]) -> PulledLink:
    relationship = _included(item, "relationship") or {}
    if not isinstance(relationship, dict):  # a bare string in some payloads
        relationship = {"relationship": relationship}
    priority = str(relationship.get("priority") or "")
    return PulledLink(contact=contact_record(item),
                      relationship=relationship.get("relationship") or None,
                      priority=int(priority) if priority.isdigit() else None,
                      parental_responsibility=_flag(relationship.get("parental_responsibility")))


def mark_record(item: dict[str, Any]) -> PulledMark | None:
    """One session-attendance row, or None when the register has no mark for it yet."""
    code = item.get("attendance_code")
    if isinstance(code, dict):
        code = (code.get("data") or code).get("id")
    student = item.get("student")
    if isinstance(student, dict):
        student = (student.get("data") or student).get("id")
    day = _stamp(item.get("date"))
    if not code or not student or not day:
        return None
    session = _SESSIONS.get(str(item.get("session") or "").strip().upper())
    if session is None:
        return None
    return PulledMark(student_ref=str(student), day=date.fromisoformat(day[:10]),
                      session=session, code_ref=str(code),
                      updated_at=_stamp(item.get("updated_at")))


def session_attendance(record: PushRecord) -> dict[str, str]:
    """One record of the `attendance` list, as SessionAttendanceRecord::toArray builds it
    (the comment only when there is one)."""
    body = {"date": record.day.isoformat(), "session": record.session,
            "student_id": record.student_ref, "attendance_code_id": record.code_ref}
    if record.comment:
        body["comment"] = record.comment
    return body


def refusals(response: httpx.Response) -> dict[int, str]:
    """The records a 422 names, by their index in the batch, with Wonde's message."""
    try:
        errors = response.json().get("errors") or {}
    except (ValueError, AttributeError):
        return {}
    found: dict[int, str] = {}
    for key, messages in errors.items() if isinstance(errors, dict) else ():
        match = _ERROR_KEY.match(str(key))
        if match:
            text = messages[0] if isinstance(messages, list) and messages else str(messages)
            found.setdefault(int(match.group(1)), str(text))
    return found


def _message(response: httpx.Response) -> str:
    try:
        return str(response.json().get("message") or "Wonde refused the write (HTTP 422)")
    except (ValueError, AttributeError):
        return "Wonde refused the write (HTTP 422)"


def _writeback_id(response: httpx.Response) -> str | None:
    try:
        value = response.json().get("writeback_id")
    except (ValueError, AttributeError):
        raise MisShapeError("the write-back answer is not JSON") from None
    return str(value) if value else None


def _included(item: dict[str, Any], name: str) -> Any:
    """An `include=` relation: Wonde wraps it as {"data": ...}."""
    value = item.get(name)
    return value.get("data") if isinstance(value, dict) and "data" in value else value


def _required(item: dict[str, Any], name: str) -> str:
    value = item.get(name)
    if not value:
        raise MisShapeError(f"a Wonde record without {name!r}")
    return str(value)


def _stamp(value: Any) -> str | None:
    """Wonde's dates ({"date": "2026-11-23 08:59:12.000000", "timezone": ...} or a string) as
    "YYYY-MM-DD HH:MM:SS"."""
    if isinstance(value, dict):
        value = value.get("date")
    if not value:
        return None
    text = str(value).replace("T", " ")
    return text[:19] if len(text) >= 19 else f"{text[:10]} 00:00:00"


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if value in (1, "1", "true", "TRUE", "yes", "Yes", "Y"):
        return True
    if value in (0, "0", "false", "FALSE", "no", "No", "N"):
        return False
    return None
