"""Who is speaking: the school, the contacts and the conversation an inbound message is for.

One rule, in this order (issues 14 and 15):
1. the conversation an email's reply token names, when it is with a contact at the sender's
   address: an unguessable token outranks the address the reply came to (a thread begun
   before its school had an address of its own is answered to the service's);
2. the school the message was sent *to*: a school's own number or address, or every school
   sharing ours (one Telegram bot, one default number); among the contacts at the sender's
   address there, on a text or chat channel, the attendance letter's thread when the newest
   message that went to them there is in it (the letter's note, or a person's reply since);
3. the school of a child the reply names;
4. the only school with an open conversation at that address.
The same rules (3 and 4) then choose between families of that school sharing the address.
The latest outbound message alone never decides. A reply these rules leave between schools
(a shared number, a parent with children at two schools) is never guessed: staff of each
school see it, without the other school's children. Families of one school the rules cannot
tell apart go to the engine together, in the thread at that address, and the engine asks which
child; once its decisions are about one family's children only, the message, its answer and
the conversation's state move to that family's own thread (`settle_family`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session

from channels.base import InboundMessage
from conversations.children import names_of
from conversations.dialogue import WHICH_CHILD
from conversations.text import tokens
from conversations.types import (
    ConversationState,
    Decision,
    Escalate,
    Facts,
    RecordReason,
    StudentFact,
)
from store.clock import Clock
from store.contacts import CHANNELS, contacts_by_address, students_by_contact
from store.conversations import (
    conversation_by_reply_token,
    current_conversation,
    letter_thread,
    open_conversation,
    save_state,
    state_from_json,
)
from store.messages import move_message
from store.models.conversations import Conversation, Message
from store.models.people import Contact, Student
from store.models.schools import School
from store.schools import school_by_id, schools_sent_to


@dataclass(frozen=True, slots=True)
class Family:
    """Contacts at one address in one school who share children (a mother and a father on one
    number are one family; two families sharing a phone are two), with those children."""

    school_id: int
    contacts: tuple[Contact, ...]
    students: tuple[Student, ...]

    @property
    def student_ids(self) -> frozenset[int]:
        return frozenset(s.id for s in self.students if s.id is not None)


@dataclass(slots=True)
class Speaker:
    """A message placed in one school: its contacts there (the one in conversation first),
    their open conversation, and whether the sender may have a reason auto-confirmed.
    `families` lists the families the engine was given together (none when it is one)."""

    school: School
    contacts: list[Contact]
    conversation: Conversation | None
    trusted: bool
    families: tuple[Family, ...] = ()


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A message no rule gives to one school: staff of each of these schools see it.
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
    everywhere: list[Contact] = []
    if received.channel in CHANNELS and received.sender:
        everywhere = contacts_by_address(session, received.channel, received.sender)
    conversation, trusted = _by_reply_token(session, received, everywhere)
    if conversation is not None:
        owner = school_by_id(session, conversation.school_id)
        families = _families(session, [c for c in everywhere
                                       if c.school_id == conversation.school_id])
        family = next(f for f in families if conversation.contact_id in _ids(f.contacts))
        if conversation.closed_at is not None:
            conversation = _open_in(session, clock, [family])
        if owner is not None:
            return _speaker(owner, [family], conversation, trusted)
    contacts = [c for c in everywhere if c.school_id in reached]
    if not contacts:
        return Unplaced(tuple(schools))
    families = _families(session, contacts)
    letter = (letter_thread(session, contact_ids=_ids(contacts), channel=received.channel,
                            now=clock.now()) if received.channel != "email" else None)
    if letter is not None:
        family = next(f for f in families if letter.contact_id in _ids(f.contacts))
        return _speaker(reached[family.school_id], [family], letter, trusted)
    by_school = [_together(f for f in families if f.school_id == school_id)
                 for school_id in dict.fromkeys(f.school_id for f in families)]
    school = _one_by_rule(session, clock, received, by_school)
    if school is None:
        theirs = {c.school_id for c in contacts}
        return Unplaced(tuple(s for s in schools if s.id in theirs), tuple(contacts))
    at_school = [f for f in families if f.school_id == school.school_id]
    thread = _open_in(session, clock, at_school)
    if len(at_school) > 1 and not _asked_which_child(thread):
        one = _one_by_rule(session, clock, received, at_school)
        if one is not None:
            return _speaker(reached[school.school_id], [one], _open_in(session, clock, [one]),
                            trusted)
    return _speaker(reached[school.school_id], at_school, thread, trusted)


def settle_family(session: Session, clock: Clock, *, speaker: Speaker,
                  decisions: Sequence[Decision], message: Message, conversation: Conversation,
                  facts: Facts) -> tuple[list[Contact], Conversation, Facts]:
    """Families given to the engine together, and its decisions are about one family's
    children only: the message, its answer (in that family's language) and the new state
    belong to that family's thread. The thread it arrived in forgets its which-child question.
    Returns the contacts, conversation and facts to apply the decisions with."""
    family = _decided_family(speaker.families, decisions)
    if family is None:
        return speaker.contacts, conversation, facts
    own = _open_in(session, clock, [family]) or open_conversation(
        session, clock, school_id=speaker.school.id or 0, contact_id=family.contacts[0].id,
        kind=conversation.kind, channel=conversation.channel)
    if own.id != conversation.id:
        asked = state_from_json(conversation.state_json)
        if asked.stage == WHICH_CHILD:
            save_state(session, conversation, replace(
                asked, stage=ConversationState().stage, pending_intent=None,
                pending_student_ids=(), pending_text="", pending_from=None, pending_until=None))
    contacts = sorted(family.contacts, key=lambda c: c.id != own.contact_id)
    move_message(session, message, conversation_id=own.id, contact_id=contacts[0].id)
    ids = {str(i) for i in family.student_ids}
    facts = replace(facts, contact_id=str(contacts[0].id), language=contacts[0].language,
                    students=tuple(s for s in facts.students if s.student_id in ids))
    return contacts, own, facts


def names_a_child(text: str, students: Sequence[Student]) -> bool:
    """True when the text names one of these children by first or preferred name, exactly
    (a guessed spelling must not move a reply to another school or family)."""
    words = set(tokens(text))
    words |= {word[:-1] for word in words if word.endswith("s")}  # "amys": Amy's
    return any(words & names_of(_fact(student), {}) for student in students)


def _families(session: Session, contacts: list[Contact]) -> list[Family]:
    """The address's contacts grouped into families: same school, linked by a shared child."""
    students = students_by_contact(session, _ids(contacts))
    families: list[Family] = []
    for contact in contacts:
        mine = Family(contact.school_id, (contact,), tuple(students.get(contact.id or 0, [])))
        joined = [f for f in families
                  if f.school_id == contact.school_id and f.student_ids & mine.student_ids]
        families = [f for f in families if f not in joined] + [_together([*joined, mine])]
    return families


def _together(families: Iterable[Family]) -> Family:
    """Several families (of one school) as one group."""
    group = list(families)
    students = {s.id: s for f in group for s in f.students}
    return Family(group[0].school_id, tuple(c for f in group for c in f.contacts),
                  tuple(students.values()))


def _one_by_rule(session: Session, clock: Clock, received: InboundMessage,
                 groups: list[Family]) -> Family | None:
    """The one group a reply is for: the only one with a child it names, else (when it names
    none) the only one with an open conversation; None when the rules leave several."""
    if len(groups) == 1:
        return groups[0]
    named = [g for g in groups if names_a_child(received.text, g.students)]
    if named:
        return named[0] if len(named) == 1 else None
    with_open = [g for g in groups if _open_in(session, clock, [g]) is not None]
    return with_open[0] if len(with_open) == 1 else None


def _decided_family(families: Sequence[Family],
                    decisions: Sequence[Decision]) -> Family | None:
    about: set[int] = set()
    for decision in decisions:
        if isinstance(decision, RecordReason):
            about.add(int(decision.student_id))
        elif isinstance(decision, Escalate):
            about.update(int(s) for s in decision.student_ids)
    fits = [f for f in families if about and about <= f.student_ids]
    return fits[0] if len(fits) == 1 else None


def _asked_which_child(thread: Conversation | None) -> bool:
    """The thread at this address is waiting for our which-child question's answer."""
    return thread is not None and state_from_json(thread.state_json).stage == WHICH_CHILD


def _open_in(session: Session, clock: Clock, families: list[Family]) -> Conversation | None:
    contacts = [c for f in families for c in f.contacts]
    return current_conversation(session, contact_ids=_ids(contacts), now=clock.now())


def _speaker(school: School, families: list[Family], conversation: Conversation | None,
             trusted: bool) -> Speaker:
    contacts = [c for f in families for c in f.contacts]
    if conversation is not None:
        in_conversation = conversation.contact_id
        contacts.sort(key=lambda c: c.id != in_conversation)
    return Speaker(school=school, contacts=contacts, conversation=conversation,
                   trusted=trusted, families=tuple(families) if len(families) > 1 else ())


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


def _fact(student: Student) -> StudentFact:
    return StudentFact(student_id=str(student.id), first_name=student.first_name,
                       preferred_name=student.preferred_name)


def _ids(contacts: Sequence[Contact]) -> list[int]:
    return [c.id for c in contacts if c.id is not None]
