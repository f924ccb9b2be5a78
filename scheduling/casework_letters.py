"""Attendance letters on their way: approving a draft, and sending what is approved.

An approved letter is written out in the family's language from the figures kept with it
(`channels.letters`), set as a PDF (`channels.letter_pdf`), and kept whole on its row: subject,
text, HTML, PDF, channel, address, when. It goes by email (the text and HTML, the PDF
attached) through the outbox like every message, with a short SMS or chat note that a letter
has been sent. A family with no email address it may be written to gets it by post, to the
postal address the MIS gave: the letter waits in the school's print pack
(`scheduling.casework_post`) with the address in its window, and the note says it was posted.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlmodel import Session

from channels.letter_pdf import letter_pdf
from channels.letters import ChildFigures, Letter, letter_note, write_letter
from conversations.types import ConversationKind
from store.addresses import posted_to
from store.casework import (
    LETTER_KIND,
    NOTE_KIND,
    approve_letter,
    letters_of,
    record_letter,
    withhold_letter,
)
from store.casework_ladder import school_ladder
from store.clock import Clock
from store.contacts import address_for, channel_order, contact_by_id, may_be_written_to
from store.conversations import open_conversation
from store.database import Database
from store.messages import log_queued
from store.models.casework import CaseworkLetter
from store.models.conversations import Conversation
from store.models.people import Contact
from store.models.schools import School
from store.outbox import enqueue
from store.schools import school_by_id
from store.students import names_used

log = logging.getLogger(__name__)


@dataclass
class LettersSent:
    """What one sending pass did at a school."""

    emailed: int = 0
    posted: int = 0  # waiting in the print pack
    notes: int = 0
    withheld: int = 0  # its contact was since restricted or marked no-contact


def approve(database: Database, clock: Clock, *, letter_id: int, staff_id: int) -> None:
    """A person approves a drafted letter (it goes with the next sending pass)."""
    with database.transaction() as session:
        approve_letter(session, clock, letter_id=letter_id, staff_id=staff_id)


def send_approved_letters(database: Database, clock: Clock, *, school_id: int) -> LettersSent:
    """Write out and send every approved letter of a school, in one transaction."""
    with database.transaction() as session:
        school = school_by_id(session, school_id)
        sent = send_letters(session, clock, school) if school is not None else LettersSent()
    log.info("letters school=%s emailed=%s posted=%s notes=%s withheld=%s", school_id,
             sent.emailed, sent.posted, sent.notes, sent.withheld)
    return sent


def send_letters(session: Session, clock: Clock, school: School) -> LettersSent:
    """Every approved letter of a school written out and sent, in the caller's transaction
    (a console approval sends at once)."""
    sent = LettersSent()
    assert school.id is not None
    for letter in letters_of(session, school_id=school.id, status="approved"):
        contact = contact_by_id(session, letter.contact_id)
        if contact is None or not may_be_written_to(contact):
            withhold_letter(session, clock, letter, why="contact may not be written to")
            sent.withheld += 1
            continue
        _send(session, clock, letter, contact, school=school.name, sent=sent)
    return sent


def _send(session: Session, clock: Clock, letter: CaseworkLetter, contact: Contact, *,
          school: str, sent: LettersSent) -> None:
    email = address_for(contact, "email")
    # By post: to the address the MIS gave (a letter with none waits in the print pack's
    # report as "no postal address" until it is known).
    post = None if email else posted_to(contact.name, contact.postal_address)
    written = replace(written_letter(session, letter, school=school),
                      address=address_of(post))
    pdf = letter_pdf(written)
    # The letter's own thread, about its children: what the family answers (to the email, or
    # to the note) is kept there, on each child's page, for a person to read.
    thread = open_conversation(session, clock, school_id=letter.school_id,
                               contact_id=contact.id, kind=ConversationKind.LETTER,
                               channel="email" if email else None,
                               student_ids=letter.student_ids, about=True)
    outbox_id = None
    if email is not None:
        outbox_id = _queue(session, clock, letter, contact, thread=thread, channel="email",
                           to_address=email, body=written.text, kind=LETTER_KIND)
        sent.emailed += 1
    else:
        sent.posted += 1
    note_id = _note(session, clock, letter, contact, school=school, by_post=email is None,
                    thread=thread)
    sent.notes += note_id is not None
    record_letter(session, clock, letter, subject=written.subject, text=written.text,
                  html=written.html, pdf=pdf, channel="email" if email else "post",
                  to_address=email or post, outbox_id=outbox_id, note_outbox_id=note_id,
                  status="sent" if email else "print")


def _note(session: Session, clock: Clock, letter: CaseworkLetter, contact: Contact, *,
          school: str, by_post: bool, thread: Conversation) -> int | None:
    """The short note on the contact's first chat or SMS channel (an email is its own note)."""
    channel = next((c for c in channel_order(contact) if c != "email"), None)
    address = address_for(contact, channel) if channel else None
    if channel is None or address is None:
        return None
    names = list(names_used(session, letter.student_ids).values())
    thread.channel = thread.channel or channel
    return _queue(session, clock, letter, contact, thread=thread, channel=channel,
                  to_address=address, kind=NOTE_KIND,
                  body=letter_note(language=letter.language, school=school, names=names,
                                   by_post=by_post))


def _queue(session: Session, clock: Clock, letter: CaseworkLetter, contact: Contact, *,
           thread: Conversation, channel: str, to_address: str, body: str, kind: str) -> int:
    """One message of the letter's, in its thread and the message log (staff see it there)."""
    row = enqueue(session, clock, channel=channel, to_address=to_address, body=body, kind=kind,
                  language=letter.language, school_id=letter.school_id,
                  contact_id=contact.id, conversation_id=thread.id,
                  student_ids=letter.student_ids)
    log_queued(session, clock, row, author="bot")
    assert row.id is not None
    return row.id


def written_letter(session: Session, letter: CaseworkLetter, *, school: str) -> Letter:
    """The letter in words, from the figures kept with it when it was drafted."""
    kept: Mapping[str, Mapping[str, object]] = json.loads(letter.figures)
    names = names_used(session, letter.student_ids)
    children = [ChildFigures.from_kept(names.get(student_id, ""), kept[str(student_id)])
                for student_id in letter.student_ids if str(student_id) in kept]
    letter_text = write_letter(template=letter.template, language=letter.language,
                               school=school, children=children,
                               threshold=_threshold(session, letter, kept))
    posted = letter.to_address if letter.channel == "post" else None
    return replace(letter_text, address=address_of(posted))


def address_of(posted: str | None) -> tuple[str, ...]:
    """A posted letter's kept name and address as the lines of its address window."""
    return tuple(posted.split("\n")) if posted else ()


def _threshold(session: Session, letter: CaseworkLetter,
               kept: Mapping[str, Mapping[str, object]]) -> float | None:
    """The threshold the letter quotes: its rung's, kept with the figures when it was drafted;
    for a letter drafted before thresholds were kept, the rung's in the school's ladder now."""
    for child in kept.values():
        value = child.get("threshold")
        if child.get("stage") == letter.stage and isinstance(value, int | float):
            return float(value)
    rung = next((stage for stage in school_ladder(session, school_id=letter.school_id)
                 if stage.key == letter.stage), None)
    return rung.percent if rung is not None and rung.is_threshold else None
