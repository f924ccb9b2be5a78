"""The inbox: open escalations for the staff member's schools, urgent first, live-updated.

One row per conversation: a family writing about two children is one thing to answer, so its
escalations share a row that lists each child (the most urgent, oldest escalation leads)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from bot.console.auth import PREFIX, ApiStaff, PageStaff, Staff, schools_of
from bot.console.scope import child_label
from bot.console.views import render, render_fragment
from bot.deps import ServicesDep, SessionDep
from conversations.types import Intent
from store.confidential import Reader
from store.conversations import (
    SAFEGUARDING_INTENTS,
    safeguarding_conversation_ids,
    students_of_conversations,
)
from store.database import rows_by_id
from store.escalations import open_escalations
from store.interventions import TASK_INTENTS, may_read_task, may_see_task
from store.messages import last_received_text
from store.models.conversations import Conversation
from store.models.escalations import Escalation
from store.models.people import Contact, Student
from store.models.schools import School
from store.staff import staff_names
from store.students import year_groups


@dataclass(frozen=True, slots=True)
class InboxFilters:
    school: int | None = None
    year: str | None = None
    intent: str | None = None
    urgency: str | None = None
    mine: bool = False

    @classmethod
    def from_query(cls, request: Request) -> InboxFilters:
        query = request.query_params
        school = query.get("school", "")
        return cls(school=int(school) if school.isdigit() else None,
                   year=query.get("year") or None, intent=query.get("intent") or None,
                   urgency=query.get("urgency") or None, mine=query.get("mine") == "1")


@dataclass(frozen=True, slots=True)
class InboxChild:
    student_id: int | None
    label: str
    year: str | None


@dataclass(frozen=True, slots=True)
class InboxItem:
    escalation_id: int  # the row's lead escalation; `escalation_ids` has them all
    escalation_ids: tuple[int, ...]
    conversation_id: int | None
    school: str
    urgent: bool
    intent: str | None
    raised_at: datetime
    minutes: int
    children: tuple[InboxChild, ...]
    contact: str | None  # None: an unknown sender (the page words it in its language)
    channel: str | None
    last_message: str | None  # None when hidden (safeguarding, not a DSL)
    restricted: bool
    assigned_to: str | None
    status: str
    why_code: str | None = None  # set when `last_message` is the escalation's reason
    why_params: str | None = None
    # A message came in (a conversation or an inbound event): a row without a contact is then
    # an unknown sender; a task the school's own figures raised (a framework review) has none.
    from_message: bool = True


def inbox_items(session: Session, staff: Staff, *, filters: InboxFilters,
                now: datetime) -> list[InboxItem]:
    """Open escalations the staff member may see, urgent first, then oldest first, one row
    per conversation."""
    schools = staff.school_ids if filters.school is None else (
        staff.school_ids & {filters.school})
    escalations = open_escalations(session, school_ids=schools, intent=filters.intent,
                                   urgency=filters.urgency)
    conversations = rows_by_id(session, Conversation, (e.conversation_id for e in escalations))
    linked = students_of_conversations(session, conversations)
    students = rows_by_id(session, Student, [*(e.student_id for e in escalations),
                                             *(s for ids in linked.values() for s in ids)])
    contacts = rows_by_id(session, Contact, (_contact_id(e, conversations) for e in escalations))
    school_names = rows_by_id(session, School, (e.school_id for e in escalations))
    restricted = safeguarding_conversation_ids(session, list(conversations))
    holders = {e.id: _holder(e, conversations.get(e.conversation_id or 0)) for e in escalations}
    names = staff_names(session, set(holders.values()))
    reader = Reader.of(staff.user)
    items = []
    for escalation in escalations:
        if not may_see_task(reader, escalation):
            continue
        student = students.get(escalation.student_id or 0)
        holder = holders[escalation.id]
        if filters.year and (student is None or student.year_group != filters.year):
            continue
        if filters.mine and holder != staff.id:
            continue
        conversation = conversations.get(escalation.conversation_id or 0)
        contact = contacts.get(_contact_id(escalation, conversations) or 0)
        hidden = (escalation.conversation_id in restricted or escalation.urgency == "urgent"
                  or escalation.intent in SAFEGUARDING_INTENTS)
        assert escalation.id is not None and escalation.created_at is not None
        shown, is_why = (None, False) if hidden and not staff.reads_safeguarding else (
            _last_inbound(session, escalation, reader, student))
        items.append(InboxItem(
            escalation_id=escalation.id, escalation_ids=(escalation.id,),
            conversation_id=escalation.conversation_id,
            school=school.name if (school := school_names.get(escalation.school_id or 0)) else "",
            urgent=escalation.urgency == "urgent", intent=escalation.intent,
            raised_at=escalation.created_at,
            minutes=max(0, int((now - escalation.created_at).total_seconds() // 60)),
            children=_children([escalation.student_id,
                                *linked.get(escalation.conversation_id or 0, [])], students),
            contact=contact.name if contact else None,
            channel=conversation.channel if conversation else None,
            last_message=shown, restricted=hidden,
            assigned_to=names.get(holder) if holder else None, status=escalation.status,
            # The escalation's own reason stands in for a message: worded in the reader's
            # language from its code (bot/console/templates/_whys.html).
            why_code=escalation.why_code if is_why else None,
            why_params=escalation.why_params if is_why else None,
            from_message=(escalation.conversation_id is not None
                          or escalation.inbound_event_id is not None)))
    items.sort(key=lambda item: (not item.urgent, item.raised_at))
    return one_per_conversation(items)


def one_per_conversation(items: list[InboxItem]) -> list[InboxItem]:
    """Fold the escalations of one conversation into its first (most urgent, oldest) row,
    keeping each child once; the row's last message is hidden if any of them hides it."""
    rows: dict[int | tuple[str, int], InboxItem] = {}
    for item in items:
        key = item.conversation_id if item.conversation_id is not None else (
            "escalation", item.escalation_id)
        lead = rows.get(key)
        if lead is None:
            rows[key] = item
            continue
        rows[key] = replace(
            lead, escalation_ids=lead.escalation_ids + item.escalation_ids,
            children=lead.children + tuple(c for c in item.children if c not in lead.children),
            restricted=lead.restricted or item.restricted,
            last_message=None if item.last_message is None else lead.last_message)
    return list(rows.values())


router = APIRouter(prefix=PREFIX)


@router.get("/", response_class=HTMLResponse)
def inbox_page(request: Request, staff: PageStaff, session: SessionDep,
               services: ServicesDep) -> HTMLResponse:
    filters = InboxFilters.from_query(request)
    items = inbox_items(session, staff, filters=filters, now=services.clock.now())
    return render(request, "inbox.html", staff=staff, items=items, filters=filters,
                  schools=schools_of(session, staff), intents=_intents(),
                  years=year_groups(session, staff.school_ids), now=services.clock.now())


@router.get("/api/inbox")
def inbox_api(request: Request, staff: ApiStaff, session: SessionDep,
              services: ServicesDep) -> dict[str, Any]:
    """The inbox as JSON, with the rows pre-rendered so the page swaps them in unchanged."""
    filters = InboxFilters.from_query(request)
    now = services.clock.now()
    items = inbox_items(session, staff, filters=filters, now=now)
    return {"now": now.isoformat(), "count": len(items),
            "urgent": sum(item.urgent for item in items),
            "items": [_as_json(item) for item in items],
            "html": render_fragment(request, "_inbox_rows.html", items=items, staff=staff)}


def _as_json(item: InboxItem) -> dict[str, Any]:
    data = asdict(item)
    data["raised_at"] = item.raised_at.isoformat()
    data["contact"] = item.contact or "unknown sender"  # the JSON's readers are programs
    return data


def _contact_id(escalation: Escalation, conversations: dict[int, Conversation]) -> int | None:
    if escalation.contact_id is not None:
        return escalation.contact_id
    conversation = conversations.get(escalation.conversation_id or 0)
    return conversation.contact_id if conversation is not None else None


def _children(student_ids: list[int | None], students: dict[int, Student]) -> tuple[
        InboxChild, ...]:
    """Each child once, the escalation's own first; "—" when it names none and none is
    linked yet."""
    unique = [i for i in dict.fromkeys(student_ids) if i is not None and i in students]
    if not unique:
        return (InboxChild(student_id=None, label=child_label(None), year=None),)
    return tuple(InboxChild(student_id=i, label=child_label(students[i]),
                            year=students[i].year_group) for i in unique)


def _holder(escalation: Escalation, conversation: Conversation | None) -> int | None:
    if conversation is not None and conversation.assigned_user_id is not None:
        return conversation.assigned_user_id
    return escalation.assigned_user_id


def _last_inbound(session: Session, escalation: Escalation, reader: Reader,
                  student: Student | None) -> tuple[str | None, bool]:
    """The row's text, and whether it is the escalation's own reason (no message to show)."""
    if escalation.conversation_id is None:
        if escalation.intent in TASK_INTENTS and (
                student is None or not may_read_task(reader, student, escalation)):
            return "", False  # a referral's reason is for its tutors and whoever has it
        return escalation.why, True
    received = last_received_text(session, escalation.conversation_id)
    return (received, False) if received else (escalation.why, True)


def _intents() -> list[str]:
    return [intent.value for intent in Intent]
