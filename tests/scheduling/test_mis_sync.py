"""Pulling a school's MIS through the Wonde connector into the store: students, contacts and
their links, marks, each beside Wonde's own id; deltas; nothing written twice."""

from __future__ import annotations

from datetime import date, time, timedelta
from functools import partial

from sqlalchemy import func
from sqlmodel import select

from bot.settings import Settings
from scheduling.mis.sync import (
    pull_before_run,
    sync_linked,
    sync_on_schedule,
    sync_school,
)
from scheduling.mis.wonde import WondeConnector
from scheduling.runs import start_run
from scheduling.scheduler import add_mis_sync, build_scheduler, fire_run
from store.clock import FakeClock
from store.database import Database
from store.models.audit import AuditEntry
from store.models.marks import Mark
from store.models.mis import MisLink, MisMark, MisRef
from store.models.outbound import Outbox
from store.models.people import Contact, Student, StudentContact
from tests.fakes.wonde_school import seed_from_fixtures
from tests.fakes.wonde_server import SCHOOL, TOKEN, FakeWonde

MONDAY = date(2026, 11, 23)


def test_a_first_pull_writes_the_school_with_wondes_ids_beside_ours(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    outcome = sync_school(db, clock, mis_settings, school_id=school_id)
    assert outcome.error is None
    with db.transaction() as session:
        amy = session.exec(select(Student).where(Student.mis_id == "9919")).one()
        assert (amy.first_name, amy.preferred_name, amy.last_name) == ("Amelia", "Amy", "Pryce")
        assert (amy.upn, amy.year_group, amy.reg_group) == ("A123456789012", "6", "6P")
        jane = session.exec(select(Contact).where(Contact.external_id == "40001")).one()
        assert (jane.name, jane.phone, jane.email) == ("Jane Pryce", "+447700900108",
                                                       "jane.pryce@example.org")
        links: dict[tuple[int | None, int | None], StudentContact] = {
            (link.contact_id, link.student_id): link
            for link in session.exec(select(StudentContact))}
        assert len(links) == 3  # Jane to both children, Owen to Amy
        owen = session.exec(select(Contact).where(Contact.external_id == "40002")).one()
        assert links[(owen.id, amy.id)].parental_responsibility is None  # unknown stays so
        assert links[(jane.id, amy.id)].relationship == "mother"
        refs = {(r.kind, r.mis_id): r for r in session.exec(select(MisRef))}
        assert refs[("student", "A1749191433")].local_id == amy.id
        assert refs[("contact", "A1500000001")].local_id == jane.id
        assert refs[("code", "A1300000005")].code == "I"
        assert ("code", "A1300000008") not in refs  # H is retired: reported, not mapped
        marks: dict[int | None, Mark] = {m.student_id: m for m in session.exec(select(Mark))}
        assert (marks[amy.id].code, marks[amy.id].reason_status, marks[amy.id].source) == (
            "N", "unexplained", "mis")
        link = session.exec(select(MisLink)).one()
        assert link.students_cursor and link.marks_cursor and link.last_pull_error is None


def test_pulling_again_changes_nothing(db: Database, clock: FakeClock, wonde: FakeWonde,
                                       school_id: int, mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    sync_school(db, clock, mis_settings, school_id=school_id)
    with db.transaction() as session:
        audited = session.exec(select(func.count()).select_from(AuditEntry)).one()
    with db.transaction() as session:  # a full pull again: every row compared, none written
        link = session.exec(select(MisLink)).one()
        link.students_cursor = link.contacts_cursor = link.marks_cursor = None
    again = sync_school(db, clock, mis_settings, school_id=school_id)
    assert again.summary is not None
    assert (again.summary.students, again.summary.contacts, again.summary.links,
            again.summary.marks) == (0, 0, 0, 0)
    with db.transaction() as session:
        assert session.exec(select(func.count()).select_from(AuditEntry)).one() == audited


def test_a_delta_brings_a_changed_mark_and_keeps_a_reason_we_hold(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    sync_school(db, clock, mis_settings, school_id=school_id)
    with db.transaction() as session:  # a parent's reason, confirmed by the bot
        amy = session.exec(select(Student).where(Student.mis_id == "9919")).one()
        mark = session.exec(select(Mark).where(Mark.student_id == amy.id)).one()
        mark.code, mark.reason_status, mark.source, mark.version = "I", "confirmed", "bot", 2
    wonde.set_mark("A1749191433", MONDAY, "PM", "N")  # the afternoon register, still N
    wonde.set_mark("A1749191434", MONDAY, "AM", "L")  # Ben came in late after all
    wonde.set_mark("A1749191433", MONDAY, "AM", "N")  # touched again, still N
    sync_school(db, clock, mis_settings, school_id=school_id)
    with db.transaction() as session:
        codes: dict[tuple[int | None, str], tuple[str, str]] = {
            (m.student_id, m.session): (m.code, m.reason_status) for m in session.exec(
                select(Mark))}
        ben = session.exec(select(Student).where(Student.mis_id == "9920")).one()
        assert codes[(amy.id, "AM")] == ("I", "confirmed")  # not overwritten by a stale N
        assert codes[(amy.id, "PM")] == ("N", "unexplained")
        assert codes[(ben.id, "AM")] == ("L", "unexplained")
        seen: dict[tuple[int | None, str], str] = {
            (m.student_id, m.session): m.code for m in session.exec(select(MisMark))}
        assert seen[(amy.id, "AM")] == "N"  # what the MIS says, for reconciliation


def test_a_school_without_a_token_records_why_it_was_not_pulled(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    unconfigured = mis_settings.model_copy(update={"wonde_tokens": {}})
    [outcome] = sync_linked(db, clock, unconfigured)
    assert outcome.error is not None and "ROLLCALL_WONDE_TOKENS" in outcome.error
    assert "fake-wonde-token" not in outcome.error
    with db.transaction() as session:
        assert session.exec(select(MisLink)).one().last_pull_error == outcome.error
    assert wonde.requests == 0


def test_the_scheduled_pull_runs_only_in_the_school_day(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    early = mis_settings.model_copy(update={"mis_sync_from": time(9, 0)})
    sync_on_schedule(db, clock, early)  # 08:00 in London: before the window
    assert wonde.requests == 0
    sync_on_schedule(db, clock, mis_settings)  # 07:00-17:00, a Monday in term
    assert wonde.requests > 0


def test_the_pull_is_on_the_scheduler_every_few_minutes(
        db: Database, clock: FakeClock, mis_settings: Settings) -> None:
    scheduler = build_scheduler(db, clock)
    add_mis_sync(scheduler, db, clock, mis_settings)
    job = scheduler.get_job("mis:sync")
    assert job is not None and job.trigger.interval.total_seconds() == 5 * 60


def test_the_absence_run_messages_the_family_of_a_pulled_n(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    # The register the runs read is the pulled one: Amy's N from Wonde reaches her mother.
    seed_from_fixtures(wonde)
    with db.transaction() as session:  # read the fixtures' register (older than a day)
        session.exec(select(MisLink)).one().marks_cursor = "2026-11-01 00:00:00"
    sync_school(db, clock, mis_settings, school_id=school_id)
    clock.advance(timedelta(hours=1, minutes=40))  # 09:40 in London, past the settle delay
    summary = start_run(db, clock, school_id=school_id, day=MONDAY, kind="absence")
    assert summary.composed == 1
    with db.transaction() as session:
        [sent] = session.exec(select(Outbox)).all()
    assert (sent.to_address, sent.kind) == ("+447700900108", "absence")


def test_a_scheduled_run_pulls_the_register_just_before_it_reads_it(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)  # nothing pulled yet: the store has no register at all
    with db.transaction() as session:
        session.exec(select(MisLink)).one().marks_cursor = "2026-11-01 00:00:00"
    clock.advance(timedelta(hours=1, minutes=40))
    fire_run(database=db, clock=clock, school_id=school_id, kind="absence", day=MONDAY,
             before=partial(pull_before_run, db, clock, mis_settings))
    with db.transaction() as session:
        assert [o.to_address for o in session.exec(select(Outbox))] == ["+447700900108"]


def test_a_pull_that_fails_half_way_writes_nothing_and_asks_again_next_time(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    seed_from_fixtures(wonde)
    wonde.down.add("attendance/session")  # students read, then the marks never come
    broken = WondeConnector(base_url=wonde.base_url, token=TOKEN, school=SCHOOL,
                            sleep=lambda _: None)
    outcome = sync_school(db, clock, mis_settings, school_id=school_id, connector=broken)
    assert outcome.error is not None and "503" in outcome.error
    with db.transaction() as session:
        assert session.exec(select(Student)).all() == []
        link = session.exec(select(MisLink)).one()
        assert (link.students_cursor, link.marks_cursor) == (None, None)
        assert link.last_pull_error == outcome.error
    wonde.down.clear()
    assert sync_school(db, clock, mis_settings, school_id=school_id).error is None
    with db.transaction() as session:
        assert len(session.exec(select(Student)).all()) == 2
