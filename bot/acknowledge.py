"""The link in an urgent alert: a safeguarding lead acknowledges it from a phone without signing
in. The link's token (unguessable, kept hashed, valid LINK_VALID) is the credential.

Opening the link shows what the alert is about and one button; the button acknowledges. A GET
never acknowledges: mail scanners and messaging apps open links to preview them, and a preview
must not stop the reminders of an alert nobody has read.
"""

from __future__ import annotations

import html

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from bot.deps import ServicesDep, SessionDep
from channels.formats import text_direction
from channels.texts import render
from scheduling.alerts import acknowledge_by_link, alert_for_link
from store.staff import alert_language

router = APIRouter(include_in_schema=False)


@router.get("/ack/{token}", response_class=HTMLResponse)
def acknowledge_page(token: str, services: ServicesDep, session: SessionDep) -> HTMLResponse:
    found = alert_for_link(session, services.clock, token)
    if found is None:
        return _page(render("ack.expired", "en"), "en", status=404)
    _alert, user, about = found
    language = alert_language(session, user)
    button = html.escape(render("ack.button", language))
    form = (f'<form method="post"><button type="submit" style="font-size:1.5em;padding:.6em 2em">'
            f"{button}</button></form>")
    return _page(about, language, extra=form)


@router.post("/ack/{token}", response_class=HTMLResponse)
def acknowledge_tap(token: str, services: ServicesDep, session: SessionDep) -> HTMLResponse:
    user = acknowledge_by_link(session, services.clock, token)
    if user is None:
        return _page(render("ack.expired", "en"), "en", status=404)
    language = alert_language(session, user)
    return _page(render("ack.done", language), language)


def _page(text: str, language: str, *, extra: str = "", status: int = 200) -> HTMLResponse:
    body = (f'<!DOCTYPE html>\n<html lang="{html.escape(language)}" '
            f'dir="{text_direction(language)}">\n<head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta name="referrer" content="no-referrer"><title>rollcall</title></head>\n'
            f'<body style="font-family:sans-serif;margin:1.5em"><p>{html.escape(text)}</p>'
            f"{extra}</body>\n</html>\n")
    return HTMLResponse(body, status_code=status, headers={"Cache-Control": "no-store"})
