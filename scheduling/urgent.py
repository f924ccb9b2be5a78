"""The urgent-escalation watch: nobody acknowledged in time, so tell them again and the next
person on the list (safety rule 1). The scheduler calls `escalate_unacknowledged` every minute."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scheduling.alerts import alert_staff
from store.clock import Clock
from store.database import Database
from store.escalations import overdue_urgent, pass_on

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)


def escalate_unacknowledged(db: Database, clock: Clock, settings: SchedulingSettings) -> int:
    """Renotify every urgent escalation past its acknowledgement time; returns how many."""
    with db.transaction() as session:
        overdue = overdue_urgent(session, clock.now())
        told: set[int] = set()  # one alert per conversation, however many children it is about
        for escalation in overdue:
            conversation = escalation.conversation_id
            recipients = pass_on(session, clock, escalation,
                                 ack_minutes=settings.urgent_ack_minutes,
                                 notify=conversation is None or conversation not in told)
            if recipients:
                alert_staff(session, clock, escalation, recipients,
                            public_url=settings.public_url)
            if conversation is not None:
                told.add(conversation)
            log.info("urgent escalation renotified escalation=%s notices=%s", escalation.id,
                     escalation.notices_sent)
    return len(overdue)
