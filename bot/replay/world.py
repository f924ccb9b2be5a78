"""One replay's running service: a fresh store, a virtual clock, simulated channels, and the
production composition, engine, inbound worker, dispatcher and staff actions wired together."""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.replay.script import Script
from bot.replay.seed import SeededIds, attendance_csv, default_staff_user, seed
from bot.settings import Settings
from channels.base import MediaRef
from channels.events import store_received
from channels.registry import Channels, build_channels
from scheduling import staff_actions
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker, default_engine
from scheduling.runs import start_run
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.contacts import contact_by_id
from store.conversations import latest_conversation_about, open_reply_token
from store.database import Database
from store.escalations import every_escalation, open_escalation_ids
from store.importer import import_csv
from store.inbound_events import every_message_event
from store.marks import RegisterEntry, first_mark_of_day, mark_history, upsert_mark
from store.outbox import every_sent, last_menu_to
from store.staff import staff_user

# One engine for every script in a process: loading the lexicons is the slow part.
_ENGINE = None


# The key of an unknown sender's address ({phone: ...}) for each channel.
_ADDRESS_KEY = {"sms": "phone", "whatsapp": "phone"}

@dataclass(slots=True)
class World:
    script: Script
    database: Database
    clock: FakeClock
    settings: Settings
    channels: Channels
    worker: InboundWorker
    dispatcher: Dispatcher
    ids: SeededIds
    zone: ZoneInfo

    @classmethod
    def create(cls, script: Script, scratch: Path) -> World:
        global _ENGINE
        zone = ZoneInfo(script.school.timezone)
        clock = FakeClock(script.now.replace(tzinfo=zone))
        settings = Settings(database_url=f"sqlite:///{scratch / 'replay.db'}",
                            public_url="http://127.0.0.1:8000")
        database = Database(settings.database_url)
        database.create_all()
        with database.transaction() as session:
            ids = seed(session, clock, script)
        if script.events:
            _import_attendance(database, clock, ids.school, [
                (event, student, status) for event in script.events
                for student, status in event["attendance"].items() if student != "__line__"])
        channels = build_channels(settings, clock=clock, simulate=True)
        _ENGINE = _ENGINE or default_engine()
        worker = InboundWorker(database=database, clock=clock, settings=settings,
                               engine=_ENGINE)
        dispatcher = Dispatcher(database, clock, channels.by_name)
        return cls(script=script, database=database, clock=clock, settings=settings,
                   channels=channels, worker=worker, dispatcher=dispatcher, ids=ids, zone=zone)

    def close(self) -> None:
        self.database.dispose()

    def local_now(self) -> datetime:
        return self.clock.now().astimezone(self.zone)

    def today(self) -> date:
        return self.local_now().date()

    # --- what steps do ------------------------------------------------------------------

    def move_clock_to(self, moment: datetime) -> None:
        self.clock.set(moment)

    def run(self, kind: str) -> None:
        # In a script the chase includes what follows it at the school: the call list.
        for job in (kind, "call_list") if kind == "chase" else (kind,):
            start_run(self.database, self.clock, school_id=self.ids.school, day=self.today(),
                      kind=job)

    def receive(self, *, sender: Any, channel: str, text: str,
                button: str | None = None, media: str | None = None) -> None:
        address = self._address(sender, channel)
        command = command_arg = None
        if channel == "telegram" and text.startswith("/"):
            command, _, rest = text.partition(" ")
            command_arg = rest or None
        simulated = self.channels.get(channel)
        message = simulated.inbound(address, text, button=button,  # type: ignore[attr-defined]
                                    command=command, command_arg=command_arg,
                                    reply_token=self._reply_token(sender, channel),
                                    media=(_MEDIA[media],) if media else ())
        with self.database.transaction() as session:
            store_received(session, self.clock, message, raw=None)

    def press(self, *, sender: Any, channel: str, button: str) -> None:
        """Tap the button whose label contains `button`; on SMS and email, reply its number."""
        number, value = self._menu_choice(sender, channel, button)
        if channel == "telegram":
            self.receive(sender=sender, channel=channel, text="", button=value)
        else:
            self.receive(sender=sender, channel=channel, text=str(number))

    def change_attendance(self, *, event: str, student: str, status: str) -> None:
        """The event's register changes for one student, as an import brings it."""
        spec = next(e for e in self.script.events if e["id"] == event)
        _import_attendance(self.database, self.clock, self.ids.school,
                           [(spec, student, status)])

    def change_mark(self, *, student: str, day: date, session: str, code: str) -> None:
        with self.database.transaction() as db_session:
            upsert_mark(db_session, self.clock, school_id=self.ids.school,
                        entry=RegisterEntry(student_id=self.ids.students[student], day=day,
                                            session=session, code=code), actor="replay")

    def staff(self, *, action: str, student: str | None, user: str | None, text: str | None,
              code: str | None) -> None:
        user_id = self.ids.users[user] if user else default_staff_user(self.script, self.ids)
        with self.database.transaction() as session:
            member = staff_user(session, user_id)
            if action == "set_code":
                mark = self._todays_mark(session, student)
                staff_actions.set_code(session, self.clock, user=member, mark_id=mark,
                                       code=str(code), reason="set in a replay script")
                return
            conversation = self._conversation_about(session, student)
            if action == "reply":
                staff_actions.reply(session, self.clock, user=member,
                                    conversation_id=conversation, text=str(text),
                                    segment_budget=self.settings.sms_segment_budget)
            elif action == "acknowledge":
                for escalation in self._open_escalations(session, conversation):
                    staff_actions.acknowledge(session, self.clock, user=member,
                                              escalation_id=escalation)
            else:
                getattr(staff_actions, action)(session, self.clock, user=member,
                                               conversation_id=conversation)

    def settle(self) -> None:
        """Let the service run to quiet: inbound events processed, the outbox sent, checks run."""
        for _ in range(20):
            worked = self.worker.process_pending()
            worked += escalate_unacknowledged(self.database, self.clock, self.settings)
            self.dispatcher.upkeep()
            worked += asyncio.run(self.dispatcher.drain())
            if not worked:
                return

    # --- the transcript -----------------------------------------------------------------

    def transcript(self) -> list[dict[str, Any]]:
        """Messages both ways, mark changes and escalations, in time order."""
        entries: list[dict[str, Any]] = []
        with self.database.transaction() as session:
            names = self._names(session)
            for row in every_sent(session):
                to = names.get(("contact", row.contact_id)) or names.get(
                    ("user", row.staff_user_id)) or row.to_address
                entries.append({"kind": "sent", "at": row.sent_at, "to": to,
                                "channel": row.channel, "text": row.body})
            for event in every_message_event(session):
                payload = json.loads(event.payload)
                entries.append({"kind": "received", "at": event.received_at,
                                "from": names.get(("contact", event.contact_id))
                                or payload.get("sender"), "channel": event.channel,
                                "text": payload.get("text") or payload.get("button") or ""})
            entries += self._mark_changes(session, names)
            for escalation in every_escalation(session):
                entries.append({"kind": "escalation", "at": escalation.created_at,
                                "urgency": escalation.urgency, "intent": escalation.intent,
                                "why": escalation.why, "status": escalation.status,
                                "student": names.get(("student", escalation.student_id))})
        entries.sort(key=lambda e: (_local(e["at"], self.zone), e["kind"] != "received"))
        for entry in entries:
            entry["at"] = _local(entry["at"], self.zone).isoformat(timespec="minutes")
        return entries

    # --- helpers ------------------------------------------------------------------------

    def _address(self, sender: Any, channel: str) -> str:
        if isinstance(sender, dict):
            return str(sender.get(_ADDRESS_KEY.get(channel, channel)) or
                       next(str(v) for k, v in sender.items() if k != "__line__"))
        with self.database.transaction() as session:
            contact = contact_by_id(session, self.ids.contacts[str(sender)])
            assert contact is not None
            address = {"sms": contact.phone, "email": contact.email,
                       "whatsapp": contact.phone, "telegram": contact.telegram_chat_id}[channel]
        if not address:
            raise ValueError(f"{sender} has no {channel} address")
        return address

    def _reply_token(self, sender: Any, channel: str) -> str | None:
        """An email reply goes to our Reply-To address, which carries its conversation's token."""
        if channel != "email" or isinstance(sender, dict):
            return None
        with self.database.transaction() as session:
            return open_reply_token(session, self.ids.contacts[str(sender)])

    def _menu_choice(self, sender: Any, channel: str, button: str) -> tuple[int, str]:
        with self.database.transaction() as session:
            last = last_menu_to(session, contact_id=self.ids.contacts[str(sender)],
                                channel=channel)
        options = json.loads(last.options) if last else []
        for number, (value, label) in enumerate(options, 1):
            if button.lower() in str(label).lower():
                return number, str(value)
        if button.isdigit():
            return int(button), button
        raise ValueError(f"no button labelled {button!r} was offered to {sender} on {channel}")

    def _conversation_about(self, session: Any, student: str | None) -> int:
        conversation = latest_conversation_about(
            session, self.ids.students[student] if student else None)
        if conversation is None or conversation.id is None:
            raise ValueError(f"no conversation about {student or 'anyone'} to act on")
        return int(conversation.id)

    def _todays_mark(self, session: Any, student: str | None) -> int:
        mark = first_mark_of_day(session, day=self.today(),
                                 student_id=self.ids.students[student] if student else None)
        if mark is None or mark.id is None:
            raise ValueError(f"no mark today for {student or 'anyone'}")
        return int(mark.id)

    def _open_escalations(self, session: Any, conversation_id: int) -> list[int]:
        return open_escalation_ids(session, conversation_id)

    def _names(self, session: Any) -> dict[tuple[str, int | None], str]:
        names: dict[tuple[str, int | None], str] = {}
        for external, internal in self.ids.contacts.items():
            names[("contact", internal)] = external
        for external, internal in self.ids.users.items():
            names[("user", internal)] = external
        for external, internal in self.ids.students.items():
            names[("student", internal)] = external
        return names

    def _mark_changes(self, session: Any, names: dict[tuple[str, int | None], str]
                      ) -> list[dict[str, Any]]:
        changes = []
        for entry, mark in mark_history(session):
            changes.append({"kind": "mark", "at": entry.at,
                            "student": names.get(("student", mark.student_id)),
                            "date": mark.day.isoformat(), "session": mark.session,
                            "old": entry.old_value, "new": entry.new_value, "by": entry.actor})
        return changes


def _import_attendance(database: Database, clock: FakeClock, school_id: int,
                       rows: list[tuple[dict[str, Any], str, str]]) -> None:
    report = import_csv(database, clock, kind="event-attendance", school_id=school_id,
                        data=attendance_csv(rows))
    if report.errors:
        raise ValueError(f"the script's events did not import: {report.errors[0]}")


# A `receive:` step's attachment: a tiny file travelling inline as simulated media does.
_MEDIA = {
    "photo": MediaRef("data:image/png;base64," + base64.b64encode(
        b"\x89PNG\r\n\x1a\n fit note").decode(), "image/png", "fit-note.png"),
    "pdf": MediaRef("data:application/pdf;base64," + base64.b64encode(
        b"%PDF-1.4 fit note").decode(), "application/pdf", "fit-note.pdf"),
}


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime:
    return (moment or datetime.min.replace(tzinfo=zone)).astimezone(zone)


