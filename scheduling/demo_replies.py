"""The demo's family replies: a few families answer the absence run (issue 21).

A reviewer opening the console after `rollcall demo` should find conversations to act on, not
an inbox that only fills once they type on the demo phone. So after the morning's runs a
handful of invented families whose child was marked absent reply, each stored exactly as the
demo phone stores a reply (`channels.events.store_received`, as a webhook would), so the
inbound worker, the engine and escalations read them like real texts. The families are picked
deterministically (lowest contact id of a language, one absent child, an address of their own)
and each reply has a fixed provider id, so a restarted demo stores nothing twice.
"""

from __future__ import annotations

from collections import Counter

from sqlmodel import Session

from channels.base import InboundMessage
from channels.events import store_received
from store.clock import Clock
from store.contacts import addresses_in_use
from store.database import Database
from store.models.people import Contact
from store.outbox import told_of_kind

# (language, what the family writes): an urgent "where is she?", an illness that confirms, an
# appointment, an unclear reply and a call request, in the demo's own languages.
REPLIES: tuple[tuple[str, str], ...] = (
    ("en", "I dropped her at the gate at 8.40, where is she?"),
    ("pl", "Dzień dobry, córka jest chora, gorączka, zostaje dziś w domu"),
    ("ar", "مساء الخير، عندها موعد في عيادة الأسنان الساعة العاشرة، وستعود بعد الظهر"),
    ("cy", "Dim syniad, mae hi wedi gadael y tŷ bore ma?"),
    ("ur", "براہ کرم مجھے فون کریں، مجھے بات کرنی ہے"),
)

def send_family_replies(database: Database, clock: Clock, *, school_id: int) -> int:
    """Store the demo families' replies to today's absence messages; how many were new."""
    new = 0
    with database.transaction() as session:
        for n, (_contact, channel, address, text) in enumerate(_repliers(session, school_id)):
            _event, is_new = store_received(session, clock, InboundMessage(
                channel=channel, sender=address, text=text,
                provider_id=f"demo-reply-{school_id}-{n}", received_at=clock.now()), raw=None)
            new += is_new
    return new


def _repliers(session: Session, school_id: int) -> list[tuple[Contact, str, str, str]]:
    """For each reply, the first contact of its language told of exactly one absent child on
    an address no other contact shares (so no "which child?"), with the channel and address
    the absence message went to."""
    rows = told_of_kind(session, school_id=school_id, kind="absence")
    told = Counter(contact.id for _row, contact in rows)
    addresses = addresses_in_use(session, school_id)
    picked: list[tuple[Contact, str, str, str]] = []
    for language, text in REPLIES:
        for row, contact in rows:
            if (contact.language == language and told[contact.id] == 1
                    and addresses[row.to_address] == 1
                    and all(p[0].id != contact.id for p in picked)):
                picked.append((contact, row.channel, row.to_address, text))
                break
    return picked
