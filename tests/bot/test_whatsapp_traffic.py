"""WhatsApp end to end: real Twilio WhatsApp webhook shapes (tests/fixtures/twilio/whatsapp.json)
posted signed to the app, the inbound worker, the morning run, and the dispatcher sending
through the real `twilio` client to the loopback fake, which holds WhatsApp's 24-hour rule."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import col, select

from bot.app import create_app
from bot.settings import Settings
from channels.registry import build_channels
from channels.texts import render
from channels.whatsapp_templates import templates_for
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker, default_engine
from scheduling.media_fetch import fetch_due_media
from scheduling.runs import start_run
from store.clock import FakeClock
from store.database import Database
from store.escalations import alert_subject
from store.models.escalations import Escalation
from store.models.inbound import Evidence, InboundEvent
from store.models.marks import Mark
from store.models.outbound import Outbox
from store.models.people import Contact
from tests.bot.test_webhooks_twilio import SMS, STATUS, post
from tests.fakes.twilio_fixtures import PARENT, PUBLIC_URL, SERVICE_SID
from tests.fakes.twilio_server import ACCOUNT_SID, AUTH_TOKEN, FakeTwilio
from tests.scheduling.families import MONDAY, new_school

FIXTURES = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "twilio" / "whatsapp.json").read_text(
        encoding="utf-8"
    )
)
WHATSAPP = "/webhooks/twilio/whatsapp"
OUR_WHATSAPP = "whatsapp:+447700900500"
SCHOOL = "Harbour Lane Academy"  # school 1 of the fresh store
ABSENCE_EN = "HX" + "a" * 32  # its approved "absence.first.one:en:1"


def settings_for(db: Database, twilio: FakeTwilio, templates: dict[str, str]) -> Settings:
    return Settings(
        database_url=db.url,
        public_url=PUBLIC_URL,
        twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN,
        twilio_messaging_service_sid=SERVICE_SID,
        twilio_api_base=twilio.base_url,
        whatsapp_from=OUR_WHATSAPP,
        whatsapp_templates=templates,
    )


class Service:
    """The app's webhooks, the inbound worker, the media job and the dispatcher, over one
    store and the fake Twilio."""

    def __init__(
        self, db: Database, clock: FakeClock, settings: Settings, client: TestClient
    ) -> None:
        self.db, self.clock, self.settings, self.client = db, clock, settings, client
        self.worker = InboundWorker(
            database=db, clock=clock, settings=settings, engine=default_engine()
        )

    def receive(self, name: str, path: str = SMS, **fields: str) -> None:
        assert post(self.client, path, FIXTURES[name] | fields)[0] == 200
        self.worker.process_pending()

    def dispatch(self) -> None:
        """Send what is due, fail over what failed, send again; fetch held media."""

        async def run() -> None:
            channels = build_channels(self.settings, clock=self.clock)
            try:
                sender = Dispatcher(self.db, self.clock, channels.by_name)
                await sender.drain()
                sender.upkeep()
                await sender.drain()
                await fetch_due_media(self.db, self.clock, channels.by_name)
            finally:
                await channels.close()

        asyncio.run(run())

    def run(self, kind: str = "absence") -> None:
        with self.db.transaction() as session:
            school_id = session.exec(select(Contact.school_id)).first()
        assert school_id is not None
        start_run(self.db, self.clock, school_id=school_id, day=MONDAY, kind=kind)

    def outbox(self) -> list[Outbox]:
        with self.db.transaction() as session:
            return list(session.exec(select(Outbox).order_by(col(Outbox.id))))


@pytest.fixture
def services(
    db: Database, clock: FakeClock, twilio: FakeTwilio
) -> Iterator[Callable[..., Service]]:
    """Build the service with these templates ({"absence.first.one:en:1": Content SID, ...});
    WhatsApp approved Harbour Lane's one-child absence message, as the command prints it."""
    [absence, _several] = templates_for("absence.first", "en", school=SCHOOL)
    twilio.approve(ABSENCE_EN, absence.body)
    with ExitStack() as stack:

        def build(templates: dict[str, str]) -> Service:
            settings = settings_for(db, twilio, templates)
            app = create_app(settings, database=db, clock=clock, background=False)
            return Service(db, clock, settings, stack.enter_context(TestClient(app)))

        yield build


@pytest.fixture
def service(services: Callable[..., Service]) -> Service:
    return services({"absence.first.one:en:1": ABSENCE_EN})


def family(db: Database, *, opted_in: bool = True, language: str = "en") -> Contact:
    """Dana, mobile PARENT, WhatsApp first then SMS; Amy is marked N this morning."""
    with db.transaction() as session:
        register = new_school(session, name=SCHOOL)
        dana = register.contact(
            "Dana",
            phone=PARENT,
            whatsapp_opt_in=opted_in,
            channels=["whatsapp", "sms"],
            language=language,
        )
        register.student("Amy", dana)
        register.mark("Amy", "N")
        return dana


def sent_to(twilio: FakeTwilio) -> list[tuple[str, str | None, str | None]]:
    """(To, From or service, ContentSid) of every message Twilio accepted."""
    return [
        (
            m["to"],
            m["_form"].get("From") or m["_form"].get("MessagingServiceSid"),
            m["_form"].get("ContentSid"),
        )
        for m in twilio.created()
    ]


def test_the_run_opens_with_the_template_and_the_reply_is_answered_in_free_text(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    dana = family(db)
    service.run()
    service.dispatch()
    assert sent_to(twilio) == [("whatsapp:" + PARENT, OUR_WHATSAPP, ABSENCE_EN)]
    [run_message] = service.outbox()
    assert twilio.created()[0]["body"] == run_message.body  # the run's words, word for word
    assert json.loads(twilio.created()[0]["_form"]["ContentVariables"]) == {
        "1": "Amy", "2": "Monday 23 November"}
    twilio.heard_from(PARENT)  # WhatsApp saw the family's reply: its window opens
    service.receive("whatsapp_text")
    service.dispatch()
    thanks = render("reason.thanks", "en", channel="whatsapp", params={"names": "Amy"})
    assert sent_to(twilio)[1] == ("whatsapp:" + PARENT, OUR_WHATSAPP, None)
    assert twilio.created()[1]["body"] == thanks
    with db.transaction() as session:
        [event] = session.exec(select(InboundEvent).where(InboundEvent.kind == "message")).all()
        mark = session.exec(select(Mark)).one()
    assert event.contact_id == dana.id  # matched by the mobile: never an unknown sender
    assert (mark.code, mark.reason_status) == ("I", "confirmed")
    # Never an SMS: nothing went to the bare number.
    assert all(to.startswith("whatsapp:") for to, _sender, _sid in sent_to(twilio))
    # Twilio's receipts for the WhatsApp message move its outbox row.
    first = service.outbox()[0]
    assert (
        post(
            service.client,
            STATUS,
            FIXTURES["whatsapp_status_read"]
            | {"MessageSid": first.provider_id or "", "SmsSid": first.provider_id or ""},
        )[0]
        == 200
    )
    assert service.outbox()[0].status == "delivered"


def test_with_no_template_the_run_message_fails_over_to_sms(
    services: Callable[..., Service], db: Database, twilio: FakeTwilio
) -> None:
    service = services({"chase.one:en:1": ABSENCE_EN})  # none for the absence message
    family(db)
    service.run()
    service.dispatch()
    whatsapp, sms = service.outbox()
    assert (whatsapp.channel, whatsapp.status, whatsapp.error_code) == (
        "whatsapp",
        "failed",
        "no_template",
    )
    assert (sms.channel, sms.status, sms.to_address) == ("sms", "sent", PARENT)
    assert sent_to(twilio) == [(PARENT, SERVICE_SID, None)]  # WhatsApp was never asked


def test_a_contact_who_did_not_opt_in_is_never_messaged_on_whatsapp(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    family(db, opted_in=False)
    service.run()
    service.dispatch()
    assert sent_to(twilio) == [(PARENT, SERVICE_SID, None)]


def test_stop_on_whatsapp_leaves_whatsapp_only(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    dana = family(db)
    twilio.heard_from(PARENT)
    service.receive("whatsapp_stop", path=WHATSAPP)
    service.dispatch()
    with db.transaction() as session:
        contact = session.get(Contact, dana.id)
    assert contact is not None and contact.opted_out == ["whatsapp"]
    [confirmation] = twilio.created()  # confirmed where they said it, inside the window
    assert confirmation["to"] == "whatsapp:" + PARENT and "no longer" in confirmation["body"]
    service.run()
    service.dispatch()
    assert sent_to(twilio)[1] == (PARENT, SERVICE_SID, None)  # the run goes by SMS now


def test_a_voice_note_is_kept_as_evidence_and_handed_to_staff(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    dana = family(db)
    voice = b"OggS\x00\x02" + b"\x01" * 4096
    url = twilio.add_media("audio/ogg", voice)
    twilio.heard_from(PARENT)
    service.receive("whatsapp_voice_note", MediaUrl0=url)
    service.dispatch()
    with db.transaction() as session:
        [evidence] = session.exec(select(Evidence)).all()
        [escalation] = session.exec(select(Escalation)).all()
    assert (evidence.content_type, evidence.data) == ("audio/ogg", voice)
    assert escalation.contact_id == dana.id and "no words" in escalation.why
    [answer] = twilio.created()
    assert answer["to"] == "whatsapp:" + PARENT
    assert answer["body"] == render("handoff.staff", "en", channel="whatsapp")


def test_an_unknown_whatsapp_sender_in_danger_reaches_staff_with_a_number_to_ring(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    family(db)
    stranger = "+447700900777"
    twilio.heard_from(stranger)
    service.receive(
        "whatsapp_text",
        From="whatsapp:" + stranger,
        WaId=stranger[1:],
        Body="I don't know where my son is, he never came home",
    )
    with db.transaction() as session:
        [escalation] = session.exec(select(Escalation)).all()
        subject = alert_subject(session, escalation)
    assert escalation.urgency == "urgent" and escalation.contact_id is None
    assert subject.phone == stranger
    service.dispatch()
    replies = [m for m in twilio.created() if m["to"] == "whatsapp:" + stranger]
    assert len(replies) == 1  # answered once, on WhatsApp, never by SMS


def test_a_number_not_on_whatsapp_loses_the_channel_and_the_message_goes_by_sms(
    service: Service, db: Database, twilio: FakeTwilio
) -> None:
    dana = family(db)
    service.run()
    service.dispatch()
    [first] = service.outbox()
    failed = FIXTURES["whatsapp_status_failed_63016"] | {
        "ErrorCode": "63003",
        "MessageSid": first.provider_id or "",
        "SmsSid": first.provider_id or "",
    }
    assert post(service.client, STATUS, failed)[0] == 200  # Twilio: not a WhatsApp user
    service.dispatch()
    whatsapp, sms = service.outbox()
    assert (whatsapp.status, whatsapp.next_outbox_id) == ("failed", sms.id)
    assert (sms.channel, sms.status, sms.to_address) == ("sms", "sent", PARENT)
    with db.transaction() as session:
        contact = session.get(Contact, dana.id)
        [escalation] = session.exec(select(Escalation)).all()
    assert contact is not None and contact.lost == ["whatsapp"]
    assert "whatsapp" in escalation.why  # staff are told, as for a bounced email
