"""The Wonde connector against a loopback fake of Wonde's API that enforces its shapes:
bearer auth, pages, `updated_after`, includes, a request rate limit, and write-back
refusals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from scheduling.mis.wonde import (
    WondeConnector,
    mark_record,
    session_attendance,
    student_record,
)
from store.errors import MisAccessRefused
from store.mis_records import Cursors, PushRecord
from tests.fakes.virtual_time import VirtualTime
from tests.fakes.wonde_school import fixture, seed_from_fixtures, seed_school
from tests.fakes.wonde_server import SCHOOL, TOKEN, FakeWonde

MONDAY = date(2026, 11, 23)


def connector(fake: FakeWonde, *, token: str = TOKEN) -> WondeConnector:
    return WondeConnector(base_url=fake.base_url, token=token, school=SCHOOL)


def test_a_full_pull_reads_students_contacts_codes_and_marks_as_wonde_shapes_them(
        wonde: FakeWonde) -> None:
    seed_from_fixtures(wonde)
    pull = connector(wonde).pull(Cursors())
    amy, ben = sorted(pull.students, key=lambda s: s.mis_id)
    # Legal names first, the preferred one beside them; nested year, form group and UPN kept.
    assert (amy.ref, amy.mis_id, amy.first_name, amy.preferred_name, amy.last_name) == (
        "A1749191433", "9919", "Amelia", "Amy", "Pryce")
    assert (amy.upn, amy.year_group, amy.reg_group) == ("A123456789012", "Year 6", "6P")
    jane, owen = amy.links
    assert (jane.contact.ref, jane.contact.external_id, jane.contact.name) == (
        "A1500000001", "40001", "Jane Pryce")
    assert jane.contact.phones[0] == "07700 900108"  # the mobile before the landline
    assert (jane.relationship, jane.priority, jane.parental_responsibility) == ("Mother", 1, True)
    assert owen.parental_responsibility is None  # not stated: unknown, never assumed yes
    assert owen.contact.email == "owen.pryce@example.org"
    assert ben.links[0].contact.ref == jane.contact.ref  # siblings share their mother
    assert {c.code for c in pull.codes} >= {"/", "N", "I", "M"}
    # The PM row has no code yet: no mark, not an error.
    assert [(m.student_ref, m.session, m.code_ref) for m in pull.marks] == [
        ("A1749191433", "AM", "A1300000004"), ("A1749191434", "AM", "A1300000001")]
    assert pull.cursors.students == "2026-11-20 16:02:11"  # newest seen, less a second


def test_every_page_is_read_until_wonde_says_there_are_no_more(wonde: FakeWonde) -> None:
    seed_school(wonde, students=450, day=MONDAY)
    pull = connector(wonde).pull(Cursors())
    assert len(pull.students) == 450 and len({s.ref for s in pull.students}) == 450
    assert len(pull.marks) == 450
    # codes 1 page, students 3 pages of 200, marks 3 pages.
    assert pull.requests == 7


def test_pages_that_give_only_next_are_followed_too(wonde: FakeWonde) -> None:
    seed_school(wonde, students=450, day=MONDAY)
    wonde.with_more = False
    assert len(connector(wonde).pull(Cursors()).students) == 450


def test_a_delta_asks_only_for_what_changed_after_the_cursor(wonde: FakeWonde) -> None:
    moments = iter(datetime(2026, 11, 23, 8, 0, tzinfo=UTC) + timedelta(seconds=10 * n)
                   for n in range(100_000))
    wonde.now = lambda: next(moments)
    seed_school(wonde, students=30, day=MONDAY)
    first = connector(wonde).pull(Cursors())
    wonde.set_mark("S000000003", MONDAY, "AM", "L")
    wonde.update_contact("P000000070", title="Dr")
    delta = connector(wonde).pull(first.cursors)
    # S29's mark was the newest at the cursor: the one-second overlap reads it again (writing
    # it again changes nothing); nothing older comes back.
    assert {m.student_ref for m in delta.marks} == {"S000000003", "S000000029"}
    assert [c.ref for c in delta.contacts] == ["P000000070"]
    assert [s.ref for s in delta.students] == ["S000000029"]  # the overlap again
    assert (delta.codes, delta.requests) == ([], 3)  # codes known: not asked for again
    wonde.add_code("Y4")  # a code the school starts using today
    wonde.set_mark("S000000004", MONDAY, "AM", "Y4")
    again = connector(wonde).pull(delta.cursors)
    assert "Y4" in {c.code for c in again.codes}


def test_our_own_pace_keeps_under_the_limit_so_wonde_refuses_nothing(
        wonde: FakeWonde) -> None:
    seed_school(wonde, students=450, day=MONDAY)
    wonde.rate_limit = 5
    time = VirtualTime()  # the fake's limit and the client's pace on one clock: no real waits
    wonde.monotonic = time.monotonic
    paced = WondeConnector(base_url=wonde.base_url, token=TOKEN, school=SCHOOL,
                           requests_per_second=2.5, sleep=time.sleep, monotonic=time.monotonic)
    assert len(paced.pull(Cursors()).students) == 450
    assert wonde.limited == 0
    assert time.slept and all(wait == pytest.approx(0.4) for wait in time.slept)  # 2.5 a second


def test_a_token_wonde_refuses_stops_the_pull_at_once(wonde: FakeWonde) -> None:
    seed_from_fixtures(wonde)
    with pytest.raises(MisAccessRefused):
        connector(wonde, token="not-the-token").pull(Cursors())
    assert wonde.requests == 1  # no retries of a refusal


def test_server_errors_and_the_rate_limit_are_waited_out(wonde: FakeWonde) -> None:
    seed_school(wonde, students=150, day=MONDAY)  # one page each of codes, students, marks
    wonde.next_statuses = [503, 500]
    # One request a second: each page asked for straight after the one before is refused
    # until the client has waited Wonde's Retry-After (on a virtual clock: counted, not spent).
    wonde.rate_limit = 1
    time = VirtualTime()
    wonde.monotonic = time.monotonic
    pull = WondeConnector(base_url=wonde.base_url, token=TOKEN, school=SCHOOL,
                          sleep=time.sleep, monotonic=time.monotonic).pull(Cursors())
    assert (len(pull.students), len(pull.marks)) == (150, 150)
    assert wonde.limited > 0  # the fake did refuse some: the client waited and asked again
    assert len(time.slept) == 2 + wonde.limited  # each 5xx and each 429 waited out once
    assert sum(wait >= 1.0 for wait in time.slept) >= wonde.limited  # never under Retry-After


def test_the_fake_refuses_an_unknown_include_and_a_malformed_date(wonde: FakeWonde) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    url = f"{wonde.base_url}/schools/{SCHOOL}/students"
    assert httpx.get(url, params={"include": "shoe_size"}, headers=headers).status_code == 400
    assert httpx.get(url, params={"updated_after": "yesterday"},
                     headers=headers).status_code == 400


def record(push_id: int, student: str, code_ref: str, *, session: str = "AM") -> PushRecord:
    return PushRecord(push_id, student, MONDAY, session, code_ref, "rollcall: illness")


def test_a_batch_is_written_and_its_writeback_id_kept(wonde: FakeWonde) -> None:
    seed_from_fixtures(wonde)
    illness = "A1300000005"
    results = connector(wonde).push([record(1, "A1749191433", illness)])
    assert [(r.push_id, r.outcome, r.writeback_id) for r in results] == [(1, "written",
                                                                           "W000000001")]
    assert wonde.mark("A1749191433", MONDAY, "AM") == "I"
    # The request is the shape Wonde's own client builds.
    assert wonde.writebacks[0]["attendance"] == [
        session_attendance(record(1, "A1749191433", illness))]
    assert set(wonde.writebacks[0]["attendance"][0]) == set(
        fixture("writeback-request.json")["attendance"][0])


def test_refused_records_carry_wondes_reason_and_the_rest_are_written(
        wonde: FakeWonde) -> None:
    seed_from_fixtures(wonde)
    illness, present = "A1300000005", "A1300000001"
    wonde.register[("A1749191433", "2026-11-23", "PM")] = {
        **wonde.register[("A1749191434", "2026-11-23", "AM")], "student": "A1749191433",
        "session": "PM", "attendance_code": present}
    results = connector(wonde).push([
        record(1, "A1749191433", "A1309999999"),  # no such code
        record(2, "A1749191434", illness),  # Ben is marked present: the register changed
        record(3, "A1749191433", illness),
        record(4, "A1749191433", illness, session="PM")])  # present since
    by_id = {r.push_id: r for r in results}
    assert by_id[1].outcome == "refused" and "attendance_code_id is invalid" in (
        by_id[1].reason or "")
    assert by_id[2].outcome == "refused" and "register has changed" in (by_id[2].reason or "")
    assert by_id[4].outcome == "refused"
    assert by_id[3].outcome == "written" and by_id[3].writeback_id
    assert len(wonde.written()) == 1


def test_writing_the_same_record_again_is_taken_as_written(wonde: FakeWonde) -> None:
    # A lost answer: we wrote, did not hear back, and try again.
    seed_from_fixtures(wonde)
    first = connector(wonde).push([record(1, "A1749191433", "A1300000005")])
    again = connector(wonde).push([record(1, "A1749191433", "A1300000005")])
    assert first[0].outcome == again[0].outcome == "written"
    assert len(wonde.written()) == 1


def test_the_fake_refuses_an_unknown_field(wonde: FakeWonde) -> None:
    seed_from_fixtures(wonde)
    body = {"attendance": [{**session_attendance(record(1, "A1749191433", "A1300000005")),
                            "reason": "sick"}]}
    response = httpx.post(f"{wonde.base_url}/schools/{SCHOOL}/attendance/session", json=body,
                          headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422
    assert set(response.json()) == set(fixture("writeback-refused.json"))
    assert "attendance.0.reason" in response.json()["errors"]
    assert wonde.writebacks == []


def test_variants_of_the_shapes_are_read_the_same() -> None:
    # Values as other MIS behind Wonde write them: ids as numbers, flags as "Y"/"0", a
    # relationship wrapped like an include, a tutor group, a lower-case session, a plain date.
    student = student_record({
        "id": "A1", "mis_id": 9919, "forename": "Amy", "surname": "Pryce",
        "groups": {"data": [{"name": "6P", "type": "REG_GROUP"}]},
        "contacts": {"data": [{"id": "C1", "forename": "Jane", "surname": "Pryce",
                               "relationship": {"data": {"relationship": "Mother",
                                                         "parental_responsibility": "Y",
                                                         "priority": "1"}}}]}})
    assert (student.mis_id, student.first_name, student.reg_group) == ("9919", "Amy", "6P")
    [link] = student.links
    assert (link.relationship, link.priority, link.parental_responsibility) == (
        "Mother", 1, True)
    mark = mark_record({"student": {"data": {"id": "A1"}}, "session": "pm",
                        "date": "2026-11-23", "attendance_code": {"data": {"id": "C9"}}})
    assert mark is not None and (mark.session, mark.day, mark.code_ref) == ("PM", MONDAY, "C9")
    assert mark_record({"student": "A1", "session": "L3", "date": "2026-11-23",
                        "attendance_code": "C9"}) is None  # a lesson: not a session mark
