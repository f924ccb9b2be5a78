"""A school's on-call list for urgent alerts (issue 19 item 1): its leads then its admins until an
admin sets an order; then that order, only active leads and admins of the school, never nobody;
set through the school's settings (validated, audited)."""

from __future__ import annotations

import re

import pytest
from sqlmodel import Session, col, select

from conversations.types import Urgency
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.escalations import first_recipients, pass_on, raise_escalation
from store.models.audit import AuditEntry
from store.models.schools import School
from store.models.staff import StaffSchool, StaffUser
from store.on_call import on_call_candidates, on_call_list
from store.school_settings import change_settings, school_settings
from store.staff import add_user, deactivate_user
from store.staff_accounts import change_role

PEOPLE = {"dee": "dsl", "ada": "admin", "dan": "dsl", "oli": "officer"}


def _email(name: str) -> str:
    return f"{name}@example.org"


@pytest.fixture
def school_id(each_db: Database, clock: FakeClock) -> int:
    """A school with two DSLs (Dee, then Dan), an admin (Ada) and an officer (Oli), and a
    second school with a DSL of its own."""
    with each_db.transaction() as session:
        school, other = School(name="Kestrel Vale Academy"), School(name="Birch School")
        session.add_all([school, other])
        session.flush()
        assert school.id is not None and other.id is not None
        for name, role in PEOPLE.items():
            add_user(session, clock, email=_email(name), name=name.title(), role=role,
                     school_ids=[school.id])
        add_user(session, clock, email=_email("bea"), name="Bea", role="dsl",
                 school_ids=[other.id])
        return school.id


def _names(users: list[StaffUser]) -> list[str]:
    return [user.email.split("@")[0] for user in users]


def _set(session: Session, clock: FakeClock, school_id: int, names: list[str]) -> None:
    change_settings(session, clock, school_id=school_id, actor="staff:1",
                    changes={"on_call": [_email(n) for n in names]})


def test_until_an_order_is_set_the_leads_come_first_then_the_admins(
        each_db: Database, school_id: int) -> None:
    with each_db.transaction() as session:
        assert _names(on_call_list(session, school_id)) == ["dee", "dan", "ada"]
        assert _names(first_recipients(session, school_id)) == ["dee", "dan"]
        assert _names(on_call_candidates(session, school_id)) == ["ada", "dan", "dee"]
        assert school_settings(session, session.get(School, school_id))["on_call"] == [
            _email("dee"), _email("dan"), _email("ada")]


def test_an_order_set_is_the_order_and_someone_left_off_is_not_called(
        each_db: Database, clock: FakeClock, school_id: int) -> None:
    with each_db.transaction() as session:
        _set(session, clock, school_id, ["ada", "dee"])
    with each_db.transaction() as session:
        assert _names(on_call_list(session, school_id)) == ["ada", "dee"]
        # The first person holds it and is told at once, with every lead on the list.
        assert _names(first_recipients(session, school_id)) == ["ada", "dee"]
        escalation = raise_escalation(session, clock, school_id=school_id,
                                      urgency=Urgency.URGENT, why="test", notify=False)
        ada = session.exec(select(StaffUser).where(StaffUser.email == _email("ada"))).one()
        assert escalation.assigned_user_id == ada.id
        escalation.notices_sent = 1
        assert _names(pass_on(session, clock, escalation, ack_minutes=10)) == ["dee"]
        entry = session.exec(select(AuditEntry).where(
            AuditEntry.action == "school.setting.on_call")).one()
        assert (entry.old_value, entry.new_value) == (
            f"{_email('dee')},{_email('dan')},{_email('ada')}", f"{_email('ada')},{_email('dee')}")


def test_the_same_list_again_changes_nothing_and_keeps_the_default(
        each_db: Database, clock: FakeClock, school_id: int) -> None:
    with each_db.transaction() as session:
        _set(session, clock, school_id, ["dee", "dan", "ada"])
        ranks = session.exec(select(StaffSchool.on_call_rank)).all()
        assert set(ranks) == {None}
        assert not session.exec(select(AuditEntry).where(
            col(AuditEntry.action).startswith("school.setting"))).all()


def test_someone_deactivated_or_no_longer_a_lead_drops_off_and_never_nobody(
        each_db: Database, clock: FakeClock, school_id: int) -> None:
    with each_db.transaction() as session:
        _set(session, clock, school_id, ["dan", "ada"])
        users = {u.email: u.id or 0 for u in session.exec(select(StaffUser))}
        deactivate_user(session, clock, user_id=users[_email("dan")])
        assert _names(on_call_list(session, school_id)) == ["ada"]
        change_role(session, clock, user_id=users[_email("ada")], role="officer", actor="test")
        # Nobody set is left: the school's leads and admins again (Dee), never nobody.
        assert _names(on_call_list(session, school_id)) == ["dee"]


@pytest.mark.parametrize(("names", "why"), [
    ([], "needs at least one person"),
    (["dee", "DEE"], "more than once"),
    (["dee", "oli"], "oli@example.org cannot be on call here"),
    (["bea"], "bea@example.org cannot be on call here"),  # another school's lead
    (["nobody"], "nobody@example.org cannot be on call here"),
])
def test_a_bad_list_says_why_and_changes_nothing(
        each_db: Database, clock: FakeClock, school_id: int, names: list[str],
        why: str) -> None:
    with pytest.raises(InvalidInput, match=re.escape(why)), \
            each_db.transaction() as session:
        change_settings(session, clock, school_id=school_id, actor="staff:1", changes={
            "name": "Renamed", "on_call": [_email(n) for n in names]})
    with each_db.transaction() as session:
        assert session.get(School, school_id).name == "Kestrel Vale Academy"  # type: ignore[union-attr]
        assert _names(on_call_list(session, school_id)) == ["dee", "dan", "ada"]
