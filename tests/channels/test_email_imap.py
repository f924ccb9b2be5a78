"""The IMAP poller against a small IMAP4rev1 server on 127.0.0.1, through stdlib imaplib: unseen
mail stored exactly as the webhook stores it, flagged seen only once it is stored."""

from __future__ import annotations

import asyncio
import imaplib
import json
import logging
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import trustme
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col, select

from channels.email import EmailChannel, EmailConfig
from channels.email_imap import ImapPoller, StartTlsMissing, build_poller, parse_imap_url
from channels.simulated import SimulatedChannel
from store.clock import FakeClock
from store.database import Database
from store.errors import ConfigError
from store.models.inbound import InboundEvent
from tests.fakes.imap_server import PASSWORD, USER, FakeImap

EMAILS = Path(__file__).parent / "emails"
FROM = "Demo Academy <attendance@example.org>"
# The fake speaks no TLS unless told: the loopback is the trusted local link that may opt in.
URL = ("imap://attendance%40example.org:p%40ss%20word@127.0.0.1:{port}/INBOX"
       "?allow_plain_auth=yes")
REQUIRED_TLS_URL = URL.removesuffix("?allow_plain_auth=yes")


@pytest.fixture
async def imap() -> AsyncIterator[FakeImap]:
    server = FakeImap()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def email(clock: FakeClock) -> EmailChannel:
    return EmailChannel(EmailConfig(smtp_url="smtp://127.0.0.1:2525", from_address=FROM),
                        clock=clock)


def poller(imap: FakeImap, email: EmailChannel, db: Database, clock: FakeClock, *,
           url: str = URL, ca_file: str | None = None) -> ImapPoller:
    return ImapPoller(parse_imap_url(url.format(port=imap.port)), email, db, clock,
                      ca_file=ca_file)


def events(db: Database) -> list[InboundEvent]:
    with db.transaction() as session:
        return list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))


def eml(name: str) -> bytes:
    return (EMAILS / name).read_bytes()


async def test_unseen_mail_is_stored_as_the_webhook_stores_it(imap, email, db, clock) -> None:
    for name in ("gmail_reply.eml", "out_of_office.eml", "apple_mail_reply.eml"):
        imap.deliver(eml(name))
    done = await asyncio.to_thread(poller(imap, email, db, clock).poll_once)
    assert (done.fetched, done.new, done.unreadable) == (3, 3, 0)
    reply, away, photo = events(db)
    assert reply.dedupe_key == "email:<CAJx7uQ1gmailReply0001=abc@mail.gmail.com>"
    assert reply.raw == eml("gmail_reply.eml") and reply.status == "pending"
    assert json.loads(reply.payload)["reply_token"] == "q7Xw-3kLmN0pR_s8TtUvYz12"
    assert json.loads(away.payload)["auto_reply"] is True
    assert json.loads(photo.payload)["media"][0]["inline"] is True
    assert imap.unseen() == [] and len(imap.mail) == 3  # seen, never deleted
    # Fetched without setting \Seen; flagged only by the STORE after each was kept.
    assert imap.commands_named("UID FETCH") and imap.commands_named("UID STORE")
    assert await asyncio.to_thread(poller(imap, email, db, clock).poll_once) == \
        type(done)(fetched=0, new=0, unreadable=0)


async def test_a_crash_before_the_flag_stores_the_message_once(imap, email, db, clock) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    imap.drop_at_next_store = True  # the connection goes between storing and flagging
    with pytest.raises((imaplib.IMAP4.abort, OSError)):
        await asyncio.to_thread(poller(imap, email, db, clock).poll_once)
    assert len(events(db)) == 1 and imap.unseen() == [1]
    done = await asyncio.to_thread(poller(imap, email, db, clock).poll_once)
    assert (done.fetched, done.new) == (1, 0)  # fetched again, kept once
    assert len(events(db)) == 1 and imap.unseen() == []


async def test_a_message_the_store_did_not_take_stays_unseen(imap, email, tmp_path,
                                                             clock) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    # A store that cannot be opened: every write fails.
    broken = Database(f"sqlite:///{tmp_path / 'no-such-directory' / 'rollcall.db'}")
    try:
        with pytest.raises(SQLAlchemyError):
            await asyncio.to_thread(poller(imap, email, broken, clock).poll_once)
    finally:
        broken.dispose()
    assert imap.unseen() == [1] and imap.commands_named("UID STORE") == []


async def test_the_same_message_delivered_twice_is_stored_once(imap, email, db, clock) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    imap.deliver(eml("gmail_reply.eml"))
    done = await asyncio.to_thread(poller(imap, email, db, clock).poll_once)
    assert (done.fetched, done.new) == (2, 1)
    assert len(events(db)) == 1 and imap.unseen() == []


async def test_unreadable_mail_is_left_in_the_mailbox_seen(imap, email, db, clock) -> None:
    imap.deliver(b"Subject: no sender\r\n\r\nhello\r\n")
    done = await asyncio.to_thread(poller(imap, email, db, clock).poll_once)
    assert (done.fetched, done.new, done.unreadable) == (1, 0, 1)
    assert events(db) == [] and imap.unseen() == [] and len(imap.mail) == 1


async def test_a_wrong_password_stores_and_flags_nothing(imap, email, db, clock) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    wrong = URL.replace("p%40ss%20word", "wrong")
    with pytest.raises(imaplib.IMAP4.error):
        await asyncio.to_thread(poller(imap, email, db, clock, url=wrong).poll_once)
    assert events(db) == [] and imap.unseen() == [1]


async def test_the_run_loop_survives_a_failed_pass_and_wakes_the_worker(imap, email, db,
                                                                       clock) -> None:
    imap.deliver(eml("gmail_reply.eml"))
    imap.deliver(eml("out_of_office.eml"))
    imap.drop_at_next_store = True  # the first pass fails after storing the first message
    stop, wake = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(poller(imap, email, db, clock).run(stop=stop, every=0.01,
                                                                  wake=wake))
    try:
        await asyncio.wait_for(wake.wait(), 10)  # the second pass stored the other one
        while imap.unseen():
            await asyncio.sleep(0.01)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    assert len(events(db)) == 2


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


async def test_imaps_with_a_private_ca(email, db, clock, ca, tmp_path) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = FakeImap()
    server.deliver(eml("gmail_reply.eml"))
    await server.start(ssl_context=context)
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    url = URL.replace("imap://", "imaps://")
    try:
        with pytest.raises(ssl.SSLError):  # not trusted without the school's CA
            await asyncio.to_thread(poller(server, email, db, clock, url=url).poll_once)
        assert events(db) == []
        done = await asyncio.to_thread(
            poller(server, email, db, clock, url=url, ca_file=str(ca_file)).poll_once)
    finally:
        await server.stop()
    assert done.new == 1 and server.unseen() == []


async def test_without_a_starttls_offer_the_password_is_not_sent(imap, email, db,
                                                                  clock) -> None:
    # A man in the middle strips STARTTLS from the capabilities: we never log in.
    imap.deliver(eml("gmail_reply.eml"))
    with pytest.raises(StartTlsMissing):
        await asyncio.to_thread(
            poller(imap, email, db, clock, url=REQUIRED_TLS_URL).poll_once)
    assert imap.commands_named("LOGIN") == [] and imap.commands_named("UID") == []
    assert events(db) == [] and imap.unseen() == [1]


async def test_imap_starttls_with_a_private_ca(email, db, clock, ca, tmp_path) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = FakeImap(starttls_context=context)
    server.deliver(eml("gmail_reply.eml"))
    await server.start()
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    try:
        done = await asyncio.to_thread(poller(server, email, db, clock, url=REQUIRED_TLS_URL,
                                              ca_file=str(ca_file)).poll_once)
    finally:
        await server.stop()
    assert done.new == 1 and server.unseen() == []
    assert server.commands[:3] == ["CAPABILITY", "STARTTLS", "CAPABILITY"]
    assert server.login_encrypted == [True]


def test_the_poller_is_off_unless_configured(db, clock, email, caplog) -> None:
    from bot.settings import Settings

    caplog.set_level(logging.INFO, logger="channels.email_imap")
    assert build_poller(Settings(), email=email, database=db, clock=clock) is None
    assert "email poller: off: ROLLCALL_IMAP_URL is not set" in caplog.text
    configured = Settings(imap_url=URL.format(port=993))
    off = SimulatedChannel("email", clock=clock)
    assert build_poller(configured, email=off, database=db, clock=clock) is None
    assert "the email channel is off" in caplog.text
    on = build_poller(configured, email=email, database=db, clock=clock)
    assert on is not None and on.mailbox.username == USER and on.mailbox.password == PASSWORD


def test_imap_urls() -> None:
    box = parse_imap_url("imaps://u%40x:p%2Fw@mail.example.org/Rollcall%20Replies")
    assert (box.hostname, box.port, box.use_tls, box.username, box.password, box.mailbox) == (
        "mail.example.org", 993, True, "u@x", "p/w", "Rollcall Replies")
    assert parse_imap_url("imap://u:p@mail.example.org").port == 143
    assert parse_imap_url("imap://u:p@mail.example.org").mailbox == "INBOX"
    assert not parse_imap_url("imap://u:p@mail.example.org").plain_auth_allowed
    assert parse_imap_url("imap://u:p@h/INBOX?allow_plain_auth=yes").plain_auth_allowed
    for bad in ("http://u:p@mail.example.org", "imaps://mail.example.org", "imaps://",
                "imap://u:p@h:99999", "imap://u:p@h/INBOX?allow_plain_auth=true"):
        with pytest.raises(ConfigError):
            parse_imap_url(bad)
