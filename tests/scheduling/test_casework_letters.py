"""Letters from the weekly pass to the family's inbox: approved by a person (or at once on an
automatic rung), written in the family's language with their children's figures, sent by the
dispatcher as an email with the HTML and the PDF to a real SMTP server (aiosmtpd on loopback),
a short SMS note through the fake Twilio, and every letter kept with what, to whom, when and
how. A family without an email address gets theirs in the print pack for post."""

from __future__ import annotations

import re
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlmodel import select

from channels.email import EmailChannel, EmailConfig
from channels.sms import SmsChannel
from scheduling.casework import casework_pass
from scheduling.casework_letters import approve, print_pack, send_approved_letters
from scheduling.dispatcher import Dispatcher
from store.casework_ladder import Stage, save_ladder
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models import AuditEntry, CaseworkLetter, Outbox, StaffUser
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
    report = casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6,
                         min_possible=10)
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


@needs_fonts
def test_a_family_without_email_gets_the_letter_by_post(db: Database, clock: FakeClock) -> None:
    friendly = Stage("friendly", "below", "letter", percent=95.0,
                     template="letter.friendly", automatic=True)
    with db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(friendly,))
        school.student("Tahmina", sessions(47, 3), school.family("Dad", language="bn",
                                                                 email=False))
    report = casework_pass(db, clock, school_id=school.id, day=FRIDAY, rolling_weeks=6,
                         min_possible=10)
    assert report.approved == 1 and report.sent is not None
    assert (report.sent.emailed, report.sent.posted, report.sent.notes) == (0, 1, 1)
    letter = _letter(db)
    assert (letter.status, letter.channel, letter.to_address, letter.outbox_id) == (
        "print", "post", None, None)
    pack = print_pack(db, school_id=school.id)
    assert pack is not None and pack.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pack)) == 1
    with db.transaction() as session:
        [note] = session.exec(select(Outbox)).all()
    assert (note.kind, note.channel) == ("letter_note", "sms")
    assert "ডাকে" in note.body  # "by post", in Bengali
