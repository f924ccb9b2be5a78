"""The console by keyboard alone, in Debian's headless Chromium: a skip link first, focus that can
always be seen, Tab following the page's reading order, and a conversation taken over, answered
and resolved with Tab, typing and Enter only; the confirmation dialog keeps focus inside it and
gives it back to the button that opened it. Screenshots go to test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.console.conftest import Seeded
from tests.console.seed import PASSWORD

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# What Tab stops on, in the page's order: what the browser's sequential navigation visits.
TABBABLE = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
  .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('dialog:not([open]), [hidden]')
          && e.getClientRects().length > 0)"""


@pytest.fixture
def page(browser: Any, server: str, seeded: Seeded) -> Iterator[Any]:
    """Signed in as school A's officer, by keyboard: Tab to each field, type, Enter."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    opened = context.new_page()
    opened.goto(f"{server}/console/sign-in")
    tab_to(opened, "input[name=email]")
    opened.keyboard.type(seeded.a.officer)
    tab_to(opened, "input[name=password]")
    opened.keyboard.type(PASSWORD)
    with opened.expect_navigation():
        opened.keyboard.press("Enter")
    yield opened
    context.close()


def focused(page: Any, selector: str) -> bool:
    return bool(page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
                              selector))


def tab_to(page: Any, selector: str, *, limit: int = 120) -> None:
    """Press Tab until focus is on `selector` (or fail): how a keyboard user gets there."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def focus_ring(page: Any) -> tuple[str, float]:
    style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
    return style[0], style[1]


def test_the_skip_link_comes_first_and_goes_to_the_main_content(page: Any, server: str) -> None:
    page.goto(f"{server}/console/today")
    page.keyboard.press("Tab")
    assert focused(page, "a.skip")
    box = page.locator("a.skip").bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] > 0, "the skip link is shown"
    assert page.inner_text("a.skip") == "Skip to the main content"
    page.keyboard.press("Enter")
    assert focused(page, "main#main")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("path", ["/console/", "/console/trends", "/console/account"])
def test_tab_follows_the_reading_order_and_focus_is_always_seen(
        page: Any, server: str, path: str) -> None:
    page.goto(f"{server}{path}")
    order = page.evaluate(f"""() => ({TABBABLE})().map((e, i) => {{
        e.dataset.tabOrder = i; return i; }})""")
    assert order, "nothing to tab to"
    visited: list[str] = []
    for _ in range(3 * len(order)):  # a date field takes a Tab for each of its parts
        if visited and visited[-1] == str(order[-1]):
            break
        page.keyboard.press("Tab")
        here = page.evaluate("() => document.activeElement.dataset.tabOrder")
        if visited and visited[-1] == here:
            continue
        visited.append(here)
        style, width = focus_ring(page)
        assert style != "none" and width >= 2, (path, page.evaluate(
            "() => document.activeElement.outerHTML.slice(0, 120)"), style, width)
    assert [int(i) for i in visited] == order
    assert page.evaluate("() => document.querySelectorAll('[tabindex]:not([tabindex=\"-1\"])')"
                         ".length === document.querySelectorAll('[tabindex=\"0\"]').length")


def test_a_conversation_taken_over_answered_and_resolved_by_keyboard(
        page: Any, server: str, seeded: Seeded) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/console/")
    tab_to(page, f"a[href='/console/escalations/{seeded.a.escalation_id}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # an inbox row opens its conversation
    assert page.url.endswith(f"/console/conversations/{seeded.a.conversation_id}")
    tab_to(page, "button[value=take-over]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("p.done") == "You have taken over this conversation."
    tab_to(page, "form.reply textarea")
    page.keyboard.type("Thank you, we have noted it.")
    tab_to(page, "form.reply button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Your reply is saved" in page.inner_text("p.done")

    resolve = "form[action$='/resolve'] button"
    tab_to(page, resolve)
    page.keyboard.press("Enter")
    dialog = page.locator("dialog#confirm")
    dialog.wait_for(state="visible")
    assert focused(page, "dialog#confirm .confirm-no"), "focus moves to the safe choice"
    assert "Resolve this conversation?" in dialog.inner_text()
    page.screenshot(path=str(ARTIFACTS / "keyboard-confirm.png"), full_page=True)
    for key in ("Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab"):
        page.keyboard.press(key)
        assert focused(page, "dialog#confirm button"), f"focus left the dialog after {key}"
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert focused(page, resolve), "focus is back on the button that opened the dialog"

    page.keyboard.press("Enter")
    dialog.wait_for(state="visible")
    page.keyboard.press("Shift+Tab")
    assert focused(page, "dialog#confirm .confirm-yes")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.inner_text("p.done") == "Conversation resolved."
    page.screenshot(path=str(ARTIFACTS / "keyboard-resolved.png"), full_page=True)
