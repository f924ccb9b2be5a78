"""A member of staff's own account: choosing a password from an emailed one-time link (no
sign-in needed: the link is the proof), and turning on two-factor sign-in (admins and
safeguarding leads, who see the most) with an authenticator app.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from bot.console.actions import attempt
from bot.console.auth import (
    PREFIX,
    SIGN_IN,
    ActingStaff,
    CookieDep,
    PageStaff,
    PostingStaff,
    Staff,
    checked_csrf,
    set_cookie,
)
from bot.console.refusals import Refused
from bot.console.sessions import CookieSession, new_session
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from channels.catalogs import SUPPORTED_LANGUAGES
from store.errors import InvalidInput, RollcallError
from store.staff import SAFEGUARDING_ROLES
from store.staff_accounts import (
    choose_language,
    password_link_user,
    redeem_password_link,
    turn_on_two_factor,
)
from store.totp import new_secret, provisioning_uri

router = APIRouter(prefix=PREFIX)
ACCOUNT = f"{PREFIX}/account"
TWO_FACTOR = f"{ACCOUNT}/two-factor"


@router.get("/password/{token}", response_class=HTMLResponse)
def password_page(
    token: str, request: Request, session: SessionDep, services: ServicesDep, cookie: CookieDep
) -> Response:
    user = password_link_user(session, services.clock, token=token)
    fresh = cookie or new_session(now=services.clock.now().timestamp())
    response = render(
        request,
        "password.html",
        status_code=200 if user else 400,
        csrf=fresh.csrf,
        user=user,
        error=None,
    )
    if cookie is None:
        set_cookie(request, response, fresh)
    return response


@router.post("/password/{token}")
def choose_password(
    token: str,
    request: Request,
    session: SessionDep,
    services: ServicesDep,
    _csrf: Annotated[CookieSession, Depends(checked_csrf)],
    password: Annotated[str, Form()],
    again: Annotated[str, Form()],
) -> Response:
    """Set it (the link is used up, every session of theirs ends), then sign in with it."""
    user = password_link_user(session, services.clock, token=token)
    if password != again:
        refused: RollcallError | None = InvalidInput("the two passwords are not the same",
                                                      problem="passwords_differ")
    else:
        refused = attempt(
            session,
            lambda: redeem_password_link(session, services.clock, token=token, password=password),
        )
    if refused is None:
        return RedirectResponse(f"{SIGN_IN}?password=set", status_code=303)
    return render(
        request, "password.html", status_code=400, csrf=_csrf.csrf, user=user, error=refused
    )


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, staff: PageStaff) -> HTMLResponse:
    """Their own account: the console's language, and two-factor sign-in where it applies."""
    return render(request, "account.html", staff=staff, error=None,
                  done=request.query_params.get("done", ""))


@router.post("/account/language")
def choose_account_language(
    request: Request,
    staff: PostingStaff,
    session: SessionDep,
    services: ServicesDep,
    language: Annotated[str, Form()] = "",
) -> Response:
    """Their language from now on (empty: follow the browser); every page, alert and email."""
    refused = attempt(
        session,
        lambda: choose_language(session, services.clock, user_id=staff.id,
                                language=language or None, offered=SUPPORTED_LANGUAGES),
    )
    if refused is None:
        return RedirectResponse(f"{ACCOUNT}?done=language", status_code=303)
    return render(request, "account.html", status_code=400, staff=staff, error=refused,
                  done="")


@router.get("/account/two-factor", response_class=HTMLResponse)
def two_factor_page(request: Request, staff: PageStaff) -> HTMLResponse:
    _may_use_two_factor(staff)
    secret = new_secret()  # carried by the form: saved only with a right code from the app
    return render(
        request,
        "two_factor.html",
        staff=staff,
        secret=secret,
        error=None,
        uri=provisioning_uri(secret, account=staff.user.email),
    )


@router.post("/account/two-factor")
def two_factor_on(
    request: Request,
    staff: ActingStaff,
    session: SessionDep,
    services: ServicesDep,
    secret: Annotated[str, Form()],
    code: Annotated[str, Form()],
) -> Response:
    """On once the app shows the right code for the secret the page gave it."""
    _may_use_two_factor(staff)
    refused = attempt(
        session,
        lambda: turn_on_two_factor(
            session, services.clock, user_id=staff.id, secret=secret, code=code
        ),
    )
    if refused is None:
        return RedirectResponse(TWO_FACTOR, status_code=303)
    return render(
        request,
        "two_factor.html",
        status_code=400,
        staff=staff,
        secret=secret,
        uri=provisioning_uri(secret, account=staff.user.email),
        error=refused,
    )


def _may_use_two_factor(staff: Staff) -> None:
    if staff.user.role not in SAFEGUARDING_ROLES:
        raise Refused(403, "two-factor sign-in is for admins and safeguarding leads",
                      problem="two_factor_role")
