"""Engagement in the console (colleges and universities): the students at risk, in intervention
or referred (a tutor's own tutees first), one student's engagement with its history and
evidence, the tutor's interventions (write, invite to meet, record the meeting as a
confidential note, refer, re-engaged), and the monthly Student Success Action Plan list with
its CSV.

Confidential notes and a referral's reason are filtered by the store for the reader
(store/confidential.py); the actions check that the member of staff works with the student
(scheduling/interventions.py). Another school's student is 404 before anything runs.
"""

from __future__ import annotations

import json
from datetime import date, time
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import Action, attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.conversation import local_today
from bot.console.refusals import Refused, refusal_status
from bot.console.scope import child_label, school_in_scope, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling import interventions
from store.audit import audit
from store.casework_meetings import meetings_of
from store.confidential import Reader, works_with
from store.conversations import safeguarding_conversation_ids
from store.database import rows_by_id
from store.engagement import history_of, status_of
from store.engagement_plan import PLAN_FIELDS, action_plan, month_of
from store.engagement_rules import ENGAGEMENT, ENGAGEMENT_STATUSES, VISA
from store.errors import InvalidInput, RollcallError
from store.events import event_statuses
from store.interventions import (
    REFERRALS,
    flagged_students,
    may_read_task,
    may_see_task,
    tasks_about,
)
from store.models.conversations import Message
from store.models.events import TimetableEvent
from store.models.people import Student
from store.models.schools import School
from store.schools import school_by_id
from store.spreadsheet import dataclass_csv
from store.staff import Role, staff_names

router = APIRouter(prefix=PREFIX)
PLAN_ROLES = frozenset({Role.TUTOR, Role.ENGAGEMENT, Role.ADMIN})


@router.get("/engagement", response_class=HTMLResponse)
def engagement_page(request: Request, staff: PageStaff, session: SessionDep,
                    school: Annotated[int | None, Query()] = None,
                    status: Annotated[str, Query()] = "",
                    mine: Annotated[str | None, Query()] = None) -> HTMLResponse:
    """The students to act on; a tutor sees their own tutees unless they ask for everyone."""
    chosen = school_in_scope(session, staff, school)
    own = (mine == "1") if mine is not None else staff.user.role == Role.TUTOR
    statuses = (status,) if status in ENGAGEMENT_STATUSES else ()
    found = flagged_students(session, school_ids=[chosen.id or 0], track=ENGAGEMENT,
                             statuses=statuses, tutor_id=staff.id if own else None)
    tutors = staff_names(session, {f.student.personal_tutor_id for f in found})
    return render(request, "engagement.html", staff=staff, school=chosen,
                  schools=schools_of(session, staff), found=found, tutors=tutors,
                  status=status, own=own, statuses=ENGAGEMENT_STATUSES,
                  plan_allowed=staff.user.role in PLAN_ROLES)


@router.get("/engagement/students/{student_id}", response_class=HTMLResponse)
def student_engagement(student_id: int, request: Request, staff: PageStaff,
                       session: SessionDep, services: ServicesDep) -> HTMLResponse:
    return _student_page(request, session, services.clock, staff,
                         student_in_scope(session, staff, student_id))


def _student_page(request: Request, session: Session, clock: Any, staff: Staff,
                  student: Student, *, error: RollcallError | None = None,
                  status_code: int = 200) -> HTMLResponse:
    assert student.id is not None
    school = school_by_id(session, student.school_id)
    assert school is not None
    reader = Reader.of(staff.user)
    history = history_of(session, student_id=student.id)
    event_ids = {e for change in history for e in change.events}
    message_ids = {m for change in history for m in change.messages}
    messages = rows_by_id(session, Message, message_ids)
    restricted = safeguarding_conversation_ids(
        session, [m.conversation_id for m in messages.values() if m.conversation_id])
    hidden = set() if staff.reads_safeguarding else restricted
    tasks = tasks_about(session, student_id=student.id)
    return render(
        request, "engagement_student.html", status_code=status_code, staff=staff,
        student=student, label=child_label(student), school=school,
        today=local_today(school, clock), error=error,
        done=request.query_params.get("done"),
        status=status_of(session, student_id=student.id, track=ENGAGEMENT),
        visa=status_of(session, student_id=student.id, track=VISA)
        if staff.user.role in (Role.COMPLIANCE, Role.ADMIN) else None,
        history=[(change, json.loads(change.figures)) for change in history],
        events=rows_by_id(session, TimetableEvent, event_ids),
        attendance=event_statuses(session, student_id=student.id, event_ids=event_ids),
        messages={i: m for i, m in messages.items() if m.conversation_id not in hidden},
        hidden_messages={i for i, m in messages.items() if m.conversation_id in hidden},
        tasks=[(task, may_read_task(reader, student, task)) for task in tasks
               if may_see_task(reader, task)],
        opened_by={change.task_id: change for change in history if change.task_id},
        meetings=[m for m in meetings_of(session, student_id=student.id, reader=reader)
                  if m.confidential],
        works=works_with(reader, student), referrals=tuple(REFERRALS),
        names=staff_names(session, {student.personal_tutor_id, student.senior_tutor_id,
                                    *(t.assigned_user_id for t in tasks),
                                    *(int(c.actor[6:]) for c in history
                                      if c.actor.startswith("staff:"))}))


def _act(request: Request, session: Session, services: Any, staff: Staff, student_id: int,
         action: Action, *, done: str) -> Response:
    """Scope first, then the action once per form; a refusal re-shows the page with why."""
    student = student_in_scope(session, staff, student_id)

    def respond() -> Response:
        refused = attempt(session, action)
        if refused is None:
            return RedirectResponse(f"{PREFIX}/engagement/students/{student_id}?done={done}",
                                    status_code=303)
        return _student_page(request, session, services.clock, staff, student,
                             error=refused, status_code=refusal_status(refused))
    return exactly_once(session, services.clock, staff, respond)


@router.post("/engagement/students/{student_id}/message")
def message(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
            services: ServicesDep, text: Annotated[str, Form()] = "") -> Response:
    """The tutor's own words to the student, on the student's own channel."""
    return _act(request, session, services, staff, student_id, lambda: (
        interventions.write_to_student(session, services.clock, user=staff.user,
                                       student_id=student_id, text=text,
                                       segment_budget=services.settings.sms_segment_budget)),
        done="message")


@router.post("/engagement/students/{student_id}/invite")
def invite(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
           services: ServicesDep, on: Annotated[date, Form()], at: Annotated[time, Form()],
           place: Annotated[str, Form()] = "") -> Response:
    """An invitation to meet, written for the student in their language."""
    return _act(request, session, services, staff, student_id, lambda: (
        interventions.invite_student(session, services.clock, user=staff.user,
                                     student_id=student_id, on=on, at=at, place=place,
                                     segment_budget=services.settings.sms_segment_budget)),
        done="invite")


@router.post("/engagement/students/{student_id}/meeting")
def meeting(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
            services: ServicesDep, held_on: Annotated[date, Form()],
            attendees: Annotated[str, Form()] = "", actions: Annotated[str, Form()] = "",
            review_on: Annotated[str, Form()] = "") -> Response:
    """The meeting and what was agreed: a confidential note."""
    def act() -> None:
        try:
            review = date.fromisoformat(review_on) if review_on.strip() else None
        except ValueError:
            raise InvalidInput("the review date is not a date",
                               problem="review_not_a_date") from None
        interventions.record_tutor_meeting(
            session, services.clock, user=staff.user, student_id=student_id, held_on=held_on,
            attendees=attendees.splitlines(), actions=actions, review_on=review)
    return _act(request, session, services, staff, student_id, act, done="meeting")


@router.post("/engagement/students/{student_id}/refer")
def refer(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
          services: ServicesDep, to: Annotated[str, Form()] = "",
          reason: Annotated[str, Form()] = "") -> Response:
    """A referral to the Senior Tutor, wellbeing or safeguarding, with its reason."""
    return _act(request, session, services, staff, student_id, lambda: (
        interventions.refer_student(session, services.clock, user=staff.user,
                                    student_id=student_id, to=to, reason=reason)),
        done="refer")


@router.post("/engagement/students/{student_id}/re-engaged")
def re_engaged(student_id: int, request: Request, staff: ActingStaff, session: SessionDep,
               services: ServicesDep, note: Annotated[str, Form()] = "") -> Response:
    """The tutor judges the student re-engaged."""
    return _act(request, session, services, staff, student_id, lambda: (
        interventions.re_engaged(session, services.clock, user=staff.user,
                                 student_id=student_id, note=note)), done="re_engaged")


@router.get("/engagement/plan", response_class=HTMLResponse)
def plan_page(request: Request, staff: PageStaff, session: SessionDep, services: ServicesDep,
              school: Annotated[int | None, Query()] = None,
              month: Annotated[str | None, Query()] = None) -> HTMLResponse:
    """The month's Student Success Action Plan list, by department."""
    chosen, start, end = _plan_scope(session, staff, services, school, month)
    lines = action_plan(session, school_id=chosen.id or 0, start=start, end=end)
    departments: dict[str, list[Any]] = {}
    for line in lines:
        departments.setdefault(line.department, []).append(line)
    return render(request, "engagement_plan.html", staff=staff, school=chosen,
                  schools=schools_of(session, staff), start=start, end=end,
                  departments=departments, month=f"{start:%Y-%m}")


@router.get("/engagement/plan.csv")
def plan_csv(staff: PageStaff, session: SessionDep, services: ServicesDep,
             school: Annotated[int | None, Query()] = None,
             month: Annotated[str | None, Query()] = None) -> Response:
    """The month's list as CSV for the Senior Tutors' meeting (the export audited)."""
    chosen, start, end = _plan_scope(session, staff, services, school, month)
    lines = action_plan(session, school_id=chosen.id or 0, start=start, end=end)
    audit(session, services.clock, actor=staff.actor, action="engagement.plan_exported",
          entity="school", entity_id=chosen.id, school_id=chosen.id,
          new=f"{start:%Y-%m}: {len(lines)} students")
    name = f"rollcall-action-plan-{chosen.id}-{start:%Y-%m}.csv"
    return Response(dataclass_csv(lines, PLAN_FIELDS), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _plan_scope(session: Session, staff: Staff, services: Any, school: int | None,
                month: str | None) -> tuple[School, date, date]:
    chosen = school_in_scope(session, staff, school)
    if staff.user.role not in PLAN_ROLES:
        raise Refused(403, "the action plan is for tutors, the engagement team and admins",
                      problem="plan_role")
    try:
        day = (date.fromisoformat(f"{month}-01") if month
               else local_today(chosen, services.clock))
    except ValueError:
        raise Refused(400, "month is YYYY-MM", problem="month_format") from None
    start, end = month_of(day)
    return chosen, start, end

