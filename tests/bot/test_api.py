from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from bot.app import create_app
from bot.settings import Settings
from store.audit import audit
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.marks import Mark
from store.models.people import Student
from store.models.staff import StaffUser
from store.schools import add_school
from tests.store.test_importer import snapshot

DAY = date(2026, 11, 23)


@dataclass
class School:
    id: int
    token: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def url(self, path: str) -> str:
        return f"/api/v1/schools/{self.id}{path}"


def make_school(db: Database, clock: FakeClock, name: str, mis_ids: list[str]) -> School:
    with db.transaction() as session:
        school, token = add_school(session, clock, name=name)
        assert school.id is not None
        for n, mis_id in enumerate(mis_ids):
            session.add(Student(school_id=school.id, mis_id=mis_id, first_name=f"Kid{n}",
                                last_name=name.split()[0]))
        return School(school.id, token)


@pytest.fixture
def schools(db: Database, clock: FakeClock) -> tuple[School, School]:
    return (make_school(db, clock, "Kestrel Vale Academy", ["1001", "1002", "1003"]),
            make_school(db, clock, "Otterburn Primary", ["1001", "2002"]))


@pytest.fixture
def client(db: Database, clock: FakeClock) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=db.url), database=db, clock=clock, background=False)
    with TestClient(app) as test_client:
        yield test_client


def push(client: TestClient, school: School, *marks: tuple[str, str, str],
         headers: dict[str, str] | None = None) -> dict[str, object]:
    body = {"marks": [{"student_id": s, "date": DAY.isoformat(), "session": session, "code": c}
                      for s, session, c in marks]}
    response = client.post(school.url("/marks"), json=body,
                           headers=school.auth if headers is None else headers)
    return {"status": response.status_code, **response.json()}


REGISTER = (("1001", "AM", "N"), ("1002", "AM", "L"), ("1003", "AM", "/"))


def confirm(db: Database, clock: FakeClock, *, mis_id: str, code: str, by: str,
            reply: str | None = None) -> None:
    """What the loop (bot) or the console (staff) does when a reason is confirmed."""
    with db.transaction() as session:
        mark = session.exec(select(Mark).join(Student).where(Student.mis_id == mis_id,
                                                             Mark.day == DAY)).first()
        assert mark is not None
        if reply:
            message = Message(school_id=mark.school_id, direction="in", channel="sms",
                              body=reply, created_at=clock.now())
            session.add(message)
            session.flush()
            mark.message_id = message.id
        mark.code, mark.reason_status, mark.reason_text = code, "confirmed", reply
        mark.source = "staff" if by.startswith("staff") else "bot"
        mark.set_by, mark.version, mark.updated_at = by, mark.version + 1, clock.now()
        session.add(mark)
        session.flush()
        audit(session, clock, actor=by, action="mark.confirmed", entity="mark",
              entity_id=mark.id, school_id=mark.school_id, new=code)


def test_pushing_the_same_register_twice_changes_nothing_the_second_time(
        client: TestClient, db: Database, schools: tuple[School, School]) -> None:
    school, _ = schools
    assert push(client, school, *REGISTER) == {
        "status": 200, "created": 3, "updated": 0, "unchanged": 0, "kept": 0, "not_taken": 0}
    before = snapshot(db)
    assert push(client, school, *REGISTER)["unchanged"] == 3
    assert snapshot(db) == before
    assert push(client, school, ("1002", "AM", "/"))["updated"] == 1


def test_a_session_sent_with_no_mark_yet_is_passed_over_not_refused(
        client: TestClient, db: Database, schools: tuple[School, School]) -> None:
    school, _ = schools
    result = push(client, school, ("1001", "AM", "-"), ("1002", "AM", ""), ("1003", "AM", "N"))
    assert (result["status"], result["created"], result["not_taken"]) == (200, 1, 2)


def test_a_push_with_any_bad_mark_writes_nothing_and_names_each_one(
        client: TestClient, db: Database, schools: tuple[School, School]) -> None:
    school, _ = schools
    before = snapshot(db)
    result = push(client, school, ("1001", "AM", "N"), ("9999", "AM", "N"), ("1002", "AM", "H"),
                  ("1001", "AM", "/"))
    assert result["status"] == 422
    errors = result["detail"]["errors"]  # type: ignore[index]
    assert [e["index"] for e in errors] == [1, 2, 3]
    assert "retired" in errors[1]["message"]
    assert snapshot(db) == before


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer rc_wrong"},
                                     {"Authorization": "Basic dXNlcjpwYXNz"}])
def test_a_missing_or_wrong_token_is_401_everywhere_and_changes_nothing(
        client: TestClient, db: Database, schools: tuple[School, School],
        headers: dict[str, str]) -> None:
    school, _ = schools
    before = snapshot(db)
    assert push(client, school, *REGISTER, headers=headers)["status"] == 401
    for path in ("/marks", "/write-back", "/write-back.csv"):
        response = client.get(school.url(path), headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
    assert snapshot(db) == before


def test_a_token_for_one_school_never_reads_or_writes_another(
        client: TestClient, db: Database, clock: FakeClock,
        schools: tuple[School, School]) -> None:
    school_a, school_b = schools
    push(client, school_b, ("1001", "AM", "N"))
    before = snapshot(db)
    as_a_on_b = School(school_b.id, school_a.token)
    assert push(client, as_a_on_b, ("1001", "AM", "/"))["status"] == 404
    for path in ("/marks", "/write-back", "/write-back.csv"):
        assert client.get(as_a_on_b.url(path), headers=as_a_on_b.auth).status_code == 404
    assert snapshot(db) == before
    # School A's own view does not show B's mark for a student with the same MIS id.
    assert client.get(school_a.url(f"/marks?date={DAY}"), headers=school_a.auth).json()[
        "marks"] == []


def test_marks_are_read_with_their_reason_status(
        client: TestClient, db: Database, clock: FakeClock,
        schools: tuple[School, School]) -> None:
    school, _ = schools
    push(client, school, *REGISTER)
    confirm(db, clock, mis_id="1001", code="I", by="bot", reply="She has a temperature")
    body = client.get(school.url(f"/marks?date={DAY}"), headers=school.auth).json()
    by_student = {m["student_id"]: m for m in body["marks"]}
    assert by_student["1001"]["code"] == "I"
    assert by_student["1001"]["reason_status"] == "confirmed"
    assert by_student["1002"]["reason_status"] == "unexplained"
    unexplained = client.get(school.url(f"/marks?date={DAY}&reason_status=unexplained"),
                             headers=school.auth).json()["marks"]
    assert [m["student_id"] for m in unexplained] == ["1002"]
    # Without a date: the school's own today (the clock is 08:00 UTC on DAY).
    assert client.get(school.url("/marks"), headers=school.auth).json()["date"] == str(DAY)


def test_the_write_back_feed_gives_confirmed_reasons_once_then_follows_a_cursor(
        client: TestClient, db: Database, clock: FakeClock,
        schools: tuple[School, School]) -> None:
    school, other = schools
    push(client, school, *REGISTER)
    push(client, other, ("2002", "AM", "N"))
    with db.transaction() as session:
        officer = StaffUser(email="officer@example.org", name="Pat Lindqvist")
        session.add(officer)
        session.flush()
        officer_id = officer.id
    confirm(db, clock, mis_id="1001", code="I", by="bot", reply="Amy has a temperature")
    clock.advance(timedelta(minutes=5))
    confirm(db, clock, mis_id="1002", code="M", by=f"staff:{officer_id}")
    confirm(db, clock, mis_id="2002", code="I", by="bot")  # the other school's

    feed = client.get(school.url("/write-back"), headers=school.auth).json()
    assert [(i["student_id"], i["code"]) for i in feed["items"]] == [("1001", "I"), ("1002", "M")]
    amy, ben = feed["items"]
    assert amy["message_text"] == "Amy has a temperature" and amy["message_channel"] == "sms"
    assert amy["confirmed_by"] == "bot" and amy["code_meaning"].startswith("illness")
    assert ben["confirmed_by_name"] == "Pat Lindqvist"
    cursor = feed["next_cursor"]
    assert client.get(school.url(f"/write-back?since={cursor}"),
                      headers=school.auth).json() == {"items": [], "next_cursor": cursor}
    # A later change by staff puts the mark back in the feed with its new code.
    confirm(db, clock, mis_id="1001", code="M", by=f"staff:{officer_id}")
    again = client.get(school.url(f"/write-back?since={cursor}"), headers=school.auth).json()
    assert [(i["student_id"], i["code"]) for i in again["items"]] == [("1001", "M")]
    assert int(again["next_cursor"]) > int(cursor)
    # Paging: limit 1 then the rest.
    first = client.get(school.url("/write-back?limit=1"), headers=school.auth).json()
    rest = client.get(school.url(f"/write-back?since={first['next_cursor']}"),
                      headers=school.auth).json()
    assert [i["student_id"] for i in first["items"] + rest["items"]] == ["1002", "1001"]


def test_register_codes_from_the_mis_itself_are_not_fed_back(
        client: TestClient, db: Database, schools: tuple[School, School]) -> None:
    school, _ = schools
    push(client, school, ("1001", "AM", "I"))
    with db.transaction() as session:
        assert session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")).all()
    assert client.get(school.url("/write-back"), headers=school.auth).json()["items"] == []


def test_the_csv_export_has_the_feed_and_defuses_spreadsheet_formulas(
        client: TestClient, db: Database, clock: FakeClock,
        schools: tuple[School, School]) -> None:
    school, _ = schools
    push(client, school, *REGISTER)
    confirm(db, clock, mis_id="1001", code="I", by="bot", reply="=HYPERLINK(\"x\") ill")
    response = client.get(school.url("/write-back.csv"), headers=school.auth)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["student_id"], r["code"], r["date"]) for r in rows] == [("1001", "I", str(DAY))]
    assert rows[0]["reason_text"].startswith("'=")
    assert response.headers["x-next-cursor"] == rows[0]["cursor"]


def test_the_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/schools/{school_id}/write-back" in paths


def test_the_docs_page_names_only_files_the_app_serves_itself(client: TestClient) -> None:
    # /docs must work with no internet: every script, style and icon it names is ours.
    page = client.get("/docs").text
    names = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page)
    names += re.findall(r"""url: ?["']([^"']+)["']""", page)  # the OpenAPI document
    assert len(names) >= 4, page
    for name in names:
        assert name.startswith("/") and not name.startswith("//"), name
        served = client.get(name)
        assert served.status_code == 200, name
        assert len(served.content) > 0
    assert client.get("/redoc").status_code == 404  # its script fetches from a CDN


def test_a_schools_settings_are_read_and_changed_through_the_api(
        client: TestClient, db: Database, schools: tuple[School, School]) -> None:
    school, other = schools
    settings = client.get(school.url("/settings"), headers=school.auth).json()
    assert settings["nation"] == "England" and settings["absence_run_at"] == "09:30"
    changed = client.patch(school.url("/settings"), headers=school.auth,
                           json={"nation": "Northern Ireland", "quiet_end": "07:00",
                                 "auto_confirm": ["illness"]})
    assert changed.status_code == 200
    assert changed.json() == {**settings, "nation": "Northern Ireland", "quiet_end": "07:00",
                              "auto_confirm": ["illness"]}
    refused = client.patch(school.url("/settings"), headers=school.auth,
                           json={"name": "Renamed", "call_list_at": "10:00"})
    assert refused.status_code == 422 and "call_list_at" in refused.json()["detail"]
    assert client.get(school.url("/settings"), headers=school.auth).json() == changed.json()
    assert client.patch(school.url("/settings"), headers=other.auth,
                        json={"name": "Taken"}).status_code == 404
    with db.transaction() as session:
        actions = set(session.exec(select(AuditEntry.action).where(
            AuditEntry.actor == "api")))
    assert actions == {"school.setting.nation", "school.setting.quiet_end",
                       "school.setting.auto_confirm"}


def test_engagement_rules_are_settings_of_the_api_too(
        client: TestClient, schools: tuple[School, School]) -> None:
    school, _ = schools
    changed = client.patch(school.url("/settings"), headers=school.auth,
                           json={"visa_missed_in_row": 8, "engagement_min_percent": 70})
    assert changed.status_code == 200
    assert (changed.json()["visa_missed_in_row"], changed.json()["engagement_min_percent"],
            changed.json()["engagement_days_without"]) == (8, 70.0, 7)
    refused = client.patch(school.url("/settings"), headers=school.auth,
                           json={"engagement_min_percent": 130})
    assert refused.status_code == 422 and "a percentage from 0 to 100" in refused.json()["detail"]
