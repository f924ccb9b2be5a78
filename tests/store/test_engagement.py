"""Engagement status: the rules read the whole institution's event attendance in one query and
move students between engaged, at risk and re-engaged, with the evidence and a task for the
Personal Tutor; visa students are held against the sponsor's own policy apart. On SQLite and
PostgreSQL (`each_db`)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from store.clock import FakeClock
from store.database import Database
from store.engagement import history_of, recompute, status_of
from store.engagement_figures import engagement_figures
from store.engagement_rules import Figures, Policy, after_rules, policy_of, rules_met
from store.models.audit import AuditEntry
from store.models.conversations import Message
from store.models.escalations import Escalation
from store.models.events import EventAttendance
from store.models.schools import School
from store.schools import school_by_id
from tests.store.engagement_world import DAY, University, add_student, always, build

NOW = datetime(2026, 11, 27, 19, tzinfo=UTC)


def _last(n: int, of: int = 40) -> range:
    return range(of - n, of)


def world_of(db: Database) -> tuple[University, FakeClock]:
    clock = FakeClock(NOW)
    world = build(db, clock)
    add_student(db, world, "Amy", always("present"))
    # Ben misses the last three Econometrics lectures (the module's 10:00 events are even).
    add_student(db, world, "Ben", lambda n, e: "absent" if n in (34, 36, 38) else "present")
    # Cara comes to three events in five, late to some: 60%.
    add_student(db, world, "Cara", lambda n, e: ("absent" if n % 5 in (1, 3) else
                                                  "late" if n % 5 == 4 else "present"))
    # Dan has not come since last Thursday: twelve events in a row, both modules. On a visa.
    add_student(db, world, "Dan", lambda n, e: "absent" if n >= 28 else "present", visa=True)
    # Eve was off ill all week, authorised: not missed.
    add_student(db, world, "Eve", lambda n, e: "authorised" if n >= 30 else "present",
                visa=True)
    # Fay, no Personal Tutor, missed the last three of both modules.
    add_student(db, world, "Fay", lambda n, e: "absent" if n >= 34 else "present", tutor=None)
    return world, clock


def _recompute(db: Database, clock: FakeClock, world: University, day: date = DAY) -> list:
    with db.transaction() as session:
        school = school_by_id(session, world.school_id)
        assert school is not None
        return recompute(session, clock, school=school, day=day)


def test_figures_count_runs_of_missed_events_per_module_and_overall(each_db: Database) -> None:
    world, _ = world_of(each_db)
    with each_db.transaction() as session:
        school = session.get(School, world.school_id)
        assert school is not None
        found = engagement_figures(session, school_id=world.school_id, day=DAY,
                                   policy=policy_of(school, "engagement"), exact=True)
        ruled = engagement_figures(session, school_id=world.school_id, day=DAY,
                                   policy=policy_of(school, "engagement"))
    # Counted only where a rule can be met: three absences of a module; "any module in a
    # row" is off by default, so never counted.
    assert {name: (ruled[student_id].in_module, ruled[student_id].in_row)
            for name, student_id in world.students.items()} == {
        "Amy": (0, None), "Ben": (3, None), "Cara": (2, None), "Dan": (6, None),
        "Eve": (0, None), "Fay": (3, None)}
    by_name = {name: found[student_id] for name, student_id in world.students.items()}
    assert by_name["Amy"] == Figures(by_name["Amy"].student_id, attended=40, missed=0,
                                     missed_lately=0, attended_lately=10, in_module=0,
                                     in_row=0, last_attended=DAY)
    ben = by_name["Ben"]
    assert (ben.missed, ben.in_module, ben.in_row) == (3, 3, 0)
    assert by_name["Cara"].percent(10) == 60.0
    dan = by_name["Dan"]
    assert (dan.in_module, dan.in_row, dan.attended_lately, dan.missed_lately) == (6, 12, 0, 10)
    assert dan.last_attended == DAY - timedelta(days=8) and dan.percent(10) == 70.0
    eve = by_name["Eve"]  # authorised: neither attended nor missed
    assert (eve.attended, eve.missed, eve.missed_lately, eve.in_row) == (30, 0, 0, 0)


def test_the_rules_put_students_at_risk_with_evidence_and_a_task_for_their_tutor(
        each_db: Database) -> None:
    world, clock = world_of(each_db)
    engagement, visa = _recompute(each_db, clock, world)
    assert (engagement.students, engagement.met, dict(engagement.moved)) == (
        6, 4, {"at_risk": 4})
    assert (visa.students, visa.met, dict(visa.moved), visa.tasks) == (2, 1, {"crossed": 1}, 1)
    with each_db.transaction() as session:
        statuses = {name: status_of(session, student_id=student_id, track="engagement")
                    for name, student_id in world.students.items()}
        assert statuses["Amy"] is None and statuses["Eve"] is None
        assert {name: row.rules for name, row in statuses.items() if row} == {
            "Ben": ["missed_in_module"], "Cara": ["below_percent"],
            "Dan": ["missed_in_module", "below_percent", "days_without"],
            "Fay": ["missed_in_module"]}
        tasks = {row.student_id: row for row in session.exec(
            select(Escalation).where(Escalation.intent == "engagement_review"))}
        ben = world.students["Ben"]
        assert tasks[ben].assigned_user_id == world.staff["tutor"]
        assert tasks[ben].why == "At risk: missed 3 events of one module in a row"
        assert tasks[world.students["Fay"]].assigned_user_id is None  # for the team to pick up
        assert "attendance 60.0% over 4 weeks (under 75.0%)" in tasks[world.students["Cara"]].why
        change = history_of(session, student_id=ben, track="engagement")[0]
        assert (change.old_status, change.status, change.actor, change.task_id) == (
            None, "at_risk", "system", tasks[ben].id)
        assert len(change.events) == 3 and json.loads(change.figures)["in_module"] == 3
        crossing = session.exec(select(Escalation).where(
            Escalation.intent == "visa_compliance")).one()
        assert (crossing.student_id, crossing.assigned_user_id) == (
            world.students["Dan"], world.staff["compliance"])
        assert "missed 12 events in a row" in crossing.why
        audited = session.exec(select(AuditEntry).where(
            AuditEntry.action == "engagement.status")).all()
        assert len(audited) == 4


def test_a_second_recompute_changes_nothing(each_db: Database) -> None:
    world, clock = world_of(each_db)
    _recompute(each_db, clock, world)
    again = _recompute(each_db, clock, world)
    assert [dict(track.moved) for track in again] == [{}, {}]
    assert [track.tasks for track in again] == [0, 0]


def test_a_student_who_comes_back_is_re_engaged_and_the_tutors_task_closes(
        each_db: Database) -> None:
    world, clock = world_of(each_db)
    _recompute(each_db, clock, world)
    ben = world.students["Ben"]
    with each_db.transaction() as session:  # the register was wrong: he was at all three
        for row in session.exec(select(EventAttendance).where(
                EventAttendance.student_id == ben, EventAttendance.status == "absent")):
            row.status = "present"
            session.add(row)
    clock.advance(timedelta(days=1))
    engagement, _ = _recompute(each_db, clock, world)
    assert engagement.moved["re_engaged"] == 1
    with each_db.transaction() as session:
        assert [c.status for c in history_of(session, student_id=ben)] == [
            "re_engaged", "at_risk"]
        task = session.exec(select(Escalation).where(Escalation.student_id == ben)).one()
        assert task.status == "resolved"


def test_replies_in_the_window_are_evidence(each_db: Database) -> None:
    world, clock = world_of(each_db)
    from store.conversations import open_conversation
    from store.models.people import StudentContact

    ben = world.students["Ben"]
    with each_db.transaction() as session:
        link = session.exec(select(StudentContact).where(
            StudentContact.student_id == ben)).one()
        conversation = open_conversation(session, clock, school_id=world.school_id,
                                         contact_id=link.contact_id, channel="email",
                                         student_ids=[ben])
        session.add(Message(school_id=world.school_id, conversation_id=conversation.id,
                            contact_id=link.contact_id, direction="in", channel="email",
                            body="Sorry, I have been working extra shifts",
                            created_at=NOW - timedelta(days=2)))
    _recompute(each_db, clock, world)
    with each_db.transaction() as session:
        change = history_of(session, student_id=ben)[0]
        assert len(change.messages) == 1


def test_rules_and_moves_as_plain_functions() -> None:
    policy = Policy("engagement", missed_in_module=3, missed_in_row=0, min_percent=75.0,
                    weeks=4, days_without=7)
    quiet = Figures(1, attended=9, missed=1, missed_lately=0, attended_lately=0,
                    in_module=0, in_row=0, last_attended=None)
    assert rules_met(policy, quiet, min_possible=10) == ()  # 90%, nothing missed lately
    few = Figures(1, attended=1, missed=3, missed_lately=0, attended_lately=1, in_module=2,
                  in_row=2, last_attended=None)
    assert rules_met(policy, few, min_possible=10) == ()  # 4 events: too few for a percentage
    assert after_rules("engagement", None, met=True) == "at_risk"
    assert after_rules("engagement", "referred", met=False) is None  # a person's to close
    assert after_rules("engagement", "intervention", met=False) == "re_engaged"
    assert after_rules("visa", "crossed", met=False) is None  # waits for the decision
    assert after_rules("visa", "not_reported", met=False) == "compliant"
    assert after_rules("visa", "reported", met=True) is None
