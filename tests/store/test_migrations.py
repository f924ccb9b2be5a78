from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from store.database import Database
from store.migrate import upgrade


def test_migrations_build_exactly_the_models(tmp_path: object) -> None:
    database = Database(f"sqlite:///{tmp_path}/migrated.db")
    upgrade(database)
    upgrade(database)  # a second upgrade is a no-op
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert diff == [], "models changed without a migration: regenerate store/migrations"
