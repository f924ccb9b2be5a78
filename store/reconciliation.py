"""Reconciliation: the sessions of a day where rollcall and the school's MIS disagree, so
nothing drifts silently.

Two ways they part:
- `not_in_mis`: a reason rollcall confirmed (the bot or staff) that the MIS shows otherwise or
  not at all: its push is still waiting, was refused (the register, pulled since, may have
  taken the MIS's code over ours: the push still says what we confirmed), or was never made.
- `changed_after_write`: rollcall wrote a code and the MIS, pulled since, shows another (someone
  changed the register after us; the register is the truth, a person should know).
A written push the MIS has not been pulled since is not a disagreement yet.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from conversations.types import Urgency
from conversations.whys import Why
from store.audit import audit
from store.clock import Clock
from store.escalations import raise_escalation
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.mis import MisLink, MisMark, MisPush
from store.models.people import Student
from store.spreadsheet import dataclass_csv
from store.writeback_feed import CONFIRMING_SOURCES

MarkKey = tuple[int, date, str]


@dataclass(frozen=True, slots=True)
class Disagreement:
    school_id: int
    student_id: int
    student_mis_id: str
    first_name: str
    last_name: str
    day: date
    session: str
    ours: str  # the code rollcall confirmed or wrote
    theirs: str | None  # what the MIS shows (None: no mark there)
    kind: str  # not_in_mis | changed_after_write
    push_status: str | None  # pending | written | refused | None (never pushed)
    writeback_id: str | None
    mis_reason: str | None  # what the MIS said when it refused or failed


def disagreements(session: Session, *, school_ids: Collection[int],
                  day: date) -> list[Disagreement]:
    """Every session of `day` at these schools (those linked to an MIS) where rollcall and the
    MIS disagree, by school, student and session."""
    linked = list(session.exec(select(MisLink.school_id).where(
        col(MisLink.school_id).in_(list(school_ids)))))
    if not linked:
        return []
    confirmed = {(m.student_id, m.day, m.session): m for m in session.exec(
        select(Mark).where(col(Mark.school_id).in_(linked), Mark.day == day,
                           Mark.reason_status == "confirmed",
                           col(Mark.source).in_(CONFIRMING_SOURCES)))}
    latest: dict[int, MisPush] = {}
    for push in session.exec(select(MisPush).where(
            col(MisPush.school_id).in_(linked), MisPush.day == day,
            MisPush.status != "superseded").order_by(col(MisPush.id))):
        latest[push.mark_id] = push
    marks = {m.id: m for m in session.exec(select(Mark).where(
        col(Mark.id).in_(sorted(latest))))} if latest else {}
    theirs = {(m.student_id, m.day, m.session): m for m in session.exec(
        select(MisMark).where(col(MisMark.school_id).in_(linked), MisMark.day == day))}
    found: dict[MarkKey, tuple[Mark, MisPush | None]] = {
        key: (mark, latest.get(mark.id or 0)) for key, mark in confirmed.items()}
    for mark_id, push in latest.items():  # a mark the register has recoded since we pushed
        mark = marks.get(mark_id)
        if mark is not None:
            found.setdefault((mark.student_id, mark.day, mark.session), (mark, push))
    rows = [row for key, (mark, push) in found.items()
            if (row := _compare(mark, push, theirs.get(key))) is not None]
    students = {s.id: s for s in session.exec(select(Student).where(
        col(Student.id).in_(sorted({r[0].student_id for r in rows}))))} if rows else {}
    return sorted((_row(mark, push, their, kind, students[mark.student_id])
                   for mark, push, their, kind in rows),
                  key=lambda d: (d.school_id, d.last_name, d.first_name, d.student_id,
                                 d.session))


def _compare(mark: Mark, push: MisPush | None, theirs: MisMark | None
             ) -> tuple[Mark, MisPush | None, MisMark | None, str] | None:
    if push is not None and push.status == "written":
        if theirs is None or theirs.pulled_at is None or push.written_at is None \
                or theirs.pulled_at <= push.written_at:
            return None  # not pulled since we wrote: nothing to compare yet
        return None if theirs.code == push.code else (mark, push, theirs,
                                                      "changed_after_write")
    ours = push.code if push is not None else mark.code
    if theirs is not None and theirs.code == ours:
        return None
    return mark, push, theirs, "not_in_mis"


def _row(mark: Mark, push: MisPush | None, theirs: MisMark | None, kind: str,
         student: Student) -> Disagreement:
    ours = push.code if push is not None else mark.code
    return Disagreement(
        school_id=mark.school_id, student_id=mark.student_id, student_mis_id=student.mis_id,
        first_name=student.preferred_name or student.first_name, last_name=student.last_name,
        day=mark.day, session=mark.session, ours=ours,
        theirs=theirs.code if theirs else None, kind=kind,
        push_status=push.status if push else None,
        writeback_id=push.writeback_id if push else None,
        mis_reason=push.last_error if push else None)


def disagreements_csv(rows: Sequence[Disagreement]) -> str:
    """The report as CSV (cells a spreadsheet would run as a formula are quoted)."""
    return dataclass_csv(rows, list(Disagreement.__dataclass_fields__))


CHECKED = "mis.checked"


def check_day(session: Session, clock: Clock, *, school_id: int, day: date,
              ack_minutes: int = 10) -> int | None:
    """The end-of-day check, once per school and day: when rollcall and the MIS disagree on
    any session, one staff task says how many and where to look. Returns how many disagree,
    or None when the day was checked before."""
    key = f"{school_id}:{day.isoformat()}"
    done = session.exec(select(AuditEntry.id).where(
        AuditEntry.action == CHECKED, AuditEntry.entity == "school",
        AuditEntry.entity_id == key)).first()
    if done is not None:
        return None
    rows = disagreements(session, school_ids=[school_id], day=day)
    if rows:
        raise_escalation(session, clock, school_id=school_id, urgency=Urgency.NORMAL,
                         why=Why("mis_disagrees", count=len(rows), day=day.isoformat()),
                         ack_minutes=ack_minutes)
    audit(session, clock, actor="system", action=CHECKED, entity="school", entity_id=key,
          school_id=school_id, new=str(len(rows)))
    return len(rows)
