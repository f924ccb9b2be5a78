"""Running one replay script on a fresh temporary store, step by step."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.replay.expectations import Expectations
from bot.replay.script import Script, ScriptError, Step
from bot.replay.world import World

EXPECTATIONS = ("expect_sent", "expect_not_sent", "expect_mark", "expect_escalation",
                "expect_no_escalation", "expect_conversation", "expect_notice", "expect_event",
                "expect_certification")


@dataclass(slots=True)
class Failure:
    step: Step
    expected: str
    happened: str


@dataclass(slots=True)
class Outcome:
    script: Script
    failures: list[Failure] = field(default_factory=list)
    transcript: list[dict[str, Any]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures


def run_script(script: Script, *, keep_going: bool = False) -> Outcome:
    """Run every step; stop at the first failed expectation unless `keep_going`."""
    with tempfile.TemporaryDirectory(prefix="rollcall-replay-") as scratch:
        world = World.create(script, Path(scratch))
        try:
            return _run_steps(script, world, keep_going=keep_going)
        finally:
            world.close()


def _run_steps(script: Script, world: World, *, keep_going: bool) -> Outcome:
    outcome = Outcome(script)
    expectations = Expectations(students=world.ids.students, contacts=world.ids.contacts,
                                users=world.ids.users, school=world.ids.school)
    for step in script.steps:
        if step.kind in EXPECTATIONS:
            with world.database.transaction() as session:
                problem = getattr(expectations, step.kind)(session, step.value or {})
            if problem:
                outcome.failures.append(Failure(step, describe(step), problem))
                if not keep_going:
                    break
            continue
        _act(script, world, step)
    outcome.transcript = world.transcript()
    return outcome


def _act(script: Script, world: World, step: Step) -> None:
    value = step.value
    if step.kind == "at":
        world.move_clock_to(_local_time(script, world, step))
    elif step.kind == "run":
        world.run(str(value))
    elif step.kind == "receive":
        world.receive(sender=value["from"], channel=value["channel"], text=str(value["text"]),
                      media=_opt(value.get("media")))
    elif step.kind == "press":
        world.press(sender=value["from"], channel=value["channel"], button=str(value["button"]))
    elif step.kind == "attendance":
        world.change_attendance(event=str(value["event"]), student=str(value["student"]),
                                status=str(value["status"]))
    elif step.kind == "mark":
        world.change_mark(student=str(value["student"]), day=_date(value["date"]),
                          session=str(value["session"]), code=str(value["code"]))
    elif step.kind == "staff":
        world.staff(action=str(value["action"]), student=_opt(value.get("student")),
                    user=_opt(value.get("user")), text=_opt(value.get("text")),
                    code=_opt(value.get("code")))
    world.settle()


def _local_time(script: Script, world: World, step: Step) -> datetime:
    """The wall-clock time an `at:` step names, as an aware datetime in the school's zone."""
    zone = ZoneInfo(script.school.timezone)
    value = step.value
    today = world.local_now().date()
    if isinstance(value, int) and not isinstance(value, bool):
        moment = datetime.combine(today, time(0)) + timedelta(minutes=value)
    elif isinstance(value, datetime):
        moment = value.replace(tzinfo=None)
    elif isinstance(value, date):
        moment = datetime.combine(value, time(0))
    elif len(str(value)) <= 8:
        moment = datetime.combine(today, time.fromisoformat(str(value)))
    else:
        moment = datetime.fromisoformat(str(value)).replace(tzinfo=None)
    aware = moment.replace(tzinfo=zone)
    if aware < world.local_now():
        raise ScriptError(script.path, step.line,
                          f"'at: {value}' would move the clock backwards")
    return aware


def describe(step: Step) -> str:
    fields = {k: v for k, v in (step.value or {}).items() if k != "__line__"}
    return f"{step.kind} {fields}"


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)
