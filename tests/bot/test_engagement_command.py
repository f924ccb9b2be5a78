"""`rollcall engagement run` and `rollcall school set --rule` on a real store: the institution's
rules changed without SQL, and the statuses recomputed by hand (safe to repeat)."""

from __future__ import annotations

import pytest

from store.clock import SystemClock
from store.database import Database
from store.errors import InvalidInput
from tests.bot import test_cli
from tests.bot.test_cli import rollcall
from tests.store.engagement_world import DAY, add_student, always, build

store_url = test_cli.store_url  # the CLI tests' store, at the newest migration


def test_rules_set_from_the_command_line_then_the_statuses_recomputed(
        store_url: str, db: Database) -> None:
    world = build(db, SystemClock())
    add_student(db, world, "Amy", always("present"))
    add_student(db, world, "Ben", lambda n, e: "absent" if n % 4 == 0 else "present")  # 75%
    school = str(world.school_id)
    code, out = rollcall(store_url, "school", "set", school, "--rule",
                         "engagement_min_percent=80", "--rule", "engagement_missed_in_module=0")
    assert code == 0, out
    assert "engagement_min_percent: 75.0 -> 80.0" in out and "2 setting(s) changed" in out
    code, out = rollcall(store_url, "school", "show", school)
    assert "engagement_min_percent\t80.0" in out and "visa_missed_in_row\t10" in out

    code, out = rollcall(store_url, "engagement", "run", "--school", school, "--day",
                         DAY.isoformat())
    assert code == 0, out
    assert (f"school {school} {DAY} engagement: 2 students with attendance, 1 meeting a rule; "
            "moved: at_risk 1; tasks 1") in out
    code, again = rollcall(store_url, "engagement", "run", "--school", school, "--day",
                           DAY.isoformat())
    assert code == 0 and "moved: none; tasks 0" in again


def test_a_bad_rule_is_one_clear_line_and_changes_nothing(store_url: str, db: Database) -> None:
    world = build(db, SystemClock())
    school = str(world.school_id)
    with pytest.raises(InvalidInput, match="engagement_weeks must be a whole number from 1 to 52"):
        rollcall(store_url, "school", "set", school, "--rule", "engagement_weeks=0",
                 "--rule", "visa_min_percent=80")
    with pytest.raises(InvalidInput, match="--rule takes NAME=VALUE"):
        rollcall(store_url, "school", "set", school, "--rule", "name=Evil")
    _, out = rollcall(store_url, "school", "show", school)
    assert "engagement_weeks\t4" in out and "visa_min_percent\t0.0" in out
    assert "name\tFenwick University" in out


def test_a_school_has_no_engagement_statuses(store_url: str, db: Database) -> None:
    world = build(db, SystemClock(), setting="school")
    code, out = rollcall(store_url, "engagement", "run", "--school", str(world.school_id))
    assert code == 0 and "not a college or university" in out
