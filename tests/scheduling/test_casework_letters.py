"""Letters from the weekly pass to the family's inbox: approved by a person (or at once on an
automatic rung), written in the family's language with their children's figures, sent by the
dispatcher as an email with the HTML and the PDF to a real SMTP server (aiosmtpd on loopback),
a short SMS note through the fake Twilio, and every letter kept with what, to whom, when and
how. A family without an email address gets theirs in the print pack for post."""

from __future__ import annotations

import io
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from pypdf import PdfReader
from sqlmodel import select

from channels.email import EmailChannel, EmailConfig
from channels.sms import SmsChannel
from scheduling.casework import casework_pass
from scheduling.casework_letters import approve, send_approved_letters
from scheduling.casework_post import PrintPack, print_pack
from scheduling.dispatcher import Dispatcher
from store.casework_ladder import Stage, save_ladder
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models.audit import AuditEntry
from store.models.casework import CaseworkLetter
from store.models.outbound import Outbox
from store.models.people import Contact
from store.models.schools import School
from store.models.staff import StaffUser
from tests.channels.test_email_send import Catcher, free_port
from tests.fakes.twilio_server import FakeTwilio
from tests.fonts import needs_fonts
from tests.scheduling.casework_world import FRIDAY, SchoolWorld, sessions

FROM = "Hillside Academy <attendance@example.org>"


@pytest.fixture
def smtp() -> Iterator[tuple[Catcher, int]]:
    catcher, port = Catcher(), free_port()
    controller = Controller(catcher, hostname="127.0.0.1", port=port)
    controller.start()
    yield catcher, port
    controller.stop()


def _email(port: int, clock: FakeClock) -> EmailChannel:
    return EmailChannel(EmailConfig(smtp_url=f"smtp://127.0.0.1:{port}", from_address=FROM),
                        clock=clock)


def _letter(db: Database) -> CaseworkLetter:
    with db.transaction() as session:
        letter = session.exec(select(CaseworkLetter)).one()
        session.expunge(letter)
        return letter


def _officer(db: Database) -> int:
    with db.transaction() as session:
        officer = StaffUser(email="officer@example.org", name="Olu Officer")
        session.add(officer)
        session.flush()
        assert officer.id is not None
        return officer.id


@needs_fonts
async def test_an_approved_letter_goes_by_email_with_its_pdf_and_a_text_note(
        db: Database, clock: FakeClock, smtp: tuple[Catcher, int], twilio: FakeTwilio,
        sms: SmsChannel) -> None:
    catcher, port = smtp
    with db.transaction() as session:
        school = SchoolWorld(session)
        mum = school.family("Mum", language="ar")
        school.student("Yusuf", sessions(45, 5), mum)  # 90%: persistent
        school.student("Maryam", sessions(47, 3), mum)  # 94%: friendly
    report = casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6)
    assert (report.drafted, report.sent) == (1, None)
    draft = _letter(db)
    assert (draft.status, draft.outbox_id, draft.pdf) == ("draft", None, None)
    # Nothing goes before a person approves it.
    assert send_approved_letters(db, clock, school_id=school.id).emailed == 0
    officer = _officer(db)
    approve(db, clock, letter_id=draft.id or 0, staff_id=officer)
    with pytest.raises(InvalidInput):
        approve(db, clock, letter_id=draft.id or 0, staff_id=officer)
    sent = send_approved_letters(db, clock, school_id=school.id)
    assert (sent.emailed, sent.posted, sent.notes) == (1, 0, 1)

    dispatcher = Dispatcher(db, clock, {"email": _email(port, clock), "sms": sms})
    assert await dispatcher.drain() == 2
    [(_, recipients, email)] = catcher.received
    assert recipients == ["mum@example.org"]
    assert email["Subject"] == "Hillside Academy: حضور Yusuf وMaryam"
    assert isinstance(email, EmailMessage)
    text = email.get_body(("plain",))
    html = email.get_body(("html",))
    assert text is not None and html is not None
    assert "Yusuf، هذا العام الدراسي: نسبة الحضور 90.0%، 45 من 50 حصة" in text.get_content()
    assert '<html lang="ar" dir="rtl">' in html.get_content()
    [pdf] = [part for part in email.iter_attachments()]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == f"attendance-letter-{draft.id}.pdf"
    assert pdf.get_content().startswith(b"%PDF-")
    [note] = twilio.created()
    assert note["to"] == "+447700900123"
    assert note["body"] == ("Hillside Academy: أرسلنا إليكم بالبريد الإلكتروني رسالة بشأن "
                            "حضور Yusuf وMaryam.")

    kept = _letter(db)
    assert (kept.status, kept.channel, kept.to_address, kept.approved_by) == (
        "sent", "email", "mum@example.org", officer)
    assert kept.sent_at == clock.now() and kept.pdf == pdf.get_content()
    sent_text = text.get_content().replace("\r\n", "\n").rstrip("\n")
    assert kept.subject == email["Subject"] and kept.body_text == sent_text
    with db.transaction() as session:
        rows = {row.id: (row.kind, row.channel, row.status) for row in session.exec(select(Outbox))}
        actions = [entry.action for entry in session.exec(select(AuditEntry))
                   if entry.entity == "letter"]
    assert rows == {kept.outbox_id: ("letter", "email", "sent"),
                    kept.note_outbox_id: ("letter_note", "sms", "sent")}
    assert actions == ["letter.draft", "letter.approved", "letter.sent"]


def _posted(db: Database, clock: FakeClock, *families: tuple[str, tuple[str, ...]]) -> int:
    """A school whose friendly rung goes without approval, a child below it in each of these
    families (no email: their letters go by post), after the weekly pass: the school's id."""
    friendly = Stage("friendly", "below", "letter", percent=95.0,
                     template="letter.friendly", automatic=True)
    with db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(friendly,))
        for n, (name, address) in enumerate(families):
            school.student(f"Child{n}", sessions(47, 3), school.family(
                name, language="bn", email=False, address=address))
    report = casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6)
    assert report.sent is not None and report.sent.posted == len(families)
    return school.id


def _pack(db: Database, clock: FakeClock, school_id: int) -> PrintPack:
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None
        return print_pack(session, clock, school)


def _page_text(pdf: bytes, page: int) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[page].extract_text()


DAD = ("Flat 3", "12 Beech Grove", "Leeds", "ZZ1 4AB")


@needs_fonts
def test_a_family_without_email_gets_the_letter_by_post_to_its_address(
        db: Database, clock: FakeClock) -> None:
    school_id = _posted(db, clock, ("Dad", DAD))
    letter = _letter(db)
    assert (letter.status, letter.channel, letter.outbox_id) == ("print", "post", None)
    assert letter.to_address == "Dad\nFlat 3\n12 Beech Grove\nLeeds\nZZ1 4AB"
    assert letter.pdf is not None and "12 Beech Grove" in _page_text(letter.pdf, 0)
    pack = _pack(db, clock, school_id)
    assert pack.pdf is not None and (pack.printed, pack.unaddressed) == ((letter.id,), ())
    assert len(PdfReader(io.BytesIO(pack.pdf)).pages) == 1
    assert "Dad\nFlat 3\n12 Beech Grove\nLeeds\nZZ1 4AB" in _page_text(pack.pdf, 0)
    with db.transaction() as session:
        [note] = session.exec(select(Outbox)).all()
    assert (note.kind, note.channel) == ("letter_note", "sms")
    assert "ডাকে" in note.body  # "by post", in Bengali


@needs_fonts
def test_a_letter_with_no_postal_address_is_reported_not_skipped(
        db: Database, clock: FakeClock) -> None:
    school_id = _posted(db, clock, ("Dad", DAD), ("Mum", ()))
    mums = next(letter for letter in _letters(db) if letter.to_address is None)
    pack = _pack(db, clock, school_id)
    assert pack.pdf is not None and len(pack.printed) == 1
    assert [(u.letter_id, u.contact) for u in pack.unaddressed] == [(mums.id, "Mum")]
    # The MIS gives Mum's address: her letter is in the next pack, the address recorded on it.
    with db.transaction() as session:
        mum = session.exec(select(Contact).where(Contact.name == "Mum")).one()
        mum.postal_address = ["9 Elm Road", "Bradford", "ZZ2 7CD"]
        session.add(mum)
    pack = _pack(db, clock, school_id)
    assert pack.unaddressed == () and len(pack.printed) == 2 and pack.pdf is not None
    assert "9 Elm Road" in _page_text(pack.pdf, 1)
    with db.transaction() as session:
        kept = session.get(CaseworkLetter, mums.id)
        assert kept is not None and kept.to_address == "Mum\n9 Elm Road\nBradford\nZZ2 7CD"
        assert [a.action for a in session.exec(select(AuditEntry).where(
            AuditEntry.entity_id == str(mums.id)))][-1] == "letter.addressed"


@needs_fonts
def test_a_letter_waiting_for_post_is_withheld_once_a_court_order_restricts_its_contact(
        db: Database, clock: FakeClock) -> None:
    school_id = _posted(db, clock, ("Dad", DAD))
    with db.transaction() as session:
        dad = session.exec(select(Contact)).one()
        dad.court_order = True
        session.add(dad)
    pack = _pack(db, clock, school_id)
    assert (pack.pdf, pack.printed, pack.withheld) == (None, (), 1)
    assert _letter(db).status == "withheld"


def _letters(db: Database) -> list[CaseworkLetter]:
    with db.transaction() as session:
        letters = list(session.exec(select(CaseworkLetter)))
        for letter in letters:
            session.expunge(letter)
        return letters
