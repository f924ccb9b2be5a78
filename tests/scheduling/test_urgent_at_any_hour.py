"""The number issue 15 asks for: an urgent reply's holding message and the safeguarding lead's
alert are sent within 60 s, at 03:00 as at 10:00, while the write-back endpoint accepts and
never answers and the media host is slow. The whole app runs (webhook, inbound worker, jobs,
dispatcher) against a fake Twilio on loopback, which counts what is sent."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from bot.settings import Settings
from store.clock import FakeClock
from store.database import Database
from store.models.marks import Mark
from store.models.mis import WriteBackPush
from tests.fakes.dead_endpoint import DeadEndpoint, dead_endpoint
from tests.fakes.twilio_fixtures import PUBLIC_URL, SERVICE_SID, inbound_form, signed
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from tests.scheduling.test_inbound import absence_message_sent
from tests.scheduling.world import JANE, build_school

SAM_PHONE = "+447700900950"  # the safeguarding lead
PENDING_PUSHES = 10  # before, 10 s each in the worker's loop: 100 s before any reply


@pytest.fixture
def dead() -> Iterator[DeadEndpoint]:
    with dead_endpoint() as endpoint:
        yield endpoint


def sent_to(twilio: FakeTwilio, number: str, words: str) -> bool:
    return any(m.get("to") == number and words in str(m.get("body", ""))
               for m in twilio.created())


@pytest.mark.parametrize("hour", [3, 10])
def test_holding_message_and_alert_go_within_60_s_at_any_hour_whatever_the_endpoints_do(
        db: Database, twilio: FakeTwilio, dead: DeadEndpoint, hour: int) -> None:
    clock = FakeClock(datetime(2026, 11, 23, hour, 0, tzinfo=UTC))  # a Monday, GMT
    world = build_school(db)
    absence_message_sent(db, clock, world)
    with db.transaction() as session:
        mark = session.exec(select(Mark)).first()
        assert mark is not None
        session.add_all([WriteBackPush(school_id=world.school_id, mark_id=mark.id or 0,
                                       mark_version=1, body="{}", created_at=clock.now(),
                                       next_attempt_at=clock.now())
                         for _ in range(PENDING_PUSHES)])
    twilio.media_delay = 8.0  # the photo's host trickles
    photo = twilio.add_media("image/jpeg", b"\xff\xd8\xff\xe0" + b"\x01" * 1024)
    settings = Settings(database_url=db.url, public_url=PUBLIC_URL,
                        twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN,
                        twilio_messaging_service_sid=SERVICE_SID,
                        twilio_api_base=twilio.base_url, write_back_webhook_url=dead.url)
    form = inbound_form(From=JANE, Body="I dropped Amy at the gate at 8:30 and she's not there",
                        NumMedia="1", MediaUrl0=photo, MediaContentType0="image/jpeg")
    request = signed("/webhooks/twilio/sms", form)
    app = create_app(settings, database=db, clock=clock)
    with TestClient(app) as client:
        assert dead.wait_for_connection(timeout=30), "the pusher never tried the endpoint"
        started = time.monotonic()
        answer = client.post("/webhooks/twilio/sms", content=request.body,
                             headers={**request.headers,
                                      "content-type": "application/x-www-form-urlencoded"})
        answered = time.monotonic() - started
        assert answer.status_code == 200
        took = 60.0
        while time.monotonic() - started < 60.0:
            if sent_to(twilio, JANE, "999") and sent_to(twilio, SAM_PHONE, "URGENT"):
                took = time.monotonic() - started
                break
            time.sleep(0.05)
        # The slow host was really in play: the media job asked it for the photo (woken by the
        # webhook), and the pusher was still held by the dead endpoint.
        asked = wait_for(lambda: media_asked(twilio), limit=30.0)
        dead.close()
    print(f"{hour:02d}:00 webhook answered in {answered:.3f} s; holding message and alert "
          f"at the provider {took:.3f} s after the reply arrived")
    assert sent_to(twilio, JANE, "999"), "no holding message"
    assert sent_to(twilio, SAM_PHONE, "Amy S."), "no alert naming the child"
    assert took < 60.0
    assert asked, "the media job never asked the slow media host for the photo"


def media_asked(twilio: FakeTwilio) -> bool:
    return any(seen.method == "GET" and seen.path.startswith("/media-store/")
               for seen in list(twilio.seen))


def wait_for(condition: Callable[[], bool], *, limit: float) -> bool:
    """Whether `condition` holds within `limit` seconds (a bound, not a measurement)."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started >= limit:
            return False
        time.sleep(0.05)
    return True
