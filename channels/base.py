"""The one small protocol every channel adapter speaks, and the data that crosses it.

A channel does three things: send an outbound message (a provider id, or a typed failure the
dispatcher can act on), turn a provider's webhook request into inbound messages and delivery
status updates, and fetch the media a message refers to. It does no routing and touches no web
framework: routes live in `bot/webhooks.py`, persistence in `store/`.

Errors a channel raises (all from `store.errors`):
- `send()`: `TransientSendError(retry_after=...)` (try again later) or
  `PermanentSendError(opted_out=..., channel_lost=...)` (fail over; never retry on this channel).
- `parse_inbound()`: `WebhookRejected` when the request is not verifiably from the provider
  (answer 403, change nothing); `InvalidInput` when it is verified but malformed (answer 400).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, ClassVar, Protocol, runtime_checkable

from conversations.types import Inbound
from store.errors import InvalidInput

# What a channel accepts as evidence: photos of notes and PDFs, nothing executable.
# Voice notes and short videos too: a family explaining an absence out loud is evidence a
# person listens to (within the same size limit).
EVIDENCE_TYPES: frozenset[str] = frozenset({
    "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif",
    "application/pdf",
    "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr",
    "video/mp4", "video/3gpp", "video/quicktime",
})
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024  # Twilio's own MMS limit; a phone photo fits
# A keyword the provider recognised and answered (Twilio's OptOutType) -> the engine's command.
PROVIDER_KEYWORDS: dict[str, str] = {"STOP": "/stop", "START": "/start", "HELP": "/help"}


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with an email (an attendance letter's PDF)."""

    filename: str
    content_type: str  # "application/pdf"
    data: bytes


@dataclass(frozen=True, slots=True)
class OutboundMessage:
    """One outbox row as a channel sees it."""

    outbox_id: int
    to: str  # E.164 number (SMS and WhatsApp), email address or Telegram chat id
    text: str
    language: str = "en"
    sender: str | None = None  # the school's own number / Messaging Service SID / From address
    subject: str | None = None  # email only
    reply_token: str | None = None  # email: routes a reply back to its conversation
    expires_at: datetime | None = None  # do not deliver after this (SMS validity period)
    options: tuple[tuple[str, str], ...] = ()  # (value, label) menu; numbered text on SMS/email
    kind: str = "reply"  # the outbox kind: absence, late, chase, reply, ...
    last_inbound_at: datetime | None = None  # WhatsApp: when the recipient last wrote to us
    # The school it is from (None: from no one school). WhatsApp: its name is fixed words of
    # the school's templates, and its id may pick them ("absence.first.one:en:3").
    school: str | None = None
    school_id: int | None = None
    html: str | None = None  # email only: the HTML part, when not made from `text`
    attachments: tuple[Attachment, ...] = ()  # email only


@dataclass(frozen=True, slots=True)
class SendReceipt:
    """What the provider said when it accepted a message."""

    provider_id: str
    status: str = "sent"  # the provider's first status: queued, accepted, sent
    segments: int = 1  # SMS segments billed; 1 on other channels


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """A provider's HTTP request, framework-free: the URL it was sent to (our public URL, as
    the provider signed it), its headers with lower-case names, and the raw body."""

    url: str
    headers: Mapping[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@dataclass(frozen=True, slots=True)
class MediaRef:
    """Media attached to an inbound message, fetched later with `Channel.fetch_media`.

    `ref` is what the channel needs to fetch it: a Twilio media URL, a Telegram file id, an
    email attachment's index. `inline` media (an email attachment) came inside the message:
    there is nothing to fetch, the inbound worker keeps it from the stored raw message."""

    ref: str
    content_type: str | None = None
    filename: str | None = None
    size: int | None = None
    inline: bool = False


@dataclass(frozen=True, slots=True)
class MediaFile:
    """Fetched media, within the evidence limits, ready to store as Evidence."""

    content_type: str
    data: bytes
    filename: str | None = None


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A message a contact sent us, verified and parsed by its channel."""

    channel: str  # "sms" | "email" | "telegram" | "whatsapp"
    sender: str  # the address it came from: E.164 number, email address, chat id
    text: str
    provider_id: str  # MessageSid, Telegram update id, email Message-ID: the dedupe key
    received_at: datetime  # aware, UTC
    # Which of our addresses it was sent to (a school's number); an email's every address, as
    # an address list (which is a school's own, the worker decides).
    recipient: str | None = None
    media: tuple[MediaRef, ...] = ()
    button: str | None = None  # a pressed inline button's value
    command: str | None = None  # "/start", "/absent", "/help", "/stop" on chat channels
    command_arg: str | None = None  # "/start <token>"
    reply_token: str | None = None  # email: the token in our Reply-To address
    trusted_sender: bool = True  # False: the sender's identity is not proven (email auth fail)
    auto_reply: bool = False  # out-of-office, bounce, bulk: store, never answer
    why_automatic: str | None = None  # why it is an auto-reply: out_of_office, bounce, loop...
    # Telegram: the pressed button's callback query, answered once the press is stored.
    acknowledge_id: str | None = None
    # Twilio Advanced Opt-Out: the keyword Twilio recognised (OptOutType STOP, START or HELP)
    # and has already answered with the Messaging Service's own confirmation.
    provider_keyword: str | None = None
    # What the message carries besides words ("voice", "sticker", "contact", "location", ...:
    # the channel's own name for it), None for words alone. Kept and shown to a person.
    content: str | None = None
    edited: bool = False  # a message the sender changed after sending it (Telegram)

    kind: ClassVar[str] = "message"

    def dedupe_key(self) -> str:
        return f"{self.channel}:{self.provider_id}"

    def to_inbound(self) -> Inbound:
        """The engine's view of this message."""
        command = PROVIDER_KEYWORDS.get(self.provider_keyword or "", self.command)
        return Inbound(text=self.text, channel=self.channel, received_at=self.received_at,
                       button=self.button, has_media=bool(self.media), command=command,
                       provider_answered=self.provider_keyword in PROVIDER_KEYWORDS,
                       content=self.content, edited=self.edited)


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """A delivery receipt: the provider's status for a message we sent."""

    channel: str
    provider_id: str
    status: str  # the provider's word, lower-case: queued, sent, delivered, undelivered, ...
    received_at: datetime
    error_code: str | None = None
    recipient: str | None = None
    channel_lost: bool = False  # the address will never work (a hard bounce): stop using it

    kind: ClassVar[str] = "status"

    def dedupe_key(self) -> str:
        # Twilio posts each status once per transition and redelivers on timeout: the pair
        # (sid, status) is what makes a callback the same callback.
        return f"{self.channel}:status:{self.provider_id}:{self.status}"


@dataclass(frozen=True, slots=True)
class UnhandledUpdate:
    """An update of a type with no outcome yet (a group's message, a type Telegram adds
    later): stored raw and counted, never processed or answered, never lost."""

    channel: str
    provider_id: str  # the update's own id: the dedupe key
    update_type: str  # the provider's name for it: "message_reaction", "chat_member", ...
    received_at: datetime

    kind: ClassVar[str] = "unhandled"

    def dedupe_key(self) -> str:
        return f"{self.channel}:{self.provider_id}"


@dataclass(frozen=True, slots=True)
class ChannelAccess:
    """A contact blocked or unblocked us (Telegram's my_chat_member for a private chat): their
    channel is marked lost, and staff told, or restored, when it is stored, as a receipt is."""

    channel: str
    provider_id: str  # the update's own id: the dedupe key
    sender: str  # the address that blocked or unblocked us: the chat id
    blocked: bool
    received_at: datetime

    kind: ClassVar[str] = "access"

    def dedupe_key(self) -> str:
        return f"{self.channel}:{self.provider_id}"


Received = InboundMessage | StatusUpdate | UnhandledUpdate | ChannelAccess


@dataclass(frozen=True, slots=True)
class DeliveryFailure:
    """What a failed delivery's error code means for the dispatcher."""

    retry: bool  # try this channel again later (the phone was off, the network was busy)
    channel_lost: bool = False  # this address will never work: mark the channel lost
    opted_out: bool = False  # the recipient unsubscribed
    why: str = ""


class Channel(Protocol):
    """One adapter per channel. Built from Settings by `channels.registry`."""

    @property
    def name(self) -> str:
        """"sms", "email", "telegram" or "whatsapp"."""
        ...

    @property
    def simulated(self) -> bool:
        """True for the stand-in of an unconfigured channel: no network, messages stay here."""
        ...

    async def send(self, message: OutboundMessage) -> SendReceipt:
        """Hand one message to the provider, or raise Transient/PermanentSendError."""
        ...

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """Verify the request is the provider's (else WebhookRejected) and parse it."""
        ...

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        """The provider id of a message with this body sent to `to` since `since`, if the
        provider already accepted one (a send whose answer was lost), else None."""
        ...

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        """Download media within the evidence limits, or raise InvalidInput saying why not."""
        ...

    async def close(self) -> None:
        """Release connections; called once at shutdown."""
        ...


@runtime_checkable
class AcknowledgesStored(Protocol):
    """A channel whose provider must hear that we took a message (Telegram keeps a pressed
    button spinning until its callback query is answered). Called only after what was
    received is stored, new or redelivered, so an acknowledged message is never lost."""

    async def acknowledge(self, stored: Sequence[Received]) -> None:
        ...


def check_evidence(content_type: str | None, size: int | None) -> str:
    """The normalised content type if media of this type and size may be kept as evidence,
    else InvalidInput saying why not."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in EVIDENCE_TYPES:
        raise InvalidInput(f"media type {kind or 'unknown'!r} is not accepted as evidence")
    if size is not None and size > EVIDENCE_MAX_BYTES:
        raise InvalidInput(f"media of {size} bytes is over the {EVIDENCE_MAX_BYTES} byte limit")
    return kind


# --- payload JSON: how a parsed message is kept in InboundEvent.payload ------------------------


def to_payload(item: Received) -> str:
    """JSON for `InboundEvent.payload`; `from_payload` reads it back."""
    # Field by field rather than dataclasses.asdict, whose deep copies cost a webhook more
    # than its signature check; media refs become JSON objects all the same.
    data: dict[str, Any] = {name: getattr(item, name) for name in _FIELDS[type(item)]}
    if isinstance(item, InboundMessage):
        data["media"] = [{name: getattr(m, name) for name in _FIELDS[MediaRef]}
                         for m in item.media]
    data["type"] = item.kind
    data["received_at"] = item.received_at.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


_FIELDS: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind))
    for kind in (InboundMessage, StatusUpdate, UnhandledUpdate, ChannelAccess, MediaRef)}


def from_payload(payload: str) -> Received:
    """The InboundMessage, StatusUpdate, UnhandledUpdate or ChannelAccess stored by
    `to_payload`."""
    data = json.loads(payload)
    kind = data.pop("type")
    data["received_at"] = datetime.fromisoformat(data["received_at"])
    if kind == StatusUpdate.kind:
        return StatusUpdate(**data)
    if kind == UnhandledUpdate.kind:
        return UnhandledUpdate(**data)
    if kind == ChannelAccess.kind:
        return ChannelAccess(**data)
    data["media"] = tuple(MediaRef(**m) for m in data.get("media", ()))
    return InboundMessage(**data)


def numbered_menu(text: str, options: tuple[tuple[str, str], ...]) -> str:
    """A menu as numbered lines, for channels without buttons (SMS, email)."""
    if not options:
        return text
    lines = [f"{number}. {label}" for number, (_value, label) in enumerate(options, start=1)]
    return "\n".join([text, "", *lines])

