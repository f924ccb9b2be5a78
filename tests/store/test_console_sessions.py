"""Console sessions as rows: live while used, ended for good, and not kept for ever."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from store.clock import FakeClock
from store.console_sessions import (
    SessionLimits,
    end_sessions_of,
    live_session_user,
    start_session,
)
from store.database import Database
from store.models.schools import School
from store.models.staff import ConsoleSession
from store.staff import add_user

LIMITS = SessionLimits()


def _user(db: Database, clock: FakeClock) -> int:
    with db.transaction() as session:
        school = School(name="Elm Primary")
        session.add(school)
        session.flush()
        user = add_user(session, clock, email="pat@example.org", name="Pat", role="officer",
                        school_ids=[school.id or 0])
        assert user.id is not None
        return user.id


def test_a_session_lives_while_used_and_an_ended_one_never_comes_back(
        db: Database, clock: FakeClock) -> None:
    user_id = _user(db, clock)
    with db.transaction() as session:
        token = start_session(session, user_id=user_id, now=clock.now())
    clock.advance(timedelta(minutes=29))
    with db.transaction() as session:
        assert live_session_user(session, token=token, now=clock.now(), limits=LIMITS,
                                 touch=False) == user_id
        assert live_session_user(session, token=token, now=clock.now(), limits=LIMITS) == user_id
        assert live_session_user(session, token="guessed", now=clock.now(), limits=LIMITS) is None
        assert end_sessions_of(session, user_id=user_id, now=clock.now(), why="password") == 1
    with db.transaction() as session:
        assert live_session_user(session, token=token, now=clock.now(), limits=LIMITS) is None


def test_rows_of_sessions_long_over_are_dropped_at_the_next_sign_in(
        db: Database, clock: FakeClock) -> None:
    user_id = _user(db, clock)
    with db.transaction() as session:
        start_session(session, user_id=user_id, now=clock.now())
    clock.advance(timedelta(hours=12, minutes=1))
    with db.transaction() as session:
        start_session(session, user_id=user_id, now=clock.now())
        assert len(session.exec(select(ConsoleSession)).all()) == 2  # kept a day, for a look
    clock.advance(timedelta(days=1, hours=1))
    with db.transaction() as session:
        start_session(session, user_id=user_id, now=clock.now())
        assert len(session.exec(select(ConsoleSession)).all()) == 2
