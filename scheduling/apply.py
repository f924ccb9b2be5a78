"""Applying the engine's decisions to the store, inside the caller's one transaction.

The engine decides; this module records: reasons on marks (never over a code a person set),
advance notices for sessions the register has not taken (never a made-up mark), escalations
(urgent ones notify the safeguarding leads), replies into the outbox in the contact's
language, opt-outs, evidence. Nothing here commits: the inbound worker's transaction does, so a
failure anywhere applies nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlmodel import Session

from channels.texts import option_label, render
from conversations.policy import STAFF_CODED_WHY, staff_coded
from conversations.types import (
    AttachEvidence,
    Decision,
    Escalate,
    Facts,
    Inbound,
    Intent,
    KeepNotice,
    Mode,
    OptIn,
    OptOut,
    ReasonStatus,
    RecordReason,
    Reply,
    SelfCertify,
    SessionRef,
    Urgency,
)
from conversations.whys import Why
from scheduling.alerts import alert_new
from store.clock import Clock
from store.contacts import set_opt_out
from store.conversations import conversation_students
from store.escalations import raise_escalation, urgent_open_on
from store.evidence import attach_to_conversation
from store.messages import log_queued
from store.models.conversations import Conversation, Message
from store.models.inbound import InboundEvent
from store.models.people import Contact, Student
from store.models.schools import School
from store.notices import keep_notice
from store.outbox import enqueue, queued_in_conversation
from store.reasons import Outcome, record_reason
from store.self_certifications import record_certification
from store.students import student_by_id
from store.write_back import queue_push

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

HOLDING_KEY = "urgent.holding"
STAFF_MARKED_WHY = Why("staff_marked")
# Replies that answer the opt-out words themselves go out even on a channel the contact left.
_OPT_KEYS = frozenset({"optout.confirmed", "optin.confirmed", "help"})


@dataclass(slots=True)
class Arrival:
    """One inbound message in context: who sent it, the conversation, what the engine saw.
    (The engine's own view of a message is `conversations.dialogue.Turn`.)"""

    event: InboundEvent
    inbound: Inbound
    address: str
    school: School
    contacts: list[Contact]
    conversation: Conversation
    facts: Facts
    message: Message
    # Students the store would not record for because a person coded the mark after the facts
    # were read (another transaction): `follow_up_staff_coded` treats them as the facts' own.
    staff_set: set[str] = field(default_factory=set)

    @property
    def contact(self) -> Contact:
        return self.contacts[0]


def apply_decisions(session: Session, clock: Clock, settings: SchedulingSettings, turn: Arrival,
                    decisions: list[Decision]) -> None:
    """Record every decision of one engine step (in the order the engine gave them)."""
    for decision in decisions:
        if isinstance(decision, RecordReason):
            _record(session, clock, turn, decision)
        elif isinstance(decision, KeepNotice):
            _keep_notice(session, clock, turn, decision)
        elif isinstance(decision, SelfCertify):
            _self_certify(session, clock, settings, turn, decision)
        elif isinstance(decision, Escalate):
            _escalate(session, clock, settings, turn, decision)
        elif isinstance(decision, Reply):
            _reply(session, clock, turn, decision)
        elif isinstance(decision, OptOut | OptIn):
            _opt(session, clock, turn, decision)
        elif isinstance(decision, AttachEvidence):
            _attach(session, clock, turn)


def follow_up_staff_coded(session: Session, clock: Clock, settings: SchedulingSettings,
                          turn: Arrival, decisions: list[Decision]) -> None:
    """A reply about a child whose mark a person already coded goes to a person: the bot never
    overrides them, and the family's words must not sit unseen in a thread."""
    intents = {d.student_id: str(d.intent) for d in decisions if isinstance(d, RecordReason)}
    concerned = set(intents) | {str(s) for s in conversation_students(
        session, turn.conversation.id or 0)}
    for fact in turn.facts.students:
        if fact.student_id in concerned and (staff_coded(fact)
                                             or fact.student_id in turn.staff_set):
            raise_escalation(session, clock, school_id=turn.school.id, urgency=Urgency.NORMAL,
                             why=STAFF_CODED_WHY, intent=intents.get(fact.student_id),
                             conversation_id=turn.conversation.id, contact_id=turn.contact.id,
                             student_id=int(fact.student_id), inbound_event_id=turn.event.id,
                             ack_minutes=settings.urgent_ack_minutes)


def reading(decisions: list[Decision]) -> str | None:
    """The bot's reading of a message, shown to staff: the intent its decisions carry."""
    for decision in decisions:
        if (isinstance(decision, RecordReason | KeepNotice | SelfCertify | Escalate)
                and decision.intent is not None):
            return str(decision.intent)
        if isinstance(decision, OptOut):
            return "opt_out"
    return None


def _record(session: Session, clock: Clock, turn: Arrival, decision: RecordReason) -> None:
    student = _student(session, turn, decision.student_id)
    if student is None:
        return
    for ref in decision.sessions:
        outcome, mark = record_reason(
            session, clock, school_id=student.school_id, student_id=student.id or 0,
            day=ref.day, register_session=str(ref.session), status=decision.status,
            code=decision.code, suggested_code=decision.suggested_code,
            intent=str(decision.intent), reason_text=decision.reason_text,
            message_id=turn.message.id)
        if outcome is Outcome.NOT_TAKEN:  # the register has no mark for it (yet): wait for it
            _keep(session, clock, turn, student, ref, decision)
        elif outcome is Outcome.STAFF_SET:  # a person coded it after the facts were read
            turn.staff_set.add(decision.student_id)
        elif (mark is not None and outcome is Outcome.RECORDED
              and mark.reason_status == "confirmed"):
            queue_push(session, clock, mark)


def _keep_notice(session: Session, clock: Clock, turn: Arrival, decision: KeepNotice) -> None:
    student = _student(session, turn, decision.student_id)
    if student is None:
        return
    for ref in decision.sessions:
        _keep(session, clock, turn, student, ref, decision)


def _keep(session: Session, clock: Clock, turn: Arrival, student: Student, ref: SessionRef,
          decision: RecordReason | KeepNotice) -> None:
    keep_notice(session, clock, school_id=student.school_id, student_id=student.id or 0,
                day=ref.day, register_session=str(ref.session), intent=str(decision.intent),
                confirm=decision.status is ReasonStatus.CONFIRMED,
                suggested_code=decision.suggested_code, reason_text=decision.reason_text,
                message_id=turn.message.id)


def _self_certify(session: Session, clock: Clock, settings: SchedulingSettings, turn: Arrival,
                  decision: SelfCertify) -> None:
    """Keep a student's self-certification; confirmed, it authorises their events. Events a
    person already marked are theirs to decide: the report goes to a person too."""
    student = _student(session, turn, decision.student_id)
    if student is None or student.id is None:
        return
    _, done = record_certification(
        session, clock, school_id=student.school_id, student_id=student.id,
        intent=str(decision.intent), start=decision.start, end=decision.end,
        confirmed=decision.status is ReasonStatus.CONFIRMED, evidence=decision.evidence,
        why=decision.why, reason_text=decision.reason_text,
        conversation_id=turn.conversation.id, message_id=turn.message.id)
    if done.staff_marked:
        raise_escalation(session, clock, school_id=turn.school.id, urgency=Urgency.NORMAL,
                         why=STAFF_MARKED_WHY, intent=str(decision.intent),
                         conversation_id=turn.conversation.id, contact_id=turn.contact.id,
                         student_id=student.id, inbound_event_id=turn.event.id,
                         ack_minutes=settings.urgent_ack_minutes)


def _escalate(session: Session, clock: Clock, settings: SchedulingSettings, turn: Arrival,
              decision: Escalate) -> None:
    students = [s for s in (_student(session, turn, sid) for sid in decision.student_ids) if s]
    if decision.intent is Intent.WRONG_NUMBER:
        students = []  # about the address, not a child: one row, however many children it has
    for position, student in enumerate(students or [None]):
        escalation = raise_escalation(
            session, clock, school_id=turn.school.id, urgency=decision.urgency,
            intent=str(decision.intent) if decision.intent else None, why=decision.why,
            conversation_id=turn.conversation.id, contact_id=turn.contact.id,
            student_id=student.id if student else None, inbound_event_id=turn.event.id,
            ack_minutes=settings.urgent_ack_minutes, notify=position == 0)
        # Queued in this transaction, with the holding message: both go at once, at any hour.
        alert_new(session, clock, escalation, public_url=settings.public_url)


def _reply(session: Session, clock: Clock, turn: Arrival, decision: Reply) -> None:
    if not _may_reply(session, turn, decision.key):
        log.info("reply suppressed conversation=%s key=%s", turn.conversation.id, decision.key)
        return
    contact = turn.contact
    params: dict[str, object] = {"school": turn.school.name, "phone": turn.school.phone or "",
                                 "names": _names(turn)}
    params.update(dict(decision.params))
    # The engine says when the person wrote in another language than the one on file.
    language = decision.language or contact.language
    body = render(decision.key, language, channel=turn.inbound.channel, params=params,
                  options=decision.options, bilingual=turn.school.welsh_bilingual)
    students = [int(s.student_id) for s in turn.facts.students]
    holding = decision.key == HOLDING_KEY  # safety rule 1: urgent, at any hour, first
    row = enqueue(session, clock, channel=turn.inbound.channel, to_address=turn.address,
                  body=body, kind="holding" if holding else "reply", urgent=holding,
                  language=language, school_id=turn.school.id, contact_id=contact.id,
                  conversation_id=turn.conversation.id, student_ids=students,
                  options=[(o.value, option_label(o.key, language,
                                                  bilingual=turn.school.welsh_bilingual))
                           for o in decision.options])
    log_queued(session, clock, row, author="bot")


def _may_reply(session: Session, turn: Arrival, key: str) -> bool:
    """Safety rule 1 and takeover, whatever the engine said: while staff have the conversation
    the bot says nothing; after an urgent escalation only one holding message goes out; to a
    contact a court order restricts, nothing."""
    conversation = turn.conversation
    if conversation.mode != Mode.BOT or turn.contact.court_order:
        return False  # a person has it; or a court order: nothing is sent to them at all
    if turn.inbound.channel in turn.contact.opted_out and key not in _OPT_KEYS:
        return False
    if not urgent_open_on(session, conversation.id):
        return True
    if key != HOLDING_KEY:
        return False
    return not queued_in_conversation(session, conversation_id=conversation.id, kind="holding")


def _opt(session: Session, clock: Clock, turn: Arrival, decision: OptOut | OptIn) -> None:
    """Opt every contact with this address out of (or back into) the channel."""
    set_opt_out(session, clock, turn.contacts, channel=decision.channel,
                opted_out=isinstance(decision, OptOut), message_id=turn.message.id)


def _attach(session: Session, clock: Clock, turn: Arrival) -> None:
    """Keep the message's media on the conversation: the channel stored it as Evidence rows of
    the event; here they are tied to the conversation the engine put them in."""
    attach_to_conversation(session, inbound_event_id=turn.event.id,
                           conversation_id=turn.conversation.id)
    # Media not yet fetched stays referenced in the event's payload; the channel fetches it.


def _student(session: Session, turn: Arrival, student_id: str) -> Student | None:
    """The student the engine named, only if it is one of the sender's (never anyone else's)."""
    if student_id not in {s.student_id for s in turn.facts.students}:
        log.warning("engine named a student outside the facts event=%s", turn.event.id)
        return None
    return student_by_id(session, int(student_id))


def _names(turn: Arrival) -> str:
    """First names of the children with an unexplained mark (all of them when none has)."""
    students = [s for s in turn.facts.students
                if any(m.status == "unexplained" for m in s.marks)] or list(turn.facts.students)
    return ", ".join(s.preferred_name or s.first_name for s in students)


