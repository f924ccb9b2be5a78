"""The append-only audit log."""

from __future__ import annotations

from sqlmodel import Session

from store.clock import Clock
from store.models import AuditEntry


def audit(session: Session, clock: Clock, *, actor: str, action: str, entity: str,
          entity_id: object, school_id: int | None = None, old: str | None = None,
          new: str | None = None, message_id: int | None = None) -> None:
    """Record one change. Never updated or deleted afterwards."""
    session.add(AuditEntry(at=clock.now(), actor=actor, action=action, entity=entity,
                           entity_id=str(entity_id), school_id=school_id, old_value=old,
                           new_value=new, message_id=message_id))
