"""A Personal Tutor's interventions from the console: write to the student or invite them to a
meeting on the student's own channel (a conversation the tutor holds, through the outbox as
every message), record the meeting and what was agreed as a confidential note, refer the
student, or judge them re-engaged. Each checks that this member of staff works with the
student (their Personal or Senior Tutor, or the engagement team: store/confidential.py)."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import Session

from channels.texts import render
from scheduling import staff_actions
from store.casework_meetings import record_meeting
from store.clock import Clock
from store.confidential import Reader, works_with
from store.contacts import own_contact
from store.errors import Forbidden, InvalidInput, NotFound
from store.interventions import mark_re_engaged, note_contact, refer
from store.models.casework import CaseworkMeeting
from store.models.outbound import Outbox
from store.models.people import Student
from store.models.staff import StaffUser
from store.schools import school_by_id
from store.staff import school_ids_of
from store.students import student_by_id

MAX_PLACE = 200


def write_to_student(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
                     text: str, segment_budget: int | None = None) -> Outbox:
    """The tutor's own words to the student, on the student's channel."""
    student = _student(session, user, student_id)
    sent = _send(session, clock, user=user, student=student, text=text,
                 segment_budget=segment_budget)
    note_contact(session, clock, student=student, staff_id=user.id or 0, how="message")
    return sent


def invite_student(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
                   on: date, at: time, place: str, segment_budget: int | None = None) -> Outbox:
    """An invitation to meet, in the student's language, on their channel."""
    student = _student(session, user, student_id)
    where = place.strip()
    if not where or len(where) > MAX_PLACE:
        raise InvalidInput(f"say where to meet, 1 to {MAX_PLACE} characters",
                           problem="place_length", most=str(MAX_PLACE))
    school = school_by_id(session, student.school_id)
    contact = own_contact(session, student.id or 0)
    if school is None or contact is None:
        raise _nobody_to_write_to()
    text = render("engagement.invite", contact.language, params={
        "school": school.name, "tutor": user.name, "date": on, "time": f"{at:%H:%M}",
        "place": where}, bilingual=school.welsh_bilingual)
    sent = _send(session, clock, user=user, student=student, text=text,
                 segment_budget=segment_budget)
    note_contact(session, clock, student=student, staff_id=user.id or 0, how="invitation")
    return sent


def record_tutor_meeting(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
                         held_on: date, attendees: list[str], actions: str,
                         review_on: date | None) -> CaseworkMeeting:
    """The meeting and its agreed actions, kept as a confidential note."""
    student = _student(session, user, student_id)
    meeting = record_meeting(session, clock, school_id=student.school_id,
                             student_id=student.id or 0, held_on=held_on, attendees=attendees,
                             actions=actions, review_on=review_on, staff_id=user.id or 0,
                             confidential=True)
    note_contact(session, clock, student=student, staff_id=user.id or 0, how="meeting")
    return meeting


def refer_student(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
                  to: str, reason: str) -> int:
    """Refer the student to the Senior Tutor, wellbeing or safeguarding: the task's id."""
    student = _student(session, user, student_id)
    return refer(session, clock, student=student, staff_id=user.id or 0, to=to, reason=reason)


def re_engaged(session: Session, clock: Clock, *, user: StaffUser, student_id: int,
               note: str) -> None:
    """The tutor judges the student re-engaged."""
    student = _student(session, user, student_id)
    mark_re_engaged(session, clock, student=student, staff_id=user.id or 0, note=note)


def _student(session: Session, user: StaffUser, student_id: int) -> Student:
    student = student_by_id(session, student_id)
    if student is None or student.school_id not in school_ids_of(session, user.id or 0):
        raise NotFound("not found")  # never confirm that another school's student exists
    if not works_with(Reader.of(user), student):
        raise Forbidden("only the student's Personal or Senior Tutor, or the engagement team, "
                        "may do this", problem="tutor_only")
    return student


def _nobody_to_write_to() -> InvalidInput:
    return InvalidInput("the student is not their own contact: there is nobody to write to",
                        problem="no_own_contact")


def _send(session: Session, clock: Clock, *, user: StaffUser, student: Student, text: str,
          segment_budget: int | None) -> Outbox:
    contact = own_contact(session, student.id or 0)
    if contact is None or contact.id is None:
        raise _nobody_to_write_to()
    conversation = staff_actions.start_conversation(
        session, clock, user=user, student_id=student.id or 0, contact_id=contact.id)
    return staff_actions.reply(session, clock, user=user, conversation_id=conversation.id or 0,
                               text=text, segment_budget=segment_budget)
