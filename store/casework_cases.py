"""Casework as staff read it: the officer's list of what is due, one student's case, and the
school's figures for the local authority."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlmodel import Session, col, select

from store.attendance_figures import Figures, StudentFigures
from store.casework_meetings import reviews_due
from store.models.casework import CaseworkCase, CaseworkLetter
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.models.people import Student
from store.models.schools import School

REVIEW_INTENT = "attendance_review"
# Most severe first: a review under the national framework, then the rungs down the ladder.
SEVERITY = ("framework", "meeting", "persistent", "concern", "friendly", "improved")


@dataclass(frozen=True, slots=True)
class DueCase:
    """One thing an attendance officer should act on today."""

    kind: str  # letter (a draft to approve) | withheld (nobody to write to) | review
    # | meeting (a meeting's review date has come)
    id: int  # the letter's or the review task's id
    school_id: int
    student_ids: tuple[int, ...]
    stage: str
    # The lowest attendance among the children, as the letter says; None when none of them
    # has the minimum possible sessions for a percentage to mean something.
    percent: float | None
    since: datetime | None

    @property
    def severity(self) -> tuple[int, float]:
        rank = SEVERITY.index(self.stage) if self.stage in SEVERITY else len(SEVERITY)
        return (rank, self.percent if self.percent is not None else 100.0)


def due_cases(session: Session, *, school_ids: Collection[int],
              today: date | None = None) -> list[DueCase]:
    """Drafts waiting for approval, letters with nobody to go to, open framework reviews and
    (given `today`) meetings due for review at these schools, most severe first. A child's
    percentage counts from their school's `min_possible_sessions` (the ladder's rule)."""
    thresholds = dict(session.exec(select(School.id, School.min_possible_sessions).where(
        col(School.id).in_(list(school_ids)))).all())
    letters = session.exec(select(CaseworkLetter).where(
        col(CaseworkLetter.school_id).in_(list(school_ids)),
        col(CaseworkLetter.status).in_(("draft", "withheld"))))
    due = [DueCase(kind="letter" if letter.status == "draft" else "withheld",
                   id=letter.id or 0, school_id=letter.school_id,
                   student_ids=tuple(letter.student_ids), stage=letter.stage,
                   percent=_lowest_percent(letter.figures,
                                           min_possible=thresholds[letter.school_id]),
                   since=letter.created_at)
           for letter in letters]
    reviews = session.exec(select(Escalation).where(
        col(Escalation.school_id).in_(list(school_ids)), Escalation.intent == REVIEW_INTENT,
        Escalation.status != "resolved"))
    due += [DueCase(kind="review", id=review.id or 0, school_id=review.school_id or 0,
                    student_ids=(review.student_id,) if review.student_id else (),
                    stage="framework", percent=None, since=review.created_at)
            for review in reviews]
    if today is not None:
        due += [DueCase(kind="meeting", id=meeting.id or 0, school_id=meeting.school_id,
                        student_ids=(meeting.student_id,), stage="meeting", percent=None,
                        since=datetime.combine(meeting.review_on or today, time(), UTC))
                for meeting in reviews_due(session, school_ids=school_ids, day=today)]
    return sorted(due, key=lambda case: (case.severity, _naive(case.since)))


def _naive(moment: datetime | None) -> datetime:
    # Sorting aware and unaware times together fails: every `since` compared as UTC.
    return (moment or datetime.min.replace(tzinfo=UTC)).astimezone(UTC)


def case_of(session: Session, *, student_id: int) -> CaseworkCase | None:
    """Where a student stands on the ladder (None: never on it)."""
    return session.exec(select(CaseworkCase).where(
        CaseworkCase.student_id == student_id)).first()


def letters_about(session: Session, *, school_id: int, student_id: int) -> list[CaseworkLetter]:
    """Every letter about a student, newest first (a family's letter about siblings too)."""
    letters = session.exec(select(CaseworkLetter).where(
        CaseworkLetter.school_id == school_id).order_by(col(CaseworkLetter.id).desc()))
    return [letter for letter in letters if student_id in letter.student_ids]


def letter_threads(session: Session, letters: Collection[CaseworkLetter]) -> dict[int, int]:
    """Each sent letter's own conversation (where the family's answers are), by letter id."""
    rows = {row_id: letter.id for letter in letters if letter.id is not None
            for row_id in (letter.outbox_id, letter.note_outbox_id) if row_id is not None}
    if not rows:
        return {}
    found: dict[int, int] = {}
    for row_id, conversation_id in session.exec(select(Outbox.id, Outbox.conversation_id).where(
            col(Outbox.id).in_(list(rows)), col(Outbox.conversation_id).is_not(None))):
        letter_id = rows.get(row_id or 0)
        if letter_id is not None and conversation_id is not None:
            found[letter_id] = conversation_id
    return found


def letter_by_id(session: Session, letter_id: int) -> CaseworkLetter | None:
    return session.get(CaseworkLetter, letter_id)


@dataclass(frozen=True, slots=True)
class ExportLine:
    """One student's line in the export for the local authority: the school year's figures
    as the DfE counts them, and where the school's casework stands."""

    upn: str | None
    mis_id: str
    last_name: str
    first_name: str
    year_group: str | None
    possible_sessions: int
    attended_sessions: int
    authorised_absence: int
    unauthorised_absence: int
    attendance_percent: float | None
    persistent_absence: bool
    severe_absence: bool
    unauthorised_in_10_school_weeks: int
    stage: str | None


EXPORT_FIELDS = tuple(ExportLine.__dataclass_fields__)


def export_lines(session: Session, *, school_id: int,
                 figures: dict[int, StudentFigures]) -> list[ExportLine]:
    """Every student at the school with figures, in year group and name order."""
    stages = {case.student_id: case.stage for case in session.exec(
        select(CaseworkCase).where(CaseworkCase.school_id == school_id))}
    students = session.exec(select(Student).where(Student.school_id == school_id).order_by(
        col(Student.year_group), col(Student.last_name), col(Student.first_name)))
    lines = []
    for student in students:
        found = figures.get(student.id or 0)
        if found is None:
            continue
        year = found.year
        lines.append(ExportLine(
            upn=student.upn, mis_id=student.mis_id, last_name=student.last_name,
            first_name=student.first_name, year_group=student.year_group,
            possible_sessions=year.possible, attended_sessions=year.attended,
            authorised_absence=year.authorised, unauthorised_absence=year.unauthorised,
            attendance_percent=year.percent, persistent_absence=year.persistent,
            severe_absence=year.severe,
            unauthorised_in_10_school_weeks=found.framework_unauthorised,
            stage=stages.get(student.id or 0)))
    return lines


def _lowest_percent(kept: str, *, min_possible: int) -> float | None:
    numbers = [float(child["percent"]) for child in json.loads(kept).values()
               if isinstance(child.get("percent"), int | float)
               and Figures(child.get("attended", 0), child.get("authorised", 0),
                           child.get("unauthorised", 0)).telling(min_possible)]
    return min(numbers) if numbers else None

