"""The SMS adapter against a fake Twilio Messages API on 127.0.0.1, with the real client."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qsl, urlencode

import pytest
from twilio.request_validator import RequestValidator

from channels.base import InboundMessage, MediaRef, OutboundMessage, StatusUpdate, WebhookRequest
from channels.sms import SmsChannel, check_budget, delivery_failure
from store.clock import FakeClock
from store.errors import (
    InvalidInput,
    OverSegmentBudget,
    PermanentSendError,
    TransientSendError,
    WebhookRejected,
)
from tests.fakes.twilio_fixtures import (
    PARENT,
    PUBLIC_URL,
    SCHOOL_NUMBER,
    SERVICE_SID,
    inbound_form,
    signed,
    twilio_config,
)
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio


def _message(text: str = "Harbour Lane: Amy was absent today. Please reply with the reason.",
             **fields: object) -> OutboundMessage:
    return OutboundMessage(outbox_id=1, to=PARENT, text=text, **fields)  # type: ignore[arg-type]


async def test_a_text_goes_from_the_messaging_service_with_callback_and_validity(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    receipt = await sms.send(_message())
    [sent] = twilio.created()
    assert receipt.provider_id == sent["sid"] and receipt.status == "accepted"
    assert receipt.segments == 1
    assert sent["_form"] == {
        "To": PARENT, "Body": _message().text, "MessagingServiceSid": SERVICE_SID,
        "StatusCallback": PUBLIC_URL + "/webhooks/twilio/status", "ValidityPeriod": "10800"}
    assert twilio.seen[-1].authorised


async def test_a_school_with_its_own_number_sends_from_it(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    await sms.send(_message(sender=SCHOOL_NUMBER))
    form = twilio.created()[0]["_form"]
    assert form["From"] == SCHOOL_NUMBER and "MessagingServiceSid" not in form


async def test_validity_runs_to_the_rows_expiry_and_an_expired_row_is_not_sent(
        sms: SmsChannel, twilio: FakeTwilio, clock: FakeClock) -> None:
    await sms.send(_message(expires_at=clock.now() + timedelta(minutes=90)))
    assert twilio.created()[0]["_form"]["ValidityPeriod"] == "5400"
    with pytest.raises(PermanentSendError) as caught:
        await sms.send(_message(expires_at=clock.now()))
    assert caught.value.error_code == "expired"
    assert len(twilio.created()) == 1


async def test_a_text_over_the_segment_budget_is_refused_not_cut(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    long_text = "Amy has a temperature. " * 30  # 690 GSM-7 characters: 5 segments
    with pytest.raises(OverSegmentBudget, match=r"5 SMS segments .* budget is 4"):
        check_budget(long_text, budget=4)
    with pytest.raises(PermanentSendError) as caught:
        await sms.send(_message(long_text))
    assert caught.value.error_code == "segments"
    assert twilio.created() == []


async def test_segments_are_reported_as_twilio_counts_them(sms: SmsChannel) -> None:
    receipt = await sms.send(_message("x" * 200))
    assert receipt.segments == 2


@pytest.mark.parametrize(("code", "kind", "flags"), [
    (20429, TransientSendError, {"retry_after": 7.0}),
    (20500, TransientSendError, {"retry_after": None}),
    (21610, PermanentSendError, {"opted_out": True, "channel_lost": False}),
    (21211, PermanentSendError, {"opted_out": False, "channel_lost": True}),
    (21614, PermanentSendError, {"channel_lost": True}),
])
async def test_twilio_errors_become_typed_send_failures(
        sms: SmsChannel, twilio: FakeTwilio, code: int, kind: type[Exception],
        flags: dict[str, object]) -> None:
    twilio.errors_for[PARENT] = code
    with pytest.raises(kind) as caught:
        await sms.send(_message())
    for name, value in flags.items():
        assert getattr(caught.value, name) == value
    assert caught.value.error_code == str(code)  # type: ignore[attr-defined]


async def test_a_429_without_retry_after_leaves_the_backoff_to_the_dispatcher(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    twilio.retry_after = None
    twilio.next_errors.append(20429)
    with pytest.raises(TransientSendError) as caught:
        await sms.send(_message())
    assert caught.value.retry_after is None
    assert (await sms.send(_message())).provider_id  # the next one goes


async def test_wrong_credentials_are_retried_later_not_failed_over(
        twilio: FakeTwilio, clock: FakeClock) -> None:
    channel = SmsChannel(twilio_config(twilio, auth_token="wrong"), clock=clock)
    try:
        with pytest.raises(TransientSendError, match="ROLLCALL_TWILIO_AUTH_TOKEN"):
            await channel.send(_message())
    finally:
        await channel.close()


async def test_a_lost_answer_is_found_again_by_recipient_time_and_body(
        sms: SmsChannel, twilio: FakeTwilio, clock: FakeClock) -> None:
    claimed_at = clock.now()
    twilio.hang = True
    with pytest.raises(TransientSendError):
        await sms.send(_message())
    [accepted] = twilio.created()
    # Accepted into the Messaging Service's queue, not yet sent: no date_sent, so Twilio's
    # DateSent filter would not list it; it is found all the same.
    assert accepted["date_sent"] is None and accepted["status"] == "accepted"
    assert await sms.find_sent(PARENT, claimed_at, _message().text) == accepted["sid"]
    assert await sms.find_sent(PARENT, claimed_at, "another text") is None
    assert await sms.find_sent("+447700900002", claimed_at, _message().text) is None
    clock.advance(timedelta(hours=1))  # the same words an hour after: another message
    assert await sms.find_sent(PARENT, clock.now(), _message().text) is None


def test_delivery_error_codes_decide_retry_or_failover() -> None:
    assert delivery_failure("30003").retry
    assert not delivery_failure("30005").retry and delivery_failure("30005").channel_lost
    assert delivery_failure("30006").channel_lost
    assert not delivery_failure("30007").retry and not delivery_failure("30007").channel_lost
    assert not delivery_failure("30036").retry
    assert not delivery_failure("39999").retry


# --- inbound -------------------------------------------------------------------------------


NOTE = "Ben\u2019s note attached \U0001f4ce"  # curly quote and emoji: UCS-2 and beyond


def test_a_signed_text_is_parsed(sms: SmsChannel, clock: FakeClock) -> None:
    form = inbound_form(NumMedia="1", MediaUrl0="https://api.twilio.com/x/Media/ME1",
                        MediaContentType0="image/jpeg", Body=NOTE)
    [message] = sms.parse_inbound(signed("/webhooks/twilio/sms", form))
    assert message == InboundMessage(
        channel="sms", sender=PARENT, text=NOTE, provider_id="SM" + "a" * 32,
        received_at=clock.now(), recipient=SCHOOL_NUMBER,
        media=(MediaRef("https://api.twilio.com/x/Media/ME1", "image/jpeg"),))


def test_a_signed_status_callback_is_parsed(sms: SmsChannel) -> None:
    form = {"MessageSid": "SM1", "MessageStatus": "Undelivered", "ErrorCode": "30003",
            "To": PARENT, "AccountSid": ACCOUNT_SID}
    [receipt] = sms.parse_inbound(signed("/webhooks/twilio/status", form))
    assert isinstance(receipt, StatusUpdate)
    assert (receipt.status, receipt.error_code) == ("undelivered", "30003")


@pytest.mark.parametrize("bad", ["no signature", "wrong token", "other url", "tampered"])
def test_a_request_not_signed_by_twilio_is_rejected(sms: SmsChannel, bad: str) -> None:
    request = signed("/webhooks/twilio/sms", inbound_form(),
                     token="wrong" if bad == "wrong token" else AUTH_TOKEN)
    if bad == "no signature":
        request = WebhookRequest(request.url, {}, request.body)
    if bad == "other url":
        request = WebhookRequest(PUBLIC_URL + "/webhooks/twilio/status", request.headers,
                                 request.body)
    if bad == "tampered":
        request = WebhookRequest(request.url, request.headers,
                                 request.body.replace(b"temperature", b"holiday"))
    with pytest.raises(WebhookRejected):
        sms.parse_inbound(request)


def test_signed_but_malformed_input_is_invalid(sms: SmsChannel) -> None:
    form = inbound_form()
    del form["From"]
    with pytest.raises(InvalidInput, match="From"):
        sms.parse_inbound(signed("/webhooks/twilio/sms", form))
    request = signed("/webhooks/twilio/sms", inbound_form())
    with pytest.raises(InvalidInput, match="UTF-8"):
        sms.parse_inbound(WebhookRequest(request.url, request.headers, b"Body=\xff\xfe"))


@pytest.mark.parametrize(("configured", "twilio_signed"), [
    (PUBLIC_URL, PUBLIC_URL + ":443"),  # Twilio may sign the default port or leave it out
    (PUBLIC_URL + ":443", PUBLIC_URL),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
])
def test_the_signature_holds_with_or_without_the_default_port(
        sms: SmsChannel, configured: str, twilio_signed: str) -> None:
    path = "/webhooks/twilio/sms"
    form = inbound_form()
    signature = RequestValidator(AUTH_TOKEN).compute_signature(twilio_signed + path, form)
    request = WebhookRequest(configured + path, {"x-twilio-signature": signature},
                             urlencode(form).encode())
    [message] = sms.parse_inbound(request)
    assert message.provider_id == form["MessageSid"]
    other_host = WebhookRequest("https://other.example.org" + path, request.headers,
                                request.body)
    with pytest.raises(WebhookRejected):
        sms.parse_inbound(other_host)


@pytest.mark.parametrize("body", [
    "MessageSid=SM1&From=%2B447700900001&Body=a+b%2Bc%26d%3De+%F0%9F%93%8E",
    "MessageSid=SM1&From=+447700900001&Body=&Body=second",  # '+' is a space; last one wins
    "MessageSid=SM1&From=%2B447700900001&Body=caf%C3%A9&Empty=",
])
def test_the_form_is_read_as_parse_qsl_reads_it(sms: SmsChannel, body: str) -> None:
    expected = dict(parse_qsl(body, keep_blank_values=True, strict_parsing=True,
                              errors="strict"))
    signature = RequestValidator(AUTH_TOKEN).compute_signature(
        PUBLIC_URL + "/webhooks/twilio/sms", expected)
    [message] = sms.parse_inbound(WebhookRequest(
        PUBLIC_URL + "/webhooks/twilio/sms", {"x-twilio-signature": signature}, body.encode()))
    assert (message.sender, message.text) == (expected["From"].strip(), expected["Body"])


@pytest.mark.parametrize("body", ["MessageSid=SM1&&Body=hi", "MessageSid=SM1&Body",
                                  "MessageSid=SM1&Body=%FF", "Body=caf%C3"])
def test_a_body_parse_qsl_would_refuse_is_invalid(sms: SmsChannel, body: str) -> None:
    with pytest.raises((ValueError, UnicodeDecodeError)):
        parse_qsl(body, keep_blank_values=True, strict_parsing=True, errors="strict")
    request = WebhookRequest(PUBLIC_URL + "/webhooks/twilio/sms",
                             {"x-twilio-signature": "c2lnbmVk"}, body.encode())
    with pytest.raises(InvalidInput, match="form data"):
        sms.parse_inbound(request)


# --- media ---------------------------------------------------------------------------------

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2048


async def test_mms_media_is_fetched_with_the_account_credentials(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    url = twilio.add_media("image/jpeg", JPEG)
    media = await sms.fetch_media(MediaRef(url, "image/jpeg"))
    assert (media.content_type, media.data) == ("image/jpeg", JPEG)
    media_request, storage_request = twilio.seen[-2:]
    assert media_request.authorised and "/Media/" in media_request.path
    assert storage_request.path.startswith("/media-store/")


async def test_media_outside_the_limits_is_refused(
        sms: SmsChannel, twilio: FakeTwilio) -> None:
    too_big = twilio.add_media("image/jpeg", b"\xff" * (5 * 1024 * 1024 + 1))
    with pytest.raises(InvalidInput, match="limit"):
        await sms.fetch_media(MediaRef(too_big, "image/jpeg"))
    script = twilio.add_media("text/html", b"<script>")
    with pytest.raises(InvalidInput, match="text/html"):
        await sms.fetch_media(MediaRef(script, "image/jpeg"))
    with pytest.raises(InvalidInput, match="type"):
        await sms.fetch_media(MediaRef(script, "application/x-msdownload"))
    with pytest.raises(InvalidInput, match="not on Twilio"):
        await sms.fetch_media(MediaRef("https://evil.example.org/x.jpg", "image/jpeg"))
