"""Arabic and Urdu messages read right to left in the console, beside English ones."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from tests.console.conftest import Seeded, sign_in

ARABIC = "يوسف مريض اليوم عنده حرارة"
URDU = "یوسف آج بیمار ہے"



@pytest.fixture
def page(browser: object) -> Iterator[object]:
    opened = browser.new_page()  # type: ignore[attr-defined]
    yield opened
    opened.close()


def directions(page: object, html: str, texts: list[str]) -> list[str]:
    """The computed direction of the innermost element showing each text."""
    page.set_content(html)  # type: ignore[attr-defined]
    return [page.evaluate(  # type: ignore[attr-defined]
        """text => {
            const all = [...document.querySelectorAll('body *')]
                .filter(e => e.textContent.includes(text));
            return getComputedStyle(all[all.length - 1]).direction;
        }""", text) for text in texts]


def test_conversation_shows_each_message_in_its_own_direction(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock,
        page: object) -> None:
    with db.transaction() as session:
        for minutes, text in ((2, ARABIC), (3, URDU)):
            session.add(Message(school_id=seeded.a.school_id,
                                conversation_id=seeded.a.conversation_id,
                                contact_id=seeded.a.contact_id, direction="in", channel="sms",
                                body=text, created_at=clock.now() + timedelta(minutes=minutes)))
    sign_in(client, seeded.a.officer)
    conversation = client.get(f"/console/conversations/{seeded.a.conversation_id}").text
    student = client.get(f"/console/students/{seeded.a.student_id}").text
    for html in (conversation, student):
        assert directions(page, html, [ARABIC, URDU, "back Thursday"]) == ["rtl", "rtl", "ltr"]
