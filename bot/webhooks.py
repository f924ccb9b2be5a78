"""Provider webhooks: verify, store the raw event, answer fast; the work happens after.

Every channel's webhook goes through `receive()`: the body is read within a size limit, the
channel verifies and parses it (`parse_inbound`; a failed verification is 403 and changes
nothing), each message or receipt is stored once under its dedupe key, and the provider gets
its answer at once. Replies are never given in the answer (no TwiML <Message>): the inbound
worker processes the stored event and replies through the outbox, so a slow engine never makes
a provider time out and retry.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, cast

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.exception_handlers import http_exception_handler
from sqlalchemy.exc import SQLAlchemyError
from starlette.background import BackgroundTasks
from starlette.types import ASGIApp, Receive, Scope, Send
from twilio.twiml.messaging_response import MessagingResponse

from bot.intake import NewMessages
from channels.base import AcknowledgesStored, Channel, Received, WebhookRequest
from channels.email_inbound import MAX_EMAIL_BYTES
from store.errors import InvalidInput, WebhookRejected

if TYPE_CHECKING:  # bot.app includes this router: import it for types only
    from bot.app import Services

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024  # Twilio's largest form (1600 characters, ten media URLs) is far less

MAX_TELEGRAM_BYTES = 256 * 1024  # an update is a few kB: 4,096 characters of text at most
router = APIRouter(prefix="/webhooks", tags=["webhooks"])


EMPTY_TWIML = str(MessagingResponse())  # rendered once: serialising it costs a signature check


def empty_twiml(after: BackgroundTasks | None = None) -> Response:
    """Twilio's "nothing to say": the reply, if any, goes through the outbox."""
    return Response(EMPTY_TWIML, media_type="text/xml", background=after)


async def twilio_sms(request: Request) -> Response:
    """An SMS or MMS a contact sent to one of our numbers."""
    return empty_twiml(await receive(request, "sms"))


async def twilio_whatsapp(request: Request) -> Response:
    """A WhatsApp message to our WhatsApp sender, when its webhook is set apart from SMS's
    (Twilio's SMS webhook takes WhatsApp senders too: the channel reads the prefix)."""
    return empty_twiml(await receive(request, "whatsapp"))


async def twilio_status(request: Request) -> Response:
    """A delivery receipt for a text we sent."""
    return empty_twiml(await receive(request, "sms"))


async def telegram_update(request: Request) -> Response:
    """An update Telegram posts to our webhook (its secret header checked by the channel)."""
    after = await receive(request, "telegram", max_bytes=MAX_TELEGRAM_BYTES)
    return Response(status_code=200, background=after)


async def inbound_email(request: Request) -> Response:
    """A raw RFC 5322 message our mail server received, posted with our bearer token."""
    after = await receive(request, "email", max_bytes=MAX_EMAIL_BYTES)
    return Response(status_code=200, background=after)


# Plain Starlette routes: a webhook reads the raw request and nothing else, so FastAPI's
# dependency solving and response handling would only add to the cost of the busiest path.
ENDPOINTS: dict[str, Callable[[Request], Awaitable[Response]]] = {
    router.prefix + path: endpoint
    for path, endpoint in (("/twilio/sms", twilio_sms), ("/twilio/whatsapp", twilio_whatsapp),
                           ("/twilio/status", twilio_status), ("/telegram", telegram_update),
                           ("/email", inbound_email))}
for _path, _endpoint in ENDPOINTS.items():
    router.add_route(_path, _endpoint, methods=["POST"], include_in_schema=False)


class Shortcut:
    """ASGI middleware: a POST to a webhook goes straight to its endpoint, past the app's
    routing and the middleware within this one (the same endpoints, the same answers: FastAPI's
    JSON for an HTTPException). Measured in process, a Twilio webhook cost 475-580 µs of CPU
    through the whole app and 320 µs called directly: a third of the busiest path's cost."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint = None
        if scope["type"] == "http" and scope["method"] == "POST":
            path: str = scope["path"]
            endpoint = ENDPOINTS.get(path.removeprefix(scope.get("root_path", "") or ""))
        if endpoint is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await endpoint(request)
        except HTTPException as error:
            response = await http_exception_handler(request, error)
        await response(scope, receive, send)


async def receive(request: Request, channel_name: str, *,
                  max_bytes: int = MAX_BODY_BYTES) -> BackgroundTasks:
    """Verify, parse and store one provider request; the work to run after the response
    (pass it as the response's `background`).

    Raises HTTPException: 404 when the channel is off, 413 when the body is too large, 403 when
    the request is not verifiably the provider's, 400 when it is verified but malformed."""
    services: Services = request.app.state.services
    channel = services.channels.get(channel_name)
    if channel.simulated:
        raise HTTPException(404, f"the {channel_name} channel is off (its settings are absent)")
    body = await _read_body(request, max_bytes)
    webhook = WebhookRequest(url=signed_url(services, request),
                             headers={k.lower(): v for k, v in request.headers.items()},
                             body=body)
    try:
        received = channel.parse_inbound(webhook)
    except WebhookRejected as error:
        log.warning("webhook %s rejected: %s", channel_name, error)
        raise HTTPException(403, "request could not be verified") from None
    except InvalidInput as error:
        log.warning("webhook %s invalid: %s", channel_name, error)
        raise HTTPException(400, str(error)) from None
    try:
        # Committed with the other requests arriving now (bot.intake) before we answer.
        new = await services.intake.store(received, body)
    except SQLAlchemyError:
        # Nothing of this request was stored: a 5xx makes the provider deliver it again.
        raise HTTPException(503, "not stored: please retry") from None
    return _after_response(services, channel, new, stored=received)


def signed_url(services: Services, request: Request) -> str:
    """The URL the provider called, as it knows it: our public URL, not the address a proxy
    forwarded to (Twilio signs the URL it was given, scheme, host, port and query included)."""
    # From the ASGI scope as `request.url` reads it, without building a URL per request.
    scope = request.scope
    path: str = scope["path"].removeprefix(scope.get("root_path", "") or "")
    query: str = scope.get("query_string", b"").decode()
    return services.settings.public_url + path + (f"?{query}" if query else "")


async def _read_body(request: Request, max_bytes: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise HTTPException(413, f"body over {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise HTTPException(413, f"body over {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


@functools.cache
def _acknowledges(kind: type) -> bool:
    # Once per channel class: isinstance against a runtime-checkable Protocol walks the
    # protocol's attributes on every call (tens of µs, on every webhook request).
    return issubclass(kind, AcknowledgesStored)


def _after_response(services: Services, channel: Channel, new: NewMessages, *,
                    stored: Sequence[Received]) -> BackgroundTasks:
    tasks = BackgroundTasks()
    if new:
        services.inbound_wake.set()  # the inbound worker takes the new events at once
    if _acknowledges(type(channel)):
        # Stored (new or redelivered) before this runs: a pressed button stops spinning.
        tasks.add_task(cast(AcknowledgesStored, channel).acknowledge, stored)
    if any(message.media for _event_id, message in new):
        services.media_wake.set()  # noted with the event: the media job fetches it now
    return tasks
