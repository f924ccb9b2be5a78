"""A school's settings, changed without SQL: by `rollcall school set`, the REST API or the console.

Every change is checked as a whole before anything is written (a bad value changes nothing and
says why), audited one setting at a time with the old and the new value, and takes effect at
the next run: the runs read the school's row when they fire, and the scheduler re-reads every
school's run times every few minutes (`scheduling.scheduler.add_schools`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from conversations.policy import may_auto_confirm
from conversations.types import Intent, Policy
from store.audit import audit
from store.calendar import quiet_at
from store.clock import Clock
from store.errors import InvalidInput, NotFound
from store.institutions import check_family_contact, check_setting
from store.models import School
from store.phones import read_phone, region_of
from store.schools import ALERT_DETAILS

# The nations of the UK, each with its own bank holidays (`holidays` subdivisions).
NATIONS = {"england": "GB-ENG", "wales": "GB-WLS", "scotland": "GB-SCT",
           "northern ireland": "GB-NIR"}
NATION_NAMES = {code: name.title() for name, code in NATIONS.items()}
RUN_TIMES = ("register_close", "absence_run_at", "late_run_at", "chase_run_at", "call_list_at",
             "pm_absence_run_at")
# Twilio's senders: a Messaging Service SID, or an alphanumeric sender ID (up to 11 letters,
# digits and spaces, at least one letter); a phone number is read as one.
_SERVICE_SID = re.compile(r"MG[0-9a-f]{32}")
_ALPHANUMERIC = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}")


@dataclass(frozen=True, slots=True)
class Change:
    """One setting that changed: what it was and what it is now, as shown and audited."""

    setting: str
    old: str
    new: str


def school_settings(school: School) -> dict[str, Any]:
    """The settings a school's admin may change, as `rollcall school show` and the API give
    them (times as HH:MM, the nation by name)."""
    values: dict[str, Any] = {
        "name": school.name, "nation": NATION_NAMES.get(school.country, school.country),
        "timezone": school.timezone,
        **{field: f"{getattr(school, field):%H:%M}" for field in RUN_TIMES},
        "quiet_start": f"{school.quiet_start:%H:%M}", "quiet_end": f"{school.quiet_end:%H:%M}",
        "auto_confirm": list(school.auto_confirm), "welsh_bilingual": school.welsh_bilingual,
        "sms_sender": school.sms_sender, "alert_detail": school.alert_detail,
        "setting": school.setting, "family_contact": school.family_contact or ""}
    return values


def change_settings(session: Session, clock: Clock, *, school_id: int,
                    changes: Mapping[str, object], actor: str) -> list[Change]:
    """Apply these settings (names as `school_settings` gives them) to the school, all or none;
    returns what actually changed (a value set to what it was is no change)."""
    school = session.get(School, school_id)
    if school is None:
        raise NotFound(f"no school {school_id}")
    unknown = sorted(set(changes) - set(school_settings(school)))
    if unknown:
        raise InvalidInput(f"no such setting: {', '.join(unknown)} (settings: "
                           f"{', '.join(school_settings(school))})")
    wanted = {name: _read(name, value, school) for name, value in changes.items()}
    _check_together(school, wanted)
    before = school_settings(school)
    for name, value in wanted.items():
        setattr(school, "country" if name == "nation" else name, value)
    after = school_settings(school)
    done = [Change(name, _shown(before[name]), _shown(after[name])) for name in wanted
            if before[name] != after[name]]
    session.add(school)
    for change in done:
        audit(session, clock, actor=actor, action=f"school.setting.{change.setting}",
              entity="school", entity_id=school_id, school_id=school_id, old=change.old,
              new=change.new)
    return done


def _read(name: str, value: object, school: School) -> object:
    """One setting's value as stored, or InvalidInput saying what is expected."""
    text = value.strip() if isinstance(value, str) else value
    if name == "name":
        if not isinstance(text, str) or not text:
            raise InvalidInput("a school needs a name")
        return text
    if name == "nation":
        code = NATIONS.get(str(text).lower()) or (text if text in NATION_NAMES else None)
        if code is None:
            raise InvalidInput(f"nation must be one of: {', '.join(NATION_NAMES.values())}")
        return code
    if name == "timezone":
        return _timezone(str(text))
    if name in RUN_TIMES or name in ("quiet_start", "quiet_end"):
        return _time(name, text)
    if name == "auto_confirm":
        return _auto_confirm(text)
    if name == "welsh_bilingual":
        return _flag(name, text)
    if name == "sms_sender":
        return _sms_sender(str(text or ""), school)
    if name == "setting":
        return check_setting(str(text).lower())
    if name == "family_contact":
        return check_family_contact(str(text or "").lower().replace("-", "_"))
    if text not in ALERT_DETAILS:  # alert_detail
        raise InvalidInput(f"alert_detail must be one of: {', '.join(ALERT_DETAILS)}")
    return text


def _timezone(text: str) -> str:
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {text!r} (e.g. Europe/London)") from None
    return text


def _time(name: str, value: object) -> time:
    if isinstance(value, time):
        return value
    found = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(value))
    if found is None:
        raise InvalidInput(f"{name} must be a time of day as HH:MM, not {value!r}")
    return time(int(found[1]), int(found[2]))


def _auto_confirm(value: object) -> list[str]:
    names = [n.strip() for n in value.split(",")] if isinstance(value, str) else value
    if not isinstance(names, list | tuple):
        raise InvalidInput("auto_confirm is a list of intents")
    allowed = [i for i in Intent if may_auto_confirm(i, Policy(auto_confirm=frozenset({i})))]
    chosen = [str(n) for n in names if str(n)]
    refused = [n for n in chosen if n not in {str(i) for i in allowed}]
    if refused:
        raise InvalidInput(f"the bot may confirm only {', '.join(map(str, allowed))} by itself, "
                           f"not {', '.join(refused)}")
    return list(dict.fromkeys(chosen))


def _flag(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
    if str(value).lower() not in words:
        raise InvalidInput(f"{name} is yes or no, not {value!r}")
    return words[str(value).lower()]


def _sms_sender(text: str, school: School) -> str | None:
    if not text:
        return None  # the service's own number
    if _SERVICE_SID.fullmatch(text) or _ALPHANUMERIC.fullmatch(text):
        return text
    try:
        return read_phone(text, region=region_of(school.country)).e164
    except InvalidInput as error:
        raise InvalidInput(f"sms_sender must be a phone number, a Messaging Service SID (MG...) "
                           f"or a sender name of up to 11 letters and digits: {error}") from None


def _check_together(school: School, wanted: Mapping[str, object]) -> None:
    """The day's runs in their order, and quiet hours that leave the morning's runs out."""
    at: dict[str, time] = {name: wanted.get(name, getattr(school, name))  # type: ignore[misc]
          for name in (*RUN_TIMES, "quiet_start", "quiet_end")}
    order = ("register_close", "absence_run_at", "chase_run_at", "call_list_at")
    for earlier, later in pairwise(order):
        if at[earlier] > at[later]:
            raise InvalidInput(f"{later} ({at[later]:%H:%M}) must not come before {earlier} "
                               f"({at[earlier]:%H:%M})")
    if at["late_run_at"] < at["register_close"]:
        raise InvalidInput("late_run_at must not come before register_close")
    if at["quiet_start"] == at["quiet_end"]:
        raise InvalidInput("quiet hours must start and end at different times")
    for run in RUN_TIMES[1:]:
        if quiet_at(at[run], start=at["quiet_start"], end=at["quiet_end"]):
            raise InvalidInput(f"{run} ({at[run]:%H:%M}) falls in quiet hours "
                               f"({at['quiet_start']:%H:%M}-{at['quiet_end']:%H:%M})")


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ",".join(map(str, value))
    return "" if value is None else str(value)
