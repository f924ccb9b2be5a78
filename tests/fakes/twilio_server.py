"""A small fake of Twilio's Messages API on 127.0.0.1, spoken to by the real `twilio` client.

It answers with Twilio's real JSON shapes: a created Message (201), Twilio's error body
(`code`, `message`, `more_info`, `status`) for 401/429/500/21610/21211, the paged Messages list
(with the To and DateSent> filters) and MMS media behind HTTP Basic auth that redirects to an
unauthenticated storage URL, as Twilio's does.

A created message is accepted or queued, not yet sent: its `date_sent` is null, as Twilio's
is until it hands the text to a carrier, and the DateSent filters (whole days, as documented)
never match it. Its listen queue is deep enough for every connection a dispatcher opens at
once: with the standard library's 5, a burst of connections overflows it and the kernel delivers
some requests seconds late, after the sender was killed and its rows reconciled.

WhatsApp as Twilio's API for it behaves: a `whatsapp:` To needs a `whatsapp:` From (or a
Messaging Service), else 21910; free text is refused with 63016 unless the recipient wrote to
us within 24 hours (`heard_from`); a template (`ContentSid` with `ContentVariables`) goes at any
time, rendered from `templates`, and an unknown Content SID is refused with 21655. A template's
variables must all be filled, and only they, each with a value WhatsApp takes (words on one
line): else 63028, where Twilio itself would quietly fill a gap with the template's sample
value and send the family words we never wrote.
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlsplit

from tests.fakes.serving import serve, stop

ACCOUNT_SID = "AC" + "0" * 32
AUTH_TOKEN = "fake-auth-token-0123456789abcdef"
API = f"/2010-04-01/Accounts/{ACCOUNT_SID}"

ERRORS = {
    21211: (400, "The 'To' number is not a valid phone number."),
    21610: (400, "Attempt to send to unsubscribed recipient"),
    21614: (400, "'To' number is not a valid mobile number"),
    20429: (429, "Too Many Requests"),
    21655: (400, "The ContentSid is Invalid"),
    21910: (400, "Invalid From and To pair. From and To should be of the same channel"),
    63028: (400, "Number of parameters provided does not match the expected number of "
                 "parameters"),
    63016: (400, "Failed to send freeform message because you are outside the allowed window. "
                 "If you want to send messages outside the window, use a Message Template."),
    20500: (500, "Internal Server Error"),
}


@dataclass
class Seen:
    """One request the fake received."""

    method: str
    path: str
    form: dict[str, str]
    query: dict[str, list[str]]
    authorised: bool


@dataclass
class FakeTwilio:
    """Start with `start()`; `base_url` is what ROLLCALL_TWILIO_API_BASE should be."""

    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    messages: list[dict[str, Any]] = field(default_factory=list)
    seen: list[Seen] = field(default_factory=list)
    # To-number -> Twilio error code it gets (until cleared); or one-shot errors for anyone.
    errors_for: dict[str, int] = field(default_factory=dict)
    next_errors: list[int] = field(default_factory=list)
    retry_after: str | None = "7"
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    hang: bool = False  # never answer the next create: a lost answer
    # Seconds the next creates spend on the wire before they reach the API, one each: a slow
    # network that bunches sends up.
    delays: list[float] = field(default_factory=list)
    # The media host: the next downloads answer 503, one each; each waits this long first.
    media_failures: int = 0
    media_delay: float = 0.0
    # WhatsApp: when each "whatsapp:+44..." last wrote to us, and the approved templates
    # (Content SID -> text with {{1}}, {{2}} ... for its variables).
    whatsapp_heard: dict[str, datetime] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)

    def approve(self, sid: str, body: str) -> None:
        """WhatsApp approves a template, as Meta checks its body: variables {{1}}, {{2}}, ...
        numbered in order, none at the very start or end, none side by side, at most 1,024
        characters. A body it would reject raises ValueError."""
        numbers = [int(n) for n in re.findall(r"\{\{(\d+)\}\}", body)]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"variables not numbered 1, 2, ... in order: {numbers}")
        if body.strip().startswith("{{") or body.strip().endswith("}}"):
            raise ValueError("a variable at the start or the end of the body")
        if re.search(r"\}\}\s*\{\{", body):
            raise ValueError("two variables side by side")
        if len(body) > 1024:
            raise ValueError(f"{len(body)} characters, over 1,024")
        self.templates[sid] = body

    def heard_from(self, number: str) -> None:
        """The family at `number` (E.164) wrote to us on WhatsApp now: its window opens."""
        self.whatsapp_heard["whatsapp:" + number] = self.now()

    def start(self) -> FakeTwilio:
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = serve(self._server)
        return self

    def stop(self) -> None:
        stop(self._server)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add_media(self, content_type: str, data: bytes) -> str:
        """A media item on some earlier inbound message; returns its URL as Twilio gives it."""
        sid = f"ME{len(self.media):032d}"
        self.media[sid] = (content_type, data)
        return f"https://api.twilio.com{API}/Messages/MM{'1' * 32}/Media/{sid}"

    def next_delay(self) -> float:
        with self._lock:
            return self.delays.pop(0) if self.delays else 0.0

    def created(self) -> list[dict[str, Any]]:
        return list(self.messages)

    # --- the API ------------------------------------------------------------------------

    def create(self, form: dict[str, str]) -> tuple[int, dict[str, Any], dict[str, str]]:
        code = self.next_errors.pop(0) if self.next_errors else self.errors_for.get(form["To"])
        if code is None and form["To"].startswith("whatsapp:"):
            code = self._whatsapp_refusal(form)
        if code is not None:
            return self.error(code)
        now = format_datetime(self.now(), usegmt=True)
        body = form.get("Body", "")
        if "ContentSid" in form:
            body = _VARIABLE.sub(lambda v: _variables(form)[v.group(1)],
                                 self.templates[form["ContentSid"]])
        message = {
            "account_sid": ACCOUNT_SID, "api_version": "2010-04-01", "body": body,
            "date_created": now, "date_sent": None, "date_updated": now,
            "direction": "outbound-api", "error_code": None, "error_message": None,
            "from": form.get("From"), "messaging_service_sid": form.get("MessagingServiceSid"),
            "num_media": "0", "num_segments": str(_segments(body)), "price": None,
            "price_unit": "USD",
            "status": "accepted" if form.get("MessagingServiceSid") else "queued",
            "to": form["To"],
            # Not in Twilio's answer: kept so tests can see what was asked for.
            "_form": form,
        }
        with self._lock:  # one SID each, however many requests arrive at once
            sid = f"SM{len(self.messages) + 1:032x}"
            message |= {"sid": sid, "uri": f"{API}/Messages/{sid}.json",
                        "subresource_uris": {"media": f"{API}/Messages/{sid}/Media.json"}}
            self.messages.append(message)
        return 201, _public(message), {}

    def _whatsapp_refusal(self, form: dict[str, str]) -> int | None:
        if not (form.get("From", "").startswith("whatsapp:") or form.get("MessagingServiceSid")):
            return 21910
        if "ContentSid" in form:
            template = self.templates.get(form["ContentSid"])
            if template is None:
                return 21655
            return None if _filled(template, _variables(form)) else 63028
        heard = self.whatsapp_heard.get(form["To"])
        if heard is None or self.now() - heard >= timedelta(hours=24):
            return 63016
        return None

    def list(self, query: dict[str, list[str]]) -> dict[str, Any]:
        to = query.get("To", [None])[0]
        after = query.get("DateSent>", [None])[0]
        found = [m for m in self.messages if (to is None or m["to"] == to)
                 and (after is None or _sent_on_or_after(m["date_sent"], after))]
        return {"messages": [_public(m) for m in reversed(found)], "end": max(0, len(found) - 1),
                "first_page_uri": f"{API}/Messages.json?PageSize=50&Page=0",
                "next_page_uri": None, "page": 0, "page_size": 50, "previous_page_uri": None,
                "start": 0, "uri": f"{API}/Messages.json?PageSize=50&Page=0"}

    def error(self, code: int) -> tuple[int, dict[str, Any], dict[str, str]]:
        status, message = ERRORS[code]
        headers = {"Retry-After": self.retry_after} if status == 429 and self.retry_after else {}
        return status, {"code": code, "message": message, "status": status,
                        "more_info": f"https://www.twilio.com/docs/errors/{code}"}, headers


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the listen backlog: see the module's docstring

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            return  # a client killed mid-exchange (the fault tests): as Twilio, say nothing
        super().handle_error(request, client_address)


def _handler(fake: FakeTwilio) -> type[BaseHTTPRequestHandler]:
    expected = "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        # Keep-alive, as Twilio's API does: the client's pooled connections are reused.
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

        def _seen(self, form: dict[str, str]) -> tuple[str, bool]:
            parts = urlsplit(self.path)
            authorised = self.headers.get("Authorization") == expected
            fake.seen.append(Seen(self.command, parts.path, form,
                                  parse_qs(parts.query), authorised))
            return parts.path, authorised

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(parse_qsl(self.rfile.read(length).decode()))
            path, authorised = self._seen(form)
            if not authorised:
                return self._json(401, {"code": 20003, "message": "Authenticate",
                                        "more_info": "", "status": 401})
            if path != f"{API}/Messages.json":
                return self._json(404, {"code": 20404, "message": "Not found", "status": 404})
            time.sleep(fake.next_delay())
            if fake.hang:
                fake.hang = False
                fake.create(form)  # accepted, but the answer never comes back
                return self._json(504, {"code": 20504, "message": "lost", "status": 504})
            status, body, headers = fake.create(form)
            self._json(status, body, headers)

        def do_GET(self) -> None:
            path, authorised = self._seen({})
            if path.startswith("/media-store/"):
                time.sleep(fake.media_delay)  # a slow storage host
                with fake._lock:
                    failing, fake.media_failures = (fake.media_failures > 0,
                                                    max(0, fake.media_failures - 1))
                if failing:
                    return self._json(503, {"code": 20503, "message": "unavailable",
                                            "status": 503})
                content_type, data = fake.media[path.rsplit("/", 1)[-1]]
                try:
                    return self._bytes(200, content_type, data)
                except (BrokenPipeError, ConnectionResetError):
                    return None  # the fetcher gave up on a slow host: as a real one, say nothing
            if not authorised:
                return self._json(401, {"code": 20003, "message": "Authenticate",
                                        "more_info": "", "status": 401})
            if path == f"{API}/Messages.json":
                return self._json(200, fake.list(parse_qs(urlsplit(self.path).query)))
            if "/Media/" in path and path.rsplit("/", 1)[-1] in fake.media:
                self.send_response(307)
                self.send_header("Location", "/media-store/" + path.rsplit("/", 1)[-1])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._json(404, {"code": 20404, "message": "Not found", "status": 404})

        def _json(self, status: int, body: dict[str, Any],
                  headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _bytes(self, status: int, content_type: str, data: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


_VARIABLE = re.compile(r"\{\{(\w+)\}\}")


def _variables(form: dict[str, str]) -> dict[str, str]:
    return {str(k): str(v) for k, v in json.loads(form.get("ContentVariables") or "{}").items()}


def _filled(template: str, variables: dict[str, str]) -> bool:
    """Every variable of the template given, and no other; each a value WhatsApp takes: some
    words on one line, no tab, no run of five spaces."""
    return set(_VARIABLE.findall(template)) == set(variables) and all(
        value.strip() and not re.search(r"[\n\t]| {5}", value) for value in variables.values())


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if not k.startswith("_")}


def _segments(body: str) -> int:
    # Deliberately simple and independent of rollcall's own counter.
    single, multi = (160, 153) if all(ord(c) < 128 for c in body) else (70, 67)
    return 1 if len(body) <= single else math.ceil(len(body) / multi)


def _sent_on_or_after(date_sent: str | None, after: str) -> bool:
    """Twilio's `DateSent>=YYYY-MM-DD`: sent on or after midnight GMT of that day (the client
    library sends a full timestamp; the day is what counts). Never a message not yet sent."""
    if date_sent is None:
        return False
    return parsedate_to_datetime(date_sent).date() >= date.fromisoformat(after[:10])
