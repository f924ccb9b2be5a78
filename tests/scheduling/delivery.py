"""Fixtures for dispatcher tests: the fake Twilio on loopback, the real SMS adapter pointed at
it, and a dispatcher over both."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

from channels.sms import SmsChannel, TwilioConfig
from scheduling.dispatcher import Dispatcher, DispatcherConfig
from store.clock import Clock, FakeClock
from store.database import Database
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio

SERVICE_SID = "MG" + "2" * 32


def sms_config(base_url: str) -> TwilioConfig:
    return TwilioConfig(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN,
                        public_url="https://rollcall.example.org",
                        messaging_service_sid=SERVICE_SID, api_base=base_url)


@pytest.fixture
def twilio(clock: FakeClock) -> Iterator[FakeTwilio]:
    fake = FakeTwilio(now=clock.now).start()
    yield fake
    fake.stop()


@pytest.fixture
async def sms(twilio: FakeTwilio, clock: FakeClock) -> AsyncIterator[SmsChannel]:
    channel = SmsChannel(sms_config(twilio.base_url), clock=clock)
    yield channel
    await channel.close()


def dispatcher(db: Database, clock: Clock, sms: SmsChannel,
               config: DispatcherConfig | None = None) -> Dispatcher:
    return Dispatcher(db, clock, {"sms": sms}, config=config or DispatcherConfig())
