"""The conversation view: the thread across channels, the child's marks, who has it.

Viewing a safeguarding conversation is audited; without the safeguarding role the page says
only that it exists and who has it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from bot.console.auth import PREFIX, ApiStaff, PageStaff, Staff
from bot.console.languages import staff_language
from bot.console.scope import (
    child_label,
    conversation_in_scope,
    evidence_in_scope,
    hidden_from,
    is_restricted,
    not_found,
)
from bot.console.views import delivery_macro, render
from bot.deps import ServicesDep, SessionDep
from conversations.types import Reading
from conversations.understanding import classify
from store import calendar
from store.attendance_figures import figures_of_students
from store.audit import audit
from store.clock import Clock
from store.codes import CODES
from store.contacts import contact_by_id
from store.conversations import conversation_by_id, students_concerned
from store.delivery import DeliveryStep, deliveries, family_outbox
from store.escalations import escalations_of_conversation
from store.evidence import evidence_of_conversation
from store.lexicons import load_lexicons
from store.marks import student_marks
from store.messages import messages_of_conversation
from store.models.conversations import Conversation, Message
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.people import Student
from store.models.schools import School
from store.schools import school_by_id
from store.staff import staff_names

RECENT_DAYS = 14


@dataclass(frozen=True, slots=True)
class ThreadItem:
    at: datetime
    direction: str  # in | out
    channel: str
    author: str
    body: str
    intent: str | None = None
    status: str | None = None  # the outbox status of a message going out
    evidence_id: int | None = None
    content_type: str | None = None
    delivery: tuple[DeliveryStep, ...] = ()  # each try: queued, held until 07:30, sent, ...
    reading: Reading | None = None  # a family's reply as the engine reads it (language, days)


def local_today(school: School, clock: Clock) -> date:
    return clock.now().astimezone(ZoneInfo(school.timezone)).date()


def reading_of(message: Message, school: School, contact_language: str | None) -> Reading | None:
    """What the engine reads in a family's reply, on the day it came (its language and the days
    and sessions it names), so staff who do not read the language see its gist beside it."""
    if message.direction != "in" or not message.body.strip():
        return None
    day = message.created_at.astimezone(ZoneInfo(school.timezone)).date() \
        if message.created_at else None
    return classify(message.body, lexicons=load_lexicons(), language_hint=contact_language,
                    today=day)


def thread(session: Session, conversation_id: int, *, now: datetime) -> list[ThreadItem]:
    """Every message of the conversation on every channel, evidence, and what the outbox holds
    for the family, each message going out with its delivery state (never shown as sent
    before it went)."""
    messages = messages_of_conversation(session, conversation_id)
    conversation = conversation_by_id(session, conversation_id)
    # Only what went (or is going) to the family: alerts to staff share the conversation id.
    outbox = family_outbox(session, conversation_id=conversation_id,
                           contact_id=conversation.contact_id if conversation else None)
    steps = deliveries(session, [*(m.outbox_id for m in messages if m.outbox_id is not None),
                                 *(row.id for row in outbox if row.id is not None)], now=now)
    status = {row.id: row.status for row in outbox}
    authors = staff_names(session, {_staff_id(m.author) for m in messages})
    school = school_by_id(session, conversation.school_id) if conversation else None
    contact = contact_by_id(session, conversation.contact_id) if conversation else None
    items = [ThreadItem(at=m.created_at or datetime.min, direction=m.direction,
                        channel=m.channel, body=m.body, intent=m.intent,
                        author=_author_label(m.author, authors),
                        status=status.get(m.outbox_id) if m.outbox_id else None,
                        delivery=steps.get(m.outbox_id, ()) if m.outbox_id else (),
                        reading=reading_of(m, school, contact.language if contact else None)
                        if school else None)
             for m in messages]
    with_message = {m.outbox_id for m in messages if m.outbox_id is not None}
    items += [ThreadItem(at=row.created_at or datetime.min, direction="out",
                         channel=row.channel, body=row.body, status=row.status,
                         author="staff" if row.staff_user_id else "bot",
                         delivery=steps.get(row.id or 0, ()))
              for row in outbox if row.id not in with_message]
    evidence = evidence_of_conversation(session, conversation_id)
    items += [ThreadItem(at=e.created_at or datetime.min, direction="in", channel="evidence",
                         author="contact", body=e.filename or e.content_type,
                         evidence_id=e.id, content_type=e.content_type) for e in evidence]
    return sorted(items, key=lambda item: item.at)


def quiet_until(school: School, now: datetime) -> datetime | None:
    """When the school's quiet hours end, while they last: a staff reply is then held until
    that time unless the person confirms it should go now."""
    end = calendar.quiet_hours_end(school, now)
    return end if end > now else None


def _why_repeats_intent(escalation: Escalation) -> bool:
    """'Safeguarding concern · … · the reply reads as: Safeguarding concern': an urgent
    reading's reason is only its intent, which the line already names."""
    if escalation.why_code == "reads_as":
        params: dict[str, Any] = json.loads(escalation.why_params or "{}")
        return params.get("intent") == escalation.intent
    return escalation.why == f"reply reads as {escalation.intent}"  # a row from before codes


def conversation_context(session: Session, staff: Staff, clock: Clock,
                         conversation: Conversation) -> dict[str, Any]:
    """Everything the page and its JSON twin show; content left out when it is hidden. The
    term's percentage only for a child with the school's `min_possible_sessions` or more."""
    assert conversation.id is not None
    school = school_by_id(session, conversation.school_id)
    assert school is not None
    hidden = hidden_from(staff, session, conversation.id)
    escalations = escalations_of_conversation(session, conversation.id)
    holder_ids = {conversation.assigned_user_id, *(e.assigned_user_id for e in escalations)}
    names = staff_names(session, holder_ids)
    students = students_concerned(session, conversation)
    today = local_today(school, clock)
    # A family writing about three children has three escalations: each line names its child.
    children = {s.id: {"label": child_label(s), "year": s.year_group} for s in students}
    context: dict[str, Any] = {
        "conversation": conversation, "school": school, "hidden": hidden,
        "restricted": is_restricted(session, conversation.id),
        "holder": names.get(conversation.assigned_user_id or -1),
        "held_by_me": conversation.assigned_user_id == staff.id,
        "escalations": [{"id": e.id, "urgent": e.urgency == "urgent", "intent": e.intent,
                         "status": e.status, "raised_at": e.created_at,
                         "assigned_to": names.get(e.assigned_user_id or -1),
                         "child": children.get(e.student_id or -1),
                         "why": None if hidden or _why_repeats_intent(e) else e.why,
                         "why_code": e.why_code, "why_params": e.why_params}
                        for e in escalations],
        "students": [{"id": s.id, "label": child_label(s), "year": s.year_group}
                     for s in students],
        "today": today,
    }
    if hidden:
        return context
    contact = contact_by_id(session, conversation.contact_id)
    context.update(
        contact=contact, thread=thread(session, conversation.id, now=clock.now()),
        quiet_until=quiet_until(school, clock.now()),
        marks_today={s.id: _marks(session, s, today, today) for s in students},
        recent={s.id: _marks(session, s, today - timedelta(days=RECENT_DAYS), today)
                for s in students},
        term={student_id: figures.term for student_id, figures in figures_of_students(
            session, school, [s.id for s in students if s.id is not None], today).items()
            if figures.term.telling(school.min_possible_sessions)},
        codes=list(CODES.values()))
    return context


router = APIRouter(prefix=PREFIX)


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def conversation_page(conversation_id: int, request: Request, staff: PageStaff,
                      session: SessionDep, services: ServicesDep) -> HTMLResponse:
    conversation = conversation_in_scope(session, staff, conversation_id)
    context = conversation_context(session, staff, services.clock, conversation)
    _audit_view(session, services.clock, staff, context)
    # `done` names the action just taken (the redirect after it), confirmed on the page.
    return render(request, "conversation.html", staff=staff, now=services.clock.now(),
                  done=request.query_params.get("done", ""), **context)


@router.get("/api/conversations/{conversation_id}")
def conversation_api(conversation_id: int, request: Request, staff: ApiStaff,
                     session: SessionDep, services: ServicesDep) -> dict[str, Any]:
    """Who has the conversation and its thread (polled so two staff see each other)."""
    conversation = conversation_in_scope(session, staff, conversation_id)
    context = conversation_context(session, staff, services.clock, conversation)
    _audit_view(session, services.clock, staff, context)
    data: dict[str, Any] = {"id": conversation.id, "mode": conversation.mode,
                            "holder": context["holder"], "restricted": context["restricted"],
                            "hidden": context["hidden"]}
    if not context["hidden"]:
        # The delivery state in the reader's language, as the page shows it, so the page can
        # update it in place (sent, then delivered or failed) without reloading.
        shown = delivery_macro(staff_language(request, staff.language))
        timezone = context["school"].timezone
        data["thread"] = [{"at": item.at.isoformat(), "direction": item.direction,
                           "channel": item.channel, "author": item.author, "body": item.body,
                           "intent": item.intent, "status": item.status,
                           "delivery": [{"channel": d.channel, "state": d.state,
                                         "until": d.until.isoformat() if d.until else None,
                                         "why": d.why} for d in item.delivery],
                           "delivery_html": str(shown(item.delivery, timezone))}
                          for item in context["thread"]]
    return data


@router.get("/evidence/{evidence_id}")
def evidence_file(evidence_id: int, staff: PageStaff, session: SessionDep,
                  services: ServicesDep) -> Response:
    """An attachment, only to staff who may read its conversation; never cached."""
    evidence = evidence_in_scope(session, staff, evidence_id)
    assert evidence.conversation_id is not None
    if hidden_from(staff, session, evidence.conversation_id):
        raise not_found()
    if is_restricted(session, evidence.conversation_id):
        audit(session, services.clock, actor=staff.actor, action="evidence.view",
              entity="evidence", entity_id=evidence_id,
              school_id=_school_of(session, evidence.conversation_id))
    inline = evidence.content_type in ("image/jpeg", "image/png", "application/pdf")
    disposition = "inline" if inline else "attachment"
    return Response(evidence.data, media_type=evidence.content_type,
                    headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                             "Content-Disposition": f'{disposition}; filename="evidence-'
                                                    f'{evidence_id}"'})


def _audit_view(session: Session, clock: Clock, staff: Staff, context: dict[str, Any]) -> None:
    """Every look at a safeguarding conversation is recorded, granted or not."""
    if not context["restricted"]:
        return
    conversation = context["conversation"]
    audit(session, clock, actor=staff.actor,
          action="conversation.view_refused" if context["hidden"] else "conversation.view",
          entity="conversation", entity_id=conversation.id, school_id=conversation.school_id)


def _marks(session: Session, student: Student, start: date, end: date) -> list[Mark]:
    return student_marks(session, student.id, start=start, end=end)


def _school_of(session: Session, conversation_id: int) -> int | None:
    conversation = conversation_by_id(session, conversation_id)
    return conversation.school_id if conversation else None


def _staff_id(author: str) -> int | None:
    if author.startswith("staff:") and author[6:].isdigit():
        return int(author[6:])
    return None


def _author_label(author: str, names: dict[int, str]) -> str:
    staff_id = _staff_id(author)
    return names.get(staff_id, "staff") if staff_id is not None else author
