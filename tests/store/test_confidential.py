"""A Personal Tutor's meeting notes are confidential: the store returns them only to the
student's Personal and Senior Tutor, the engagement team and whoever wrote them, never to
other tutors, officers, safeguarding leads, admins or read-only staff (in the query itself)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from store.casework_meetings import meetings_of, record_meeting, reviews_due
from store.clock import FakeClock
from store.confidential import Reader, works_with
from store.database import Database
from store.models.people import Student
from store.models.staff import StaffUser
from tests.store.engagement_world import STAFF, add_student, always, build

HELD = date(2026, 11, 27)


@pytest.mark.parametrize("key", sorted(STAFF))
def test_only_the_tutors_the_team_and_the_author_read_a_confidential_meeting(
        each_db: Database, key: str) -> None:
    clock = FakeClock(datetime(2026, 11, 27, 15, tzinfo=UTC))
    world = build(each_db, clock)
    ben = add_student(each_db, world, "Ben", always("present"))
    with each_db.transaction() as session:
        record_meeting(session, clock, school_id=world.school_id, student_id=ben,
                       held_on=HELD, attendees=["Ben", "Dr Ada Khan"],
                       actions="Ben will come to the Friday seminars; money worries: "
                               "hardship fund form together next week",
                       review_on=HELD, staff_id=world.staff["tutor"], confidential=True)
        record_meeting(session, clock, school_id=world.school_id, student_id=ben,
                       held_on=HELD, attendees=["Ben's mother"], actions="Family meeting",
                       review_on=None, staff_id=world.staff["officer"])
    allowed = key in ("tutor", "senior", "engagement")
    with each_db.transaction() as session:
        user = session.get(StaffUser, world.staff[key])
        student = session.get(Student, ben)
        assert user is not None and student is not None
        reader = Reader.of(user)
        seen = meetings_of(session, student_id=ben, reader=reader)
        assert works_with(reader, student) is allowed
        assert sorted(m.confidential for m in seen) == ([False, True] if allowed else [False])
        due = reviews_due(session, school_ids=[world.school_id], day=HELD, reader=reader,
                          confidential=True)
        assert len(due) == (1 if allowed else 0)
        # Without a reader (the officer's casework list) no confidential meeting at all.
        assert reviews_due(session, school_ids=[world.school_id], day=HELD) == []
        assert [m.confidential for m in meetings_of(session, student_id=ben,
                                                    reader=None)] == [False]
