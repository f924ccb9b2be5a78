"""Which days a reply's reason covers: "off all week", "back on Monday", "until the 3rd".

Read conservatively: never beyond what a person would read. "Until X" and "back on X" both end
the day before X (the child is back on X); "for 3 days" counts school days from today; a bare
weekday in the past ("she was off on Monday") points a late reply at that day's marks. Weekends
and the school's closed days (given in the facts) are never school days.

Times of day are never dates: "til 11", "back by 10:30", "at 2pm", "till half 11" pick a half
of the day, as "morning", "after lunch" and "leaving at 1" do. A bare number is a day of the
month only with an ordinal ending ("the 3rd"), a month beside it, or when it cannot be an hour.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from conversations import tense
from conversations.matching import Hit
from conversations.types import LanguageLexicon, Session, SessionRef, Span

MAX_SCHOOL_DAYS = 10  # two school weeks: anything longer is for a person to read
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "er", "eme", "º", "o", "a", "go", "ego", "ej")
_LOOK_BACK = 3  # how many words before a weekday may carry "until" / "back"
# "tomorrow [she'll be] back", "kal [time te] aayegi": the coming verb a few words on.
_RETURN_WITHIN = 3
_LATER_WITHIN = 2  # "be in [after]", "ateis [po pietų]", "comes in [at 11]": a late arrival
_TENTATIVE_AFTER = 6  # "tomorrow either, but we'll see": the doubt may follow the day
_HOUR_SUFFIX = re.compile(r"^(\d{1,2})(am|pm)$")
_HOUR_H = re.compile(r"^(\d{1,2})h([0-5]\d)?$")
_MINUTES = re.compile(r"^([0-5]\d)(am|pm)?$")
_HALF = frozenset({"half"})  # "till half 11" is 11:30 in British English
_NEGATION = "negation"  # keys[_NEGATION]: where the reply's negation words are (not a lexicon key)
_ENDS = " ends"  # keys[label + _ENDS]: where each phrase of that label ends (not a lexicon key)
_NOON, _AFTERNOON_REGISTER = 12 * 60, 13 * 60  # where a time of day tips into the afternoon


@dataclass(frozen=True, slots=True)
class _Time:
    """A time of day a reply names: its first and last word, and minutes after midnight."""

    start: int
    end: int
    minutes: int


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
              languages: Sequence[LanguageLexicon], today: date,
              in_phrases: Collection[int] = ()) -> Span | None:
    """The days a reply speaks of, or None when it names none; `today` is the school's date
    when the message was sent. `in_phrases`: words inside a longer phrase of another kind
    ("sat" in the greeting "sat sri akal"), which are never a weekday."""
    keys: dict[str, list[int]] = {}
    for hit in date_hits:
        keys.setdefault(hit.label, []).append(hit.start)
        # Where each phrase ends ("la llevo", "after lunch" are several words), in step.
        keys.setdefault(hit.label + _ENDS, []).append(hit.end)
    negations = frozenset().union(*(lex.negations for lex in languages))
    keys[_NEGATION] = [i for i, word in enumerate(words) if word in negations]
    _read_tense(words, keys, languages)
    _drop_negated_returns(words, keys, languages)
    times = _times(words, keys, languages)
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
    parts += _weekdays(words, keys, languages, today, in_phrases)
    parts += _day_of_month(words, keys, languages, today, times)
    if "two_days" in keys:  # a dual form ("يومين"): two days in one word
        parts.append((today, add_school_days(today, 1)))
    # "will see how she is tomorrow", "not in tomorrow either, but we'll see" say nothing yet
    # about tomorrow.
    if "tomorrow" in keys and not _tentative(keys, "tomorrow"):
        parts.append(_tomorrow(keys, today, times))
    if "yesterday" in keys:
        end = today if "since" in keys or "today" in keys else today - timedelta(days=1)
        parts.append((today - timedelta(days=1), end))
    if "today" in keys:  # "the funeral is today": today whatever else is named
        parts.append((today, today))
    session = _half_day(keys, times)
    if session and not parts:
        parts.append((today, today))
    if not parts:
        return None
    start = min(p[0] for p in parts)
    end = min(max(p[1] for p in parts), add_school_days(today, MAX_SCHOOL_DAYS - 1))
    if end < start:
        end = start
    return Span(start, end, session if start == end else None)


def _drop_negated_returns(words: Sequence[str], keys: dict[str, list[int]],
                          languages: Sequence[LanguageLexicon]) -> None:
    """ "nu va veni mâine", "আগামীকাল আসবে না", "kal nahi aayegi": a coming verb with a
    negation just before or after it says the child is not back, so it is no return."""
    beside = frozenset().union(*(lex.verb_negations for lex in languages))
    before = set(keys[_NEGATION]) | {i for i, word in enumerate(words) if word in beside}
    after = {i for i, word in enumerate(words) if word in beside}
    for role in ("back", "back_after"):
        kept = [(start, end) for start, end in zip(keys.get(role, ()), keys.get(role + _ENDS, ()),
                                                   strict=True)
                if start - 1 not in before and end not in after]
        if role in keys:
            keys[role] = [start for start, _ in kept]
            keys[role + _ENDS] = [end for _, end in kept]


def _read_tense(words: Sequence[str], keys: dict[str, list[int]],
                languages: Sequence[LanguageLexicon]) -> None:
    """ "kal" read as tomorrow or yesterday by its verb's tense joins those keys."""
    taken = {p for role in ("tomorrow", "yesterday")
             for start, end in zip(keys.get(role, ()), keys.get(role + _ENDS, ()), strict=True)
             for p in range(start, end)}
    ahead, before = tense.either_days(words, languages, taken)
    for role, found in (("tomorrow", ahead), ("yesterday", before)):
        for position in found:
            keys.setdefault(role, []).append(position)
            keys.setdefault(role + _ENDS, []).append(position + 1)


def _tentative(keys: dict[str, list[int]], role: str) -> bool:
    """A "maybe" / "we'll see" just before the role's word or a few words after it."""
    return _preceded(keys[role], keys, ("tentative",)) or any(
        0 <= t - end <= _TENTATIVE_AFTER for end in keys[role + _ENDS]
        for t in keys.get("tentative", ()))


def _tomorrow(keys: dict[str, list[int]], today: date,
              times: Sequence[_Time]) -> tuple[date, date]:
    """ "back tomorrow", "tomorrow she's in as normal": today only; "off today and tomorrow",
    "tomorrow too": both; plain "tomorrow" ("hospital appointment tomorrow morning"): tomorrow,
    and never today. "Tomorrow ... she'll be in after", "ateis po pietų" (comes after lunch)
    is a late arrival tomorrow, not a return."""
    tomorrow = today + timedelta(days=1)
    later = {t.start for t in times} | {p for role in ("afternoon", "later", "present_pm")
                                        for p in keys.get(role, ())}
    # "back tomorrow", and "tomorrow [she] goes as normal" ("mañana va normal").
    back_after = [q for role in ("back", "back_after")
                  for q, end in zip(keys.get(role, ()), keys.get(role + _ENDS, ()), strict=True)
                  if not any(0 <= x - end <= _LATER_WITHIN for x in later)]
    negations = keys.get(_NEGATION, [])
    if _preceded(keys["tomorrow"], keys, ("back", "until")) or any(
            0 <= q - end <= _RETURN_WITHIN and not any(end <= n <= q for n in negations)
            for end in keys["tomorrow" + _ENDS] for q in back_after):
        return today, today
    if "today" in keys or "also" in keys:
        return today, tomorrow
    return tomorrow, tomorrow


def _half_day(keys: dict[str, list[int]], times: Sequence[_Time]) -> Session | None:
    """The half of the day a reply's session words and times of day leave the child out for,
    or None for the whole day (no such words, or words for both halves)."""
    halves: set[Session] = set()
    clock_starts = {t.start for t in times} | {t.start - 1 for t in times}
    afternoons = keys.get("afternoon", [])
    # "back this afternoon", and in postposition languages "after lunch [she] will come".
    back_pm = [p for p, end in zip(afternoons, keys.get("afternoon" + _ENDS, ()), strict=True)
               if _preceded([p], keys, ("back",))
               or any(0 <= q - end <= 1 for q in keys.get("back_after", ()))]
    if "present_pm" in keys or back_pm:  # "in after lunch", "back this afternoon": AM only
        halves.add(Session.AM)
    # Welsh "am 2pm" is "at 2pm": a morning word standing just before a time is not one.
    if any(p not in clock_starts for p in keys.get("morning", ())):
        halves.add(Session.AM)
    if any(p not in back_pm for p in afternoons):
        halves.add(Session.PM)
    for moment in times:
        halves |= _halves_of(moment, keys)
    return next(iter(halves)) if len(halves) == 1 else None


def _halves_of(moment: _Time, keys: dict[str, list[int]]) -> set[Session]:
    """ "till 11", "back by 10:30": out until then; "leaving at 1": out from then; "at 2pm",
    an appointment: out around then."""
    if _preceded([moment.start], keys, ("until", "back")):
        return {Session.AM} if moment.minutes <= _AFTERNOON_REGISTER else {Session.AM, Session.PM}
    if _preceded([moment.start], keys, ("leaving",)):
        return {Session.PM} if moment.minutes >= _NOON else {Session.AM, Session.PM}
    return {Session.PM} if moment.minutes >= _NOON else {Session.AM}


def _times(words: Sequence[str], keys: dict[str, list[int]],
           languages: Sequence[LanguageLexicon]) -> list[_Time]:
    """Every time of day in a reply: "2pm", "10 30", "11 am", "half 11", and a bare hour after
    a word such as "till", "at", "back", "leaving" (a school day's hours: 7-11 are morning)."""
    found: list[_Time] = []
    index = 0
    while index < len(words):
        moment = _time_at(words, index, keys, languages)
        if moment:
            found.append(moment)
            index = moment.end
        index += 1
    return found


def _time_at(words: Sequence[str], index: int, keys: dict[str, list[int]],
             languages: Sequence[LanguageLexicon]) -> _Time | None:
    word, after = words[index], words[index + 1] if index + 1 < len(words) else ""
    suffixed = _HOUR_SUFFIX.match(word)
    if suffixed:
        return _Time(index, index, _minutes(int(suffixed[1]), 0, suffixed[2]))
    continental = _HOUR_H.match(word)  # "9h30", "14h": how Portugal, Spain and France write it
    if continental and int(continental[1]) <= 23:
        return _Time(index, index, _minutes(int(continental[1]), int(continental[2] or 0), None))
    if not (word.isdigit() and len(word) <= 2 and int(word) <= 23):
        return None
    hour, minutes = int(word), _MINUTES.match(after)
    if minutes:  # "10:30" and "10.30" arrive as two words
        return _Time(index, index + 1, _minutes(hour, int(minutes[1]), minutes[2]))
    if after in ("am", "pm"):
        return _Time(index, index + 1, _minutes(hour, 0, after))
    if index + 1 in keys.get("oclock", ()):  # "1 val", "2 baje", "3 o clock"
        return _Time(index, index + 1, _minutes(hour, 0, None))
    if hour == 0 or _counts_something(after, keys, index, languages):
        return None
    half = index > 0 and words[index - 1] in _HALF
    # 13-23 only after "at" ("às 14"): "until 15" is more often the 15th than 3pm.
    roles = ("until", "back", "leaving", "at") if hour <= 12 else ("leaving", "at")
    if (half and hour <= 12) or _preceded([index], keys, roles):
        return _Time(index, index, _minutes(hour, 30 if half else 0, None))
    return None


def _counts_something(after: str, keys: dict[str, list[int]], index: int,
                      languages: Sequence[LanguageLexicon]) -> bool:
    """ "2 days", "3 weeks", "12 march": a number that is not an hour."""
    return (any(index + 1 in keys.get(role, ()) for role in ("days", "weeks"))
            or _month(after, languages) is not None)


def _minutes(hour: int, minute: int, suffix: str | None) -> int:
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    elif suffix is None and 1 <= hour <= 6:  # "at 2", "leaving at 1": school hours are daytime
        hour += 12
    return hour * 60 + minute


def _preceded(positions: list[int], keys: dict[str, list[int]], roles: tuple[str, ...]) -> bool:
    """Whether a word of one of `roles` stands just before (or, for languages with
    postpositions such as Urdu's "peer tak", a `<role>_after` word just after) a position."""
    # Counted from where the role's phrase ends: "la llevo al cole después de comer".
    before = any(p < pos and pos - end < _LOOK_BACK for pos in positions for role in roles
                 for p, end in zip(keys.get(role, ()), keys.get(role + _ENDS, ()), strict=True))
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
              languages: Sequence[LanguageLexicon], today: date,
              in_phrases: Collection[int] = ()) -> list[tuple[date, date]]:
    parts = []
    for pos, word in enumerate(words):
        weekday = _weekday(word, languages)
        if weekday is None or pos in in_phrases:
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
                  languages: Sequence[LanguageLexicon], today: date,
                  times: Sequence[_Time]) -> list[tuple[date, date]]:
    """ "until the 3rd", "back on 12th": the next such day of the month, exclusive. Never a
    time of day ("til 11", "back by 10:30")."""
    clock_words = {i for t in times for i in range(t.start, t.end + 1)}
    parts = []
    for pos, word in enumerate(words):
        if pos in clock_words:
            continue
        day = _ordinal(word)
        if day is None or not _preceded([pos], keys, ("until", "back")):
            continue
        month_beside = pos + 1 < len(words) and _month(words[pos + 1], languages) is not None
        if word.isdigit() and day <= 12 and not month_beside:
            continue  # a bare 1-12 after "till" is an hour far more often than a date
        target = _next_day_of_month(today, day)
        if target:
            parts.append((today, target - timedelta(days=1)))
    return parts


def _month(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    for lex in languages:
        for index, names in enumerate(lex.months):
            if word in names:
                return index + 1
    return None


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
