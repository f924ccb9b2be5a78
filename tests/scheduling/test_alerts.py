"""Alerts a safeguarding lead can act on from a phone: the child, the concern in plain words,
the family's number to tap, and how to acknowledge (reply ACK, or one tap on the alert's own
link, with no sign-in), in the lead's language, as much as the school allows."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from bot.app import create_app
from bot.settings import Settings
from scheduling.inbound import InboundWorker
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.inbound import InboundEvent
from store.models.outbound import Outbox
from store.models.people import Student
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from tests.scheduling.test_inbound import absence_message_sent
from tests.scheduling.world import JANE, World, add_contact, store_inbound

SAM_PHONE = "+447700900950"  # the safeguarding lead in tests.scheduling.world


def alerts(session: Session) -> dict[str, Outbox]:
    rows = session.exec(select(Outbox).where(Outbox.kind == "staff_alert")
                        .order_by(col(Outbox.id))).all()
    return {row.channel: row for row in rows}


def escalations(session: Session) -> list[Escalation]:
    return list(session.exec(select(Escalation).order_by(col(Escalation.id))))


def urgent_reply(db: Database, clock: FakeClock, world: World, worker: InboundWorker,
                 *, year: str | None = "7", detail: str = "full",
                 language: str | None = "en", school_language: str | None = None) -> None:
    """Amy's mother says she dropped her at the gate: urgent, about Amy."""
    with db.transaction() as session:
        amy = session.get(Student, world.students["Amy"])
        school = session.get(School, world.school_id)
        sam = session.get(StaffUser, world.staff["Sam"])
        assert amy and school and sam
        amy.year_group, amy.reg_group = year, "7B"
        school.alert_detail, sam.language = detail, language
        school.staff_language = school_language
        session.add_all([amy, school, sam])
    absence_message_sent(db, clock, world)
    store_inbound(db, clock, sender=JANE, text="I dropped Amy at the gate at 8:30")
    assert worker.process_pending() == 1


def test_the_alert_names_the_child_the_concern_and_the_number_and_how_to_acknowledge(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    urgent_reply(db, clock, world, worker)
    with db.transaction() as session:
        sent = alerts(session)
    sms, email = sent["sms"].body, sent["email"].body
    assert sms.startswith("URGENT, Demo Academy: Amy S. (Year 7): the family say the child "
                          "should be in school.")
    assert f"Family's number: {JANE}." in sms  # a bare number: a phone's SMS app links it
    assert f"tel:{JANE}" in email  # email: a tel: link (html_block makes it an <a href>)
    assert "Reply ACK to acknowledge" in sms
    assert re.search(r"tap http://127\.0\.0\.1:8000/ack/[\w-]{20,}$", sms)
    assert "Smith" not in sms + email  # a first name and an initial, never the full name
    assert all(row.urgent for row in sent.values())


def test_a_form_stands_in_for_a_missing_year(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    urgent_reply(db, clock, world, worker, year=None)
    with db.transaction() as session:
        assert "Amy S. (7B): " in alerts(session)["sms"].body


@pytest.mark.parametrize(("detail", "named", "numbered"), [
    ("concern", False, True), ("minimal", False, False)])
def test_how_much_the_alert_names_is_the_schools_choice(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker, detail: str,
        named: bool, numbered: bool) -> None:
    urgent_reply(db, clock, world, worker, detail=detail)
    with db.transaction() as session:
        sms = alerts(session)["sms"].body
    assert ("Amy" in sms) is named and (JANE in sms) is numbered
    assert "Reply ACK to acknowledge" in sms
    if detail == "minimal":
        assert "should be in school" not in sms and "may mean a child is unsafe" in sms


def test_the_alert_is_in_the_leads_language(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    urgent_reply(db, clock, world, worker, language="pl")
    with db.transaction() as session:
        sent = alerts(session)
    assert sent["sms"].body.startswith("PILNE, Demo Academy: Amy S. (Klasa 7): ")
    assert "Odpowiedz ACK" in sent["sms"].body and sent["sms"].language == "pl"


def test_a_lead_who_chose_no_language_is_alerted_in_the_schools_for_its_staff(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    urgent_reply(db, clock, world, worker, language=None, school_language="ar")
    with db.transaction() as session:
        sent = alerts(session)
    assert sent["sms"].language == "ar" and sent["email"].language == "ar"
    assert "Amy S." in sent["sms"].body and "Reply ACK" not in sent["sms"].body


def test_ack_from_the_leads_phone_acknowledges_even_when_the_lead_is_a_parent_too(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    with db.transaction() as session:  # Sam's own child is at the school too
        add_contact(session, world.school_id, "P9", "Sam Carter", phone=SAM_PHONE, students=[])
    urgent_reply(db, clock, world, worker)
    clock.advance(timedelta(minutes=3))
    store_inbound(db, clock, sender=SAM_PHONE, text="ack")
    assert worker.process_pending() == 1
    with db.transaction() as session:
        [escalation] = escalations(session)
        assert escalation.status == "acknowledged"
        assert escalation.assigned_user_id == world.staff["Sam"]
        [thanks] = session.exec(select(Outbox).where(Outbox.to_address == SAM_PHONE,
                                                     Outbox.kind == "staff_alert",
                                                     col(Outbox.body).startswith("Ackn"))).all()
        assert thanks.urgent
    clock.advance(timedelta(minutes=30))
    assert escalate_unacknowledged(db, clock, worker.settings) == 0  # no more reminders


@pytest.mark.parametrize(("hours", "status"), [(3, "acknowledged"), (5, "open")])
def test_ack_counts_only_from_a_phone_alerted_in_the_last_hours(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker, hours: int,
        status: str) -> None:
    # Both sides of the window (4 h), so the test fails where an ACK never counts at all.
    urgent_reply(db, clock, world, worker)
    store_inbound(db, clock, sender=JANE, text="ACK")  # the family's phone: not a lead's
    clock.advance(timedelta(hours=hours))
    store_inbound(db, clock, sender=SAM_PHONE, text="ACK")  # too late: an unknown sender
    assert worker.process_pending() == 2
    with db.transaction() as session:
        assert escalations(session)[0].status == status


def test_one_tap_on_the_link_acknowledges_without_signing_in(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker,
        settings: Settings) -> None:
    urgent_reply(db, clock, world, worker)
    with db.transaction() as session:
        link = alerts(session)["sms"].body.rsplit(" ", 1)[-1]
    path = link.removeprefix(settings.public_url)
    app = create_app(settings, database=db, clock=clock, background=False)
    with TestClient(app) as client:
        page = client.get(path)  # what a link preview fetches: it acknowledges nothing
        assert page.status_code == 200 and "Amy S. (Year 7)" in page.text
        assert "<button" in page.text
        with db.transaction() as session:
            assert escalations(session)[0].status == "open"
        done = client.post(path)
        assert done.status_code == 200 and "Acknowledged" in done.text
        assert client.post(path[:-3] + "xyz").status_code == 404  # a token it never issued
    with db.transaction() as session:
        [escalation] = escalations(session)
        assert escalation.status == "acknowledged"
        assert escalation.assigned_user_id == world.staff["Sam"]
    clock.advance(timedelta(hours=13))
    with TestClient(app) as client:
        assert client.get(path).status_code == 404  # expired


def test_an_ack_from_a_lead_who_has_since_lost_the_school_acknowledges_nothing(
        db: Database, clock: FakeClock, world: World, worker: InboundWorker) -> None:
    urgent_reply(db, clock, world, worker)
    with db.transaction() as session:
        for link in session.exec(select(StaffSchool).where(
                StaffSchool.user_id == world.staff["Sam"])):
            session.delete(link)
    store_inbound(db, clock, sender=SAM_PHONE, text="ACK")
    assert worker.process_pending() == 1
    with db.transaction() as session:
        assert escalations(session)[0].status == "open"
        assert session.exec(select(InboundEvent).where(
            InboundEvent.status != "processed")).all() == []  # handled, not failed
