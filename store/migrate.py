"""Applying rollcall's Alembic migrations from code (`rollcall db upgrade`, demo, serve)."""

from __future__ import annotations

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


def upgrade(database: Database) -> None:
    """Bring the schema to the newest revision; a no-op when it already is."""
    with database.engine.begin() as connection:
        config = alembic_config(database)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


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


def regenerate_initial(database: Database) -> None:
    """Rewrite the initial revision from the models (before the first release only).

    Until rollcall 1.0 ships there is one migration, regenerated whenever the models change:
    `python -m store.migrate` (run from the project root).
    """
    for old in (MIGRATIONS / "versions").glob("0001_*.py"):
        old.unlink()
    command.revision(alembic_config(database), message="initial schema", autogenerate=True,
                     rev_id="0001")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        regenerate_initial(Database(f"sqlite:///{scratch}/empty.db"))
