"""What staff do to a conversation: start one, acknowledge, take over, reply, set a code, hand
back, resolve.

One set of service functions for the console, the REST API and `rollcall replay`. Each takes the
caller's session (and never commits), checks that the member of staff may act on that school's
record (read-only staff may not; someone without the school sees "not found"; urgent
conversations only for safeguarding leads and admins), does the change and audits it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from channels.sms import check_budget
from conversations.types import Mode, Urgency
from store import calendar
from store.audit import audit
from store.clock import Clock
from store.codes import validate_code
from store.contacts import address_for, channel_order, contact_by_id, contact_of_student
from store.conversations import (
    close_conversation,
    conversation_by_id,
    current_conversation,
    open_conversation,
    set_mode,
)
from store.errors import Forbidden, InvalidInput, NotFound
from store.escalations import (
    acknowledge_escalation,
    escalation_by_id,
    ever_urgent,
    open_siblings,
    resolve_escalation,
    shared_escalations,
    student_urgent_open,
    take_escalation,
    unresolved_of_conversation,
)
from store.messages import log_queued
from store.models.conversations import Conversation
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.staff import StaffUser
from store.outbox import enqueue
from store.reasons import code_by_staff, describe, mark_by_id
from store.schools import school_by_id
from store.staff import ACTING_ROLES, SAFEGUARDING_ROLES, school_ids_of
from store.students import student_by_id
from store.write_back import queue_push


def acknowledge(session: Session, clock: Clock, *, user: StaffUser,
                escalation_id: int) -> Escalation:
    """Someone has it: the urgent reminders stop (for the conversation's sibling rows too)."""
    escalation = _escalation(session, user, escalation_id)
    now = clock.now()
    for row in open_siblings(session, escalation):
        if row.status == "open":
            acknowledge_escalation(session, row, at=now, user_id=user.id)
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
        raise Forbidden("only a safeguarding lead or an admin may assign a shared message",
                        problem="assign_shared_role")
    others = shared_escalations(session, escalation)
    if not others:
        raise InvalidInput("no other school has this message", problem="not_shared")
    now = clock.now()
    for row in others:
        old = row.status
        resolve_escalation(session, row, at=now, acknowledged=False)
        _audit(session, clock, user, "escalation.assigned_elsewhere", "escalation", row.id,
               row.school_id, old=old, new="resolved")
    take_escalation(session, escalation, at=now, user_id=user.id)
    _audit(session, clock, user, "escalation.assigned", "escalation", escalation.id,
           escalation.school_id, new=str(escalation.school_id))
    return escalation


def take_over(session: Session, clock: Clock, *, user: StaffUser,
              conversation_id: int) -> Conversation:
    """Staff answer the contact from now on; the bot stays silent until handed back."""
    conversation = _conversation(session, user, conversation_id)
    if conversation.mode == Mode.RESOLVED:
        raise InvalidInput("this conversation is resolved", problem="resolved")
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
    student = student_by_id(session, student_id)
    if student is None:
        raise NotFound(f"no student {student_id}")
    _authorise(session, user, student.school_id, urgent=student_urgent_open(session, student_id))
    contact = contact_of_student(session, student_id=student_id, contact_id=contact_id)
    if contact is None or contact.id is None:
        raise NotFound(f"no contact {contact_id} for student {student_id}")
    _not_under_court_order(contact)
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
        raise InvalidInput("a reply needs some text", problem="reply_empty")
    conversation = _conversation(session, user, conversation_id)
    contact = contact_by_id(session, conversation.contact_id)
    if contact is None:
        raise InvalidInput("this conversation has no contact to reply to", problem="no_contact")
    _not_under_court_order(contact)
    channel = reply_channel(conversation, contact)
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
    log_queued(session, clock, row, author=f"staff:{user.id}")
    _audit(session, clock, user, "conversation.reply", "conversation", conversation.id,
           conversation.school_id, new=f"outbox:{row.id}")
    return row


def _not_under_court_order(contact: Contact) -> None:
    if contact.court_order:
        raise InvalidInput("a court order restricts this contact: nothing is sent to them",
                           problem="court_order")


def set_code(session: Session, clock: Clock, *, user: StaffUser, mark_id: int, code: str,
             reason: str) -> Mark:
    """A person decides the code: only a current code, always with a reason; the bot will
    never overwrite it, and it goes to the write-back feed at once."""
    if not reason.strip():
        raise InvalidInput("say why the code is set (the reason is kept in the audit log)",
                           problem="code_why")
    validate_code(code)
    mark = mark_by_id(session, mark_id)
    if mark is None:
        raise NotFound(f"no mark {mark_id}")
    _authorise(session, user, mark.school_id,
               urgent=student_urgent_open(session, mark.student_id))
    old = code_by_staff(session, clock, mark, code=code, reason=reason.strip(),
                        actor=f"staff:{user.id}")
    _audit(session, clock, user, "mark.set_code", "mark", mark.id, mark.school_id, old=old,
           new=describe(mark))
    queue_push(session, clock, mark)
    return mark


def hand_back(session: Session, clock: Clock, *, user: StaffUser,
              conversation_id: int) -> Conversation:
    """The bot answers the contact again."""
    conversation = _conversation(session, user, conversation_id)
    if conversation.mode == Mode.RESOLVED:
        raise InvalidInput("this conversation is resolved", problem="resolved")
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
        raise InvalidInput("say which conversation or escalation to resolve",
                           problem="resolve_what")
    conversation = _conversation(session, user, conversation_id)
    old = conversation.mode
    close_conversation(session, conversation, now=now)
    _resolve_escalations(session, clock, user,
                         unresolved_of_conversation(session, conversation.id), now)
    _audit(session, clock, user, "conversation.resolve", "conversation", conversation.id,
           conversation.school_id, old=old, new=Mode.RESOLVED)


def _authorise(session: Session, user: StaffUser, school_id: int | None, *,
               urgent: bool) -> None:
    if school_id is not None and school_id not in school_ids_of(session, user.id or 0):
        raise NotFound("not found")  # never confirm that another school's record exists
    if user.role not in ACTING_ROLES:
        raise Forbidden("read-only staff cannot change conversations or codes",
                        problem="read_only")
    if urgent and user.role not in SAFEGUARDING_ROLES:
        raise Forbidden("only a safeguarding lead or an admin may act on an urgent escalation",
                        problem="urgent_role")


def _conversation(session: Session, user: StaffUser, conversation_id: int) -> Conversation:
    conversation = conversation_by_id(session, conversation_id)
    if conversation is None:
        raise NotFound(f"no conversation {conversation_id}")
    _authorise(session, user, conversation.school_id,
               urgent=ever_urgent(session, conversation_id))
    return conversation


def _escalation(session: Session, user: StaffUser, escalation_id: int) -> Escalation:
    escalation = escalation_by_id(session, escalation_id)
    if escalation is None:
        raise NotFound(f"no escalation {escalation_id}")
    _authorise(session, user, escalation.school_id,
               urgent=escalation.urgency == Urgency.URGENT)
    return escalation


def reply_channel(conversation: Conversation, contact: Contact) -> str:
    """The channel to answer a contact on: the conversation's, else their first reachable."""
    if conversation.channel and address_for(contact, conversation.channel):
        return conversation.channel
    return _first_channel(contact)


def _first_channel(contact: Contact) -> str:
    reachable = channel_order(contact)
    if not reachable:
        raise InvalidInput("the contact cannot be reached on any channel", problem="unreachable")
    return reachable[0]


def _resolve_escalations(session: Session, clock: Clock, user: StaffUser,
                         rows: list[Escalation], now: datetime) -> None:
    for row in rows:
        old = row.status
        resolve_escalation(session, row, at=now)
        _audit(session, clock, user, "escalation.resolved", "escalation", row.id,
               row.school_id, old=old, new="resolved")


def _audit(session: Session, clock: Clock, user: StaffUser, action: str, entity: str,
           entity_id: object, school_id: int | None, *, old: str | None = None,
           new: str | None = None) -> None:
    audit(session, clock, actor=f"staff:{user.id}", action=action, entity=entity,
          entity_id=entity_id, school_id=school_id, old=old, new=new)
