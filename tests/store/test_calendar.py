"""The school calendar: bank holidays per UK nation, term gaps, closures, clock changes and
schools in other timezones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from store.calendar import (
    closed_because,
    closed_days,
    days_closed_because,
    in_quiet_hours,
    is_school_day,
    local_time,
    quiet_hours_end,
    working_days_after,
    working_days_between,
)
from store.database import Database
from store.models.marks import Mark
from store.models.people import Student
from store.models.schools import School, SchoolDay


def _school(db: Database, **fields: object) -> School:
    with db.transaction() as session:
        school = School(name="Hillside Primary", **fields)
        session.add(school)
        session.flush()
        return school


@pytest.mark.parametrize(("country", "day", "expected"), [
    ("GB-ENG", date(2026, 8, 31), False),  # summer bank holiday, England
    ("GB-SCT", date(2026, 8, 31), True),   # ...but not in Scotland
    ("GB-SCT", date(2026, 8, 3), False),   # Scotland's is the first Monday
    ("GB-ENG", date(2026, 8, 3), True),
    ("GB-SCT", date(2026, 11, 30), False),  # St Andrew's Day
    ("GB-WLS", date(2026, 11, 30), True),
    ("GB-NIR", date(2026, 3, 17), False),  # St Patrick's Day
    ("GB-WLS", date(2026, 3, 17), True),
    ("GB-NIR", date(2026, 7, 13), False),  # Battle of the Boyne (12th is a Sunday)
    ("GB-WLS", date(2026, 12, 28), False),  # Boxing Day observed
    ("GB-SCT", date(2026, 1, 2), False),   # 2 January, Scotland only
    ("GB-ENG", date(2026, 1, 2), True),
])
def test_bank_holidays_differ_between_the_uk_nations(db: Database, country: str, day: date,
                                                     expected: bool) -> None:
    school = _school(db, country=country)
    with db.transaction() as session:
        assert is_school_day(session, school, day) is expected


def test_weekends_are_never_school_days(db: Database) -> None:
    school = _school(db)
    with db.transaction() as session:
        assert closed_because(session, school, date(2026, 11, 28)) == "weekend"
        assert closed_because(session, school, date(2026, 11, 29)) == "weekend"
        assert closed_because(session, school, date(2026, 11, 27)) is None


def test_days_between_terms_inset_days_and_closures_are_skipped(db: Database) -> None:
    school = _school(db)
    with db.transaction() as session:
        session.add_all([
            SchoolDay(school_id=school.id, kind="term", start=date(2026, 9, 2),
                      end=date(2026, 10, 23)),
            SchoolDay(school_id=school.id, kind="term", start=date(2026, 11, 2),
                      end=date(2026, 12, 18)),
            SchoolDay(school_id=school.id, kind="inset", start=date(2026, 11, 2),
                      end=date(2026, 11, 2)),
            SchoolDay(school_id=school.id, kind="closure", start=date(2026, 12, 7),
                      end=date(2026, 12, 8), note="boiler"),
        ])
    with db.transaction() as session:
        assert closed_because(session, school, date(2026, 10, 23)) is None
        assert closed_because(session, school, date(2026, 10, 27)) == "outside term"
        assert closed_because(session, school, date(2026, 11, 2)) == "inset"
        assert closed_because(session, school, date(2026, 11, 3)) is None
        assert closed_because(session, school, date(2026, 12, 8)) == "closure"
        assert closed_because(session, school, date(2026, 12, 21)) == "outside term"


def test_a_day_coded_hash_is_a_closure(db: Database) -> None:
    school = _school(db)
    with db.transaction() as session:
        student = Student(school_id=school.id, mis_id="S1", first_name="Amy", last_name="Ash")
        session.add(student)
        session.flush()
        session.add(Mark(school_id=school.id, student_id=student.id, day=date(2026, 11, 24),
                         session="AM", code="#"))
    with db.transaction() as session:
        assert closed_because(session, school, date(2026, 11, 24)) == "closure (# marks)"
        assert is_school_day(session, school, date(2026, 11, 25))


def test_closed_days_are_the_weekdays_the_calendar_closes_in_a_window(db: Database) -> None:
    """The facts the engine reads dates against: bank holidays of the school's nation, INSET
    and closure rows, days outside term, `#` days; weekends left to the engine."""
    school = _school(db, country="GB-ENG")
    with db.transaction() as session:
        student = Student(school_id=school.id, mis_id="S1", first_name="Amy", last_name="Ash")
        session.add(student)
        session.flush()
        session.add_all([
            SchoolDay(school_id=school.id, kind="term", start=date(2026, 4, 13),
                      end=date(2026, 5, 22)),
            SchoolDay(school_id=school.id, kind="inset", start=date(2026, 4, 13),
                      end=date(2026, 4, 13)),
            Mark(school_id=school.id, student_id=student.id, day=date(2026, 5, 14),
                 session="AM", code="#"),
        ])
    with db.transaction() as session:
        closed = closed_days(session, school, date(2026, 4, 28), date(2026, 5, 29))
        got_inset = closed_days(session, school, date(2026, 4, 13), date(2026, 4, 14))
    assert closed == {date(2026, 5, 4), date(2026, 5, 14), date(2026, 5, 25),  # May Day,
                      date(2026, 5, 26), date(2026, 5, 27), date(2026, 5, 28),  # #, half term
                      date(2026, 5, 29)}
    assert got_inset == {date(2026, 4, 13)}


@pytest.mark.parametrize(("day", "utc_hour"), [
    (date(2026, 3, 27), 9),   # Friday before the clocks go forward: GMT
    (date(2026, 3, 30), 8),   # Monday after: BST
    (date(2026, 10, 23), 8),  # Friday before the clocks go back: BST
    (date(2026, 10, 26), 9),  # Monday after: GMT
])
def test_run_times_follow_the_clock_change(day: date, utc_hour: int) -> None:
    school = School(name="Hillside Primary")
    assert local_time(school, day, time(9, 30)) == datetime(
        day.year, day.month, day.day, utc_hour, 30, tzinfo=UTC)


def test_the_clock_change_weekend_itself_has_no_runs(db: Database) -> None:
    school = _school(db)
    with db.transaction() as session:
        for day in (date(2026, 3, 28), date(2026, 3, 29), date(2026, 10, 24),
                    date(2026, 10, 25)):
            assert not is_school_day(session, school, day)


def test_quiet_hours_are_in_local_time_across_the_clock_change() -> None:
    school = School(name="Hillside Primary")
    # 07:00 UTC on Sunday 29 March is 08:00 BST: the quiet hours (to 07:30) are over.
    assert not in_quiet_hours(school, datetime(2026, 3, 29, 7, 0, tzinfo=UTC))
    # 07:00 UTC on Saturday 28 March is 07:00 GMT: still quiet.
    assert in_quiet_hours(school, datetime(2026, 3, 28, 7, 0, tzinfo=UTC))
    # 19:30 UTC on Sunday 25 October is 19:30 GMT: not yet quiet; a day earlier it was 20:30 BST.
    assert not in_quiet_hours(school, datetime(2026, 10, 25, 19, 30, tzinfo=UTC))
    assert in_quiet_hours(school, datetime(2026, 10, 24, 19, 30, tzinfo=UTC))


def test_quiet_hours_end_is_the_next_morning() -> None:
    school = School(name="Hillside Primary")
    evening = datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
    assert quiet_hours_end(school, evening) == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    early = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    assert quiet_hours_end(school, early) == datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    noon = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert quiet_hours_end(school, noon) == noon


def test_a_school_in_another_timezone(db: Database) -> None:
    school = _school(db, timezone="America/New_York", country="US")
    assert local_time(school, date(2026, 11, 24), time(9, 30)) == datetime(
        2026, 11, 24, 14, 30, tzinfo=UTC)
    # 01:00 UTC is 20:00 in New York: quiet there, though a London school is long quiet too;
    # 13:00 UTC is 08:00 in New York: open there.
    assert in_quiet_hours(school, datetime(2026, 11, 25, 1, 0, tzinfo=UTC))
    assert not in_quiet_hours(school, datetime(2026, 11, 24, 13, 0, tzinfo=UTC))
    assert in_quiet_hours(school, datetime(2026, 11, 24, 12, 0, tzinfo=UTC))  # 07:00 local
    with db.transaction() as session:
        reason = closed_because(session, school, date(2026, 11, 26))
        assert reason == "bank holiday: Thanksgiving Day"
        assert is_school_day(session, school, date(2026, 8, 31))  # no English bank holiday


def test_holidays_and_emergency_closures_are_closed_days_for_runs_and_the_engine(
        db: Database) -> None:
    school = _school(db)
    with db.transaction() as session:
        session.add_all([
            SchoolDay(school_id=school.id, kind="holiday", start=date(2026, 10, 26),
                      end=date(2026, 10, 30), note="Half term"),
            SchoolDay(school_id=school.id, kind="emergency", start=date(2026, 12, 7),
                      end=date(2026, 12, 7), note="snow"),
        ])
    with db.transaction() as session:
        assert closed_because(session, school, date(2026, 10, 28)) == "holiday"
        assert closed_because(session, school, date(2026, 12, 7)) == "emergency"
        assert closed_days(session, school, date(2026, 12, 7), date(2026, 12, 8)) == {
            date(2026, 12, 7)}
        statuses = days_closed_because(session, school, date(2026, 12, 5), date(2026, 12, 8))
        assert statuses == {date(2026, 12, 5): "weekend", date(2026, 12, 6): "weekend",
                            date(2026, 12, 7): "emergency", date(2026, 12, 8): None}


def test_working_days_skip_weekends_bank_holidays_and_closures_not_holidays(
        db: Database) -> None:
    """A visa report's 10 working days: the institution's staff work through term holidays and
    INSET days, not on weekends, bank holidays or a closure (the Christmas shutdown)."""
    school = _school(db)
    with db.transaction() as session:
        session.add_all([
            SchoolDay(school_id=school.id, kind="holiday", start=date(2026, 12, 19),
                      end=date(2027, 1, 3)),
            SchoolDay(school_id=school.id, kind="closure", start=date(2026, 12, 24),
                      end=date(2027, 1, 1), note="Christmas shutdown")])
    with db.transaction() as session:
        # Friday 11 December: the 14th to 18th, 21st to 23rd (8), then 4 and 5 January.
        assert working_days_after(session, school, date(2026, 12, 11), 10) == date(2027, 1, 5)
        assert working_days_between(session, school, date(2026, 12, 11),
                                    date(2027, 1, 5)) == 10
        assert working_days_between(session, school, date(2027, 1, 5),
                                    date(2026, 12, 11)) == 0
        # No calendar entries: a weekend and the August bank holiday.
        assert working_days_after(session, school, date(2026, 8, 27), 3) == date(2026, 9, 2)
