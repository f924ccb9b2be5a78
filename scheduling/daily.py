"""A school's scheduled daily pass, fired by APScheduler's thread pool on the school's own
date: the weekly casework pass and the colleges' engagement recompute both go through here."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from store import calendar
from store.clock import Clock
from store.database import Database
from store.schools import school_by_id

log = logging.getLogger(__name__)


def fire_daily(name: str, *, database: Database, clock: Clock, school_id: int,
               act: Callable[[date], object]) -> None:
    """Run `act` with the school's local date now; errors are logged (firing again is always
    safe), and a school removed since it was scheduled is passed over."""
    try:
        with database.transaction() as session:
            school = school_by_id(session, school_id)
            if school is None:
                return
            day = calendar.local_day(school, clock.now())
        act(day)
    except Exception:
        log.exception("%s school=%s failed", name, school_id)
