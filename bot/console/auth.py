"""Who is asking: the signed-in member of staff, CSRF checks, and signing in and out.

Every console route depends on one of `PageStaff` (no session: redirect to sign-in), `ApiStaff`
(no session: 401) or `ActingStaff` (a POST: session, CSRF token and a role that may change
things). Nothing in the console is reachable without one of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Form, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from bot.console.refusals import Refused
from bot.console.sessions import (
    COOKIE,
    MAX_AGE_SECONDS,
    CookieSession,
    SessionCodec,
    new_session,
    secret_key,
    tokens_match,
)
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from bot.settings import Settings
from store.audit import audit
from store.console_sessions import SessionLimits, end_session, live_session_user, start_session
from store.database import rows_by_id
from store.errors import NotFound
from store.models.schools import School
from store.models.staff import StaffUser
from store.staff import (
    authenticate,
    may_act,
    may_read_safeguarding,
    school_ids_of,
    schools_staff_language,
    staff_user,
)

PREFIX = "/console"
SIGN_IN = f"{PREFIX}/sign-in"


@dataclass(frozen=True, slots=True)
class Staff:
    """The signed-in member of staff, as every console route sees them."""

    user: StaffUser
    school_ids: frozenset[int]
    csrf: str
    form_key: str | None = None  # a POST's idempotency key (actions.exactly_once)
    # The console's language their schools set for staff who have not chosen one (None: the
    # browser's).
    school_language: str | None = None

    @property
    def language(self) -> str | None:
        """The console's language as chosen for them: their own, else their school's."""
        return self.user.language or self.school_language

    @property
    def id(self) -> int:
        assert self.user.id is not None
        return self.user.id

    @property
    def actor(self) -> str:
        return f"staff:{self.id}"

    @property
    def reads_safeguarding(self) -> bool:
        return may_read_safeguarding(self.user)

    @property
    def acts(self) -> bool:
        return may_act(self.user)


def admin_only(staff: Staff) -> None:
    """Refuse anyone but an admin (staff accounts, the calendar, an emergency closure)."""
    if staff.user.role != "admin":
        raise Refused(403, "only admins can do this", problem="admin_only")


def codec(request: Request) -> SessionCodec:
    """One codec per app, built on first use from the app's settings."""
    state = request.app.state
    if getattr(state, "console_codec", None) is None:
        settings = state.services.settings
        state.console_codec = SessionCodec(secret_key(settings), max_age_seconds=max(
            MAX_AGE_SECONDS, session_limits(settings).absolute.total_seconds()))
    found: SessionCodec = state.console_codec
    return found


def cookie_session(request: Request, services: ServicesDep) -> CookieSession | None:
    return codec(request).load(request.cookies.get(COOKIE),
                               now=services.clock.now().timestamp())


CookieDep = Annotated[CookieSession | None, Depends(cookie_session)]


def session_limits(settings: Settings) -> SessionLimits:
    return SessionLimits(idle=timedelta(minutes=settings.console_idle_minutes),
                         absolute=timedelta(hours=settings.console_session_hours))


def _signed_in(session: Session, services: ServicesDep, cookie: CookieSession | None, *,
               touch: bool) -> Staff | None:
    if cookie is None or cookie.user_id is None or cookie.token is None:
        return None
    user_id = live_session_user(session, token=cookie.token, now=services.clock.now(),
                                limits=session_limits(services.settings), touch=touch)
    if user_id is None or user_id != cookie.user_id:
        return None  # signed out, timed out, or ended by a new password or deactivation
    try:
        user = staff_user(session, user_id)
    except NotFound:  # removed since the session began
        return None
    if not user.password_hash or not user.active:
        return None
    school_ids = frozenset(school_ids_of(session, user_id))
    return Staff(user=user, school_ids=school_ids, csrf=cookie.csrf,
                 school_language=schools_staff_language(session, school_ids))


def current_staff(session: SessionDep, services: ServicesDep, cookie: CookieDep) -> Staff | None:
    """The member of staff this request's cookie names, if their session is live; the
    request counts as activity for the idle timeout."""
    return _signed_in(session, services, cookie, touch=True)


def polling_staff(session: SessionDep, services: ServicesDep,
                  cookie: CookieDep) -> Staff | None:
    """As `current_staff`, for the pages' background polls, which are not activity."""
    return _signed_in(session, services, cookie, touch=False)


def page_staff(request: Request, staff: Annotated[Staff | None, Depends(current_staff)]) -> Staff:
    if staff is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise HTTPException(303, headers={"Location": f"{SIGN_IN}?next={quote(target)}"})
    # An error page raised after this point is in their language too (bot/console/errors.py).
    request.state.staff_language = staff.language
    return staff


def api_staff(staff: Annotated[Staff | None, Depends(polling_staff)]) -> Staff:
    if staff is None:
        raise Refused(401, "sign in first", problem="sign_in_first")
    return staff


async def checked_csrf(request: Request, cookie: CookieDep) -> CookieSession:
    """Refuse a POST whose form field (or X-CSRF-Token header) does not match the cookie."""
    given = request.headers.get("x-csrf-token")
    if given is None:
        form = await request.form()
        value = form.get("csrf_token")
        given = value if isinstance(value, str) else None
    if cookie is None or not tokens_match(cookie.csrf, given):
        raise Refused(403, "The form has expired or did not come from this console: "
                           "reload the page and try again", problem="form_expired")
    return cookie


async def form_key(request: Request) -> str | None:
    """The form's idempotency key (rendered into every console form), if it has one."""
    form = await request.form()
    value = form.get("idempotency_key")
    return value if isinstance(value, str) and 16 <= len(value) <= 100 else None


def acting_staff(staff: Annotated[Staff, Depends(page_staff)],
                 _csrf: Annotated[CookieSession, Depends(checked_csrf)],
                 key: Annotated[str | None, Depends(form_key)]) -> Staff:
    if not staff.acts:
        raise Refused(403, "Your role can read but not change anything.", problem="reads_only")
    return replace(staff, form_key=key)


def posting_staff(staff: Annotated[Staff, Depends(page_staff)],
                  _csrf: Annotated[CookieSession, Depends(checked_csrf)]) -> Staff:
    """A POST any signed-in member of staff may make (signing out)."""
    return staff


PageStaff = Annotated[Staff, Depends(page_staff)]
ApiStaff = Annotated[Staff, Depends(api_staff)]
ActingStaff = Annotated[Staff, Depends(acting_staff)]
PostingStaff = Annotated[Staff, Depends(posting_staff)]


def set_cookie(request: Request, response: Response, session: CookieSession) -> None:
    settings = request.app.state.services.settings
    response.set_cookie(COOKIE, codec(request).dump(session), max_age=MAX_AGE_SECONDS,
                        path=PREFIX, httponly=True, samesite="lax",
                        secure=settings.public_url.startswith("https://"))


def safe_next(value: str | None) -> str:
    """Only a path inside the console: a sign-in link must not bounce staff elsewhere."""
    if not value:
        return f"{PREFIX}/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not parts.path.startswith(f"{PREFIX}/"):
        return f"{PREFIX}/"
    return value


router = APIRouter(prefix=PREFIX)


@router.get("/sign-in")
def sign_in_page(request: Request, services: ServicesDep, cookie: CookieDep,
                 next: str | None = None) -> Response:
    session = cookie or new_session(now=services.clock.now().timestamp())
    response = render(request, "sign_in.html", csrf=session.csrf, next=safe_next(next),
                      error=None, password_set=request.query_params.get("password") == "set")
    if cookie is None:
        set_cookie(request, response, session)
    return response


@router.post("/sign-in")
def sign_in(request: Request, services: ServicesDep, session: SessionDep,
            _csrf: Annotated[CookieSession, Depends(checked_csrf)],
            email: Annotated[str, Form()], password: Annotated[str, Form()],
            next: Annotated[str | None, Form()] = None,
            code: Annotated[str, Form()] = "") -> Response:
    now = services.clock.now().timestamp()
    user = authenticate(session, services.clock, email=email, password=password,
                        ip=request.client.host if request.client else None, code=code)
    if user is None:
        fresh = new_session(now=now)
        response = render(request, "sign_in.html", status_code=400, csrf=fresh.csrf,
                          next=safe_next(next), error=True, email=email)
        set_cookie(request, response, fresh)
        return response
    assert user.id is not None
    token = start_session(session, user_id=user.id, now=services.clock.now(),
                          limits=session_limits(services.settings))
    redirect = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(request, redirect, new_session(now=now, user_id=user.id, token=token))
    return redirect


@router.post("/sign-out")
def sign_out(request: Request, services: ServicesDep, session: SessionDep,
             staff: PostingStaff, cookie: CookieDep) -> Response:
    """Ends the server-side session: the cookie is worthless from now on, even if kept."""
    if cookie is not None and cookie.token is not None:
        end_session(session, token=cookie.token, now=services.clock.now(), why="sign_out")
    audit(session, services.clock, actor=staff.actor, action="sign_out", entity="staff_user",
          entity_id=staff.id)
    response = RedirectResponse(SIGN_IN, status_code=303)
    response.delete_cookie(COOKIE, path=PREFIX)
    return response


def schools_of(session: Session, staff: Staff) -> list[School]:
    schools = rows_by_id(session, School, staff.school_ids)
    return [schools[school_id] for school_id in sorted(schools)]
