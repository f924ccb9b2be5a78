"""A person decides a self-certification that went to them, from the student page: declining it
needs a reason, keeps its events unauthorised, tells whoever reported it why in their language
(on the conversation's channel, in its thread) and is audited; authorising or declining closes
the escalation the report raised, never an urgent one."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import col, select

from store.clock import FakeClock
from store.database import Database
from store.events import attendance_status
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.events import SelfCertification
from store.models.outbound import Outbox
from store.models.people import Contact
from tests.console.conftest import Seeded, csrf_of, sign_in
from tests.console.test_browser_self_certification import reported


def escalation_status(db: Database, escalation_id: int) -> str:
    with db.transaction() as session:
        row = session.get(Escalation, escalation_id)
        assert row is not None
        return row.status


def test_an_officer_declines_with_a_reason_the_reporter_is_told_in_their_language(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    waiting = reported(db, clock, seeded)
    a, url = seeded.a, f"/console/students/{seeded.a.student_id}"
    with db.transaction() as session:  # Jane reads Polish
        jane = session.get(Contact, a.contact_id)
        assert jane is not None
        jane.language = "pl"
        session.add(jane)
    sign_in(client, a.officer)
    page = client.get(url).text
    assert "Decline" in page and 'name="reason"' in page
    refused = client.post(f"{url}/self-certifications/{waiting}/decline",
                          data={"csrf_token": csrf_of(page), "reason": "   "},
                          headers={"accept-language": "pl"})
    assert refused.status_code == 400  # no reason: nothing changes, nobody is told
    assert "Podaj powód odrzucenia samodzielnego usprawiedliwienia" in refused.text
    assert escalation_status(db, a.escalation_id) == "open"

    page = client.get(url).text
    response = client.post(f"{url}/self-certifications/{waiting}/decline",
                            data={"csrf_token": csrf_of(page),
                                  "reason": "the fit note is for other days"},
                            follow_redirects=False)
    assert response.status_code == 303
    page = client.get(url).text
    assert "Declined by staff: events not authorised" in page
    assert "the fit note is for other days" in page
    with db.transaction() as session:
        kept = session.get(SelfCertification, waiting)
        assert kept is not None
        assert (kept.status, kept.decision_note) == ("declined", "the fit note is for other days")
        assert kept.decided_by is not None and kept.decided_by.startswith("staff:")
        assert [attendance_status(session, school_id=a.school_id, event=event,
                                  student_id=a.student_id) for event in ("L1", "S1", "L2")] == [
            "absent", "present", "not_taken"]
        [told] = session.exec(select(Outbox).where(Outbox.contact_id == a.contact_id)).all()
        assert (told.channel, told.language, told.kind) == ("sms", "pl", "staff_reply")
        assert "nie została usprawiedliwiona" in told.body
        assert "the fit note is for other days" in told.body
        assert told.conversation_id == a.conversation_id
        assert session.exec(select(Message).where(
            Message.outbox_id == told.id)).one().author == kept.decided_by
        actions = [e.action for e in session.exec(select(AuditEntry).where(
            AuditEntry.actor == kept.decided_by).order_by(col(AuditEntry.id)))]
        assert "self_certification.declined" in actions and "escalation.resolved" in actions
    assert escalation_status(db, a.escalation_id) == "resolved"
    assert escalation_status(db, a.safeguarding_escalation_id) == "open"  # another's, urgent
    again = client.post(f"{url}/self-certifications/{waiting}/decline",
                        data={"csrf_token": csrf_of(page), "reason": "twice"})
    assert again.status_code == 400
    assert "This self-certification is not waiting for a person." in again.text


def test_authorising_by_hand_closes_the_escalation(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    waiting = reported(db, clock, seeded)
    a, url = seeded.a, f"/console/students/{seeded.a.student_id}"
    sign_in(client, a.officer)
    response = client.post(f"{url}/self-certifications/{waiting}/authorise",
                           data={"csrf_token": csrf_of(client.get(url).text)},
                           follow_redirects=False)
    assert response.status_code == 303
    assert escalation_status(db, a.escalation_id) == "resolved"
    with db.transaction() as session:
        assert session.exec(select(Outbox)).all() == []  # authorised: nothing to explain



def test_the_events_list_shows_the_reason_an_event_was_authorised_on(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock) -> None:
    """Issue 21's leftover: an event authorised on the student's own report says so in the
    events list, with the reason in the student's words (escaped: it is their text)."""
    waiting = reported(db, clock, seeded)
    a, url = seeded.a, f"/console/students/{seeded.a.student_id}"
    with db.transaction() as session:
        kept = session.get(SelfCertification, waiting)
        assert kept is not None
        kept.reason_text = '<script>alert("x")</script> flu & a fever'
        session.add(kept)
    sign_in(client, a.officer)
    page = client.get(url).text
    assert "the student's self-certification" not in page  # waiting: nothing authorised
    client.post(f"{url}/self-certifications/{waiting}/authorise",
                data={"csrf_token": csrf_of(page)}, follow_redirects=False)
    page = client.get(url).text
    events = page.split('<table class="events">', 1)[1].split("</table>", 1)[0]
    rows = events.split("<tr ")[1:]  # each event's row
    [lecture] = [row for row in rows if "EC2010" in row and "lecture" in row]
    assert "Authorised absence" in lecture and "the student's self-certification" in lecture
    assert "Child is ill" in lecture  # the reason's label, as the self-certifications list
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; flu &amp; a fever" in lecture
    assert "<script>alert" not in page
    [seminar] = [row for row in rows if "seminar" in row]
    assert "Present" in seminar and "self-certification" not in seminar  # she came
