"""One-time Telegram link tokens: link once, before expiry; used, expired, guessed link nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from store.database import Database
from store.errors import NotFound
from store.link_tokens import issue_link_token, redeem_link_token
from store.models.audit import AuditEntry
from store.models.people import Contact, LinkToken
from store.models.schools import School
from store.tokens import hash_token


@pytest.fixture
def contact_id(db: Database) -> int:
    with db.transaction() as session:
        school = School(name="Demo Academy")
        session.add(school)
        session.flush()
        contact = Contact(school_id=school.id, external_id="P1", name="Jane Smith",
                          phone="+447700900001", channels=["sms", "email", "telegram"],
                          lost=["telegram"], opted_out=["telegram"])
        session.add(contact)
        session.flush()
        return contact.id


def test_a_token_links_the_chat_once(db, clock, contact_id) -> None:
    with db.transaction() as session:
        token = issue_link_token(session, clock, contact_id=contact_id)
    assert len(token) == 32
    with db.transaction() as session:
        linked = redeem_link_token(session, clock, token=token, chat_id="5550001")
    assert linked is not None and linked.id == contact_id
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact.telegram_chat_id == "5550001"
        assert contact.channels == ["telegram", "sms", "email"]
        assert (contact.lost, contact.opted_out) == ([], [])
        [entry] = session.exec(select(AuditEntry)).all()
        assert entry.action == "telegram.linked"
        assert "5550001" not in (entry.new_value or "")
    with db.transaction() as session:
        assert redeem_link_token(session, clock, token=token, chat_id="5550666") is None
    with db.transaction() as session:
        assert session.get(Contact, contact_id).telegram_chat_id == "5550001"


def test_only_the_hash_is_stored(db, clock, contact_id) -> None:
    with db.transaction() as session:
        token = issue_link_token(session, clock, contact_id=contact_id)
    with db.transaction() as session:
        [row] = session.exec(select(LinkToken)).all()
        assert row.token_hash == hash_token(token) and token not in row.token_hash


def test_an_expired_token_links_nothing(db, clock, contact_id) -> None:
    with db.transaction() as session:
        token = issue_link_token(session, clock, contact_id=contact_id,
                                 ttl=timedelta(hours=1))
    clock.advance(timedelta(hours=1))
    with db.transaction() as session:
        assert redeem_link_token(session, clock, token=token, chat_id="5550001") is None
    with db.transaction() as session:
        contact = session.get(Contact, contact_id)
        assert contact.telegram_chat_id is None
        assert session.get(LinkToken, 1).used_at is None


def test_a_guessed_token_links_nothing(db, clock, contact_id) -> None:
    with db.transaction() as session:
        token = issue_link_token(session, clock, contact_id=contact_id)
    for guess in ("", token[:-1], token.upper(), "x" * 32):
        with db.transaction() as session:
            assert redeem_link_token(session, clock, token=guess, chat_id="5550001") is None
    with db.transaction() as session:
        assert session.get(Contact, contact_id).telegram_chat_id is None


def test_no_token_for_a_contact_that_does_not_exist(db, clock) -> None:
    with db.transaction() as session, pytest.raises(NotFound):
        issue_link_token(session, clock, contact_id=999)
