"""Which MIS each school is linked to, and how far its pulls have read."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session, col, select

from store.audit import audit
from store.clock import Clock
from store.errors import InvalidInput, NotFound
from store.mis_records import Cursors
from store.models.mis import MisLink, MisRef
from store.models.schools import School

PROVIDERS = ("wonde",)


def link_school(session: Session, clock: Clock, *, school_id: int, provider: str,
                mis_school_id: str) -> MisLink:
    """Link a school to its MIS (or change the link: the cursors start again, a full pull)."""
    if provider not in PROVIDERS:
        raise InvalidInput(f"unknown MIS connector {provider!r}: one of {', '.join(PROVIDERS)}")
    if not mis_school_id.strip():
        raise InvalidInput("the school's id in the MIS is empty")
    if session.get(School, school_id) is None:
        raise NotFound(f"no school with id {school_id}")
    link = mis_link(session, school_id) or MisLink(school_id=school_id, provider=provider,
                                                   mis_school_id="", created_at=clock.now())
    if (link.provider, link.mis_school_id) != (provider, mis_school_id.strip()):
        link.provider, link.mis_school_id = provider, mis_school_id.strip()
        link.students_cursor = link.contacts_cursor = link.marks_cursor = None
        session.add(link)
        session.flush()
        audit(session, clock, actor="system", action="mis.linked", entity="school",
              entity_id=school_id, school_id=school_id, new=f"{provider}:{link.mis_school_id}")
    return link


def mis_link(session: Session, school_id: int) -> MisLink | None:
    return session.exec(select(MisLink).where(MisLink.school_id == school_id)).first()


def mis_links(session: Session, *, school_id: int | None = None) -> list[MisLink]:
    """Every linked school's link (or one school's), in school order."""
    stmt = select(MisLink).order_by(col(MisLink.school_id))
    if school_id is not None:
        stmt = stmt.where(MisLink.school_id == school_id)
    return list(session.exec(stmt))


def cursors_of(session: Session, link: MisLink) -> Cursors:
    """Where the link's next pull starts, and the attendance code ids it already knows."""
    return Cursors(students=link.students_cursor, contacts=link.contacts_cursor,
                   marks=link.marks_cursor,
                   known_codes=frozenset(refs(session, school_id=link.school_id, kind="code")))


def record_pull(session: Session, clock: Clock, *, school_id: int, cursors: Cursors | None,
                error: str | None = None) -> None:
    """After a pull: the cursors it reached (with its writes, in the same transaction), or
    the error that stopped it (the cursors stay, so the next pull asks again)."""
    link = mis_link(session, school_id)
    if link is None:
        return
    link.last_pull_at = clock.now()
    link.last_pull_error = error
    if cursors is not None:
        link.students_cursor = cursors.students
        link.contacts_cursor = cursors.contacts
        link.marks_cursor = cursors.marks
    session.add(link)


def refs(session: Session, *, school_id: int, kind: str,
         mis_ids: Collection[str] | None = None) -> dict[str, MisRef]:
    """The MIS's ids of one kind of thing at a school (student, contact, code), keyed by the
    MIS's id: all of them, or those of `mis_ids`."""
    stmt = select(MisRef).where(MisRef.school_id == school_id, MisRef.kind == kind)
    if mis_ids is not None:
        if not mis_ids:
            return {}
        stmt = stmt.where(col(MisRef.mis_id).in_(sorted(mis_ids)))
    return {ref.mis_id: ref for ref in session.exec(stmt)}
