"""Term dates, INSET days and closures read from a file a school already has: an iCalendar
(`.ics`) file from its website or local authority, or a simple CSV (start, end, kind[, note]).

Reading changes nothing: it returns each event's outcome (an entry to add, one the calendar
already has, or skipped and why) so staff see the preview first; `store/calendar_entries.py`
applies it. An event's kind comes from the words of its SUMMARY, as schools write them: "INSET
day", "Training day", "Half term", "Christmas holidays", "Autumn term", "Spring term starts",
"Term ends". A bank holiday the school's nation already has is skipped (the calendar knows it).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from store.calendar import EDITABLE_KINDS, bank_holidays
from store.columns import parse_date
from store.errors import InvalidInput
from store.ical import IcsEvent, read_events

MAX_DAYS = 400  # no term, holiday or closure is longer than a school year

_INSET = re.compile(
    r"\binset\b|training day|staff (development|training)|professional "
    r"development|\bpd day|disaggregated|non[- ]pupil day|teacher day",
    re.I,
)
_HALF_TERM = re.compile(r"half[- ]?term", re.I)
_TERM = re.compile(r"\bterm\b|\btymor\b", re.I)  # tymor: Welsh
_TERM_START = re.compile(
    r"\b(starts?|begins?|commences?|opens?|first day|start of|"
    r"beginning of|return)\b",
    re.I,
)
_TERM_END = re.compile(r"\b(ends?|finish(es)?|closes?|last day|end of|breaks? up)\b", re.I)
_BANK = re.compile(
    r"bank holiday|public holiday|christmas day|boxing day|new year'?s day|"
    r"good friday|easter monday|may day",
    re.I,
)
_CLOSURE = re.compile(r"\bclosed\b|\bclosure\b", re.I)
# Not "Christmas" alone: "Christmas concert" and "Christmas jumper day" are school days.
_HOLIDAY = re.compile(r"holiday|\bbreak\b|vacation|\bgwyliau\b", re.I)


@dataclass(frozen=True, slots=True)
class Planned:
    """One line of the preview: what the file says and what importing it does."""

    source: str  # "line 12: Spring half term" / "row 3"
    kind: str | None  # term | inset | holiday | closure, or None when skipped
    start: date | None
    end: date | None  # inclusive
    note: str
    skipped: str | None = None  # why nothing is added for it
    # That reason as a short code and the values it names, for the console to say it in its
    # reader's language (bot/console/templates/_refusals.html); None: the English is shown.
    skipped_problem: str | None = None
    skipped_values: tuple[tuple[str, str], ...] = ()

    @property
    def adds(self) -> bool:
        return self.skipped is None


def plan_ics(raw: bytes | str, *, timezone: str, country: str) -> list[Planned]:
    """The preview of an iCalendar file for a school in `timezone` and `country`."""
    zone = ZoneInfo(timezone)
    plans, markers = [], []
    for event in read_events(raw, default_zone=timezone):
        source = f"line {event.line}: {event.summary or '(no title)'}"
        span = _days(event, zone)
        if isinstance(span, InvalidInput):
            plans.append(_skip(source, event.summary, span))
            continue
        start, end = span
        kind = classify(event.summary, one_day=start == end)
        if kind in ("term start", "term end"):
            markers.append((start, kind, source, event.summary))
        elif kind == "bank holiday":
            plans.append(_bank_holiday(source, event.summary, start, end, country))
        elif kind is None:
            plans.append(
                _skip(source, event.summary, "not a term date, INSET day, holiday or closure",
                      "not_a_kind")
            )
        else:
            plans.append(Planned(source, kind, start, end, event.summary))
    return plans + _terms_from_markers(markers)


def plan_csv(raw: bytes | str) -> list[Planned]:
    """The preview of a CSV of `start, end, kind[, note]` (a header row is optional; dates as
    YYYY-MM-DD or DD/MM/YYYY; kind one of term, inset, holiday, closure or words like
    "half term"). A bad row is refused with why; the others still preview."""
    text = raw.decode("utf-8-sig", errors="replace") if isinstance(raw, bytes) else raw
    plans = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and cells[0].lower() in ("start", "from", "date")):
            continue
        source = f"row {number}: {', '.join(cells)}"
        try:
            plans.append(_csv_row(source, cells))
        except InvalidInput as refused:
            plans.append(_skip(source, "", refused))
    return plans


def classify(summary: str, *, one_day: bool) -> str | None:
    """The kind of calendar entry a SUMMARY names ("term start" and "term end" mark one day of
    a term), or None when it is not about the school being open or closed."""
    # "Half term starts" or "Break up for Christmas" on one day marks a holiday's edge (often
    # a school day), not a day off.
    edge = one_day and bool(_TERM_START.search(summary) or _TERM_END.search(summary))
    if _INSET.search(summary):
        return "inset"
    if _HALF_TERM.search(summary):
        return None if edge else "holiday"
    if _TERM.search(summary):
        if _TERM_START.search(summary):
            return "term start"
        if _TERM_END.search(summary):
            return "term end"
        return None if one_day else "term"
    if _BANK.search(summary):
        return "bank holiday"
    if _CLOSURE.search(summary):
        return "closure"
    if _HOLIDAY.search(summary):
        return None if edge else "holiday"
    return None


def _days(event: IcsEvent, zone: ZoneInfo) -> tuple[date, date] | InvalidInput:
    """The whole days an event covers (inclusive), or why it cannot be read as whole days."""
    if event.cancelled:
        return InvalidInput("the event is cancelled", problem="event_cancelled")
    if event.repeats:
        return InvalidInput("a repeating event (RRULE) is not read: add its days by hand",
                            problem="event_repeats")
    if event.start is None:
        return InvalidInput("the event has no start date", problem="event_no_start")
    if event.all_day:
        start = event.start
        end = event.end if isinstance(event.end, date) else None
        # DTEND is exclusive; some exporters write DTEND = DTSTART for a one-day event.
        last = start if end is None or end <= start else end - timedelta(days=1)
        if isinstance(last, datetime):
            last = last.astimezone(zone).date()
        return _checked_span(start, last)
    assert isinstance(event.start, datetime)
    begins = event.start.astimezone(zone)
    ends = event.end.astimezone(zone) if isinstance(event.end, datetime) else None
    # Some calendars write a day off as midnight to midnight, in UTC or a zone: whole days in
    # the school's own zone count; any other times are an event in the day, not a closure.
    if (
        ends is None
        or begins.time() != datetime.min.time()
        or ends.time() != datetime.min.time()
        or ends <= begins
    ):
        return InvalidInput("a timed event, not whole days", problem="event_timed")
    return _checked_span(begins.date(), ends.date() - timedelta(days=1))


def _checked_span(start: date, end: date) -> tuple[date, date] | InvalidInput:
    if (end - start).days >= MAX_DAYS:
        return InvalidInput(f"longer than {MAX_DAYS} days", problem="longer_than",
                            days=str(MAX_DAYS))
    return start, end


def _bank_holiday(source: str, summary: str, start: date, end: date, country: str) -> Planned:
    day, known = start, True
    while day <= end:
        known = known and (day.weekday() >= 5 or day in bank_holidays(country, day.year))
        day += timedelta(days=1)
    if known:
        return _skip(source, summary, "a bank holiday the school's nation already has",
                     "known_bank_holiday")
    return Planned(source, "holiday", start, end, summary)


def _terms_from_markers(markers: list[tuple[date, str, str, str]]) -> list[Planned]:
    """ "Term starts" and "term ends" days paired into terms, in date order."""
    plans, opened = [], None
    for day, kind, source, summary in sorted(markers):
        if kind == "term start":
            if opened is not None:
                plans.append(
                    _skip(opened[1], opened[2], "a term start with no end before the next start",
                          "start_before_start")
                )
            opened = (day, source, summary)
        elif opened is None:
            plans.append(_skip(source, summary, "a term end with no start before it",
                               "end_without_start"))
        else:
            plans.append(
                Planned(
                    f"{opened[1]} … {source}", "term", opened[0], day, f"{opened[2]} to {summary}"
                )
            )
            opened = None
    if opened is not None:
        plans.append(_skip(opened[1], opened[2], "a term start with no end after it",
                           "start_without_end"))
    return plans


def _csv_row(source: str, cells: list[str]) -> Planned:
    if len(cells) < 3:
        raise InvalidInput("a row needs start, end and kind", problem="row_cells")
    start, end = parse_date(cells[0]), parse_date(cells[1] or cells[0])
    if end < start:
        raise InvalidInput("the end is before the start", problem="end_before_start")
    words = cells[2]
    kind = words.lower() if words.lower() in EDITABLE_KINDS else classify(words, one_day=False)
    if kind not in EDITABLE_KINDS:
        raise InvalidInput(f"{words!r} is not a kind ({', '.join(EDITABLE_KINDS)})",
                           problem="not_a_kind")
    if isinstance(span := _checked_span(start, end), InvalidInput):
        raise span
    note = cells[3] if len(cells) > 3 and cells[3] else words
    return Planned(source, kind, start, end, note)


def _skip(source: str, summary: str, why: str | InvalidInput,
          problem: str | None = None) -> Planned:
    """A line of the file that adds nothing, and why (a refusal: its English, code and values;
    or the English and its code)."""
    if isinstance(why, InvalidInput):
        return Planned(source, None, None, None, summary, skipped=str(why),
                       skipped_problem=why.problem,
                       skipped_values=tuple(sorted(why.values.items())))
    return Planned(source, None, None, None, summary, skipped=why, skipped_problem=problem)
