"""Pulling what changed in each linked school's MIS into the store.

The pull (HTTP, seconds) runs outside any transaction; its writes and the cursors it reached
commit together, so a pull that fails half way changes nothing and the next one asks again.
`rollcall mis sync` runs it by hand; the scheduler every few minutes in the school day.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

import httpx
from sqlmodel import Session

from scheduling.mis.connector import Connector
from scheduling.mis.wonde import WondeConnector
from store import calendar
from store.clock import Clock
from store.database import Database
from store.errors import ConfigError, MisError, NotFound
from store.mis_links import cursors_of, mis_link, mis_links, record_pull
from store.mis_sync import PullSummary, apply_pull
from store.models.mis import MisLink
from store.reconciliation import check_day
from store.schools import school_by_id

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    school_id: int
    summary: PullSummary | None  # None when the pull failed
    error: str | None
    requests: int
    seconds: float


def connector_for(link: MisLink, settings: SchedulingSettings, clock: Clock, *,
                  http: httpx.Client | None = None) -> Connector:
    """The connector of a school's link, with its token from the settings."""
    token = settings.wonde_tokens.get(str(link.school_id))
    if token is None:
        raise ConfigError(f"ROLLCALL_WONDE_TOKENS has no token for school {link.school_id}")
    return WondeConnector(base_url=settings.wonde_base_url, token=token.get_secret_value(),
                          school=link.mis_school_id, http=http,
                          batch=settings.mis_push_batch,
                          requests_per_second=settings.wonde_requests_per_second,
                          first_marks_since=clock.now() - timedelta(days=1))


def sync_school(db: Database, clock: Clock, settings: SchedulingSettings, *, school_id: int,
                connector: Connector | None = None) -> SyncOutcome:
    """One pull of one school's MIS, written into the store."""
    started = time.monotonic()
    with db.transaction() as session:
        link = mis_link(session, school_id)
        if link is None:
            raise NotFound(f"school {school_id} is not linked to an MIS (`rollcall mis link`)")
        cursors = cursors_of(session, link)
    try:
        owned = connector is None
        connector = connector or connector_for(link, settings, clock)
        try:
            pull = connector.pull(cursors)
        finally:
            if owned:
                connector.close()
    except (MisError, ConfigError) as error:
        with db.transaction() as session:
            record_pull(session, clock, school_id=school_id, cursors=None, error=str(error))
        log.warning("mis pull school=%s failed error=%s", school_id, type(error).__name__)
        return SyncOutcome(school_id, None, str(error), 0, time.monotonic() - started)
    with db.transaction() as session:
        summary = apply_pull(session, clock, school_id=school_id, pull=pull)
        record_pull(session, clock, school_id=school_id, cursors=pull.cursors)
    log.info("mis pull school=%s requests=%s students=%s contacts=%s marks=%s skipped=%s",
             school_id, pull.requests, summary.students, summary.contacts, summary.marks,
             len(summary.skipped))
    return SyncOutcome(school_id, summary, None, pull.requests, time.monotonic() - started)


def sync_linked(db: Database, clock: Clock, settings: SchedulingSettings, *,
                school_id: int | None = None, school_hours_only: bool = False
                ) -> list[SyncOutcome]:
    """Pull every linked school (or one). `school_hours_only`: only those whose local time
    is inside the sync window of a school day (the scheduled job)."""
    with db.transaction() as session:
        links = mis_links(session, school_id=school_id)
        wanted = [link.school_id for link in links
                  if not school_hours_only or _in_window(session, link, clock, settings)]
    if school_id is not None and not links:
        raise NotFound(f"school {school_id} is not linked to an MIS (`rollcall mis link`)")
    return [sync_school(db, clock, settings, school_id=wanted_id) for wanted_id in wanted]


def _in_window(session: Session, link: MisLink, clock: Clock,
               settings: SchedulingSettings) -> bool:
    school = school_by_id(session, link.school_id)
    if school is None:
        return False
    now = calendar.local_now(school, clock.now())
    return (settings.mis_sync_from <= now.time() <= settings.mis_sync_until
            and calendar.is_school_day(session, school, now.date()))


def sync_on_schedule(db: Database, clock: Clock, settings: SchedulingSettings) -> None:
    """The scheduler's job: every linked school inside its sync window is pulled; a school
    whose window has closed for the day gets its end-of-day MIS check (once). Errors are
    logged and recorded on the link; the next firing tries again."""
    try:
        sync_linked(db, clock, settings, school_hours_only=True)
        check_closed_days(db, clock, settings)
    except Exception:
        log.exception("mis sync pass failed")


def check_closed_days(db: Database, clock: Clock, settings: SchedulingSettings) -> None:
    """The end-of-day check (store/reconciliation.check_day) of every linked school whose
    school day is past its sync window."""
    with db.transaction() as session:
        for link in mis_links(session):
            school = school_by_id(session, link.school_id)
            if school is None:
                continue
            now = calendar.local_now(school, clock.now())
            if now.time() > settings.mis_sync_until and calendar.is_school_day(
                    session, school, now.date()):
                found = check_day(session, clock, school_id=link.school_id, day=now.date(),
                                  ack_minutes=settings.urgent_ack_minutes)
                if found is not None:
                    log.info("mis check school=%s day=%s disagreements=%s", link.school_id,
                             now.date(), found)


def pull_before_run(db: Database, clock: Clock, settings: SchedulingSettings,
                    school_id: int) -> None:
    """A linked school's MIS pulled just before one of its runs, so the run (and the settle
    delay before it) reads the register as the MIS holds it then. Never raises: a run goes
    ahead on the register as last pulled."""
    try:
        with db.transaction() as session:
            linked = mis_link(session, school_id) is not None
        if linked:
            sync_school(db, clock, settings, school_id=school_id)
    except Exception:
        log.exception("mis pull before a run school=%s failed", school_id)
