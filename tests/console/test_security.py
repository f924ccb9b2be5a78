"""The console's locks: no session, another school, no CSRF token, no safeguarding role."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from store.database import Database
from store.models.audit import AuditEntry
from store.models.staff import SignInThrottle
from tests.console.conftest import Seeded, sign_in
from tests.console.seed import SchoolSeed

# Reached without a session: signing in, and choosing a password from an emailed one-time
# link, where the link's token is the proof (tests/console/test_colleagues.py).
PUBLIC = {"/console/sign-in", "/console/password/{token}"}
SECRETS = ("SECRET-DISCLOSURE", "PNG-SECRET", "he hit her")


def console_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """Every (method, path) of the console, read from the app's own route table (its OpenAPI
    schema, which lists every included router) so that new routes are covered."""
    for path, operations in _openapi_paths(app).items():
        if path.startswith("/console") and path not in PUBLIC:
            for method in sorted(operations):
                yield method.upper(), path


_paths: list[dict[str, dict[str, object]]] = []


def _openapi_paths(app: FastAPI) -> dict[str, dict[str, object]]:
    """The schema's paths, made once a module: every test here gets an app of the same routes
    (the `app` fixture's), and making the schema takes seconds (3.8 s a time, under load)."""
    if not _paths:
        _paths.append(app.openapi()["paths"])
    return _paths[0]


def fill(path: str, ids: dict[str, int]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), path)


def ids_for(seed: SchoolSeed, *, safeguarding: bool) -> dict[str, int]:
    return {"conversation_id": seed.safeguarding_conversation_id if safeguarding
            else seed.conversation_id,
            "escalation_id": seed.safeguarding_escalation_id if safeguarding
            else seed.escalation_id,
            "evidence_id": seed.evidence_id,
            "student_id": seed.safeguarding_student_id if safeguarding else seed.student_id,
            "contact_id": seed.contact_id, "school_id": seed.school_id}


def test_the_console_has_routes_to_check(app: FastAPI) -> None:
    assert len(list(console_routes(app))) >= 8


def test_every_console_route_needs_a_session(app: FastAPI, client: TestClient,
                                             seeded: Seeded) -> None:
    for method, path in console_routes(app):
        response = client.request(method, fill(path, ids_for(seeded.a, safeguarding=False)))
        if path.startswith("/console/api/"):
            assert response.status_code == 401, (method, path, response.status_code)
        else:
            assert response.status_code == 303, (method, path, response.status_code)
            assert response.headers["location"].startswith("/console/sign-in"), (method, path)


def test_a_forged_or_stale_cookie_is_no_session(client: TestClient, seeded: Seeded,
                                                clock) -> None:
    from datetime import timedelta

    client.cookies.set("rollcall_session", "eyJ1IjoxfQ.forged", path="/console")
    assert client.get("/console/api/inbox").status_code == 401
    client.cookies.clear()
    sign_in(client, seeded.a.officer)
    assert client.get("/console/api/inbox").status_code == 200
    clock.advance(timedelta(hours=13))
    assert client.get("/console/api/inbox").status_code == 401


def test_school_a_staff_get_404_for_school_b_ids(app: FastAPI, client: TestClient,
                                                 seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    other = ids_for(seeded.b, safeguarding=False)
    for path in ("/console/students/{student_id}", "/console/conversations/{conversation_id}",
                 "/console/escalations/{escalation_id}", "/console/evidence/{evidence_id}",
                 "/console/api/conversations/{conversation_id}"):
        response = client.get(fill(path, other))
        assert response.status_code == 404, (path, response.status_code)
    # and what they can see is theirs: the same paths with their own ids answer
    assert client.get(fill("/console/conversations/{conversation_id}",
                           ids_for(seeded.a, safeguarding=False))).status_code == 200
    inbox = client.get("/console/api/inbox").json()
    assert {item["school"] for item in inbox["items"]} == {"Alder Academy"}


def test_every_get_route_refuses_school_b_ids(app: FastAPI, client: TestClient,
                                              seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    for method, path in console_routes(app):
        if method == "GET" and "{" in path:
            response = client.get(fill(path, ids_for(seeded.b, safeguarding=True)))
            assert response.status_code == 404, (path, response.status_code)


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.officer)
    before = _audit_count(db)
    response = client.post("/console/sign-out", data={})
    assert response.status_code == 403
    assert client.get("/console/api/inbox").status_code == 200  # still signed in
    wrong = client.post("/console/sign-out", data={"csrf_token": "not-the-token"})
    assert wrong.status_code == 403
    assert _audit_count(db) == before


def test_sign_in_without_csrf_token_is_refused(client: TestClient, seeded: Seeded,
                                               db: Database) -> None:
    client.get("/console/sign-in")
    response = client.post("/console/sign-in", data={"email": seeded.a.officer,
                                                     "password": "wrong password!"})
    assert response.status_code == 403
    with db.transaction() as session:
        assert session.exec(select(SignInThrottle)).all() == []  # nothing was counted


@pytest.mark.parametrize("role", ["officer", "reader"])
def test_non_dsl_cannot_read_safeguarding_content_anywhere(
        role: str, app: FastAPI, client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, getattr(seeded.a, role))
    ids = ids_for(seeded.a, safeguarding=True)
    for method, path in console_routes(app):
        if method != "GET":
            continue
        response = client.get(fill(path, ids))
        for secret in SECRETS:
            assert secret not in response.text, (path, secret)
    page = client.get(fill("/console/conversations/{conversation_id}", ids))
    assert page.status_code == 200
    assert "designated safeguarding lead" in page.text
    assert client.get("/console/audit.csv").status_code == 403
    with db.transaction() as session:
        refused = session.exec(select(AuditEntry).where(
            AuditEntry.action == "conversation.view_refused")).all()
        assert refused


def test_the_dsl_reads_it_and_the_view_is_audited(client: TestClient, seeded: Seeded,
                                                  db: Database) -> None:
    sign_in(client, seeded.a.dsl)
    ids = ids_for(seeded.a, safeguarding=True)
    page = client.get(fill("/console/conversations/{conversation_id}", ids))
    assert "SECRET-DISCLOSURE" in page.text
    assert client.get(fill("/console/evidence/{evidence_id}", ids)).content == b"\x89PNG-SECRET"
    with db.transaction() as session:
        views = session.exec(select(AuditEntry).where(
            AuditEntry.action == "conversation.view")).all()
        assert [v.entity_id for v in views] == [str(seeded.a.safeguarding_conversation_id)]


def test_admins_export_the_audit_log_of_their_schools(client: TestClient, seeded: Seeded) -> None:
    sign_in(client, seeded.a.admin)
    csv_text = client.get("/console/audit.csv").text
    assert csv_text.splitlines()[0].startswith("id,at,actor,action")
    assert "officer.a@example.org" in csv_text
    assert "officer.b@example.org" not in csv_text
    assert "/console/audit" in client.get("/console/").text


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_the_audit_export_defuses_every_formula_start(client: TestClient, seeded: Seeded,
                                                      db: Database, start: str) -> None:
    # Issue 15.12: a leading tab or CR is read as a formula too (OWASP's CSV injection list).
    with db.transaction() as session:
        session.add(AuditEntry(at=datetime(2026, 11, 23, 9, tzinfo=UTC), actor="import",
                               action="mark.reason", entity="mark", entity_id="1",
                               school_id=seeded.a.school_id, old_value=None,
                               new_value=f"{start}HYPERLINK(\"http://example.org\")"))
    sign_in(client, seeded.a.admin)
    rows = list(csv.DictReader(io.StringIO(client.get("/console/audit.csv").text)))
    values = [r["new_value"] for r in rows if "HYPERLINK" in r["new_value"]]
    assert values == [f"'{start}HYPERLINK(\"http://example.org\")"]


def test_a_locked_account_cannot_sign_in_even_with_the_right_password(
        client: TestClient, seeded: Seeded) -> None:
    from tests.console.conftest import csrf_of
    from tests.console.seed import PASSWORD

    for _ in range(5):
        token = csrf_of(client.get("/console/sign-in").text)
        refused = client.post("/console/sign-in", data={
            "email": seeded.a.officer, "password": "not the password", "csrf_token": token})
        assert refused.status_code == 400
    token = csrf_of(client.get("/console/sign-in").text)
    locked = client.post("/console/sign-in", data={
        "email": seeded.a.officer, "password": PASSWORD, "csrf_token": token})
    assert locked.status_code == 400
    assert client.get("/console/api/inbox").status_code == 401


def _audit_count(db: Database) -> int:
    with db.transaction() as session:
        return len(session.exec(select(AuditEntry)).all())


def test_every_console_form_refuses_a_post_without_its_csrf_token(
        app: FastAPI, client: TestClient, seeded: Seeded, db: Database) -> None:
    sign_in(client, seeded.a.admin)
    before = (_audit_count(db), _states(db))
    posts = [path for method, path in console_routes(app) if method == "POST"]
    assert len(posts) >= 7
    for path in posts:
        response = client.post(fill(path, ids_for(seeded.a, safeguarding=False)),
                               data={"text": "x", "code": "I", "reason": "x", "mark_id": "1",
                                     "channel": "sms"})
        assert response.status_code == 403, (path, response.status_code)
    assert (_audit_count(db), _states(db)) == before


def _states(db: Database) -> list[tuple[str, str | None]]:
    from store.models.conversations import Conversation
    from store.models.escalations import Escalation
    from store.models.inbound import InboundEvent
    from store.models.marks import Mark

    with db.transaction() as session:
        return ([(e.status, str(e.assigned_user_id)) for e in session.exec(select(Escalation))]
                + [(c.mode, str(c.assigned_user_id)) for c in session.exec(select(Conversation))]
                + [(m.code, m.reason_status) for m in session.exec(select(Mark))]
                + [("event", str(e.id)) for e in session.exec(select(InboundEvent))])
