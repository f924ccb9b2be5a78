"""The console's buttons: start a conversation, take over, reply, set a code, hand back,
resolve.

Each is a POST with the form's CSRF token that calls the one set of staff service functions
(`scheduling.staff_actions`), which check the role, do the change and audit it. The console
only adds its own scope check first (another school's id is 404 before anything runs) and
turns refusals into a message on the page.

Exactly once: every form carries an idempotency key (rendered with it, `form_key()` in the
templates). `exactly_once` claims the key in the request's transaction before acting, so a
double click or a browser resubmit of the same form is one action, on any node: the second
submit waits for the first to commit, then gets the same outcome (its redirect) and changes
nothing. A refused action releases its key, since it changed nothing either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from bot.app import Services
from bot.console.auth import PREFIX, ActingStaff, Staff
from bot.console.conversation import conversation_context
from bot.console.refusals import Refused, refusal_status, refused_page
from bot.console.scope import conversation_in_scope, not_found, student_in_scope
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling import staff_actions
from store.clock import Clock
from store.console_sessions import claim_form_key, record_form_outcome, release_form_key
from store.conversations import students_concerned
from store.database import reread
from store.errors import Forbidden, InvalidCode, InvalidInput, NotFound, RollcallError
from store.escalations import open_escalation_ids
from store.reasons import mark_by_id

Action = Callable[[], object]

router = APIRouter(prefix=PREFIX)


@router.post("/conversations/{conversation_id}/take-over")
def take_over(conversation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
              services: ServicesDep) -> Response:
    """Staff answer from now on; open escalations are acknowledged so reminders stop."""
    def act() -> None:
        staff_actions.take_over(session, services.clock, user=staff.user,
                                conversation_id=conversation_id)
        for escalation_id in open_escalation_ids(session, conversation_id):
            staff_actions.acknowledge(session, services.clock, user=staff.user,
                                      escalation_id=escalation_id)
    return _run(request, session, services, staff, conversation_id, act, done="take-over")


@router.post("/conversations/{conversation_id}/reply")
def reply(conversation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
          services: ServicesDep, text: Annotated[str, Form()] = "",
          send_now: Annotated[str, Form()] = "") -> Response:
    """In the school's quiet hours the reply is held until they end unless "send it now?" was
    ticked on the form."""
    return _run(request, session, services, staff, conversation_id,
                lambda: staff_actions.reply(
                    session, services.clock, user=staff.user, conversation_id=conversation_id,
                    text=text, segment_budget=services.settings.sms_segment_budget,
                    send_now=bool(send_now)), done="reply")


@router.post("/conversations/{conversation_id}/code")
def set_code(conversation_id: int, request: Request, staff: ActingStaff, session: SessionDep,
             services: ServicesDep, mark_id: Annotated[int, Form()],
             code: Annotated[str, Form()], reason: Annotated[str, Form()] = "") -> Response:
    """Only a mark of a child in this conversation, only a current code, always a reason."""
    def act() -> None:
        mark = mark_by_id(session, mark_id)
        about = {s.id for s in students_concerned(session, conversation_in_scope(
            session, staff, conversation_id))}
        if mark is None or mark.student_id not in about:
            raise not_found()
        staff_actions.set_code(session, services.clock, user=staff.user, mark_id=mark_id,
                               code=code.strip().upper(), reason=reason)
    return _run(request, session, services, staff, conversation_id, act, done="code")


@router.post("/students/{student_id}/contacts/{contact_id}/conversation")
def start_conversation(student_id: int, contact_id: int, staff: ActingStaff,
                       session: SessionDep, services: ServicesDep) -> Response:
    """From the student page or the call list: write to one of the child's contacts before
    the family has written, in a conversation this member of staff holds."""
    student_in_scope(session, staff, student_id)

    def respond() -> Response:
        started: list[int | None] = []
        refused = attempt(session, lambda: started.append(staff_actions.start_conversation(
            session, services.clock, user=staff.user, student_id=student_id,
            contact_id=contact_id).id))
        if refused is not None:
            raise refused_page(refused)
        return RedirectResponse(f"{PREFIX}/conversations/{started[0]}?done=started",
                                status_code=303)
    return exactly_once(session, services.clock, staff, respond)


def _add_plain_action(path: str, service: Callable[..., object]) -> None:
    """A button with nothing to fill in: hand back, resolve."""
    @router.post(f"/conversations/{{conversation_id}}/{path}", name=path)
    def plain_action(conversation_id: int, request: Request, staff: ActingStaff,
                     session: SessionDep, services: ServicesDep) -> Response:
        return _run(request, session, services, staff, conversation_id,
                    lambda: service(session, services.clock, user=staff.user,
                                    conversation_id=conversation_id), done=path)


_add_plain_action("hand-back", staff_actions.hand_back)
_add_plain_action("resolve", staff_actions.resolve)


def attempt(session: Session, action: Action) -> RollcallError | None:
    """Run a staff action in a savepoint: None when it was done, else the refusal (a role that
    may not, bad input), with nothing it touched kept. Not-found stays a 404."""
    savepoint = session.begin_nested()
    try:
        action()
    except NotFound:
        savepoint.rollback()
        raise not_found() from None
    except (Forbidden, InvalidInput, InvalidCode) as refused:
        savepoint.rollback()
        return refused
    savepoint.commit()
    return None


def exactly_once(session: Session, clock: Clock, staff: Staff,
                 respond: Callable[[], Response]) -> Response:
    """Act once per form: `respond` runs only for a key not seen before (or a form without
    one); a repeat gets the first submit's redirect."""
    key = staff.form_key
    if key is None:
        return respond()
    earlier = claim_form_key(session, key=key, user_id=staff.id, now=clock.now())
    if earlier is not None:
        if earlier.user_id != staff.id or not earlier.outcome:
            raise Refused(409, "This form was already sent.", problem="form_sent")
        return RedirectResponse(earlier.outcome, status_code=303)
    response = respond()
    if response.status_code == 303:
        record_form_outcome(session, key=key, outcome=response.headers["location"])
    else:
        release_form_key(session, key=key)
    return response


def _run(request: Request, session: Session, services: Services, staff: Staff,
         conversation_id: int, action: Action, *, done: str) -> Response:
    """Scope first, then the action, once per form; a refusal re-shows the page with why,
    changing nothing. Done, the page says so (`done`: which action, confirmed there)."""
    return exactly_once(session, services.clock, staff, lambda: _respond(
        request, session, services, staff, conversation_id, action, done=done))


def _respond(request: Request, session: Session, services: Services, staff: Staff,
             conversation_id: int, action: Action, *, done: str) -> Response:
    conversation = conversation_in_scope(session, staff, conversation_id)
    refused = attempt(session, action)
    if refused is None:
        return RedirectResponse(f"{PREFIX}/conversations/{conversation_id}?done={done}",
                                status_code=303)
    reread(session, conversation)
    context = conversation_context(session, staff, services.clock, conversation)
    return render(request, "conversation.html", status_code=refusal_status(refused),
                  staff=staff, now=services.clock.now(), error=refused, **context)

