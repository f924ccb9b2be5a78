"""SMS through Twilio: send texts, read the webhooks Twilio posts, fetch MMS photos.

The official `twilio` client does the talking (async, through `channels.twilio_http`, so the
event loop never waits on the network). A text is counted in segments before it is sent and
refused, never cut, when it would go over the school's budget. Every webhook's
X-Twilio-Signature is checked with the library's own `RequestValidator` against the public URL
Twilio was given, so it is right behind a proxy that rewrites hosts and ports.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, ClassVar
from urllib.parse import unquote, urlparse, urlsplit

import aiohttp
import httpx
from twilio.base.exceptions import TwilioRestException, TwilioServiceException
from twilio.request_validator import RequestValidator, add_port, remove_port
from twilio.rest import Client

from channels.base import (
    EVIDENCE_MAX_BYTES,
    PROVIDER_KEYWORDS,
    DeliveryFailure,
    InboundMessage,
    MediaFile,
    MediaRef,
    OutboundMessage,
    Received,
    SendReceipt,
    StatusUpdate,
    WebhookRequest,
    check_evidence,
)
from channels.segments import SegmentCount, count_segments
from channels.twilio_http import RedirectingHttpClient, rewrite, send_error
from store.clock import Clock
from store.errors import (
    InvalidInput,
    OverSegmentBudget,
    PermanentSendError,
    TransientSendError,
    WebhookRejected,
)

log = logging.getLogger(__name__)

STATUS_PATH = "/webhooks/twilio/status"
MAX_VALIDITY_SECONDS = 36000  # Twilio's ceiling for ValidityPeriod
MAX_MEDIA_PER_MESSAGE = 10  # Twilio sends at most ten MediaUrlN
# Reconciling a lost answer: the newest messages to the number, newest first, are read; one
# recipient gets a handful a day. Twilio's clock and ours may differ by this much.
RECONCILE_PAGE = 50
CLOCK_SKEW = timedelta(minutes=5)

# Delivery error codes (status callbacks) -> what the dispatcher should do next.
DELIVERY_FAILURES: dict[str, DeliveryFailure] = {
    "30001": DeliveryFailure(retry=True, why="Twilio's queue overflowed"),
    "30003": DeliveryFailure(retry=True, why="the phone is off or out of signal"),
    "30004": DeliveryFailure(retry=False, why="the message was blocked"),
    "30005": DeliveryFailure(retry=False, channel_lost=True, why="the number does not exist"),
    "30006": DeliveryFailure(retry=False, channel_lost=True,
                             why="a landline or a carrier that cannot take texts"),
    "30007": DeliveryFailure(retry=False, why="the carrier filtered the message"),
    "30008": DeliveryFailure(retry=True, why="an unknown carrier error"),
    "30036": DeliveryFailure(retry=False, why="it expired in the queue (validity period)"),
    "21610": DeliveryFailure(retry=False, opted_out=True, why="the recipient replied STOP"),
    "63016": DeliveryFailure(retry=False, why="free text outside WhatsApp's 24-hour window"),
    "63003": DeliveryFailure(retry=False, channel_lost=True,
                             why="the number is not on WhatsApp"),
}
# Twilio writes a WhatsApp address as "whatsapp:+447700900001"; we keep the number and say the
# channel, so the sender is found by the contact's mobile and is answered on WhatsApp.
WHATSAPP_PREFIX = "whatsapp:"
# WhatsApp's MessageType words that are the message itself, not something shown instead.
_WORDS = frozenset({"text", "button", "interactive"})


def delivery_failure(error_code: str | None) -> DeliveryFailure:
    """What an undelivered/failed receipt's error code means; unknown codes fail over."""
    if error_code and error_code in DELIVERY_FAILURES:
        return DELIVERY_FAILURES[error_code]
    return DeliveryFailure(retry=False, why=f"undelivered (error {error_code or 'none'})")


def check_budget(text: str, *, budget: int) -> SegmentCount:
    """The segments `text` takes, or OverSegmentBudget when it takes more than `budget`.

    Called when a message is composed, so an over-long text is caught before it is queued."""
    count = count_segments(text)
    if count.segments > budget:
        raise OverSegmentBudget(
            f"this text takes {count.segments} SMS segments ({count.encoding}, {count.units} "
            f"characters) and the budget is {budget}: shorten it",
            segments=count.segments, budget=budget)
    return count


def segments_to_send(text: str, *, budget: int) -> int:
    """The segments `text` takes, or PermanentSendError (never a cut text) when over budget:
    the last check before a text leaves, for one that slipped past `check_budget`."""
    try:
        return check_budget(text, budget=budget).segments
    except OverSegmentBudget as error:
        raise PermanentSendError(str(error), error_code="segments") from None


@dataclass(frozen=True, slots=True)
class TwilioConfig:
    """What the SMS channel needs from Settings."""

    account_sid: str
    auth_token: str
    public_url: str  # the external base URL Twilio calls and signs
    messaging_service_sid: str | None = None  # default sender when a school has none of its own
    api_base: str | None = None  # tests: a fake Messages API on 127.0.0.1
    validity: timedelta = timedelta(hours=3)
    segment_budget: int = 4


class SmsChannel:
    """The Twilio SMS adapter. Wraps the SDK client; never subclasses it."""

    name: ClassVar[str] = "sms"
    simulated = False

    def __init__(self, config: TwilioConfig, *, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.http = RedirectingHttpClient(api_base=config.api_base)
        self.client = Client(config.account_sid, config.auth_token, http_client=self.http)
        self.validator = RequestValidator(config.auth_token)

    # --- out ------------------------------------------------------------------------------

    async def send(self, message: OutboundMessage) -> SendReceipt:
        """Hand one text to Twilio; its SID, or a typed failure the dispatcher acts on."""
        segments = segments_to_send(message.text, budget=self.config.segment_budget)
        params = self._sender(message) | {"validity_period": self._validity(message)}
        try:
            sent = await self.client.messages.create_async(
                to=message.to, body=message.text,
                status_callback=self.config.public_url + STATUS_PATH, **params)
        except (TwilioRestException, TwilioServiceException) as error:
            failure = send_error(error)
            log.warning("sms send outbox=%s failed status=%s code=%s", message.outbox_id,
                        error.status, failure.error_code)
            raise failure from None
        except (aiohttp.ClientError, TimeoutError) as error:
            # The request may have reached Twilio: the dispatcher reconciles with find_sent.
            raise TransientSendError(f"Twilio unreachable: {type(error).__name__}") from None
        log.info("sms sent outbox=%s sid=%s segments=%s", message.outbox_id, sent.sid, segments)
        return SendReceipt(provider_id=str(sent.sid), status=str(sent.status or "queued"),
                           segments=int(sent.num_segments or segments))

    def _sender(self, message: OutboundMessage) -> dict[str, Any]:
        sender = message.sender or self.config.messaging_service_sid
        if not sender:
            raise PermanentSendError("no SMS sender: set ROLLCALL_TWILIO_MESSAGING_SERVICE_SID "
                                     "or the school's SMS number", error_code="config")
        if sender.startswith("MG"):
            return {"messaging_service_sid": sender}
        return {"from_": sender}

    def _validity(self, message: OutboundMessage) -> int:
        """Seconds the text may wait in Twilio's queue: until the row expires, or the default."""
        now = self.clock.now()
        if message.expires_at is not None and message.expires_at <= now:
            raise PermanentSendError("the message expired before it was sent",
                                     error_code="expired")
        until = message.expires_at or now + self.config.validity
        seconds = int((until - now).total_seconds())
        return max(1, min(MAX_VALIDITY_SECONDS, seconds))

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        """The SID of a text with this body that Twilio accepted for `to` since `since`.

        For a send whose answer was lost (timeout, crash): asking first avoids a duplicate.
        The list is filtered by recipient only, and the time is checked on `date_created`:
        Twilio's DateSent filter skips a message it has accepted but not yet sent (its
        `date_sent` is null while it waits in a Messaging Service's queue, often minutes in a
        morning run), and it filters by whole days; such a message must count as sent."""
        try:
            found = await self.client.messages.list_async(to=to, limit=RECONCILE_PAGE)
        except (TwilioRestException, TwilioServiceException) as error:
            raise send_error(error) from None
        except (aiohttp.ClientError, TimeoutError) as error:
            raise TransientSendError(f"Twilio unreachable: {type(error).__name__}") from None
        for sent in found:
            created = sent.date_created
            if sent.body == body and (created is None or created >= since - CLOCK_SKEW):
                return str(sent.sid)
        return None

    # --- in -------------------------------------------------------------------------------

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """Verify a Twilio webhook and read the text or the delivery receipt it carries."""
        signature = request.header("X-Twilio-Signature")
        if not signature:
            raise WebhookRejected("no X-Twilio-Signature header")
        form = _form(request.body)
        if not self._signed(request.url, form, signature):
            raise WebhookRejected("X-Twilio-Signature does not match")
        if "MessageStatus" in form:
            return [self._receipt(form)]
        return [self._message(form)]

    def _signed(self, url: str, form: _Form, signature: str) -> bool:
        """`RequestValidator.validate` for a form post, stopping at the first match: the
        library's HMAC-SHA1 of the URL Twilio was given, tried with and without the default
        port (Twilio signs either), compared in constant time."""
        expected = signature.encode()
        return any(hmac.compare_digest(self.validator.compute_signature(signed, form).encode(),
                                       expected) for signed in _port_forms(url))

    def _receipt(self, form: dict[str, str]) -> StatusUpdate:
        channel, recipient = _channel_and_address(form.get("To", ""), default=self.name)
        status = _required(form, "MessageStatus").strip().lower()
        error_code = form.get("ErrorCode") or None
        # A number that does not exist or cannot take texts (30005, 30006) never will: the
        # contact's SMS is marked lost and staff are told, as for an email bounce.
        lost = (status in ("undelivered", "failed") and error_code is not None
                and delivery_failure(error_code).channel_lost)
        return StatusUpdate(channel=channel, provider_id=_required(form, "MessageSid"),
                            status=status, received_at=self.clock.now(), error_code=error_code,
                            recipient=recipient or None, channel_lost=lost)

    def _message(self, form: dict[str, str]) -> InboundMessage:
        media = tuple(
            MediaRef(ref=_required(form, f"MediaUrl{i}"),
                     content_type=form.get(f"MediaContentType{i}"))
            for i in range(min(_count(form.get("NumMedia")), MAX_MEDIA_PER_MESSAGE)))
        channel, sender = _channel_and_address(_required(form, "From"), default=self.name)
        recipient = form.get("To", "").removeprefix(WHATSAPP_PREFIX) or None
        kind = form.get("MessageType", "").strip().lower()
        return InboundMessage(channel=channel, sender=sender,
                              text=form.get("Body", ""), provider_id=_required(form, "MessageSid"),
                              received_at=self.clock.now(), recipient=recipient,
                              media=media, provider_keyword=_opt_out_type(form),
                              content=kind if kind and kind not in _WORDS else None)

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        """Download an MMS photo with the account's credentials, within the evidence limits."""
        check_evidence(media.content_type, media.size)
        url = rewrite(media.ref, self.config.api_base)
        if not _same_origin(url, self.config.api_base or "https://api.twilio.com"):
            raise InvalidInput("media URL is not on Twilio's API")
        auth = (self.config.account_sid, self.config.auth_token)
        # httpx drops the credentials when Twilio redirects to its storage host.
        async with httpx.AsyncClient(auth=auth, follow_redirects=True, timeout=20) as http:
            try:
                async with http.stream("GET", url) as response:
                    if response.status_code == 429 or response.status_code >= 500:
                        # Their storage is busy or down: the media job tries again later.
                        raise TransientSendError(f"media fetch answered {response.status_code}")
                    if response.status_code != 200:
                        raise InvalidInput(f"media fetch answered {response.status_code}")
                    kind = check_evidence(response.headers.get("content-type"),
                                          _count(response.headers.get("content-length")))
                    data = await _read_limited(response)
            except httpx.HTTPError as error:
                raise TransientSendError(f"media fetch failed: {type(error).__name__}") from None
        return MediaFile(content_type=kind, data=data, filename=url.rsplit("/", 1)[-1])

    async def close(self) -> None:
        await self.http.close()


class _Form(dict[str, str]):
    """Posted fields. `getall` is the multi-dict method RequestValidator tries first: without
    it, every field costs the validator two raised and caught AttributeErrors."""

    def getall(self, name: str) -> list[str]:
        return [self[name]]


@lru_cache(maxsize=64)
def _port_forms(url: str) -> tuple[str, str]:
    """The URL without and with its default port, as RequestValidator.validate tries them;
    the form we were given first, as Twilio signs the URL it was configured with."""
    parsed = urlparse(url)
    forms = (remove_port(parsed), add_port(parsed))
    return forms if forms[0] == url else (forms[1], forms[0])


def _form(body: bytes) -> _Form:
    """The posted fields, as `dict(parse_qsl(text, keep_blank_values=True,
    strict_parsing=True, errors="strict"))` reads them, without its per-field overhead."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("the body is not UTF-8 form data") from None
    form = _Form()
    if not text:
        return form
    try:
        for field in text.split("&"):
            name, equals, value = field.partition("=")
            if not equals:
                raise ValueError("a field without =")
            form[_unquote(name)] = _unquote(value)
    except (ValueError, UnicodeDecodeError):
        raise InvalidInput("the body is not form data") from None
    return form


def _unquote(text: str) -> str:
    if "%" in text or "+" in text:
        return unquote(text.replace("+", " "), errors="strict")
    return text


def _channel_and_address(address: str, *, default: str) -> tuple[str, str]:
    """("whatsapp", "+44...") for Twilio's "whatsapp:+44..."; (default, address) otherwise."""
    if address.startswith(WHATSAPP_PREFIX):
        return "whatsapp", address.removeprefix(WHATSAPP_PREFIX)
    return default, address


def _required(form: dict[str, str], name: str) -> str:
    value = form.get(name, "").strip()
    if not value:
        raise InvalidInput(f"the {name} field is missing")
    return value


def _opt_out_type(form: dict[str, str]) -> str | None:
    """The keyword Twilio's Advanced Opt-Out recognised and already answered (STOP, START or
    HELP), present only when the number is in a Messaging Service with it turned on; without
    it our own keyword handling (and confirmation) applies."""
    kind = form.get("OptOutType", "").strip().upper()
    return kind if kind in PROVIDER_KEYWORDS else None


def _count(value: str | None) -> int:
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


async def _read_limited(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > EVIDENCE_MAX_BYTES:
            raise InvalidInput(f"media is over the {EVIDENCE_MAX_BYTES} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)
