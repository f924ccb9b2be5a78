"""A school linked to the fake Wonde, for the sync and push tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from bot.settings import Settings
from store.clock import FakeClock
from store.database import Database
from store.mis_links import link_school
from store.models.schools import School
from tests.fakes.wonde_server import SCHOOL, TOKEN, FakeWonde


@pytest.fixture
def wonde() -> Iterator[FakeWonde]:
    fake = FakeWonde(rate_limit=50).start()
    yield fake
    fake.stop()


@pytest.fixture
def school_id(db: Database, clock: FakeClock) -> int:
    """A school linked to the fake Wonde's school."""
    with db.transaction() as session:
        school = School(name="Pryce Primary", phone="01632 960000")
        session.add(school)
        session.flush()
        assert school.id is not None
        link_school(session, clock, school_id=school.id, provider="wonde",
                    mis_school_id=SCHOOL)
        return school.id


@pytest.fixture
def mis_settings(settings: Settings, wonde: FakeWonde, school_id: int) -> Settings:
    return settings.model_copy(update={"wonde_base_url": wonde.base_url,
                                       "wonde_tokens": {str(school_id): SecretStr(TOKEN)}})
