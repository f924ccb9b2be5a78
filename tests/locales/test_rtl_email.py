"""Arabic and Urdu messages run right to left in email HTML, seen in a real browser (the shared
Chromium of tests/conftest.py)."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser

from channels.formats import html_block
from channels.texts import render


def layout(browser: Browser, body: str) -> dict[str, float | str]:
    """Direction of the message block and where its first line starts and ends."""
    page = browser.new_page()
    page.set_content(f'<!doctype html><html><body style="width:600px">{body}</body></html>')
    found = page.evaluate("""() => {
        const block = document.querySelector('div[lang]');
        const range = document.createRange();
        range.selectNodeContents(block.querySelector('p'));
        const rects = [...range.getClientRects()], box = block.getBoundingClientRect();
        const top = Math.min(...rects.map(r => r.top));
        const line = rects.filter(r => r.top < top + 4);  // fragments of the first line
        return {direction: getComputedStyle(block).direction,
                gapLeft: Math.min(...line.map(r => r.left)) - box.left,
                gapRight: box.right - Math.max(...line.map(r => r.right))};
    }""")
    page.close()
    return found  # type: ignore[no-any-return]


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_right_to_left_message_starts_at_the_right_edge(browser: Browser, language: str) -> None:
    text = render("reason.thanks", language, params={"names": ["Yusuf"]})
    found = layout(browser, html_block(text, language))
    assert found["direction"] == "rtl"
    assert float(found["gapRight"]) < 1 < float(found["gapLeft"])


def test_left_to_right_message_starts_at_the_left_edge(browser: Browser) -> None:
    text = render("absence.first", "pl", params={
        "school": "Oakfield", "names": ["Zuzanna"], "date": date(2026, 11, 23)})
    found = layout(browser, html_block(text.split(". ")[0], "pl"))
    assert found["direction"] == "ltr"
    assert float(found["gapLeft"]) < 1 < float(found["gapRight"])
