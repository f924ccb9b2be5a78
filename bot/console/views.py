"""Rendering console pages: one Jinja2 environment, strings through gettext.

Console text goes through the jinja2 i18n extension (`{% trans %}`, `_()`) with the Babel
catalogs in `locales/` (babel.cfg extracts the templates), English where a catalog lacks it.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from channels.texts import install_jinja

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=16)
def environment(language: str = "en") -> Environment:
    """One environment per language, its gettext installed (newstyle: `_("%(n)s", n=1)`)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(),
                      trim_blocks=True, lstrip_blocks=True)
    install_jinja(env, language)  # the Babel catalogs in locales/, as the messages use
    env.filters["local"] = local_time
    env.filters["ago"] = minutes_ago
    env.globals["form_key"] = form_key
    return env


def form_key() -> str:
    """A fresh idempotency key for one rendered form (bot/console/actions.exactly_once)."""
    return secrets.token_urlsafe(24)


def render(request: Request, template: str, *, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    """A page in the staff member's language (English until the catalogs translate it)."""
    context.setdefault("demo", request.app.state.services.settings.demo)
    html = environment(staff_language(request)).get_template(template).render(
        request=request, **context)
    return HTMLResponse(html, status_code=status_code)


def delivery_macro(language: str) -> Any:
    """The thread's delivery-state macro (`_delivery.html`), for the conversation's JSON."""
    return environment(language).get_template("_delivery.html").module.delivery  # type: ignore[attr-defined]


def render_fragment(request: Request, template: str, **context: Any) -> str:
    return environment(staff_language(request)).get_template(template).render(
        request=request, **context)


def staff_language(request: Request) -> str:
    """The browser's first language, as a bare tag ("cy" from "cy-GB,en;q=0.8")."""
    first = request.headers.get("accept-language", "en").split(",")[0].split(";")[0]
    tag = first.strip().split("-")[0].lower()
    return tag if tag.isalpha() and len(tag) <= 3 else "en"


def local_time(value: datetime | None, timezone: str = "Europe/London",
               fmt: str = "%H:%M") -> str:
    if value is None:
        return ""
    return value.astimezone(ZoneInfo(timezone)).strftime(fmt)


def minutes_ago(value: datetime | None, now: datetime) -> int:
    return 0 if value is None else max(0, int((now - value).total_seconds() // 60))
