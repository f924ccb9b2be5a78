"""Run now in a real browser (Debian's Chromium, headless) against the app on loopback: the
runs page, the dry run (nothing written), then Send, and the run shows done with what the dry
run said it would send. Screenshots go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import col, select

from store.database import Database
from store.models.outbound import Outbox, Run
from tests.console.conftest import Seeded
from tests.console.seed import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _run_rows(db: Database) -> tuple[list[str], list[Outbox]]:
    with db.transaction() as session:
        return (
            [run.kind for run in session.exec(select(Run))],
            list(session.exec(select(Outbox).where(col(Outbox.run_id).is_not(None)))),
        )


def test_run_now_shows_the_dry_run_then_sends_it(
    browser: object, server: str, seeded: Seeded, db: Database
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/console/runs")
    page.fill("input[name=email]", seeded.a.officer)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector('tr.run.later[data-kind="absence"]')
    page.screenshot(path=str(ARTIFACTS / "runs-1-schedule.png"), full_page=True)

    page.select_option("select[name=kind]", "absence")
    page.click("form.run-now button[type=submit]")
    page.wait_for_selector("p.dry-run")
    page.screenshot(path=str(ARTIFACTS / "runs-2-dry-run.png"), full_page=True)
    composed = int(re.findall(r"\d+", page.inner_text("p.composed"))[0])
    assert composed >= 1 and "Amy" in page.inner_text("figure.sample")
    assert _run_rows(db) == ([], [])  # the dry run wrote nothing

    page.click("button.send-run")
    page.wait_for_selector("table.run-delivery")  # the run's delivery at a glance
    assert page.inner_text('tr[data-count="messages"] td') == str(composed)
    page.screenshot(path=str(ARTIFACTS / "runs-3-sent.png"), full_page=True)
    page.goto(f"{server}/console/runs")
    page.wait_for_selector('tr.run.done[data-kind="absence"]')
    context.close()
    kinds, rows = _run_rows(db)
    assert kinds == ["absence"] and len(rows) == composed
