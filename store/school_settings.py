"""A school's settings, changed without SQL: by `rollcall school set`, the REST API or the console.

Every change is checked as a whole before anything is written (a bad value changes nothing and
says why), audited one setting at a time with the old and the new value, and takes effect at
the next run: the runs read the school's row when they fire, and the scheduler re-reads every
school's run times every few minutes (`scheduling.scheduler.add_schools`). The on-call list for
urgent alerts is one of them (`store/on_call.py`), read by the next alert.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from itertools import pairwise
from typing import Any

from sqlmodel import Session

from store.audit import audit
from store.calendar import quiet_at
from store.clock import Clock
from store.engagement_rules import SETTINGS as ENGAGEMENT_SETTINGS
from store.errors import InvalidInput, InvalidSetting, NotFound
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import on_call_list, set_on_call
from store.setting_values import (
    NATION_NAMES,
    NATIONS,
    RUN_TIMES,
    SELF_CERT_LISTS,
    TIMES,
    read_setting,
    shown_reasons,
)

__all__ = ["NATIONS", "NATION_NAMES", "RUN_TIMES", "Change", "change_settings",
           "school_settings"]


@dataclass(frozen=True, slots=True)
class Change:
    """One setting that changed: what it was and what it is now, as shown and audited."""

    setting: str
    old: str
    new: str


def school_settings(session: Session, school: School) -> dict[str, Any]:
    """The settings a school's admin may change, as `rollcall school show` and the API give
    them (times as HH:MM, the nation by name, the on-call list as email addresses in order)."""
    return {
        "name": school.name, "nation": NATION_NAMES.get(school.country, school.country),
        "timezone": school.timezone,
        **{field: f"{getattr(school, field):%H:%M}" for field in TIMES},
        "settle_minutes": school.settle_minutes,
        "auto_confirm": list(school.auto_confirm),
        "max_auto_illness_days": school.max_auto_illness_days,
        "contact_all_with_pr": school.contact_all_with_pr,
        "welsh_bilingual": school.welsh_bilingual, "sms_sender": school.sms_sender,
        "email_from": school.email_from, "phone": school.phone,
        "call_list_urgent": school.call_list_urgent, "alert_detail": school.alert_detail,
        "on_call": [user.email for user in on_call_list(session, school.id)],
        "setting": school.setting, "family_contact": school.family_contact or "",
        "staff_language": school.staff_language or "",
        "self_cert_max_days": school.self_cert_max_days,
        "self_cert_max_per_term": school.self_cert_max_per_term,
        "min_possible_sessions": school.min_possible_sessions,
        **{name: shown_reasons(getattr(school, name), name) for name in SELF_CERT_LISTS},
        **{name: getattr(school, name) for name in ENGAGEMENT_SETTINGS}}


def change_settings(session: Session, clock: Clock, *, school_id: int,
                    changes: Mapping[str, object], actor: str) -> list[Change]:
    """Apply these settings (names as `school_settings` gives them) to the school, all or none;
    returns what actually changed (a value set to what it was is no change)."""
    school = session.get(School, school_id)
    if school is None:
        raise NotFound(f"no school {school_id}")
    before = school_settings(session, school)
    unknown = sorted(set(changes) - set(before))
    if unknown:
        raise InvalidInput(f"no such setting: {', '.join(unknown)} (settings: "
                           f"{', '.join(before)})", problem="no_such_setting",
                           names=", ".join(unknown))
    wanted = {name: read_setting(session, name, value, school)
              for name, value in changes.items()}
    _check_together(school, wanted)
    for name, value in wanted.items():
        if name == "on_call":
            _set_on_call(session, school_id, value, before["on_call"])
        else:
            setattr(school, "country" if name == "nation" else name, value)
    session.add(school)
    after = school_settings(session, school)
    done = [Change(name, _shown(before[name]), _shown(after[name])) for name in wanted
            if before[name] != after[name]]
    for change in done:
        audit(session, clock, actor=actor, action=f"school.setting.{change.setting}",
              entity="school", entity_id=school_id, school_id=school_id, old=change.old,
              new=change.new)
    return done


def _set_on_call(session: Session, school_id: int, people: object, before: list[str]) -> None:
    """The list as named, unless it is the list already (a school on the default list stays
    on it, following its leads and admins as they come and go)."""
    assert isinstance(people, list)
    users: list[StaffUser] = people
    if [user.email for user in users] != before:
        set_on_call(session, school_id=school_id, user_ids=[user.id or 0 for user in users])


def _check_together(school: School, wanted: Mapping[str, object]) -> None:
    """The day's runs in their order, and quiet hours that leave the morning's runs out."""
    at: dict[str, time] = {name: wanted.get(name, getattr(school, name))  # type: ignore[misc]
                           for name in TIMES}
    order = ("register_close", "absence_run_at", "chase_run_at", "call_list_at")
    pairs = [*pairwise(order), ("register_close", "late_run_at")]
    for earlier, later in pairs:
        if at[earlier] > at[later]:
            raise InvalidSetting(f"{later} ({at[later]:%H:%M}) must not come before {earlier} "
                                 f"({at[earlier]:%H:%M})", setting=later, problem="order",
                                 earlier=earlier, at=f"{at[later]:%H:%M}",
                                 earlier_at=f"{at[earlier]:%H:%M}")
    if at["quiet_start"] == at["quiet_end"]:
        raise InvalidSetting("quiet hours must start and end at different times",
                             setting="quiet_end", problem="quiet_same")
    for run in RUN_TIMES[1:]:
        if quiet_at(at[run], start=at["quiet_start"], end=at["quiet_end"]):
            raise InvalidSetting(f"{run} ({at[run]:%H:%M}) falls in quiet hours "
                                 f"({at['quiet_start']:%H:%M}-{at['quiet_end']:%H:%M})",
                                 setting=run, problem="quiet_run", at=f"{at[run]:%H:%M}",
                                 start=f"{at['quiet_start']:%H:%M}",
                                 end=f"{at['quiet_end']:%H:%M}")


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    return "" if value is None else str(value)
