"""Issue 21's own check: an attendance officer's morning in Debian's Chromium, on a laptop
(1366 x 900) and a phone (390 x 844), in English, Polish and Arabic — the inbox, a conversation
opened from it, taken over and a code set (each confirmed), Today, the Trends charts and the
student's page. Every page is in the browser's language, right to left in Arabic, fits the
screen without sideways scrolling and has no serious or critical axe-core violation (the
vendored copy). Screenshots, each page's words and the axe report go to test-artifacts/, for a
person to look at."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.console.conftest import WEEK, Seeded, sign_in_browser
from tests.console.test_accessibility import ARTIFACTS, SERIOUS, audit

SIZES = {"laptop": (1366, 900), "phone": (390, 844)}
LANGUAGES = {"en-GB": ("en", "ltr"), "pl": ("pl", "ltr"), "ar": ("ar", "rtl")}
# What the page's <html> says and how wide its content is (0: it fits the window).
# A phone number reads left to right in Arabic too ("+447700900101", not "447700900101+").
SHAPE = """() => ({lang: document.documentElement.lang, dir: document.documentElement.dir,
    over: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    phones: [...document.querySelectorAll("a[href^='tel:']")]
        .filter(a => getComputedStyle(a).direction !== "ltr").map(a => a.textContent)})"""

# The inbox's cells (the family's message apart) narrower than the longest word they hold.
WORDS_BROKEN = """() => {
    const pen = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('table.inbox th, table.inbox td:not(.last)')]
        .filter(cell => cell.getClientRects().length > 0)  // a phone hides the heads
        .filter(cell => {
            const style = getComputedStyle(cell);
            pen.font = style.font;
            const widest = Math.max(...cell.innerText.split(/\\s+/)
                .map(word => pen.measureText(word).width));
            const room = cell.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
            return widest > room + 1;
        }).map(cell => cell.innerText);
}"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_a_mornings_work_in_three_languages_on_a_laptop_and_a_phone(
        browser: Any, server: str, week: Seeded, locale: str, size: str) -> None:
    width, height = SIZES[size]
    language, direction = LANGUAGES[locale]
    context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
    page = context.new_page()
    a = week.a
    ARTIFACTS.mkdir(exist_ok=True)
    stem = f"morning-{language}-{size}"
    seen: dict[str, dict[str, Any]] = {}

    def look(name: str) -> None:
        """The page as it stands: its shape, its axe violations, a screenshot, its words."""
        shape = page.evaluate(SHAPE)
        violations = audit(page)
        page.screenshot(path=str(ARTIFACTS / f"{stem}-{len(seen) + 1}-{name}.png"),
                        full_page=True)
        seen[name] = {**shape, "serious": [v for v in violations if v["impact"] in SERIOUS],
                      "words": page.inner_text("main")}

    sign_in_browser(page, f"{server}/console/", a.officer)
    page.wait_for_url(f"{server}/console/")
    look("inbox")
    # No inbox cell but the last message's is squeezed narrower than its longest word, even
    # beside long messages (a framework review's): "Rais|ed", "nobod|y yet" on a laptop.
    page.evaluate("""() => document.querySelectorAll('table.inbox td.last').forEach(cell =>
        cell.textContent = 'Unauthorised sessions in the last ten school weeks. '.repeat(6))""")
    assert page.evaluate(WORDS_BROKEN) == []
    # The waits count on the server's clock (the test's fixed morning, days before the
    # browser's; the demo's school morning): the script's ticking says what the server wrote.
    waits = page.locator(".clock").all_inner_texts()
    written = re.findall(r'<span class="clock"[^>]*>([^<]*)<',
                         page.request.get(f"{server}/console/").text())
    def figures(texts: list[str]) -> list[str]:
        return [re.sub(r"\D", "", text) for text in texts]
    assert waits and figures(waits) == figures(written), (waits, written)
    with page.expect_navigation():
        page.click(f"a[href='/console/escalations/{a.escalation_id}']")
    assert page.url.endswith(f"/console/conversations/{a.conversation_id}")
    look("conversation")
    with page.expect_navigation():
        page.click("button[value=take-over]")
    assert page.locator("p.done").is_visible()  # a confirmation, in the page's language
    look("taken-over")
    form = page.locator("form.set-code").first
    form.locator("select[name=code]").select_option("I")
    form.locator("input[name=reason]").fill("ill")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("p.done").is_visible()
    look("code-set")
    for name, path in (("today", f"/console/today?{WEEK}"), ("trends", f"/console/trends?{WEEK}"),
                       ("student", f"/console/students/{a.student_id}")):
        response = page.goto(f"{server}{path}")
        assert response is not None and response.status == 200, path
        look(name)
    page.goto(f"{server}/console/trends?{WEEK}")
    # Each chart is drawn twice, for a laptop and a phone; the stylesheet shows the one that fits.
    assert page.locator("svg.plot[role=img]:visible").count() == 5
    # A chart wider than its box scrolls from its left edge, where its labels and axis are,
    # in Arabic too (a right-to-left box would open on its right end, the labels out of sight).
    assert page.evaluate("""() => [...document.querySelectorAll('.plot-scroll')].every(box =>
        box.querySelector('svg').getBoundingClientRect().left >=
        box.getBoundingClientRect().left - 1)""")
    context.close()
    (ARTIFACTS / f"{stem}.json").write_text(json.dumps(seen, indent=1, ensure_ascii=False),
                                            encoding="utf-8")
    assert {name: (s["lang"], s["dir"]) for name, s in seen.items()} == {
        name: (language, direction) for name in seen}
    assert {name: s["over"] for name, s in seen.items() if s["over"]} == {}
    assert {name: s["phones"] for name, s in seen.items() if s["phones"]} == {}
    assert {name: s["serious"] for name, s in seen.items() if s["serious"]} == {}
