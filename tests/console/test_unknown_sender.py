"""A message from an unknown number, as staff see it: its text and number on the escalation
page, in every school sharing the number it was sent to, for the safeguarding lead only when
it is urgent (issue 15, fault 1)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import select

from scheduling.inbound import InboundWorker, default_engine
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from tests.console.conftest import Seeded, console_settings, sign_in
from tests.scheduling.world import store_inbound

STRANGER = "+447700900777"


def shared_message(db: Database, clock: FakeClock, tmp_path: Path, text: str) -> dict[int, int]:
    """An unknown number texts the number both schools share; each school's escalation id."""
    store_inbound(db, clock, sender=STRANGER, recipient="+447700900400", text=text)
    worker = InboundWorker(database=db, clock=clock, settings=console_settings(db.url, tmp_path),
                           engine=default_engine())
    assert worker.process_pending() == 1
    with db.transaction() as session:
        found = session.exec(select(Escalation).where(
            Escalation.why == "a message from an unknown sender"))
        return {e.school_id: e.id for e in found if e.school_id is not None and e.id}


def test_an_urgent_message_from_an_unknown_number_is_shown_to_each_sharing_schools_dsl(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock,
        tmp_path: Path) -> None:
    rows = shared_message(db, clock, tmp_path, "I'm his aunt, he says his stepdad hits him")
    assert set(rows) == {seeded.a.school_id, seeded.b.school_id}

    for school, seed in ((seeded.a.school_id, seeded.a), (seeded.b.school_id, seeded.b)):
        sign_in(client, seed.dsl)
        page = client.get(f"/console/escalations/{rows[school]}")
        assert page.status_code == 200
        assert "stepdad hits him" in page.text and f'href="tel:{STRANGER}"' in page.text
        client.cookies.clear()

    sign_in(client, seeded.a.officer)
    page = client.get(f"/console/escalations/{rows[seeded.a.school_id]}").text
    assert "stepdad" not in page and STRANGER not in page  # urgent: for the DSL only
    assert client.get(f"/console/escalations/{rows[seeded.b.school_id]}").status_code == 404


def test_a_dsl_takes_a_shared_message_for_their_school_and_the_others_rows_close(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock,
        tmp_path: Path) -> None:
    rows = shared_message(db, clock, tmp_path, "is Ola in school today?")
    ours, theirs = rows[seeded.b.school_id], rows[seeded.a.school_id]

    token = sign_in(client, seeded.b.officer)
    assert "This is for our school" not in client.get(f"/console/escalations/{ours}").text
    refused = client.post(f"/console/escalations/{ours}/claim", data={"csrf_token": token})
    assert refused.status_code == 403
    client.cookies.clear()

    token = sign_in(client, seeded.b.dsl)
    page = client.get(f"/console/escalations/{ours}").text
    assert "This is for our school" in page and "is Ola in school today?" in page
    done = client.post(f"/console/escalations/{ours}/claim", data={"csrf_token": token})
    assert done.status_code == 303
    with db.transaction() as session:
        kept, closed = session.get_one(Escalation, ours), session.get_one(Escalation, theirs)
        assert (kept.status, closed.status) == ("acknowledged", "resolved")
    assert "This is for our school" not in client.get(f"/console/escalations/{ours}").text
