"""A real MIME reply posted to /webhooks/email reaches the engine with only the family's words
(issue 16): the quote header and our own quoted message never become part of the reason.

The thread is the one a school really has: our absence email went out in Polish (an outbox row
with its Message-ID and the conversation's reply token), Jane answers from Gmail or from a
client that pastes our message back bare, and the inbound worker reads the stored reply."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from bot.app import create_app
from bot.settings import Settings
from scheduling.inbound import InboundWorker, default_engine
from scheduling.wording import run_text
from store.clock import FakeClock
from store.conversations import open_conversation
from store.database import Database
from store.models.conversations import Message
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from store.outbox import enqueue
from tests.channels.email_reply_cases import reply_cases
from tests.scheduling.world import MONDAY, World, build_school

INBOUND_TOKEN = "inbound-token-for-tests"
OUR_ID = "<rollcall.1.5f2c9a0e1b7d4c36@example.org>"
REPLY = "Amy jest chora, ma gorączkę."


@pytest.fixture
def client(db: Database, clock: FakeClock) -> Iterator[TestClient]:
    settings = Settings(
        database_url=db.url,
        smtp_url="smtp://127.0.0.1:2525",
        email_from="Demo Academy <attendance@example.org>",
        email_inbound_token=INBOUND_TOKEN,
    )
    with TestClient(create_app(settings, database=db, clock=clock, background=False)) as test:
        yield test


@pytest.fixture
def world(db: Database) -> World:
    world = build_school(db)
    with db.transaction() as session:
        jane = session.get(Contact, world.contacts["P1"])
        assert jane is not None
        jane.language = "pl"
        session.add(jane)
    return world


def absence_email_sent(db: Database, clock: FakeClock, world: World) -> tuple[str, str]:
    """Our Polish absence email about Amy, sent in its conversation: (reply token, its text)."""
    text = run_text(
        "absence",
        school_name="Demo Academy",
        language="pl",
        bilingual=False,
        names=["Amy"],
        day=MONDAY,
        channel="email",
    )
    with db.transaction() as session:
        conversation = open_conversation(
            session,
            clock,
            school_id=world.school_id,
            contact_id=world.contacts["P1"],
            channel="email",
            student_ids=[world.students["Amy"]],
        )
        row = enqueue(
            session,
            clock,
            channel="email",
            to_address="jane.smith@example.org",
            body=text,
            kind="absence",
            language="pl",
            school_id=world.school_id,
            contact_id=world.contacts["P1"],
            conversation_id=conversation.id,
            student_ids=[world.students["Amy"]],
        )
        row.status, row.provider_id = "sent", OUR_ID
        session.add(row)
        assert conversation.reply_token is not None
        return conversation.reply_token, text


def reply_mime(token: str, body: str, *, message_id: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Jane Smith <jane.smith@example.org>"
    message["To"] = f"Demo Academy <attendance+{token}@example.org>"
    message["Subject"] = "Re: Demo Academy: nieobecność"
    message["Message-ID"] = message_id
    message["In-Reply-To"] = OUR_ID
    message["References"] = f"<conversation.0a1b2c3d4e5f60718293@example.org> {OUR_ID}"
    message.set_content(body, cte="quoted-printable")
    return bytes(message)


def post(client: TestClient, raw: bytes) -> None:
    response = client.post(
        "/webhooks/email",
        content=raw,
        headers={"content-type": "message/rfc822", "authorization": f"Bearer {INBOUND_TOKEN}"},
    )
    assert response.status_code == 200


def process(db: Database, clock: FakeClock) -> None:
    worker = InboundWorker(
        database=db, clock=clock, settings=Settings(database_url=db.url), engine=default_engine()
    )
    assert worker.process_pending() == 1


def what_the_engine_read(session: Session) -> Message:
    [message] = session.exec(select(Message).where(Message.direction == "in")).all()
    return message


def amys_mark(session: Session, world: World) -> Mark:
    [mark] = session.exec(select(Mark).where(Mark.student_id == world.students["Amy"])).all()
    return mark


def test_a_polish_gmail_reply_is_read_without_its_quote_header(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    # The issue's case: Gmail's Polish attribution ("pon., 23 lis 2026 o 08:00 ...
    # napisał(a):") leaked into the reason and the quoted school message was read with it.
    token, ours = absence_email_sent(db, clock, world)
    quoted = "\n".join(f"> {line}" for line in ours.splitlines())
    body = (
        f"{REPLY}\n\npon., 23 lis 2026 o 08:00 Demo Academy <attendance@example.org>\n"
        f"napisał(a):\n\n{quoted}\n"
    )
    post(client, reply_mime(token, body, message_id="<CAJpl.gmail.0001@mail.gmail.com>"))
    process(db, clock)
    with db.transaction() as session:
        message = what_the_engine_read(session)
        assert message.body == REPLY
        assert message.intent == "illness"
        mark = amys_mark(session, world)
        assert (mark.code, mark.reason_status) == ("I", "confirmed")


def answered(
    client: TestClient,
    db: Database,
    clock: FakeClock,
    world: World,
    *,
    body: str,
    message_id: str,
    token: str,
) -> tuple[str, str]:
    """Post Jane's reply, run the worker: (what the engine read, Amy's code)."""
    post(client, reply_mime(token, body, message_id=message_id))
    process(db, clock)
    with db.transaction() as session:
        return what_the_engine_read(session).body, amys_mark(session, world).code


def test_our_message_pasted_back_bare_is_cut_by_what_we_sent(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    # No header, no "> ": only our own sent text says where Jane's words end.
    token, ours = absence_email_sent(db, clock, world)
    assert answered(
        client,
        db,
        clock,
        world,
        body=f"{REPLY}\n\n{ours}\n",
        message_id="<bare.0001@example.org>",
        token=token,
    ) == (REPLY, "I")


def test_an_answer_below_our_quoted_message_is_kept(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    token, ours = absence_email_sent(db, clock, world)
    read = answered(
        client,
        db,
        clock,
        world,
        body=f"Dzień dobry,\n\n{ours}\n\n{REPLY}\n\nJane\n",
        message_id="<bottom.0001@example.org>",
        token=token,
    )
    assert read == (f"Dzień dobry,\n\n{REPLY}\n\nJane", "I")


def test_without_a_sent_message_the_markers_still_cut(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    # A reply to the plain address (no token, no In-Reply-To we know): markers alone.
    raw = reply_mime(
        "unknown-token-000000",
        f"{REPLY}\n\n-----Oryginalna wiadomość-----\n"
        "Od: Demo Academy <attendance@example.org>\nWysłano: 23.11.2026\n"
        "Temat: nieobecność\n\nZ okazji zawodów ze szkołą ...\n",
        message_id="<nothread.0001@example.org>",
    )
    post(client, raw.replace(OUR_ID.encode(), b"<someone.else@example.org>"))
    process(db, clock)
    with db.transaction() as session:
        assert what_the_engine_read(session).body == REPLY
        outbox = session.exec(select(Outbox).order_by(col(Outbox.id))).all()
        assert outbox  # the absence email at least: nothing was deleted


def test_every_real_mime_reply_is_stored_as_only_the_familys_words(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    # The corpus's whole messages (talon's, from real clients), posted to the app and read by
    # the worker: what is stored for staff and the engine is the expected reply.
    cases = [c for c in reply_cases() if c.path.suffix == ".eml"]
    assert len(cases) >= 10
    for case in cases:
        post(client, case.raw)
    worker = InboundWorker(
        database=db, clock=clock, settings=Settings(database_url=db.url), engine=default_engine()
    )
    assert worker.process_pending() == len(cases)
    with db.transaction() as session:
        stored = session.exec(select(Message).where(Message.direction == "in")).all()
        assert sorted(m.body.split() for m in stored) == sorted(c.expected.split() for c in cases)


def test_a_reply_to_an_attendance_letter_goes_to_a_person_not_the_register(
    client: TestClient, db: Database, clock: FakeClock, world: World
) -> None:
    # "Amy was ill" in answer to a first-concern letter is about the pattern, not today's mark:
    # a person reads it; the bot records nothing.
    from store.casework import LETTER_KIND
    from store.models.escalations import Escalation

    token, _ = absence_email_sent(db, clock, world)
    with db.transaction() as session:
        [row] = session.exec(select(Outbox)).all()
        row.kind = LETTER_KIND
        session.add(row)
    post(client, reply_mime(token, REPLY, message_id="<letter.reply.0001@example.org>"))
    process(db, clock)
    with db.transaction() as session:
        assert amys_mark(session, world).code == "N"
        [escalation] = session.exec(select(Escalation)).all()
        assert "letter" in escalation.why
