"""Who is speaking: the school, the contacts and the conversation an inbound message is for.

One rule, in this order (issues 14 and 15):
1. the school the message was sent *to*: a school's own number or address, or every school
   sharing ours (one Telegram bot, one default number);
2. among the contacts at the sender's address in those schools, the conversation the reply's
   token names;
3. the school of a child the reply names;
4. the only school with an open conversation at that address.
The latest outbound message alone never decides. A reply these rules leave between schools
(a shared number, a parent with children at two schools) is never guessed: staff of each
school see it, without the other school's children. Several families of one school at one
address go to the engine together, which asks which child.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from channels.base import InboundMessage
from conversations.children import names_of
from conversations.text import tokens
from conversations.types import StudentFact
from store.clock import Clock
from store.contacts import CHANNELS, contacts_by_address, students_by_contact
from store.conversations import conversation_by_reply_token, current_conversation
from store.models import Contact, Conversation, School, Student
from store.schools import schools_sent_to


@dataclass(slots=True)
class Speaker:
    """A message placed in one school: its contacts there (the one in conversation first),
    their open conversation, and whether the sender may have a reason auto-confirmed."""

    school: School
    contacts: list[Contact]
    conversation: Conversation | None
    trusted: bool


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A message no rule gives to one school and family: staff of each of these schools see it.
    `contacts` are the address's contacts in those schools (none for a stranger)."""

    schools: tuple[School, ...]
    contacts: tuple[Contact, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.contacts)

    @property
    def language(self) -> str:
        return self.contacts[0].language if self.contacts else "en"

    def contact_in(self, school_id: int | None) -> int | None:
        """The school's own contact at this address, shown to its staff (never another's)."""
        return next((c.id for c in self.contacts if c.school_id == school_id), None)


def who_is_speaking(session: Session, clock: Clock,
                    received: InboundMessage) -> Speaker | Unplaced:
    """Place an inbound message by the rule above."""
    schools = schools_sent_to(session, channel=received.channel, recipient=received.recipient)
    reached = {s.id: s for s in schools if s.id is not None}
    contacts: list[Contact] = []
    if received.channel in CHANNELS and received.sender:
        contacts = [c for c in contacts_by_address(session, received.channel, received.sender)
                    if c.school_id in reached]
    if not contacts:
        return Unplaced(tuple(schools))
    conversation, trusted = _by_reply_token(session, received, contacts)
    school_id = (conversation.school_id if conversation is not None
                 else _school_of_reply(session, clock, received, contacts))
    if school_id is None:
        theirs = {c.school_id for c in contacts}
        return Unplaced(tuple(s for s in schools if s.id in theirs), tuple(contacts))
    family = [c for c in contacts if c.school_id == school_id]
    if conversation is None or conversation.closed_at is not None:
        conversation = current_conversation(session, contact_ids=_ids(family), now=clock.now())
    if conversation is not None:
        in_conversation = conversation.contact_id
        family.sort(key=lambda c: c.id != in_conversation)
    return Speaker(school=reached[school_id], contacts=family, conversation=conversation,
                   trusted=trusted)


def _by_reply_token(session: Session, received: InboundMessage, contacts: list[Contact]
                    ) -> tuple[Conversation | None, bool]:
    """The conversation an email's reply token names, if it is one of these contacts'; and
    whether the sender is trusted. An email counts as trusted only when it carries its open
    conversation's token and comes from that conversation's contact (a From: line alone is
    easy to forge)."""
    if received.channel != "email":
        return None, received.trusted_sender
    if not (received.reply_token and received.trusted_sender):
        return None, False
    conversation = conversation_by_reply_token(session, received.reply_token)
    if conversation is None or conversation.contact_id not in _ids(contacts):
        return None, False
    return conversation, conversation.closed_at is None


def _school_of_reply(session: Session, clock: Clock, received: InboundMessage,
                     contacts: list[Contact]) -> int | None:
    """The one school a reply is for by the child it names, else by the only open
    conversation; None when the rules leave more than one."""
    school_ids = sorted({c.school_id for c in contacts})
    if len(school_ids) == 1:
        return school_ids[0]
    students = students_by_contact(session, _ids(contacts))
    named = {c.school_id for c in contacts
             if c.id is not None and names_a_child(received.text, students[c.id])}
    if named:
        return named.pop() if len(named) == 1 else None
    now = clock.now()
    with_open = [school_id for school_id in school_ids if current_conversation(
        session, contact_ids=_ids([c for c in contacts if c.school_id == school_id]),
        now=now) is not None]
    return with_open[0] if len(with_open) == 1 else None


def names_a_child(text: str, students: list[Student]) -> bool:
    """True when the text names one of these children by first or preferred name, exactly
    (a guessed spelling must not move a reply to another school)."""
    words = set(tokens(text))
    words |= {word[:-1] for word in words if word.endswith("s")}  # "amys": Amy's
    return any(words & names_of(_fact(student), {}) for student in students)


def _fact(student: Student) -> StudentFact:
    return StudentFact(student_id=str(student.id), first_name=student.first_name,
                       preferred_name=student.preferred_name)


def _ids(contacts: list[Contact]) -> list[int]:
    return [c.id for c in contacts if c.id is not None]

