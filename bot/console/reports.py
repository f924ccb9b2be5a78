"""Engagement reports in the console (colleges and universities): the cohorts' attendance at
their timetabled events as charts (by course, year of study, week and module) with each chart's
CSV, and one student's engagement and intervention history as PDF and CSV."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlmodel import Session

from bot.console.auth import PREFIX, PageStaff, Staff, schools_of
from bot.console.charts import (
    SIDE_LABELS,
    SIDE_WIDTH,
    BarPlot,
    PercentPlot,
    percent_columns,
    stacked_bars,
)
from bot.console.conversation import local_today
from bot.console.languages import percent_in, staff_language
from bot.console.scope import not_found, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from bot.engagement_pdf import history_pdf
from store.confidential import Reader
from store.engagement_reports import (
    COHORT_FIELDS,
    COHORTS,
    FLAGGED_NOW,
    HISTORY_DAYS,
    HISTORY_FIELDS,
    STATUS_COHORTS,
    STATUS_FIELDS,
    WINDOW_DAYS,
    CohortLine,
    HistoryLine,
    cohort_engagement,
    cohort_statuses,
    engagement_history,
)
from store.models.people import Student
from store.models.schools import School
from store.schools import school_by_id
from store.spreadsheet import dataclass_csv
from store.staff import staff_names

router = APIRouter(prefix=PREFIX)
BAD_BELOW, WARN_BELOW = 75.0, 80.0  # attendance % drawn as needing attention

Start = Annotated[date | None, Query()]
End = Annotated[date | None, Query()]


@router.get("/cohorts", response_class=HTMLResponse)
def cohorts_page(request: Request, staff: PageStaff, session: SessionDep,
                    services: ServicesDep, school: int | None = None, start: Start = None,
                    end: End = None) -> HTMLResponse:
    """Every cohort's attendance in a window, as charts, for one of the staff's colleges or
    universities."""
    institutions = [s for s in schools_of(session, staff) if s.setting != "school"]
    chosen = _institution(institutions, school)
    first, last = _window(chosen, services, start, end, WINDOW_DAYS)
    charts = {by: cohort_engagement(session, school_id=chosen.id or 0, start=first, end=last,
                                    by=by) for by in COHORTS} if chosen else {}
    language = staff_language(request, staff.language)
    statuses = {by: cohort_statuses(session, school_id=chosen.id or 0, by=by)
                for by in STATUS_COHORTS} if chosen else {}
    return render(request, "cohorts.html", staff=staff, institutions=institutions,
                  school=chosen, start=first, end=last, charts=charts, statuses=statuses,
                  flagged={by: stacked_bars([(line.cohort, [
                      (status, getattr(line, status)) for status in FLAGGED_NOW])
                      for line in lines], width=SIDE_WIDTH, labels=SIDE_LABELS)
                      for by, lines in statuses.items()},
                  plots={by: _plot(by, lines, language) for by, lines in charts.items()},
                  figures={by: [_figures(line, language) for line in lines]
                           for by, lines in charts.items()},
                  week_days={line.cohort: date.fromisoformat(line.cohort)
                             for line in charts.get("week", [])})


@router.get("/cohorts.csv")
def cohorts_csv(staff: PageStaff, session: SessionDep, services: ServicesDep,
                   school: int, by: Annotated[str, Query(pattern="^(course|module|year|week)$")],
                   start: Start = None, end: End = None) -> Response:
    """One chart's figures as CSV."""
    chosen = _institution_of(session, staff, school)
    first, last = _window(chosen, services, start, end, WINDOW_DAYS)
    lines = cohort_engagement(session, school_id=school, start=first, end=last, by=by)
    return _csv(dataclass_csv(lines, COHORT_FIELDS),
                f"rollcall-cohorts-{by}-{first}-{last}.csv")


@router.get("/cohorts-statuses.csv")
def statuses_csv(staff: PageStaff, session: SessionDep, school: int,
                 by: Annotated[str, Query(pattern="^(course|year)$")]) -> Response:
    """How many students of each cohort stand at each engagement status now, as CSV."""
    _institution_of(session, staff, school)
    lines = cohort_statuses(session, school_id=school, by=by)
    return _csv(dataclass_csv(lines, STATUS_FIELDS), f"rollcall-cohorts-statuses-{by}.csv")


@router.get("/students/{student_id}/engagement.csv")
def history_csv_page(student_id: int, staff: PageStaff, session: SessionDep,
                     services: ServicesDep, start: Start = None, end: End = None) -> Response:
    """One student's engagement and intervention history, one line per event, report,
    meeting or message."""
    student, _, first, last, lines = _history(session, staff, services, student_id, start, end)
    return _csv(dataclass_csv(lines, HISTORY_FIELDS),
                f"rollcall-engagement-{student.mis_id}-{first}-{last}.csv")


@router.get("/students/{student_id}/engagement.pdf")
def history_pdf_page(student_id: int, request: Request, staff: PageStaff, session: SessionDep,
                     services: ServicesDep, start: Start = None, end: End = None) -> Response:
    """The same history as a PDF to send or file: the student, their tutors and attendance
    per module above it."""
    student, school, first, last, lines = _history(session, staff, services, student_id,
                                                   start, end)
    pdf = history_pdf(student=student, school=school.name, start=first, end=last, lines=lines,
                      tutors=staff_names(session, {student.personal_tutor_id,
                                                   student.senior_tutor_id}),
                      language=staff_language(request, staff.language))
    return Response(pdf, media_type="application/pdf", headers={
        "Content-Disposition":
            f'inline; filename="rollcall-engagement-{student.mis_id}-{first}-{last}.pdf"'})


def _history(session: Session, staff: Staff, services: ServicesDep, student_id: int,
             start: date | None, end: date | None
             ) -> tuple[Student, School, date, date, list[HistoryLine]]:
    student = student_in_scope(session, staff, student_id)
    school = school_by_id(session, student.school_id)
    assert school is not None
    first, last = _window(school, services, start, end, HISTORY_DAYS)
    lines = engagement_history(session, student=student, timezone=school.timezone, start=first,
                               end=last, reads_safeguarding=staff.reads_safeguarding,
                               reader=Reader.of(staff.user))
    return student, school, first, last, lines


def _institution_of(session: Session, staff: Staff, school: int) -> School:
    """One of the staff's colleges or universities (404 for anything else)."""
    chosen = _institution([s for s in schools_of(session, staff) if s.setting != "school"],
                          school)
    if chosen is None:
        raise not_found()
    return chosen


def _institution(institutions: list[School], wanted: int | None) -> School | None:
    if wanted is None:
        return institutions[0] if institutions else None
    found = next((s for s in institutions if s.id == wanted), None)
    if found is None:
        raise not_found()
    return found


def _window(school: School | None, services: ServicesDep, start: date | None,
            end: date | None, days: int) -> tuple[date, date]:
    last = end or (local_today(school, services.clock) if school else
                   services.clock.now().date())
    return start or last - timedelta(days=days), last


def _plot(by: str, lines: list[CohortLine], language: str) -> PercentPlot | BarPlot:
    """A week's attendance as columns in time order; a cohort's as a bar, its tone telling
    what needs attention, its figures after it as the reader's language writes them."""
    if by == "week":
        return percent_columns([(date.fromisoformat(line.cohort), (line.percent,))
                                for line in lines])
    return stacked_bars([(line.cohort, [(_tone(line.percent), line.percent or 0.0)])
                         for line in lines], width=SIDE_WIDTH, labels=SIDE_LABELS,
                        maximum=100, texts=[_figures(line, language) for line in lines])


def _figures(line: CohortLine, language: str) -> str:
    """"84,9% (2700/3182)": the percentage, then the events attended of those taken."""
    if line.percent is None:
        return percent_in(None, language)
    return f"{percent_in(line.percent, language)} ({line.attended}/{line.taken})"


def _tone(percent: float | None) -> str:
    if percent is None or percent >= WARN_BELOW:
        return "attended"
    return "warn" if percent >= BAD_BELOW else "bad"


def _csv(body: str, filename: str) -> Response:
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
