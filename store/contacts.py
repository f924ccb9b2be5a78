"""Finding contacts by the address a message came from, and the address to reach them on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from typing import Any, Protocol

from sqlalchemy import ColumnElement, and_, bindparam
from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput
from store.institutions import SELF
from store.models.people import Contact, Student, StudentContact

CHANNELS = ("sms", "email", "telegram", "whatsapp")


class Reachable(Protocol):
    """What deciding where to reach a contact needs: a Contact, or a row a bulk query read."""

    @property
    def phone(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def telegram_chat_id(self) -> str | None: ...
    @property
    def whatsapp_opt_in(self) -> bool: ...
    @property
    def channels(self) -> Sequence[str]: ...
    @property
    def opted_out(self) -> Sequence[str]: ...
    @property
    def lost(self) -> Sequence[str]: ...


# The one rule of who is never written to, three ways: a contact marked no-contact, or
# restricted by a court order, gets no run's message, no chase, correction, closure notice or
# letter, and no other contact's failed message is carried on to them.
NEVER_WRITTEN_SQL = "NOT c.no_contact AND NOT c.court_order"  # for `contact c` in text SQL


def may_be_written_to(contact: Contact) -> bool:
    """Whether anything may be sent to this contact (see NEVER_WRITTEN_SQL)."""
    return not (contact.no_contact or contact.court_order)


def written_to() -> ColumnElement[bool]:
    """The same rule as a query's condition on `Contact`."""
    return and_(col(Contact.no_contact).is_(False), col(Contact.court_order).is_(False))


def court_restricted(session: Session, contact_ids: Collection[int]) -> set[int]:
    """Those of these contacts a court order restricts (the dispatcher's last check: nothing
    goes to them, whichever path queued it)."""
    if not contact_ids:
        return set()
    return {contact_id for contact_id in session.exec(select(Contact.id).where(
        col(Contact.id).in_(list(contact_ids)), col(Contact.court_order).is_(True)))
        if contact_id is not None}


def set_court_order(session: Session, clock: Clock, contact: Contact, *, restricted: bool,
                    actor: str) -> bool:
    """Record or lift a court order's restriction on a contact, audited; False when it already
    stood so (nothing changed)."""
    if contact.court_order == restricted:
        return False
    contact.court_order = restricted
    session.add(contact)
    audit(session, clock, actor=actor, action="contact.court_order", entity="contact",
          entity_id=contact.id, school_id=contact.school_id, old=str(not restricted).lower(),
          new=str(restricted).lower())
    return True


def normalise_email(raw: str) -> str:
    address = raw.strip().lower()
    if "@" not in address or " " in address:
        raise InvalidInput("not an email address", problem="not_an_email")
    return address


def address_for(contact: Reachable, channel: str) -> str | None:
    """Where to reach the contact on a channel, or None when they cannot be reached there."""
    if channel in contact.opted_out or channel in contact.lost:
        return None
    if channel == "whatsapp":  # their mobile, and only when they opted in to WhatsApp
        return contact.phone if contact.whatsapp_opt_in else None
    return {"sms": contact.phone, "email": contact.email,
            "telegram": contact.telegram_chat_id}.get(channel)


def whatsapp_choice(opted_in: bool) -> dict[str, Any]:
    """The contact fields an import sets for its WhatsApp column: opted in, WhatsApp is tried
    first (at their mobile), then SMS, email and Telegram; not, it is never tried (whatever
    their list says: `address_for` gives no WhatsApp address without the opt-in)."""
    if not opted_in:
        return {"whatsapp_opt_in": False}
    return {"whatsapp_opt_in": True, "channels": ["whatsapp", "sms", "email", "telegram"]}


def channel_order(contact: Reachable) -> list[str]:
    """The contact's channels in order of preference, only those that reach them."""
    return [c for c in contact.channels if address_for(contact, c)]


def set_opt_out(session: Session, clock: Clock, contacts: Sequence[Contact], *, channel: str,
                opted_out: bool, message_id: int | None) -> None:
    """Opt these contacts (everyone at one address) out of a channel, or back into it; each
    change is audited with the message that asked for it."""
    for contact in contacts:
        old = list(contact.opted_out)
        channels = [c for c in old if c != channel]
        if opted_out:
            channels.append(channel)
        if set(channels) != set(old):
            contact.opted_out = channels
            session.add(contact)
            audit(session, clock, actor="bot", action="contact.opt", entity="contact",
                  entity_id=contact.id, school_id=contact.school_id, old=",".join(old),
                  new=",".join(channels), message_id=message_id)


def contact_by_id(session: Session, contact_id: int | None) -> Contact | None:
    return session.get(Contact, contact_id) if contact_id is not None else None


def responsible_contacts(session: Session, student_ids: Collection[int]) -> list[Contact]:
    """The contacts who may be asked about these students, by priority (a contact of two of
    them is listed for each): parental responsibility known or not given, never a known no."""
    return list(session.exec(
        select(Contact).join(StudentContact, col(StudentContact.contact_id) == Contact.id)
        .where(col(StudentContact.student_id).in_(list(student_ids)),
               # Unknown parental responsibility may be asked by priority, a known no never.
               col(StudentContact.parental_responsibility).is_not(False), written_to())
        .order_by(col(StudentContact.priority), col(Contact.id))))


def contacts_of_student(session: Session, student_id: int) -> list[Contact]:
    """A student's contacts, first by priority first."""
    return list(session.exec(select(Contact).join(
        StudentContact, col(StudentContact.contact_id) == col(Contact.id))
        .where(StudentContact.student_id == student_id)
        .order_by(col(StudentContact.priority))))


def contacts_of_schools(session: Session, school_ids: Collection[int]) -> list[Contact]:
    """Every contact of these schools, by name."""
    return list(session.exec(select(Contact).where(col(Contact.school_id).in_(list(school_ids)))
                             .order_by(col(Contact.name))))


def contacts_by_address(session: Session, channel: str, address: str) -> list[Contact]:
    """Every contact with this address on this channel (one number may be shared by families)."""
    column = _address_column(channel)
    if channel == "email":
        address = address.lower()
    return list(session.exec(select(Contact).where(column == address).order_by(col(Contact.id))))


def students_by_contact(session: Session, contact_ids: Collection[int]
                        ) -> dict[int, list[Student]]:
    """Each contact's students (for deciding whose child a reply names)."""
    found: dict[int, list[Student]] = {contact_id: [] for contact_id in contact_ids}
    if not found:
        return found
    stmt = (select(StudentContact.contact_id, Student)
            .join(Student, col(Student.id) == col(StudentContact.student_id))
            .where(col(StudentContact.contact_id).in_(list(found)))
            .order_by(col(StudentContact.contact_id), col(StudentContact.priority)))
    for contact_id, student in session.exec(stmt):
        found[contact_id].append(student)
    return found


def sole_contacts(session: Session, channel: str, addresses: Collection[str]
                  ) -> dict[str, tuple[int, int]]:
    """For each address held by exactly one contact on this channel: (contact id, school id).

    One query for many addresses (the webhooks' group commit). An address shared by several
    contacts is left out, as is one nobody has: the inbound worker decides those."""
    wanted = {a.lower() if channel == "email" else a: a for a in addresses}
    matches: dict[str, list[tuple[int, int]]] = {}
    # On the connection: a Core statement gains nothing from the ORM's execution path, which
    # was half the cost of storing a webhook's group.
    rows = session.connection().execute(_BY_ADDRESSES[channel], {"addresses": list(wanted)})
    for address, contact_id, school_id in rows:
        if address is not None and contact_id is not None:
            matches.setdefault(wanted[address], []).append((contact_id, school_id))
    return {address: found[0] for address, found in matches.items() if len(found) == 1}


def _address_column(channel: str) -> Any:
    # A WhatsApp sender is their mobile number (the "whatsapp:" prefix is the channel's).
    return {"sms": Contact.phone, "email": Contact.email, "whatsapp": Contact.phone,
            "telegram": Contact.telegram_chat_id}[channel]


_BY_ADDRESSES = {  # built once: building an IN (...) per call costs more than running it
    channel: select(_address_column(channel), Contact.id, Contact.school_id).where(
        col(_address_column(channel)).in_(bindparam("addresses", expanding=True)))
    for channel in CHANNELS}


def own_contact(session: Session, student_id: int) -> Contact | None:
    """The student themself as a contact (relationship `self`), if they are one."""
    return session.exec(select(Contact).join(
        StudentContact, col(StudentContact.contact_id) == col(Contact.id))
        .where(StudentContact.student_id == student_id, StudentContact.relationship == SELF)
        .order_by(col(StudentContact.priority))).first()


def contact_of_student(session: Session, *, student_id: int, contact_id: int) -> Contact | None:
    """The contact, if they are one of this student's contacts (linked for them)."""
    return session.exec(select(Contact).join(
        StudentContact, col(StudentContact.contact_id) == col(Contact.id))
        .where(StudentContact.student_id == student_id, col(Contact.id) == contact_id)).first()


def own_contacts(session: Session, contact_ids: Collection[int]) -> set[int]:
    """Those of these contacts who are a student's own (relationship `self`): a digest to one
    speaks to the student, to anyone else about their child."""
    if not contact_ids:
        return set()
    return set(session.exec(select(StudentContact.contact_id).where(
        col(StudentContact.contact_id).in_(list(contact_ids)),
        StudentContact.relationship == SELF)))


def addresses_in_use(session: Session, school_id: int) -> Counter[str]:
    """How many of a school's contacts have each phone, email and Telegram chat (a shared
    number makes rollcall ask "which child?")."""
    return Counter(a for c in session.exec(select(Contact).where(Contact.school_id == school_id))
                   for a in (c.phone, c.email, c.telegram_chat_id) if a)
