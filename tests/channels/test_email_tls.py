"""Email out over TLS: STARTTLS required by the server, and implicit TLS (smtps), each with
auth, against aiosmtpd on 127.0.0.1 with a certificate from a CA made for the test."""

from __future__ import annotations

import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from channels.email import EmailChannel, EmailConfig
from store.errors import PermanentSendError, TransientSendError
from tests.channels.test_email_send import FROM, authenticator, free_port, outbound


class TlsCatcher:
    """Keeps each accepted message with whether the session was encrypted and authenticated."""

    def __init__(self) -> None:
        self.received: list[tuple[bool, bool, list[str]]] = []

    async def handle_DATA(self, server, session, envelope):
        encrypted = server.transport.get_extra_info("ssl_object") is not None
        self.received.append((encrypted, session.authenticated, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "school-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    return context


@pytest.fixture
def starttls(ca: trustme.CA) -> Iterator[tuple[TlsCatcher, int]]:
    """A submission server that refuses mail and AUTH until the client has said STARTTLS."""
    catcher, port = TlsCatcher(), free_port()
    controller = Controller(catcher, hostname="127.0.0.1", port=port,
                            authenticator=authenticator, auth_required=True,
                            auth_require_tls=True, require_starttls=True,
                            tls_context=server_context(ca))
    controller.start()
    yield catcher, port
    controller.stop()


@pytest.fixture
def smtps(ca: trustme.CA) -> Iterator[tuple[TlsCatcher, int]]:
    """A server that speaks TLS from the first byte (port 465 style)."""
    catcher, port = TlsCatcher(), free_port()
    # aiosmtpd's auth_require_tls means "after STARTTLS"; here the whole session is TLS.
    controller = Controller(catcher, hostname="127.0.0.1", port=port,
                            authenticator=authenticator, auth_required=True,
                            auth_require_tls=False, ssl_context=server_context(ca))
    controller.start()
    yield catcher, port
    controller.stop()


@pytest.fixture
def plain() -> Iterator[tuple[TlsCatcher, list[bytes], int]]:
    """A server with no TLS at all (or one whose STARTTLS offer a man in the middle stripped):
    it takes a login in clear, and records every one it is sent."""
    catcher, logins, port = TlsCatcher(), [], free_port()

    def recording(server, session, envelope, mechanism, auth_data) -> AuthResult:
        logins.append(auth_data.login)
        return authenticator(server, session, envelope, mechanism, auth_data)

    controller = Controller(catcher, hostname="127.0.0.1", port=port,
                            authenticator=recording, auth_require_tls=False)
    controller.start()
    yield catcher, logins, port
    controller.stop()


def channel(url: str, clock, *, ca_file: str | None) -> EmailChannel:
    return EmailChannel(EmailConfig(smtp_url=url, from_address=FROM, ca_file=ca_file),
                        clock=clock)


async def test_starttls_then_auth_when_the_server_requires_it(starttls, ca_file, clock) -> None:
    catcher, port = starttls
    adapter = channel(f"smtp://rollcall:p%40ss%20word@127.0.0.1:{port}", clock, ca_file=ca_file)
    receipt = await adapter.send(outbound())
    assert receipt.provider_id.startswith("<rollcall.12.")
    assert catcher.received == [(True, True, ["jane.smith@example.org"])]


async def test_implicit_tls_with_auth(smtps, ca_file, clock) -> None:
    catcher, port = smtps
    adapter = channel(f"smtps://rollcall:p%40ss%20word@127.0.0.1:{port}", clock, ca_file=ca_file)
    await adapter.send(outbound())
    assert catcher.received == [(True, True, ["jane.smith@example.org"])]


@pytest.mark.parametrize("scheme", ["smtp", "smtps"])
async def test_a_certificate_from_an_untrusted_ca_is_refused(scheme, starttls, smtps,
                                                             clock) -> None:
    # Without ROLLCALL_SMTP_CA_FILE the private CA is not trusted: nothing is sent, and the
    # password never leaves over an unverified connection. Retried later, not failed over.
    catcher, port = starttls if scheme == "smtp" else smtps
    adapter = channel(f"{scheme}://rollcall:p%40ss%20word@127.0.0.1:{port}", clock,
                      ca_file=None)
    with pytest.raises(TransientSendError):
        await adapter.send(outbound())
    assert catcher.received == []


async def test_a_login_without_starttls_is_refused_and_nothing_is_sent(plain, clock) -> None:
    catcher, logins, port = plain
    adapter = channel(f"smtp://rollcall:p%40ss%20word@127.0.0.1:{port}", clock, ca_file=None)
    with pytest.raises(PermanentSendError) as raised:
        await adapter.send(outbound())
    assert raised.value.error_code == "starttls"
    assert logins == [] and catcher.received == []  # the password never went on the wire


async def test_plain_login_only_when_the_url_opts_in(plain, clock) -> None:
    catcher, logins, port = plain
    url = f"smtp://rollcall:p%40ss%20word@127.0.0.1:{port}?allow_plain_auth=yes"
    await channel(url, clock, ca_file=None).send(outbound())
    assert logins == [b"rollcall"] and catcher.received == [(False, True,
                                                             ["jane.smith@example.org"])]


async def test_a_local_relay_without_a_login_needs_no_tls(plain, clock) -> None:
    catcher, logins, port = plain
    await channel(f"smtp://127.0.0.1:{port}", clock, ca_file=None).send(outbound())
    assert logins == [] and len(catcher.received) == 1 and not catcher.received[0][1]
