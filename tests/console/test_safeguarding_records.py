"""Safeguarding records through the real app: only the DSL and admins see or export them, the
CSV carries each urgent escalation's timeline with the student's MIS id and UPN and the staff
involved, the DSL's note is part of the record, and every export is audited."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.people import Student
from store.safeguarding_records import RECORD_FIELDS
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.fonts import needs_fonts


def _exports(db: Database) -> list[AuditEntry]:
    with db.transaction() as session:
        return list(session.exec(select(AuditEntry).where(
            AuditEntry.action == "safeguarding.exported")))


def test_an_officer_neither_sees_nor_exports_them(client: TestClient, seeded: Seeded,
                                                  db: Database) -> None:
    sign_in(client, seeded.a.officer)
    assert client.get("/console/safeguarding").status_code == 403
    assert client.get("/console/safeguarding/records.csv").status_code == 403
    assert client.get("/console/safeguarding/records.pdf").status_code == 403
    assert "Safeguarding records" not in client.get("/console/today").text
    assert _exports(db) == []


@needs_fonts
def test_the_dsl_exports_the_timeline_with_a_note_and_it_is_audited(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        student = session.get(Student, seeded.a.safeguarding_student_id)
        assert student is not None
        student.upn = "A123456789012"
        session.add(student)
    sign_in(client, seeded.a.dsl)
    page = client.get("/console/safeguarding")
    assert page.status_code == 200 and f'id="record-{seeded.a.safeguarding_escalation_id}"' \
        in page.text
    response = client.post(f"/console/escalations/{seeded.a.safeguarding_escalation_id}/note",
                           data={"csrf_token": csrf_of(page.text), "text": "Rang mum; MASH told",
                                 "idempotency_key": "note-on-the-record-1"})
    assert response.status_code == 303
    exported = client.get("/console/safeguarding/records.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.text)))
    assert tuple(rows[0]) == RECORD_FIELDS
    record = [r for r in rows if r["record"] == str(seeded.a.safeguarding_escalation_id)]
    assert {r["student_mis_id"] for r in record} == {"a-S2"}
    assert {r["student_upn"] for r in record} == {"A123456789012"}
    events = [(r["event"], r["who"], r["detail"]) for r in record]
    assert [e for e, _, _ in events].count("raised") == 1
    assert any(e == "message_in" and "SECRET-DISCLOSURE" in d for e, _, d in events)
    assert ("note", "Dsl A", "Rang mum; MASH told") in events
    # School B's records are not in school A's export.
    assert all(r["student_mis_id"] != "b-S2" for r in rows)
    pdf = client.get("/console/safeguarding/records.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    csv_audit, pdf_audit = _exports(db)
    assert csv_audit.actor.startswith("staff:") and csv_audit.school_id == seeded.a.school_id
    assert csv_audit.new_value is not None and csv_audit.new_value.endswith(", csv")
    assert pdf_audit.new_value is not None and pdf_audit.new_value.endswith(", pdf")


def test_an_officer_cannot_add_a_note(client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.officer)
    response = client.post(f"/console/escalations/{seeded.a.safeguarding_escalation_id}/note",
                           data={"csrf_token": token, "text": "x"})
    assert response.status_code == 403
    with db.transaction() as session:
        notes = session.exec(select(AuditEntry).where(
            AuditEntry.action == "escalation.note")).all()
    assert notes == []
