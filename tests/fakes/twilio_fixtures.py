"""Twilio test fixtures (a pytest plugin, see tests/conftest.py): the fake Messages API on
loopback, an SMS adapter pointed at it, and webhooks signed exactly as Twilio signs them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from urllib.parse import urlencode

import pytest
from twilio.request_validator import RequestValidator

from channels.base import WebhookRequest
from channels.sms import SmsChannel, TwilioConfig
from store.clock import FakeClock
from store.database import Database
from store.models.people import Contact
from store.models.schools import School
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio

PUBLIC_URL = "https://rollcall.example.org"
SERVICE_SID = "MG" + "1" * 32
PARENT = "+447700900001"
SCHOOL_NUMBER = "+447700900500"


@pytest.fixture
def twilio(clock: FakeClock) -> Iterator[FakeTwilio]:
    fake = FakeTwilio(now=clock.now).start()
    yield fake
    fake.stop()


def twilio_config(twilio: FakeTwilio, **overrides: object) -> TwilioConfig:
    values: dict[str, object] = {"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN,
                                 "public_url": PUBLIC_URL, "messaging_service_sid": SERVICE_SID,
                                 "api_base": twilio.base_url}
    return TwilioConfig(**(values | overrides))  # type: ignore[arg-type]


@pytest.fixture
def parent(db: Database) -> Contact:
    """A contact whose phone is PARENT, at Harbour Lane Academy."""
    with db.transaction() as session:
        school = School(name="Harbour Lane Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        contact = Contact(school_id=school.id, external_id="C1", name="Dana Example",
                          phone=PARENT)
        session.add(contact)
        session.flush()
        return contact


@pytest.fixture
async def sms(twilio: FakeTwilio, clock: FakeClock) -> AsyncIterator[SmsChannel]:
    channel = SmsChannel(twilio_config(twilio), clock=clock)
    yield channel
    await channel.close()


def signed(path: str, form: dict[str, str], *, token: str = AUTH_TOKEN) -> WebhookRequest:
    """A webhook exactly as Twilio signs it: HMAC-SHA1 of the URL and the sorted form."""
    url = PUBLIC_URL + path
    signature = RequestValidator(token).compute_signature(url, form)
    return WebhookRequest(url=url, headers={"x-twilio-signature": signature},
                          body=urlencode(form).encode())


def inbound_form(**fields: str) -> dict[str, str]:
    return {"MessageSid": "SM" + "a" * 32, "AccountSid": ACCOUNT_SID, "From": PARENT,
            "To": SCHOOL_NUMBER, "Body": "Amy has a temperature", "NumMedia": "0",
            "SmsStatus": "received", **fields}
