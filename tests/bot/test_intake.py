"""The webhooks' group commit against the real app served on loopback: many signed requests at
once are each stored once and answered after their commit; a request the database refuses is
answered 503, loses nothing, and is stored when Twilio delivers it again."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event as sa_event
from sqlalchemy import text
from sqlmodel import col, select
from twilio.request_validator import RequestValidator

from bot.app import create_app
from bot.intake import Intake
from bot.settings import Settings
from channels.base import InboundMessage
from store.clock import FakeClock
from store.database import Database
from store.models.inbound import InboundEvent
from store.models.people import Contact
from tests.fakes.twilio_fixtures import PARENT, PUBLIC_URL, inbound_form
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN
from tests.live_server import served

SMS = "/webhooks/twilio/sms"
STRANGER = "+447700900777"


@pytest.fixture
def app(db: Database, clock: FakeClock) -> FastAPI:
    settings = Settings(database_url=db.url, public_url=PUBLIC_URL,
                        twilio_account_sid=ACCOUNT_SID, twilio_auth_token=AUTH_TOKEN)
    return create_app(settings, database=db, clock=clock, background=False)


@pytest.fixture
def refuse(db: Database) -> Iterator[RefusingDatabase]:
    refusing = RefusingDatabase(db)
    yield refusing
    refusing.stop()


class RefusingDatabase:
    """Makes the database itself refuse to keep some inbound events: on PostgreSQL at COMMIT
    (a deferred constraint trigger), on SQLite at the INSERT (a trigger)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def keys_like(self, pattern: str) -> None:
        with self.db.engine.begin() as connection:
            if self.db.is_postgres:
                connection.execute(text(
                    "CREATE FUNCTION refuse_inbound() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"))
                connection.execute(text(
                    "CREATE CONSTRAINT TRIGGER refuse_inbound AFTER INSERT ON inbound_event "
                    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    f"WHEN (NEW.dedupe_key LIKE '{pattern}') EXECUTE FUNCTION refuse_inbound()"))
            else:
                connection.execute(text(
                    "CREATE TRIGGER refuse_inbound BEFORE INSERT ON inbound_event "
                    f"WHEN NEW.dedupe_key LIKE '{pattern}' "
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"))

    def stop(self) -> None:
        with self.db.engine.begin() as connection:
            if self.db.is_postgres:
                connection.execute(text("DROP TRIGGER IF EXISTS refuse_inbound ON inbound_event"))
                connection.execute(text("DROP FUNCTION IF EXISTS refuse_inbound()"))
            else:
                connection.execute(text("DROP TRIGGER IF EXISTS refuse_inbound"))


async def post_all(base_url: str, forms: list[dict[str, str]]) -> list[int]:
    """Every form posted at once, each on its own connection, signed as Twilio signs it."""
    validator = RequestValidator(AUTH_TOKEN)
    limits = httpx.Limits(max_connections=len(forms))
    async with httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits) as client:
        responses = await asyncio.gather(*(client.post(
            SMS, content=urlencode(form),
            headers={"content-type": "application/x-www-form-urlencoded",
                     "x-twilio-signature": validator.compute_signature(PUBLIC_URL + SMS, form)})
            for form in forms))
    return [response.status_code for response in responses]


def stored(db: Database) -> list[InboundEvent]:
    with db.transaction() as session:
        return list(session.exec(select(InboundEvent).order_by(col(InboundEvent.id))))


def sid(n: int) -> str:
    return f"SM{n:032d}"


async def test_many_requests_at_once_are_each_stored_once(
        app: FastAPI, db: Database, parent: Contact) -> None:
    # 30 texts, each delivered three times at once (Twilio retries on timeout), half of them
    # from a number nobody has: 90 requests in flight together.
    texts = [inbound_form(MessageSid=sid(n), From=PARENT if n % 2 else STRANGER)
             for n in range(30)]
    forms = texts * 3
    random.Random(3).shuffle(forms)
    wake = app.state.services.inbound_wake
    with served(app) as base_url:
        statuses = await post_all(base_url, forms)
    assert statuses == [200] * 90
    events = stored(db)
    assert sorted(e.dedupe_key for e in events) == sorted(f"sms:{sid(n)}" for n in range(30))
    for event in events:
        known = event.ordering_key == PARENT
        assert event.contact_id == (parent.id if known else None)
        assert event.school_id == (parent.school_id if known else None)
        assert event.status == "pending" and event.raw is not None
    assert wake.is_set()  # the inbound worker takes the new events at once


async def test_a_request_the_database_refuses_is_503_and_its_neighbours_are_stored(
        app: FastAPI, db: Database, refuse: RefusingDatabase) -> None:
    refuse.keys_like("sms:SMrefused%")
    refused = inbound_form(MessageSid="SMrefused")
    others = [inbound_form(MessageSid=sid(n)) for n in range(12)]
    with served(app) as base_url:
        statuses = await post_all(base_url, [*others[:6], refused, *others[6:]])
        assert statuses == [200] * 6 + [503] + [200] * 6
        assert sorted(e.dedupe_key for e in stored(db)) == sorted(
            f"sms:{sid(n)}" for n in range(12))
        refuse.stop()
        # Twilio delivers the refused text again: now it is kept, once.
        assert await post_all(base_url, [refused, refused]) == [200, 200]
    assert [e.dedupe_key for e in stored(db)].count("sms:SMrefused") == 1
    assert len(stored(db)) == 13


async def test_when_nothing_can_be_stored_every_request_is_503_and_nothing_is_kept(
        app: FastAPI, db: Database, refuse: RefusingDatabase) -> None:
    refuse.keys_like("sms:%")
    forms = [inbound_form(MessageSid=sid(n)) for n in range(8)]
    with served(app) as base_url:
        assert await post_all(base_url, forms) == [503] * 8
        assert stored(db) == []
        refuse.stop()
        assert await post_all(base_url, forms) == [200] * 8
    assert len(stored(db)) == 8


@pytest.mark.parametrize(("hold", "commits"), [(1.0, 2), (0.0, 3)])
async def test_while_requests_keep_coming_a_small_group_is_held_open_for_the_next(
        db: Database, clock: FakeClock, hold: float, commits: int) -> None:
    """With requests coming in (one was just stored), a request waits `hold` for others, so two
    arriving one after the other share a transaction; without the hold the first is alone."""
    intake = Intake(database=db, clock=clock, hold=hold)
    committed: list[object] = []

    def count(connection: object) -> None:
        committed.append(connection)

    sa_event.listen(db.engine, "commit", count)
    try:
        await intake.store([text_message("SMheld0", clock)], b"0")  # the traffic so far
        first = asyncio.ensure_future(intake.store([text_message("SMheld1", clock)], b"1"))
        await asyncio.sleep(0)  # the first request queues and starts the writer
        await asyncio.sleep(0)  # the writer's first step: holding, or already writing it
        second = asyncio.ensure_future(intake.store([text_message("SMheld2", clock)], b"2"))
        assert [len(new) for new in await asyncio.gather(first, second)] == [1, 1]
    finally:
        sa_event.remove(db.engine, "commit", count)
    assert len(committed) == commits
    assert sorted(e.dedupe_key for e in stored(db)) == [f"sms:SMheld{n}" for n in range(3)]


async def test_a_request_after_a_quiet_spell_is_stored_at_once(
        db: Database, clock: FakeClock) -> None:
    intake = Intake(database=db, clock=clock, hold=60.0)  # were it held, it would time out
    stored_now = intake.store([text_message("SMalone", clock)], b"1")
    assert len(await asyncio.wait_for(stored_now, timeout=30)) == 1


def text_message(provider_id: str, clock: FakeClock) -> InboundMessage:
    return InboundMessage(channel="sms", sender=PARENT, text="she has a temperature",
                          provider_id=provider_id, received_at=clock.now())
