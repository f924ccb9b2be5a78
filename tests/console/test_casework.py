"""Casework in the console, through the real app: the officer's due list most severe first, a
draft read as the family will read it and approved (it goes at once, once), the student's case
card, and the local authority's CSV with the DfE figures; other schools' letters stay 404."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta

from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlmodel import select

from scheduling.casework import casework_pass
from store.clock import FakeClock
from store.database import Database
from store.models.casework import CaseworkLetter, CaseworkMeeting
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, StudentContact
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.fonts import needs_fonts


def _weekdays_before(day: date, count: int) -> list[date]:
    found: list[date] = []
    while len(found) < count:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return found


def _casework(db: Database, clock: FakeClock, seeded: Seeded) -> None:
    """Amy at 85% and Ben at 94% this year, their mother known to hold parental
    responsibility; then the weekly pass."""
    today = clock.now().date()
    with db.transaction() as session:
        for link in session.exec(select(StudentContact)):
            link.parental_responsibility = True
            session.add(link)
        for student, absent in ((seeded.a.student_id, 3), (seeded.a.safeguarding_student_id, 1)):
            for n, day in enumerate(_weekdays_before(today, 10)):
                for half in ("AM", "PM"):
                    code = "O" if n < absent and half == "AM" else "/"
                    session.add(Mark(school_id=seeded.a.school_id, student_id=student, day=day,
                                     session=half, code=code, reason_status="confirmed"))
    casework_pass(db, clock, school_id=seeded.a.school_id, day=today, rolling_weeks=6)


@needs_fonts
def test_the_officer_approves_a_draft_from_the_due_list(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    _casework(db, clock, seeded)
    sign_in(client, seeded.a.officer)
    page = client.get("/console/casework").text
    # Amy (3 O of 20, and today's two N: 17 of 22, 77.3%) and Ben share one letter.
    assert "Letter to approve" in page and "persistent" in page and "77.3%" in page
    with db.transaction() as session:
        letter = session.exec(select(CaseworkLetter)).one()
    assert sorted(letter.student_ids) == sorted([seeded.a.student_id,
                                                 seeded.a.safeguarding_student_id])
    preview = client.get(f"/console/letters/{letter.id}").text
    assert "Amy and Ben" in preview and '<html lang="en-GB" dir="ltr">' in preview
    pdf = client.get(f"/console/letters/{letter.id}/pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"

    form = {"csrf_token": csrf_of(page), "idempotency_key": "approve-the-letter-once"}
    response = client.post(f"/console/letters/{letter.id}/approve", data=form)
    assert response.status_code == 303
    again = client.post(f"/console/letters/{letter.id}/approve", data=form)  # a double click
    assert again.status_code == 303
    with db.transaction() as session:
        kept = session.get(CaseworkLetter, letter.id)
        assert kept is not None
        rows = [(row.kind, row.channel) for row in session.exec(select(Outbox))
                if row.kind.startswith("letter")]
    assert (kept.status, kept.channel, kept.to_address) == ("sent", "email", "jane.a@example.org")
    assert sorted(rows) == [("letter", "email"), ("letter_note", "sms")]
    assert "Letter to approve" not in client.get("/console/casework").text
    student = client.get(f"/console/students/{seeded.a.student_id}").text
    card = student[student.index('id="casework"'):]
    assert "<b>persistent absence</b>" in card and "sent · email" in card
    # The letter's own thread, where the family's answers go, is a click away.
    thread = re.search(r'href="(/console/conversations/\d+)" class="letter-thread"', card)
    assert thread is not None and "Amy and Ben" in client.get(thread.group(1)).text


@needs_fonts
def test_the_local_authority_export_has_the_dfe_figures(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    _casework(db, clock, seeded)
    sign_in(client, seeded.a.officer)
    response = client.get(f"/console/casework/{seeded.a.school_id}/attendance.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = {row["first_name"]: row for row in csv.DictReader(io.StringIO(response.text))}
    assert {name: (r["possible_sessions"], r["attended_sessions"], r["authorised_absence"],
                   r["unauthorised_absence"], r["attendance_percent"], r["persistent_absence"],
                   r["severe_absence"], r["unauthorised_in_10_school_weeks"], r["stage"])
            for name, r in rows.items()} == {
        "Amy": ("22", "17", "0", "5", "77.3", "True", "False", "5", "persistent"),
        "Ben": ("22", "19", "0", "3", "86.4", "True", "False", "3", "persistent")}
    pdf = client.get(f"/console/casework/{seeded.a.school_id}/attendance.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"


def _kept_letter(db: Database, seeded: Seeded, *, stage: str, attended: int, missed: int,
                 **fields: object) -> None:
    """A letter about Amy as the weekly pass keeps it, her figures this school year."""
    possible = attended + missed
    figures = {"stage": stage, "period": "year", "attended": attended, "authorised": 0,
               "unauthorised": missed, "possible": possible,
               "percent": round(100 * attended / possible, 1), "threshold": 90.0}
    with db.transaction() as session:
        session.add(CaseworkLetter(
            school_id=seeded.a.school_id, student_ids=[seeded.a.student_id], stage=stage,
            template=f"letter.{stage}", created_at=datetime.now(UTC),
            figures=json.dumps({str(seeded.a.student_id): figures}), **fields))


def test_the_due_list_shows_no_percentage_from_too_few_sessions(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    # A draft kept from a new joiner's two sessions (one missed): not "50.0%" on the page.
    _kept_letter(db, seeded, stage="persistent", attended=1, missed=1)
    sign_in(client, seeded.a.officer)
    page = client.get("/console/casework").text
    row = page[page.index('<tr class="due letter">'):]
    row = row[:row.index("</tr>")]
    assert "50.0%" not in row and "Too few sessions yet for a percentage." in row


def test_another_schools_letters_are_not_found(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    _casework(db, clock, seeded)
    with db.transaction() as session:
        letter = session.exec(select(CaseworkLetter)).one()
    sign_in(client, seeded.b.officer)
    assert client.get(f"/console/letters/{letter.id}").status_code == 404
    assert client.get(f"/console/letters/{letter.id}/pdf").status_code == 404
    assert client.get(f"/console/casework/{seeded.a.school_id}/attendance.csv"
                      ).status_code == 404
    assert "Letter to approve" not in client.get("/console/casework").text


def test_a_meeting_is_kept_and_its_review_comes_back_on_the_due_list(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    today = clock.now().date()
    sign_in(client, seeded.a.officer)
    student = client.get(f"/console/students/{seeded.a.student_id}").text
    form = {"csrf_token": csrf_of(student), "held_on": (today - timedelta(days=14)).isoformat(),
            "attendees": "Jane Testerton\nOlu Officer\n", "actions": "Walk to school with Ben",
            "review_on": today.isoformat(), "idempotency_key": "meeting-form-number-1"}
    refused = client.post(f"/console/students/{seeded.a.student_id}/meetings",
                          data=form | {"attendees": " ", "idempotency_key": "meeting-form-0000"})
    assert refused.status_code == 400
    response = client.post(f"/console/students/{seeded.a.student_id}/meetings", data=form)
    assert response.status_code == 303
    card = client.get(f"/console/students/{seeded.a.student_id}").text
    card = card[card.index('id="casework"'):]
    assert "Jane Testerton, Olu Officer · Walk to school with Ben" in card
    due = client.get("/console/casework").text
    assert "A meeting&#39;s review is due" in due or "A meeting's review is due" in due
    follow_up = form | {"held_on": today.isoformat(), "review_on": "",
                        "idempotency_key": "meeting-form-number-2"}
    assert client.post(f"/console/students/{seeded.a.student_id}/meetings",
                       data=follow_up).status_code == 303
    due = client.get("/console/casework").text
    assert "review is due" not in due
    with db.transaction() as session:
        meetings = session.exec(select(CaseworkMeeting)).all()
    assert [(m.attendees, m.reviewed) for m in sorted(meetings, key=lambda m: m.id or 0)] == [
        (["Jane Testerton", "Olu Officer"], True), (["Jane Testerton", "Olu Officer"], False)]


def test_another_schools_student_gets_no_meeting(client: TestClient, seeded: Seeded,
                                                 db: Database) -> None:
    token = sign_in(client, seeded.b.officer)
    response = client.post(f"/console/students/{seeded.a.student_id}/meetings", data={
        "csrf_token": token, "held_on": "2026-11-20", "attendees": "Someone"})
    assert response.status_code == 404
    with db.transaction() as session:
        assert session.exec(select(CaseworkMeeting)).all() == []


@needs_fonts
def test_the_print_pack_and_the_letters_with_no_postal_address(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    # A letter sent for post to a family the MIS gave no address for.
    with db.transaction() as session:
        link = session.exec(select(StudentContact).where(
            StudentContact.student_id == seeded.a.student_id)).first()
        assert link is not None
    _kept_letter(db, seeded, stage="concern", attended=90, missed=10, status="print",
                 channel="post", contact_id=link.contact_id)
    sign_in(client, seeded.a.officer)
    page = client.get("/console/casework").text
    assert "No postal address: not in the print pack" in page and "letters to post" not in page
    pack = f"/console/casework/{seeded.a.school_id}/print-pack.pdf"
    assert client.get(pack).status_code == 404
    with db.transaction() as session:
        contact = session.get(Contact, link.contact_id)
        assert contact is not None
        contact.postal_address = ["14 Elm Road", "Leeds", "ZZ1 5JK"]
        session.add(contact)
    page = client.get("/console/casework").text
    assert "No postal address" not in page and "1 letters to post (PDF)" in page
    printed = client.get(pack)
    assert printed.headers["content-type"] == "application/pdf"
    assert "14 Elm Road" in PdfReader(io.BytesIO(printed.content)).pages[0].extract_text()
