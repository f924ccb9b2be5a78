"""The inbound worker runs inside the app when it is started with background work."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from bot.settings import Settings
from scheduling.inbound import default_engine
from store.clock import FakeClock
from store.database import Database
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from tests.scheduling.world import JANE, World, store_inbound


def test_an_event_stored_while_the_app_runs_is_answered_without_a_separate_worker(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:
    app = create_app(settings, database=db, clock=clock)
    with TestClient(app):
        event_id = store_inbound(db, clock, sender=JANE, text="Amy is sick")
        app.state.services.inbound_wake.set()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with db.transaction() as session:
                event = session.get(InboundEvent, event_id)
                if event is not None and event.status == "processed":
                    break
            time.sleep(0.02)
    with db.transaction() as session:
        assert session.get(InboundEvent, event_id).status == "processed"  # type: ignore[union-attr]
        assert len(session.exec(select(Outbox).where(Outbox.kind == "reply")).all()) == 1


def test_an_app_without_background_work_leaves_events_waiting(
        db: Database, clock: FakeClock, world: World, settings: Settings) -> None:
    app = create_app(settings, database=db, clock=clock, engine=default_engine(),
                     background=False)
    with TestClient(app):
        event_id = store_inbound(db, clock, sender=JANE, text="Amy is sick")
        time.sleep(0.2)
    with db.transaction() as session:
        assert session.get(InboundEvent, event_id).status == "pending"  # type: ignore[union-attr]
