"""The school's settings in the console (admins): name, nation, the console's language for staff
who have not chosen one, time zone, the day's run times, quiet hours, what the bot confirms by
itself, Welsh first, who is messaged, senders, the office number, how much an urgent alert
names, the on-call list for urgent alerts in its order, and a college's or university's digest
time and what its students may self-certify.

One form, saved through `store.school_settings.change_settings` (the same path as `rollcall
school set` and the REST API): every value is checked before any is written, a bad one is shown
beside its field in the reader's language with nothing changed, and each change is audited
with its old and new value. The runs read it when they next fire.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlmodel import Session
from starlette.datastructures import FormData

from bot.console.actions import attempt, exactly_once
from bot.console.auth import PREFIX, ActingStaff, PageStaff, Staff, schools_of
from bot.console.languages import LANGUAGE_NAMES
from bot.console.refusals import refusal_status
from bot.console.scope import admin_school
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.engagement_rules import SETTINGS as ENGAGEMENT_SETTINGS
from store.errors import InvalidSetting
from store.institutions import FAMILY_CONTACT, SETTINGS
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import on_call_candidates
from store.school_settings import NATION_NAMES, change_settings, school_settings
from store.schools import ALERT_DETAILS
from store.setting_values import AUTO_CONFIRMABLE, FLAGS, REASONS, SELF_CERT_LISTS

router = APIRouter(prefix=PREFIX)
PAGE = f"{PREFIX}/settings"
# Fields the form sends as they are (the rest: checkboxes, the intents, the on-call places).
TEXT_FIELDS = ("name", "nation", "timezone", "register_close", "settle_minutes",
               "absence_run_at", "late_run_at", "chase_run_at", "call_list_at",
               "pm_absence_run_at", "quiet_start", "quiet_end", "max_auto_illness_days",
               "sms_sender", "email_from", "phone", "alert_detail", "setting", "family_contact",
               "staff_language",
               "digest_at", "self_cert_max_days", "self_cert_max_per_term",
               "min_possible_sessions",
               *ENGAGEMENT_SETTINGS)
# Lists of checkboxes (an unticked box is simply not sent).
LIST_FIELDS = ("auto_confirm", *SELF_CERT_LISTS)


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, staff: PageStaff, session: SessionDep,
                  school: int | None = None) -> HTMLResponse:
    chosen = admin_school(session, staff, school)
    values = _shown(school_settings(session, chosen))
    return _page(request, session, staff, chosen, values=values,
                 ranks=_ranks(session, chosen, values["on_call"]))


@router.post("/settings")
async def save(request: Request, staff: ActingStaff, session: SessionDep,
               services: ServicesDep) -> Response:
    form = await request.form()
    chosen = admin_school(session, staff, _school_id(form.get("school")))
    assert chosen.id is not None
    candidates = on_call_candidates(session, chosen.id)
    ranks = {user.id or 0: str(form.get(f"on_call_{user.id}", "")).strip()
             for user in candidates}

    def respond() -> Response:
        changed: list[int] = []
        refused = attempt(session, lambda: changed.append(len(change_settings(
            session, services.clock, school_id=chosen.id or 0, actor=staff.actor,
            changes=_changes(form, candidates, ranks)))))
        if refused is None:
            query = {"school": chosen.id, "saved": changed[0]}
            return RedirectResponse(f"{PAGE}?{urlencode(query)}", status_code=303)
        return _page(request, session, staff, chosen, values=_submitted(form), ranks=ranks,
                     error=refused, status_code=refusal_status(refused))

    return exactly_once(session, services.clock, staff, respond)


def _changes(form: FormData, candidates: list[StaffUser],
             ranks: dict[int, str]) -> dict[str, object]:
    """Every setting as the form gives it (change_settings writes only what differs)."""
    changes: dict[str, object] = {name: str(form.get(name, "")) for name in TEXT_FIELDS}
    changes |= {name: name in form for name in FLAGS}
    changes |= {name: [str(v) for v in form.getlist(name)] for name in LIST_FIELDS}
    changes["on_call"] = _on_call(candidates, ranks)
    return changes


def _on_call(candidates: list[StaffUser], ranks: dict[int, str]) -> list[str]:
    """The on-call places (1 first, blank: not called) as the list of emails they make."""
    placed: dict[int, StaffUser] = {}
    for user in candidates:
        given = ranks.get(user.id or 0, "")
        if not given:
            continue
        if not given.isdigit() or int(given) < 1:
            raise InvalidSetting(f"on-call place {given!r} is not a whole number from 1",
                                 setting="on_call", problem="on_call_place", value=given)
        if int(given) in placed:
            raise InvalidSetting(f"two people have on-call place {given}", setting="on_call",
                                 problem="on_call_same_place", value=given)
        placed[int(given)] = user
    return [placed[rank].email for rank in sorted(placed)]


def _page(request: Request, session: Session, staff: Staff, school: School, *,
          values: dict[str, Any], ranks: dict[int, str], error: Exception | None = None,
          status_code: int = 200) -> HTMLResponse:
    assert school.id is not None
    candidates = sorted(on_call_candidates(session, school.id), key=lambda user: (
        int(place) if (place := ranks.get(user.id or 0, "")).isdigit() else 10_000))
    return render(request, "settings.html", status_code=status_code, staff=staff,
                  school=school, schools=schools_of(session, staff), values=values,
                  ranks=ranks, candidates=candidates,
                  nations=list(NATION_NAMES.values()), details=ALERT_DETAILS,
                  intents=AUTO_CONFIRMABLE, settings=SETTINGS, family_contacts=FAMILY_CONTACT,
                  reasons=REASONS, languages=LANGUAGE_NAMES, error=error,
                  saved=request.query_params.get("saved"))


def _shown(settings: dict[str, Any]) -> dict[str, Any]:
    """The stored settings as the form shows them (blank for none)."""
    return {name: "" if value is None else value for name, value in settings.items()}


def _submitted(form: FormData) -> dict[str, Any]:
    """What was sent, to show again beside why it was refused (nothing was saved)."""
    values: dict[str, Any] = {name: str(form.get(name, "")) for name in TEXT_FIELDS}
    values |= {name: name in form for name in FLAGS}
    values |= {name: [str(v) for v in form.getlist(name)] for name in LIST_FIELDS}
    return values


def _ranks(session: Session, school: School, on_call: list[str]) -> dict[int, str]:
    """Each candidate's place on the list now ("" for none)."""
    assert school.id is not None
    return {user.id or 0: str(on_call.index(user.email) + 1) if user.email in on_call else ""
            for user in on_call_candidates(session, school.id)}


def _school_id(value: object) -> int:
    return int(value) if isinstance(value, str) and value.isdigit() else 0
