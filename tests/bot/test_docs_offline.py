"""/docs in a real browser with no way out: Swagger UI draws every route from the app's own
files, and asks nothing of any other host (issue 19 item 9)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.app import create_app
from store.clock import SystemClock
from store.database import Database
from tests.console.conftest import console_settings
from tests.live_server import served


@pytest.fixture
def server(db: Database, tmp_path: Path) -> Iterator[str]:
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=SystemClock(),
                     background=False)
    with served(app) as url:
        yield url


def test_the_docs_draw_every_route_with_nothing_from_another_host(
        browser: object, server: str) -> None:
    ours = urlsplit(server).netloc
    outside: list[str] = []
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()

    def only_ours(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if urlsplit(url).netloc == ours or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:  # the network a school may not have: refused, and noted
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", only_ours)
    page.goto(f"{server}/docs")
    page.wait_for_selector('[data-path="/api/v1/schools/{school_id}/write-back"]',
                           timeout=20_000)
    assert page.locator(".opblock").count() > 5
    assert "rollcall" in page.inner_text(".information-container")
    context.close()
    assert outside == []
