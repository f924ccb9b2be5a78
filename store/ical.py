"""Reading the events of an iCalendar (RFC 5545) file: the format schools' websites and local
authorities publish term dates in.

Only what a term-dates calendar needs, read carefully: lines unfolded (a line starting with a
space or tab continues the one before), properties with their parameters (quoted values may
hold ':' and ';'), TEXT unescaped, the VEVENTs' own properties only (a VALARM inside an event
has a SUMMARY and DESCRIPTION of its own; a VTIMEZONE has DTSTARTs of its own), dates and
date-times with TZID, UTC (`Z`) or none (floating: the school's wall clock). Recurrence is not
expanded: an event with an RRULE is returned as it is and the caller says it was not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from store.errors import InvalidInput

MAX_BYTES = 2_000_000  # a year of term dates is a few kilobytes; a whole school diary ~1 MB

# Outlook writes Windows zone names in TZID; the ones a UK or Irish school's calendar uses.
WINDOWS_ZONES = {
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Etc/GMT",
    "W. Europe Standard Time": "Europe/Berlin",
    "UTC": "UTC",
    "Coordinated Universal Time": "UTC",
}

_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DATE_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$")
_DURATION = re.compile(r"^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


@dataclass(frozen=True, slots=True)
class Property:
    name: str
    params: dict[str, str]
    value: str
    line: int = 0  # where it starts in the file, for messages


@dataclass(frozen=True, slots=True)
class IcsEvent:
    """One VEVENT as written. `start`/`end` are dates for all-day events, aware datetimes
    otherwise (floating times in `default_zone`); `end` is exclusive, as RFC 5545 has it."""

    line: int  # where its BEGIN:VEVENT is, for messages
    uid: str | None
    summary: str
    start: date | datetime | None
    end: date | datetime | None
    repeats: bool  # RRULE or RDATE: not expanded
    cancelled: bool  # STATUS:CANCELLED

    @property
    def all_day(self) -> bool:
        return isinstance(self.start, date) and not isinstance(self.start, datetime)


def read_events(raw: bytes | str, *, default_zone: str = "Europe/London") -> list[IcsEvent]:
    """Every VEVENT in the file, in file order. Raises InvalidInput when the file is not an
    iCalendar file or an event's dates cannot be read, naming the line."""
    text = _decode(raw)
    if "BEGIN:VCALENDAR" not in text.upper():
        raise InvalidInput("this is not an iCalendar file (no BEGIN:VCALENDAR)",
                           problem="not_icalendar")
    zone = ZoneInfo(default_zone)
    events: list[IcsEvent] = []
    stack: list[str] = []
    current: list[Property] = []
    start_line = 0
    for number, line in _unfolded(text):
        prop = parse_line(line, number)
        if prop.name == "BEGIN":
            stack.append(prop.value.upper())
            if stack[-1] == "VEVENT":
                current, start_line = [], number
        elif prop.name == "END":
            if not stack or stack[-1] != prop.value.upper():
                raise InvalidInput(f"line {number}: END:{prop.value} without its BEGIN",
                                   problem="ics_end_without_begin", line=str(number),
                                   part=prop.value)
            if stack.pop() == "VEVENT":
                events.append(_event(current, start_line, zone))
        elif stack and stack[-1] == "VEVENT":
            current.append(prop)
    if stack:
        raise InvalidInput(f"the file ends inside {stack[-1]} (no END:{stack[-1]})",
                           problem="ics_unended", part=stack[-1])
    return events


def parse_line(line: str, number: int) -> Property:
    """`NAME;PARAM=value;PARAM="quoted:value":VALUE` split into its parts."""
    i, quoted = 0, False
    while i < len(line):
        char = line[i]
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            break
        i += 1
    if i == len(line):
        raise InvalidInput(f"line {number}: {line[:40]!r} has no ':'", problem="ics_no_colon",
                           line=str(number))
    head, value = line[:i], line[i + 1 :]
    name, *raw_params = _split_params(head)
    params = {}
    for raw in raw_params:
        key, _, param = raw.partition("=")
        params[key.strip().upper()] = param.strip().strip('"')
    return Property(name.strip().upper(), params, value, number)


def unescape(value: str) -> str:
    """TEXT values: \\n is a new line; \\, \\; and \\\\ stand for themselves."""
    return re.sub(
        r"\\([nN,;\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value
    ).strip()


def _decode(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw.lstrip("\ufeff")
    if len(raw) > MAX_BYTES:
        raise InvalidInput(f"the file is over {MAX_BYTES // 1_000_000} MB: is it a calendar?",
                           problem="too_big", mb=str(MAX_BYTES // 1_000_000))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # older Windows exporters


def _unfolded(text: str) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(re.split(r"\r\n|\n|\r", text), 1):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif line.strip():
            lines.append((number, line))
    return lines


def _split_params(head: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in head:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _event(props: list[Property], line: int, zone: tzinfo) -> IcsEvent:
    first: dict[str, Property] = {}
    for prop in props:
        first.setdefault(prop.name, prop)  # a repeated single property: the first one counts
    start = _when(first["DTSTART"], zone) if "DTSTART" in first else None
    end = _when(first["DTEND"], zone) if "DTEND" in first else None
    if end is None and start is not None and "DURATION" in first:
        end = start + _duration(first["DURATION"])
    summary = unescape(first["SUMMARY"].value) if "SUMMARY" in first else ""
    uid = first["UID"].value.strip() if "UID" in first else None
    status = first["STATUS"].value.strip().upper() if "STATUS" in first else ""
    return IcsEvent(
        line=line,
        uid=uid,
        summary=summary,
        start=start,
        end=end,
        repeats="RRULE" in first or "RDATE" in first,
        cancelled=status == "CANCELLED",
    )


def _when(prop: Property, zone: tzinfo) -> date | datetime:
    value, line = prop.value.strip(), prop.line
    all_day = _DATE.match(value)
    timed = _DATE_TIME.match(value)
    if prop.params.get("VALUE", "").upper() == "DATE" and all_day is None:
        raise InvalidInput(f"line {line}: {prop.name} {value!r} is not a date",
                           problem="ics_not_a_date", line=str(line), value=value)
    try:
        if all_day is not None:
            year, month, day = map(int, all_day.groups())
            return date(year, month, day)
        if timed is None:
            raise InvalidInput(f"line {line}: {prop.name} {value!r} is not a date or date-time",
                               problem="ics_not_a_date", line=str(line), value=value)
        year, month, day, hour, minute, second = map(int, timed.groups()[:6])
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise InvalidInput(f"line {line}: {prop.name} {value!r} is not a real date",
                           problem="ics_not_a_date", line=str(line), value=value) from None
    if timed.group(7):
        return naive.replace(tzinfo=ZoneInfo("UTC"))
    return naive.replace(tzinfo=_zone(prop.params.get("TZID"), zone))


def _zone(tzid: str | None, default: tzinfo) -> tzinfo:
    """A TZID as a zone: an IANA name, a Windows name, or (a custom VTIMEZONE id we do not
    evaluate) the school's own zone, which is what a school's calendar is written in."""
    if not tzid:
        return default
    name = WINDOWS_ZONES.get(tzid, tzid.lstrip("/"))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default


def _duration(prop: Property) -> timedelta:
    found = _DURATION.match(prop.value.strip())
    if found is None or not any(found.groups()):
        raise InvalidInput(f"line {prop.line}: DURATION {prop.value!r} is not a duration",
                           problem="ics_not_a_duration", line=str(prop.line), value=prop.value)
    weeks, days, hours, minutes, seconds = (int(g or 0) for g in found.groups())
    return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
