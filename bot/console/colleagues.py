"""Admins' page of colleagues: add staff (who get an emailed link to choose a password), change
a role, send a password link, unlock an account held back by wrong passwords, turn off a lost
phone's two-factor, deactivate. Every change is audited by the store function it calls.

The console's recovery path for sign-in (beside `rollcall user unlock`): a safeguarding lead
held up by someone else's guesses is let straight back in by an admin of one of their schools.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.app import Services
from bot.console.actions import attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, admin_only, schools_of
from bot.console.refusals import Refused, refusal_status
from bot.console.scope import not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from scheduling.password_links import send_password_link
from store.errors import RollcallError
from store.models.staff import StaffUser
from store.staff import (
    Role,
    add_user,
    colleagues_of,
    deactivate_user,
    held_back_until,
    unlock_user,
)
from store.staff_accounts import RESET_TTL, WELCOME_TTL, change_role, turn_off_two_factor

router = APIRouter(prefix=PREFIX)
PAGE = f"{PREFIX}/staff"


@router.get("/staff", response_class=HTMLResponse)
def colleagues_page(request: Request, staff: PageStaff, session: SessionDep,
                    services: ServicesDep) -> HTMLResponse:
    admin_only(staff)
    return _page(request, session, services, staff)


@router.post("/staff")
def add(request: Request, staff: ActingStaff, session: SessionDep, services: ServicesDep,
        name: Annotated[str, Form()], email: Annotated[str, Form()],
        role: Annotated[str, Form()], school: Annotated[int, Form()]) -> Response:
    """A new account for one of this admin's schools; its first password by an emailed link."""
    admin_only(staff)
    if school not in staff.school_ids:
        raise not_found()

    def act() -> None:
        user = add_user(session, services.clock, email=email, name=name, role=role,
                        school_ids=[school], actor=staff.actor)
        send_password_link(session, services.clock, user_id=user.id or 0, actor=staff.actor,
                           public_url=services.settings.public_url, ttl=WELCOME_TTL)
    return _acted(request, session, services, staff, act)


@router.post("/staff/{user_id}/role")
def role(user_id: int, request: Request, staff: ActingStaff, session: SessionDep,
         services: ServicesDep, role: Annotated[str, Form()]) -> Response:
    if _colleague(session, staff, user_id).id == staff.id:
        raise Refused(400, "You cannot change your own role.", problem="own_role")
    return _acted(request, session, services, staff, lambda: change_role(
        session, services.clock, user_id=user_id, role=role, actor=staff.actor))


@router.post("/staff/{user_id}/password-link")
def password_link(user_id: int, request: Request, staff: ActingStaff, session: SessionDep,
                  services: ServicesDep) -> Response:
    """Email them a one-time link to choose a new password (the old one works until then);
    for someone who never chose one, a new invitation, good as long as the first."""
    colleague = _colleague(session, staff, user_id)
    ttl = RESET_TTL if colleague.password_hash else WELCOME_TTL
    return _acted(request, session, services, staff, lambda: send_password_link(
        session, services.clock, user_id=user_id, actor=staff.actor,
        public_url=services.settings.public_url, ttl=ttl))


@router.post("/staff/{user_id}/two-factor-off")
def two_factor_off(user_id: int, request: Request, staff: ActingStaff, session: SessionDep,
                   services: ServicesDep) -> Response:
    """A lost phone: password only until they turn two-factor on again."""
    _colleague(session, staff, user_id)
    return _acted(request, session, services, staff, lambda: turn_off_two_factor(
        session, services.clock, user_id=user_id, actor=staff.actor))


@router.post("/staff/{user_id}/unlock")
def unlock(user_id: int, request: Request, staff: ActingStaff, session: SessionDep,
           services: ServicesDep) -> Response:
    """Clear a colleague's sign-in backoff at once (audited)."""
    _colleague(session, staff, user_id)
    return _acted(request, session, services, staff, lambda: unlock_user(
        session, services.clock, user_id=user_id, actor=staff.actor))


@router.post("/staff/{user_id}/deactivate")
def deactivate(user_id: int, request: Request, staff: ActingStaff, session: SessionDep,
               services: ServicesDep) -> Response:
    """They can no longer sign in, and their sessions end now (audited)."""
    if _colleague(session, staff, user_id).id == staff.id:
        raise Refused(400, "You cannot deactivate yourself.", problem="deactivate_self")
    return _acted(request, session, services, staff, lambda: deactivate_user(
        session, services.clock, user_id=user_id, actor=staff.actor))


def _page(request: Request, session: Session, services: Services, staff: Staff, *,
          error: RollcallError | None = None, status_code: int = 200) -> HTMLResponse:
    now = services.clock.now()
    rows = [{"user": user, "held_until": held_back_until(session, user_id=user.id or 0, now=now)}
            for user in colleagues_of(session, school_ids=staff.school_ids)]
    return render(request, "colleagues.html", status_code=status_code, staff=staff, rows=rows,
                  now=now, roles=list(Role), schools=schools_of(session, staff), error=error)


def _acted(request: Request, session: Session, services: Services, staff: Staff,
           action: Callable[[], object]) -> Response:
    """Once per form; a refusal (a taken email, an unknown role) re-shows the page with why."""
    def respond() -> Response:
        refused = attempt(session, action)
        if refused is not None:
            return _page(request, session, services, staff, error=refused,
                         status_code=refusal_status(refused))
        return RedirectResponse(PAGE, status_code=303)
    return exactly_once(session, services.clock, staff, respond)


def _colleague(session: Session, staff: Staff, user_id: int) -> StaffUser:
    """A member of staff of one of this admin's schools; anyone else is not found."""
    admin_only(staff)
    for user in colleagues_of(session, school_ids=staff.school_ids):
        if user.id == user_id:
            return user
    raise not_found()
