"""Staff write first: from the student page or the call list, to any contact of the child,
before the family has written (the audit's fault: "take over" needed an existing conversation,
so the child an officer was worried about at 09:45 could not be picked up)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.conversations import Conversation, ConversationStudent
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from tests.console.conftest import Seeded, sign_in

START = re.compile(r'action="(/console/students/\d+/contacts/\d+/conversation)"')


def quiet_family(db: Database, clock: FakeClock, seeded: Seeded) -> tuple[int, int, int]:
    """Cal, absent and never messaged; his dad, who has never written: (student, dad, gran)."""
    with db.transaction() as session:
        cal = Student(school_id=seeded.a.school_id, mis_id="a-S9", first_name="Cal",
                      last_name="Quiet", year_group="8")
        dad = Contact(school_id=seeded.a.school_id, external_id="a-P9", name="Sam Quiet",
                      phone="+447700900909", channels=["sms"])
        gran = Contact(school_id=seeded.a.school_id, external_id="a-P10", name="Rita Quiet",
                       email="rita.quiet@example.org", channels=["email"])
        session.add_all([cal, dad, gran])
        session.flush()
        assert cal.id and dad.id and gran.id
        session.add_all([StudentContact(student_id=cal.id, contact_id=dad.id, priority=1),
                         StudentContact(student_id=cal.id, contact_id=gran.id, priority=2)])
        session.add(Mark(school_id=seeded.a.school_id, student_id=cal.id,
                         day=clock.now().date(), session="AM", code="N", updated_at=clock.now()))
        return cal.id, dad.id, gran.id


def post(client: TestClient, token: str, path: str, **data: str) -> tuple[int, str]:
    response = client.post(path, data={"csrf_token": token, **data})
    return response.status_code, response.headers.get("location", "")


def test_an_officer_writes_first_from_the_student_page_then_hands_back_and_takes_over(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    cal, dad, gran = quiet_family(db, clock, seeded)
    token = sign_in(client, seeded.a.officer)
    page = client.get(f"/console/students/{cal}").text
    assert START.findall(page) == [f"/console/students/{cal}/contacts/{dad}/conversation",
                                   f"/console/students/{cal}/contacts/{gran}/conversation"]
    status, location = post(client, token, f"/console/students/{cal}/contacts/{gran}/conversation")
    assert status == 303 and location.startswith("/console/conversations/")
    base = location.removesuffix("?done=started")
    assert "The conversation is open: write your message below." in client.get(location).text
    assert "Send reply" in client.get(base).text
    assert post(client, token, f"{base}/reply", text="Is Cal with you today?")[0] == 303
    assert post(client, token, f"{base}/hand-back")[0] == 303
    assert post(client, token, f"{base}/take-over")[0] == 303
    with db.transaction() as session:
        conversation = session.exec(select(Conversation).where(
            Conversation.contact_id == gran)).one()
        assert (conversation.mode, conversation.channel) == ("staff", "email")
        assert session.exec(select(ConversationStudent.student_id).where(
            ConversationStudent.conversation_id == conversation.id)).all() == [cal]
        sent = session.exec(select(Outbox).where(Outbox.kind == "staff_reply")).one()
        assert (sent.to_address, sent.conversation_id) == ("rita.quiet@example.org",
                                                           conversation.id)
        assert session.exec(select(AuditEntry).where(
            AuditEntry.action == "conversation.start")).one().entity_id == str(conversation.id)


def test_the_call_list_offers_it_and_an_open_conversation_is_picked_up_not_doubled(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    cal, dad, _ = quiet_family(db, clock, seeded)
    token = sign_in(client, seeded.a.officer)
    assert f"/console/students/{cal}/contacts/{dad}/conversation" in START.findall(
        client.get("/console/today").text)
    first = post(client, token, f"/console/students/{cal}/contacts/{dad}/conversation")
    again = post(client, token, f"/console/students/{cal}/contacts/{dad}/conversation")
    assert first == again and first[0] == 303
    # Jane already has a conversation about Amy: writing to her about Ben continues it.
    amy_thread = f"/console/conversations/{seeded.a.conversation_id}"
    assert post(client, token, f"/console/students/{seeded.a.student_id}/contacts/"
                f"{seeded.a.contact_id}/conversation") == (303, f"{amy_thread}?done=started")


def test_only_staff_who_may_act_and_only_the_childs_own_contacts(
        client: TestClient, clock: FakeClock, seeded: Seeded, db: Database) -> None:
    cal, dad, _ = quiet_family(db, clock, seeded)
    token = sign_in(client, seeded.a.officer)
    assert post(client, token, f"/console/students/{cal}/contacts/"
                f"{seeded.a.contact_id}/conversation")[0] == 404  # not Cal's contact
    assert post(client, token, f"/console/students/{seeded.b.student_id}/contacts/"
                f"{seeded.b.contact_id}/conversation")[0] == 404  # another school
    urgent = (f"/console/students/{seeded.a.safeguarding_student_id}/contacts/"
              f"{seeded.a.contact_id}/conversation")
    assert post(client, token, urgent)[0] == 403  # an urgent child: the DSL's
    client.cookies.clear()
    reader = sign_in(client, seeded.a.reader)
    assert START.findall(client.get(f"/console/students/{cal}").text) == []
    assert post(client, reader, f"/console/students/{cal}/contacts/{dad}/conversation")[0] == 403
    with db.transaction() as session:
        assert session.exec(select(Conversation).where(Conversation.contact_id == dad)).all() == []
