"""The WhatsApp adapter through the real `twilio` client against the loopback fake Twilio, which
refuses free text outside WhatsApp's 24-hour window (63016) as Twilio does, approves only
template bodies WhatsApp would, and refuses a template whose variables are not all filled."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from channels.base import InboundMessage, MediaRef, OutboundMessage, StatusUpdate
from channels.sms import delivery_failure
from channels.texts import render
from channels.whatsapp import WhatsAppChannel, WhatsAppConfig
from channels.whatsapp_templates import message_key, templates_for
from scheduling.wording import day_text, run_text
from store.clock import FakeClock
from store.errors import PermanentSendError, TransientSendError, WebhookRejected
from tests.fakes.twilio_fixtures import PARENT, signed, twilio_config
from tests.fakes.twilio_server import FakeTwilio
from tests.scheduling.families import MONDAY

FIXTURES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "twilio" / "whatsapp.json").read_text(
        encoding="utf-8"
    )
)
OUR_NUMBER = "+447700900500"
SCHOOL, SCHOOL_ID = "Harbour Lane Academy", 1
# The templates Harbour Lane (school 1) had approved, as `rollcall whatsapp templates` prints
# their settings: "<template key>:<language>", and the school's id when its words name it.
# Urdu and Arabic are written right to left (Urdu names the day before the child); Polish has
# one wording for one child and one for more.
APPROVED = ("absence.first.one:en:1", "absence.first.other:en:1", "chase.one:pl:1",
            "chase.few_many:pl:1", "absence.first.one:ur:1", "absence.first.one:ar:1",
            "late.notice.one:pt:1", "reason.thanks:ar")


def sid(setting: str) -> str:
    return "HX" + hashlib.md5(setting.encode()).hexdigest()


def approve(twilio: FakeTwilio, settings: tuple[str, ...], *, school: str = SCHOOL) -> dict[
        str, str]:
    """Each template's body approved by the fake WhatsApp under its own Content SID; returns
    ROLLCALL_WHATSAPP_TEMPLATES."""
    for setting in settings:
        template_key, language = setting.split(":")[:2]
        key = message_key(template_key)
        assert key is not None
        [template] = [t for t in templates_for(key, language, school=school)
                      if t.key == template_key]
        twilio.approve(sid(setting), template.body)
    return {setting: sid(setting) for setting in settings}


@asynccontextmanager
async def channel_with(twilio: FakeTwilio, clock: FakeClock,
                       templates: dict[str, str]) -> AsyncIterator[WhatsAppChannel]:
    """The adapter with these settings (ROLLCALL_WHATSAPP_TEMPLATES), closed after."""
    channel = WhatsAppChannel(twilio_config(twilio), WhatsAppConfig(
        sender="whatsapp:" + OUR_NUMBER, templates=templates), clock=clock)
    try:
        yield channel
    finally:
        await channel.close()


@pytest.fixture
async def whatsapp(twilio: FakeTwilio, clock: FakeClock) -> AsyncIterator[WhatsAppChannel]:
    async with channel_with(twilio, clock, approve(twilio, APPROVED)) as channel:
        yield channel


async def refused(channel: WhatsAppChannel, message: OutboundMessage) -> PermanentSendError:
    with pytest.raises(PermanentSendError) as raised:
        await channel.send(message)
    return raised.value


def outbound(
    *,
    kind: str = "reply",
    language: str = "en",
    heard: object = None,
    text: str = "Thank you. We have recorded the reason for Amy.",
    school: str | None = SCHOOL,
    school_id: int | None = SCHOOL_ID,
) -> OutboundMessage:
    return OutboundMessage(
        outbox_id=1, to=PARENT, text=text, kind=kind, language=language, last_inbound_at=heard,
        school=school, school_id=school_id,
    )  # type: ignore[arg-type]


def composed(kind: str, language: str, names: list[str], *, school: str = SCHOOL) -> str:
    """A run message as the run writes it (scheduling.wording), for WhatsApp."""
    return run_text(kind, school_name=school, language=language, bilingual=False,
                    names=names, day=MONDAY, channel="whatsapp")


def posted(twilio: FakeTwilio) -> tuple[str, dict[str, str], str]:
    """The last message Twilio took: its Content SID, its variables, the body it sent."""
    form = twilio.created()[-1]["_form"]
    assert "Body" not in form
    return form["ContentSid"], json.loads(form["ContentVariables"]), twilio.created()[-1]["body"]


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


@pytest.mark.parametrize(("kind", "language", "names", "setting", "variables"), [
    ("absence", "en", ["Amy"], "absence.first.one:en:1",
     lambda: ["Amy", "Monday 23 November"]),
    ("catch_up:1030", "en", ["Amy", "Ben"], "absence.first.other:en:1",
     lambda: ["Amy and Ben", "Monday 23 November"]),
    ("chase", "pl", ["Amy"], "chase.one:pl:1", lambda: ["Amy"]),
    ("chase", "pl", ["Amy", "Ben", "Cara"], "chase.few_many:pl:1", lambda: ["Amy, Ben i Cara"]),
    ("chase", "pl", ["Amy", "Ben", "Cara", "Dev", "Ela"], "chase.few_many:pl:1",
     lambda: ["Amy, Ben, Cara, Dev i Ela"]),
    # Right to left; Urdu's day comes before the child, so {{1}} is the day.
    ("absence", "ur", ["Amy"], "absence.first.one:ur:1",
     lambda: [day_text(MONDAY, "ur"), "Amy"]),
    ("absence", "ar", ["Amy"], "absence.first.one:ar:1",
     lambda: ["Amy", day_text(MONDAY, "ar")]),
    # A Brazilian contact gets Portuguese's template.
    ("late", "pt-BR", ["Amy"], "late.notice.one:pt:1",
     lambda: ["Amy", day_text(MONDAY, "pt-BR")]),
])
async def test_outside_the_window_the_template_carries_the_words_that_vary(
    whatsapp, twilio, clock, kind, language, names, setting, variables
) -> None:
    text = composed(kind, language, names)
    for heard in (None, clock.now() - timedelta(hours=24, seconds=1)):
        await whatsapp.send(outbound(kind=kind, language=language, heard=heard, text=text))
        content_sid, sent_variables, body = posted(twilio)
        assert content_sid == sid(setting)
        assert sent_variables == {str(n): v for n, v in enumerate(variables(), 1)}
        assert body == text  # word for word what the run composed


async def test_a_reply_that_waited_goes_as_its_template_in_arabic(whatsapp, twilio) -> None:
    text = render("reason.thanks", "ar", channel="whatsapp", params={"names": "Amy"})
    await whatsapp.send(outbound(language="ar", text=text))
    assert posted(twilio) == (sid("reason.thanks:ar"), {"1": "Amy"}, text)


async def test_with_no_template_for_the_words_and_language_it_fails_for_failover(
    whatsapp, twilio
) -> None:
    unapproved = [
        outbound(kind="chase", text=composed("chase", "en", ["Amy"])),  # none for the chase
        outbound(kind="absence", language="cy", text=composed("absence", "cy", ["Amy"])),
        outbound(kind="staff_reply", text="Please call the office about Amy's trip."),
        # Another school's: Harbour Lane's template names Harbour Lane, and is school 1's.
        outbound(kind="absence", text=composed("absence", "en", ["Amy"], school="Bryn Ysgol"),
                 school="Bryn Ysgol", school_id=2),
    ]
    for message in unapproved:
        error = await refused(whatsapp, message)
        assert error.error_code == "no_template"
        assert not error.channel_lost and not error.opted_out
    assert twilio.created() == [] and twilio.seen == []


async def test_a_template_for_every_school_serves_each_and_a_schools_own_only_it(
    twilio, clock
) -> None:
    settings = approve(twilio, ("absence.first.one:en:1", "reason.thanks:en"))
    settings |= approve(twilio, ("absence.first.one:en:2",), school="Bryn Ysgol")
    thanks = render("reason.thanks", "en", channel="whatsapp", params={"names": "Amy"})
    async with channel_with(twilio, clock, settings) as channel:
        for school, school_id in ((SCHOOL, 1), ("Bryn Ysgol", 2)):
            text = composed("absence", "en", ["Amy"], school=school)
            await channel.send(outbound(kind="absence", text=text, school=school,
                                        school_id=school_id))
            assert posted(twilio)[0::2] == (sid(f"absence.first.one:en:{school_id}"), text)
            await channel.send(outbound(text=thanks, school=school, school_id=school_id))
            assert posted(twilio) == (sid("reason.thanks:en"), {"1": "Amy"}, thanks)


async def test_a_setting_that_names_no_template_is_logged_and_its_messages_fail_over(
    twilio, clock, caplog
) -> None:
    settings = {
        "absence:en": "HX" + "a" * 32,  # the old form: its one variable was the whole text
        "absence.first.one:en": "HX" + "b" * 32,  # its words name a school: which one?
    }
    twilio.approve("HX" + "a" * 32, "Attendance message: {{1}}. Thank you.")
    async with channel_with(twilio, clock, settings) as channel:
        assert "'absence:en' names no template" in caplog.text
        assert "'absence.first.one:en' names its school: add the school's id" in caplog.text
        message = outbound(kind="absence", text=composed("absence", "en", ["Amy"]))
        assert (await refused(channel, message)).error_code == "no_template"
        assert twilio.created() == []


async def test_twilio_refuses_a_template_whose_variables_are_not_all_filled(
    twilio, clock
) -> None:
    # The SID's approved body asks for a third variable that our words do not have: Twilio
    # would fill it with its sample; the fake refuses (63028) and the message fails over.
    [template] = templates_for("absence.first", "en", school=SCHOOL)[:1]
    twilio.approve("HX" + "3" * 32, template.body.replace("reason yet.", "reason yet ({{3}})."))
    async with channel_with(twilio, clock, {"absence.first.one:en:1": "HX" + "3" * 32}) as channel:
        message = outbound(kind="absence", text=composed("absence", "en", ["Amy"]))
        assert (await refused(channel, message)).error_code == "63028"
        assert twilio.created() == []


def test_whatsapp_refuses_to_approve_a_body_that_begins_with_a_variable(twilio) -> None:
    with pytest.raises(ValueError, match="start or the end"):
        twilio.approve("HX" + "4" * 32, "{{1}}")
    [unnamed] = templates_for("absence.first", "en", school=None)[:1]  # {{1}} is the school
    with pytest.raises(ValueError, match="start or the end"):
        twilio.approve("HX" + "4" * 32, unnamed.body)


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
    text = composed("absence", "en", ["Amy"])
    twilio.hang = True  # Twilio takes it, the answer never comes back
    with pytest.raises(TransientSendError):
        await whatsapp.send(outbound(kind="absence", text=text))
    [sent] = twilio.created()
    assert await whatsapp.find_sent(PARENT, clock.now(), text) == sent["sid"]
    assert await whatsapp.find_sent(PARENT, clock.now(), "another text") is None
