"""The console in Arabic, Polish and English in Debian's Chromium (headless) against the app on
loopback: a browser that asks for Arabic gets right-to-left pages in Arabic whose layout mirrors
(the brand on the right, the urgent stripe on the row's right edge); choosing Polish on the
account page keeps Polish on every page, after signing out and in again, whatever the browser
asks for. Screenshots of each go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.console.conftest import Seeded, sign_in_browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def direction(page: Any) -> tuple[str, str, str]:
    return tuple(page.evaluate("""() => [document.documentElement.lang,
        document.documentElement.dir, getComputedStyle(document.body).direction]"""))


def test_arabic_pages_run_right_to_left_and_mirror(
        browser: Any, server: str, seeded: Seeded) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(locale="ar", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in_browser(page, f"{server}/console/", seeded.a.dsl)
    page.wait_for_url(f"{server}/console/")
    assert direction(page) == ("ar", "rtl", "rtl")
    assert page.inner_text("h1").startswith("الوارد")
    assert "موضوع الرد" in page.inner_text("thead")
    width = page.evaluate("window.innerWidth")
    brand = page.locator(".bar .brand").bounding_box()
    assert brand["x"] > width / 2, "the brand should sit on the right of a right-to-left page"
    # The urgent row's stripe is on its inline start: the right edge, right to left.
    stripe = page.evaluate("""() => {
        const cell = document.querySelector('tr.urgent td:first-child');
        const style = getComputedStyle(cell);
        return [style.borderRightWidth, style.borderLeftWidth];
    }""")
    assert stripe == ["4px", "0px"]
    page.screenshot(path=str(ARTIFACTS / "languages-ar-inbox.png"), full_page=True)
    page.goto(f"{server}/console/conversations/{seeded.a.conversation_id}")
    assert direction(page) == ("ar", "rtl", "rtl")
    assert "ظروف عائلية" in page.inner_text("main")  # family_circumstances, in Arabic
    page.screenshot(path=str(ARTIFACTS / "languages-ar-conversation.png"), full_page=True)
    context.close()


def test_a_language_chosen_on_the_account_page_stays(
        browser: Any, server: str, seeded: Seeded) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(locale="ar")
    page = context.new_page()
    sign_in_browser(page, f"{server}/console/", seeded.a.officer)
    page.wait_for_url(f"{server}/console/")
    page.click("header .who a[href='/console/account']")
    page.select_option("select[name=language]", "pl")
    page.click("form.language button[type=submit]")
    page.wait_for_selector("p.done[role=status]")
    assert direction(page) == ("pl", "ltr", "ltr")
    assert page.inner_text("p.done") == "Język został zapisany."
    assert page.input_value("select[name=language]") == "pl"
    page.screenshot(path=str(ARTIFACTS / "languages-pl-account.png"), full_page=True)

    page.click("header nav a[href='/console/today']")
    assert direction(page)[0] == "pl"
    page.click("header form.who button[type=submit]")  # sign out
    page.wait_for_url(f"{server}/console/sign-in")
    assert direction(page) == ("ar", "rtl", "rtl")  # signed out: the browser's language
    sign_in_browser(page, f"{server}/console/", seeded.a.officer)
    page.wait_for_url(f"{server}/console/")
    assert direction(page) == ("pl", "ltr", "ltr")
    assert page.inner_text("h1").startswith("Skrzynka")
    page.screenshot(path=str(ARTIFACTS / "languages-pl-inbox.png"), full_page=True)
    context.close()
