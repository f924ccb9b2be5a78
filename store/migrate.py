"""Applying rollcall's Alembic migrations from code (`rollcall db upgrade`, demo, serve)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from store.database import Database
from store.errors import ConfigError

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database.url.replace("%", "%%"))
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema to `revision` (the newest by default); a no-op when it already is."""
    with _migrating(database) as config:
        command.upgrade(config, revision)


def downgrade(database: Database, revision: str) -> None:
    """Take the schema back to `revision` (tests of a migration's way back)."""
    with _migrating(database) as config:
        command.downgrade(config, revision)


@contextmanager
def _migrating(database: Database) -> Iterator[Config]:
    """One transaction for the migrations. On SQLite, foreign keys are off meanwhile: batch
    mode rebuilds a table (copy, drop, rename) that other tables refer to, and SQLite can
    switch them off only outside a transaction; they are checked before committing."""
    with database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        sqlite = database.dialect == "sqlite"
        if sqlite and raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config = alembic_config(database)
                config.attributes["connection"] = connection
                yield config
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise ConfigError("a migration left rows pointing at missing rows")
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def heads(database: Database) -> list[str]:
    """The revisions nothing revises: exactly one, or two migrations were written side by side."""
    return list(ScriptDirectory.from_config(alembic_config(database)).get_heads())


def is_at_head(database: Database) -> bool:
    """True when every migration has been applied."""
    head = ScriptDirectory.from_config(alembic_config(database)).get_current_head()
    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def require_head(database: Database) -> None:
    """ConfigError unless the schema is current: a clear line instead of "no such table"."""
    if not is_at_head(database):
        raise ConfigError("the database schema is missing or out of date: run "
                          "`rollcall db upgrade` (ROLLCALL_DATABASE_URL points at it)")
