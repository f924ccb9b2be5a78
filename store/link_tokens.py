"""One-time tokens that link a Telegram chat to a contact.

The school sends `https://t.me/<bot>?start=<token>` by SMS or email; opening it makes Telegram
send `/start <token>` from the family's chat. Only a hash of the token is stored, so a copy of
the database links nobody. A token links once, before it expires; a used, expired or guessed
token links nothing.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.errors import NotFound
from store.models.people import Contact, LinkToken
from store.tokens import hash_token

DEFAULT_TTL = timedelta(days=7)
CHANNEL = "telegram"


def issue_link_token(session: Session, clock: Clock, *, contact_id: int,
                     ttl: timedelta = DEFAULT_TTL) -> str:
    """A new token for this contact; the caller puts it in the link it sends. 32 URL-safe
    characters (192 random bits), within Telegram's 64-character start parameter."""
    if session.get(Contact, contact_id) is None:
        raise NotFound(f"no contact {contact_id}")
    token = secrets.token_urlsafe(24)
    session.add(LinkToken(token_hash=hash_token(token), contact_id=contact_id,
                          expires_at=clock.now() + ttl))
    session.flush()
    return token


def redeem_link_token(session: Session, clock: Clock, *, token: str,
                      chat_id: str) -> Contact | None:
    """Link `chat_id` to the token's contact and spend the token, or None if it links nothing.

    The token is spent by one conditional UPDATE, so two `/start`s racing on two nodes cannot
    both win."""
    now = clock.now()
    spent = session.execute(
        update(LinkToken)
        .where(col(LinkToken.token_hash) == hash_token(token), col(LinkToken.used_at).is_(None),
               col(LinkToken.expires_at) > now)
        .values(used_at=now))
    if spent.rowcount != 1:  # type: ignore[attr-defined]
        return None
    row = session.exec(select(LinkToken).where(LinkToken.token_hash == hash_token(token))).one()
    contact = session.get(Contact, row.contact_id)
    if contact is None:
        return None
    _link(session, clock, contact=contact, chat_id=chat_id)
    return contact


def _link(session: Session, clock: Clock, *, contact: Contact, chat_id: str) -> None:
    old = contact.telegram_chat_id
    contact.telegram_chat_id = chat_id
    # Linking is a deliberate act: it undoes an earlier /stop or a blocked bot, and the
    # family chose Telegram, so it comes first among their channels.
    contact.lost = [c for c in contact.lost if c != CHANNEL]
    contact.opted_out = [c for c in contact.opted_out if c != CHANNEL]
    contact.channels = [CHANNEL, *(c for c in contact.channels if c != CHANNEL)]
    session.add(contact)
    audit(session, clock, actor=f"contact:{contact.id}", action="telegram.linked",
          entity="contact", entity_id=contact.id, school_id=contact.school_id,
          old=None if old is None else "linked", new="linked")

