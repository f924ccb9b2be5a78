"""Inbound email: a raw RFC 5322 message turned into what the contact wrote.

The message arrives whole (POST /webhooks/email from the mail server, or the IMAP poller). We
decode it whatever its charset and transfer encoding, keep only the new words of the reply,
list its attachments (the inbound worker keeps them as evidence from the stored message), and
say plainly what cannot be trusted or must not be answered:

- an auto-reply (Auto-Submitted other than "no", X-Autoreply, Precedence bulk/junk/list, an
  out-of-office subject), a bounce (multipart/report, MAILER-DAEMON) or a loop (our own address
  or our own message coming back) is `auto_reply=True`: stored, never answered;
- a reply is tied to its conversation only by the reply token in the address it was sent to
  (`attendance+<token>@...`) together with a matching sender, which the inbound worker checks;
- a failed SPF/DKIM/DMARC result from our own receiving server (the topmost
  Authentication-Results header) makes `trusted_sender=False`: kept for staff, never
  auto-accepted as a reason.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from urllib.parse import parse_qs, urlsplit

from channels.base import (
    EVIDENCE_MAX_BYTES,
    EVIDENCE_TYPES,
    InboundMessage,
    MediaFile,
    MediaRef,
    Received,
    StatusUpdate,
    WebhookRequest,
)
from channels.email_html import html_reply_text
from channels.email_reply import reply_text
from store.errors import InvalidInput, WebhookRejected

log = logging.getLogger(__name__)

MAX_EMAIL_BYTES = 15 * 1024 * 1024  # a few phone photos, base64-encoded
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")  # what a reply token may look like
_OUT_OF_OFFICE = re.compile(
    r"\b(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|away from (my|the) "
    r"(desk|office)|on (annual )?leave|abwesenheitsnotiz|r[ée]ponse automatique"
    r"|respuesta autom[aá]tica|afwezig|automatisch antwoord)\b", re.IGNORECASE)
_BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|bounces?)[@+]",
                             re.IGNORECASE)
# DSN codes (RFC 3463) that mean the address itself is gone: bad mailbox or domain (5.1.x),
# mailbox disabled (5.2.1). A refusal for content or policy (5.7.x) leaves the address alone.
_ADDRESS_GONE = ("5.1.", "5.2.1")
_MAX_HOPS = 30  # Received: headers; more means the message is going round in circles


@dataclass(frozen=True, slots=True)
class InboundEmailConfig:
    """Whose mail this is and how the webhook proves it is our mail server posting."""

    our_address: str  # ROLLCALL_EMAIL_FROM
    bearer_token: str | None = None  # ROLLCALL_EMAIL_INBOUND_TOKEN


def check_bearer(request: WebhookRequest, token: str | None) -> None:
    """WebhookRejected unless the request carries `Authorization: Bearer <token>`."""
    if not token:
        raise WebhookRejected("ROLLCALL_EMAIL_INBOUND_TOKEN is not set: inbound email is off")
    given = (request.header("authorization") or "").strip()
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(),
                                                             token.encode()):
        raise WebhookRejected("wrong or missing bearer token")


def parse_email(request: WebhookRequest, *, config: InboundEmailConfig,
                received_at: datetime) -> list[Received]:
    """The webhook's view: check the bearer token, then read the raw message in the body.
    `?to=` (the envelope recipient, if the mail server passes it) helps find the reply token."""
    check_bearer(request, config.bearer_token)
    envelope_to = parse_qs(urlsplit(request.url).query).get("to", [])
    return read_email(request.body, config=config, received_at=received_at,
                      envelope_to=envelope_to)


def read_email(raw: bytes, *, config: InboundEmailConfig, received_at: datetime,
               envelope_to: list[str] | None = None) -> list[Received]:
    """The message (and, for a bounce of ours, the delivery failure) in one raw email."""
    if not raw.strip():
        raise InvalidInput("empty message")
    if len(raw) > MAX_EMAIL_BYTES:
        raise InvalidInput(f"message over {MAX_EMAIL_BYTES} bytes")
    message = BytesParser(policy=policy.default).parsebytes(raw)
    sender = _sender(message)
    provider_id = _provider_id(message, raw)
    why_auto = automatic(message, sender=sender, our_address=config.our_address)
    if why_auto:
        log.info("email automatic message=%s why=%s", _short(provider_id), why_auto)
    sent_to = recipients(message, envelope_to=envelope_to or [])
    inbound = InboundMessage(
        channel="email", sender=sender, text=_reply_text(message), provider_id=provider_id,
        received_at=received_at,
        # Every address it was sent to: which of them is a school's own is the worker's to
        # decide (school settings change while a message waits); none named, our own.
        recipient=", ".join(sent_to) or parseaddr(config.our_address)[1].lower(),
        media=tuple(ref for ref, _file in _attachments(message, provider_id)),
        reply_token=token_at(sent_to, ours=[config.our_address]),
        trusted_sender=authentication_passed(message), auto_reply=bool(why_auto),
        why_automatic=why_auto)
    items: list[Received] = [inbound]
    bounced = bounced_message_id(message) if why_auto == "bounce" else None
    status = _dsn_status(message)
    # A 4.x.x report only says delivery is delayed and still being tried: not a failure.
    if bounced and not status.startswith("4."):
        items.append(StatusUpdate(channel="email", provider_id=bounced, status="undelivered",
                                  received_at=received_at, error_code=status,
                                  channel_lost=status.startswith(_ADDRESS_GONE)))
    return items


def attachments(raw: bytes) -> list[MediaFile]:
    """The attachments of a stored raw message that may be kept as evidence (the inbound
    worker keeps them from the stored message, so a crash after storing loses none)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    return [file for _ref, file in _attachments(message, _provider_id(message, raw))
            if file is not None]


def automatic(message: Message, *, sender: str, our_address: str) -> str | None:
    """Why this message was sent by a machine and must not be answered, or None."""
    auto_submitted = str(message.get("Auto-Submitted", "no")).strip().lower()
    content_type = message.get_content_type()
    if content_type == "multipart/report" or _BOUNCE_SENDERS.match(sender):
        return "bounce"
    if sender == parseaddr(our_address)[1].lower() or message.get("X-Rollcall-Outbox"):
        return "loop"
    if len(message.get_all("Received", [])) > _MAX_HOPS:
        return "loop"
    if auto_submitted and auto_submitted != "no":
        return "auto_submitted"
    if any(message.get(h) for h in ("X-Autoreply", "X-Autorespond", "X-Auto-Reply")):
        return "auto_reply_header"
    if str(message.get("Precedence", "")).strip().lower() in {"bulk", "junk", "list"}:
        return "bulk"
    if message.get("List-Id") or message.get("List-Unsubscribe"):
        return "bulk"
    if _OUT_OF_OFFICE.search(str(message.get("Subject", ""))):
        return "out_of_office"
    return None


def authentication_passed(message: Message) -> bool:
    """False when our receiving server (the topmost Authentication-Results, added last) saw
    the sender fail DMARC, or fail SPF without a passing DKIM signature."""
    results = message.get_all("Authentication-Results", [])
    if not results:
        return True  # no verdict: the token and sender checks still apply
    verdict = str(results[0]).lower()
    if re.search(r"\bdmarc=fail\b", verdict):
        return False
    spf_failed = re.search(r"\bspf=(fail|softfail)\b", verdict) is not None
    dkim_passed = re.search(r"\bdkim=pass\b", verdict) is not None
    return not (spf_failed and not dkim_passed)


def recipients(message: Message, *, envelope_to: Sequence[str] = ()) -> list[str]:
    """Every address a message was sent to, bare, each once, the most telling first: the
    envelope (the mail server's ?to=), its delivery headers, then To and Cc. As written: a
    reply token after a plus is case-sensitive."""
    headers = ("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")
    try:
        values = [str(v) for h in headers for v in message.get_all(h, [])]
    except (ValueError, IndexError):  # a header the parser could not make sense of
        values = []
    found: dict[str, str] = {}
    for _name, address in getaddresses([*envelope_to, *values]):
        address = address.strip()
        if "@" in address and not any(c.isspace() for c in address):
            found.setdefault(address.lower(), address)
    return list(found.values())


def token_at(addresses: Iterable[str], *, ours: Iterable[str]) -> str | None:
    """The reply token in the first of these addresses that is one of ours with a token after a
    plus (`attendance+<token>@demo.example.org`). `ours`: the service's own address and any
    school's own (`email_from`); an address of anyone else's is no reply address of ours."""
    bases = {parseaddr(address)[1].strip().lower() for address in ours} - {""}
    for address in addresses:
        local, at, domain = address.strip().rpartition("@")
        base, plus, tag = local.partition("+")
        if at and plus and _TOKEN.fullmatch(tag) and f"{base}@{domain}".lower() in bases:
            return tag
    return None


def bounced_message_id(message: Message) -> str | None:
    """The Message-ID of our message that bounced, from the report's returned headers."""
    for part in message.walk():
        if part.get_content_type() in {"message/rfc822", "text/rfc822-headers"}:
            payload = part.get_payload()
            returned = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(returned, Message):
                found = returned.get("Message-ID")
            else:
                found = _header_in_text(str(part.get_payload(decode=False)), "Message-ID")
            if found:
                return str(found).strip()
    return None


def _dsn_status(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            text = part.as_string()
            found = re.search(r"^Status:\s*([245]\.\d{1,3}\.\d{1,3})", text, re.MULTILINE)
            if found:
                return found.group(1)
    return "bounce"


def _header_in_text(text: str, name: str) -> str | None:
    found = re.search(rf"^{name}:\s*(\S+)", text, re.MULTILINE | re.IGNORECASE)
    return found.group(1) if found else None


def _sender(message: Message) -> str:
    try:
        raw_from = str(message.get("From", ""))
    except (ValueError, IndexError):  # a From: header the parser could not make sense of
        raw_from = ""
    address = parseaddr(raw_from)[1].strip().lower()
    if "@" not in address or any(c.isspace() for c in address):
        raise InvalidInput("message has no usable From address")
    return address


def _provider_id(message: Message, raw: bytes) -> str:
    """The Message-ID (the dedupe key), or a hash of the raw bytes when there is none."""
    found = str(message.get("Message-ID", "") or "").strip()
    if found and len(found) <= 250:
        return found
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def reply_with_our_text(raw: bytes, *, sent: Sequence[str]) -> str:
    """The family's words in a stored raw reply, read again knowing what we sent in its thread
    (the strongest evidence of where their words end and our quoted message begins)."""
    return _reply_text(BytesParser(policy=policy.default).parsebytes(raw), sent=sent)


def replied_to(raw: bytes) -> list[str]:
    """The Message-IDs a stored raw reply answers (In-Reply-To, then References)."""
    message = BytesParser(policy=policy.default).parsebytes(raw)
    found: list[str] = []
    for header in ("In-Reply-To", "References"):
        try:
            value = str(message.get(header, "") or "")
        except (ValueError, IndexError):  # a header the parser could not make sense of
            continue
        found.extend(i for i in re.findall(r"<[^<>\s]{1,250}>", value) if i not in found)
    return found


def _reply_text(message: Message, *, sent: Sequence[str] = ()) -> str:
    """The reply's words from its plain-text part, or from its HTML part when the plain one
    has none (some phone clients send a plain part holding only their footer)."""
    assert isinstance(message, EmailMessage)
    text = ""
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        if part is None:
            continue
        content = _decoded(part)
        text = html_reply_text(content, sent=sent) if kind == "html" else reply_text(
            content, sent=sent)
        if text:
            break
    return text


def _decoded(part: Message) -> str:
    """A text part's content whatever its charset: unknown charsets and bad bytes become
    replacement characters rather than losing the message."""
    try:
        content = part.get_content()  # type: ignore[attr-defined]
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeDecodeError, AssertionError):
        pass
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _attachments(message: Message, provider_id: str
                 ) -> list[tuple[MediaRef, MediaFile | None]]:
    """Each attachment's reference and, when it may be kept as evidence, its content."""
    assert isinstance(message, EmailMessage)
    found: list[tuple[MediaRef, MediaFile | None]] = []
    for index, part in enumerate(message.iter_attachments()):
        content_type = part.get_content_type()
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        ref = MediaRef(ref=f"{provider_id}#{index}", content_type=content_type,
                       filename=part.get_filename(), size=len(data), inline=True)
        keep = content_type in EVIDENCE_TYPES and 0 < len(data) <= EVIDENCE_MAX_BYTES
        found.append((ref, MediaFile(content_type=content_type, data=data,
                                     filename=part.get_filename()) if keep else None))
    return found


def _short(provider_id: str) -> str:
    return hashlib.sha256(provider_id.encode()).hexdigest()[:12]
