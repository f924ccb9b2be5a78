"""A school's settings without SQL: validated as a whole, audited one by one, read by the next
run (issue 19 item 1)."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from sqlmodel import col, select

from scheduling.runs import start_run
from scheduling.scheduler import daily_times
from store import calendar
from store.clock import FakeClock
from store.database import Database
from store.errors import InvalidInput
from store.models.audit import AuditEntry
from store.models.schools import School
from store.school_settings import change_settings, school_settings
from store.schools import add_school

ST_ANDREWS_DAY = date(2026, 11, 30)  # a Monday: a bank holiday in Scotland only


def _school(db: Database, clock: FakeClock) -> int:
    with db.transaction() as session:
        school, _ = add_school(session, clock, name="Kestrel Vale Academy")
        assert school.id is not None
        return school.id


def _settings(db: Database, school_id: int) -> dict[str, object]:
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None
        return school_settings(session, school)


def _audited(db: Database) -> list[tuple[str, str | None, str | None, str]]:
    with db.transaction() as session:
        rows = session.exec(select(AuditEntry).where(
            col(AuditEntry.action).startswith("school.setting.")).order_by(col(AuditEntry.id)))
        return [(r.action, r.old_value, r.new_value, r.actor) for r in rows]


def test_settings_change_together_each_audited_and_an_unchanged_one_is_no_change(
        db: Database, clock: FakeClock) -> None:
    school_id = _school(db, clock)
    with db.transaction() as session:
        done = change_settings(session, clock, school_id=school_id, actor="cli", changes={
            "name": "Kestrel Vale Academy", "nation": "wales", "absence_run_at": "09:45",
            "quiet_start": "21:00", "auto_confirm": "illness", "welsh_bilingual": "yes",
            "sms_sender": "07700 900123"})
    assert [c.setting for c in done] == ["nation", "absence_run_at", "quiet_start",
                                         "auto_confirm", "welsh_bilingual", "sms_sender"]
    settings = _settings(db, school_id)
    assert settings["nation"] == "Wales" and settings["absence_run_at"] == "09:45"
    assert settings["auto_confirm"] == ["illness"] and settings["welsh_bilingual"] is True
    assert settings["sms_sender"] == "+447700900123"
    assert _audited(db)[:2] == [("school.setting.nation", "England", "Wales", "cli"),
                                ("school.setting.absence_run_at", "09:30", "09:45", "cli")]
    assert len(_audited(db)) == 6


@pytest.mark.parametrize(("changes", "why"), [
    ({"nation": "Narnia"}, "England, Wales, Scotland, Northern Ireland"),
    ({"timezone": "Mars/Base"}, "unknown time zone"),
    ({"late_run_at": "25:00"}, "HH:MM"),
    ({"chase_run_at": "09:15"}, "chase_run_at (09:15) must not come before absence_run_at"),
    ({"absence_run_at": "07:00", "register_close": "06:50"}, "falls in quiet hours"),
    ({"quiet_start": "07:30"}, "different times"),
    ({"auto_confirm": ["illness", "holiday"]}, "not holiday"),
    ({"auto_confirm": "religious_observance"}, "not religious_observance"),
    ({"sms_sender": "12"}, "sms_sender must be"),
    ({"welsh_bilingual": "perhaps"}, "yes or no"),
    ({"alert_detail": "everything"}, "full, concern, minimal"),
    ({"colour": "blue"}, "no such setting: colour"),
    ({"name": " "}, "needs a name"),
    ({"max_auto_illness_days": "0"}, "from 1 to 10"),
    ({"settle_minutes": 90}, "from 0 to 60"),
    ({"settle_minutes": "ten"}, "whole number"),
    ({"phone": "0113 496"}, "phone:"),
    ({"email_from": "office at kestrel"}, "not an email address"),
    ({"contact_all_with_pr": "sometimes"}, "yes or no"),
])
def test_a_bad_value_says_why_and_changes_nothing(
        db: Database, clock: FakeClock, changes: dict[str, object], why: str) -> None:
    school_id = _school(db, clock)
    before = _settings(db, school_id)
    with pytest.raises(InvalidInput, match=re.escape(why)), db.transaction() as session:
        change_settings(session, clock, school_id=school_id, actor="api",
                        changes={"name": "Renamed", **changes})
    assert _settings(db, school_id) == before and _audited(db) == []


def test_sms_senders_a_service_sid_and_a_name_are_kept_and_blank_is_ours(
        db: Database, clock: FakeClock) -> None:
    school_id = _school(db, clock)
    for sender in ("MG" + "0123456789abcdef" * 2, "KESTREL", ""):
        with db.transaction() as session:
            change_settings(session, clock, school_id=school_id, actor="cli",
                            changes={"sms_sender": sender})
        assert _settings(db, school_id)["sms_sender"] == (sender or None)


def test_the_next_run_follows_the_new_nation_and_times(db: Database, clock: FakeClock) -> None:
    school_id = _school(db, clock)
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None
        assert calendar.closed_because(session, school, ST_ANDREWS_DAY) is None
        change_settings(session, clock, school_id=school_id, actor="api",
                        changes={"nation": "Scotland", "absence_run_at": "09:40"})
    with db.transaction() as session:
        school = session.get(School, school_id)
        assert school is not None and school.country == "GB-SCT"
        assert daily_times(school)["absence"] == time(9, 40)
    run = start_run(db, clock, school_id=school_id, day=ST_ANDREWS_DAY, kind="absence")
    assert run.outcome.startswith("not a school day: bank holiday")


def test_the_office_number_thresholds_and_senders_without_sql(
        db: Database, clock: FakeClock) -> None:
    school_id = _school(db, clock)
    with db.transaction() as session:
        done = change_settings(session, clock, school_id=school_id, actor="cli", changes={
            "phone": "0113 496 0000", "email_from": "Office@Example.org",
            "max_auto_illness_days": "2", "settle_minutes": 15, "contact_all_with_pr": "yes",
            "call_list_urgent": True})
    assert len(done) == 6
    settings = _settings(db, school_id)
    assert (settings["phone"], settings["email_from"]) == ("+441134960000", "office@example.org")
    assert (settings["max_auto_illness_days"], settings["settle_minutes"]) == (2, 15)
    assert settings["contact_all_with_pr"] is True and settings["call_list_urgent"] is True
