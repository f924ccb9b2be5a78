"""CLI command groups; each module has `register(app)`."""

from __future__ import annotations

from bot.settings import load_settings
from store.database import Database
from store.migrate import require_head


def open_store() -> Database:
    """The configured database, refused with one clear line when its schema is not current."""
    database = Database(load_settings().database_url)
    require_head(database)
    return database
