"""Conversations: one per contact per absence episode, with the engine's state kept as JSON.

The runs open a conversation when they message a contact; an inbound message with no open
conversation opens one. A reply finds the contact's latest open conversation, so siblings and
several replies land in the same thread. An attendance letter has a conversation of its own
(kind `letter`), never a reply's "current" one: a reply enters it only by answering the letter
(its email's reply token, or its note being the latest message sent on that channel).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from conversations.types import ConversationKind, ConversationState, Mode
from store.clock import Clock
from store.models.conversations import Conversation, ConversationStudent, Message
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.models.people import Student, StudentContact

# Content only the safeguarding lead and admins may read (DESIGN safety rule 5): a conversation
# with an urgent escalation (a child who may be unsafe or unaccounted for), or any message or
# escalation read as a safeguarding matter.
SAFEGUARDING_INTENTS = frozenset({"safeguarding"})

# A conversation older than this is a past episode: a new message opens a new one (the engine
# still sees the older unexplained marks through the facts' lookback).
EPISODE_DAYS = 7


def state_to_json(state: ConversationState) -> str:
    """The engine's state as JSON for `Conversation.state_json`."""
    return json.dumps(state.to_json(), sort_keys=True)


def state_from_json(text: str | None) -> ConversationState:
    """The engine's state from JSON; unknown keys are ignored so an older row still loads."""
    return ConversationState.from_json(json.loads(text or "{}"))


def save_state(session: Session, conversation: Conversation, state: ConversationState) -> None:
    """Keep the engine's state on the conversation."""
    conversation.state_json = state_to_json(state)
    session.add(conversation)


def open_conversation(session: Session, clock: Clock, *, school_id: int, contact_id: int | None,
                      kind: str = ConversationKind.ABSENCE, channel: str | None = None,
                      student_ids: Iterable[int] = (), about: bool = False) -> Conversation:
    """Start a conversation (a run's message, or an inbound with none open) about these students
    (`about`: and the engine's state says so too, so what is handed to a person is about them,
    not every child of the family).

    Email replies find it again by its unguessable `reply_token`.
    """
    ids = list(student_ids)
    state = ConversationState(kind=ConversationKind(kind),
                              about_student_ids=tuple(str(i) for i in ids) if about else ())
    conversation = Conversation(school_id=school_id, contact_id=contact_id, kind=str(kind),
                                mode=Mode.BOT, state_json=state_to_json(state), channel=channel,
                                opened_at=clock.now(), reply_token=secrets.token_urlsafe(18))
    session.add(conversation)
    session.flush()
    link_students(session, conversation, ids)
    return conversation


def link_students(session: Session, conversation: Conversation,
                  student_ids: Iterable[int]) -> None:
    """Record which students the conversation is about (adding only the new ones)."""
    assert conversation.id is not None
    known = set(session.exec(select(ConversationStudent.student_id).where(
        ConversationStudent.conversation_id == conversation.id)))
    for student_id in dict.fromkeys(student_ids):
        if student_id not in known:
            session.add(ConversationStudent(conversation_id=conversation.id,
                                            student_id=student_id))
    session.flush()


def conversation_students(session: Session, conversation_id: int) -> list[int]:
    return list(session.exec(select(ConversationStudent.student_id).where(
        ConversationStudent.conversation_id == conversation_id).order_by(
        col(ConversationStudent.student_id))))


def students_of_conversations(session: Session,
                               conversation_ids: Iterable[int | None]) -> dict[int, list[int]]:
    """The students linked to each of many conversations, in one query (the inbox's rows)."""
    wanted = {i for i in conversation_ids if i is not None}
    linked: dict[int, list[int]] = {i: [] for i in wanted}
    if not wanted:
        return linked
    for conversation_id, student_id in session.exec(select(
            ConversationStudent.conversation_id, ConversationStudent.student_id).where(
            col(ConversationStudent.conversation_id).in_(wanted)).order_by(
            col(ConversationStudent.student_id))):
        linked[conversation_id].append(student_id)
    return linked


def current_conversation(session: Session, *, contact_ids: Iterable[int], now: datetime,
                         about_student_id: int | None = None) -> Conversation | None:
    """The latest open conversation of any of these contacts within the episode window (only
    those already about `about_student_id`, when given)."""
    ids = list(contact_ids)
    if not ids:
        return None
    stmt = (select(Conversation)
            .where(col(Conversation.contact_id).in_(ids),
                   col(Conversation.closed_at).is_(None),
                   Conversation.mode != Mode.RESOLVED,
                   Conversation.kind != ConversationKind.LETTER,
                   col(Conversation.opened_at) >= now - timedelta(days=EPISODE_DAYS))
            .order_by(col(Conversation.opened_at).desc(), col(Conversation.id).desc())
            .limit(1))
    if about_student_id is not None:
        stmt = stmt.join(ConversationStudent,
                         col(ConversationStudent.conversation_id) == col(Conversation.id)).where(
            ConversationStudent.student_id == about_student_id)
    return session.exec(stmt).first()


def letter_thread(session: Session, *, contact_ids: Iterable[int], channel: str,
                  now: datetime) -> Conversation | None:
    """The attendance letter's conversation a message on `channel` answers: the newest message
    that went to these contacts on that channel, within the episode window, belongs to an
    open letter conversation (the letter's note, or a person's reply there since)."""
    ids = list(contact_ids)
    if not ids:
        return None
    latest = session.exec(
        select(Outbox.conversation_id)
        .where(col(Outbox.contact_id).in_(ids), Outbox.channel == channel,
               col(Outbox.status).in_(("sent", "delivered")),
               col(Outbox.created_at) >= now - timedelta(days=EPISODE_DAYS))
        .order_by(col(Outbox.created_at).desc(), col(Outbox.id).desc()).limit(1)).first()
    thread = session.get(Conversation, latest) if latest is not None else None
    if thread is None or thread.kind != ConversationKind.LETTER or thread.closed_at is not None:
        return None
    return thread


def open_conversations_of(session: Session, contact_id: int) -> list[Conversation]:
    """Every conversation of this contact not yet closed, whatever its age."""
    return list(session.exec(select(Conversation).where(
        Conversation.contact_id == contact_id, col(Conversation.closed_at).is_(None))))


def conversations_about(session: Session, student_id: int) -> list[Conversation]:
    """Every conversation about the student, newest first."""
    return list(session.exec(select(Conversation).join(
        ConversationStudent, col(ConversationStudent.conversation_id) == col(Conversation.id))
        .where(ConversationStudent.student_id == student_id)
        .order_by(col(Conversation.opened_at).desc())))


def latest_conversation_of(session: Session, contact_id: int | None) -> Conversation | None:
    """The contact's newest conversation, open or closed."""
    return session.exec(select(Conversation).where(Conversation.contact_id == contact_id)
                        .order_by(col(Conversation.id).desc())).first()


def open_reply_token(session: Session, contact_id: int) -> str | None:
    """The reply token of the contact's newest open conversation."""
    return session.exec(select(Conversation.reply_token).where(
        Conversation.contact_id == contact_id, col(Conversation.closed_at).is_(None))
        .order_by(col(Conversation.id).desc())).first()


def latest_conversation_about(session: Session, student_id: int | None) -> Conversation | None:
    """The newest conversation about the student (any, when None); failing that, the newest
    of a contact of the student (a reply not yet linked to the child)."""
    stmt = select(Conversation).order_by(col(Conversation.id).desc())
    if student_id is not None:
        stmt = stmt.join(ConversationStudent).where(ConversationStudent.student_id == student_id)
    conversation = session.exec(stmt).first()
    if conversation is None and student_id is not None:
        contacts = select(StudentContact.contact_id).where(
            StudentContact.student_id == student_id)
        conversation = session.exec(select(Conversation).where(
            col(Conversation.contact_id).in_(contacts)).order_by(
            col(Conversation.id).desc())).first()
    return conversation


def conversation_by_id(session: Session, conversation_id: int) -> Conversation | None:
    return session.get(Conversation, conversation_id)


def safeguarding_conversation_ids(session: Session, conversation_ids: list[int]) -> set[int]:
    """Those of these conversations that carry safeguarding content (an urgent escalation, or an
    escalation or message read as safeguarding)."""
    if not conversation_ids:
        return set()
    by_escalation = select(Escalation.conversation_id).where(
        col(Escalation.conversation_id).in_(conversation_ids),
        col(Escalation.intent).in_(SAFEGUARDING_INTENTS) | (Escalation.urgency == "urgent"))
    by_message = select(Message.conversation_id).where(
        col(Message.conversation_id).in_(conversation_ids),
        col(Message.intent).in_(SAFEGUARDING_INTENTS))
    found = set(session.exec(by_escalation)) | set(session.exec(by_message))
    return {conversation_id for conversation_id in found if conversation_id is not None}


def students_concerned(session: Session, conversation: Conversation) -> list[Student]:
    """Whom the conversation is about: its linked students and those its escalations name;
    when neither says, every child of the contact (a reply before the bot knew which)."""
    linked = select(ConversationStudent.student_id).where(
        ConversationStudent.conversation_id == conversation.id)
    escalated = select(Escalation.student_id).where(
        Escalation.conversation_id == conversation.id)
    ids = {i for i in [*session.exec(linked), *session.exec(escalated)] if i is not None}
    if not ids and conversation.contact_id is not None:
        ids = set(session.exec(select(StudentContact.student_id).where(
            StudentContact.contact_id == conversation.contact_id)))
    if not ids:
        return []
    return list(session.exec(select(Student).where(col(Student.id).in_(ids))
                             .order_by(col(Student.first_name))))


def conversation_by_reply_token(session: Session, token: str) -> Conversation | None:
    """The conversation an email reply belongs to, found by the token in its Reply-To address."""
    if not token:
        return None
    return session.exec(select(Conversation).where(Conversation.reply_token == token)).first()


def close_conversation(session: Session, conversation: Conversation, *, now: datetime,
                       mode: str = Mode.RESOLVED) -> None:
    conversation.mode = mode
    conversation.closed_at = now
    state = state_from_json(conversation.state_json)
    conversation.state_json = state_to_json(_with_mode(state, Mode(mode)))
    session.add(conversation)


def set_mode(session: Session, conversation: Conversation, mode: Mode) -> None:
    """Who answers the contact now: the bot or a member of staff (kept in the row and the state)."""
    conversation.mode = mode
    state = state_from_json(conversation.state_json)
    conversation.state_json = state_to_json(_with_mode(state, mode))
    session.add(conversation)


def _with_mode(state: ConversationState, mode: Mode) -> ConversationState:
    return replace(state, mode=mode)
