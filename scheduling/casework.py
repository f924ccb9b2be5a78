"""The weekly casework pass: who crossed a rung of the school's attendance ladder, the letters
that follows (drafted for a person's approval, or approved at once where the school set the
rung to automatic and its template mentions no penalty), the framework's staff review tasks,
and a report of what it did.

A pass is a run keyed by (school, day, "casework"): firing it twice on a day does it once.
Students are acted on when they cross a rung, not every week they stay on it.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlmodel import Session

from channels.letter_texts import MESSAGES as LETTER_TEXTS
from conversations.types import Urgency
from conversations.whys import Why
from scheduling.casework_letters import LettersSent, send_approved_letters
from scheduling.daily import fire_daily
from store import calendar
from store.attendance_figures import (
    FRAMEWORK_WEEKS,
    Periods,
    StudentFigures,
    attendance_figures,
    periods_for,
)
from store.casework import LetterContact, add_letter, cases_of, letter_contacts, note_review, place
from store.casework_cases import REVIEW_INTENT
from store.casework_ladder import (
    Crossed,
    Recovered,
    Stage,
    framework_stage,
    move,
    of,
    school_ladder,
)
from store.clock import Clock
from store.database import Database
from store.escalations import raise_escalation
from store.models.casework import CaseworkLetter
from store.models.schools import School
from store.runs import existing_run, lock_run, take_run
from store.schools import all_schools, school_by_id

if TYPE_CHECKING:
    from scheduling.config import SchedulingSettings

log = logging.getLogger(__name__)

RUN_KIND = "casework"
# Words that make a letter a penalty letter, which a person always approves. English is the
# source every translation is made from, so it is the text checked.
PENALTY_WORDS = re.compile(r"penalt|fine[ds]?\b|prosecut|court|magistrat", re.IGNORECASE)


@dataclass
class CaseworkReport:
    """What one pass did at one school."""

    school_id: int
    day: date
    outcome: str = "done"  # done | already | closed
    crossed: Counter[str] = field(default_factory=Counter)  # by rung
    recovered: int = 0
    reviews: int = 0
    drafted: int = 0  # letters waiting for a person's approval
    approved: int = 0  # letters the school set to go without one
    withheld: int = 0  # letters with nobody they may go to
    sent: LettersSent | None = None  # how the approved ones went


def needs_approval(stage: Stage) -> bool:
    """A person approves a rung's letters unless the school set it to automatic, and always
    when its template speaks of penalties, fines or court (or is not one rollcall has)."""
    text = LETTER_TEXTS.get(stage.template or "")
    return not stage.automatic or text is None or mentions_penalty(text)


def mentions_penalty(text: str) -> bool:
    """True when a letter's words speak of penalties, fines, prosecution or court."""
    return PENALTY_WORDS.search(text) is not None


def casework_pass(database: Database, clock: Clock, *, school_id: int, day: date,
                  rolling_weeks: int) -> CaseworkReport:
    """One school's weekly pass on `day` (its local date), all in one transaction; a rung's
    threshold reads a student's figures from the school's `min_possible_sessions`."""
    report = CaseworkReport(school_id=school_id, day=day)
    with database.transaction() as session:
        school = school_by_id(session, school_id)
        if school is None or not calendar.is_school_day(session, school, day):
            report.outcome = "closed"
            return report
        lock_run(session, school_id=school_id, day=day, kind=RUN_KIND)
        if existing_run(session, school_id=school_id, day=day, kind=RUN_KIND) is not None:
            report.outcome = "already"
            return report
        run = take_run(session, school_id=school_id, day=day, kind=RUN_KIND, now=clock.now())
        ladder = school_ladder(session, school_id=school_id)
        periods = periods_for(session, school, day, rolling_weeks=rolling_weeks)
        figures = attendance_figures(session, school_id=school_id, periods=periods)
        letters = _move_students(session, clock, school, ladder, periods, figures, report)
        _write_letters(session, clock, school, run_id=run.id, letters=letters,
                       figures=figures, report=report, order=[s.key for s in ladder])
        # The run row is the session's: its end is written with the pass's commit.
        run.finished_at, run.messages = clock.now(), report.drafted + report.approved
    if report.approved:  # the school's automatic rungs: their letters go now
        report.sent = send_approved_letters(database, clock, school_id=school_id)
    log.info("casework school=%s day=%s crossed=%s recovered=%s reviews=%s drafted=%s "
             "approved=%s withheld=%s", school_id, day, dict(report.crossed),
             report.recovered, report.reviews, report.drafted, report.approved, report.withheld)
    return report


def _move_students(session: Session, clock: Clock, school: School, ladder: tuple[Stage, ...],
                   periods: Periods, figures: dict[int, StudentFigures],
                   report: CaseworkReport) -> dict[int, Stage]:
    """Each student's move on the ladder applied; the letter rung of each who needs one."""
    assert school.id is not None
    min_possible = school.min_possible_sessions
    cases = cases_of(session, school_id=school.id)
    framework = framework_stage(ladder)
    letters: dict[int, Stage] = {}
    for student_id, student in sorted(figures.items()):
        case = cases.get(student_id)
        step = move(ladder, student, standing=case.stage if case else None,
                    min_possible=min_possible)
        if isinstance(step, Crossed):
            case = place(session, clock, school_id=school.id, case=case, student_id=student_id,
                         stage=step.stage.key, day=periods.day)
            report.crossed[step.stage.key] += 1
            if step.stage.template:
                letters[student_id] = step.stage
        elif isinstance(step, Recovered):
            case = place(session, clock, school_id=school.id, case=case, student_id=student_id,
                         stage=step.to.key if step.to else None, day=periods.day)
            report.recovered += 1
            if step.thanks is not None and step.thanks.template:
                letters[student_id] = step.thanks
        if (framework is not None and framework.met_by(student, min_possible=min_possible)
                and (case is None or case.review_on is None
                     or case.review_on < periods.framework)):
            _raise_review(session, clock, school_id=school.id, student=student, stage=framework)
            note_review(session, clock, school_id=school.id, case=case, student_id=student_id,
                        day=periods.day)
            report.reviews += 1
    return letters


def _raise_review(session: Session, clock: Clock, *, school_id: int, student: StudentFigures,
                  stage: Stage) -> None:
    # A task for a person: the framework lets the school consider a penalty notice, and that is
    # always a person's decision, after looking at the whole case. Nothing is sent to the family.
    raise_escalation(session, clock, school_id=school_id, urgency=Urgency.NORMAL,
                     intent=REVIEW_INTENT, student_id=student.student_id,
                     why=Why("framework_review", count=student.framework_unauthorised,
                             weeks=FRAMEWORK_WEEKS, threshold=stage.sessions))


def _write_letters(session: Session, clock: Clock, school: School, *, run_id: int | None,
                   letters: dict[int, Stage], figures: dict[int, StudentFigures],
                   report: CaseworkReport, order: list[str]) -> None:
    """One letter per family: siblings whose letters go to the same contact share one, at the
    most severe of their rungs (a thank-you joins only other thank-yous). A child with nobody
    a letter may go to gets a withheld letter, kept for staff to see."""
    assert school.id is not None
    contacts = letter_contacts(session, student_ids=list(letters))
    families: dict[tuple[int, bool], list[int]] = {}
    reached: dict[int, LetterContact] = {}
    for student_id, stage in letters.items():
        reachable = contacts.get(student_id, [])
        if not reachable:
            _keep(session, clock, school, run_id=run_id, children={student_id: stage},
                  contact=None, figures=figures, report=report, order=order)
        for contact in reachable if school.contact_all_with_pr else reachable[:1]:
            key = (contact.contact_id, stage.action == "thank_you")
            families.setdefault(key, []).append(student_id)
            reached[contact.contact_id] = contact
    for (contact_id, _thanks), children in families.items():
        _keep(session, clock, school, run_id=run_id,
              children={student_id: letters[student_id] for student_id in children},
              contact=reached[contact_id], figures=figures, report=report, order=order)


def _keep(session: Session, clock: Clock, school: School, *, run_id: int | None,
          children: dict[int, Stage], contact: LetterContact | None,
          figures: dict[int, StudentFigures], report: CaseworkReport,
          order: list[str]) -> None:
    assert school.id is not None
    # The ladder's order, least severe first: the family's letter is its children's last rung.
    worst = max(children.values(), key=lambda stage: order.index(stage.key))
    status = ("withheld" if contact is None else "draft" if needs_approval(worst)
              else "approved")
    add_letter(session, clock, CaseworkLetter(
        school_id=school.id, run_id=run_id, contact_id=contact.contact_id if contact else None,
        student_ids=sorted(children), stage=worst.key, template=worst.template or "",
        language=contact.language if contact else "en", status=status,
        needs_approval=status != "approved",
        figures=json.dumps({str(student_id): _figures_json(figures[student_id], stage)
                            for student_id, stage in children.items()}, sort_keys=True)))
    if status == "withheld":
        report.withheld += 1
    elif status == "draft":
        report.drafted += 1
    else:
        report.approved += 1


def _figures_json(student: StudentFigures, stage: Stage) -> dict[str, object]:
    """The figures a letter is written from, kept with it: the rung's own period, and the
    rung's threshold as the school's ladder set it (the letter quotes it)."""
    chosen = of(student, stage.period)
    return {"stage": stage.key, "period": stage.period, "attended": chosen.attended,
            "authorised": chosen.authorised, "unauthorised": chosen.unauthorised,
            "possible": chosen.possible, "percent": chosen.percent,
            "threshold": stage.percent if stage.is_threshold else None}


def fire_casework(*, database: Database, clock: Clock, school_id: int,
                  rolling_weeks: int) -> None:
    """The scheduled pass: errors are logged, and firing again is always safe."""
    fire_daily("casework", database=database, clock=clock, school_id=school_id,
               act=lambda day: casework_pass(database, clock, school_id=school_id, day=day,
                                             rolling_weeks=rolling_weeks))


def add_casework(scheduler: AsyncIOScheduler, database: Database, clock: Clock,
                 settings: SchedulingSettings) -> None:
    """Every school's weekly pass, on the set weekday and time in the school's timezone."""
    with database.transaction() as session:
        schools = all_schools(session)
    for school in schools:
        at = settings.casework_at
        scheduler.add_job(
            fire_casework, CronTrigger(day_of_week=settings.casework_day, hour=at.hour,
                                       minute=at.minute, timezone=school.timezone),
            id=f"casework:{school.id}", replace_existing=True,
            kwargs={"database": database, "clock": clock, "school_id": school.id,
                    "rolling_weeks": settings.casework_rolling_weeks})
