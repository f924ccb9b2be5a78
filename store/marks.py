"""Register marks: writing what the register says (imports, the REST API) and reading them back.

A register write never clobbers a reason rollcall has collected: an `N` arriving for a mark
whose reason was already reported or confirmed (by a parent through the bot, or by staff) is
kept as it is. Every real change bumps `Mark.version`, stamps `updated_at` and is audited; a
write that would change nothing writes nothing, so re-sending the same register is a no-op.
Every write settles the advance notices of the sessions it brings (store/notices.py), in the
same transaction: this module is the one place register marks arrive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from store.audit import audit
from store.bulk import insert_rows, write_rows
from store.clock import Clock
from store.codes import RETIRED_CODES, validate_code
from store.columns import parse_date, parse_session, read_field
from store.errors import InvalidCode, InvalidInput, NoMarkYet
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.people import Student
from store.notices import TakenSession, settle_notices
from store.write_back import queue_new_pushes

MarkKey = tuple[int, date, str]  # (student id, day, session)

# Codes that still need a reason from the family when the register records them.
NEEDS_REASON = frozenset({"N", "L"})


class MarkOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT = "kept"  # an N that would have overwritten a reason already given


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """One session of one student as a register (CSV import, REST push) states it."""

    student_id: int
    day: date
    session: str
    code: str

    @property
    def key(self) -> MarkKey:
        return (self.student_id, self.day, self.session)


# How MIS exports write a session whose register is not taken yet (SIMS prints "-", Bromcom's
# weekly grid leaves the days ahead blank).
NO_MARK_YET = frozenset({"", "-"})


def register_entry(students: dict[str, int | None], *, student: str, day: str, session: str,
                   code: str) -> RegisterEntry:
    """One register line as written by an MIS, checked: a known student, a date, a session
    and a current code (a retired one such as H is refused, saying what it was)."""
    student_id = students.get(student.strip())
    if student_id is None:
        if not student.strip():
            raise InvalidInput("the student id is empty", problem="no_student_id",
                               field="student_id")
        raise InvalidInput(f"no student with id {student!r} at this school",
                           problem="unknown_student", student=student.strip(),
                           field="student_id")
    mark_code = code.strip().upper()
    if mark_code in NO_MARK_YET:
        raise NoMarkYet(f"no mark yet for {student.strip()!r}")
    if mark_code in RETIRED_CODES:
        raise InvalidCode(f"{mark_code!r} is a retired code: {RETIRED_CODES[mark_code]}; "
                          "the MIS must send a current code", problem="retired_code",
                          code=mark_code, field="code")
    read_field("code", validate_code, mark_code)
    return RegisterEntry(student_id=student_id, day=read_field("date", parse_date, day),
                         session=read_field("session", parse_session, session), code=mark_code)


def status_for_register_code(code: str) -> str:
    """The reason status a mark starts with: N and L still need a reason, other codes are it."""
    return "unexplained" if code in NEEDS_REASON else "confirmed"


def marks_by_key(session: Session, *, school_id: int, days: Iterable[date]) -> dict[MarkKey, Mark]:
    """Every mark of a school on these days, keyed for bulk compare-before-write."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    stmt = select(Mark).where(Mark.school_id == school_id, col(Mark.day).in_(wanted))
    return {(m.student_id, m.day, m.session): m for m in session.exec(stmt)}


def marks_of_day(session: Session, *, school_id: int, day: date,
                 reason_status: str | None = None) -> list[tuple[Mark, Student]]:
    """A school's marks of one day with their students, by name and session (only those whose
    reason stands at `reason_status`, when given)."""
    stmt = (select(Mark, Student).join(Student, col(Student.id) == Mark.student_id)
            .where(Mark.school_id == school_id, Mark.day == day)
            .order_by(col(Student.last_name), col(Student.first_name), col(Mark.session)))
    if reason_status:
        stmt = stmt.where(Mark.reason_status == reason_status)
    return [(mark, student) for mark, student in session.exec(stmt)]


def student_marks(session: Session, student_id: int | None, *, start: date,
                  end: date | None = None) -> list[Mark]:
    """A student's marks from `start` (to `end`), newest first."""
    stmt = select(Mark).where(Mark.student_id == student_id, col(Mark.day) >= start)
    if end is not None:
        stmt = stmt.where(col(Mark.day) <= end)
    return list(session.exec(stmt.order_by(col(Mark.day).desc(), col(Mark.session))))


def first_mark_of_day(session: Session, *, day: date,
                      student_id: int | None = None) -> Mark | None:
    """The day's first mark by session (the student's, when given)."""
    stmt = select(Mark).where(Mark.day == day).order_by(col(Mark.session))
    if student_id is not None:
        stmt = stmt.where(Mark.student_id == student_id)
    return session.exec(stmt).first()


def mark_history(session: Session) -> list[tuple[AuditEntry, Mark]]:
    """Every audited change of a mark, in order, with the mark (a replay's transcript)."""
    marks = {m.id: m for m in session.exec(select(Mark))}
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")
                           .order_by(col(AuditEntry.id)))
    return [(entry, marks[int(entry.entity_id)]) for entry in entries
            if int(entry.entity_id) in marks]


def write_register_mark(session: Session, clock: Clock, *, school_id: int,
                        entry: RegisterEntry, existing: Mark | None,
                        actor: str) -> tuple[MarkOutcome, Mark | None]:
    """Apply one register entry against the mark already stored for it (or None).

    `actor` is who sent the register ("import", "api"); it becomes the mark's source.
    Raises InvalidCode for a code outside the current set, before anything is written.
    """
    validate_code(entry.code)
    if existing is None:
        mark = Mark(**_new_mark(entry, school_id=school_id, actor=actor, clock=clock))
        session.add(mark)
        session.flush()
        _audit_mark(session, clock, mark=mark, actor=actor, action="mark.created", old=None)
        _settle(session, clock, mark)
        return MarkOutcome.CREATED, mark
    if (nothing := unwritten_outcome(existing, entry)) is not None:
        return nothing, existing
    old = _mark_state(existing)
    existing.code = entry.code
    existing.reason_status = status_for_register_code(entry.code)
    existing.suggested_code = None
    existing.source = actor
    existing.set_by = actor
    existing.set_by_staff = False
    existing.updated_at = clock.now()
    existing.version += 1
    session.add(existing)
    session.flush()
    _audit_mark(session, clock, mark=existing, actor=actor, action="mark.updated", old=old)
    _settle(session, clock, existing)
    return MarkOutcome.UPDATED, existing


def insert_register_marks(session: Session, clock: Clock, *, school_id: int,
                          entries: list[RegisterEntry], actor: str,
                          staff_reason: str | None = None) -> int:
    """Insert marks that do not exist yet, set-wise, each with its audit entry (a whole
    register in a few statements). The caller has checked the entries are new and valid.
    With `staff_reason` the marks are a person's decision (`actor` is "staff:<id>"), as an
    emergency closure's Y4: the bot never overwrites them, and they are queued for the
    write-back webhook and the school's MIS like any confirmed reason."""
    for entry in entries:
        validate_code(entry.code)
    rows = [_new_mark(entry, school_id=school_id, actor=actor, clock=clock) for entry in entries]
    if staff_reason is not None:
        for row in rows:
            row.update(source="staff", set_by_staff=True, reason_text=staff_reason)
    ids = insert_rows(session, Mark, rows)
    if staff_reason is not None:
        # A person's code goes to the MIS like any confirmed reason (a snow day's Y4 too).
        queue_new_pushes(session, clock, list(session.exec(
            select(Mark).where(col(Mark.id).in_(ids)).order_by(col(Mark.id)))))
    write_rows(session, AuditEntry, [
        dict(at=clock.now(), actor=actor, action="mark.created", entity="mark",
             entity_id=str(mark_id), school_id=school_id, new_value=_state(row))
        for mark_id, row in zip(ids, rows, strict=True)])
    settle_notices(session, clock, school_id=school_id, taken=[
        TakenSession(mark_id, e.student_id, e.day, e.session, e.code)
        for mark_id, e in zip(ids, entries, strict=True)])
    return len(ids)


def _new_mark(entry: RegisterEntry, *, school_id: int, actor: str,
              clock: Clock) -> dict[str, Any]:
    return dict(school_id=school_id, student_id=entry.student_id, day=entry.day,
                session=entry.session, code=entry.code,
                reason_status=status_for_register_code(entry.code), source=actor,
                set_by=actor, updated_at=clock.now())


def unwritten_outcome(existing: Mark | None, entry: RegisterEntry) -> MarkOutcome | None:
    """UNCHANGED or KEPT when writing `entry` over `existing` would change nothing; else None."""
    if existing is None:
        return None
    if existing.code == entry.code:
        return MarkOutcome.UNCHANGED
    if entry.code == "N" and existing.reason_status in ("reported", "confirmed"):
        # The register still says N because the MIS has not caught up with the reason we hold.
        return MarkOutcome.KEPT
    return None


def upsert_mark(session: Session, clock: Clock, *, school_id: int, entry: RegisterEntry,
                actor: str) -> MarkOutcome:
    """Write one register entry, looking up the stored mark first (see write_register_mark)."""
    existing = session.exec(select(Mark).where(
        Mark.student_id == entry.student_id, Mark.day == entry.day,
        Mark.session == entry.session)).first()
    outcome, _ = write_register_mark(session, clock, school_id=school_id, entry=entry,
                                     existing=existing, actor=actor)
    return outcome


def _settle(session: Session, clock: Clock, mark: Mark) -> None:
    assert mark.id is not None
    settle_notices(session, clock, school_id=mark.school_id, taken=[
        TakenSession(mark.id, mark.student_id, mark.day, mark.session, mark.code)])


def _mark_state(mark: Mark) -> str:
    return _state({"code": mark.code, "reason_status": mark.reason_status,
                   "source": mark.source})


def _state(values: dict[str, object]) -> str:
    """How a mark is shown in the audit log."""
    return json.dumps({k: values[k] for k in ("code", "reason_status", "source")},
                      sort_keys=True)


def _audit_mark(session: Session, clock: Clock, *, mark: Mark, actor: str, action: str,
                old: str | None) -> None:
    audit(session, clock, actor=actor, action=action, entity="mark", entity_id=mark.id,
          school_id=mark.school_id, old=old, new=_mark_state(mark))
