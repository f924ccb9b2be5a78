"""The weekly casework pass over a school whose students stand at every rung of the default
ladder: letters drafted for approval on crossing (one per family, never one per rung passed),
nothing again while a student stays put, a thank-you on recovery, the framework's review task
(never a letter or a penalty), and letters only to contacts known to hold parental
responsibility. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlmodel import col, select

from bot.settings import Settings
from scheduling.casework import (
    REVIEW_INTENT,
    CaseworkReport,
    add_casework,
    casework_pass,
    mentions_penalty,
    needs_approval,
)
from scheduling.casework_letters import written_letter
from scheduling.scheduler import build_scheduler
from store.casework_ladder import DEFAULT_LADDER, Stage, save_ladder, school_ladder
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models.casework import CaseworkCase, CaseworkLetter
from store.models.escalations import Escalation
from store.models.marks import Mark
from store.models.outbound import Run
from tests.fonts import needs_fonts
from tests.scheduling.casework_world import FRIDAY, NEXT_FRIDAY, SchoolWorld, sessions, weekdays


def _letters(db: Database) -> list[CaseworkLetter]:
    with db.transaction() as session:
        letters = list(session.exec(select(CaseworkLetter).order_by(col(CaseworkLetter.id))))
        for letter in letters:
            session.expunge(letter)
        return letters


def _pass(db: Database, clock: FakeClock, school_id: int, day: date = FRIDAY) -> CaseworkReport:
    return casework_pass(db, clock, school_id=school_id, day=day, rolling_weeks=6)


def test_each_student_gets_the_letter_of_the_rung_they_reached(each_db: Database,
                                                               clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        students = {
            "Amy": school.student("Amy", sessions(47, 3), school.family("Ann")),  # 94%
            "Ben": school.student("Ben", sessions(46, 4), school.family("Bea")),  # 92%
            "Cy": school.student("Cy", sessions(45, 5), school.family("Col")),  # 90%
            "Dee": school.student("Dee", sessions(49, 1), school.family("Dot")),  # 98%
        }
    report = _pass(each_db, clock, school.id)
    assert (report.outcome, dict(report.crossed), report.drafted, report.approved) == (
        "done", {"friendly": 1, "concern": 1, "persistent": 1}, 3, 0)
    letters = {tuple(letter.student_ids): letter for letter in _letters(each_db)}
    assert {ids: (letter.stage, letter.status, letter.template)
            for ids, letter in letters.items()} == {
        (students["Amy"],): ("friendly", "draft", "letter.friendly"),
        (students["Ben"],): ("concern", "draft", "letter.concern"),
        (students["Cy"],): ("persistent", "draft", "letter.persistent")}
    cy = json.loads(letters[(students["Cy"],)].figures)[str(students["Cy"])]
    assert cy == {"stage": "persistent", "period": "year", "attended": 45, "authorised": 5,
                  "unauthorised": 0, "possible": 50, "percent": 90.0,
                  "threshold": 90.0}
    # The same day again is the same pass; a week later, nobody has crossed anything new.
    assert _pass(each_db, clock, school.id).outcome == "already"
    again = _pass(each_db, clock, school.id, NEXT_FRIDAY)
    assert (again.outcome, dict(again.crossed), again.drafted) == ("done", {}, 0)
    assert len(_letters(each_db)) == 3
    with each_db.transaction() as session:
        runs = [(run.day, run.kind) for run in session.exec(select(Run))]
    assert runs == [(FRIDAY, "casework"), (NEXT_FRIDAY, "casework")]


def test_siblings_get_one_letter_at_the_more_severe_rung(each_db: Database,
                                                         clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        mum = school.family("Mum", language="pl")
        amy = school.student("Amy", sessions(47, 3), mum)  # 94%: friendly
        ben = school.student("Ben", sessions(44, 6, "O"), mum)  # 88%: persistent
    _pass(each_db, clock, school.id)
    [letter] = _letters(each_db)
    assert (sorted(letter.student_ids), letter.stage, letter.contact_id, letter.language) == (
        sorted([amy, ben]), "persistent", mum, "pl")
    both = json.loads(letter.figures)
    assert {both[str(amy)]["stage"], both[str(ben)]["stage"]} == {"friendly", "persistent"}


def test_letters_go_only_to_known_parental_responsibility(each_db: Database,
                                                          clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        barred = school.family("Barred", no_contact=True)
        unknown = school.family("Unknown", pr=None)
        no_pr = school.family("Childminder", pr=False)
        gran = school.family("Gran")
        amy = school.student("Amy", sessions(45, 5), barred, unknown, no_pr, gran)
        ben = school.student("Ben", sessions(45, 5), barred, unknown, no_pr)
    report = _pass(each_db, clock, school.id)
    letters = {tuple(letter.student_ids): letter for letter in _letters(each_db)}
    assert (letters[(amy,)].contact_id, letters[(amy,)].status) == (gran, "draft")
    assert (letters[(ben,)].contact_id, letters[(ben,)].status) == (None, "withheld")
    assert (report.drafted, report.withheld) == (1, 1)


def test_recovery_brings_a_thank_you_and_the_rung_below(each_db: Database,
                                                           clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        amy = school.student("Amy", sessions(45, 5), school.family("Ann"))  # 90%
        ben = school.student("Ben", sessions(45, 5), school.family("Bea"))  # 90%
    _pass(each_db, clock, school.id)
    with each_db.transaction() as session:
        # A week of full attendance: 55 of 60 sessions, 91.7%, above 91 (the rung's 90 and the
        # improvement margin's 1 point).
        late = [(day, half, "/") for day in weekdays(5, last=NEXT_FRIDAY)
                for half in ("AM", "PM")]
        session.add_all([Mark(school_id=school.id, student_id=student, day=day, session=half,
                              code=code) for student in (amy, ben) for day, half, code in late])
    report = _pass(each_db, clock, school.id, NEXT_FRIDAY)
    assert report.recovered == 2
    thanks = [letter for letter in _letters(each_db) if letter.stage == "improved"]
    assert len(thanks) == 2 and {t.template for t in thanks} == {"letter.improved"}
    with each_db.transaction() as session:
        cases = {c.student_id: c.stage for c in session.exec(select(CaseworkCase))}
    # 91.7% is still under 93%: they stand on the concern rung now, with no letter for it.
    assert cases == {amy: "concern", ben: "concern"}


def test_a_new_joiner_with_too_few_sessions_is_on_no_rung(each_db: Database,
                                                          clock: FakeClock) -> None:
    # One absence in a new joiner's first two sessions is "50%", which says nothing yet: no
    # rung, no letter, until they have the minimum number of possible sessions.
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        new = school.student("New", sessions(1, 1), school.family("Ann"))
        nine = school.student("Nine", sessions(5, 4), school.family("Bea"))
        ten = school.student("Ten", sessions(6, 4), school.family("Col"))
    report = _pass(each_db, clock, school.id)
    assert (dict(report.crossed), report.drafted) == ({"persistent": 1}, 1)
    assert [letter.student_ids for letter in _letters(each_db)] == [[ten]]
    with each_db.transaction() as session:
        placed = {c.student_id for c in session.exec(select(CaseworkCase))}
    assert new not in placed and nine not in placed


def test_a_term_rung_is_not_left_on_the_first_days_of_a_new_term(each_db: Database,
                                                                  clock: FakeClock) -> None:
    concern = Stage("concern", "below", "letter", percent=93.0, period="term",
                    template="letter.concern")
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(concern, DEFAULT_LADDER[-1]))
        amy = school.student("Amy", sessions(45, 5), school.family("Ann"))  # 90% this term
    _pass(each_db, clock, school.id)
    new_term = date(2027, 1, 8)  # a Friday: the term began on the Monday (no term rows)
    with each_db.transaction() as session:
        session.add_all([Mark(school_id=school.id, student_id=amy, day=day, session="AM",
                              code="/") for day in weekdays(4, last=new_term)])
    report = _pass(each_db, clock, school.id, new_term)
    assert (report.recovered, len(_letters(each_db))) == (0, 1)  # 4 of 4 is not a recovery


def test_the_letter_quotes_the_threshold_the_school_set(each_db: Database,
                                                        clock: FakeClock) -> None:
    own = Stage("concern", "below", "letter", percent=96.0, template="letter.concern")
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(own,))
        amy = school.student("Amy", sessions(47, 3), school.family("Ann"))  # 94%
    _pass(each_db, clock, school.id)
    [letter] = _letters(each_db)
    assert json.loads(letter.figures)[str(amy)]["threshold"] == 96.0
    with each_db.transaction() as session:
        school_name = "Hillside Academy"
        written = written_letter(session, letter, school=school_name)
        # A draft kept before thresholds were: the rung's threshold in the ladder now.
        letter.figures = json.dumps({str(amy): {
            key: value for key, value in json.loads(letter.figures)[str(amy)].items()
            if key != "threshold"}})
        older = written_letter(session, letter, school=school_name)
    assert "now below 96%" in written.paragraphs[1] and "93" not in written.paragraphs[1]
    assert older.paragraphs[1] == written.paragraphs[1]


def test_a_student_just_above_the_rung_stays_on_it(each_db: Database, clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        amy = school.student("Amy", sessions(45, 5), school.family("Ann"))  # 90%
    _pass(each_db, clock, school.id)
    with each_db.transaction() as session:
        # Five more present sessions: 50/55 = 90.9%, above 90 but not a point above it.
        session.add_all([Mark(school_id=school.id, student_id=amy, day=NEXT_FRIDAY - timedelta(
            days=n), session="AM", code="/") for n in range(5)])
    report = _pass(each_db, clock, school.id, NEXT_FRIDAY)
    assert (report.recovered, dict(report.crossed)) == (0, {})
    assert len(_letters(each_db)) == 1


def test_the_framework_raises_a_staff_review_once_and_never_writes(each_db: Database,
                                                                   clock: FakeClock) -> None:
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        # 10 unauthorised sessions (G, O, U, unexplained N) within ten school weeks; 160 of 170
        # sessions this school year is 94.1%, which is the friendly rung's, not the framework's.
        marks = sessions(170, 0)
        for n, code in enumerate(["G", "G", "O", "O", "U", "U", "N", "N", "N", "G"]):
            day, half, _ = marks[-1 - n * 7]
            marks[-1 - n * 7] = (day, half, code)
        amy = school.student("Amy", marks, school.family("Ann"))
    report = _pass(each_db, clock, school.id)
    assert (report.reviews, dict(report.crossed), report.drafted) == (1, {"friendly": 1}, 1)
    with each_db.transaction() as session:
        [review] = session.exec(select(Escalation)).all()
        assert (review.intent, review.student_id, review.urgency, review.status) == (
            REVIEW_INTENT, amy, "normal", "open")
        assert "10 unauthorised sessions in 10 school weeks" in review.why
    assert [letter.stage for letter in _letters(each_db)] == ["friendly"]
    # Next week the count is still over 10, but the review was raised inside this window.
    assert _pass(each_db, clock, school.id, NEXT_FRIDAY).reviews == 0


@needs_fonts
def test_an_automatic_rung_is_approved_at_once_unless_its_letter_speaks_of_penalties(
        each_db: Database, clock: FakeClock) -> None:
    friendly = Stage("friendly", "below", "letter", percent=95.0,
                     template="letter.friendly", automatic=True)
    with each_db.transaction() as session:
        school = SchoolWorld(session)
        save_ladder(session, school_id=school.id, ladder=(friendly,))
        school.student("Amy", sessions(47, 3), school.family("Ann"))
        assert school_ladder(session, school_id=school.id) == (friendly,)
    report = _pass(each_db, clock, school.id)
    assert (report.approved, report.drafted) == (1, 0)
    # Approved without a person, and so sent by the same pass.
    assert [(letter.status, letter.needs_approval) for letter in _letters(each_db)] == [
        ("sent", False)]
    unknown = Stage("x", "below", "letter", percent=95.0, template="no.such", automatic=True)
    assert needs_approval(unknown) and not needs_approval(friendly)


@pytest.mark.parametrize(("text", "penalty"), [
    ("The school may ask the local authority to issue a penalty notice.", True),
    ("Parents can be fined for unauthorised holidays.", True),
    ("This may lead to prosecution in the magistrates' court.", True),
    ("A Fine of 80 pounds per parent.", True),
    ("Thank you! The attendance of Amy has improved.", False),
    ("We hope Amy is feeling fine now.", True),  # a false alarm costs one approval, no more
])
def test_a_letter_speaking_of_penalties_always_needs_approval(text: str, penalty: bool) -> None:
    assert mentions_penalty(text) is penalty


@pytest.mark.parametrize("stage", [
    Stage("framework", "framework", "letter", sessions=10, template="letter.concern"),
    Stage("framework", "framework", "review_task", sessions=10, automatic=True),
    Stage("framework", "framework", "review_task", sessions=0),
    Stage("odd", "below", "letter", percent=120.0, template="letter.concern"),
    Stage("odd", "below", "letter", percent=90.0),
    Stage("odd", "sideways", "letter", percent=90.0, template="letter.concern"),
])
def test_a_bad_rung_is_refused_and_nothing_changes(db: Database, stage: Stage) -> None:
    with db.transaction() as session:
        school = SchoolWorld(session)
    with pytest.raises(InvalidInput), db.transaction() as session:
        save_ladder(session, school_id=school.id, ladder=(DEFAULT_LADDER[0], stage))
    with db.transaction() as session:
        assert school_ladder(session, school_id=school.id) == DEFAULT_LADDER


def test_the_pass_is_on_the_scheduler_weekly_in_the_schools_timezone(
        db: Database, clock: FakeClock) -> None:
    with db.transaction() as session:
        school = SchoolWorld(session)
    settings = Settings(database_url=db.url)
    scheduler = build_scheduler(db, clock)
    add_casework(scheduler, db, clock, settings)
    job = scheduler.get_job(f"casework:{school.id}")
    assert job is not None
    fields = {f.name: str(f) for f in job.trigger.fields}
    assert (fields["day_of_week"], fields["hour"], fields["minute"]) == ("fri", "15", "30")
    assert str(job.trigger.timezone) == "Europe/London"
