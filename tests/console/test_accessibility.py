"""Every console page passes axe-core (vendored under tests/console/vendor/axe-core, run in
Debian's headless Chromium) with no serious or critical violation, in English and in Arabic
(right to left); the report of each run goes to test-artifacts/accessibility.json. Every page
the console serves is in the list, so a new page is checked too."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from channels.letters import ChildFigures, write_letter
from store.database import Database
from store.models.casework import CaseworkLetter
from store.models.outbound import Run
from tests.console.conftest import WEEK, Seeded, sign_in_browser
from tests.console.test_small_screens import pages as small_screen_pages

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SERIOUS = ("serious", "critical")
# Routes that are not pages a person reads: a file, or one only reached from a form's answer.
NOT_PAGES = {"/console/evidence/{evidence_id}"}


@pytest.fixture
def more(db: Database, week: Seeded) -> dict[str, int]:
    """A run done this morning and a draft letter (as the school would write it), for their
    pages."""
    a = week.a
    with db.transaction() as session:
        run = Run(school_id=a.school_id, day=datetime(2026, 11, 23).date(), kind="absence",
                  started_at=datetime(2026, 11, 23, 9, 30, tzinfo=UTC), messages=0)
        written = write_letter(template="letter.concern", language="en", school="Alder Academy",
                               children=[ChildFigures("Amy", "term", 80, 90, 4, 6, 88.9)],
                               threshold=None)
        letter = CaseworkLetter(school_id=a.school_id, contact_id=a.contact_id,
                                student_ids=[a.student_id], stage="concern", template="concern",
                                subject=written.subject, body_text=written.text,
                                body_html=written.html,
                                created_at=datetime(2026, 11, 23, 7, tzinfo=UTC))
        session.add_all([run, letter])
        session.flush()
        assert run.id is not None and letter.id is not None
        return {"run": run.id, "letter": letter.id}


def every_page(seeded: Seeded, more: dict[str, int]) -> dict[str, str]:
    """Every console page an admin of school A reaches, and the signed-out ones."""
    a = seeded.a
    return {**small_screen_pages(seeded),
            "trends-week": f"/console/trends?{WEEK}",
            "account": "/console/account",
            "alerts": f"/console/escalations/{a.safeguarding_escalation_id}/alerts",
            "run": f"/console/runs/{more['run']}",
            "letter": f"/console/letters/{more['letter']}",
            "cohorts": "/console/cohorts",
            "not-found": "/console/students/999999"}


SIGNED_OUT = {"sign-in": "/console/sign-in", "password-link": "/console/password/not-a-token"}


def audit(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it stands."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
    }""")
    assert isinstance(result, list)
    return result


def console_pages(app: FastAPI) -> set[str]:
    """The paths of every page the console serves (not its JSON, CSV or PDF), ids as {}."""
    return {re.sub(r"\{\w+\}", "{}", route.path) for route in app.routes
            if isinstance(route, APIRoute) and "GET" in route.methods
            and route.path.startswith("/console/") and "/api/" not in route.path
            and not route.path.endswith((".csv", ".pdf", "/pdf")) and route.path not in NOT_PAGES}


def test_every_console_page_is_in_the_list(app: FastAPI, week: Seeded) -> None:
    listed = {re.sub(r"/\d+", "/{}", re.sub(r"/not-a-token$", "/{}", path.split("?")[0]))
              for path in [*every_page(week, {"run": 1, "letter": 1}).values(),
                           *SIGNED_OUT.values()]}
    missing = console_pages(app) - listed
    assert not missing, f"add these console pages to every_page(): {sorted(missing)}"


@pytest.mark.parametrize("locale", ["en-GB", "ar"])
def test_no_serious_or_critical_violation_on_any_page(
        browser: Any, server: str, week: Seeded, more: dict[str, int], locale: str) -> None:
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    report: dict[str, list[dict[str, Any]]] = {}
    for name, path in SIGNED_OUT.items():
        page.goto(f"{server}{path}")
        report[name] = audit(page)
    sign_in_browser(page, f"{server}/console/", week.a.admin)
    page.wait_for_url(f"{server}/console/")
    for name, path in every_page(week, more).items():
        page.goto(f"{server}{path}")
        report[name] = audit(page)
    context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"accessibility-{locale}.json").write_text(
        json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    serious = {name: [v for v in found if v["impact"] in SERIOUS]
               for name, found in report.items()}
    assert not {name: found for name, found in serious.items() if found}, serious
    # A column of buttons has a head a screen reader reads (minor in axe, but every table's).
    unnamed = [name for name, found in report.items()
               if any(v["id"] == "empty-table-header" for v in found)]
    assert unnamed == []
    assert len(report) == len(SIGNED_OUT) + len(every_page(week, more))
