"""Email out through aiosmtplib to a real SMTP server (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from channels.base import OutboundMessage
from channels.email import EmailChannel, EmailConfig, parse_smtp_url, thread_id
from store.errors import ConfigError, PermanentSendError, TransientSendError

TOKEN = "q7Xw-3kLmN0pR_s8TtUvYz12"
FROM = "Demo Academy <attendance@example.org>"


class Catcher:
    """aiosmtpd handler: keeps what it accepts, refuses one address for good, one for now."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], EmailMessage]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == "no.such.parent@example.org":
            return "550 5.1.1 <no.such.parent@example.org>: Recipient address rejected"
        if address == "full.mailbox@example.org":
            return "452 4.2.2 Mailbox full"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        b"rollcall", b"p@ss word")
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens here once the socket closes


@pytest.fixture
def smtp() -> Iterator[tuple[Catcher, int]]:
    catcher = Catcher()
    port = free_port()
    controller = Controller(catcher, hostname="127.0.0.1", port=port,
                            authenticator=authenticator, auth_require_tls=False)
    controller.start()
    yield catcher, port
    controller.stop()


@pytest.fixture
def channel(smtp, clock) -> EmailChannel:
    _catcher, port = smtp
    return EmailChannel(EmailConfig(smtp_url=f"smtp://rollcall:p%40ss%20word@127.0.0.1:{port}"
                                            "?allow_plain_auth=yes",
                                    from_address=FROM), clock=clock)


def outbound(**overrides: object) -> OutboundMessage:
    values: dict[str, object] = {
        "outbox_id": 12, "to": "jane.smith@example.org", "language": "en",
        "text": "Demo Academy: Amy was marked absent this morning.\n\nPlease reply.",
        "reply_token": TOKEN}
    return OutboundMessage(**(values | overrides))  # type: ignore[arg-type]


async def test_an_email_with_both_parts_and_the_threading_headers(channel, smtp, clock) -> None:
    catcher, _port = smtp
    receipt = await channel.send(outbound())
    [(mail_from, rcpt_tos, message)] = catcher.received
    assert (mail_from, rcpt_tos) == ("attendance@example.org", ["jane.smith@example.org"])
    assert message["Message-ID"] == receipt.provider_id
    assert receipt.provider_id.startswith("<rollcall.12.") and "@example.org>" in \
        receipt.provider_id
    assert message["Reply-To"] == f"attendance+{TOKEN}@example.org"
    assert message["In-Reply-To"] == message["References"] == thread_id(TOKEN, "example.org")
    assert TOKEN not in message["References"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"].strip() == (  # long enough to be folded
        f"<mailto:attendance+{TOKEN}@example.org?subject=unsubscribe>")
    assert message["Subject"] == "Attendance message from school"
    assert message["Date"].datetime == clock.now()
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain.get_content().replace("\r\n", "\n").strip() == outbound().text
    assert '<html lang="en" dir="ltr">' in html.get_content()
    assert "<p>Please reply.</p>" in html.get_content()


async def test_arabic_and_urdu_html_is_right_to_left(channel, smtp) -> None:
    catcher, _port = smtp
    await channel.send(outbound(language="ar", text="تم تسجيل غياب أحمد صباح اليوم."))
    await channel.send(outbound(language="ur", text="احمد آج صبح غیر حاضر تھا"))
    for (_f, _t, message), language in zip(catcher.received, ("ar", "ur"), strict=True):
        html = message.get_body(preferencelist=("html",)).get_content()
        assert f'<html lang="{language}" dir="rtl">' in html
        assert message["Content-Language"] == language


async def test_menus_are_numbered_text_and_html_is_escaped(channel, smtp) -> None:
    catcher, _port = smtp
    await channel.send(outbound(text="What is the reason? <b>",
                                options=(("illness", "Illness"), ("call_me", "Please call me"))))
    [(_f, _t, message)] = catcher.received
    plain = message.get_body(preferencelist=("plain",)).get_content()
    assert "1. Illness" in plain and "2. Please call me" in plain
    assert "&lt;b&gt;" in message.get_body(preferencelist=("html",)).get_content()


async def test_without_a_reply_token_replies_go_to_the_plain_address(channel, smtp) -> None:
    catcher, _port = smtp
    await channel.send(outbound(reply_token=None, subject="Amy: absence"))
    [(_f, _t, message)] = catcher.received
    assert message["Reply-To"] is None and message["In-Reply-To"] is None
    assert message["List-Unsubscribe"] == "<mailto:attendance@example.org?subject=unsubscribe>"
    assert message["Subject"] == "Amy: absence"


async def test_a_refused_address_is_permanent_and_loses_the_channel(channel, smtp) -> None:
    with pytest.raises(PermanentSendError) as raised:
        await channel.send(outbound(to="no.such.parent@example.org"))
    assert raised.value.channel_lost is True and raised.value.error_code == "550"
    with pytest.raises(TransientSendError) as deferred:
        await channel.send(outbound(to="full.mailbox@example.org"))
    assert deferred.value.error_code == "452"
    assert smtp[0].received == []


async def test_a_header_injection_address_is_refused(channel, smtp) -> None:
    with pytest.raises(PermanentSendError):
        await channel.send(outbound(to="jane@example.org\r\nBcc: everyone@example.org"))
    assert smtp[0].received == []


async def test_wrong_credentials_fail_over(smtp, clock) -> None:
    _catcher, port = smtp
    adapter = EmailChannel(EmailConfig(smtp_url=f"smtp://rollcall:wrong@127.0.0.1:{port}"
                                                "?allow_plain_auth=yes",
                                       from_address=FROM), clock=clock)
    with pytest.raises(PermanentSendError) as raised:
        await adapter.send(outbound())
    assert raised.value.error_code == "535"


async def test_an_unreachable_server_is_transient(clock) -> None:
    adapter = EmailChannel(EmailConfig(smtp_url=f"smtp://127.0.0.1:{free_port()}",
                                       from_address=FROM),
                           clock=clock)
    with pytest.raises(TransientSendError):
        await adapter.send(outbound())


def test_smtp_urls() -> None:
    assert parse_smtp_url("smtp://mail.example.org").port == 587
    server = parse_smtp_url("smtps://u%40x:p%2Fw@mail.example.org")
    assert (server.port, server.use_tls, server.username, server.password) == (
        465, True, "u@x", "p/w")
    assert parse_smtp_url("smtp://u:p@mail.example.org").starttls_required
    assert not parse_smtp_url("smtp://u:p@mail.example.org?allow_plain_auth=yes").starttls_required
    assert not parse_smtp_url("smtp://mail.example.org").starttls_required  # a local relay
    assert not parse_smtp_url("smtps://u:p@mail.example.org").starttls_required  # TLS already
    for bad in ("http://mail.example.org", "mail.example.org:25", "smtp://", "smtp://h:99999",
                "smtp://u:p@h?allow_plain_auth=1"):
        with pytest.raises(ConfigError):
            parse_smtp_url(bad)


def test_a_bad_from_address_is_refused_at_start(clock) -> None:
    with pytest.raises(ConfigError):
        EmailChannel(EmailConfig(smtp_url="smtp://127.0.0.1", from_address="Demo Academy"),
                     clock=clock)
