"""The staff console: server-rendered pages under /console, progressively enhanced."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"


def install_console(app: FastAPI) -> None:
    """Add the console's routes and static files to the app."""
    from bot.console import (
        accounts,
        actions,
        alerts,
        audit_log,
        auth,
        calendar,
        casework,
        colleagues,
        conversation,
        engagement,
        errors,
        escalations,
        imports,
        inbox,
        phone,
        reconciliation,
        reports,
        runs,
        safeguarding,
        school_settings,
        students,
        today,
        trends,
        visa,
        write_back,
    )

    for module in (auth, inbox, escalations, alerts, conversation, actions, students, today,
                   audit_log, phone, colleagues, reconciliation, calendar, accounts,
                   casework, engagement, safeguarding, write_back, runs, school_settings,
                   imports, reports, trends, visa):
        app.include_router(module.router)
    errors.install_error_pages(app)
    app.mount("/console/static", StaticFiles(directory=STATIC), name="console-static")
