"""Attendance letters going by post: the print pack and its report.

A letter for a family with no email address waits (status `print`) with the name and address
it is posted to, which its PDF prints in a window envelope's window. The pack is every waiting
letter that has an address, one a page; its report names every waiting letter that has none
("no postal address"), never leaving one out silently. A letter that had no address when it
was sent takes the contact's address once the MIS gives one (recorded on the letter, audited);
one whose contact a court order has since restricted is withheld, never printed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session

from channels.letter_pdf import letters_pdf
from scheduling.casework_letters import address_of, written_letter
from store.addresses import posted_to
from store.casework import address_letter, letters_of, withhold_letter
from store.clock import Clock
from store.contacts import contact_by_id, may_be_written_to
from store.models.casework import CaseworkLetter
from store.models.schools import School


@dataclass(frozen=True, slots=True)
class Unaddressed:
    """A letter waiting to be posted to a contact the MIS gave no postal address for."""

    letter_id: int
    student_ids: tuple[int, ...]
    contact: str  # the contact's name, for staff to find them in the MIS


@dataclass(frozen=True, slots=True)
class PostSummary:
    """What waits to be posted at a school, before anything is printed."""

    addressed: tuple[tuple[CaseworkLetter, str], ...]  # each with the name and address
    unaddressed: tuple[Unaddressed, ...]
    barred: tuple[CaseworkLetter, ...]  # their contact may no longer be written to


@dataclass(frozen=True, slots=True)
class PrintPack:
    """The letters to post as one PDF (None: none has an address), and the report."""

    pdf: bytes | None
    printed: tuple[int, ...]  # the letters in the pack, in page order
    unaddressed: tuple[Unaddressed, ...]  # "no postal address": not in the pack
    withheld: int  # restricted since they were sent: withheld, not printed


def waiting_for_post(session: Session, *, school_id: int) -> PostSummary:
    """The school's letters waiting to be posted, sorted by whether they can be (read only)."""
    addressed: list[tuple[CaseworkLetter, str]] = []
    unaddressed: list[Unaddressed] = []
    barred: list[CaseworkLetter] = []
    for letter in letters_of(session, school_id=school_id, status="print"):
        contact = contact_by_id(session, letter.contact_id)
        if contact is None or not may_be_written_to(contact):
            barred.append(letter)
            continue
        address = letter.to_address or posted_to(contact.name, contact.postal_address)
        if address:
            addressed.append((letter, address))
        else:
            unaddressed.append(Unaddressed(letter.id or 0, tuple(letter.student_ids),
                                           contact.name))
    return PostSummary(tuple(addressed), tuple(unaddressed), tuple(barred))


def print_pack(session: Session, clock: Clock, school: School) -> PrintPack:
    """Print the school's waiting letters that have an address; report those that have none.
    An address found since a letter was sent is recorded on it; a letter whose contact may no
    longer be written to is withheld."""
    assert school.id is not None
    waiting = waiting_for_post(session, school_id=school.id)
    for letter in waiting.barred:
        withhold_letter(session, clock, letter, why="contact may not be written to")
    pages = []
    for letter, address in waiting.addressed:
        if letter.to_address != address:
            address_letter(session, clock, letter, to_address=address)
        pages.append(replace(written_letter(session, letter, school=school.name),
                             address=address_of(address)))
    return PrintPack(pdf=letters_pdf(pages) if pages else None,
                     printed=tuple(letter.id or 0 for letter, _ in waiting.addressed),
                     unaddressed=waiting.unaddressed, withheld=len(waiting.barred))
