"""What the store keeps in English or as ids is shown in the reader's language on the
console's pages: bank holidays on the calendar and on the runs page, the audit log's actions,
the attendance ladder's rungs and a letter's status. A Polish and an Arabic member of staff
each read their own; what the console has no words for is shown as stored."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient

from store.clock import FakeClock
from store.database import Database
from store.models.casework import CaseworkCase, CaseworkLetter
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.console.test_calendar import SHEFFIELD, fields


def read_in(client: TestClient, email: str, language: str) -> None:
    """Sign in and choose `language` on the account page, as a member of staff does."""
    sign_in(client, email)
    csrf = csrf_of(client.get("/console/account").text)
    response = client.post("/console/account/language",
                           data={"csrf_token": csrf, "language": language})
    assert response.status_code == 303


def table(page: str, attribute: str) -> str:
    """The table with this attribute (`class="audit"`, `id="due"`)."""
    found = re.search(rf'<table[^>]*{attribute}[^>]*>.*?</table>', page, re.S)
    assert found, f"no table with {attribute}"
    return found.group(0)


@pytest.mark.parametrize(("language", "christmas", "boxing_day"), [
    ("pl", "Boże Narodzenie", "Drugi dzień świąt Bożego Narodzenia (dzień zastępczy)"),
    ("ar", "عيد الميلاد", "يوم الصناديق (ثاني أيام الميلاد) (يوم بديل)"),
])
def test_bank_holidays_are_named_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, christmas: str,
        boxing_day: str) -> None:
    read_in(client, seeded.a.admin, language)
    month = table(client.get(f"/console/calendar?school={seeded.a.school_id}&month=2026-12")
                  .text, 'class="month"')
    # 2026: Christmas on a Friday, Boxing Day on the Saturday, so the Monday is its day off.
    christmas_day = month[month.index('data-day="2026-12-25"'):]
    assert christmas in christmas_day[:christmas_day.index("</td>")]
    monday = month[month.index('data-day="2026-12-28"'):]
    assert boxing_day in monday[:monday.index("</td>")]
    assert "Christmas" not in month and "observed" not in month


@pytest.mark.parametrize(("language", "skipped"), [
    ("pl", "pominięto: święto państwowe: Boże Narodzenie"),
    ("ar", "تُخطّي: عطلة رسمية: عيد الميلاد"),
])
def test_a_run_skipped_on_a_bank_holiday_says_which_in_the_readers_language(
        client: TestClient, seeded: Seeded, clock: FakeClock, language: str,
        skipped: str) -> None:
    clock.set(datetime(2026, 12, 25, 10, 0, tzinfo=UTC))
    read_in(client, seeded.a.admin, language)
    page = client.get("/console/runs").text
    assert skipped in page
    assert "Christmas" not in page and "bank holiday" not in page


@pytest.mark.parametrize(("language", "signed_in", "language_changed"), [
    ("pl", "zalogowano", "zmieniono język konsoli"),
    ("ar", "سجّل الدخول", "تغيّرت لغة لوحة التحكم"),
])
def test_the_audit_log_names_each_action_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, signed_in: str,
        language_changed: str) -> None:
    read_in(client, seeded.a.admin, language)
    entries = table(client.get("/console/audit").text, 'class="audit"')
    assert f'<span title="sign_in">{signed_in}</span>' in entries
    assert f'<span title="user.language">{language_changed}</span>' in entries
    # Every action shown has its words: no stored id left as the text.
    shown = re.findall(r'<span title="([^"]+)">([^<]+)</span>', entries)
    assert shown and all(action != words for action, words in shown), shown


@pytest.mark.parametrize(("language", "persistent", "concern", "draft"), [
    ("pl", "uporczywa nieobecność", "pierwsze zaniepokojenie", "czeka na zatwierdzenie"),
    ("ar", "غياب متكرر", "القلق الأول", "بانتظار الموافقة"),
])
def test_ladder_rungs_and_letters_are_named_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock, language: str,
        persistent: str, concern: str, draft: str) -> None:
    a = seeded.a
    with db.transaction() as session:
        session.add(CaseworkCase(school_id=a.school_id, student_id=a.student_id,
                                 stage="persistent", stage_since=date(2026, 11, 16),
                                 updated_at=clock.now()))
        session.add(CaseworkLetter(school_id=a.school_id, contact_id=a.contact_id,
                                   student_ids=[a.student_id], stage="concern",
                                   template="letter.concern", created_at=clock.now()))
        # A rung the school named itself is its own word, in every language.
        session.add(CaseworkLetter(school_id=a.school_id, contact_id=a.contact_id,
                                   student_ids=[a.safeguarding_student_id], stage="Stufe 2",
                                   template="letter.concern", created_at=clock.now()))
    read_in(client, a.admin, language)
    student = client.get(f"/console/students/{a.student_id}").text
    assert f"<b>{persistent}</b>" in student
    assert f"{concern}</a> · {draft}" in student
    assert "persistent<" not in student and "concern</a>" not in student
    due = table(client.get("/console/casework").text, 'id="due"')
    assert f"<td>{concern}</td>" in due and "<td>Stufe 2</td>" in due


@pytest.mark.parametrize(("language", "known", "bad_row"), [
    ("pl", "pominięto: święto państwowe, które kraj szkoły już ma",
     "pominięto: koniec jest przed początkiem"),
    ("ar", "تُخطّي: عطلة رسمية موجودة أصلًا في بلد المدرسة", "تُخطّي: النهاية قبل البداية"),
])
def test_a_calendar_imports_skipped_lines_say_why_in_the_readers_language(
        client: TestClient, seeded: Seeded, language: str, known: str, bad_row: str) -> None:
    read_in(client, seeded.a.admin, language)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    upload = fields(page, "/console/calendar/import")
    ics = client.post("/console/calendar/import", data=upload, files={
        "file": ("school_holidays.ics", SHEFFIELD.read_bytes(), "text/calendar")}).text
    assert known in ics and "nation already has" not in ics
    upload = fields(client.get(f"/console/calendar?school={seeded.a.school_id}").text,
                    "/console/calendar/import")
    rows = client.post("/console/calendar/import", data=upload, files={
        "file": ("closures.csv", b"2026-12-10,2026-12-09,inset\n", "text/csv")}).text
    assert bad_row in rows and "the end is before the start" not in rows
