"""Visa compliance in the console (the UKVI compliance role and admins): every visa-sponsored
student's attendance against the sponsor's own policy, shown apart; a student's evidence
timeline; the decision about a crossing (report, starting 10 working days to the report, or
not, with the reason) and the report the role made itself. Everyone else: 403, no link.

rollcall never reports anything to the Home Office: it keeps the evidence, the decision and
the clock, and each decision in the audit log for inspection.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.conversation import local_today
from bot.console.refusals import Refused, refusal_status
from bot.console.scope import child_label, school_in_scope, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.confidential import Reader
from store.engagement import history_of, status_of
from store.engagement_reports import engagement_history
from store.engagement_rules import REPORT_DUE, VISA, policy_of
from store.errors import RollcallError
from store.models.people import Student
from store.schools import school_by_id
from store.staff import Role, staff_names
from store.visa import days_left, decide, record_report, visa_students

router = APIRouter(prefix=PREFIX)
VISA_ROLES = frozenset({Role.COMPLIANCE, Role.ADMIN})


def may_see_visa(staff: Staff) -> bool:
    return staff.user.role in VISA_ROLES


def _visa_only(staff: Staff) -> None:
    if not may_see_visa(staff):
        raise Refused(403, "visa compliance is for the UKVI compliance role and admins",
                      problem="visa_role")


@router.get("/visa", response_class=HTMLResponse)
def visa_page(request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep,
              school: Annotated[int | None, Query()] = None) -> HTMLResponse:
    _visa_only(staff)
    chosen = school_in_scope(session, staff, school)
    today = local_today(chosen, services.clock)
    return render(request, "visa.html", staff=staff, school=chosen,
                  schools=schools_of(session, staff), today=today,
                  policy=policy_of(chosen, VISA),
                  min_possible=chosen.min_possible_sessions,
                  students=visa_students(session, school=chosen, day=today))


@router.get("/visa/students/{student_id}", response_class=HTMLResponse)
def visa_student(student_id: int, request: Request, staff: PageStaff, session: SessionDep,
                 services: ServicesDep) -> HTMLResponse:
    _visa_only(staff)
    student = student_in_scope(session, staff, student_id)
    return _page(request, session, services, staff, student)


def _page(request: Request, session: Session, services: Any, staff: Staff, student: Student,
          *, error: RollcallError | None = None, status_code: int = 200) -> HTMLResponse:
    assert student.id is not None
    school = school_by_id(session, student.school_id)
    assert school is not None
    today = local_today(school, services.clock)
    policy = policy_of(school, VISA)
    history = history_of(session, student_id=student.id, track=VISA)
    row = status_of(session, student_id=student.id, track=VISA)
    timeline = engagement_history(
        session, student=student, timezone=school.timezone, start=policy.window_start(today),
        end=today, reads_safeguarding=staff.reads_safeguarding, reader=Reader.of(staff.user))
    return render(request, "visa_student.html", status_code=status_code, staff=staff,
                  student=student, label=child_label(student), school=school, today=today,
                  policy=policy, status=row, history=history,
                  timeline=list(reversed(timeline)), error=error,
                  done=request.query_params.get("done"),
                  names=staff_names(session, {int(c.actor[6:]) for c in history
                                              if c.actor.startswith("staff:")}),
                  left=days_left(session, school, today,
                                 row.due_on if row and row.status == REPORT_DUE else None))


def _act(request: Request, session: Session, services: Any, staff: Staff, student_id: int,
         action: Any, done: str) -> Response:
    _visa_only(staff)
    student = student_in_scope(session, staff, student_id)
    school = school_by_id(session, student.school_id)
    assert school is not None

    def respond() -> Response:
        refused = attempt(session, lambda: action(school, student))
        if refused is None:
            return RedirectResponse(f"{PREFIX}/visa/students/{student_id}?done={done}",
                                    status_code=303)
        return _page(request, session, services, staff, student, error=refused,
                     status_code=refusal_status(refused))
    return exactly_once(session, services.clock, staff, respond)


@router.post("/visa/students/{student_id}/decision")
def decision(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
             services: ServicesDep, report: Annotated[str, Form()] = "",
             note: Annotated[str, Form()] = "") -> Response:
    """Report (the clock of 10 working days starts) or not (with the reason)."""
    return _act(request, session, services, staff, student_id, lambda school, student: decide(
        session, services.clock, school=school, student=student, staff_id=staff.id,
        report=report == "yes", note=note), done="report" if report == "yes" else "no_report")


@router.post("/visa/students/{student_id}/reported")
def reported(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
             services: ServicesDep, reported_on: Annotated[date, Form()],
             reference: Annotated[str, Form()] = "") -> Response:
    """The report the compliance role made itself, with its date and reference."""
    return _act(request, session, services, staff, student_id, lambda school, student: (
        record_report(session, services.clock, school=school, student=student,
                      staff_id=staff.id, reported_on=reported_on, reference=reference)),
        done="reported")

