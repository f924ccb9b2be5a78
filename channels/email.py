"""Email out over SMTP (aiosmtplib), and in as raw RFC 5322 messages.

Every message we send has a plain-text and an HTML part, its own Message-ID, and a Reply-To
address carrying the conversation's unguessable reply token (`attendance+<token>@school`), so
that a reply finds its conversation by the token, not by a forgeable From: line. It says it is
automatic (`Auto-Submitted: auto-generated`, which also tells well-behaved autoresponders not to
answer it) and how to unsubscribe. Inbound parsing lives in `channels.email_inbound`.
"""

from __future__ import annotations

import hashlib
import html
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from typing import ClassVar
from urllib.parse import SplitResult, parse_qs, quote, unquote, urlsplit

import aiosmtplib

from channels.base import (
    MediaFile,
    MediaRef,
    OutboundMessage,
    Received,
    SendReceipt,
    WebhookRequest,
    numbered_menu,
)
from channels.email_inbound import InboundEmailConfig, parse_email, read_email
from channels.formats import html_block, text_direction
from channels.texts import render
from store.clock import Clock
from store.errors import ConfigError, InvalidInput, PermanentSendError, TransientSendError

log = logging.getLogger(__name__)

SMTP_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class SmtpServer:
    """Where and how to hand mail over, from ROLLCALL_SMTP_URL."""

    hostname: str
    port: int
    use_tls: bool  # smtps://: TLS from the first byte
    username: str | None = None
    password: str | None = None
    # smtp:// with a login: no STARTTLS, no login (a stripped STARTTLS offer must not get
    # the password in clear), unless the URL says ?allow_plain_auth=yes.
    starttls_required: bool = False


def parse_smtp_url(url: str) -> SmtpServer:
    """`smtp://user:pass@host:587` (STARTTLS, required when there is a login; without one, a
    local relay, when the server offers it) or `smtps://user:pass@host:465`."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ConfigError("ROLLCALL_SMTP_URL must look like smtp://user:pass@host:port "
                          "or smtps://user:pass@host:port")
    use_tls = parts.scheme == "smtps"
    try:
        port = parts.port or (465 if use_tls else 587)
    except ValueError:
        raise ConfigError("ROLLCALL_SMTP_URL has a bad port") from None
    username = unquote(parts.username) if parts.username else None
    plain_allowed = plain_auth_allowed(parts, setting="ROLLCALL_SMTP_URL")
    return SmtpServer(hostname=parts.hostname, port=port, use_tls=use_tls, username=username,
                      password=unquote(parts.password) if parts.password else None,
                      starttls_required=bool(username) and not use_tls and not plain_allowed)


def plain_auth_allowed(parts: SplitResult, *, setting: str) -> bool:
    """Whether a mail URL opts in to logging in without TLS (`?allow_plain_auth=yes`): only for
    a school's trusted local link, where the server cannot do STARTTLS."""
    values = parse_qs(parts.query).get("allow_plain_auth", [])
    if values not in ([], ["yes"]):
        raise ConfigError(f"{setting}: allow_plain_auth can only be yes")
    return values == ["yes"]


@dataclass(frozen=True, slots=True)
class EmailConfig:
    """What the email channel needs from Settings."""

    smtp_url: str
    from_address: str  # "Demo Academy <attendance@demo.example.org>"
    inbound_token: str | None = None  # bearer token of POST /webhooks/email; None: inbound off
    ca_file: str | None = None  # PEM CA bundle the SMTP server's certificate is checked against


def reply_address(from_address: str, reply_token: str) -> str:
    """Our From address with the token after a plus: `attendance+<token>@demo.example.org`."""
    local, domain = _split_address(from_address)
    return f"{local}+{reply_token}@{domain}"


def thread_id(reply_token: str, domain: str) -> str:
    """A stable Message-ID-shaped id for one conversation, so mail clients thread its
    messages together. Derived from a hash: it gives nothing away about the token."""
    digest = hashlib.sha256(reply_token.encode()).hexdigest()[:20]
    return f"<conversation.{digest}@{domain}>"


def compose(message: OutboundMessage, *, from_address: str, now: datetime) -> EmailMessage:
    """The full email for one outbox row: headers, a plain-text part and an HTML part."""
    sender = message.sender or from_address
    _local, domain = _split_address(sender)
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to
    email["Subject"] = message.subject or render("email.subject", message.language,
                                                 channel="email")
    email["Date"] = formatdate(now.timestamp(), usegmt=True)
    # Unique per attempt; the outbox id in it lets a bounce be traced to its row by a person.
    email["Message-ID"] = f"<rollcall.{message.outbox_id}.{secrets.token_hex(8)}@{domain}>"
    email["Auto-Submitted"] = "auto-generated"
    email["X-Rollcall-Outbox"] = str(message.outbox_id)  # recognised if it ever comes back
    # Outlook/Exchange: do not send us out-of-office or read receipts for this.
    email["X-Auto-Response-Suppress"] = "All"
    if message.reply_token:
        answer_to = reply_address(sender, message.reply_token)
        email["Reply-To"] = answer_to
        thread = thread_id(message.reply_token, domain)
        email["In-Reply-To"] = thread
        email["References"] = thread
    else:
        answer_to = parseaddr(sender)[1]
    email["List-Unsubscribe"] = f"<mailto:{answer_to}?subject={quote('unsubscribe')}>"
    text = numbered_menu(message.text, message.options)
    email.set_content(text, cte="quoted-printable")
    email.add_alternative(message.html or html_body(text, language=message.language),
                          subtype="html", cte="quoted-printable")
    for attachment in message.attachments:
        maintype, _, subtype = attachment.content_type.partition("/")
        email.add_attachment(attachment.data, maintype=maintype, subtype=subtype,
                             filename=attachment.filename)
    email["Content-Language"] = message.language  # after the parts: set_content drops Content-*
    return email


def html_body(text: str, *, language: str) -> str:
    """The text as a small HTML document, right to left where the language is (Arabic, Urdu)."""
    direction = text_direction(language)
    return (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}" dir="{direction}">\n'
            f'<head><meta charset="utf-8"></head>\n'
            f'<body dir="{direction}" style="font-family: sans-serif;">\n'
            f'{html_block(text, language)}\n</body>\n</html>\n')


class StartTlsMissing(ConnectionError):
    """The mail server (SMTP or IMAP) offers no STARTTLS where our login needs it: we do not log
    in, so the password never goes in clear (a man in the middle may have stripped the offer).
    A ConnectionError, so whatever handles a server that cannot be reached handles this too;
    sending fails over at once, as a server that never offers it will not start to on a retry."""


class EmailChannel:
    """The email adapter: SMTP out, raw RFC 5322 in."""

    name: ClassVar[str] = "email"
    simulated = False

    def __init__(self, config: EmailConfig, *, clock: Clock) -> None:
        self.config = config
        self.server = parse_smtp_url(config.smtp_url)
        _split_address(config.from_address)  # refuse a bad From at start, not at 9:30
        self._clock = clock
        self._inbound = InboundEmailConfig(our_address=config.from_address,
                                           bearer_token=config.inbound_token)

    async def send(self, message: OutboundMessage) -> SendReceipt:
        """Hand one email to the SMTP server; its Message-ID is the provider id."""
        if "@" not in message.to or "\n" in message.to or "\r" in message.to:
            raise PermanentSendError("not an email address", error_code="bad_address")
        email = compose(message, from_address=self.config.from_address, now=self._clock.now())
        try:
            await self._hand_over(email)
        except StartTlsMissing:
            log.warning("email send refused outbox=%s: the server offers no STARTTLS",
                        message.outbox_id)
            # A server that never offers it will not start to on a retry: fail over now.
            raise PermanentSendError("the SMTP server does not offer STARTTLS; the password "
                                     "is not sent in clear", error_code="starttls") from None
        except aiosmtplib.SMTPException as error:
            raise _send_error(message, error) from error
        except OSError as error:
            raise TransientSendError("SMTP server not reachable", error_code="network") from error
        log.info("email sent outbox=%s", message.outbox_id)
        return SendReceipt(provider_id=str(email["Message-ID"]), status="sent")

    async def _hand_over(self, email: EmailMessage) -> None:
        server = self.server
        smtp = aiosmtplib.SMTP(hostname=server.hostname, port=server.port,
                               use_tls=server.use_tls, start_tls=False,
                               # A school's own mail server may have a certificate from a
                               # private CA.
                               cert_bundle=self.config.ca_file, timeout=SMTP_TIMEOUT)
        async with smtp:
            if not server.use_tls:
                await smtp.ehlo()
                if smtp.supports_extension("starttls"):
                    await smtp.starttls()
                elif server.starttls_required:
                    raise StartTlsMissing
            if server.username:
                await smtp.login(server.username, server.password or "")
            await smtp.send_message(email)

    def parse_inbound(self, request: WebhookRequest) -> list[Received]:
        """A raw message posted to /webhooks/email (bearer token checked first)."""
        return parse_email(request, config=self._inbound, received_at=self._clock.now())

    def read_raw(self, raw: bytes) -> list[Received]:
        """A raw message fetched from our mailbox (the IMAP poller): read exactly as a posted
        one, without the webhook's bearer token (we fetched it ourselves)."""
        return read_email(raw, config=self._inbound, received_at=self._clock.now())

    async def find_sent(self, to: str, since: datetime, body: str) -> str | None:
        """SMTP cannot be asked what it accepted: a lost answer cannot be looked up."""
        return None

    async def fetch_media(self, media: MediaRef) -> MediaFile:
        """Attachments come inside the message (`MediaRef.inline`): the inbound worker keeps
        them from the stored raw message, so there is nothing to fetch."""
        raise InvalidInput("an email attachment is kept from the stored message, not fetched")

    async def close(self) -> None:
        return None


def _send_error(message: OutboundMessage,
                error: aiosmtplib.SMTPException) -> TransientSendError | PermanentSendError:
    code = getattr(error, "code", None)
    log.warning("email send failed outbox=%s error=%s code=%s", message.outbox_id,
                type(error).__name__, code)
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        codes = [e.code for e in error.recipients]
        if codes and all(500 <= c < 600 for c in codes):
            # 5xx for the recipient: the mailbox does not exist or refuses us for good.
            return PermanentSendError("the address was refused", error_code=str(codes[0]),
                                      channel_lost=True)
        return TransientSendError("the address was deferred", error_code=str(codes[0] if codes
                                                                             else "4xx"))
    if isinstance(error, aiosmtplib.SMTPAuthenticationError):
        # Wrong SMTP credentials: fail over now so the family still hears from the school.
        return PermanentSendError("the SMTP server refused our login", error_code=str(code))
    if isinstance(code, int) and 500 <= code < 600:
        return PermanentSendError("the SMTP server refused the message", error_code=str(code))
    return TransientSendError("the SMTP server did not take the message",
                              error_code=str(code) if code else "smtp")


def _split_address(address: str) -> tuple[str, str]:
    _name, bare = parseaddr(address)
    try:
        parsed = Address(addr_spec=bare)
    except (ValueError, IndexError):
        raise ConfigError(f"ROLLCALL_EMAIL_FROM is not an email address: {address!r}") from None
    if not parsed.username or not parsed.domain:
        raise ConfigError(f"ROLLCALL_EMAIL_FROM is not an email address: {address!r}")
    return parsed.username, parsed.domain
