"""Fixtures the store's tests share."""

from __future__ import annotations

import pytest

from store.database import Database
from store.models.schools import School


@pytest.fixture
def school_id(db: Database) -> int:
    """One empty school's id."""
    with db.transaction() as session:
        school = School(name="Kestrel Vale Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        return school.id
