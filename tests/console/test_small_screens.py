"""Every console page fits a phone: no sideways scrolling at 390 x 844 (an iPhone 12-15), not
even of a chart in its own box, and still at 1366 x 900 (the commonest laptop), in Debian's
Chromium. Screenshots of each page at each size go to the test's tmp dir for a person to look
at."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.console.conftest import Seeded
from tests.console.seed import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page

SIZES = {"phone": (390, 844), "laptop": (1366, 900)}


def pages(seeded: Seeded) -> dict[str, str]:
    """Every page an admin of school A reaches (the demo phone too: the app is in demo mode)."""
    a = seeded.a
    return {
        "inbox": "/console/",
        "today": "/console/today",
        "trends": "/console/trends",
        "casework": "/console/casework",
        "safeguarding": "/console/safeguarding",
        "calendar": "/console/calendar",
        "closure": f"/console/calendar/closure?school={a.school_id}",
        "mis-check": "/console/mis-check",
        "write-back": "/console/write-back",
        "runs": "/console/runs",
        "run-now": f"/console/runs/preview?school={a.school_id}&kind=absence",
        "audit": "/console/audit",
        "staff": "/console/staff",
        "settings": "/console/settings",
        "imports": "/console/imports",
        "two-factor": "/console/account/two-factor",
        "phone": "/console/phone",
        "phone-contact": f"/console/phone/{a.contact_id}",
        "conversation": f"/console/conversations/{a.conversation_id}",
        "safeguarding-conversation": f"/console/conversations/{a.safeguarding_conversation_id}",
        "escalation": f"/console/escalations/{a.escalation_id}",
        "student": f"/console/students/{a.student_id}",
        "engagement": "/console/engagement",
        "engagement-student": f"/console/engagement/students/{a.student_id}",
        "action-plan": f"/console/engagement/plan?school={a.school_id}",
        "visa": "/console/visa",
        "visa-student": f"/console/visa/students/{a.student_id}",
    }


@pytest.mark.parametrize("size", list(SIZES))
def test_every_console_page_fits_without_sideways_scrolling(
    browser: object, server: str, seeded: Seeded, tmp_path: Path, size: str
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/console/sign-in")
    _check(page, tmp_path / f"{size}-sign-in.png")
    page.fill("input[name=email]", seeded.a.admin)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/console/")
    too_wide, out_of_reach = {}, {}
    for name, path in pages(seeded).items():
        response = page.goto(f"{server}{path}")
        assert response is not None and response.status == 200, (name, path)
        overflow = _check(page, tmp_path / f"{size}-{name}.png")
        if overflow:
            too_wide[name] = overflow
        if page.evaluate(UNREACHABLE):
            out_of_reach[name] = page.evaluate(UNREACHABLE)
    context.close()
    assert not too_wide, f"pages wider than the {width} px screen: {too_wide}"
    assert not out_of_reach, f"boxes that scroll but Tab never reaches: {out_of_reach}"


# A box that scrolls sideways (a wide table on a phone) and neither takes focus nor holds
# anything that does: a keyboard cannot scroll it (axe-core's scrollable-region-focusable).
UNREACHABLE = """() => [...document.querySelectorAll('main *')].filter(box => {
    const overflow = getComputedStyle(box).overflowX;
    if (!['auto', 'scroll'].includes(overflow)) return false;
    if (box.scrollWidth <= box.clientWidth + 1) return false;
    return box.tabIndex < 0
        && !box.querySelector('a[href], button, input, select, textarea, [tabindex]');
}).map(box => box.tagName.toLowerCase() + (box.className ? '.' + box.className : ''))"""


def _check(page: Page, screenshot: Path) -> str:
    """Empty when the page fits its window and no chart scrolls sideways in its own box; else
    the page's width and the elements past the edge, or the charts that scroll."""
    page.screenshot(path=str(screenshot), full_page=True)
    return str(
        page.evaluate("""() => {
        const root = document.documentElement;
        const scrolling = [...document.querySelectorAll(".plot-scroll")]
            .filter(box => box.scrollWidth > box.clientWidth)
            .map(box => "chart " + box.getAttribute("aria-labelledby") + " scrolls: "
                        + box.scrollWidth + " > " + box.clientWidth + " px");
        if (scrolling.length) return scrolling.join(", ");
        if (root.scrollWidth <= window.innerWidth) return "";
        const wide = [...document.body.querySelectorAll("*")]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
        return root.scrollWidth + " px: " + wide.join(", ");
    }""")
    )


def test_a_table_that_scrolls_in_its_box_never_widens_the_page(
    browser: object, server: str, seeded: Seeded
) -> None:
    """A table made wider than a phone (a long word in a cell) scrolls in its own box; nothing
    of it, not the screen-reader-only head of its column of buttons, widens the page."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/console/sign-in")
    page.fill("input[name=email]", seeded.a.admin)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/console/")
    wider = {}
    for name in ("staff", "write-back", "calendar", "casework"):
        page.goto(f"{server}{pages(seeded)[name]}")
        page.evaluate("""() => document.querySelectorAll('main table th:first-child').forEach(
            th => th.textContent = 'W'.repeat(80))""")
        over = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if over > 0:
            wider[name] = over
    context.close()
    assert wider == {}
