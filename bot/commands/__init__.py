"""CLI command groups; each module has `register(app)`."""

from __future__ import annotations

import logging

from bot.settings import Settings, load_settings
from store.database import Database
from store.migrate import require_head


def open_store() -> Database:
    """The configured database, refused with one clear line when its schema is not current."""
    database = Database(load_settings().database_url)
    require_head(database)
    return database


def configure_logging(settings: Settings) -> None:
    """Log lines for the long-running commands: time, level, logger, message (ids only)."""
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
