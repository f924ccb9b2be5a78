"""Attendance figures as the DfE counts them, checked against examples worked by hand (the
expected numbers are written out here from the code table in the DfE's guidance, not derived
from store/codes.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from store.attendance_figures import Periods, StudentFigures, attendance_figures, periods_for
from store.calendar import school_weeks_start, term_start
from store.clock import FakeClock
from store.database import Database
from store.marks import RegisterEntry, upsert_mark
from store.models.marks import Mark
from store.models.people import Student
from store.models.schools import School, SchoolDay

FRIDAY = date(2026, 11, 27)
WEEK = [FRIDAY - timedelta(days=n) for n in range(4, -1, -1)]  # Mon 23 .. Fri 27 November

# Each code after nine present sessions: (attended, authorised, unauthorised).
ATTENDED, AUTHORISED, UNAUTHORISED, LEFT_OUT = (10, 0, 0), (9, 1, 0), (9, 0, 1), (9, 0, 0)
BY_HAND = {
    "/": ATTENDED, "\\": ATTENDED, "L": ATTENDED,  # present
    "K": ATTENDED, "V": ATTENDED, "P": ATTENDED, "W": ATTENDED, "B": ATTENDED,  # approved
    "C1": AUTHORISED, "M": AUTHORISED, "J1": AUTHORISED, "S": AUTHORISED, "C2": AUTHORISED,
    "C": AUTHORISED, "T": AUTHORISED, "R": AUTHORISED, "I": AUTHORISED, "E": AUTHORISED,
    "G": UNAUTHORISED, "N": UNAUTHORISED, "O": UNAUTHORISED, "U": UNAUTHORISED,
    "D": LEFT_OUT, "X": LEFT_OUT, "Q": LEFT_OUT, "Y1": LEFT_OUT, "Y2": LEFT_OUT,  # not possible
    "Y3": LEFT_OUT, "Y4": LEFT_OUT, "Y5": LEFT_OUT, "Y6": LEFT_OUT, "Y7": LEFT_OUT,
    "Z": LEFT_OUT, "#": LEFT_OUT,  # admin
}


def _school(session: Session, *terms: tuple[date, date]) -> School:
    school = School(name="Hillside Primary")
    session.add(school)
    session.flush()
    assert school.id is not None
    session.add_all([SchoolDay(school_id=school.id, kind="term", start=start, end=end)
                     for start, end in terms])
    return school


def _student(session: Session, school: School, name: str) -> int:
    student = Student(school_id=school.id, mis_id=name, first_name=name, last_name="Ash")
    session.add(student)
    session.flush()
    assert student.id is not None
    return student.id


def _marks(session: Session, school: School, student_id: int,
           sessions: list[tuple[date, str, str]], *, status: str | None = None) -> None:
    """Marks as the register left them (N unexplained), or all with the status given."""
    assert school.id is not None
    session.add_all([Mark(school_id=school.id, student_id=student_id, day=day, session=half,
                          code=code, reason_status=status or (
                              "unexplained" if code == "N" else "confirmed"))
                     for day, half, code in sessions])


def _week_with(code: str) -> list[tuple[date, str, str]]:
    """Nine present sessions Monday to Friday and `code` on Friday afternoon."""
    sessions = [(day, half, "/") for day in WEEK for half in ("AM", "PM")]
    sessions[-1] = (FRIDAY, "PM", code)
    return sessions


def _figures(session: Session, school: School, day: date = FRIDAY,
             ) -> tuple[Periods, dict[int, StudentFigures]]:
    assert school.id is not None
    periods = periods_for(session, school, day, rolling_weeks=6)
    return periods, attendance_figures(session, school_id=school.id, periods=periods)


def test_every_code_counts_in_its_category(each_db: Database) -> None:
    with each_db.transaction() as session:
        school = _school(session)
        students = {code: _student(session, school, f"S{n}") for n, code in enumerate(BY_HAND)}
        for code, student_id in students.items():
            _marks(session, school, student_id, _week_with(code))
    with each_db.transaction() as session:
        _, figures = _figures(session, school)
    got = {code: (figures[s].year.attended, figures[s].year.authorised,
                  figures[s].year.unauthorised) for code, s in students.items()}
    assert got == BY_HAND
    assert figures[students["I"]].year.possible == 10
    assert figures[students["I"]].year.percent == 90.0
    assert figures[students["I"]].year.persistent  # 1 of 10 missed: exactly 10%
    assert figures[students["D"]].year.possible == 9
    assert figures[students["D"]].year.percent == 100.0
    assert not figures[students["D"]].year.persistent
    assert figures[students["N"]].framework_unauthorised == 1
    # The week is in every period alike.
    assert {(f.term, f.rolling) for f in figures.values()} == {(f.year, f.year)
                                                               for f in figures.values()}


def test_persistent_and_severe_at_their_edges(each_db: Database) -> None:
    # Two weeks, twenty sessions each: the first `present` attended, the rest illness or O.
    days = [day - timedelta(weeks=1) for day in WEEK] + WEEK
    halves = [(day, half) for day in days for half in ("AM", "PM")]

    def sessions(present: int, absent: str) -> list[tuple[date, str, str]]:
        return [(day, half, "/" if n < present else absent)
                for n, (day, half) in enumerate(halves)]

    with each_db.transaction() as session:
        school = _school(session)
        cases = {"95": (19, "O"), "90": (18, "I"), "55": (11, "O"), "50": (10, "I"),
                 "0": (0, "G")}
        students = {name: _student(session, school, name) for name in cases}
        for name, (present, absent) in cases.items():
            _marks(session, school, students[name], sessions(present, absent))
        nothing = _student(session, school, "X only")
        _marks(session, school, nothing, [(FRIDAY, "AM", "X"), (FRIDAY, "PM", "X")])
    with each_db.transaction() as session:
        _, figures = _figures(session, school)
    year = {name: figures[s].year for name, s in students.items()}
    assert {n: (y.percent, y.persistent, y.severe) for n, y in year.items()} == {
        "95": (95.0, False, False), "90": (90.0, True, False), "55": (55.0, True, False),
        "50": (50.0, True, True), "0": (0.0, True, True)}
    assert year["90"].days_missed == 1 and year["50"].days_missed == 5
    assert (figures[nothing].year.possible, figures[nothing].year.percent,
            figures[nothing].year.persistent) == (0, None, False)


SUMMER = (date(2026, 4, 13), date(2026, 7, 22))
AUTUMN_1 = (date(2026, 9, 3), date(2026, 10, 23))
AUTUMN_2 = (date(2026, 11, 2), date(2026, 12, 18))


def test_term_year_and_school_weeks_follow_the_calendar(each_db: Database) -> None:
    with each_db.transaction() as session:
        school = _school(session, SUMMER, AUTUMN_1, AUTUMN_2)
        # Weeks with a school day, back from the week of 27 November: the half-term week of
        # 26 October has none, so six school weeks start on 12 October and ten on 14 September.
        assert school_weeks_start(session, school, FRIDAY, 6) == date(2026, 10, 12)
        assert school_weeks_start(session, school, FRIDAY, 10) == date(2026, 9, 14)
        # Back from 25 September, ten school weeks reach into the summer term: the week of
        # 31 August counts (3 and 4 September are term), the summer holiday weeks do not.
        assert school_weeks_start(session, school, date(2026, 9, 25), 10) == date(2026, 6, 15)
        assert term_start(session, school, FRIDAY) == date(2026, 9, 3)  # half-term joined
        assert term_start(session, school, date(2026, 8, 20)) == date(2026, 8, 1)
        assert term_start(session, school, date(2026, 5, 1)) == date(2026, 4, 13)
        empty = _school(session)
        assert term_start(session, empty, date(2026, 11, 27)) == date(2026, 8, 1)
        assert term_start(session, empty, date(2026, 3, 20)) == date(2026, 1, 1)
        assert term_start(session, empty, date(2026, 4, 7)) == date(2026, 4, 6)  # Easter Monday
        assert term_start(session, empty, date(2027, 3, 29)) == date(2027, 3, 29)


def test_each_period_counts_only_its_own_sessions(each_db: Database) -> None:
    with each_db.transaction() as session:
        school = _school(session, SUMMER, AUTUMN_1, AUTUMN_2)
        amy = _student(session, school, "Amy")
        _marks(session, school, amy, [
            (date(2026, 7, 20), "AM", "I"),  # last school year: no period but none
            (date(2026, 9, 14), "AM", "O"),  # this term and year, before the rolling window
            (date(2026, 9, 14), "PM", "/"),
            (date(2026, 10, 12), "AM", "M"),  # the rolling window's first day
            (date(2026, 10, 12), "PM", "/"),
            (date(2026, 11, 27), "AM", "/"),
            (date(2026, 11, 30), "AM", "G"),  # after the day asked about
        ])
    with each_db.transaction() as session:
        periods, figures = _figures(session, school)
    assert periods == Periods(day=FRIDAY, term=date(2026, 9, 3), year=date(2026, 8, 1),
                              rolling=date(2026, 10, 12), framework=date(2026, 9, 14))
    amy_figures = figures[amy]
    assert (amy_figures.year.attended, amy_figures.year.authorised,
            amy_figures.year.unauthorised) == (3, 1, 1)
    assert amy_figures.term == amy_figures.year
    assert (amy_figures.rolling.attended, amy_figures.rolling.authorised,
            amy_figures.rolling.unauthorised) == (2, 1, 0)
    assert amy_figures.framework_unauthorised == 1


def test_the_framework_counts_ten_school_weeks_across_the_summer(each_db: Database) -> None:
    day = date(2026, 9, 25)
    with each_db.transaction() as session:
        school = _school(session, SUMMER, AUTUMN_1, AUTUMN_2)
        ben = _student(session, school, "Ben")
        _marks(session, school, ben, [
            (date(2026, 6, 12), "AM", "G"), (date(2026, 6, 12), "PM", "G"),  # before the window
            (date(2026, 6, 15), "AM", "O"),  # the window's first day, last school year
            (date(2026, 7, 22), "PM", "U"),
            (date(2026, 9, 21), "AM", "G"), (date(2026, 9, 21), "PM", "G"),
            (date(2026, 9, 22), "AM", "N"), (date(2026, 9, 22), "PM", "N"),
            (date(2026, 9, 23), "AM", "I"),  # authorised: not the framework's
        ])
        _marks(session, school, ben, [(date(2026, 9, 23), "PM", "N")], status="reported")
    with each_db.transaction() as session:
        periods, figures = _figures(session, school, day)
    assert periods.framework == date(2026, 6, 15)
    # O, U, G, G and the two unexplained N; the N whose reason waits for staff is not counted.
    assert figures[ben].framework_unauthorised == 6
    # The school year began on 1 August: the summer's O and U are last year's figures.
    assert figures[ben].year.unauthorised == 4 + 1


def test_figures_follow_a_changed_mark(each_db: Database, clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = _school(session)
        amy = _student(session, school, "Amy")
        _marks(session, school, amy, _week_with("N"))
    with each_db.transaction() as session:
        before = _figures(session, school)[1][amy]
        assert school.id is not None
        upsert_mark(session, clock, school_id=school.id, actor="api",
                    entry=RegisterEntry(amy, FRIDAY, "PM", "I"))
    with each_db.transaction() as session:
        after = _figures(session, school)[1][amy]
    assert (before.year.unauthorised, before.framework_unauthorised) == (1, 1)
    assert (after.year.authorised, after.year.unauthorised, after.framework_unauthorised) == (
        1, 0, 0)


def test_only_the_students_asked_about(each_db: Database) -> None:
    with each_db.transaction() as session:
        school = _school(session)
        amy, ben = _student(session, school, "Amy"), _student(session, school, "Ben")
        _marks(session, school, amy, _week_with("O"))
        _marks(session, school, ben, _week_with("I"))
        other = _school(session)
        _marks(session, other, _student(session, other, "Cy"), _week_with("G"))
    with each_db.transaction() as session:
        periods, everyone = _figures(session, school)
        assert school.id is not None
        only_ben = attendance_figures(session, school_id=school.id, periods=periods,
                                      student_ids=[ben])
    assert set(everyone) == {amy, ben}
    assert set(only_ben) == {ben} and only_ben[ben] == everyone[ben]
