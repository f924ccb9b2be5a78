"""A run's delivery at a glance: where each of its messages ended up, and the ones that need a
person (failed everywhere failing over could take them, or too late to send).

Each message is followed along its failover chain (store/delivery.py `deliveries`), so a text
that failed and then went by email counts once, as failed over and by where it ended up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from store.database import rows_by_id
from store.delivery import DeliveryStep, deliveries
from store.models.outbound import Outbox
from store.runs import first_tries_of_run

# Where a message ending up here needs a person: nothing more will happen on its own.
NEEDS_A_PERSON = ("failed", "expired")


@dataclass(frozen=True, slots=True)
class Failure:
    outbox_id: int
    contact_id: int | None
    student_ids: tuple[int, ...]
    steps: tuple[DeliveryStep, ...]


@dataclass(slots=True)
class RunDelivery:
    messages: int = 0
    ended: Counter[str] = field(default_factory=Counter)  # the last step's state
    failed_over: int = 0  # messages carried on to another channel or contact
    # Failed messages by their last channel and code ("" for none), for the plain reason.
    failed_why: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)


def run_delivery(session: Session, *, run_id: int, now: datetime) -> RunDelivery:
    """Counts by where each message of the run ended up, and the failures to act on."""
    first = first_tries_of_run(session, run_id)
    chains = deliveries(session, first, now=now)
    rows = rows_by_id(session, Outbox, first)
    summary = RunDelivery(messages=len(first))
    for outbox_id in first:
        steps = chains.get(outbox_id, ())
        if not steps:
            continue
        last = steps[-1]
        summary.ended[last.state] += 1
        summary.failed_over += len(steps) > 1
        if last.state == "failed":
            summary.failed_why[(last.channel, last.why or "")] += 1
        if last.state in NEEDS_A_PERSON:
            row = rows[outbox_id]
            summary.failures.append(
                Failure(outbox_id, row.contact_id, tuple(row.student_ids or ()), steps)
            )
    return summary
