"""Downloading the write-back feed by hand, from where the last download stopped.

The cursor is kept per school in the audit log: every download is audited anyway (who took
which reasons away to key into the MIS), and the latest download's entry holds the cursor it
reached, so no table of its own is needed and the history of downloads is the audit trail.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.models.audit import AuditEntry
from store.writeback_feed import WriteBackItem, write_back_feed

DOWNLOAD = "write_back_download"
# One download's most rows; the next download carries on from there.
DOWNLOAD_LIMIT = 5000


def download_cursor(session: Session, *, school_id: int) -> int:
    """Where the school's last download stopped (0 before the first)."""
    stmt = (
        select(AuditEntry.new_value)
        .where(
            AuditEntry.action == DOWNLOAD,
            AuditEntry.entity == "school",
            AuditEntry.entity_id == str(school_id),
        )
        .order_by(col(AuditEntry.id).desc())
        .limit(1)
    )
    found = session.exec(stmt).first()
    return int(found) if found and found.isdigit() else 0


def waiting_for_download(session: Session, *, school_id: int) -> int:
    """How many confirmed reasons the next download would bring (at most DOWNLOAD_LIMIT)."""
    items, _ = write_back_feed(
        session,
        school_id=school_id,
        since=download_cursor(session, school_id=school_id),
        limit=DOWNLOAD_LIMIT,
    )
    return len(items)


def take_download(session: Session, clock: Clock, *, school_id: int, actor: str,
                  again: bool = False) -> tuple[int, int]:
    """Move the school's cursor past what is new (or, `again`, past everything from the
    start); audited with the cursor before and after, which are returned: the range the
    download gives, and gives again if the same form is sent twice."""
    since = 0 if again else download_cursor(session, school_id=school_id)
    _, cursor = write_back_feed(session, school_id=school_id, since=since,
                                limit=DOWNLOAD_LIMIT)
    audit(session, clock, actor=actor, action=DOWNLOAD, entity="school", entity_id=school_id,
          school_id=school_id, old=str(since), new=str(cursor))
    return since, cursor


def downloaded(session: Session, *, school_id: int, since: int,
               until: int) -> list[WriteBackItem]:
    """The reasons of one download's range (a mark changed since comes with its new code)."""
    items, _ = write_back_feed(session, school_id=school_id, since=since, until=until,
                               limit=DOWNLOAD_LIMIT)
    return items
