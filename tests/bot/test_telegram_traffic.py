"""Real Telegram update shapes (tests/fixtures/telegram/updates.json) posted to the app's webhook
and run through the inbound worker: every shape has a defined outcome, and none is dropped or
answered "we did not understand"."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from bot.app import create_app
from bot.settings import Settings
from channels.texts import render
from scheduling.inbound import InboundWorker, default_engine
from store.clock import FakeClock
from store.database import Database
from store.inbound_events import unhandled_counts
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.inbound import InboundEvent, MediaFetch
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.outbox import enqueue
from tests.bot.test_webhooks_chat import SECRET, telegram
from tests.fakes.telegram_server import TOKEN

FIXTURES: dict[str, dict[str, object]] = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "telegram" / "updates.json").read_text(
        encoding="utf-8"
    )
)
TODAY = date(2026, 11, 23)  # the clock fixture's day

# Every fixture's outcome, by name: a fixture without one fails `test_every_fixture_has_one`.
REASON = "reason recorded"  # the engine read a reason: the mark is explained, thanks sent
TO_STAFF = "handed to staff"  # kept (media queued as evidence) and a person told
ASKED = "acknowledged"  # a 👍 or a sticker alone: the bot asks for the reason, as for "ok"
LOST = "chat lost"  # the family blocked the bot: the channel is lost and staff told at once
RESTORED = "chat restored"
NO_CONTACT = "stored, nobody to apply it to"
UNHANDLED = "stored raw and counted"
OUTCOMES = {
    "text_private": REASON,
    "edited_message_private": REASON,
    "voice_note": TO_STAFF,
    "document_pdf": TO_STAFF,
    "sticker_angry": ASKED,  # a 😡 alone is weak: the reason question, as for a 👍
    "sticker_thumbs_up": ASKED,
    "video": TO_STAFF,
    "video_note": TO_STAFF,
    "shared_contact": TO_STAFF,
    "location": TO_STAFF,
    "venue": TO_STAFF,
    "audio": TO_STAFF,
    "dice_private": TO_STAFF,
    "callback_query_inline_message": REASON,
    "my_chat_member_blocked": LOST,
    "my_chat_member_unblocked": RESTORED,
    "my_chat_member_blocked_unknown_chat": NO_CONTACT,
    "edited_message_in_a_group": UNHANDLED,
    "pinned_message_private": UNHANDLED,
    "auto_delete_timer_changed_private": UNHANDLED,
    "dice_in_a_group": UNHANDLED,
    "message_reaction_in_a_group": UNHANDLED,
    "new_update_kind": UNHANDLED,
    "a_type_telegram_adds_later": UNHANDLED,
}
MEDIA = {
    "audio": "audio/mpeg",
    "voice_note": "audio/ogg",
    "document_pdf": "application/pdf",
    "video": "video/mp4",
    "video_note": "video/mp4",
}


@pytest.fixture
def app(db: Database, clock: FakeClock) -> Iterator[tuple[TestClient, InboundWorker]]:
    # The one Bot API call on these paths is answering a pressed button, which is cosmetic and
    # only logged when it fails: the base URL is a closed loopback port, so it reaches nobody.
    settings = Settings(
        database_url=db.url,
        telegram_bot_token=TOKEN,
        telegram_webhook_secret=SECRET,
        telegram_api_base="http://127.0.0.1:9",
    )
    worker = InboundWorker(database=db, clock=clock, settings=settings, engine=default_engine())
    with TestClient(create_app(settings, database=db, clock=clock, background=False)) as client:
        yield client, worker


@pytest.fixture
def family(db: Database) -> Contact:
    """Jane, on Telegram chat 5550001, whose daughter Amy is marked N this morning."""
    with db.transaction() as session:
        school = School(name="Harbour Lane Academy")
        session.add(school)
        session.flush()
        assert school.id is not None
        amy = Student(school_id=school.id, mis_id="S1", first_name="Amy", last_name="Example")
        jane = Contact(
            school_id=school.id,
            external_id="P1",
            name="Jane Example",
            telegram_chat_id="5550001",
            channels=["telegram"],
        )
        session.add_all([amy, jane])
        session.flush()
        assert amy.id is not None and jane.id is not None
        session.add_all(
            [
                StudentContact(student_id=amy.id, contact_id=jane.id),
                Mark(school_id=school.id, student_id=amy.id, day=TODAY, session="AM", code="N"),
            ]
        )
        return jane


def test_every_fixture_has_an_outcome() -> None:
    assert set(FIXTURES) == set(OUTCOMES)


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_each_real_update_is_stored_with_its_outcome(app, db, family, name) -> None:
    client, worker = app
    if OUTCOMES[name] == RESTORED:  # unblocking follows a block
        assert telegram(client, json.dumps(FIXTURES["my_chat_member_blocked"]).encode()) == 200
    body = json.dumps(FIXTURES[name]).encode()
    assert telegram(client, body) == 200
    assert telegram(client, body) == 200  # a redelivery changes nothing
    worker.process_pending()
    outcome = OUTCOMES[name]
    with db.transaction() as session:
        [event] = session.exec(
            select(InboundEvent).where(
                InboundEvent.dedupe_key == f"telegram:update:{FIXTURES[name]['update_id']}"
            )
        ).all()
        assert event.raw == body  # kept as Telegram sent it, whatever the outcome
        escalations = session.exec(select(Escalation).order_by(col(Escalation.id))).all()
        sent = [row.body for row in session.exec(select(Outbox).order_by(col(Outbox.id)))]
        jane = session.get(Contact, family.id)
        mark = session.exec(select(Mark)).one()
        media = [
            json.loads(f.ref)["content_type"]
            for f in session.exec(select(MediaFetch).where(MediaFetch.inbound_event_id == event.id))
        ]
        counts = unhandled_counts(session)
        thread = session.exec(select(Message).where(Message.inbound_event_id == event.id)).all()
    assert jane is not None
    assert render("menu.intro", "en", channel="telegram") not in sent  # never "not understood"
    assert media == ([MEDIA[name]] if name in MEDIA else [])
    if outcome == UNHANDLED:
        assert event.status == "unhandled" and sum(counts.values()) == 1
        assert escalations == [] and sent == []
        return
    assert counts == {}
    if outcome in (LOST, RESTORED, NO_CONTACT):
        assert event.status == "processed" and sent == [] and thread == []
        assert jane.lost == (["telegram"] if outcome == LOST else [])
        assert [e.contact_id for e in escalations] == (
            [jane.id] if outcome in (LOST, RESTORED) else []
        )
        return
    assert [m.contact_id for m in thread] == [jane.id]  # in the family's thread for staff
    if outcome == REASON:
        assert (mark.code, mark.reason_status) == ("I", "confirmed")
        assert sent == [render("reason.thanks", "en", channel="telegram", params={"names": "Amy"})]
    elif outcome == ASKED:
        assert sent == [render("ask.reason", "en", channel="telegram", params={"names": "Amy"})]
        assert escalations == []
    else:
        assert outcome == TO_STAFF
        [escalation] = escalations
        assert escalation.contact_id == jane.id and "no words" in escalation.why
        assert sent == [render("handoff.staff", "en", channel="telegram")]
        assert mark.reason_status == "unexplained"


def test_a_block_tells_staff_as_soon_as_it_is_stored(app, db, clock, family) -> None:
    client, _worker = app
    with db.transaction() as session:  # a reply waiting to go to the chat
        waiting = enqueue(
            session,
            clock,
            channel="telegram",
            to_address="5550001",
            body="Thank you.",
            kind="reply",
            contact_id=family.id,
            school_id=family.school_id,
        )
    assert telegram(client, json.dumps(FIXTURES["my_chat_member_blocked"]).encode()) == 200
    with db.transaction() as session:  # no worker, no send: the webhook alone did this
        [escalation] = session.exec(select(Escalation)).all()
        jane = session.get(Contact, family.id)
    assert jane is not None and jane.lost == ["telegram"]
    assert "blocked the bot" in escalation.why and escalation.status == "open"
    with db.transaction() as session:  # failed now, for failing over to carry on
        row = session.get(Outbox, waiting.id)
        assert row is not None and (row.status, row.error_code) == ("failed", "blocked")


def said(name: str, text: str, update_id: int) -> bytes:
    """The named fixture's message with other words, as another update."""
    update = json.loads(json.dumps(FIXTURES[name]))
    kind = "edited_message" if "edited_message" in update else "message"
    update["update_id"], update[kind]["text"] = update_id, text
    return json.dumps(update).encode()


def test_an_edit_replaces_a_reason_not_yet_confirmed_and_reaches_staff_after(
    app, db, family
) -> None:
    client, worker = app
    assert telegram(client, said("text_private", "We are on holiday in Spain", 1)) == 200
    worker.process_pending()
    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        assert (mark.intent, mark.reason_status) == ("holiday", "reported")
    assert telegram(client, said("edited_message_private", "Amy has a temperature", 2)) == 200
    worker.process_pending()
    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        # The edit wins; a person already has the conversation, so they confirm it.
        assert (mark.intent, mark.reason_status, mark.code) == ("illness", "reported", "N")
        sent = session.exec(select(Outbox)).all()
    assert len(sent) == 1  # the first reply's answer only: the edit is not answered


def test_an_edit_after_the_code_is_confirmed_goes_to_staff(app, db, family) -> None:
    client, worker = app
    assert telegram(client, said("text_private", "Amy has a temperature", 1)) == 200
    worker.process_pending()
    assert telegram(client, said("edited_message_private", "Amy is on holiday", 2)) == 200
    worker.process_pending()
    with db.transaction() as session:
        mark = session.exec(select(Mark)).one()
        [escalation] = session.exec(select(Escalation)).all()
        sent = session.exec(select(Outbox)).all()
    assert (mark.code, mark.reason_status, mark.intent) == ("I", "confirmed", "illness")
    assert "edited" in escalation.why and escalation.contact_id == family.id
    assert len(sent) == 1  # the thanks for the first; the edit is for a person


def test_an_update_aiogram_cannot_read_is_kept_raw_and_counted(app, db, family) -> None:
    # A real private message in an older shape: its sender has no `is_bot`. Telegram sent it
    # (our secret header is on it); refusing it would lose it once Telegram stops retrying.
    update = json.loads(json.dumps(FIXTURES["text_private"]))
    del update["message"]["from"]["is_bot"]
    body = json.dumps(update).encode()
    client, worker = app
    assert telegram(client, body) == 200
    assert telegram(client, body) == 200  # a redelivery changes nothing
    worker.process_pending()
    with db.transaction() as session:
        [event] = session.exec(
            select(InboundEvent).where(
                InboundEvent.dedupe_key == f"telegram:update:{update['update_id']}"
            )
        ).all()
        counts = unhandled_counts(session)
        sent = session.exec(select(Outbox)).all()
    assert event.raw == body and event.status == "unhandled"
    assert counts == {"unreadable message": 1}
    assert sent == []
