"""Reading one school setting's value as a person or a form writes it ("09:45", "yes", "Wales",
"07700 900123") into what the school's row stores, or refusing it with InvalidSetting saying
what is expected (store/school_settings.py checks them together and writes them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from conversations.policy import REASON_INTENTS, may_auto_confirm
from conversations.types import Intent, Policy, SelfCertification
from store.contacts import normalise_email
from store.engagement_rules import POLICY_FIELDS, TRACKS
from store.errors import InvalidInput, InvalidSetting
from store.institutions import check_family_contact, check_setting
from store.languages import SUPPORTED_LANGUAGES
from store.models.schools import School
from store.models.staff import StaffUser
from store.on_call import read_on_call
from store.phones import read_phone, region_of
from store.schools import ALERT_DETAILS

# The nations of the UK, each with its own bank holidays (`holidays` subdivisions).
NATIONS = {"england": "GB-ENG", "wales": "GB-WLS", "scotland": "GB-SCT",
           "northern ireland": "GB-NIR"}
NATION_NAMES = {code: name.title() for name, code in NATIONS.items()}
RUN_TIMES = ("register_close", "absence_run_at", "late_run_at", "chase_run_at", "call_list_at",
             "pm_absence_run_at", "digest_at")
TIMES = (*RUN_TIMES, "quiet_start", "quiet_end")
FLAGS = ("welsh_bilingual", "contact_all_with_pr", "call_list_urgent")
# Whole numbers and the range each may take: days of illness the bot may confirm by itself
# (longer goes to a person), minutes after registers close before the absence run may start.
# Possible sessions before a percentage is shown: at least one, and at most 100 (ten school
# weeks: a higher bar would hide most of a term's figures).
NUMBERS = {"max_auto_illness_days": (1, 10), "settle_minutes": (0, 60),
           "min_possible_sessions": (1, 100),
           "self_cert_max_days": (0, 60), "self_cert_max_per_term": (0, 100),
           # Colleges' and universities' engagement rules (store/engagement_rules.py), 0: off.
           **{f"{track}_{rule}": (1 if rule == "weeks" else 0, high) for track in TRACKS
              for rule, high in POLICY_FIELDS.items() if rule != "min_percent"}}
PERCENTS = tuple(f"{track}_min_percent" for track in TRACKS)
# Colleges and universities: the reasons a student may self-certify, and those that always need
# evidence (lists of reason intents; none stored: conversations.types.SelfCertification's).
REASONS = tuple(sorted(str(i) for i in REASON_INTENTS))  # what those lists may name
SELF_CERT_LISTS = {"self_cert_reasons": SelfCertification().reasons,
                   "self_cert_evidence_reasons": SelfCertification().evidence_reasons}
# Twilio's senders: a Messaging Service SID, or an alphanumeric sender ID (up to 11 letters,
# digits and spaces, at least one letter); a phone number is read as one.
# The intents the engine's policy lets a school have the bot confirm by itself.
AUTO_CONFIRMABLE = tuple(str(i) for i in Intent
                         if may_auto_confirm(i, Policy(auto_confirm=frozenset({i}))))
_SERVICE_SID = re.compile(r"MG[0-9a-f]{32}")
_ALPHANUMERIC = re.compile(r"(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}")


def read_setting(session: Session, name: str, value: object, school: School) -> object:
    """One setting's value as stored (for `on_call`, the people named, in order)."""
    text = value.strip() if isinstance(value, str) else value
    if name in TIMES:
        return _time(name, text)
    if name in FLAGS:
        return _flag(name, text)
    if name in NUMBERS:
        return _number(name, text)
    if name in PERCENTS:
        return _percent(name, text)
    if name == "on_call":
        return _on_call(session, text, school)
    if name in SELF_CERT_LISTS:
        return _reasons(name, text)
    return _READERS[name](text, school)


def shown_reasons(names: list[str] | None, name: str) -> list[str]:
    """A self-certification list as shown: the school's, or the default when it set none."""
    return sorted(names if names is not None else (str(i) for i in SELF_CERT_LISTS[name]))


def _name(text: object, _school: School) -> str:
    if not isinstance(text, str) or not text:
        raise InvalidSetting("a school needs a name", setting="name", problem="empty")
    return text


def _nation(text: object, _school: School) -> str:
    code = NATIONS.get(str(text).lower()) or (text if text in NATION_NAMES else None)
    if not isinstance(code, str):
        raise InvalidSetting(f"nation must be one of: {', '.join(NATION_NAMES.values())}",
                             setting="nation", problem="choice")
    return code


def _timezone(text: object, _school: School) -> str:
    try:
        ZoneInfo(str(text))
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidSetting(f"unknown time zone {text!r} (e.g. Europe/London)",
                             setting="timezone", problem="timezone", value=str(text)) from None
    return str(text)


def _time(name: str, value: object) -> time:
    if isinstance(value, time):
        return value
    found = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", str(value))
    if found is None:
        raise InvalidSetting(f"{name} must be a time of day as HH:MM, not {value!r}",
                             setting=name, problem="time", value=str(value))
    return time(int(found[1]), int(found[2]))


def _auto_confirm(value: object, _school: School) -> list[str]:
    names = [n.strip() for n in value.split(",")] if isinstance(value, str) else value
    if not isinstance(names, list | tuple):
        raise InvalidSetting("auto_confirm is a list of intents", setting="auto_confirm",
                             problem="choice")
    chosen = [str(n) for n in names if str(n)]
    refused = [n for n in chosen if n not in AUTO_CONFIRMABLE]
    if refused:
        raise InvalidSetting(f"the bot may confirm only {', '.join(AUTO_CONFIRMABLE)} by "
                             f"itself, not {', '.join(refused)}", setting="auto_confirm",
                             problem="auto_confirm", refused=", ".join(refused))
    return list(dict.fromkeys(chosen))


def _reasons(name: str, value: object) -> list[str]:
    """Reasons (intents) a student may self-certify, or must send evidence for."""
    names = [n.strip() for n in value.split(",")] if isinstance(value, str) else value
    if not isinstance(names, list | tuple):
        raise InvalidSetting(f"{name} is a list of reasons", setting=name, problem="choice")
    chosen = [str(n) for n in names if str(n)]
    refused = [n for n in chosen if n not in REASONS]
    if refused:
        raise InvalidSetting(f"{name} takes reasons ({', '.join(REASONS)}), not "
                             f"{', '.join(refused)}", setting=name, problem="choice")
    return sorted(dict.fromkeys(chosen))


def _flag(name: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}
    if str(value).lower() not in words:
        raise InvalidSetting(f"{name} is yes or no, not {value!r}", setting=name,
                             problem="choice")
    return words[str(value).lower()]


def _number(name: str, value: object) -> int:
    low, high = NUMBERS[name]
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\d{1,4}", value):
        number = int(value)
    if number is None or not low <= number <= high:
        raise InvalidSetting(f"{name} must be a whole number from {low} to {high}, not "
                             f"{value!r}", setting=name, problem="number", low=str(low),
                             high=str(high))
    return number


def _percent(name: str, value: object) -> float:
    try:
        number = float(str(value).strip().rstrip("%") or "x")
    except ValueError:
        number = -1.0
    if not 0 <= number <= 100:
        raise InvalidSetting(f"{name} must be a percentage from 0 to 100, not {value!r}",
                             setting=name, problem="number", low="0", high="100")
    return number


def _sms_sender(value: object, school: School) -> str | None:
    text = str(value or "")
    if not text:
        return None  # the service's own number
    if _SERVICE_SID.fullmatch(text) or _ALPHANUMERIC.fullmatch(text):
        return text
    try:
        return read_phone(text, region=region_of(school.country)).e164
    except InvalidInput as error:
        raise InvalidSetting(f"sms_sender must be a phone number, a Messaging Service SID "
                             f"(MG...) or a sender name of up to 11 letters and digits: "
                             f"{error}", setting="sms_sender", problem="sms_sender") from None


def _phone(value: object, school: School) -> str | None:
    """The school office's number, which a HELP reply gives families to call."""
    text = str(value or "")
    if not text:
        return None
    try:
        return read_phone(text, region=region_of(school.country)).e164
    except InvalidInput as error:
        raise InvalidSetting(f"phone: {error}", setting="phone", problem="phone",
                             value=text) from None


def _email_from(value: object, _school: School) -> str | None:
    """The school's own address for email it sends (none: the service's)."""
    text = str(value or "")
    if not text:
        return None
    try:
        return normalise_email(text)
    except InvalidInput:
        raise InvalidSetting(f"email_from: {text!r} is not an email address",
                             setting="email_from", problem="email", value=text) from None


def _alert_detail(value: object, _school: School) -> str:
    if value not in ALERT_DETAILS:
        raise InvalidSetting(f"alert_detail must be one of: {', '.join(ALERT_DETAILS)}",
                             setting="alert_detail", problem="choice")
    return str(value)


def _setting(value: object, _school: School) -> str:
    """School, college or university: who is messaged about a student (store/institutions)."""
    try:
        return check_setting(str(value).lower())
    except InvalidInput as error:
        raise InvalidSetting(str(error), setting="setting", problem="choice") from None


def _family_contact(value: object, _school: School) -> str | None:
    try:
        return check_family_contact(str(value or "").lower().replace("-", "_"))
    except InvalidInput as error:
        raise InvalidSetting(str(error), setting="family_contact", problem="choice") from None


def _staff_language(value: object, _school: School) -> str | None:
    """The console's language for the school's staff who have not chosen one (none: each
    follows their browser)."""
    text = str(value or "").lower()
    if not text:
        return None
    if text not in SUPPORTED_LANGUAGES:
        raise InvalidSetting(f"staff_language must be one of: {', '.join(SUPPORTED_LANGUAGES)}"
                             f", or empty for the browser's", setting="staff_language",
                             problem="choice")
    return text


def _on_call(session: Session, value: object, school: School) -> list[StaffUser]:
    emails = value.split(",") if isinstance(value, str) else value
    if not isinstance(emails, list | tuple):
        raise InvalidSetting("on_call is a list of email addresses", setting="on_call",
                             problem="choice")
    return read_on_call(session, school_id=school.id or 0, emails=[str(e) for e in emails])


_READERS: dict[str, Callable[[object, School], object]] = {
    "name": _name, "nation": _nation, "timezone": _timezone, "auto_confirm": _auto_confirm,
    "sms_sender": _sms_sender, "phone": _phone, "email_from": _email_from,
    "alert_detail": _alert_detail, "setting": _setting, "family_contact": _family_contact,
    "staff_language": _staff_language}
