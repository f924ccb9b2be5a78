"""Inbound email: real-shaped Gmail, Outlook and Apple Mail replies, auto-replies, bounces,
forged senders and bad input, read through the email channel as the webhook reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from channels.base import InboundMessage, StatusUpdate, WebhookRequest
from channels.email import EmailChannel, EmailConfig
from channels.email_inbound import attachments, token_at
from channels.email_reply import reply_text
from store.clock import FakeClock
from store.errors import InvalidInput, WebhookRejected

EMAILS = Path(__file__).parent / "emails"
TOKEN = "q7Xw-3kLmN0pR_s8TtUvYz12"
INBOUND_TOKEN = "inbound-token-for-tests"
URL = "https://rollcall.example.org/webhooks/email"


@pytest.fixture
def channel(clock: FakeClock) -> EmailChannel:
    return EmailChannel(EmailConfig(smtp_url="smtp://127.0.0.1:2525",
                                    from_address="Demo Academy <attendance@example.org>",
                                    inbound_token=INBOUND_TOKEN), clock=clock)


def posted(raw: bytes, *, token: str | None = INBOUND_TOKEN, url: str = URL) -> WebhookRequest:
    headers = {"content-type": "message/rfc822"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    return WebhookRequest(url=url, headers=headers, body=raw)


def read(channel: EmailChannel, name: str) -> InboundMessage:
    items = channel.parse_inbound(posted((EMAILS / name).read_bytes()))
    assert isinstance(items[0], InboundMessage)
    return items[0]


def test_gmail_reply_keeps_only_the_new_words(channel) -> None:
    message = read(channel, "gmail_reply.eml")
    assert message.text == ("Sorry, Amy has a temperature and will be off today. "
                            "She should be back on Wednesday.\n\nJane")
    assert message.sender == "jane.smith@example.org"
    assert message.reply_token == TOKEN
    assert message.provider_id == "<CAJx7uQ1gmailReply0001=abc@mail.gmail.com>"
    assert message.dedupe_key() == "email:<CAJx7uQ1gmailReply0001=abc@mail.gmail.com>"
    assert (message.trusted_sender, message.auto_reply) == (True, False)


def test_outlook_reply_in_windows_1252_without_its_header_block(channel) -> None:
    message = read(channel, "outlook_reply.eml")
    assert message.text == ("Ben\u2019s got a dentist appointment at 11, he\u2019ll be in "
                            "after lunch.\n\nKind regards\nTom Okafor")
    assert message.sender == "tom.okafor@example.org"  # lower-cased for the address lookup
    assert message.reply_token == TOKEN


def test_apple_mail_reply_drops_the_footer_and_keeps_the_photo(channel) -> None:
    message = read(channel, "apple_mail_reply.eml")
    assert message.text == ("Hi, Amy was sick in the night so I\u2019ve kept her home. "
                            "Photo of the GP note attached.")
    [photo] = message.media
    assert (photo.content_type, photo.filename) == ("image/jpeg", "IMG_0423.jpeg")
    [kept] = attachments((EMAILS / "apple_mail_reply.eml").read_bytes())
    assert kept.data.startswith(b"\xff\xd8") and len(kept.data) == photo.size


async def test_an_attachment_is_inline_not_fetched(channel) -> None:
    # It came inside the message: the inbound worker keeps it from the stored raw message.
    message = read(channel, "apple_mail_reply.eml")
    assert message.media[0].inline
    with pytest.raises(InvalidInput):
        await channel.fetch_media(message.media[0])


def test_original_message_block_signature_and_latin1_base64(channel) -> None:
    message = read(channel, "original_message_latin1.eml")
    assert message.text == "Bonjour, Léa est malade aujourd'hui (gastro). Elle reviendra jeudi."


def test_arabic_reply(channel) -> None:
    message = read(channel, "arabic_reply.eml")
    assert message.text == "أحمد مريض اليوم وعنده حرارة."


def test_out_of_office_is_an_automatic_reply(channel) -> None:
    message = read(channel, "out_of_office.eml")
    assert message.auto_reply is True


def test_a_bounce_is_automatic_and_reports_our_message_undelivered(channel, clock) -> None:
    items = channel.parse_inbound(posted((EMAILS / "bounce.eml").read_bytes()))
    message, receipt = items
    assert isinstance(message, InboundMessage) and message.auto_reply is True
    assert receipt == StatusUpdate(channel="email",
                                   provider_id="<rollcall.12.17642345.999@example.org>",
                                   status="undelivered", received_at=clock.now(),
                                   error_code="5.1.1", channel_lost=True)
    assert message.why_automatic == "bounce"


def test_a_failed_dmarc_from_our_own_server_is_not_trusted(channel) -> None:
    # The forger's own "pass" header sits below ours: only the topmost one counts.
    message = read(channel, "spoofed_sender.eml")
    assert message.trusted_sender is False
    assert message.reply_token == TOKEN  # kept, but the worker will not trust it


def email(headers: str, body: str = "Amy is ill.") -> bytes:
    return (headers.strip() + "\r\n\r\n" + body + "\r\n").replace("\n", "\r\n").encode()


BASIC = """From: Jane Smith <jane.smith@example.org>
To: attendance@example.org
Subject: Amy
Message-ID: <plain.1@example.org>"""


@pytest.mark.parametrize("extra", [
    "Auto-Submitted: auto-generated", "Auto-Submitted: auto-replied", "X-Autoreply: yes",
    "Precedence: bulk", "Precedence: junk", "Precedence: list",
    "List-Id: Parents <parents.example.org>", "X-Rollcall-Outbox: 12",
])
def test_machine_sent_mail_is_never_answered(channel, extra) -> None:
    [message] = channel.parse_inbound(posted(email(BASIC + "\n" + extra)))
    assert message.auto_reply is True


@pytest.mark.parametrize("subject", ["Out of Office: Attendance", "Automatic reply: absence",
                                     "Abwesenheitsnotiz", "Réponse automatique : absence"])
def test_out_of_office_subjects(channel, subject) -> None:
    headers = BASIC.replace("Subject: Amy", f"Subject: {subject}")
    [message] = channel.parse_inbound(posted(email(headers)))
    assert message.auto_reply is True


def test_a_person_saying_auto_submitted_no_is_answered(channel) -> None:
    [message] = channel.parse_inbound(posted(email(BASIC + "\nAuto-Submitted: no")))
    assert message.auto_reply is False
    assert message.reply_token is None  # sent to the plain address: no conversation token


def test_our_own_address_coming_back_is_a_loop(channel) -> None:
    headers = BASIC.replace("jane.smith@example.org", "attendance@example.org")
    [message] = channel.parse_inbound(posted(email(headers)))
    assert message.auto_reply is True


def test_the_envelope_recipient_can_carry_the_token(channel) -> None:
    request = posted(email(BASIC), url=URL + f"?to=attendance%2B{TOKEN}%40example.org")
    [message] = channel.parse_inbound(request)
    assert message.reply_token == TOKEN


def test_a_token_on_another_domain_is_not_ours(channel) -> None:
    headers = BASIC.replace("To: attendance@example.org",
                            f"To: attendance+{TOKEN}@example.net")
    [message] = channel.parse_inbound(posted(email(headers)))
    assert message.reply_token is None


def test_no_message_id_dedupes_on_the_bytes(channel) -> None:
    raw = email(BASIC.replace("Message-ID: <plain.1@example.org>", ""))
    [first] = channel.parse_inbound(posted(raw))
    [again] = channel.parse_inbound(posted(raw))
    assert first.provider_id.startswith("sha256:") and first.provider_id == again.provider_id


@pytest.mark.parametrize("token", [None, "", "wrong", INBOUND_TOKEN + "x"])
def test_a_missing_or_wrong_bearer_token_is_rejected(channel, token) -> None:
    with pytest.raises(WebhookRejected):
        channel.parse_inbound(posted(email(BASIC), token=token))


def test_inbound_is_off_without_a_token(clock) -> None:
    adapter = EmailChannel(EmailConfig(smtp_url="smtp://127.0.0.1:2525",
                                       from_address="attendance@example.org"), clock=clock)
    with pytest.raises(WebhookRejected):
        adapter.parse_inbound(posted(email(BASIC), token=""))


@pytest.mark.parametrize("raw", [b"", b"   \r\n", b"Subject: no sender\r\n\r\nhello\r\n",
                                 b"From: not an address\r\n\r\nhello\r\n",
                                 b"\xff\xfe\x00garbage without headers"])
def test_mail_without_a_sender_is_invalid(channel, raw) -> None:
    with pytest.raises(InvalidInput):
        channel.parse_inbound(posted(raw))


def test_undecodable_bytes_and_unknown_charsets_are_replaced_not_lost(channel) -> None:
    raw = email(BASIC + "\nContent-Type: text/plain; charset=x-made-up-charset",
                "Amy is ill \udcff".encode("utf-8", "surrogateescape").decode("latin-1"))
    [message] = channel.parse_inbound(posted(raw))
    assert message.text.startswith("Amy is ill")


@pytest.mark.parametrize(("body", "expected"), [
    ("Off sick.\n\n-- \nJane Smith\n07700 900001", "Off sick."),
    ("Off sick.\n\nSent from my iPhone", "Off sick."),
    ("Off sick.\n\nGet Outlook for Android", "Off sick."),
    ("> Please reply with the reason.\n\nShe has a cold.", "She has a cold."),
    ("On Mon, 23 Nov 2026 at 09:31, Demo Academy <attendance@example.org> wrote:\n"
     "> Please reply.\n\nShe has a cold.", "She has a cold."),
    ("Dentist at 2pm\n\nFrom: Demo Academy <attendance@example.org>\n"
     "Date: Monday, 23 November 2026 at 09:31\nTo: Jane\nSubject: Absence\n\nAmy was absent",
     "Dentist at 2pm"),
    ("Le lun. 23 nov. 2026 à 09:31, Demo Academy a écrit :\n> bla", ""),
    ("Migraine.\n----- Original Message -----\nFrom: school", "Migraine."),
])
def test_reply_text(body, expected) -> None:
    assert reply_text(body) == expected


def test_an_empty_plain_part_falls_back_to_the_html_one(channel) -> None:
    raw = (BASIC + "\nMIME-Version: 1.0\n"
           'Content-Type: multipart/alternative; boundary="b1"\n\n'
           "--b1\nContent-Type: text/plain; charset=utf-8\n\nSent from my iPhone\n"
           "--b1\nContent-Type: text/html; charset=utf-8\n\n"
           "<div>Amy has a temperature.</div><div>Sent from my iPhone</div>\n--b1--\n")
    [message] = channel.parse_inbound(posted(email(raw.split("\n\n", 1)[0],
                                                   raw.split("\n\n", 1)[1])))
    assert message.text == "Amy has a temperature."


def test_every_address_it_was_sent_to_is_kept_for_the_worker(channel) -> None:
    # A school's own address is a school setting the channel does not know: the worker reads
    # the token there (scheduling.email_thread), so the channel keeps each address, token too.
    headers = BASIC.replace("To: attendance@example.org",
                            f"To: Hill Primary <office+{TOKEN}@hill.example.org>\n"
                            "Cc: grandma@example.net")
    request = posted(email(headers), url=URL + "?to=office%40hill.example.org")
    [message] = channel.parse_inbound(request)
    assert message.reply_token is None  # not the service's own address
    assert message.recipient == (f"office@hill.example.org, office+{TOKEN}@hill.example.org, "
                                 "grandma@example.net")
    assert token_at(["grandma@example.net", f"office+{TOKEN}@hill.example.org"],
                    ours=["Hill Primary <Office@Hill.example.org>"]) == TOKEN
    assert token_at([f"office+{TOKEN}@hill.example.net"], ours=["office@hill.example.org"]) \
        is None
