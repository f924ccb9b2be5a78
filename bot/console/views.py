"""Rendering console pages: one Jinja2 environment per language, strings through gettext.

Console text goes through the jinja2 i18n extension (`{% trans %}`, `_()`) with the Babel
catalogs in `locales/` (babel.cfg extracts the templates), English where a catalog lacks it.
Dates, code meanings and language names come out in the page's language too
(bot/console/languages.py), and the page is marked with its language and direction.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.console.languages import (
    LANGUAGE_NAMES,
    code_meaning,
    format_minutes,
    format_when,
    language_name,
    local_when,
    percent_in,
    staff_language,
)
from channels.failure_reasons import failure_reason
from channels.formats import text_direction
from channels.texts import install_jinja

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=16)
def environment(language: str = "en") -> Environment:
    """One environment per language, its gettext installed (newstyle: `_("%(n)s", n=1)`)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    install_jinja(env, language)  # the Babel catalogs in locales/, as the messages use
    env.filters["local"] = partial(_local, language=language)
    env.filters["day"] = partial(_day, language=language)
    env.filters["ago"] = minutes_ago
    env.filters["fromjson"] = json.loads  # an escalation's reason's parameters (_whys.html)
    env.filters["percent"] = partial(_percent, language=language)
    direction = text_direction(language)
    env.globals.update(form_key=form_key, language=language, direction=direction,
                       onward="←" if direction == "rtl" else "→", languages=LANGUAGE_NAMES,
                       code_meaning=partial(_meaning, language=language),
                       failure_reason=failure_reason,
                       language_name=partial(_language_name, language=language),
                       minutes=partial(_minutes, language=language))
    return env


def _local(value: datetime | None, timezone: str = "Europe/London", fmt: str = "%H:%M", *,
           language: str) -> str:
    return local_when(value, language, timezone, fmt)


def _day(value: Any, fmt: str = "%d %b %Y", *, language: str) -> str:
    return format_when(value, language, fmt)


def _percent(value: float | None, *, language: str) -> str:
    return percent_in(value, language)


def _meaning(code: str, *, language: str) -> str:
    return code_meaning(code, language)


def _minutes(minutes: int, *, language: str) -> str:
    return format_minutes(minutes, language)


def _language_name(code: str | None, *, language: str) -> str:
    return language_name(code, language)


def form_key() -> str:
    """A fresh idempotency key for one rendered form (bot/console/actions.exactly_once)."""
    return secrets.token_urlsafe(24)


def render(request: Request, template: str, *, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """A page in the staff member's language (`context["staff"]`'s choice, else the browser's),
    its `<html>` marked with the language and its direction (Arabic and Urdu right to left)."""
    context.setdefault("demo", request.app.state.services.settings.demo)
    return HTMLResponse(render_fragment(request, template, **context), status_code=status_code)


def delivery_macro(language: str) -> Any:
    """The thread's delivery-state macro (`_delivery.html`), for the conversation's JSON."""
    return environment(language).get_template("_delivery.html").module.delivery  # type: ignore[attr-defined]


def render_fragment(request: Request, template: str, **context: Any) -> str:
    """A template in the language of `context["staff"]` (their own, their school's, or the
    browser's; the browser's when signed out). An error page has no `staff`: the language of
    whoever the request was found to be (auth.page_staff) is used."""
    chosen = getattr(context.get("staff"), "language", None) or getattr(
        request.state, "staff_language", None)
    language = staff_language(request, chosen)
    return environment(language).get_template(template).render(request=request, **context)


def minutes_ago(value: datetime | None, now: datetime) -> int:
    return 0 if value is None else max(0, int((now - value).total_seconds() // 60))
