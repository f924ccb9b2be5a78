"""Confirmed reasons written into the MIS: once per reason, retried with backoff, a refusal
turned into a staff task with the MIS's reason; a reply followed to the fake Wonde's stored
write-back."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import col, select

from bot.settings import Settings
from scheduling.inbound import InboundWorker, default_engine
from scheduling.mis.connector import Connector
from scheduling.mis.push import push_to_mis
from scheduling.mis.sync import sync_school
from scheduling.mis.wonde import WondeConnector
from store.clock import FakeClock
from store.database import Database
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.mis import MisLink, MisPush
from store.models.people import Student
from store.write_back import queue_push
from tests.fakes.wonde_school import seed_from_fixtures
from tests.fakes.wonde_server import TOKEN, FakeWonde
from tests.scheduling.world import store_inbound

MONDAY = date(2026, 11, 23)
JANE = "+447700900108"  # Amy and Ben's mother in the fixtures


def pulled_school(db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
                  settings: Settings) -> None:
    seed_from_fixtures(wonde)
    assert sync_school(db, clock, settings, school_id=school_id).error is None


def confirm(db: Database, clock: FakeClock, *, mis_id: str, code: str = "I",
            session: str = "AM") -> int:
    """A reason confirmed for a student's session, queued as the loop queues it."""
    with db.transaction() as s:
        student = s.exec(select(Student).where(Student.mis_id == mis_id)).one()
        mark = s.exec(select(Mark).where(Mark.student_id == student.id,
                                         Mark.session == session)).first()
        if mark is None:
            mark = Mark(school_id=student.school_id, student_id=student.id or 0, day=MONDAY,
                        session=session, code="N")
        mark.code, mark.reason_status, mark.source = code, "confirmed", "bot"
        mark.intent = "illness"
        mark.version += 1
        s.add(mark)
        s.flush()
        queue_push(s, clock, mark)
        return mark.id or 0


def pushes(db: Database) -> list[MisPush]:
    with db.transaction() as session:
        return list(session.exec(select(MisPush).order_by(col(MisPush.id))))


def test_a_confirmed_reply_reaches_the_mis_as_its_own_write_back(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    worker = InboundWorker(database=db, clock=clock, settings=mis_settings,
                           engine=default_engine())
    store_inbound(db, clock, sender=JANE, text="Amy has a temperature, she's staying home")
    worker.process_pending()
    [queued] = pushes(db)
    assert (queued.status, queued.code, queued.session) == ("pending", "I", "AM")
    assert push_to_mis(db, clock, mis_settings) == 1
    [written] = wonde.written()
    # Wonde's ids for the student and the code, never ours or the letter.
    assert (written["student_id"], written["date"], written["session"],
            written["attendance_code_id"]) == ("A1749191433", "2026-11-23", "AM", "A1300000005")
    assert "temperature" not in written.get("comment", "")  # the family's words stay here
    assert wonde.mark("A1749191433", MONDAY, "AM") == "I"
    [done] = pushes(db)
    assert (done.status, done.writeback_id) == ("written", written["writeback_id"])
    assert push_to_mis(db, clock, mis_settings) == 0  # once
    assert len(wonde.written()) == 1


def test_confirming_the_same_reason_twice_pushes_once(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    mark_id = confirm(db, clock, mis_id="9919")
    with db.transaction() as session:
        mark = session.get(Mark, mark_id)
        assert mark is not None
        queue_push(session, clock, mark)  # the same version again: no second row
    assert len(pushes(db)) == 1
    push_to_mis(db, clock, mis_settings)
    assert len(wonde.written()) == 1


def test_an_unavailable_mis_is_retried_with_backoff_and_nothing_is_lost(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    confirm(db, clock, mis_id="9919")
    wonde.next_statuses = [503] * 6  # every try of this pass

    def impatient(link: MisLink) -> Connector:  # the client's own waits, skipped
        return WondeConnector(base_url=wonde.base_url, token=TOKEN, school=link.mis_school_id,
                              sleep=lambda _: None)

    assert push_to_mis(db, clock, mis_settings, connect=impatient) == 0
    [waiting] = pushes(db)
    assert (waiting.status, waiting.attempts) == ("pending", 1)
    assert waiting.next_attempt_at is not None and waiting.next_attempt_at > clock.now()
    assert push_to_mis(db, clock, mis_settings) == 0  # not due yet: not even tried
    clock.advance(timedelta(hours=1))
    assert push_to_mis(db, clock, mis_settings) == 1
    assert [p.status for p in pushes(db)] == ["written"]


def test_a_refused_push_becomes_a_staff_task_with_the_mis_reason(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    confirm(db, clock, mis_id="9920")  # Ben: the register says present since
    assert push_to_mis(db, clock, mis_settings) == 0
    [refused] = pushes(db)
    assert refused.status == "refused" and "register has changed" in (refused.last_error or "")
    with db.transaction() as session:
        task = session.get(Escalation, refused.escalation_id)
        ben = session.exec(select(Student).where(Student.mis_id == "9920")).one()
    assert task is not None and task.student_id == ben.id and task.status == "open"
    assert "register has changed" in task.why
    clock.advance(timedelta(hours=2))
    push_to_mis(db, clock, mis_settings)  # refused for good: not sent again
    assert wonde.written() == [] and len(wonde.writebacks) == 0


def test_a_code_the_school_does_not_allow_is_refused_and_the_rest_written(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    wonde.not_writable.add("A1300000006")  # M may not be written back at this school
    confirm(db, clock, mis_id="9919", code="M")
    confirm(db, clock, mis_id="9919", code="I", session="PM")
    assert push_to_mis(db, clock, mis_settings) == 1
    assert [(p.code, p.status) for p in pushes(db)] == [("M", "refused"), ("I", "written")]


def test_a_reason_changed_before_its_push_is_superseded(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    pulled_school(db, clock, wonde, school_id, mis_settings)
    confirm(db, clock, mis_id="9919", code="I")
    confirm(db, clock, mis_id="9919", code="M")  # staff recoded it: the newer one goes
    push_to_mis(db, clock, mis_settings)
    assert [(p.code, p.status) for p in pushes(db)] == [("I", "superseded"), ("M", "written")]
    assert [w["attendance_code_id"] for w in wonde.written()] == ["A1300000006"]


def test_a_push_never_waits_on_the_inbound_path(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    # The MIS is down; the reply is still processed and its push waits in the queue.
    pulled_school(db, clock, wonde, school_id, mis_settings)
    wonde.stop()
    worker = InboundWorker(database=db, clock=clock, settings=mis_settings,
                           engine=default_engine())
    store_inbound(db, clock, sender=JANE, text="Amy is poorly today")
    assert worker.process_pending() == 1
    assert [p.status for p in pushes(db)] == ["pending"]
    wonde.start()  # up again, for the fixture to stop


def test_a_student_the_mis_never_sent_is_a_staff_task_not_a_guess(
        db: Database, clock: FakeClock, wonde: FakeWonde, school_id: int,
        mis_settings: Settings) -> None:
    # A student imported from a CSV before the school was linked: no Wonde id to address.
    pulled_school(db, clock, wonde, school_id, mis_settings)
    with db.transaction() as session:
        session.add(Student(school_id=school_id, mis_id="7777", first_name="Cai",
                            last_name="Owen"))
    confirm(db, clock, mis_id="7777")
    assert push_to_mis(db, clock, mis_settings) == 0
    [refused] = pushes(db)
    assert (refused.status, refused.last_error) == ("refused",
                                                    "the MIS has not sent us this student")
    assert refused.escalation_id is not None
    assert wonde.writebacks == []
