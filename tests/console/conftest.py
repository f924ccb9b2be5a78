"""Console fixtures: the real app on a seeded store, and signing in through the real form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from bot.app import create_app
from bot.settings import Settings
from store.clock import FakeClock
from store.database import Database
from store.models.conversations import Message
from store.models.marks import Mark
from store.models.outbound import Outbox
from tests.console.seed import PASSWORD, SchoolSeed, seed_school
from tests.live_server import served


@dataclass(frozen=True, slots=True)
class Seeded:
    a: SchoolSeed
    b: SchoolSeed


@pytest.fixture
def seeded(db: Database, clock: FakeClock) -> Seeded:
    day = clock.now().date()
    with db.transaction() as session:
        a = seed_school(session, clock, name="Alder Academy", tag="a", phone="+447700900101",
                        day=day)
        b = seed_school(session, clock, name="Birch School", tag="b", phone="+447700900202",
                        day=day)
    return Seeded(a=a, b=b)


def console_settings(database_url: str, tmp_path: Path, *, demo: bool = True) -> Settings:
    return Settings(database_url=database_url, secret_key=SecretStr("test-secret-" + "x" * 32),
                    secret_key_file=str(tmp_path / "secret.key"), demo=demo)


@pytest.fixture
def app(db: Database, clock: FakeClock, tmp_path: Path) -> FastAPI:
    return create_app(console_settings(db.url, tmp_path), database=db, clock=clock,
                      background=False)


@pytest.fixture
def server(db: Database, clock: FakeClock, tmp_path: Path) -> Iterator[str]:
    """The console served by uvicorn on a free loopback port, for Chromium (no background
    jobs: the page under test is all that runs). A module that needs more defines its own."""
    app = create_app(console_settings(db.url, tmp_path), database=db, clock=clock,
                     background=False)
    with served(app) as url:
        yield url


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, follow_redirects=False) as test_client:
        yield test_client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client.get("/console/sign-in").text)
    response = client.post("/console/sign-in", data={"email": email, "password": password,
                                                     "csrf_token": token})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/console/").text)


def sign_in_browser(page: Any, url: str, email: str, password: str = PASSWORD) -> None:
    """Open `url` in a Playwright page and sign in through the form it redirects to."""
    page.goto(url)
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


# A school week before the seed's Monday: the Trends charts' figures (test_trends.py).
MONDAY = date(2026, 11, 16)
WEEK = f"start={MONDAY.isoformat()}&end={(MONDAY + timedelta(days=4)).isoformat()}"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time on the week's `day` (0 = Monday), in UTC (London is on GMT in November)."""
    return datetime.combine(MONDAY + timedelta(days=day), datetime.min.time(), UTC).replace(
        hour=hour, minute=minute)


@pytest.fixture
def week(db: Database, seeded: Seeded) -> Seeded:
    """Amy (Year 9) ill on Tuesday, unexplained on Thursday morning; Ben (Year 7) on an
    unauthorised holiday on Wednesday; Amy's family asked on Tuesday (replied that morning) and
    on Thursday (replied only on Friday, which is no same-day reply)."""
    a = seeded.a
    ben = a.safeguarding_student_id  # the seed's Year 7 sibling
    absent = {(a.student_id, 1): ("I", "illness", "confirmed"),
              (a.student_id, 3): ("N", None, "unexplained"),
              (ben, 2): ("G", None, "confirmed")}
    with db.transaction() as session:
        for day in range(5):
            for student in (a.student_id, ben):
                for register in ("AM", "PM"):
                    if day == 3 and register == "PM":
                        continue  # Thursday: the afternoon register is not in yet
                    code, intent, status = absent.get((student, day), (None, None, None))
                    session.add(Mark(school_id=a.school_id, student_id=student,
                                     day=MONDAY + timedelta(days=day), session=register,
                                     code=code or ("/" if register == "AM" else "\\"),
                                     intent=intent, reason_status=status or "confirmed"))
        for day, status in ((1, "delivered"), (3, "failed")):
            session.add(Outbox(school_id=a.school_id, contact_id=a.contact_id, kind="absence",
                               channel="sms", to_address="+447700900101", body="absent",
                               student_ids=[a.student_id], status=status,
                               created_at=at(day, 9, 30)))
        for day, hour in ((1, 10), (4, 8)):
            session.add(Message(school_id=a.school_id, contact_id=a.contact_id, direction="in",
                                channel="sms", body="reply", created_at=at(day, hour)))
    return seeded
