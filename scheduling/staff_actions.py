"""What staff do to a conversation: start one, acknowledge, take over, reply, set a code, hand
back, resolve.

One set of service functions for the console, the REST API and `rollcall replay`. Each takes the
caller's session (and never commits), checks that the member of staff may act on that school's
record (read-only staff may not; someone without the school sees "not found"; urgent
conversations only for safeguarding leads and admins), does the change and audits it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from channels.sms import check_budget
from conversations.types import Mode, ReasonStatus, Urgency
from store import calendar
from store.audit import audit
from store.clock import Clock
from store.codes import validate_code
from store.contacts import address_for, channel_order, contact_of_student
from store.conversations import (
    close_conversation,
    current_conversation,
    open_conversation,
    set_mode,
)
from store.errors import Forbidden, InvalidInput, NotFound
from store.escalations import shared_escalations
from store.models import (
    Contact,
    Conversation,
    Escalation,
    Mark,
    Message,
    Outbox,
    StaffSchool,
    StaffUser,
    Student,
)
from store.outbox import enqueue
from store.reasons import describe, touch
from store.schools import school_by_id
from store.write_back import queue_push

ACTING_ROLES = frozenset({"admin", "officer", "dsl"})
SAFEGUARDING_ROLES = frozenset({"admin", "dsl"})


def acknowledge(session: Session, clock: Clock, *, user: StaffUser,
                escalation_id: int) -> Escalation:
    """Someone has it: the urgent reminders stop (for the conversation's sibling rows too)."""
    escalation = _escalation(session, user, escalation_id)
    now = clock.now()
    for row in _open_siblings(session, escalation):
        if row.status == "open":
            row.status, row.acknowledged_at, row.assigned_user_id = "acknowledged", now, user.id
            session.add(row)
            _audit(session, clock, user, "escalation.acknowledged", "escalation", row.id,
                   row.school_id, old="open", new="acknowledged")
    return escalation


def claim(session: Session, clock: Clock, *, user: StaffUser,
          escalation_id: int) -> Escalation:
    """"This is for our school": a message shown to several schools (an unknown sender on a
    number they share) is taken by this one. The other schools' rows close, naming no one;
    this one is acknowledged by the member of staff. Safeguarding leads and admins only."""
    escalation = _escalation(session, user, escalation_id)
    if user.role not in SAFEGUARDING_ROLES:
        raise Forbidden("only a safeguarding lead or an admin may assign a shared message")
    others = shared_escalations(session, escalation)
    if not others:
        raise InvalidInput("no other school has this message")
    now = clock.now()
    for row in others:
        old = row.status
        row.status, row.resolved_at = "resolved", now
        session.add(row)
        _audit(session, clock, user, "escalation.assigned_elsewhere", "escalation", row.id,
               row.school_id, old=old, new="resolved")
    if escalation.status == "open":
        escalation.status, escalation.acknowledged_at = "acknowledged", now
    escalation.assigned_user_id = user.id
    session.add(escalation)
    _audit(session, clock, user, "escalation.assigned", "escalation", escalation.id,
           escalation.school_id, new=str(escalation.school_id))
    return escalation


def take_over(session: Session, clock: Clock, *, user: StaffUser,
              conversation_id: int) -> Conversation:
    """Staff answer the contact from now on; the bot stays silent until handed back."""
    conversation = _conversation(session, user, conversation_id)
    if conversation.mode == Mode.RESOLVED:
        raise InvalidInput("this conversation is resolved")
    old = conversation.mode
    conversation.assigned_user_id = user.id
    set_mode(session, conversation, Mode.STAFF)
    _audit(session, clock, user, "conversation.take_over", "conversation", conversation.id,
           conversation.school_id, old=old, new=Mode.STAFF)
    return conversation


def start_conversation(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
                       contact_id: int) -> Conversation:
    """Staff write first: a child on the call list, or one a member of staff is worried about,
    before the family has written. The contact's open conversation about this child, else a
    new one on their first reachable channel (not another child's thread: that one may be a
    safeguarding matter); either way this member of staff holds it, so the bot stays silent
    until it is handed back."""
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(f"no student {student_id}")
    _authorise(session, user, student.school_id, urgent=_student_urgent(session, student_id))
    contact = contact_of_student(session, student_id=student_id, contact_id=contact_id)
    if contact is None or contact.id is None:
        raise NotFound(f"no contact {contact_id} for student {student_id}")
    conversation = current_conversation(session, contact_ids=[contact.id], now=clock.now(),
                                        about_student_id=student_id)
    if conversation is None:
        conversation = open_conversation(
            session, clock, school_id=student.school_id, contact_id=contact.id,
            channel=_first_channel(contact), student_ids=[student_id])
        _audit(session, clock, user, "conversation.start", "conversation", conversation.id,
               conversation.school_id, new=f"contact:{contact.id} student:{student_id}")
    assert conversation.id is not None
    if conversation.mode != Mode.STAFF or conversation.assigned_user_id != user.id:
        take_over(session, clock, user=user, conversation_id=conversation.id)
    return conversation


def reply(session: Session, clock: Clock, *, user: StaffUser, conversation_id: int,
          text: str, segment_budget: int | None = None, send_now: bool = False) -> Outbox:
    """Send the contact a message on their own channel, through the outbox like any other.

    Replying takes the conversation over, so the bot does not talk across a person. A text
    that would take more SMS segments than `segment_budget` is refused here, while the person
    can still shorten it, rather than failing at the provider (or being cut) later. In the
    school's quiet hours it is held until they end unless `send_now` (the person confirmed
    "send now?"), and the thread shows it as held."""
    body = text.strip()
    if not body:
        raise InvalidInput("a reply needs some text")
    conversation = _conversation(session, user, conversation_id)
    contact = session.get(Contact, conversation.contact_id) if conversation.contact_id else None
    if contact is None:
        raise InvalidInput("this conversation has no contact to reply to")
    channel = _reply_channel(conversation, contact)
    if channel == "sms" and segment_budget is not None:
        check_budget(body, budget=segment_budget)
    if conversation.mode != Mode.STAFF:
        take_over(session, clock, user=user, conversation_id=conversation_id)
    school = school_by_id(session, conversation.school_id)
    due = (None if send_now or school is None
           else calendar.quiet_hours_end(school, clock.now()))
    row = enqueue(session, clock, channel=channel, to_address=address_for(contact, channel) or "",
                  body=body, kind="staff_reply", language=contact.language,
                  school_id=conversation.school_id, contact_id=contact.id,
                  staff_user_id=user.id, conversation_id=conversation.id, due_at=due)
    session.add(Message(school_id=conversation.school_id, conversation_id=conversation.id,
                        contact_id=contact.id, direction="out", channel=channel, body=body,
                        author=f"staff:{user.id}", outbox_id=row.id, created_at=clock.now()))
    _audit(session, clock, user, "conversation.reply", "conversation", conversation.id,
           conversation.school_id, new=f"outbox:{row.id}")
    return row


def set_code(session: Session, clock: Clock, *, user: StaffUser, mark_id: int, code: str,
             reason: str) -> Mark:
    """A person decides the code: only a current code, always with a reason; the bot will
    never overwrite it, and it goes to the write-back feed at once."""
    if not reason.strip():
        raise InvalidInput("say why the code is set (the reason is kept in the audit log)")
    validate_code(code)
    mark = session.get(Mark, mark_id)
    if mark is None:
        raise NotFound(f"no mark {mark_id}")
    _authorise(session, user, mark.school_id, urgent=_student_urgent(session, mark.student_id))
    old = describe(mark)
    mark.code = code
    mark.reason_status = ReasonStatus.CONFIRMED
    mark.reason_text = reason.strip()
    mark.set_by_staff = True
    mark.set_by = f"staff:{user.id}"
    mark.source = "staff"
    touch(mark, clock)
    session.add(mark)
    session.flush()
    _audit(session, clock, user, "mark.set_code", "mark", mark.id, mark.school_id, old=old,
           new=describe(mark))
    queue_push(session, clock, mark)
    return mark


def hand_back(session: Session, clock: Clock, *, user: StaffUser,
              conversation_id: int) -> Conversation:
    """The bot answers the contact again."""
    conversation = _conversation(session, user, conversation_id)
    if conversation.mode == Mode.RESOLVED:
        raise InvalidInput("this conversation is resolved")
    old = conversation.mode
    conversation.assigned_user_id = None
    set_mode(session, conversation, Mode.BOT)
    _audit(session, clock, user, "conversation.hand_back", "conversation", conversation.id,
           conversation.school_id, old=old, new=Mode.BOT)
    return conversation


def resolve(session: Session, clock: Clock, *, user: StaffUser,
            conversation_id: int | None = None, escalation_id: int | None = None) -> None:
    """Close a conversation and its escalations, or one escalation that has no conversation
    (an unknown sender's message)."""
    now = clock.now()
    if escalation_id is not None:
        escalation = _escalation(session, user, escalation_id)
        if escalation.conversation_id is None:
            _resolve_escalations(session, clock, user, [escalation], now)
            return
        conversation_id = escalation.conversation_id
    if conversation_id is None:
        raise InvalidInput("say which conversation or escalation to resolve")
    conversation = _conversation(session, user, conversation_id)
    old = conversation.mode
    close_conversation(session, conversation, now=now)
    open_rows = session.exec(select(Escalation).where(
        Escalation.conversation_id == conversation.id, Escalation.status != "resolved")).all()
    _resolve_escalations(session, clock, user, list(open_rows), now)
    _audit(session, clock, user, "conversation.resolve", "conversation", conversation.id,
           conversation.school_id, old=old, new=Mode.RESOLVED)


def staff_school_ids(session: Session, user: StaffUser) -> set[int]:
    return set(session.exec(select(StaffSchool.school_id).where(
        StaffSchool.user_id == user.id)))


def _authorise(session: Session, user: StaffUser, school_id: int | None, *,
               urgent: bool) -> None:
    if school_id is not None and school_id not in staff_school_ids(session, user):
        raise NotFound("not found")  # never confirm that another school's record exists
    if user.role not in ACTING_ROLES:
        raise Forbidden("read-only staff cannot change conversations or codes")
    if urgent and user.role not in SAFEGUARDING_ROLES:
        raise Forbidden("only a safeguarding lead or an admin may act on an urgent escalation")


def _conversation(session: Session, user: StaffUser, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise NotFound(f"no conversation {conversation_id}")
    urgent = session.exec(select(Escalation.id).where(
        Escalation.conversation_id == conversation_id,
        Escalation.urgency == Urgency.URGENT)).first() is not None
    _authorise(session, user, conversation.school_id, urgent=urgent)
    return conversation


def _escalation(session: Session, user: StaffUser, escalation_id: int) -> Escalation:
    escalation = session.get(Escalation, escalation_id)
    if escalation is None:
        raise NotFound(f"no escalation {escalation_id}")
    _authorise(session, user, escalation.school_id,
               urgent=escalation.urgency == Urgency.URGENT)
    return escalation


def _open_siblings(session: Session, escalation: Escalation) -> list[Escalation]:
    if escalation.conversation_id is None:
        return [escalation]
    return list(session.exec(select(Escalation).where(
        Escalation.conversation_id == escalation.conversation_id,
        Escalation.urgency == escalation.urgency, Escalation.status == "open")
        .order_by(col(Escalation.id)))) or [escalation]


def _student_urgent(session: Session, student_id: int) -> bool:
    return session.exec(select(Escalation.id).where(
        Escalation.student_id == student_id, Escalation.urgency == Urgency.URGENT,
        Escalation.status != "resolved")).first() is not None


def _reply_channel(conversation: Conversation, contact: Contact) -> str:
    if conversation.channel and address_for(contact, conversation.channel):
        return conversation.channel
    return _first_channel(contact)


def _first_channel(contact: Contact) -> str:
    reachable = channel_order(contact)
    if not reachable:
        raise InvalidInput("the contact cannot be reached on any channel")
    return reachable[0]


def _resolve_escalations(session: Session, clock: Clock, user: StaffUser,
                         rows: list[Escalation], now: datetime) -> None:
    for row in rows:
        old = row.status
        row.status, row.resolved_at = "resolved", now
        row.acknowledged_at = row.acknowledged_at or now
        session.add(row)
        _audit(session, clock, user, "escalation.resolved", "escalation", row.id,
               row.school_id, old=old, new="resolved")


def _audit(session: Session, clock: Clock, user: StaffUser, action: str, entity: str,
           entity_id: object, school_id: int | None, *, old: str | None = None,
           new: str | None = None) -> None:
    audit(session, clock, actor=f"staff:{user.id}", action=action, entity=entity,
          entity_id=entity_id, school_id=school_id, old=old, new=new)
