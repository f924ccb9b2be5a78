"""A fake of Wonde's school API on 127.0.0.1 that enforces the shapes rollcall relies on.

- Auth: `Authorization: Bearer <token>` (or Basic `<token>:`, as Wonde's PHP client sends it);
  anything else is 401.
- Lists (`students`, `contacts`, `attendance-codes`, `attendance/session`): `data` plus
  `meta.pagination` (`next`, `previous`, `more`, `per_page`, `current_page`); `per_page` at most
  200; `updated_after` ("YYYY-MM-DD HH:MM:SS", strictly after); `include=` only of the known
  relations, each wrapped as {"data": ...}; an unknown include or a bad date is 400.
- A request rate limit per token (`rate_limit` requests in any one second): past it, 429 with
  `Retry-After`.
- `POST attendance/session` with {"attendance": [...]}: each record is checked (required
  fields, no unknown field, a known student and attendance code id, AM/PM, Y-m-d), and a
  record for a session the register no longer holds as N (the register changed), a code the
  school does not allow to be written, or the very record already written, is refused. Any
  refusal is 422 {"message", "errors": {"attendance.<i>.<field>": [...]}} and writes nothing
  (Laravel's validation shape; Wonde's exact wording is not public). Success writes the
  batch into the register and answers {"writeback_id": ...}.
`next_statuses` makes the next requests answer 500/503 once each.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.fakes.serving import serve, stop

TOKEN = "fake-wonde-token-0123456789abcdef"
SCHOOL = "A1930499544"
STAMP = "%Y-%m-%d %H:%M:%S"
RECORD_FIELDS = {"student_id", "employee_id", "date", "session", "attendance_code_id",
                 "comment", "minutes_late"}
REQUIRED = ("student_id", "date", "session", "attendance_code_id")
INCLUDES = {"students": {"contacts", "contacts.contact_details", "contact_details",
                         "extended_details", "year", "groups"},
            "contacts": {"contact_details", "students"},
            "attendance-codes": set(), "attendance/session": {"attendance_code", "student"}}
MAX_PER_PAGE = 200


def wonde_date(when: datetime | date) -> dict[str, Any]:
    """A date as Wonde writes one."""
    moment = when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)
    return {"date": moment.strftime("%Y-%m-%d %H:%M:%S.000000"), "timezone_type": 3,
            "timezone": "UTC"}


@dataclass
class FakeWonde:
    """Start with `start()`; `base_url` is what ROLLCALL_WONDE_BASE_URL should be."""

    token: str = TOKEN
    school: str = SCHOOL
    rate_limit: int = 10  # requests a second per token
    # The rate limit's clock: a test gives the client's virtual one, so waits cost no time.
    monotonic: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    students: dict[str, dict[str, Any]] = field(default_factory=dict)
    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    not_writable: set[str] = field(default_factory=set)  # code ids the school refuses
    register: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    writebacks: list[dict[str, Any]] = field(default_factory=list)
    next_statuses: list[int] = field(default_factory=list)
    requests: int = 0
    limited: int = 0  # requests answered 429
    with_more: bool = True  # False: pages say only `next`, as some of Wonde's answers are read
    down: set[str] = field(default_factory=set)  # resources that answer 503 until removed

    def start(self) -> FakeWonde:
        self._lock = threading.Lock()
        self._window: deque[float] = deque()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._thread = serve(self._server)
        return self

    def stop(self) -> None:
        stop(self._server)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1.0"

    # --- the school's data, as a test sets it up ---------------------------------------

    def _stamped(self, record: dict[str, Any]) -> dict[str, Any]:
        stamp = wonde_date(self.now())
        record.setdefault("created_at", stamp)
        record["updated_at"] = stamp
        return record

    def add_code(self, code: str, *, description: str = "", writable: bool = True) -> str:
        code_id = f"C{len(self.codes) + 1:09d}"
        self.codes[code_id] = {"id": code_id, "code": code, "description": description,
                               "type": "PRESENT" if code in ("/", "\\", "L") else "ABSENT"}
        if not writable:
            self.not_writable.add(code_id)
        return code_id

    def code_id(self, code: str) -> str:
        return next(i for i, c in self.codes.items() if c["code"] == code)

    def add_student(self, record: dict[str, Any]) -> str:
        """A student as Wonde holds it (id, mis_id, names; `extended_details`, `year` and
        `groups` as plain values: they are wrapped when included)."""
        self.students[record["id"]] = self._stamped(dict(record))
        self.links.setdefault(record["id"], [])
        return str(record["id"])

    def add_contact(self, record: dict[str, Any]) -> str:
        self.contacts[record["id"]] = self._stamped(dict(record))
        return str(record["id"])

    def link(self, student_id: str, contact_id: str, relationship: dict[str, Any]) -> None:
        self.links[student_id].append((contact_id, relationship))
        self._stamped(self.students[student_id])

    def update_contact(self, contact_id: str, **changes: Any) -> None:
        self._stamped(self.contacts[contact_id]).update(changes)

    def set_mark(self, student_id: str, day: date, session: str, code: str) -> None:
        """The register records a mark (the letter; its code id is looked up)."""
        key = (student_id, day.isoformat(), session)
        row = self.register.get(key) or {"id": f"M{len(self.register) + 1:09d}",
                                         "student": student_id, "session": session,
                                         "date": wonde_date(day), "comment": None}
        row["attendance_code"] = self.code_id(code)
        self.register[key] = self._stamped(row)

    def mark(self, student_id: str, day: date, session: str) -> str | None:
        row = self.register.get((student_id, day.isoformat(), session))
        return self.codes[row["attendance_code"]]["code"] if row else None

    def written(self) -> list[dict[str, Any]]:
        """Every record written back, in order, each with its write-back id."""
        return [{**record, "writeback_id": batch["writeback_id"]}
                for batch in self.writebacks for record in batch["attendance"]]

    # --- the API ---------------------------------------------------------------------------

    def admit(self) -> bool:
        """Counts a request against the rate limit; False when it is over it."""
        with self._lock:
            self.requests += 1
            moment = self.monotonic()
            while self._window and moment - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= self.rate_limit:
                self.limited += 1
                return False
            self._window.append(moment)
            return True

    def next_status(self) -> int | None:
        with self._lock:
            return self.next_statuses.pop(0) if self.next_statuses else None

    def authorised(self, header: str | None) -> bool:
        if not header:
            return False
        kind, _, value = header.partition(" ")
        if kind == "Bearer":
            return value == self.token
        if kind == "Basic":
            try:
                return base64.b64decode(value).decode() == f"{self.token}:"
            except ValueError:
                return False
        return False

    def list_page(self, resource: str, query: dict[str, str],
                  url: str) -> tuple[int, dict[str, Any]]:
        includes = {i for i in query.get("include", "").split(",") if i}
        unknown = includes - INCLUDES[resource]
        if unknown:
            return 400, {"error": "invalid_include",
                         "error_description": f"unknown include: {', '.join(sorted(unknown))}"}
        try:
            per_page = min(int(query.get("per_page", "50")), MAX_PER_PAGE)
            page = max(int(query.get("page", "1")), 1)
            after = (datetime.strptime(query["updated_after"], STAMP)
                     if "updated_after" in query else None)
        except ValueError:
            return 400, {"error": "invalid_parameter",
                         "error_description": "per_page, page or updated_after is malformed"}
        with self._lock:
            items = [self.render(resource, record, includes)
                     for record in self._records(resource)
                     if after is None or _updated(record) > after]
        chunk = items[(page - 1) * per_page:page * per_page]
        more = page * per_page < len(items)
        base = url.split("?", 1)[0]
        following = {**query, "page": str(page + 1)}
        previous = {**query, "page": str(page - 1)}
        pagination = {"next": f"{base}?{urlencode(following)}" if more else None,
                      "previous": f"{base}?{urlencode(previous)}" if page > 1 else None,
                      "more": more, "per_page": per_page, "current_page": page}
        if not self.with_more:
            del pagination["more"]
        return 200, {"data": chunk, "meta": {"pagination": pagination,
                                             "includes": sorted(includes)}}

    def _records(self, resource: str) -> list[dict[str, Any]]:
        tables: dict[str, dict[Any, dict[str, Any]]] = {
            "students": self.students, "contacts": self.contacts, "attendance-codes": self.codes,
            "attendance/session": self.register}
        return list(tables[resource].values())

    def render(self, resource: str, record: dict[str, Any], includes: set[str]) -> dict[str, Any]:
        out = {k: v for k, v in record.items()
               if k not in ("extended_details", "year", "groups", "contact_details")}
        if resource == "students":
            for name in ("extended_details", "year", "groups"):
                if name in includes:
                    out[name] = {"data": record.get(name)}
            if includes & {"contacts", "contacts.contact_details"}:
                out["contacts"] = {"data": [
                    {**self.render("contacts", self.contacts[contact_id],
                                   {"contact_details"} if "contacts.contact_details" in includes
                                   else set()), "relationship": relationship}
                    for contact_id, relationship in self.links.get(record["id"], [])]}
        if resource == "contacts" and "contact_details" in includes:
            out["contact_details"] = {"data": record.get("contact_details")}
        return out

    def write(self, body: Any) -> tuple[int, dict[str, Any]]:
        records = body.get("attendance") if isinstance(body, dict) else None
        if not isinstance(records, list) or not records:
            return 422, {"message": "The given data was invalid.",
                         "errors": {"attendance": ["The attendance field is required."]}}
        with self._lock:
            errors: dict[str, list[str]] = {}
            for index, record in enumerate(records):
                errors.update(self._refusals(index, record))
            if errors:
                return 422, {"message": "The given data was invalid.", "errors": errors}
            writeback_id = f"W{len(self.writebacks) + 1:09d}"
            self.writebacks.append({"writeback_id": writeback_id, "attendance": records})
            for record in records:
                key = (record["student_id"], record["date"], record["session"])
                row = self.register.setdefault(key, {
                    "id": f"M{len(self.register) + 1:09d}", "student": record["student_id"],
                    "session": record["session"],
                    "date": wonde_date(date.fromisoformat(record["date"]))})
                row["attendance_code"] = record["attendance_code_id"]
                row["comment"] = record.get("comment")
                self._stamped(row)
        return 200, {"writeback_id": writeback_id}

    def _refusals(self, index: int, record: Any) -> dict[str, list[str]]:
        at = f"attendance.{index}"
        if not isinstance(record, dict):
            return {at: [f"The {at} must be an object."]}
        errors = {f"{at}.{k}": [f"The {at}.{k} field is not allowed."]
                  for k in record if k not in RECORD_FIELDS}
        errors.update({f"{at}.{k}": [f"The {at}.{k} field is required."]
                       for k in REQUIRED if not record.get(k)})
        if errors:
            return errors
        if record["student_id"] not in self.students:
            errors[f"{at}.student_id"] = [f"The selected {at}.student_id is invalid."]
        if record["session"] not in ("AM", "PM"):
            errors[f"{at}.session"] = [f"The selected {at}.session is invalid."]
        try:
            date.fromisoformat(record["date"])
        except (TypeError, ValueError):
            errors[f"{at}.date"] = [f"The {at}.date does not match the format Y-m-d."]
        code_id = record["attendance_code_id"]
        if code_id not in self.codes:
            errors[f"{at}.attendance_code_id"] = [
                f"The selected {at}.attendance_code_id is invalid."]
        elif code_id in self.not_writable:
            errors[f"{at}.attendance_code_id"] = [
                "This attendance code may not be written back at this school."]
        if errors:
            return errors
        row = self.register.get((record["student_id"], record["date"], record["session"]))
        held = row and self.codes[row["attendance_code"]]["code"]
        if row and row["attendance_code"] == code_id:
            return {at: ["This attendance has already been written."]}
        if held not in (None, "N"):
            return {at: [f"The register has changed: the session is now marked {held}."]}
        return {}


def _updated(record: dict[str, Any]) -> datetime:
    return datetime.strptime(record["updated_at"]["date"][:19], STAMP)


def _handler(fake: FakeWonde) -> type[BaseHTTPRequestHandler]:
    prefix = f"/v1.0/schools/{fake.school}/"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: dict[str, Any],
                    headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _gate(self) -> str | None:
            """The resource path, or None when the request was answered already."""
            if not fake.admit():
                self._answer(429, {"error": "Too Many Requests"}, {"Retry-After": "1"})
                return None
            if (status := fake.next_status()) is not None:
                self._answer(status, {"error": "Server Error"})
                return None
            if not fake.authorised(self.headers.get("Authorization")):
                self._answer(401, {"error": "Unauthenticated."})
                return None
            path = urlsplit(self.path).path
            if not path.startswith(prefix):
                self._answer(404, {"error": "Not Found"})
                return None
            return path[len(prefix):].rstrip("/")

        def do_GET(self) -> None:
            resource = self._gate()
            if resource is None:
                return
            if resource not in INCLUDES:
                self._answer(404, {"error": "Not Found"})
                return
            if resource in fake.down:
                self._answer(503, {"error": "Service Unavailable"})
                return
            query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
            url = f"http://{self.headers.get('Host')}{self.path}"
            self._answer(*fake.list_page(resource, query, url))

        def do_POST(self) -> None:
            resource = self._gate()
            if resource is None:
                return
            if resource != "attendance/session":
                self._answer(404, {"error": "Not Found"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"null")
            except ValueError:
                self._answer(400, {"error": "invalid_json"})
                return
            self._answer(*fake.write(body))

    return Handler
