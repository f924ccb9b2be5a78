"""Admins' page of colleagues: who is held back by wrong passwords, unlock them, deactivate.

The console's recovery path for sign-in (beside `rollcall user unlock`): a safeguarding lead
held up by someone else's guesses is let straight back in by an admin of one of their schools.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session

from bot.console.actions import exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, admin_only
from bot.console.scope import not_found
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.models import StaffUser
from store.staff import colleagues_of, deactivate_user, held_back_until, unlock_user

router = APIRouter(prefix=PREFIX)
PAGE = f"{PREFIX}/staff"


@router.get("/staff", response_class=HTMLResponse)
def colleagues_page(request: Request, staff: PageStaff, session: SessionDep,
                    services: ServicesDep) -> HTMLResponse:
    admin_only(staff)
    now = services.clock.now()
    rows = [{"user": user, "held_until": held_back_until(session, user_id=user.id or 0, now=now)}
            for user in colleagues_of(session, school_ids=staff.school_ids)]
    return render(request, "colleagues.html", staff=staff, rows=rows, now=now)


@router.post("/staff/{user_id}/unlock")
def unlock(user_id: int, staff: ActingStaff, session: SessionDep,
           services: ServicesDep) -> Response:
    """Clear a colleague's sign-in backoff at once (audited)."""
    _colleague(session, staff, user_id)

    def act() -> Response:
        unlock_user(session, services.clock, user_id=user_id, actor=staff.actor)
        return RedirectResponse(PAGE, status_code=303)
    return exactly_once(session, services.clock, staff, act)


@router.post("/staff/{user_id}/deactivate")
def deactivate(user_id: int, staff: ActingStaff, session: SessionDep,
               services: ServicesDep) -> Response:
    """They can no longer sign in, and their sessions end now (audited)."""
    if _colleague(session, staff, user_id).id == staff.id:
        raise HTTPException(400, "You cannot deactivate yourself.")

    def act() -> Response:
        deactivate_user(session, services.clock, user_id=user_id, actor=staff.actor)
        return RedirectResponse(PAGE, status_code=303)
    return exactly_once(session, services.clock, staff, act)


def _colleague(session: Session, staff: Staff, user_id: int) -> StaffUser:
    """A member of staff of one of this admin's schools; anyone else is not found."""
    admin_only(staff)
    for user in colleagues_of(session, school_ids=staff.school_ids):
        if user.id == user_id:
            return user
    raise not_found()
