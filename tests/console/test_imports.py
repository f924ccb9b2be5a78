"""Imports in the console (issue 19 item 4): upload, a preview of every line before anything is
written, then Apply (exactly what the preview showed, once) or Cancel (nothing changes)."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.importer import import_csv
from store.models.audit import AuditEntry
from store.models.imports import ImportUpload
from store.models.people import Student
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.store.test_importer import snapshot

# a-S1 Amy moves to Year 10, a-S2 Ben is as stored, Cara is new, line 5 has no first name.
STUDENTS = b"""Adno,Legal Forename,Legal Surname,Year Group
a-S1,Amy,Testerton,10
a-S2,Ben,Testerton,7
a-S3,Cara,Brightwater,8
a-S4,,Nameless,8
"""


def upload(client: TestClient, seeded: Seeded, body: bytes = STUDENTS,
           **form: str) -> tuple[int, str, str]:
    """Upload through the form: the status, the upload's id (from its Apply form) and the page."""
    token = csrf_of(client.get("/console/imports").text)
    response = client.post("/console/imports", data={
        "csrf_token": token, "school": str(seeded.a.school_id), "kind": "students", **form},
        files={"files": ("students.csv", body, "text/csv")})
    found = re.search(r'action="/console/imports/(\d+)/apply"', response.text)
    return response.status_code, found.group(1) if found else "", response.text


def form(page: str, action: str) -> dict[str, str]:
    found = re.search(rf'action="{re.escape(action)}">(.*?)</form>', page, re.S)
    assert found, f"no form for {action}"
    return dict(re.findall(r'name="(\w+)" value="([^"]*)"', found.group(1)))


def students(db: Database) -> dict[str, str | None]:
    with db.transaction() as session:
        return {s.mis_id: s.year_group for s in session.exec(select(Student))
                if s.mis_id.startswith("a-")}


def test_the_preview_shows_every_line_and_apply_writes_exactly_that(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.officer)
    before = snapshot(db)
    status, upload_id, page = upload(client, seeded)
    assert status == 200 and "Nothing has been imported yet." in page
    lines = {line: outcome for outcome, line in re.findall(
        r'<tr class="(\w+)" data-line="(\d+)"', page)}
    assert lines == {"2": "updated", "3": "unchanged", "4": "created", "5": "refused"}
    assert "Year: 9 → 10" in page and "The first name is empty." in page
    assert "Apply: import 2 new or changed lines" in page
    after_preview = snapshot(db)
    assert {k: v for k, v in after_preview.items() if not k.startswith("import_upload")} == {
        k: v for k, v in before.items() if not k.startswith("import_upload")}

    action = f"/console/imports/{upload_id}/apply"
    applied = client.post(action, data=form(page, action))
    assert applied.status_code == 303
    assert "created=1&updated=1&unchanged=1&kept=0&refused=1" in applied.headers["location"]
    assert "Imported Students: 1 new, 1 changed" in client.get(applied.headers["location"]).text
    assert students(db) == {"a-S1": "10", "a-S2": "7", "a-S3": "8"}
    again = client.post(action, data=form(page, action))  # the same form again: one import
    assert again.status_code == 303 and again.headers["location"] == applied.headers["location"]
    with db.transaction() as session:
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.action == "import.applied"))
        assert entry.actor.startswith("staff:") and "1 created, 1 updated" in (
            entry.new_value or "")
        assert session.exec(select(ImportUpload)).all() == []  # the file is not kept


def test_cancel_changes_nothing_and_forgets_the_file(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.officer)
    before = snapshot(db)
    _, upload_id, page = upload(client, seeded)
    action = f"/console/imports/{upload_id}/cancel"
    cancelled = client.post(action, data=form(page, action))
    assert cancelled.status_code == 303
    assert "nothing was imported" in client.get(cancelled.headers["location"]).text
    assert snapshot(db) == before
    apply = f"/console/imports/{upload_id}/apply"
    assert client.post(apply, data=form(page, apply)).status_code == 404


def test_a_store_changed_since_the_preview_writes_nothing_and_shows_the_new_preview(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    sign_in(client, seeded.a.officer)
    _, upload_id, page = upload(client, seeded)
    import_csv(db, clock, kind="students", school_id=seeded.a.school_id,
               data=b"Adno,Forename,Surname,Year\na-S3,Cara,Brightwater,8\n")
    before = snapshot(db)
    action = f"/console/imports/{upload_id}/apply"
    outdated = client.post(action, data=form(page, action))
    assert outdated.status_code == 409 and "The store has changed" in outdated.text
    assert snapshot(db)["student"] == before["student"]
    assert "Apply: import 1 new or changed lines" in outdated.text  # Cara is there now
    applied = client.post(action, data=form(outdated.text, action))  # the new preview's Apply
    assert applied.status_code == 303 and students(db)["a-S1"] == "10"


def test_a_file_that_cannot_be_read_says_why(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    status, _, page = upload(client, seeded, b"Adno,Surname\n1,Smith\n")
    assert status == 400 and "This file cannot be imported" in page and "First Name" in page


def test_all_or_nothing_with_a_refused_line_cannot_be_applied(
        client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    page = upload(client, seeded, all_or_nothing="yes")[2]
    assert "Apply would import nothing" in page
    assert re.search(r'<button type="submit" class="apply" disabled>', page)


def test_who_may_import_and_whose_upload_it_is(app: FastAPI, client: TestClient,
                                               seeded: Seeded) -> None:
    sign_in(client, seeded.a.reader)
    token = csrf_of(client.get("/console/imports").text)
    refused = client.post("/console/imports", data={
        "csrf_token": token, "school": str(seeded.a.school_id), "kind": "students"},
        files={"files": ("s.csv", STUDENTS, "text/csv")})
    assert refused.status_code == 403
    client.cookies.clear()
    sign_in(client, seeded.a.officer)
    _, upload_id, _ = upload(client, seeded)
    token = csrf_of(client.get("/console/imports").text)
    assert client.post("/console/imports", data={
        "csrf_token": token, "school": str(seeded.b.school_id), "kind": "students"},
        files={"files": ("s.csv", STUDENTS, "text/csv")}).status_code == 404
    with TestClient(app, follow_redirects=False) as other:
        sign_in(other, seeded.a.admin)  # a colleague at the same school: not their upload
        action = f"/console/imports/{upload_id}/apply"
        token = csrf_of(other.get("/console/imports").text)
        assert other.post(action, data={"csrf_token": token}).status_code == 404
    assert "/console/imports" in client.get("/console/").text


def test_the_import_pages_in_welsh(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.officer)
    welsh = {"accept-language": "cy"}
    assert "Mewnforio o'r MIS" in client.get("/console/imports", headers=welsh).text.replace(
        "&#39;", "'")
    token = csrf_of(client.get("/console/imports").text)
    preview = client.post("/console/imports", headers=welsh, data={
        "csrf_token": token, "school": str(seeded.a.school_id), "kind": "students"},
        files={"files": ("students.csv", STUDENTS, "text/csv")}).text
    assert "Does dim wedi'i fewnforio eto." in preview.replace("&#39;", "'")
    assert "Blwyddyn: 9 → 10" in preview
