"""Inbound email by IMAP: an optional poller for schools whose mail server cannot post to
POST /webhooks/email.

Each pass logs in, asks for the unseen messages (UID SEARCH UNSEEN), and for each one fetches
the raw message without marking it read (BODY.PEEK[]), reads it exactly as the webhook reads a
posted message (`EmailChannel.read_raw`: dedupe on Message-ID, auto-replies and bounces
recognised, the reply token and sender checked later by the inbound worker), stores it in its
own transaction, and only then flags it \\Seen. A crash between the two leaves the message
unseen: the next pass fetches it again and the store keeps it once. A message that cannot be
read (no usable From, too large) is flagged \\Seen and left in the mailbox for a person; nothing
is ever deleted.

imaplib is blocking: a pass runs in a worker thread, so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import ssl
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from pydantic import SecretStr
from sqlalchemy.exc import SQLAlchemyError

from channels.base import Channel, InboundMessage, Received
from channels.email import EmailChannel, StartTlsMissing, plain_auth_allowed
from channels.events import store_items
from store.clock import Clock
from store.database import Database
from store.errors import ConfigError, InvalidInput

log = logging.getLogger(__name__)

IMAP_TIMEOUT = 30.0
BATCH = 50  # messages one pass takes; the rest wait for the next pass


@dataclass(frozen=True, slots=True)
class ImapMailbox:
    """Where inbound mail waits, from ROLLCALL_IMAP_URL."""

    hostname: str
    port: int
    use_tls: bool  # imaps://: TLS from the first byte; imap://: STARTTLS, required
    username: str
    password: str
    mailbox: str = "INBOX"
    # imap:// ?allow_plain_auth=yes: log in without TLS when the server offers no STARTTLS.
    plain_auth_allowed: bool = False


def parse_imap_url(url: str) -> ImapMailbox:
    """`imaps://user:pass@host:993/INBOX` or `imap://user:pass@host:143/INBOX` (STARTTLS
    required; `?allow_plain_auth=yes` lets a trusted local link log in without it)."""
    parts = urlsplit(url)
    if parts.scheme not in {"imap", "imaps"} or not parts.hostname:
        raise ConfigError("ROLLCALL_IMAP_URL must look like imaps://user:pass@host:port/INBOX")
    if not parts.username or parts.password is None:
        raise ConfigError("ROLLCALL_IMAP_URL must carry the mailbox's user and password")
    use_tls = parts.scheme == "imaps"
    try:
        port = parts.port or (993 if use_tls else 143)
    except ValueError:
        raise ConfigError("ROLLCALL_IMAP_URL has a bad port") from None
    return ImapMailbox(hostname=parts.hostname, port=port, use_tls=use_tls,
                       username=unquote(parts.username), password=unquote(parts.password),
                       mailbox=unquote(parts.path.strip("/")) or "INBOX",
                       plain_auth_allowed=plain_auth_allowed(parts, setting="ROLLCALL_IMAP_URL"))


class ImapSettings(Protocol):
    """The part of `bot.settings.Settings` the poller reads."""

    imap_url: SecretStr | None
    imap_ca_file: str | None


def build_poller(settings: ImapSettings, *, email: Channel, database: Database,
                 clock: Clock) -> ImapPoller | None:
    """The poller when ROLLCALL_IMAP_URL is set and email is on, else None; says which at
    start, like the channels do."""
    why = None
    if settings.imap_url is None or not settings.imap_url.get_secret_value():
        why = "ROLLCALL_IMAP_URL is not set"
    elif not isinstance(email, EmailChannel):
        why = "ROLLCALL_IMAP_URL is set but the email channel is off"
    if why is not None:
        log.info("email poller: off: %s", why)
        return None
    assert settings.imap_url is not None and isinstance(email, EmailChannel)
    mailbox = parse_imap_url(settings.imap_url.get_secret_value())
    log.info("email poller: on (%s:%s)", mailbox.hostname, mailbox.port)
    return ImapPoller(mailbox, email, database, clock, ca_file=settings.imap_ca_file)


@dataclass(frozen=True, slots=True)
class Polled:
    """What one pass did."""

    fetched: int = 0
    new: int = 0  # messages stored for the first time
    unreadable: int = 0  # flagged \\Seen and left in the mailbox


class ImapPoller:
    """Fetches unseen mail from one mailbox and stores it through the email channel."""

    def __init__(self, mailbox: ImapMailbox, channel: EmailChannel, database: Database,
                 clock: Clock, *, ca_file: str | None = None, batch: int = BATCH) -> None:
        self.mailbox = mailbox
        self.channel = channel
        self.database = database
        self.clock = clock
        self.ca_file = ca_file
        self.batch = batch

    async def run(self, *, stop: asyncio.Event, every: float,
                  wake: asyncio.Event | None = None) -> None:
        """Poll every `every` seconds until `stop` is set; `wake` is set when a pass stored a
        new message, so the inbound worker takes it at once. A failed pass is logged and tried
        again later: what was not flagged is fetched again."""
        while not stop.is_set():
            try:
                done = await asyncio.to_thread(self.poll_once)
            except (OSError, imaplib.IMAP4.error, SQLAlchemyError) as error:
                log.warning("imap pass failed error=%s", type(error).__name__)
            else:
                if done.new and wake is not None:
                    wake.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=every)

    def poll_once(self) -> Polled:
        """One pass (blocking: run it in a thread). Raises OSError or imaplib.IMAP4.error when
        the server cannot be reached or refuses us."""
        fetched = new = unreadable = 0
        with self._session() as imap:
            for uid in self._unseen(imap)[: self.batch]:
                raw = self._fetch(imap, uid)
                fetched += 1
                if raw is None:
                    continue  # gone since the search (another client expunged it)
                try:
                    new += self._store(raw)
                except InvalidInput as error:
                    log.warning("imap message uid=%s not readable: %s", uid, error)
                    unreadable += 1
                # Only now, stored (or unreadable and left here for a person), is it seen.
                _ok(imap.uid("STORE", uid, "+FLAGS", "(\\Seen)"), "STORE")
        log.info("imap pass fetched=%s new=%s unreadable=%s", fetched, new, unreadable)
        return Polled(fetched=fetched, new=new, unreadable=unreadable)

    def _store(self, raw: bytes) -> int:
        items: Sequence[Received] = self.channel.read_raw(raw)
        with self.database.transaction() as session:
            stored = store_items(session, self.clock, items, raw=raw)
        return sum(1 for item in stored if isinstance(item, InboundMessage))

    @contextlib.contextmanager
    def _session(self) -> Iterator[imaplib.IMAP4]:
        box = self.mailbox
        context = ssl.create_default_context(cafile=self.ca_file)
        imap: imaplib.IMAP4
        if box.use_tls:
            imap = imaplib.IMAP4_SSL(box.hostname, box.port, ssl_context=context,
                                     timeout=IMAP_TIMEOUT)
        else:
            imap = imaplib.IMAP4(box.hostname, box.port, timeout=IMAP_TIMEOUT)
        try:
            if not box.use_tls and "STARTTLS" in imap.capabilities:
                imap.starttls(ssl_context=context)
            elif not box.use_tls and not box.plain_auth_allowed:
                raise StartTlsMissing("the IMAP server offers no STARTTLS: not logging in")
            imap.login(box.username, box.password)
            _ok(imap.select(_quoted(box.mailbox)), "SELECT")
            yield imap
        finally:
            with contextlib.suppress(OSError, imaplib.IMAP4.error):
                imap.logout()

    def _unseen(self, imap: imaplib.IMAP4) -> list[str]:
        data = _ok(imap.uid("SEARCH", "UNSEEN"), "SEARCH")
        return [uid.decode() for line in data if isinstance(line, bytes) for uid in line.split()]

    def _fetch(self, imap: imaplib.IMAP4, uid: str) -> bytes | None:
        data = _ok(imap.uid("FETCH", uid, "(BODY.PEEK[])"), "FETCH")
        for part in data:
            if isinstance(part, tuple) and len(part) == 2:
                return bytes(part[1])
        return None


def _ok(answer: tuple[str, list[Any]], what: str) -> list[Any]:
    status, data = answer
    if status != "OK":
        raise imaplib.IMAP4.error(f"IMAP {what} refused: {status}")
    return data


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'
