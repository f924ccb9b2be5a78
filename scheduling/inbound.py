"""Processing stored inbound events: who is speaking, the engine's step, decisions applied.

Every event was stored by a webhook before it was answered (safety rule 2). Here each one is
processed from the store, oldest first per sender (`ordering_key`), in one transaction with all
its effects, so that an event processed twice applies once and a crash between storing and
processing loses nothing: the event is still `pending` when the worker starts again.

Several processes on PostgreSQL share the work: a worker takes a transaction-scoped advisory lock
on the sender's key (skipping senders another worker holds), then the sender's oldest pending
event, so one sender's messages are never reordered. On SQLite one worker is expected; the
conditional claim still makes a second one harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session

from channels.base import InboundMessage, from_payload
from channels.media import keep_inline_media
from channels.texts import render
from conversations.types import (
    ConversationKind,
    ConversationState,
    Decision,
    Facts,
    Inbound,
    Mode,
    Urgency,
)
from conversations.whys import Why
from scheduling.alert_replies import answer_alert_reply
from scheduling.apply import Arrival, apply_decisions, follow_up_staff_coded, reading
from scheduling.email_thread import (
    replies_to_a_letter,
    with_our_text_cut,
    with_school_reply_token,
)
from scheduling.speaker import Unplaced, settle_family, who_is_speaking
from scheduling.unplaced import EngineStep as EngineStep
from scheduling.unplaced import answer_once, keep_for_staff
from store.backoff import Backoff
from store.clock import Clock
from store.contacts import contacts_by_address
from store.conversations import link_students, open_conversation, save_state, state_from_json
from store.database import Database
from store.escalations import raise_escalation
from store.facts import build_facts
from store.inbound_events import (
    PARKED,
    claim_event,
    count_failure,
    lock_sender,
    note_error,
    oldest_pending,
    place_event,
    senders_waiting,
)
from store.link_tokens import redeem_link_token
from store.messages import log_received, note_reading
from store.models.conversations import Message
from store.models.inbound import InboundEvent
from store.models.people import Contact
from store.outbox import enqueue
from store.schools import only_school_id, school_by_id

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

PROCESSED_KINDS = ("message", "command")
BACKOFF = Backoff(base=timedelta(seconds=2), cap=timedelta(minutes=5))  # a failed event's wait
LATE_CODES = frozenset({"L", "U"})
MAX_ATTEMPTS = 5


def default_engine() -> EngineStep:
    """The real conversation engine with the lexicons loaded once."""
    from conversations.engine import step  # the engine is imported late: it loads lexicons
    from store.lexicons import load_lexicons

    lexicons = load_lexicons()

    def engine(state: ConversationState, inbound: Inbound, facts: Facts,
               now: datetime) -> tuple[ConversationState, list[Decision]]:
        return step(state, inbound, facts, now, lexicons)

    return engine


@dataclass(slots=True)
class InboundWorker:
    """Processes pending inbound events; one per process (CLI worker, app lifespan, replay)."""

    database: Database
    clock: Clock
    settings: SchedulingSettings
    engine: EngineStep
    max_attempts: int = MAX_ATTEMPTS

    def process_pending(self, *, limit: int | None = None) -> int:
        """Process due events until none is left (or `limit`); returns how many were handled."""
        handled = 0
        while limit is None or handled < limit:
            if not self.process_next():
                break
            handled += 1
        return handled

    def process_next(self) -> bool:
        """Process the oldest due event of one sender no other worker holds; False when idle."""
        for key in self._waiting_keys():
            outcome = self._process_key(key)
            if outcome is not None:
                return True
        return False

    def _waiting_keys(self) -> list[str | None]:
        """Senders with pending events, the longest waiting first (one entry per sender, so a
        sender whose oldest message is backing off does not hide everyone behind it)."""
        with self.database.transaction() as session:
            return senders_waiting(session, kinds=PROCESSED_KINDS)

    def _process_key(self, key: str | None) -> int | None:
        """Claim and process the sender's oldest pending event; None when it is not ours now."""
        event_id: int | None = None
        try:
            with self.database.transaction() as session:
                if not lock_sender(session, key):
                    return None
                event = self._oldest_due(session, key)
                if event is None or not claim_event(session, event, now=self.clock.now()):
                    return None
                event_id = event.id
                handle_event(session, self.clock, self.settings, self.engine, event)
                log.info("inbound processed event=%s", event_id)
                return event_id
        except Exception as error:  # every failure is recorded, retried, parked at last
            if event_id is None:
                raise
            self._record_failure(event_id, error)
            return event_id

    def _oldest_due(self, session: Session, key: str | None) -> InboundEvent | None:
        event = oldest_pending(session, ordering_key=key, kinds=PROCESSED_KINDS)
        if event is None:
            return None
        # A failed event waits its backoff, and the sender's later messages wait behind it.
        if event.next_attempt_at is not None and event.next_attempt_at > self.clock.now():
            return None
        return event

    def _record_failure(self, event_id: int, error: Exception) -> None:
        """Nothing of the failed transaction was applied; count the try, back off, park at last."""
        with self.database.transaction() as session:
            event = count_failure(session, event_id,
                                  error=f"{type(error).__name__}: {str(error)[:200]}",
                                  now=self.clock.now(), park_after=self.max_attempts,
                                  backoff=BACKOFF)
            if event is None:
                return
            if event.status == PARKED:
                raise_escalation(session, self.clock,
                                 school_id=event.school_id or only_school_id(session),
                                 urgency=Urgency.NORMAL, why=Why("not_processed"),
                                 contact_id=event.contact_id, inbound_event_id=event.id,
                                 ack_minutes=self.settings.urgent_ack_minutes)
        log.warning("inbound failed event=%s attempts=%s error=%s status=%s", event_id,
                    event.attempts, type(error).__name__, event.status)


def handle_event(session: Session, clock: Clock, settings: SchedulingSettings, engine: EngineStep,
                 event: InboundEvent) -> None:
    """Everything one inbound message causes, in the caller's transaction."""
    received = from_payload(event.payload)
    assert isinstance(received, InboundMessage)
    received = with_school_reply_token(session, received)
    received = with_our_text_cut(session, event=event, received=received)
    # An email's attachments are read from the stored message here, not kept in memory since
    # the webhook: evidence and processing commit together, and a crash in between loses none.
    keep_inline_media(session, clock, event=event, message=received)
    inbound = received.to_inbound()
    if replies_to_a_letter(session, event=event, received=received):
        inbound = replace(inbound, replies_to_letter=True)
    if _is_link_request(received) and link_chat(session, clock, event, received):
        return
    # Before contacts: a safeguarding lead may be a parent too, and ACK from their phone to an
    # alert it was just sent, or a reply to an alert's email, is theirs as staff.
    if answer_alert_reply(session, clock, event=event, received=received,
                          public_url=settings.public_url):
        return
    placed = who_is_speaking(session, clock, received)
    if isinstance(placed, Unplaced):
        kept = keep_for_staff(session, clock, settings, engine, event, received, placed)
        if received.auto_reply:
            not_answered(session, event, kept, received)
        elif received.provider_keyword is None and not _restricted(placed.contacts):
            # (Twilio answered its opt-out keywords itself; a court order: nothing is sent.)
            answer_once(session, clock, received=received, unplaced=placed,
                        urgent=kept.intent is not None)
        return
    if _restricted(placed.contacts):
        inbound = replace(inbound, restricted_sender=True)
    school, contacts, conversation = placed.school, placed.contacts, placed.conversation
    if conversation is not None and conversation.kind == ConversationKind.LETTER:
        inbound = replace(inbound, replies_to_letter=True)  # its email's token, or its note
    now = clock.now()
    # Read against when it was sent: "tomorrow" in last night's text is today, not tomorrow.
    facts = build_facts(session, contacts=contacts, school=school, now=inbound.received_at,
                        trusted=placed.trusted,
                        max_notice_school_days=settings.max_notice_school_days)
    if conversation is None:
        conversation = open_conversation(
            session, clock, school_id=school.id or 0, contact_id=contacts[0].id,
            kind=_kind_for(inbound, facts), channel=inbound.channel)
    message = log_received(session, clock, channel=inbound.channel, body=inbound.text,
                           inbound_event_id=event.id, school_id=school.id,
                           contact_id=contacts[0].id, conversation_id=conversation.id)
    place_event(session, event, school_id=school.id, contact_id=contacts[0].id)
    if received.auto_reply:
        not_answered(session, event, message, received)  # kept in the thread, never answered
        return
    state = replace(state_from_json(conversation.state_json), mode=Mode(conversation.mode))
    new_state, decisions = engine(state, inbound, facts, now)
    note_reading(session, message, reading(decisions))
    contacts, conversation, facts = settle_family(
        session, clock, speaker=placed, decisions=decisions, message=message,
        conversation=conversation, facts=facts)
    place_event(session, event, school_id=school.id, contact_id=message.contact_id)
    turn = Arrival(event=event, inbound=inbound, address=received.sender, school=school,
                   contacts=contacts, conversation=conversation, facts=facts, message=message)
    apply_decisions(session, clock, settings, turn, decisions)
    link_students(session, conversation, [int(s) for s in new_state.about_student_ids])
    follow_up_staff_coded(session, clock, settings, turn, decisions)
    # The row's mode is authoritative (staff take over and hand back there), never the engine's.
    conversation.channel = inbound.channel
    save_state(session, conversation, replace(new_state, mode=Mode(conversation.mode)))


def link_chat(session: Session, clock: Clock, event: InboundEvent,
              received: InboundMessage) -> bool:
    """`/start <token>` from the school's one-time link: link the chat to its contact once.

    True when handled (linked, or refused with a reply that names nobody); False when the
    token links nothing but the chat is already someone's, so it is a plain /start."""
    contact = redeem_link_token(session, clock, token=received.command_arg or "",
                                chat_id=received.sender)
    if contact is None and contacts_by_address(session, received.channel, received.sender):
        return False
    school = school_by_id(session, contact.school_id) if contact else None
    key = "link.done" if contact else "link.failed"
    body = render(key, contact.language if contact else "en", channel=received.channel,
                  params={"school": school.name if school else ""})
    log_received(session, clock, channel=received.channel, body=received.text or "/start",
                 inbound_event_id=event.id, school_id=school.id if school else event.school_id,
                 contact_id=contact.id if contact else None)
    enqueue(session, clock, channel=received.channel, to_address=received.sender, body=body,
            kind="link", school_id=school.id if school else None,
            contact_id=contact.id if contact else None)
    log.info("telegram link event=%s linked=%s", event.id, contact is not None)
    return True


def not_answered(session: Session, event: InboundEvent, message: Message,
                 received: InboundMessage) -> None:
    """Record why an automatic message (an out-of-office, a bounce, a loop) got no answer: on
    the message, as the bot's reading of it, and on the event."""
    why = received.why_automatic or "automatic"
    note_reading(session, message, f"automatic:{why}")
    note_error(session, event, f"not answered: automatic ({why})")
    log.info("inbound not answered event=%s why=%s", event.id, why)


def _restricted(contacts: Sequence[Contact]) -> bool:
    """A court order restricts someone at this address: a person reads what comes from it."""
    return any(contact.court_order for contact in contacts)


def _is_link_request(received: InboundMessage) -> bool:
    return (received.channel == "telegram" and received.command == "/start"
            and bool(received.command_arg))


def _kind_for(inbound: Inbound, facts: Facts) -> ConversationKind:
    if (facts.relationship == "self" or inbound.command == "/absent"
            or facts.policy.self_certification is not None):  # events, not AM/PM marks
        return ConversationKind.SELF_REPORT
    open_marks = [m for s in facts.students for m in s.marks if m.status == "unexplained"]
    if open_marks and all(m.code in LATE_CODES for m in open_marks):
        return ConversationKind.LATE  # "overslept" answers a late message; L stays
    if open_marks:
        return ConversationKind.ABSENCE
    return ConversationKind.UNSOLICITED

