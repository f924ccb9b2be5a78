"""Builders for engine tests: a family, their marks, one inbound message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

from conversations.engine import step
from conversations.policy import SUGGESTED_CODE
from conversations.types import (
    ConversationKind,
    ConversationState,
    Decision,
    Facts,
    Inbound,
    Intent,
    KeepNotice,
    MarkFact,
    Policy,
    ReasonStatus,
    RecordReason,
    Session,
    SessionRef,
    StudentFact,
)
from conversations.understanding import classify
from store.lexicons import load_lexicons

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
AM = SessionRef(TODAY, Session.AM)
PM = SessionRef(TODAY, Session.PM)
LEXICONS = load_lexicons()


def absent(day: date = TODAY, session: Session = Session.AM, code: str = "N",
           status: ReasonStatus = ReasonStatus.UNEXPLAINED) -> MarkFact:
    return MarkFact(day, session, code, status)


def student(student_id: str, name: str, *marks: MarkFact,
            preferred: str | None = None) -> StudentFact:
    return StudentFact(student_id, name, preferred, tuple(marks))


def facts(*students: StudentFact, language: str = "en", relationship: str = "parent",
          policy: Policy | None = None, today: date = TODAY,
          closed: frozenset[date] = frozenset()) -> Facts:
    return Facts(contact_id="P1", language=language, students=tuple(students), today=today,
                 relationship=relationship, policy=policy or Policy(), closed_days=closed)


def amy(*marks: MarkFact) -> StudentFact:
    return student("S1", "Amy", *(marks or (absent(),)))


def ben(*marks: MarkFact) -> StudentFact:
    return student("S2", "Benjamin", *(marks or (absent(),)), preferred="Ben")


def inbound(text: str, *, button: str | None = None, command: str | None = None,
            has_media: bool = False, channel: str = "sms") -> Inbound:
    return Inbound(text=text, channel=channel, received_at=NOW, button=button,
                   has_media=has_media, command=command)


def awaiting(*student_ids: str, kind: ConversationKind = ConversationKind.ABSENCE
             ) -> ConversationState:
    return ConversationState(kind=kind, about_student_ids=student_ids)


def say(state: ConversationState, text: str, family: Facts, **kwargs: object
        ) -> tuple[ConversationState, list[Decision]]:
    return step(state, inbound(text, **kwargs), family, NOW, LEXICONS)  # type: ignore[arg-type]


def records(decisions: list[Decision]) -> list[RecordReason]:
    """The reasons a step recorded on the register's marks, in order."""
    return [d for d in decisions if isinstance(d, RecordReason)]


def notices(decisions: list[Decision]) -> list[KeepNotice]:
    """The reasons a step kept for sessions the register has not taken yet."""
    return [d for d in decisions if isinstance(d, KeepNotice)]


def reasons(decisions: list[Decision]) -> list[RecordReason]:
    """Per student, the reason a step gave, on marks and ahead of the register alike (one
    RecordReason covering both): for tests about which sessions a reply covers."""
    merged: dict[str, RecordReason] = {}
    for d in decisions:
        if isinstance(d, KeepNotice):
            d = RecordReason(d.student_id, d.intent, d.sessions, d.status,
                             SUGGESTED_CODE.get(d.intent) if d.status is ReasonStatus.CONFIRMED
                             else None, d.suggested_code, d.reason_text)
        if isinstance(d, RecordReason):
            before = merged.get(d.student_id)
            merged[d.student_id] = d if before is None else replace(
                before, sessions=tuple(sorted(before.sessions + d.sessions)))
    return list(merged.values())


def amy_replies(lang: str, text: str,
                recorded: Callable[[list[Decision]], list[RecordReason]] = records
                ) -> tuple[Intent, bool, list[ReasonStatus]]:
    """Amy's family (Amy absent this morning, asked why) replies `text` in `lang`: the intent
    and urgency `classify` reads, and the status of each reason `step` then gave."""
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    reading = classify(text, lexicons=LEXICONS, language_hint=lang,
                       students=family.students, today=family.today)
    return reading.intent, reading.urgent, [r.status for r in recorded(decisions)]
