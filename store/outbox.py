"""Putting messages into the outbox: every outbound message is stored before it is sent."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlmodel import Session

from store.clock import Clock
from store.models import Outbox


def enqueue(session: Session, clock: Clock, *, channel: str, to_address: str, body: str,
            kind: str, language: str = "en", school_id: int | None = None,
            contact_id: int | None = None, staff_user_id: int | None = None,
            conversation_id: int | None = None, student_ids: Iterable[int] = (),
            urgent: bool = False, run_id: int | None = None,
            expires_at: datetime | None = None,
            options: Sequence[tuple[str, str]] = (),
            due_at: datetime | None = None) -> Outbox:
    """Add one message to the outbox, due now (or at `due_at`: a staff reply held for the end
    of quiet hours). The dispatcher sends it; nothing else does."""
    row = Outbox(school_id=school_id, contact_id=contact_id, staff_user_id=staff_user_id,
                 conversation_id=conversation_id, run_id=run_id, kind=kind, channel=channel,
                 to_address=to_address, body=body, language=language,
                 student_ids=list(student_ids), urgent=urgent,
                 created_at=clock.now(), next_attempt_at=due_at or clock.now(),
                 expires_at=expires_at,
                 options=json.dumps([list(o) for o in options], ensure_ascii=False)
                 if options else "")
    session.add(row)
    session.flush()
    return row
