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
from store.models import Escalation
from tests.console.conftest import Seeded, console_settings, sign_in
from tests.scheduling.world import store_inbound

STRANGER = "+447700900777"


def test_an_urgent_message_from_an_unknown_number_is_shown_to_each_sharing_schools_dsl(
        client: TestClient, seeded: Seeded, db: Database, clock: FakeClock,
        tmp_path: Path) -> None:
    store_inbound(db, clock, sender=STRANGER, recipient="+447700900400",
                  text="I'm his aunt, he says his stepdad hits him")
    worker = InboundWorker(database=db, clock=clock, settings=console_settings(db.url, tmp_path),
                           engine=default_engine())
    assert worker.process_pending() == 1
    with db.transaction() as session:
        rows = {e.school_id: e.id for e in session.exec(
            select(Escalation).where(Escalation.why == "a message from an unknown sender"))}
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
