"""A school with its own sender address (the school setting `email_from`) still routes a
family's email reply by the conversation's reply token (issue 15: "a reply belongs to a school
by its reply token; a child it names; the only open conversation at that address").

Jane has children at two schools and an open conversation at each, so neither a child's name
(her reply names none) nor the only open conversation can decide: the token alone must. Hill
Primary sends from office@hill.example.org; Demo Academy shares the service's own address. The
absence email goes through the dispatcher to a real SMTP server (aiosmtpd), Jane's reply comes
back as a raw message posted to /webhooks/email, and the inbound worker reads it, whichever of
our addresses the reply was sent to."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import parseaddr
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.outbox import enqueue
from tests.channels.test_email_send import Catcher, smtp  # noqa: F401 (aiosmtpd fixture)
from tests.scheduling.test_alert_email_replies import (  # noqa: F401 (app, dispatcher fixtures)
    INBOUND_TOKEN,
    client,
    dispatcher,
    post,
    reply_to,
    settings,
)
from tests.scheduling.test_routing import conversation_for, rows, second_school
from tests.scheduling.world import World

JANE = "jane.smith@example.org"  # Amy and Ben's mother at Demo Academy, Cara's at Hill
HILL_FROM = "Hill Primary <office@hill.example.org>"
WORDS = "sorry, she is not well today"  # names no child: only the token can place it


async def hills_absence_email(db: Database, clock: FakeClock, world: World,
                              outbox: Dispatcher, catcher: Catcher
                              ) -> tuple[EmailMessage, Conversation]:
    """Both schools have a thread open with Jane; Hill's absence email about Cara goes out
    through aiosmtpd. (The email Jane's mail server received, Hill's conversation.)"""
    hill, cara, jane_at_hill = second_school(db, email_from=HILL_FROM)
    conversation_for(db, clock, school_id=world.school_id, contact_id=world.contacts["P1"],
                     student_ids=list(world.students.values()), channel="email")
    hills = conversation_for(db, clock, school_id=hill, contact_id=jane_at_hill,
                             student_ids=[cara], channel="email")
    with db.transaction() as session:
        enqueue(session, clock, channel="email", to_address=JANE, kind="absence",
                body="Hill Primary: Cara was marked absent this morning. Please reply with "
                     "the reason.", school_id=hill, contact_id=jane_at_hill,
                conversation_id=hills, student_ids=[cara])
        conversation = session.get_one(Conversation, hills)
        session.expunge(conversation)
    await outbox.drain()
    [(_from, to, email)] = catcher.received
    assert to == [JANE]
    return email, conversation


def post_to(app: TestClient, raw: bytes, *, envelope_to: str) -> None:
    """Posted as our mail server posts it when it names the envelope's recipient."""
    answer = app.post(f"/webhooks/email?to={quote(envelope_to)}", content=raw, headers={
        "content-type": "message/rfc822", "authorization": f"Bearer {INBOUND_TOKEN}"})
    assert answer.status_code == 200


async def test_the_schools_own_address_carries_the_conversations_reply_token(
        db: Database, clock: FakeClock, world: World, dispatcher: Dispatcher,  # noqa: F811
        smtp: tuple[Catcher, int]) -> None:  # noqa: F811
    email, conversation = await hills_absence_email(db, clock, world, dispatcher, smtp[0])
    assert parseaddr(str(email["From"]))[1] == "office@hill.example.org"
    assert parseaddr(str(email["Reply-To"]))[1] == (
        f"office+{conversation.reply_token}@hill.example.org")
    assert str(conversation.reply_token) in str(email["List-Unsubscribe"])


@pytest.mark.parametrize("answer_to", [
    "reply-to",  # as her mail client answers: the school's own address with the token
    "service",  # the service's own address with the token (a thread from before the setting)
    "envelope",  # the school's mail server forwards it, naming the address only in ?to=
])
async def test_a_reply_to_a_schools_own_address_is_routed_by_its_token(
        db: Database, clock: FakeClock, world: World, dispatcher: Dispatcher,  # noqa: F811
        smtp: tuple[Catcher, int], client: TestClient,  # noqa: F811
        worker: InboundWorker, answer_to: str) -> None:
    email, conversation = await hills_absence_email(db, clock, world, dispatcher, smtp[0])
    token = conversation.reply_token
    if answer_to == "reply-to":
        post(client, reply_to(email, WORDS, sender=JANE, to=str(email["Reply-To"])))
    elif answer_to == "service":
        post(client, reply_to(email, WORDS, sender=JANE,
                              to=f"Demo Academy <attendance+{token}@example.org>"))
    else:
        post_to(client, reply_to(email, WORDS, sender=JANE, to=HILL_FROM),
                envelope_to=f"office+{token}@hill.example.org")
    assert worker.process_pending() == 1

    with db.transaction() as session:
        [message] = rows(session, Message, direction="in")
        assert (message.school_id, message.conversation_id) == (
            conversation.school_id, conversation.id)
        assert message.body == WORDS
        # Demo Academy, whose thread with Jane is open too, sees nothing of it.
        assert rows(session, Escalation, school_id=world.school_id) == []
        assert rows(session, Message, school_id=world.school_id) == []
        marks = {m.student_id: m.code for m in rows(session, Mark)}
        assert marks[world.students["Amy"]] == marks[world.students["Ben"]] == "N"
        # The token and the sender agree: Cara's reason is trusted and confirmed.
        [cara] = [m for m in rows(session, Mark, school_id=conversation.school_id)]
        assert (cara.code, cara.reason_status) == ("I", "confirmed")


async def test_a_reply_with_no_token_to_a_schools_own_address_is_that_schools(
        db: Database, clock: FakeClock, world: World, dispatcher: Dispatcher,  # noqa: F811
        smtp: tuple[Catcher, int], client: TestClient,  # noqa: F811
        worker: InboundWorker) -> None:
    # A fresh email to Hill's own address (no token): the address it was sent to decides the
    # school, so it is never shown to Demo Academy, which shares the service's address.
    email, conversation = await hills_absence_email(db, clock, world, dispatcher, smtp[0])
    post(client, reply_to(email, WORDS, sender=JANE, to=HILL_FROM))
    assert worker.process_pending() == 1

    with db.transaction() as session:
        [message] = rows(session, Message, direction="in")
        assert message.school_id == conversation.school_id
        assert rows(session, Escalation, school_id=world.school_id) == []
        assert rows(session, Message, school_id=world.school_id) == []
