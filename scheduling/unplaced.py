"""Messages the routing rule places with no one school and family: kept once, read for danger,
and shown to staff of every school they may be for.

A stranger (a number, address or chat id we do not know) and a known address the rule leaves
between schools both come here (`scheduling.speaker`). The engine reads the text with no child
named, for its urgent check only (a disclosure from an aunt's phone is as urgent as one from a
mother's), and nothing about any student is decided or sent. Each school the message may be
for gets its own escalation, so its staff see it (no other school's children on it) and its
on-call lead is alerted when it is urgent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session

from channels.base import InboundMessage
from channels.texts import render
from conversations.types import (
    ConversationKind,
    ConversationState,
    Decision,
    Escalate,
    Facts,
    Inbound,
    Policy,
    Urgency,
)
from conversations.whys import Why
from scheduling.alerts import alert_new
from scheduling.speaker import Unplaced
from store.clock import Clock
from store.contacts import CHANNELS
from store.escalations import raise_escalation
from store.facts import school_policy, school_today
from store.messages import log_received
from store.models.conversations import Message
from store.models.inbound import InboundEvent
from store.models.schools import School
from store.outbox import enqueue, queued_to_since

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

EngineStep = Callable[[ConversationState, Inbound, Facts, datetime],
                      tuple[ConversationState, list[Decision]]]

WHY_UNKNOWN = Why("unknown_sender")
WHY_UNPLACED = Why("unplaced")


def keep_for_staff(session: Session, clock: Clock, settings: SchedulingSettings, engine: EngineStep,
                   event: InboundEvent, received: InboundMessage,
                   unplaced: Unplaced) -> Message:
    """Store the message once, read it for danger, raise an escalation in each school."""
    now = clock.now()
    schools = list(unplaced.schools)
    message = log_received(session, clock, channel=received.channel, body=received.text,
                           inbound_event_id=event.id,
                           school_id=schools[0].id if len(schools) == 1 else None)
    urgent = None if received.auto_reply else urgent_reading(
        engine, received.to_inbound(), schools[0] if schools else None, now)
    if urgent is not None:
        message.intent = str(urgent.intent) if urgent.intent else "urgent"
    for school_id in [s.id for s in schools] or [None]:
        escalation = raise_escalation(
            session, clock, school_id=school_id,
            urgency=Urgency.URGENT if urgent else Urgency.NORMAL,
            intent=message.intent if urgent else None,
            why=WHY_UNPLACED if unplaced.known else WHY_UNKNOWN,
            contact_id=unplaced.contact_in(school_id), inbound_event_id=event.id,
            ack_minutes=settings.urgent_ack_minutes)
        alert_new(session, clock, escalation, public_url=settings.public_url)  # each school's
    log.info("inbound for staff event=%s schools=%s known=%s urgent=%s", event.id,
             len(schools), unplaced.known, urgent is not None)
    return message


def answer_once(session: Session, clock: Clock, *, received: InboundMessage,
                unplaced: Unplaced, urgent: bool) -> None:
    """One reply a day to the address, naming no school and no child: the holding message
    when it reads as urgent, else that a person will look at it."""
    channel, address = received.channel, received.sender
    if channel not in CHANNELS or not address:
        return
    if urgent:
        key, kind = "urgent.holding", "holding"
    else:
        key, kind = ("handoff.staff" if unplaced.known else "unknown_sender"), "unknown_sender"
    if queued_to_since(session, to_address=address, kind=kind,
                       since=clock.now() - timedelta(days=1)):
        return
    schools = unplaced.schools
    enqueue(session, clock, channel=channel, to_address=address,
            body=render(key, unplaced.language, channel=channel), kind=kind,
            language=unplaced.language, urgent=urgent,
            school_id=schools[0].id if len(schools) == 1 else None)


def urgent_reading(engine: EngineStep, inbound: Inbound, school: School | None,
                   now: datetime) -> Escalate | None:
    """The engine's urgent check on a message about no known child: its urgent escalation,
    if it makes one (read with the school's policy and calendar day, no students)."""
    facts = Facts(contact_id="", language="en", students=(),
                  today=school_today(school, now) if school else now.date(),
                  timezone=school.timezone if school else "Europe/London",
                  policy=school_policy(school) if school else Policy())
    _state, decisions = engine(ConversationState(kind=ConversationKind.UNSOLICITED), inbound,
                               facts, now)
    return next((d for d in decisions
                 if isinstance(d, Escalate) and d.urgency is Urgency.URGENT), None)

