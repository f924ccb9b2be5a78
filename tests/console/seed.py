"""A small invented store for console tests: two schools, staff of each role, one family each,
an ordinary escalation and a safeguarding one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from sqlmodel import Session

from store.clock import Clock
from store.models.conversations import Conversation, ConversationStudent, Message
from store.models.escalations import Escalation
from store.models.inbound import Evidence
from store.models.marks import Mark
from store.models.people import Contact, Student, StudentContact
from store.models.schools import School
from store.staff import add_user, hash_password

PASSWORD = "correct horse battery"


@dataclass(frozen=True, slots=True)
class SchoolSeed:
    school_id: int
    student_id: int
    safeguarding_student_id: int
    contact_id: int
    conversation_id: int
    escalation_id: int
    safeguarding_conversation_id: int
    safeguarding_escalation_id: int
    evidence_id: int
    officer: str
    dsl: str
    admin: str
    reader: str


def seed_school(session: Session, clock: Clock, *, name: str, tag: str, phone: str,
                day: date) -> SchoolSeed:
    """One school with staff of every role, a family, and two open escalations."""
    now = clock.now()
    school = School(name=name)
    session.add(school)
    session.flush()
    assert school.id is not None
    emails = {role: f"{role}.{tag}@example.org" for role in ("officer", "dsl", "admin", "reader")}
    for role, email in emails.items():
        user = add_user(session, clock, email=email, name=f"{role.title()} {tag.upper()}",
                        role="read_only" if role == "reader" else role, school_ids=[school.id])
        user.password_hash = password_hash()  # argon2 is slow on purpose: hash once per run
    student = Student(school_id=school.id, mis_id=f"{tag}-S1", first_name="Amy",
                      last_name="Testerton", year_group="9")
    sibling = Student(school_id=school.id, mis_id=f"{tag}-S2", first_name="Ben",
                      last_name="Testerton", year_group="7")
    contact = Contact(school_id=school.id, external_id=f"{tag}-P1", name="Jane Testerton",
                      phone=phone, email=f"jane.{tag}@example.org", channels=["sms", "email"])
    session.add_all([student, sibling, contact])
    session.flush()
    assert student.id is not None and sibling.id is not None and contact.id is not None
    for child in (student.id, sibling.id):
        session.add(StudentContact(student_id=child, contact_id=contact.id))
        for session_name in ("AM", "PM"):
            session.add(Mark(school_id=school.id, student_id=child, day=day,
                             session=session_name, code="N", updated_at=now))
    ordinary = _conversation(session, school_id=school.id, contact_id=contact.id,
                             student_id=student.id, now=now - timedelta(minutes=30),
                             text="She has gone to her nan's, back Thursday",
                             intent="family_circumstances")
    ordinary_escalation = _escalation(session, school_id=school.id, conversation=ordinary,
                                      student_id=student.id, intent="family_circumstances",
                                      urgency="normal", at=now - timedelta(minutes=29))
    secret = _conversation(session, school_id=school.id, contact_id=contact.id,
                           student_id=sibling.id, now=now - timedelta(minutes=5),
                           text="SECRET-DISCLOSURE he hit her again", intent="safeguarding")
    secret_escalation = _escalation(session, school_id=school.id, conversation=secret,
                                    student_id=sibling.id, intent="safeguarding",
                                    urgency="urgent", at=now - timedelta(minutes=4))
    evidence = Evidence(conversation_id=secret, content_type="image/png", filename="note.png",
                        size=8, data=b"\x89PNG-SECRET", created_at=now)
    session.add(evidence)
    session.flush()
    assert evidence.id is not None
    return SchoolSeed(school_id=school.id, student_id=student.id,
                      safeguarding_student_id=sibling.id, contact_id=contact.id,
                      conversation_id=ordinary, escalation_id=ordinary_escalation,
                      safeguarding_conversation_id=secret,
                      safeguarding_escalation_id=secret_escalation, evidence_id=evidence.id,
                      officer=emails["officer"], dsl=emails["dsl"], admin=emails["admin"],
                      reader=emails["reader"])


@cache
def password_hash() -> str:
    return hash_password(PASSWORD)


def _conversation(session: Session, *, school_id: int, contact_id: int, student_id: int,
                  now: datetime, text: str, intent: str) -> int:
    conversation = Conversation(school_id=school_id, contact_id=contact_id, channel="sms",
                                mode="staff", opened_at=now)
    session.add(conversation)
    session.flush()
    assert conversation.id is not None
    session.add(ConversationStudent(conversation_id=conversation.id, student_id=student_id))
    session.add(Message(school_id=school_id, conversation_id=conversation.id,
                        contact_id=contact_id, direction="out", channel="sms", author="bot",
                        body="Demo Academy: Amy was marked absent this morning.",
                        created_at=now))
    session.add(Message(school_id=school_id, conversation_id=conversation.id,
                        contact_id=contact_id, direction="in", channel="sms", body=text,
                        intent=intent, created_at=now + timedelta(minutes=1)))
    return conversation.id


def _escalation(session: Session, *, school_id: int, conversation: int, student_id: int,
                intent: str, urgency: str, at: datetime) -> int:
    row = Escalation(school_id=school_id, conversation_id=conversation, student_id=student_id,
                     urgency=urgency, intent=intent, why=f"{intent} needs a person",
                     created_at=at)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id
