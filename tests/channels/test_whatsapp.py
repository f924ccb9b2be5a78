"""The WhatsApp adapter through the real `twilio` client against the loopback fake Twilio, which
refuses free text outside WhatsApp's 24-hour window (63016) as Twilio does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from channels.base import InboundMessage, MediaRef, OutboundMessage, StatusUpdate
from channels.sms import delivery_failure
from channels.whatsapp import WhatsAppChannel, WhatsAppConfig
from store.clock import FakeClock
from store.errors import PermanentSendError, TransientSendError, WebhookRejected
from tests.fakes.twilio_fixtures import PARENT, signed, twilio_config
from tests.fakes.twilio_server import FakeTwilio

FIXTURES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "twilio" / "whatsapp.json").read_text(
        encoding="utf-8"
    )
)
OUR_NUMBER = "+447700900500"
ABSENCE_EN = "HX" + "a" * 32
TEMPLATES = {"absence:en": ABSENCE_EN, "absence:pt": "HX" + "b" * 32}


@pytest.fixture
async def whatsapp(twilio: FakeTwilio, clock: FakeClock) -> AsyncIterator[WhatsAppChannel]:
    twilio.templates = {
        ABSENCE_EN: "Attendance message: {{1}}",
        "HX" + "b" * 32: "Mensagem de presença: {{1}}",
    }
    channel = WhatsAppChannel(
        twilio_config(twilio),
        WhatsAppConfig(sender="whatsapp:" + OUR_NUMBER, templates=TEMPLATES),
        clock=clock,
    )
    yield channel
    await channel.close()


def outbound(
    *,
    kind: str = "reply",
    language: str = "en",
    heard: object = None,
    text: str = "Thank you. We have recorded the reason for Amy.",
) -> OutboundMessage:
    return OutboundMessage(
        outbox_id=1, to=PARENT, text=text, kind=kind, language=language, last_inbound_at=heard
    )  # type: ignore[arg-type]


async def test_inside_the_window_a_reply_is_free_text_to_the_whatsapp_address(
    whatsapp, twilio, clock
) -> None:
    twilio.heard_from(PARENT)
    receipt = await whatsapp.send(outbound(heard=clock.now() - timedelta(minutes=5)))
    [sent] = twilio.created()
    form = sent["_form"]
    assert (form["To"], form["From"]) == ("whatsapp:" + PARENT, "whatsapp:" + OUR_NUMBER)
    assert form["Body"] == "Thank you. We have recorded the reason for Amy."
    assert "ContentSid" not in form and receipt.provider_id == sent["sid"]
    assert form["StatusCallback"] == "https://rollcall.example.org/webhooks/twilio/status"


async def test_outside_the_window_the_approved_template_carries_the_text(
    whatsapp, twilio, clock
) -> None:
    text = "Harbour Lane: Amy was marked absent this morning. Please reply with the reason."
    for heard in (None, clock.now() - timedelta(hours=24, seconds=1)):
        await whatsapp.send(outbound(kind="absence", heard=heard, text=text))
    for sent in twilio.created():
        assert sent["_form"]["ContentSid"] == ABSENCE_EN and "Body" not in sent["_form"]
        assert json.loads(sent["_form"]["ContentVariables"]) == {"1": text}
        assert sent["body"] == f"Attendance message: {text}"
    await whatsapp.send(outbound(kind="absence", language="pt-BR", text=text))
    assert twilio.created()[-1]["_form"]["ContentSid"] == "HX" + "b" * 32  # pt's template


async def test_with_no_template_for_the_key_and_language_it_fails_for_failover(
    whatsapp, twilio
) -> None:
    for kind, language in (("chase", "en"), ("absence", "cy")):
        with pytest.raises(PermanentSendError) as raised:
            await whatsapp.send(outbound(kind=kind, language=language))
        assert raised.value.error_code == "no_template"
        assert not raised.value.channel_lost and not raised.value.opted_out
    assert twilio.created() == [] and twilio.seen == []


async def test_free_text_twilio_refuses_outside_the_window_is_a_permanent_failure(
    whatsapp, twilio, clock
) -> None:
    # Our record says the family wrote 5 minutes ago; WhatsApp never saw it: Twilio's 63016.
    with pytest.raises(PermanentSendError) as raised:
        await whatsapp.send(outbound(heard=clock.now() - timedelta(minutes=5)))
    assert raised.value.error_code == "63016"
    assert twilio.created() == []


def test_a_whatsapp_message_is_read_as_the_whatsapp_channel_at_the_mobile_number(
    whatsapp, clock
) -> None:
    [item] = whatsapp.parse_inbound(signed("/webhooks/twilio/whatsapp", FIXTURES["whatsapp_text"]))
    assert isinstance(item, InboundMessage)
    assert (item.channel, item.sender, item.recipient) == ("whatsapp", PARENT, OUR_NUMBER)
    assert item.text.startswith("Amy has a temperature") and item.content is None
    assert item.dedupe_key() == "whatsapp:SMa1f0c2e4d6b8a0c2e4f6a8b0c2d4e601"


def test_a_voice_note_and_a_location_are_what_they_show(whatsapp) -> None:
    [voice] = whatsapp.parse_inbound(
        signed("/webhooks/twilio/sms", FIXTURES["whatsapp_voice_note"])
    )
    assert voice.content == "audio" and voice.media == (
        MediaRef(ref=FIXTURES["whatsapp_voice_note"]["MediaUrl0"], content_type="audio/ogg"),
    )
    [place] = whatsapp.parse_inbound(signed("/webhooks/twilio/sms", FIXTURES["whatsapp_location"]))
    assert (place.content, place.text, place.media) == ("location", "", ())


def test_whatsapp_receipts_are_the_whatsapp_channels(whatsapp) -> None:
    [read] = whatsapp.parse_inbound(
        signed("/webhooks/twilio/status", FIXTURES["whatsapp_status_read"])
    )
    assert isinstance(read, StatusUpdate)
    assert (read.channel, read.status, read.recipient) == ("whatsapp", "read", PARENT)
    [failed] = whatsapp.parse_inbound(
        signed("/webhooks/twilio/status", FIXTURES["whatsapp_status_failed_63016"])
    )
    assert (failed.channel, failed.status, failed.error_code) == ("whatsapp", "failed", "63016")
    assert not delivery_failure("63016").retry and not failed.channel_lost


def test_a_forged_whatsapp_webhook_is_rejected(whatsapp) -> None:
    request = signed("/webhooks/twilio/whatsapp", FIXTURES["whatsapp_text"], token="not-ours")
    with pytest.raises(WebhookRejected):
        whatsapp.parse_inbound(request)


async def test_a_template_whose_answer_was_lost_is_found_not_sent_again(
    whatsapp, twilio, clock
) -> None:
    text = "Harbour Lane: Amy was marked absent this morning. Please reply with the reason."
    twilio.hang = True  # Twilio takes it, the answer never comes back
    with pytest.raises(TransientSendError):
        await whatsapp.send(outbound(kind="absence", text=text))
    [sent] = twilio.created()
    assert await whatsapp.find_sent(PARENT, clock.now(), text) == sent["sid"]
    assert await whatsapp.find_sent(PARENT, clock.now(), "another text") is None
