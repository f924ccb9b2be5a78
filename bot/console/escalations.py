"""One escalation: opened as its conversation, or on its own when there is none (a child on
the call list, a message from an unknown number)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from bot.console.actions import Action, attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff
from bot.console.refusals import refusal_status
from bot.console.scope import child_label, escalation_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.base import InboundMessage, from_payload
from scheduling import staff_actions
from store.clock import Clock
from store.contacts import contact_by_id
from store.conversations import SAFEGUARDING_INTENTS
from store.database import reread
from store.engagement import VISA_INTENT
from store.errors import RollcallError
from store.escalations import shared_escalations, staff_user
from store.inbound_events import event_by_id
from store.interventions import ENGAGEMENT_TASKS
from store.models.escalations import Escalation
from store.schools import school_by_id
from store.students import student_by_id

router = APIRouter(prefix=PREFIX)


@router.get("/escalations/{escalation_id}")
def escalation_page(escalation_id: int, request: Request, staff: PageStaff,
                    session: SessionDep, services: ServicesDep) -> Response:
    escalation = escalation_in_scope(session, staff, escalation_id)
    if escalation.conversation_id is not None:
        return RedirectResponse(f"{PREFIX}/conversations/{escalation.conversation_id}",
                                status_code=303)
    if escalation.intent in ENGAGEMENT_TASKS and escalation.student_id is not None:
        # A student's engagement task is worked on their engagement page, with its evidence;
        # a visa crossing on the compliance role's page.
        page = "visa" if escalation.intent == VISA_INTENT else "engagement"
        return RedirectResponse(f"{PREFIX}/{page}/students/{escalation.student_id}",
                                status_code=303)
    return _page(request, session, services.clock, staff, escalation)


@router.post("/escalations/{escalation_id}/acknowledge")
def acknowledge(escalation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
                services: ServicesDep) -> Response:
    """"I have it": the urgent reminders stop and colleagues see who has it."""
    return _act(request, session, services.clock, staff, escalation_id,
                lambda: staff_actions.acknowledge(session, services.clock, user=staff.user,
                                                  escalation_id=escalation_id))


@router.post("/escalations/{escalation_id}/resolve")
def resolve(escalation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
            services: ServicesDep) -> Response:
    return _act(request, session, services.clock, staff, escalation_id,
                lambda: staff_actions.resolve(session, services.clock, user=staff.user,
                                              escalation_id=escalation_id))


@router.post("/escalations/{escalation_id}/claim")
def claim(escalation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
          services: ServicesDep) -> Response:
    """"This is for our school": a message shown to several schools is taken by this one."""
    return _act(request, session, services.clock, staff, escalation_id,
                lambda: staff_actions.claim(session, services.clock, user=staff.user,
                                            escalation_id=escalation_id))


def _act(request: Request, session: Session, clock: Clock, staff: Staff, escalation_id: int,
         action: Action) -> Response:
    return exactly_once(session, clock, staff, lambda: _respond(
        request, session, clock, staff, escalation_id, action))


def _respond(request: Request, session: Session, clock: Clock, staff: Staff,
             escalation_id: int, action: Action) -> Response:
    escalation = escalation_in_scope(session, staff, escalation_id)
    refused = attempt(session, action)
    if refused is None:
        return RedirectResponse(f"{PREFIX}/escalations/{escalation_id}", status_code=303)
    reread(session, escalation)
    return _page(request, session, clock, staff, escalation, error=refused,
                 status_code=refusal_status(refused))


def _page(request: Request, session: Session, clock: Clock, staff: Staff,
          escalation: Escalation, *, error: RollcallError | None = None,
          status_code: int = 200) -> Response:
    hidden = not staff.reads_safeguarding and (
        escalation.urgency == "urgent" or escalation.intent in SAFEGUARDING_INTENTS)
    student = student_by_id(session, escalation.student_id) if escalation.student_id else None
    contact = contact_by_id(session, escalation.contact_id)
    event = (event_by_id(session, escalation.inbound_event_id)
             if escalation.inbound_event_id and not hidden else None)
    received = from_payload(event.payload) if event is not None else None
    shared = staff.reads_safeguarding and bool(shared_escalations(session, escalation))
    holder = (staff_user(session, escalation.assigned_user_id)
              if escalation.assigned_user_id else None)
    return render(request, "escalation.html", status_code=status_code, staff=staff,
                  escalation=escalation, hidden=hidden, student=student,
                  child=child_label(student), contact=None if hidden else contact,
                  event=event, received=received if isinstance(received, InboundMessage) else None,
                  holder=holder.name if holder else None, error=error, shared=shared,
                  school=school_by_id(session, escalation.school_id), now=clock.now())
