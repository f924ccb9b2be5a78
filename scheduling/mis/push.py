"""The MIS push job: confirmed reasons from the queue (store/mis_push.py) into each school's
MIS, in batches, on a thread of its own (scheduling/jobs.py) so a slow or dead MIS never holds
up a parent's reply. Rows are leased in one short transaction, sent outside any, and their
outcome recorded in another: written, refused (a staff task with the MIS's reason), or retried
with backoff.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from scheduling.mis.connector import Connector
from scheduling.mis.sync import connector_for
from store.clock import Clock
from store.database import Database
from store.errors import ConfigError, MisError
from store.mis_links import mis_link
from store.mis_push import Claimed, addressed, claim_mis_pushes, record_push_results
from store.mis_records import PushResult
from store.models.mis import MisLink

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

CLAIM = 500  # pushes leased per pass, across schools


def push_to_mis(db: Database, clock: Clock, settings: SchedulingSettings, *,
                connect: Callable[[MisLink], Connector] | None = None) -> int:
    """One pass over the due pushes; returns how many the MIS took."""
    with db.transaction() as session:
        claimed = claim_mis_pushes(session, clock.now(), limit=CLAIM)
    by_school: dict[int, list[Claimed]] = defaultdict(list)
    for push in claimed:
        by_school[push.school_id].append(push)
    written = 0
    for school_id, pushes in by_school.items():
        results = _push_school(db, clock, settings, school_id, pushes, connect)
        with db.transaction() as session:
            record_push_results(session, clock, school_id=school_id, results=results,
                                ack_minutes=settings.urgent_ack_minutes)
        counts = {o: sum(r.outcome == o for r in results) for o in ("written", "refused", "retry")}
        log.info("mis push school=%s written=%s refused=%s retry=%s", school_id,
                 counts["written"], counts["refused"], counts["retry"])
        written += counts["written"]
    return written


def _push_school(db: Database, clock: Clock, settings: SchedulingSettings, school_id: int,
                 pushes: list[Claimed],
                 connect: Callable[[MisLink], Connector] | None) -> list[PushResult]:
    with db.transaction() as session:
        link = mis_link(session, school_id)
        records, refused = addressed(session, school_id=school_id, claimed=pushes)
    if link is None:  # unlinked since: the rows wait for a link, retried with backoff
        return [PushResult(p.push_id, "retry", reason="the school is no longer linked to an MIS")
                for p in pushes]
    if not records:
        return refused
    try:
        connector = connect(link) if connect else connector_for(link, settings, clock)
    except ConfigError as error:
        return refused + [PushResult(r.push_id, "retry", reason=str(error)) for r in records]
    try:
        return refused + connector.push(records)
    except MisError as error:  # the token refused, an answer not as documented: retry later
        log.warning("mis push school=%s failed error=%s", school_id, type(error).__name__)
        return refused + [PushResult(r.push_id, "retry", reason=str(error)) for r in records]
    finally:
        if connect is None:
            connector.close()
