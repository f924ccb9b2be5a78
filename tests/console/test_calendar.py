"""The calendar in the console over plain HTTP: the month view, entries added and removed by an
admin (and only an admin of that school), a published .ics previewed then imported, and the
emergency closure's confirm step."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.schools import SchoolDay
from tests.console.conftest import Seeded, sign_in

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"
SHEFFIELD = FIXTURES / "sheffield-sutc-school-holidays.ics"


def fields(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the form posting to `action` (CSRF token, idempotency key...)."""
    found = re.search(rf'action="{re.escape(action)}"[^>]*>(.*?)</form>', page, re.S)
    assert found, f"no form for {action}"
    values = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', found.group(1)))
    content = re.search(r'<textarea name="content" hidden>(.*?)</textarea>', found.group(1), re.S)
    if content:
        values["content"] = (
            content.group(1)
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#39;", "'")
            .replace("&#34;", '"')
            .replace("&amp;", "&")
        )
    return values


def entries(db: Database, school_id: int) -> list[tuple[str, date, date]]:
    with db.transaction() as session:
        return [
            (e.kind, e.start, e.end)
            for e in session.exec(
                select(SchoolDay)
                .where(SchoolDay.school_id == school_id)
                .order_by(col(SchoolDay.start))
            )
        ]


def test_an_admin_adds_a_holiday_sees_it_on_the_month_and_removes_it(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.admin)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}&month=2026-10").text
    form = fields(page, "/console/calendar/entries") | {
        "kind": "holiday",
        "start": "2026-10-26",
        "end": "2026-10-30",
        "note": "Half term",
    }
    response = client.post("/console/calendar/entries", data=form)
    assert response.status_code == 303
    month = client.get(response.headers["location"]).text
    assert re.search(r'class="day holiday[^"]*" data-day="2026-10-27"', month)
    assert re.search(r'class="day open[^"]*" data-day="2026-10-23"', month)
    assert entries(db, seeded.a.school_id) == [("holiday", date(2026, 10, 26), date(2026, 10, 30))]
    entry_id = re.search(r'data-entry="(\d+)"', month)
    assert entry_id
    action = f"/console/calendar/entries/{entry_id.group(1)}/remove"
    assert client.post(action, data=fields(month, action)).status_code == 303
    assert entries(db, seeded.a.school_id) == []
    with db.transaction() as session:
        actions = [
            a.action
            for a in session.exec(select(AuditEntry).where(col(AuditEntry.entity) == "school_day"))
        ]
    assert actions == ["calendar.add", "calendar.remove"]


def test_a_bad_entry_says_why_and_changes_nothing(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.admin)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    form = fields(page, "/console/calendar/entries") | {
        "kind": "inset",
        "start": "2026-11-30",
        "end": "2026-11-02",
    }
    response = client.post("/console/calendar/entries", data=form)
    assert response.status_code == 400
    assert "the last day is before the first" in response.text
    assert entries(db, seeded.a.school_id) == []


def test_only_an_admin_of_the_school_changes_the_calendar(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    token = sign_in(client, seeded.a.officer)
    page = client.get("/console/calendar").text
    assert "Alder Academy" in page and "/console/calendar/entries" not in page
    form = {
        "csrf_token": token,
        "school": str(seeded.a.school_id),
        "kind": "inset",
        "start": "2026-11-30",
    }
    assert client.post("/console/calendar/entries", data=form).status_code == 403
    assert client.get(f"/console/calendar/closure?school={seeded.a.school_id}").status_code == 403
    client.cookies.clear()
    token = sign_in(client, seeded.a.admin)
    form["csrf_token"] = token
    form["school"] = str(seeded.b.school_id)
    assert client.post("/console/calendar/entries", data=form).status_code == 404
    assert client.get(f"/console/calendar?school={seeded.b.school_id}").status_code == 404
    assert entries(db, seeded.b.school_id) == []


def test_a_published_ics_is_previewed_then_imported_once(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.admin)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    upload = fields(page, "/console/calendar/import")
    response = client.post(
        "/console/calendar/import",
        data=upload,
        files={"file": ("school_holidays.ics", SHEFFIELD.read_bytes(), "text/calendar")},
    )
    assert response.status_code == 200
    preview = response.text
    assert preview.count('<tr class="new">') == 31  # 21 holidays, 10 INSET days
    assert "skipped: a bank holiday the school's nation already has" in preview
    assert entries(db, seeded.a.school_id) == []  # nothing written by the preview
    apply = fields(preview, "/console/calendar/import/apply")
    done = client.post("/console/calendar/import/apply", data=apply)
    assert done.status_code == 303
    assert "added=31" in done.headers["location"]
    assert len(entries(db, seeded.a.school_id)) == 31
    assert ("inset", date(2025, 10, 23), date(2025, 10, 23)) in entries(db, seeded.a.school_id)
    again = client.post(
        "/console/calendar/import",
        data=upload,
        files={"file": ("school_holidays.ics", SHEFFIELD.read_bytes(), "text/calendar")},
    ).text
    assert again.count('<tr class="already">') == 31 and 'class="new"' not in again


def test_a_file_that_is_not_a_calendar_is_refused_saying_why(
    client: TestClient, seeded: Seeded
) -> None:
    sign_in(client, seeded.a.admin)
    page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    response = client.post(
        "/console/calendar/import",
        data=fields(page, "/console/calendar/import"),
        files={"file": ("dates.ics", b"<html>Term dates</html>", "text/html")},
    )
    assert response.status_code == 400
    assert "This is not an iCalendar file (it has no BEGIN:VCALENDAR)." in response.text


def test_the_closure_confirm_page_says_what_it_will_do_then_it_is_done_once(
    client: TestClient, seeded: Seeded, db: Database
) -> None:
    sign_in(client, seeded.a.admin)
    calendar_page = client.get(f"/console/calendar?school={seeded.a.school_id}").text
    confirm_link = f"/console/calendar/closure?school={seeded.a.school_id}"
    assert confirm_link in calendar_page
    confirm = client.get(confirm_link).text
    assert "Close Alder Academy for the rest of today" in confirm
    assert "chase" in confirm and "0 register sessions" in confirm
    assert entries(db, seeded.a.school_id) == []  # the first click changes nothing
    response = client.post(
        "/console/calendar/closure",
        data=fields(confirm, "/console/calendar/closure") | {"note": "snow"},
    )
    assert response.status_code == 303
    assert "Closed today: emergency closure." in client.get(response.headers["location"]).text
    assert entries(db, seeded.a.school_id) == [
        ("emergency", date(2026, 11, 23), date(2026, 11, 23))
    ]
    again = client.get(confirm_link)
    assert again.status_code == 400 and "already closed today" in again.text
