"""Which days a reply's reason covers: "off all week", "back on Monday", "until the 3rd".

Read conservatively: never beyond what a person would read. "Until X" and "back on X" both end
the day before X (the child is back on X); "for 3 days" counts school days from today; a bare
weekday in the past ("she was off on Monday") points a late reply at that day's marks. Weekends
and the school's closed days are never school days.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from conversations.matching import Hit
from conversations.types import LanguageLexicon, Session, SessionRef, Span

MAX_SCHOOL_DAYS = 10  # two school weeks: anything longer is for a person to read
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "er", "eme", "º", "o", "a", "go", "ego", "ej")
_LOOK_BACK = 3  # how many words before a weekday may carry "until" / "back"


def is_school_day(day: date, closed: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in closed


def add_school_days(day: date, count: int, closed: Collection[date] = ()) -> date:
    """The school day `count` school days after `day` (count 0: `day` itself, or the next)."""
    while not is_school_day(day, closed):
        day += timedelta(days=1)
    while count > 0:
        day += timedelta(days=1)
        if is_school_day(day, closed):
            count -= 1
    return day


def school_days(start: date, end: date, closed: Collection[date] = ()) -> list[date]:
    days, day = [], start
    while day <= end:
        if is_school_day(day, closed):
            days.append(day)
        day += timedelta(days=1)
    return days


def span_sessions(span: Span, closed: Collection[date] = ()) -> tuple[SessionRef, ...]:
    """Every register session of the school days in `span`."""
    halves = (span.session,) if span.session else (Session.AM, Session.PM)
    return tuple(SessionRef(day, half) for day in school_days(span.start, span.end, closed)
                 for half in halves)


def read_span(words: Sequence[str], date_hits: Iterable[Hit],
              languages: Sequence[LanguageLexicon], today: date) -> Span | None:
    """The days a reply speaks of, or None when it names none."""
    keys: dict[str, list[int]] = {}
    for hit in date_hits:
        keys.setdefault(hit.label, []).append(hit.start)
    parts: list[tuple[date, date]] = []
    friday = today + timedelta(days=4 - today.weekday()) if today.weekday() < 5 else None
    if "all_week" in keys and friday:
        parts.append((today, friday))
    if "next_week" in keys:
        monday = today + timedelta(days=7 - today.weekday())
        if _preceded(keys["next_week"], keys, ("until", "back")):  # "back next week"
            parts.append((today, monday - timedelta(days=1)))
        else:
            parts.append((monday, monday + timedelta(days=4)))
    parts += _counted(words, keys, languages, today)
    parts += _weekdays(words, keys, languages, today)
    parts += _day_of_month(words, keys, today)
    if "two_days" in keys:  # a dual form ("يومين"): two days in one word
        parts.append((today, add_school_days(today, 1)))
    if "tomorrow" in keys:
        back = _preceded(keys["tomorrow"], keys, ("back", "until"))
        parts.append((today, today) if back else (today, today + timedelta(days=1)))
    if "yesterday" in keys:
        end = today if "since" in keys or "today" in keys else today - timedelta(days=1)
        parts.append((today - timedelta(days=1), end))
    if "today" in keys and not parts:
        parts.append((today, today))
    session = _half_day(keys) if not parts or parts == [(today, today)] else None
    if session and not parts:
        parts.append((today, today))
    if not parts:
        return None
    start = min(p[0] for p in parts)
    end = min(max(p[1] for p in parts), add_school_days(today, MAX_SCHOOL_DAYS - 1))
    if end < start:
        end = start
    return Span(start, end, session)


def _half_day(keys: dict[str, list[int]]) -> Session | None:
    if "afternoon" in keys and "morning" not in keys:
        return Session.PM
    if "morning" in keys and "afternoon" not in keys:
        return Session.AM
    return None


def _preceded(positions: list[int], keys: dict[str, list[int]], roles: tuple[str, ...]) -> bool:
    """Whether a word of one of `roles` stands just before (or, for languages with
    postpositions such as Urdu's "peer tak", a `<role>_after` word just after) a position."""
    before = any(0 < pos - p <= _LOOK_BACK for pos in positions for role in roles
                 for p in keys.get(role, ()))
    return before or any(0 < p - pos <= 2 for pos in positions for role in roles
                         for p in keys.get(role + "_after", ()))


def _number(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    if word.isdigit() and len(word) <= 2:
        return int(word)
    for lex in languages:
        if word in lex.numbers:
            return lex.numbers[word]
    return None


def _counted(words: Sequence[str], keys: dict[str, list[int]],
             languages: Sequence[LanguageLexicon], today: date) -> list[tuple[date, date]]:
    """ "for 3 days", "a couple of days", "2 weeks": that many school days from today."""
    parts = []
    for role, per in (("days", 1), ("weeks", 5)):
        for pos in keys.get(role, ()):
            count = None
            for back in (1, 2):
                if pos - back >= 0:
                    count = count or _number(words[pos - back], languages)
            if count is None and _preceded([pos], keys, ("couple",)):
                count = 2
            if count is None and _preceded([pos], keys, ("few",)):
                count = 3
            if count:
                parts.append((today, add_school_days(today, min(count * per, MAX_SCHOOL_DAYS) - 1)))
    return parts


def _weekdays(words: Sequence[str], keys: dict[str, list[int]],
              languages: Sequence[LanguageLexicon], today: date) -> list[tuple[date, date]]:
    parts = []
    for pos, word in enumerate(words):
        weekday = _weekday(word, languages)
        if weekday is None:
            continue
        ahead = (weekday - today.weekday()) % 7
        if _preceded([pos], keys, ("until", "back")):
            target = today + timedelta(days=ahead or 7)
            parts.append((today, target - timedelta(days=1)))
        elif _preceded([pos], keys, ("since",)):
            parts.append((today - timedelta(days=(today.weekday() - weekday) % 7), today))
        elif _preceded([pos], keys, ("last",)) or weekday < today.weekday():
            past = today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
            parts.append((past, past))
        else:
            day = today + timedelta(days=ahead)
            parts.append((day, day))
    return parts


def _weekday(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    for lex in languages:
        for index, names in enumerate(lex.weekdays):
            if word in names:
                return index
    return None


def _day_of_month(words: Sequence[str], keys: dict[str, list[int]],
                  today: date) -> list[tuple[date, date]]:
    """ "until the 3rd", "back on 12th": the next such day of the month, exclusive."""
    parts = []
    for pos, word in enumerate(words):
        day = _ordinal(word)
        if day is None or not _preceded([pos], keys, ("until", "back")):
            continue
        target = _next_day_of_month(today, day)
        if target:
            parts.append((today, target - timedelta(days=1)))
    return parts


def _ordinal(word: str) -> int | None:
    for suffix in _ORDINAL_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)].isdigit():
            word = word[: -len(suffix)]
            break
    if word.isdigit() and 1 <= int(word) <= 31:
        return int(word)
    return None


def _next_day_of_month(today: date, day: int) -> date | None:
    year, month = today.year, today.month
    for _ in range(2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate and candidate > today:
            return candidate
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None
