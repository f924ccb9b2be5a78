"""An urgent escalation's alerts, for the safeguarding lead: who was alerted when, on which
channel and how each message stands, who acknowledged and how (a reply ACK by SMS or email, the
alert's link, the console), every reply to the alert email, and what it was about: the child,
the family's number and language, and the reply that raised it. Linked from the inbox's urgent
rows and the escalation page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request, Response

from bot.console.auth import PREFIX, PageStaff
from bot.console.languages import language_name, staff_language
from bot.console.scope import child_label, escalation_in_scope, not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.base import InboundMessage, from_payload
from store.delivery import delivery_step
from store.models.inbound import InboundEvent
from store.schools import school_by_id
from store.staff_alerts import alert_history

router = APIRouter(prefix=PREFIX)


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply to an alert as the page shows it."""

    at: object
    alert_id: int
    outcome: str
    sender: str | None
    text: str | None


@router.get("/escalations/{escalation_id}/alerts")
def alerts_page(escalation_id: int, request: Request, staff: PageStaff, session: SessionDep,
                services: ServicesDep) -> Response:
    escalation = escalation_in_scope(session, staff, escalation_id)
    if escalation.urgency != "urgent":
        raise not_found()  # only urgent escalations alert anyone
    school = school_by_id(session, escalation.school_id)
    if not staff.reads_safeguarding:
        return render(request, "alerts.html", staff=staff, escalation=escalation,
                      hidden=True, school=school)
    history = alert_history(session, escalation)
    now = services.clock.now()
    language = history.contact.language if history.contact else None
    return render(
        request, "alerts.html", staff=staff, escalation=escalation, hidden=False,
        school=school, history=history,
        children=[(s.id, child_label(s), s.year_group) for s in history.students],
        raised_by=_message(history.raised_by),
        family_language=language_name(language, staff_language(
            request, staff.language)) + f" ({language})" if language else None,
        steps={m.id: (delivery_step(m, now=now),) for sent in history.alerts
               for m in sent.messages},
        replies=[_reply(r.at, r.alert_id, r.outcome, r.event) for r in history.replies])


def _message(event: InboundEvent | None) -> InboundMessage | None:
    received = from_payload(event.payload) if event is not None else None
    return received if isinstance(received, InboundMessage) else None


def _reply(at: object, alert_id: int, outcome: str, event: InboundEvent | None) -> Reply:
    message = _message(event)
    return Reply(at=at, alert_id=alert_id, outcome=outcome,
                 sender=message.sender if message else None,
                 text=message.text if message else None)
