"""The thread shows where every message going out stands: held until the end of quiet hours,
queued, sent, delivered, failed with why (and where failing over took it), in the reader's
language; a staff reply in quiet hours goes only when confirmed."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.delivery import nowhere_left_to_try
from store.models.outbound import Outbox
from store.models.people import Contact
from tests.console.conftest import Seeded, sign_in


def _post(client: TestClient, path: str, token: str, **data: object) -> int:
    return client.post(path, data={"csrf_token": token, **data}).status_code


def _staff_replies(db: Database) -> list[Outbox]:
    with db.transaction() as session:
        return list(session.exec(select(Outbox).where(Outbox.kind == "staff_reply")
                                 .order_by(col(Outbox.id))))


def test_a_reply_at_night_is_held_unless_confirmed_and_the_thread_says_so(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    clock.advance(timedelta(hours=14))  # 22:00 at the school
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert _post(client, f"{base}/take-over", token) == 303
    page = client.get(base).text
    assert "this reply will be held until 07:30" in page and 'name="send_now"' in page

    assert _post(client, f"{base}/reply", token, text="We will call you at 8.") == 303
    assert _post(client, f"{base}/reply", token, text="Calling you now.", send_now="1") == 303
    held, confirmed = _staff_replies(db)
    assert held.next_attempt_at is not None and held.next_attempt_at > clock.now()
    assert confirmed.next_attempt_at == clock.now()
    thread = client.get(f"/console/api/conversations/{seeded.a.conversation_id}").json()["thread"]
    states = {item["body"]: item["delivery"] for item in thread}
    assert states["We will call you at 8."] == [
        {"channel": "sms", "state": "held", "until": "2026-11-24T07:30:00+00:00", "why": None}]
    assert [d["state"] for d in states["Calling you now."]] == ["queued"]
    assert "held until 07:30" in client.get(base).text


def test_a_failed_reply_shows_why_and_where_it_went_next_in_the_readers_language(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert _post(client, f"{base}/take-over", token) == 303
    assert _post(client, f"{base}/reply", token, text="Is Amy OK?") == 303
    (row,) = _staff_replies(db)
    with db.transaction() as session:
        # The phone was off for good (30003 after every retry); failing over sent an email.
        email = Outbox(school_id=row.school_id, contact_id=row.contact_id,
                       conversation_id=row.conversation_id, kind="staff_reply",
                       channel="email", to_address="jane.a@example.org", body=row.body,
                       status="sent", created_at=row.created_at)
        session.add(email)
        session.flush()
        failed = session.get(Outbox, row.id)
        assert failed is not None
        failed.status, failed.error_code, failed.next_outbox_id = "failed", "30003", email.id
        session.add(failed)
    page = client.get(base).text
    # Twilio's 30003 in plain words (the code kept on the element for whoever asks Twilio).
    assert ('sms: failed (<span class="failure" data-code="30003">the phone was switched off '
            "or out of signal</span>)") in page and "email: sent" in page
    assert page.count("Is Amy OK?") == 1  # the email is shown with the message it carried on
    welsh = client.get(base, headers={"Accept-Language": "cy"}).text
    assert "methodd (" in welsh and "wedi anfon" in welsh
    assert "roedd y ffôn wedi'i ddiffodd neu heb signal" in welsh.replace("&#39;", "'")
    api = client.get(f"/console/api/conversations/{seeded.a.conversation_id}",
                     headers={"Accept-Language": "pl"}).json()
    (item,) = [i for i in api["thread"] if i["body"] == "Is Amy OK?"]
    assert "telefon był wyłączony lub poza zasięgiem" in item["delivery_html"]
    with db.transaction() as session:  # a code with no plain reason: shown by its code
        failed = session.get(Outbox, row.id)
        assert failed is not None
        failed.error_code = "30036"
        session.add(failed)
    assert "sms: failed (" in (page := client.get(base).text) and ">error 30036<" in page


def test_a_child_whose_family_nothing_reaches_is_on_the_call_list_with_why(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        outbox = Outbox(school_id=seeded.a.school_id, contact_id=seeded.a.contact_id,
                        kind="absence", channel="email", to_address="jane.a@example.org",
                        body="Alder Academy: Amy was marked absent", status="failed",
                        error_code="550", student_ids=[seeded.a.student_id],
                        created_at=clock.now())
        session.add(outbox)
        session.flush()
        assert nowhere_left_to_try(session, clock, outbox) == 1
    sign_in(client, seeded.a.officer)
    page = client.get("/console/today").text
    assert "nothing reaches them: every channel and contact failed" in page
    assert "nowhere left to try" in page and "email 550" in page  # the why, on the row
    welsh = client.get("/console/today", headers={"Accept-Language": "cy"}).text
    assert "does dim yn eu cyrraedd" in welsh


def test_a_family_with_only_a_landline_is_rung_from_the_call_list_never_texted(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    with db.transaction() as session:
        contact = session.get(Contact, seeded.a.contact_id)
        assert contact is not None
        contact.phone, contact.landline, contact.landline_note = None, "+441134960000", "home"
        session.add(contact)
    sign_in(client, seeded.a.officer)
    assert 'href="tel:+441134960000"' in client.get("/console/today").text
    student = client.get(f"/console/students/{seeded.a.student_id}").text
    assert 'href="tel:+441134960000" dir="ltr">+441134960000</a> (home)' in student
