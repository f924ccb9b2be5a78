"""Applying rollcall's Alembic migrations from code (`rollcall db upgrade`, demo, serve)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from store.database import Database

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
