"""Fixtures for channel tests: the fake Twilio on loopback and an SMS adapter pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from channels.sms import SmsChannel, TwilioConfig
from store.clock import FakeClock
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio

PUBLIC_URL = "https://rollcall.example.org"
SERVICE_SID = "MG" + "1" * 32


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
async def sms(twilio: FakeTwilio, clock: FakeClock) -> AsyncIterator[SmsChannel]:
    channel = SmsChannel(twilio_config(twilio), clock=clock)
    yield channel
    await channel.close()
