"""The dispatcher's side of the outbox in the database: claiming due rows under a lease,
checking each is still right to send, and recording what happened.

Claiming uses `FOR UPDATE SKIP LOCKED` on PostgreSQL, so any number of dispatchers share the
queue without waiting on each other; SQLite has one writer at a time, so one claimer. A row
whose lease ran out while claimed belonged to a dispatcher that died mid-send: it is claimed
again with `reconcile` set, and the provider is asked before it is sent again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypedDict

from sqlmodel import Session

from channels.base import Attachment
from scheduling.digests import recomposed
from scheduling.wording import run_text
from store import calendar
from store.casework import LETTER_KIND, SentLetter, letters_sent_by
from store.clock import Clock
from store.contacts import court_restricted, own_contacts
from store.conversations import conversation_by_id, current_conversation, open_conversation
from store.database import rows_by_id, without_autoflush
from store.delivery import UNCONFIRMED
from store.events import MissedEvent, missed_with_times
from store.inbound_events import last_heard
from store.models.outbound import Outbox, Run
from store.models.schools import School
from store.outbox import lock_due
from store.recipients import still_marked
from store.self_certifications import still_missed
from store.students import names_used

# Kinds of message that are about today's marks, and which marks keep them worth sending.
MARKS_OF_KIND = {"absence": "absence", "catch_up": "absence", "chase": "absence",
                 "pm_absence": "pm_absence", "pm_catch_up": "pm_absence", "late": "late"}
# Broadcasts wait out the school's quiet hours: the runs' messages and the corrections of them.
# Everything else answers someone now (a reply in a conversation the family just wrote in, an
# urgent holding message, a staff alert) and goes at any hour; a staff reply in quiet hours is
# held when it is queued unless the person confirmed it (`staff_actions.reply`).
DIGEST = "digest"  # a college or university student's evening digest (scheduling/digests.py)
BROADCASTS = frozenset({*MARKS_OF_KIND, "correction", DIGEST})
COURT_ORDER = "court order: this contact is never written to"  # a cancelled row's reason


@dataclass(frozen=True, slots=True)
class Claimed:
    """One claimed row, as the sending side needs it (no ORM object crosses threads)."""

    id: int
    channel: str
    to: str
    body: str
    language: str
    kind: str
    urgent: bool
    attempts: int
    school_id: int | None
    contact_id: int | None
    conversation_id: int | None
    sender: str | None
    expires_at: datetime | None
    claimed_at: datetime
    reconcile: bool
    options: tuple[tuple[str, str], ...] = ()  # a menu: buttons on chat, numbered lines elsewhere
    reply_token: str | None = None  # email: the conversation a reply is routed back to
    last_inbound_at: datetime | None = None  # WhatsApp: when the family last wrote to us
    school_name: str | None = None  # WhatsApp: the school's templates carry its name
    subject: str | None = None  # email: a letter's own subject
    html: str | None = None  # email: a letter's own HTML
    attachments: tuple[Attachment, ...] = ()  # email: a letter's PDF


def _reply_token(session: Session, clock: Clock, row: Outbox) -> str | None:
    """The reply token of the conversation an email to a contact belongs to, opened if need be."""
    if row.channel != "email" or row.contact_id is None or row.school_id is None:
        return None
    conversation = (conversation_by_id(session, row.conversation_id) if row.conversation_id
                    else current_conversation(session, contact_ids=[row.contact_id],
                                              now=clock.now()))
    if conversation is None:
        conversation = open_conversation(session, clock, school_id=row.school_id,
                                         contact_id=row.contact_id, kind=_KIND.get(row.kind,
                                         "absence"), channel="email",
                                         student_ids=row.student_ids)
    row.conversation_id = conversation.id
    return conversation.reply_token


_KIND = {"late": "late", "digest": "self_report"}  # a digest is answered by the student


class _LetterParts(TypedDict, total=False):
    subject: str
    html: str
    attachments: tuple[Attachment, ...]


def _letter_parts(letter: SentLetter | None) -> _LetterParts:
    """An attendance letter's subject, HTML and PDF for the email that carries it."""
    if letter is None:
        return {}
    return {"subject": letter.subject, "html": letter.html,
            "attachments": (Attachment(letter.filename, "application/pdf", letter.pdf),)}


def menu_of(row: Outbox) -> tuple[tuple[str, str], ...]:
    """The (value, label) choices stored beside a message's text."""
    return tuple((str(v), str(label)) for v, label in json.loads(row.options)) \
        if row.options else ()


def claim_due(session: Session, *, now: datetime, limit: int, lease: timedelta,
              clock: Clock | None = None) -> tuple[int, list[Claimed]]:
    """Claim up to `limit` due rows (urgent first), check each, and return how many rows were
    taken off the queue and those to send now.

    The marks of the whole batch are re-read in one query per (day, kind), and nothing is
    flushed until the end, so a batch costs a handful of statements, not several a row.
    `clock` lets an email to a contact open its conversation, so that the Reply-To address can
    carry the conversation's token and the reply is trusted (the runs compose without one)."""
    rows = lock_due(session, now=now, limit=limit)
    ready: list[Claimed] = []
    heard = last_heard(session, channel="whatsapp",
                       senders=[r.to_address for r in rows if r.channel == "whatsapp"])
    with without_autoflush(session):
        schools = rows_by_id(session, School, {r.school_id for r in rows})
        runs = rows_by_id(session, Run, {r.run_id for r in rows})
        marked = _still_marked_batch(session, rows, runs)
        letters = letters_sent_by(session, outbox_ids=[r.id for r in rows
                                                       if r.kind == LETTER_KIND and r.id])
        restricted = court_restricted(session, {r.contact_id for r in rows
                                                if r.contact_id is not None})
        for row in rows:
            reconcile = row.status == "claimed" or (row.error_code or "").startswith(UNCONFIRMED)
            school = schools.get(row.school_id) if row.school_id is not None else None
            if row.contact_id in restricted:
                # Whichever path queued it (a reply, a holding message, a staff reply, a
                # letter drafted before the order was recorded): nothing goes to them.
                _finish(row, "cancelled", COURT_ORDER)
                continue
            if row.expires_at is not None and row.expires_at <= now:
                _finish(row, "expired", "validity passed before it could be sent")
                continue
            if (school is not None and row.kind in BROADCASTS and not row.urgent
                    and calendar.in_quiet_hours(school, now)):
                row.status, row.lease_until = "pending", None
                row.next_attempt_at = calendar.quiet_hours_end(school, now)
                continue
            row.status, row.lease_until = "claimed", now + lease
            row.claimed_at = row.claimed_at if reconcile and row.claimed_at else now
            row.attempts += 1
            # A row that may already have gone keeps its words until the provider is asked.
            if school is not None and not reconcile and not _still_true(
                    session, row, school, runs, marked):
                continue
            ready.append(Claimed(
                id=row.id or 0, channel=row.channel, to=row.to_address, body=row.body,
                language=row.language, kind=row.kind, urgent=row.urgent,
                attempts=row.attempts, school_id=row.school_id, contact_id=row.contact_id,
                conversation_id=row.conversation_id,
                sender=_sender(school, row.channel), expires_at=row.expires_at,
                claimed_at=row.claimed_at, reconcile=reconcile, options=menu_of(row),
                reply_token=row.reply_token or (_reply_token(session, clock, row) if clock
                                                else None),
                last_inbound_at=heard.get(row.to_address) if row.channel == "whatsapp"
                else None,
                school_name=school.name if school is not None else None,
                **_letter_parts(letters.get(row.id or 0))))
    return len(rows), ready


@dataclass(slots=True)
class Marked:
    """What a batch's run messages are checked against just before they go."""

    # (day, marks kind or "digest") -> students still so marked (or still with a missed event)
    students: dict[tuple[date, str], set[int]]
    # day -> each digest student's missed events then, with when each last changed
    missed: dict[date, dict[int, list[tuple[MissedEvent, datetime]]]]
    own: set[int]  # the batch's digest contacts who are the student themself


def _still_marked_batch(session: Session, rows: list[Outbox], runs: dict[int, Run]) -> Marked:
    """The students of a batch's run messages whose marks still call for their message (a
    digest's: who still has a missed event their day's certifications do not cover, and
    which)."""
    asked: dict[tuple[date, str], set[int]] = {}
    digest_contacts: set[int] = set()
    for row in rows:
        marks_kind = MARKS_OF_KIND.get(row.kind)
        run = runs.get(row.run_id) if row.run_id is not None else None
        if marks_kind is not None and run is not None and row.student_ids:
            asked.setdefault((run.day, marks_kind), set()).update(row.student_ids)
        elif row.kind == DIGEST and run is not None and row.student_ids:
            asked.setdefault((run.day, DIGEST), set()).update(row.student_ids)
            digest_contacts.add(row.contact_id or 0)
    return Marked(
        students={(day, kind): still_missed(session, ids, day=day) if kind == DIGEST
                  else still_marked(session, sorted(ids), day=day, kind=kind)
                  for (day, kind), ids in asked.items()},
        missed={day: missed_with_times(session, ids, day=day)
                for (day, kind), ids in asked.items() if kind == DIGEST},
        own=own_contacts(session, digest_contacts))


def _digest_still_true(session: Session, row: Outbox, school: School, day: date,
                       marked: Marked) -> bool:
    """Drop the lines of a digest whose events were marked present or authorised (or whose
    student certified the day) since it was composed; cancel it when none is left."""
    still = marked.students[(day, DIGEST)]
    composed = row.created_at
    events = {sid: [event for event, changed in marked.missed[day].get(sid, ())
                    if composed is None or changed <= composed]
              for sid in row.student_ids if sid in still}
    kept = [sid for sid in row.student_ids if events.get(sid)]
    if not kept:
        _finish(row, "cancelled", "self-certified or authorised before sending")
        return False
    names = names_used(session, kept) if row.contact_id not in marked.own else None
    body = recomposed(school, day, language=row.language, channel=row.channel,
                      events=[event for sid in kept for event in events[sid]],
                      names=[names[sid] for sid in kept] if names is not None else None)
    if body != row.body:  # something was overtaken: the digest says only what still stands
        row.body, row.student_ids = body, kept
    return True


def _still_true(session: Session, row: Outbox, school: School, runs: dict[int, Run],
                marked: Marked) -> bool:
    """Drop the children of a run message now present or explained, and cancel the message
    when none is left (a digest whose student has certified the day since, or whose missed
    events were all authorised). Returns whether it should still go."""
    marks_kind = MARKS_OF_KIND.get(row.kind)
    run = runs.get(row.run_id) if row.run_id is not None else None
    if row.kind == DIGEST and row.student_ids and run is not None:
        return _digest_still_true(session, row, school, run.day, marked)
    if marks_kind is None or not row.student_ids or run is None:
        return True
    ids = row.student_ids
    still = marked.students[(run.day, marks_kind)].intersection(ids)
    if len(still) == len(ids):
        return True
    if not still:
        _finish(row, "cancelled", "register corrected before sending")
        return False
    names = names_used(session, still)
    kept = [sid for sid in ids if sid in still]
    row.student_ids = kept
    row.body = run_text(row.kind, school_name=school.name, language=row.language,
                        bilingual=school.welsh_bilingual and row.language == "cy",
                        names=[names[sid] for sid in kept], day=run.day,
                        channel=row.channel)
    return True


def _sender(school: School | None, channel: str) -> str | None:
    if school is None:
        return None
    return {"sms": school.sms_sender, "email": school.email_from}.get(channel)


def _finish(row: Outbox, status: str, why: str) -> None:
    row.status, row.error_code, row.lease_until = status, why, None
