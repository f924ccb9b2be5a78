"""Checking a replay script's expectations against the store.

Each check returns None when the expectation held, or a sentence saying what happened instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from store.conversations import conversation_students, latest_conversation_of
from store.escalations import unresolved_escalations
from store.events import attendance_status
from store.models.escalations import Escalation
from store.models.outbound import Outbox
from store.notices import pending_notice
from store.outbox import sent_to
from store.reasons import find_mark
from store.self_certifications import certifications_of


class Expectations:
    """Reads the store for one replay; `ids` maps the script's ids to the store's."""

    def __init__(self, *, students: dict[str, int], contacts: dict[str, int],
                 users: dict[str, int], school: int) -> None:
        self.students, self.contacts, self.users = students, contacts, users
        self.school = school
        self.matched: set[int] = set()

    # --- messages ------------------------------------------------------------------------

    def unmatched_sent(self, session: Session, to: str, channel: str | None) -> list[Outbox]:
        if to in self.contacts:
            rows = sent_to(session, contact_id=self.contacts[to], channel=channel)
        else:  # a message *to* staff (an alert) has no contact; a staff reply has both
            rows = sent_to(session, staff_user_id=self.users[to], channel=channel)
        return [row for row in rows if row.id not in self.matched]

    def expect_sent(self, session: Session, spec: dict[str, Any]) -> str | None:
        rows = self.unmatched_sent(session, str(spec["to"]), spec.get("channel"))
        if not rows:
            return f"no message was sent to {spec['to']}" + _on(spec)
        row = rows[0]
        assert row.id is not None
        self.matched.add(row.id)
        text = row.body.lower()
        missing = [w for w in spec.get("contains", []) if str(w).lower() not in text]
        present = [w for w in spec.get("not_contains", []) if str(w).lower() in text]
        any_of = spec.get("contains_any", [])
        problems = []
        if missing:
            problems.append(f"it does not contain {_words(missing)}")
        if present:
            problems.append(f"it contains {_words(present)}")
        if any_of and not any(str(w).lower() in text for w in any_of):
            problems.append(f"it contains none of {_words(any_of)}")
        if problems:
            return f"the message to {spec['to']} on {row.channel} was {row.body!r}: " + \
                "; ".join(problems)
        return None

    def expect_not_sent(self, session: Session, spec: dict[str, Any]) -> str | None:
        rows = self.unmatched_sent(session, str(spec["to"]), spec.get("channel"))
        if rows:
            row = rows[0]
            assert row.id is not None
            self.matched.add(row.id)
            return f"a message was sent to {spec['to']} on {row.channel}: {row.body!r}"
        return None

    # --- marks ---------------------------------------------------------------------------

    def expect_mark(self, session: Session, spec: dict[str, Any]) -> str | None:
        mark = find_mark(session, student_id=self.students[str(spec["student"])],
                         day=_day(spec["date"]), register_session=str(spec["session"]))
        where = f"{spec['student']} {spec['date']} {spec['session']}"
        if mark is None:
            return f"there is no mark for {where}"
        wanted = {"code": spec.get("code"), "status": spec.get("status"),
                  "suggested_code": spec.get("suggested_code")}
        actual = {"code": mark.code, "status": mark.reason_status,
                  "suggested_code": mark.suggested_code}
        wrong = [f"{k} is {actual[k]!r}, not {v!r}" for k, v in wanted.items()
                 if v is not None and str(v) != str(actual[k])]
        return f"the mark for {where}: " + ", ".join(wrong) if wrong else None

    def expect_notice(self, session: Session, spec: dict[str, Any]) -> str | None:
        where = f"{spec['student']} {spec['date']} {spec['session']}"
        notice = pending_notice(session, student_id=self.students[str(spec["student"])],
                                day=_day(spec["date"]), register_session=str(spec["session"]))
        if notice is None:
            return f"no advance notice is held for {where}"
        wanted = {"intent": spec.get("intent"), "code": spec.get("code")}
        actual = {"intent": notice.intent, "code": notice.suggested_code}
        wrong = [f"{k} is {actual[k]!r}, not {v!r}" for k, v in wanted.items()
                 if v is not None and str(v) != str(actual[k])]
        return f"the notice for {where}: " + ", ".join(wrong) if wrong else None

    # --- events and self-certification --------------------------------------------------

    def expect_event(self, session: Session, spec: dict[str, Any]) -> str | None:
        status = attendance_status(session, school_id=self.school,
                                   event=str(spec["event"]),
                                   student_id=self.students[str(spec["student"])])
        where = f"{spec['student']} at {spec['event']}"
        if status is None:
            return f"there is no attendance for {where}"
        return None if status == spec["status"] else f"{where} is {status!r}, not " \
            f"{spec['status']!r}"

    def expect_certification(self, session: Session, spec: dict[str, Any]) -> str | None:
        found = certifications_of(session, student_id=self.students[str(spec["student"])])
        wanted = {"intent": spec.get("intent"), "status": spec.get("status"),
                  "start": spec.get("from"), "end": spec.get("to"),
                  "evidence": spec.get("evidence")}
        for row in found:
            if all(v is None or str(v) == str(getattr(row, k)) for k, v in wanted.items()):
                return None
        held = "; ".join(f"{r.status} {r.intent} {r.start}..{r.end} evidence={r.evidence}"
                         for r in found) or "none"
        return f"no self-certification of {spec['student']} matches (held: {held})"

    # --- escalations ---------------------------------------------------------------------

    def open_escalations(self, session: Session, spec: dict[str, Any]) -> list[Escalation]:
        rows = unresolved_escalations(session)
        matching = []
        for row in rows:
            if "student" in spec and not self._about(session, row,
                                                     self.students[str(spec["student"])]):
                continue
            if "contact" in spec and row.contact_id != self.contacts[str(spec["contact"])]:
                continue
            if "urgency" in spec and row.urgency != spec["urgency"]:
                continue
            if "intent" in spec and row.intent != spec["intent"]:
                continue
            matching.append(row)
        return matching

    def _about(self, session: Session, row: Escalation, student_id: int) -> bool:
        if row.student_id is not None:
            return row.student_id == student_id
        if row.conversation_id is None:
            return False
        return student_id in conversation_students(session, row.conversation_id)

    def expect_escalation(self, session: Session, spec: dict[str, Any]) -> str | None:
        spec = spec or {}
        if self.open_escalations(session, spec):
            return None
        others = self.open_escalations(session, {})
        seen = "; ".join(f"{e.urgency} {e.intent or 'no intent'} ({e.why})" for e in others)
        return f"no open escalation matches {_fields(spec)}" + \
            (f"; open: {seen}" if seen else "; none is open")

    def expect_no_escalation(self, session: Session, spec: dict[str, Any]) -> str | None:
        rows = self.open_escalations(session, spec or {})
        if rows:
            return "open escalation: " + "; ".join(
                f"{e.urgency} {e.intent or 'no intent'} ({e.why})" for e in rows)
        return None

    # --- conversations -------------------------------------------------------------------

    def expect_conversation(self, session: Session, spec: dict[str, Any]) -> str | None:
        conversation = latest_conversation_of(session, self.contacts[str(spec["contact"])])
        if conversation is None:
            return f"{spec['contact']} has no conversation"
        state = "resolved" if conversation.closed_at is not None else conversation.mode
        wanted = spec.get("state")
        if wanted and state != wanted:
            return f"the conversation with {spec['contact']} is {state}, not {wanted}"
        return None


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _on(spec: dict[str, Any]) -> str:
    return f" on {spec['channel']}" if spec.get("channel") else ""


def _words(words: list[Any]) -> str:
    return ", ".join(repr(str(w)) for w in words)


def _fields(spec: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in spec.items() if k != "__line__") or "anything"
