"""One replay's running service: a fresh store, a virtual clock, simulated channels, and the
production composition, engine, inbound worker, dispatcher and staff actions wired together."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from bot.replay.script import Script
from bot.replay.seed import SeededIds, default_staff_user, seed
from bot.settings import Settings
from channels.events import store_received
from channels.registry import Channels, build_channels
from scheduling import staff_actions
from scheduling.dispatcher import Dispatcher
from scheduling.inbound import InboundWorker, default_engine
from scheduling.runs import start_run
from scheduling.urgent import escalate_unacknowledged
from store.clock import FakeClock
from store.database import Database
from store.marks import RegisterEntry, upsert_mark
from store.models import (
    AuditEntry,
    Contact,
    Conversation,
    ConversationStudent,
    Escalation,
    InboundEvent,
    Mark,
    Outbox,
    StaffUser,
    StudentContact,
)

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
                button: str | None = None) -> None:
        address = self._address(sender, channel)
        command = command_arg = None
        if channel == "telegram" and text.startswith("/"):
            command, _, rest = text.partition(" ")
            command_arg = rest or None
        simulated = self.channels.get(channel)
        message = simulated.inbound(address, text, button=button,  # type: ignore[attr-defined]
                                    command=command, command_arg=command_arg,
                                    reply_token=self._reply_token(sender, channel))
        with self.database.transaction() as session:
            store_received(session, self.clock, message, raw=None)

    def press(self, *, sender: Any, channel: str, button: str) -> None:
        """Tap the button whose label contains `button`; on SMS and email, reply its number."""
        number, value = self._menu_choice(sender, channel, button)
        if channel == "telegram":
            self.receive(sender=sender, channel=channel, text="", button=value)
        else:
            self.receive(sender=sender, channel=channel, text=str(number))

    def change_mark(self, *, student: str, day: date, session: str, code: str) -> None:
        with self.database.transaction() as db_session:
            upsert_mark(db_session, self.clock, school_id=self.ids.school,
                        entry=RegisterEntry(student_id=self.ids.students[student], day=day,
                                            session=session, code=code), actor="replay")

    def staff(self, *, action: str, student: str | None, user: str | None, text: str | None,
              code: str | None) -> None:
        user_id = self.ids.users[user] if user else default_staff_user(self.script, self.ids)
        with self.database.transaction() as session:
            member = session.get(StaffUser, user_id)
            assert member is not None
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
            for row in session.exec(select(Outbox).where(
                    col(Outbox.status).in_(("sent", "delivered")))):
                to = names.get(("contact", row.contact_id)) or names.get(
                    ("user", row.staff_user_id)) or row.to_address
                entries.append({"kind": "sent", "at": row.sent_at, "to": to,
                                "channel": row.channel, "text": row.body})
            for event in session.exec(select(InboundEvent).where(
                    InboundEvent.kind != "status")):
                payload = json.loads(event.payload)
                entries.append({"kind": "received", "at": event.received_at,
                                "from": names.get(("contact", event.contact_id))
                                or payload.get("sender"), "channel": event.channel,
                                "text": payload.get("text") or payload.get("button") or ""})
            entries += self._mark_changes(session, names)
            for escalation in session.exec(select(Escalation)):
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
            contact = session.get(Contact, self.ids.contacts[str(sender)])
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
            return session.exec(select(Conversation.reply_token).where(
                Conversation.contact_id == self.ids.contacts[str(sender)],
                col(Conversation.closed_at).is_(None)).order_by(
                col(Conversation.id).desc())).first()

    def _menu_choice(self, sender: Any, channel: str, button: str) -> tuple[int, str]:
        with self.database.transaction() as session:
            last = session.exec(select(Outbox).where(
                Outbox.contact_id == self.ids.contacts[str(sender)], Outbox.channel == channel,
                Outbox.options != "").order_by(col(Outbox.id).desc())).first()
        options = json.loads(last.options) if last else []
        for number, (value, label) in enumerate(options, 1):
            if button.lower() in str(label).lower():
                return number, str(value)
        if button.isdigit():
            return int(button), button
        raise ValueError(f"no button labelled {button!r} was offered to {sender} on {channel}")

    def _conversation_about(self, session: Any, student: str | None) -> int:
        stmt = select(Conversation).order_by(col(Conversation.id).desc())
        if student:
            stmt = stmt.join(ConversationStudent).where(
                ConversationStudent.student_id == self.ids.students[student])
        conversation = session.exec(stmt).first()
        if conversation is None and student:
            # Not linked to the child yet: the conversation of a contact of that child.
            contacts = select(StudentContact.contact_id).where(
                StudentContact.student_id == self.ids.students[student])
            conversation = session.exec(select(Conversation).where(
                col(Conversation.contact_id).in_(contacts)).order_by(
                col(Conversation.id).desc())).first()
        if conversation is None or conversation.id is None:
            raise ValueError(f"no conversation about {student or 'anyone'} to act on")
        return int(conversation.id)

    def _todays_mark(self, session: Any, student: str | None) -> int:
        stmt = select(Mark).where(Mark.day == self.today()).order_by(col(Mark.session))
        if student:
            stmt = stmt.where(Mark.student_id == self.ids.students[student])
        mark = session.exec(stmt).first()
        if mark is None or mark.id is None:
            raise ValueError(f"no mark today for {student or 'anyone'}")
        return int(mark.id)

    def _open_escalations(self, session: Any, conversation_id: int) -> list[int]:
        return [int(e) for e in session.exec(select(Escalation.id).where(
            Escalation.conversation_id == conversation_id, Escalation.status == "open"))]

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
        marks = {m.id: m for m in session.exec(select(Mark))}
        changes = []
        for entry in session.exec(select(AuditEntry).where(AuditEntry.entity == "mark")
                                  .order_by(col(AuditEntry.id))):
            mark = marks.get(int(entry.entity_id))
            if mark is None:
                continue
            changes.append({"kind": "mark", "at": entry.at,
                            "student": names.get(("student", mark.student_id)),
                            "date": mark.day.isoformat(), "session": mark.session,
                            "old": entry.old_value, "new": entry.new_value, "by": entry.actor})
        return changes


def _local(moment: datetime | None, zone: ZoneInfo) -> datetime:
    return (moment or datetime.min.replace(tzinfo=zone)).astimezone(zone)


