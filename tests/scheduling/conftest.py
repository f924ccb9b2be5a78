from __future__ import annotations

import pytest

from bot.settings import Settings
from scheduling.inbound import InboundWorker, default_engine
from store.clock import FakeClock
from store.database import Database
from tests.scheduling.delivery import sms, twilio  # noqa: F401 (dispatcher fixtures)
from tests.scheduling.mis_world import mis_settings, school_id, wonde  # noqa: F401 (MIS fixtures)
from tests.scheduling.world import World, build_school


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, public_url="http://127.0.0.1:8000")


@pytest.fixture
def world(db: Database) -> World:
    return build_school(db)


@pytest.fixture
def worker(db: Database, clock: FakeClock, settings: Settings) -> InboundWorker:
    return InboundWorker(database=db, clock=clock, settings=settings, engine=default_engine())
