"""The student page: attendance this term and year, absence flags, reasons, every message; and
recording (or lifting) a court order's restriction on one of the student's contacts. At a college
or university: the student's self-certifications, and authorising or declining one that went to
a person."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.app import Services
from bot.console.actions import attempt, exactly_once
from bot.console.attendance import reasons_by_month
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff
from bot.console.charts import SIDE_LABELS, SIDE_WIDTH, stacked_bars
from bot.console.conversation import local_today
from bot.console.refusals import Refused, refusal_status
from bot.console.scope import child_label, not_found, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling import certification_decisions
from store.attendance_figures import figures_of_students
from store.calendar import school_year_start
from store.casework_cases import case_of, letter_threads, letters_about
from store.casework_meetings import meetings_of
from store.confidential import Reader
from store.contacts import contact_of_student, contacts_of_student, set_court_order
from store.conversations import conversations_about, safeguarding_conversation_ids
from store.engagement_reports import attendance_of
from store.errors import RollcallError
from store.events import student_events
from store.evidence import evidence_of_conversation
from store.institutions import age_decides
from store.marks import student_marks
from store.messages import messages_of_conversation
from store.models.events import SelfCertification as Certificate
from store.notices import student_notices
from store.schools import school_by_id
from store.self_certifications import MAX_DECISION_NOTE, certifications_of
from store.spreadsheet import table_csv
from store.staff import Role, staff_names

router = APIRouter(prefix=PREFIX)
NOTICES_SHOWN_DAYS = 14  # notices for the last two weeks and everything ahead
EVENTS_SHOWN_DAYS = 7  # a college or university student's timetabled events: the last week
# Who may authorise (or decline) a self-certification that went beyond the policy to a person.
AUTHORISERS = frozenset({Role.ADMIN, Role.OFFICER, Role.ENGAGEMENT})


@router.get("/students/{student_id}/reasons.csv")
def reasons_csv(student_id: int, staff: PageStaff, session: SessionDep,
                services: ServicesDep) -> Response:
    """The student's reasons over this school year, a line per month and reason, as CSV."""
    student = student_in_scope(session, staff, student_id)
    school = school_by_id(session, student.school_id)
    assert school is not None
    year_start = school_year_start(local_today(school, services.clock))
    months = reasons_by_month(student_marks(session, student_id, start=year_start))
    body = table_csv(("month", "reason", "sessions"), [
        (month.isoformat()[:7], reason, n) for month, counts in months.items()
        for reason, n in counts.most_common()])
    return Response(body, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition":
            f'attachment; filename="rollcall-reasons-{student.mis_id}-{year_start}.csv"'})


@router.get("/students/{student_id}", response_class=HTMLResponse)
def student_page(student_id: int, request: Request, staff: PageStaff, session: SessionDep,
                 services: ServicesDep) -> HTMLResponse:
    return _page(request, session, services, staff, student_id)


def _page(request: Request, session: Session, services: Services, staff: Staff,
          student_id: int, *, error: RollcallError | None = None,
          status_code: int = 200) -> HTMLResponse:
    """The student page; `error`: why a decision on a self-certification was refused."""
    student = student_in_scope(session, staff, student_id)
    school = school_by_id(session, student.school_id)
    assert school is not None and school.id is not None
    today = local_today(school, services.clock)
    year_start = school_year_start(today)
    figures = figures_of_students(session, school, [student_id], today)[student_id]
    marks = student_marks(session, student_id, start=year_start)
    reasons = reasons_by_month(marks)
    contacts = contacts_of_student(session, student_id)
    letters = letters_about(session, school_id=school.id, student_id=student_id)
    events = None if school.setting == "school" else student_events(
        session, student_id=student_id, start=today - timedelta(days=EVENTS_SHOWN_DAYS),
        end=today)
    # Each event authorised on a self-certification shows its reason, from this list.
    certifications = [] if events is None else certifications_of(session, student_id=student_id)
    return render(
        request, "student.html", status_code=status_code, error=error, staff=staff,
        student=student, label=child_label(student),
        school=school, today=today, min_possible=school.min_possible_sessions,
        term=figures.term, year=figures.year,
        reasons=reasons, reason_plots={month: stacked_bars(
            [(reason, [("sessions", n)]) for reason, n in counts.most_common()],
            width=SIDE_WIDTH, labels=SIDE_LABELS) for month, counts in reasons.items()},
        marks=marks[:40], contacts=contacts,
        conversations=_conversations(session, staff, student_id),
        notices=student_notices(session, student_id=student_id,
                                since=today - timedelta(days=NOTICES_SHOWN_DAYS)),
        case=case_of(session, student_id=student_id),
        letters=letters, threads=letter_threads(session, letters),
        meetings=meetings_of(session, student_id=student_id,
                             reader=Reader.of(staff.user)),
        events=events, week=attendance_of(a.status for _, a in events or ()),
        certifications=None if events is None else _with_evidence(session, certifications),
        certified={c.id: c for c in certifications},
        authorises=staff.user.role in AUTHORISERS,
        no_birth_date=student.date_of_birth is None and age_decides(school),
        tutors=staff_names(session, {student.personal_tutor_id, student.senior_tutor_id}))


@router.post("/students/{student_id}/contacts/{contact_id}/court-order")
def court_order(student_id: int, contact_id: int, staff: ActingStaff, session: SessionDep,
                services: ServicesDep, restricted: Annotated[bool, Form()]) -> Response:
    """Record that a court order restricts this contact (nothing is sent to them from now on,
    on any path), or lift it: audited with who, when and the old and new value."""
    student_in_scope(session, staff, student_id)
    contact = contact_of_student(session, student_id=student_id, contact_id=contact_id)
    if contact is None:
        raise not_found()

    def act() -> Response:
        set_court_order(session, services.clock, contact, restricted=restricted,
                        actor=f"staff:{staff.id}")
        return RedirectResponse(f"{PREFIX}/students/{student_id}#contacts", status_code=303)
    return exactly_once(session, services.clock, staff, act)


@router.post("/students/{student_id}/self-certifications/{certification_id}/authorise")
def authorise_certification(student_id: int, certification_id: int, request: Request,
                            staff: ActingStaff, session: SessionDep,
                            services: ServicesDep) -> Response:
    """A person authorises a self-certification that went to them (beyond the policy, evidence
    to look at, an event staff had marked): its days' missed or untaken events become
    authorised, never one attended, and its escalation is closed; audited with who did it."""
    return _decide(request, student_id, staff, session, services, lambda: (
        certification_decisions.authorise(session, services.clock, user=staff.user,
                                          student_id=student_id,
                                          certification_id=certification_id)))


@router.post("/students/{student_id}/self-certifications/{certification_id}/decline")
def decline_certification(student_id: int, certification_id: int, request: Request,
                          staff: ActingStaff, session: SessionDep, services: ServicesDep,
                          reason: Annotated[str, Form(max_length=MAX_DECISION_NOTE)]
                          ) -> Response:
    """A person declines a self-certification that went to them, saying why: its events stay
    unauthorised, whoever reported it is told the reason in their language, and its escalation
    is closed; audited with who did it."""
    return _decide(request, student_id, staff, session, services, lambda: (
        certification_decisions.decline(session, services.clock, user=staff.user,
                                        student_id=student_id,
                                        certification_id=certification_id, reason=reason)))


def _decide(request: Request, student_id: int, staff: Staff, session: Session,
            services: Services, decide: Callable[[], object]) -> Response:
    """A decision on one of the student's self-certifications, by a role that may make it,
    exactly once; a refusal (not waiting, no reason) re-shows the page saying why, in the
    reader's language, and changes nothing."""
    student_in_scope(session, staff, student_id)
    if staff.user.role not in AUTHORISERS:
        raise Refused(403, "Your role cannot decide a self-certification.",
                      problem="certification_role")

    def act() -> Response:
        refused = attempt(session, decide)
        if refused is not None:
            return _page(request, session, services, staff, student_id, error=refused,
                         status_code=refusal_status(refused))
        return RedirectResponse(f"{PREFIX}/students/{student_id}#self-certifications",
                                status_code=303)
    return exactly_once(session, services.clock, staff, act)


def _with_evidence(session: Session,
                   certifications: list[Certificate]) -> list[dict[str, object]]:
    """The student's self-certifications, each with its evidence's ids."""
    return [{"certification": c, "evidence": [e.id for e in evidence_of_conversation(
        session, c.conversation_id)] if c.conversation_id and c.evidence else []}
            for c in certifications]


def _conversations(session: Session, staff: Staff, student_id: int) -> list[dict[str, object]]:
    """Every conversation about the student, newest first, with its messages unless they are
    safeguarding content this member of staff may not read."""
    conversations = conversations_about(session, student_id)
    restricted = safeguarding_conversation_ids(
        session, [c.id for c in conversations if c.id is not None])
    holders = staff_names(session, {c.assigned_user_id for c in conversations})
    result: list[dict[str, object]] = []
    for conversation in conversations:
        hidden = conversation.id in restricted and not staff.reads_safeguarding
        messages = [] if hidden else messages_of_conversation(session, conversation.id)
        result.append({"conversation": conversation, "hidden": hidden,
                       "restricted": conversation.id in restricted, "messages": messages,
                       "holder": holders.get(conversation.assigned_user_id or -1)})
    return result
