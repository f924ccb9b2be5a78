"""Casework rows: where each student stands on the ladder, who a letter may go to, and the
letters themselves (every one kept: drafted, approved, sent or withheld)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.contacts import written_to
from store.errors import InvalidInput
from store.models.casework import CaseworkCase, CaseworkLetter
from store.models.people import Contact, StudentContact


def cases_of(session: Session, *, school_id: int) -> dict[int, CaseworkCase]:
    """Every student's place on the ladder at a school, by student id."""
    return {case.student_id: case for case in session.exec(
        select(CaseworkCase).where(CaseworkCase.school_id == school_id))}


def place(session: Session, clock: Clock, *, school_id: int, case: CaseworkCase | None,
          student_id: int, stage: str | None, day: date) -> CaseworkCase:
    """Put a student on a rung (None: off the ladder), audited."""
    if case is None:
        case = CaseworkCase(school_id=school_id, student_id=student_id)
    old = case.stage
    case.stage, case.stage_since, case.updated_at = stage, day, clock.now()
    session.add(case)
    session.flush()
    audit(session, clock, actor="system", action="casework.stage", entity="student",
          entity_id=student_id, school_id=school_id, old=old, new=stage)
    return case


def note_review(session: Session, clock: Clock, *, school_id: int, case: CaseworkCase | None,
                student_id: int, day: date) -> CaseworkCase:
    """Record that the framework's staff review was raised for a student on `day`."""
    if case is None:
        case = CaseworkCase(school_id=school_id, student_id=student_id)
    case.review_on, case.updated_at = day, clock.now()
    session.add(case)
    session.flush()
    return case


@dataclass(frozen=True, slots=True)
class LetterContact:
    """A contact a letter about a student may go to."""

    contact_id: int
    student_id: int
    language: str
    email: str | None
    phone: str | None
    telegram_chat_id: str | None


def letter_contacts(session: Session, *, student_ids: Collection[int]
                    ) -> dict[int, list[LetterContact]]:
    """Each student's contacts a letter may go to, first priority first: only contacts with
    parental responsibility known to be theirs (an unknown one is not assumed), never one
    marked no-contact or restricted by a court order."""
    if not student_ids:
        return {}
    rows = session.exec(
        select(col(StudentContact.student_id), Contact)
        .join(Contact, col(Contact.id) == col(StudentContact.contact_id))
        .where(col(StudentContact.student_id).in_(list(student_ids)),
               col(StudentContact.parental_responsibility).is_(True), written_to())
        .order_by(col(StudentContact.student_id), col(StudentContact.priority),
                  col(Contact.id)))
    found: dict[int, list[LetterContact]] = {}
    for student_id, contact in rows:
        assert contact.id is not None
        found.setdefault(student_id, []).append(LetterContact(
            contact_id=contact.id, student_id=student_id, language=contact.language,
            email=contact.email, phone=contact.phone, telegram_chat_id=contact.telegram_chat_id))
    return found


def add_letter(session: Session, clock: Clock, letter: CaseworkLetter) -> CaseworkLetter:
    """Keep a new letter (drafted, approved to send, or withheld), audited."""
    letter.created_at = clock.now()
    session.add(letter)
    session.flush()
    audit(session, clock, actor="system", action=f"letter.{letter.status}", entity="letter",
          entity_id=letter.id, school_id=letter.school_id, new=letter.stage)
    return letter


LETTER_KIND = "letter"  # the outbox kind of the email carrying a letter
NOTE_KIND = "letter_note"  # and of the short note that one has gone


@dataclass(frozen=True, slots=True)
class SentLetter:
    """What the email carrying a letter needs beyond its outbox row."""

    subject: str
    html: str
    pdf: bytes
    filename: str


def letters_sent_by(session: Session, *, outbox_ids: Collection[int]) -> dict[int, SentLetter]:
    """The letters these outbox rows carry, by outbox id."""
    if not outbox_ids:
        return {}
    found = {}
    for letter in session.exec(select(CaseworkLetter).where(
            col(CaseworkLetter.outbox_id).in_(list(outbox_ids)))):
        if letter.outbox_id and letter.subject and letter.body_html and letter.pdf:
            found[letter.outbox_id] = SentLetter(letter.subject, letter.body_html, letter.pdf,
                                                 f"attendance-letter-{letter.id}.pdf")
    return found


def approve_letter(session: Session, clock: Clock, *, letter_id: int,
                   staff_id: int) -> CaseworkLetter:
    """A person approves a drafted letter; InvalidInput for one not waiting for approval."""
    letter = session.get(CaseworkLetter, letter_id)
    if letter is None or letter.status != "draft":
        raise InvalidInput(f"letter {letter_id} is not a draft waiting for approval",
                           problem="letter_not_draft")
    letter.status, letter.approved_by, letter.approved_at = "approved", staff_id, clock.now()
    session.add(letter)
    audit(session, clock, actor=f"staff:{staff_id}", action="letter.approved", entity="letter",
          entity_id=letter_id, school_id=letter.school_id, old="draft", new="approved")
    return letter


def withhold_letter(session: Session, clock: Clock, letter: CaseworkLetter, *,
                    why: str) -> None:
    """An approved letter that may not go after all (its contact was since restricted or
    marked no-contact): kept as withheld, for staff to see, audited with why."""
    old, letter.status = letter.status, "withheld"
    session.add(letter)
    audit(session, clock, actor="system", action="letter.withheld", entity="letter",
          entity_id=letter.id, school_id=letter.school_id, old=old, new=why)


def address_letter(session: Session, clock: Clock, letter: CaseworkLetter, *,
                   to_address: str) -> None:
    """A letter waiting to be posted takes the postal address found for its contact since it
    was sent (it had none then), audited."""
    old, letter.to_address = letter.to_address, to_address
    session.add(letter)
    audit(session, clock, actor="system", action="letter.addressed", entity="letter",
          entity_id=letter.id, school_id=letter.school_id, old=old, new=to_address)


def record_letter(session: Session, clock: Clock, letter: CaseworkLetter, *, subject: str,
                  text: str, html: str, pdf: bytes, channel: str, to_address: str | None,
                  outbox_id: int | None, note_outbox_id: int | None, status: str) -> None:
    """Keep what a letter said, how and to whom it went, and when (sent, or in the print
    pack for post)."""
    letter.subject, letter.body_text, letter.body_html, letter.pdf = subject, text, html, pdf
    letter.channel, letter.to_address = channel, to_address
    letter.outbox_id, letter.note_outbox_id = outbox_id, note_outbox_id
    letter.status, letter.sent_at = status, clock.now()
    session.add(letter)
    audit(session, clock, actor="system", action=f"letter.{status}", entity="letter",
          entity_id=letter.id, school_id=letter.school_id, old="approved",
          new=f"{channel}:{outbox_id or ''}")


def letters_of(session: Session, *, school_id: int, status: str | None = None
               ) -> list[CaseworkLetter]:
    """A school's letters, oldest first (one status, or all)."""
    stmt = select(CaseworkLetter).where(CaseworkLetter.school_id == school_id)
    if status is not None:
        stmt = stmt.where(CaseworkLetter.status == status)
    return list(session.exec(stmt.order_by(col(CaseworkLetter.id))))
