"""The console's buttons drive the staff service functions and show who has a conversation."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import select

from store.database import Database
from store.models.conversations import Conversation
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Outbox
from tests.console.conftest import Seeded, sign_in


def _post(client: TestClient, path: str, token: str, **data: object) -> int:
    return client.post(path, data={"csrf_token": token, **data}).status_code


def test_take_over_reply_set_code_and_resolve(client: TestClient, seeded: Seeded,
                                              db: Database) -> None:
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert _post(client, f"{base}/hand-back", token) == 303
    assert _post(client, f"{base}/take-over", token) == 303
    with db.transaction() as session:
        conversation = session.get(Conversation, seeded.a.conversation_id)
        assert conversation is not None and conversation.mode == "staff"
        escalation = session.get(Escalation, seeded.a.escalation_id)
        assert escalation is not None and escalation.status == "acknowledged"
    page = client.get(base).text
    assert "With Officer A" in page and "Send reply" in page
    # Two N sessions today: too few for a percentage (tests/console/test_conversation_page.py)
    assert "this term" not in page and 'class="flag' not in page

    assert _post(client, f"{base}/reply", token, text="Thanks, we'll note it.") == 303
    with db.transaction() as session:
        sent = session.exec(select(Outbox).where(Outbox.kind == "staff_reply")).one()
        assert (sent.channel, sent.to_address) == ("sms", "+447700900101")
    assert "Thanks, we&#39;ll note it." in client.get(base).text
    too_long = client.post(f"{base}/reply", data={"csrf_token": token, "text": "Call us. " * 80})
    assert too_long.status_code == 400 and "shorten it" in too_long.text
    with db.transaction() as session:  # refused while it can be shortened: nothing queued
        assert len(session.exec(select(Outbox).where(Outbox.kind == "staff_reply")).all()) == 1

    mark_id = _mark_id(db, seeded.a.student_id)
    assert _post(client, f"{base}/code", token, mark_id=mark_id, code="H", reason="x") == 400
    assert _post(client, f"{base}/code", token, mark_id=mark_id, code="C", reason=" ") == 400
    assert _code_of(db, mark_id) == "N"
    assert _post(client, f"{base}/code", token, mark_id=mark_id, code="C",
                 reason="visiting a grandparent in hospital, head agreed") == 303
    assert _code_of(db, mark_id) == "C"

    assert _post(client, f"{base}/resolve", token) == 303
    items = client.get("/console/api/inbox").json()["items"]
    assert seeded.a.escalation_id not in [item["escalation_id"] for item in items]


def test_a_second_member_of_staff_sees_who_has_it(app, client: TestClient, seeded: Seeded) -> None:
    token = sign_in(client, seeded.a.officer)
    _post(client, f"/console/conversations/{seeded.a.conversation_id}/take-over", token)
    with TestClient(app, follow_redirects=False) as other:
        sign_in(other, seeded.a.admin)
        page = other.get(f"/console/conversations/{seeded.a.conversation_id}").text
        assert "With Officer A" in page
        api = other.get(f"/console/api/conversations/{seeded.a.conversation_id}").json()
        assert api["holder"] == "Officer A"
        inbox = other.get("/console/api/inbox").json()["items"]
        assert {i["escalation_id"]: i["assigned_to"] for i in inbox}[seeded.a.escalation_id] \
            == "Officer A"


def test_read_only_staff_cannot_act(client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.reader)
    base = f"/console/conversations/{seeded.a.conversation_id}"
    assert "Take over" not in client.get(base).text
    assert _post(client, f"{base}/take-over", token) == 403
    assert _post(client, f"{base}/resolve", token) == 403
    with db.transaction() as session:
        escalation = session.get(Escalation, seeded.a.escalation_id)
        assert escalation is not None and escalation.status == "open"


def test_an_officer_cannot_act_on_a_safeguarding_conversation(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.officer)
    base = f"/console/conversations/{seeded.a.safeguarding_conversation_id}"
    assert _post(client, f"{base}/reply", token, text="hello") == 403
    with db.transaction() as session:
        assert session.exec(select(Outbox)).all() == []


def test_the_dsl_takes_over_a_safeguarding_conversation(client: TestClient, seeded: Seeded,
                                                        db: Database) -> None:
    token = sign_in(client, seeded.a.dsl)
    base = f"/console/conversations/{seeded.a.safeguarding_conversation_id}"
    assert _post(client, f"{base}/take-over", token) == 303
    with db.transaction() as session:
        escalation = session.get(Escalation, seeded.a.safeguarding_escalation_id)
        assert escalation is not None and escalation.assigned_user_id is not None


def test_actions_without_csrf_or_on_another_school_change_nothing(
        client: TestClient, seeded: Seeded, db: Database) -> None:
    token = sign_in(client, seeded.a.admin)
    mine = f"/console/conversations/{seeded.a.conversation_id}"
    assert client.post(f"{mine}/resolve", data={}).status_code == 403
    theirs = f"/console/conversations/{seeded.b.conversation_id}"
    assert _post(client, f"{theirs}/resolve", token) == 404
    mark_b = _mark_id(db, seeded.b.student_id)
    assert _post(client, f"{mine}/code", token, mark_id=mark_b, code="I", reason="ill") == 404
    with db.transaction() as session:
        rows = session.exec(select(Escalation)).all()
        assert {row.status for row in rows} == {"open"}
    assert _code_of(db, mark_b) == "N"


def _mark_id(db: Database, student_id: int) -> int:
    with db.transaction() as session:
        mark = session.exec(select(Mark).where(Mark.student_id == student_id,
                                               Mark.session == "AM")).one()
        assert mark.id is not None
        return mark.id


def _code_of(db: Database, mark_id: int) -> str:
    with db.transaction() as session:
        mark = session.get(Mark, mark_id)
        assert mark is not None
        return mark.code


def test_a_call_list_escalation_opens_on_its_own_and_is_resolved(
        client: TestClient, seeded: Seeded, db: Database, clock) -> None:
    with db.transaction() as session:
        row = Escalation(school_id=seeded.a.school_id, student_id=seeded.a.student_id,
                         contact_id=seeded.a.contact_id, urgency="normal",
                         why="still unexplained after the chase: please call",
                         created_at=clock.now())
        session.add(row)
        session.flush()
        escalation_id = row.id
    token = sign_in(client, seeded.a.officer)
    page = client.get(f"/console/escalations/{escalation_id}")
    assert page.status_code == 200
    assert "please call" in page.text and "+447700900101" in page.text
    assert _post(client, f"/console/escalations/{escalation_id}/acknowledge", token) == 303
    assert "With Officer A" in client.get(f"/console/escalations/{escalation_id}").text
    assert _post(client, f"/console/escalations/{escalation_id}/resolve", token) == 303
    with db.transaction() as session:
        done = session.get(Escalation, escalation_id)
        assert done is not None and done.status == "resolved"


def test_an_urgent_escalation_without_a_conversation_is_for_the_dsl(
        client: TestClient, seeded: Seeded, db: Database, clock) -> None:
    with db.transaction() as session:
        row = Escalation(school_id=seeded.a.school_id, student_id=seeded.a.student_id,
                         urgency="urgent", intent="whereabouts_unknown",
                         why="SECRET-DISCLOSURE from an unknown number", created_at=clock.now())
        session.add(row)
        session.flush()
        escalation_id = row.id
    token = sign_in(client, seeded.a.officer)
    page = client.get(f"/console/escalations/{escalation_id}").text
    assert "SECRET-DISCLOSURE" not in page and "designated safeguarding lead" in page
    assert _post(client, f"/console/escalations/{escalation_id}/resolve", token) == 403
