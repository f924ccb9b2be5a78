"""CLI command groups; each module has `register(app)`."""

from __future__ import annotations

import logging
from datetime import date
from typing import Annotated

import typer

from bot.settings import Settings, load_settings
from store.calendar import local_day
from store.clock import Clock
from store.database import Database
from store.migrate import require_head
from store.schools import school_by_id

SchoolArg = Annotated[int, typer.Option("--school", help="The school's id.")]
DayOpt = Annotated[str | None, typer.Option(
    help="The school-local date (YYYY-MM-DD); default today.")]


def open_store() -> Database:
    """The configured database, refused with one clear line when its schema is not current."""
    database = Database(load_settings().database_url)
    require_head(database)
    return database


def configure_logging(settings: Settings) -> None:
    """Log lines for the long-running commands: time, level, logger, message (ids only)."""
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")


def school_day(database: Database, clock: Clock, *, school_id: int, day: str | None) -> date:
    """`--day` (YYYY-MM-DD), or today at the school (`--school`), refused clearly."""
    with database.transaction() as session:
        school = school_by_id(session, school_id)
        if school is None:
            raise typer.BadParameter(f"no school {school_id}", param_hint="--school")
        try:
            return date.fromisoformat(day) if day else local_day(school, clock.now())
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--day") from None
