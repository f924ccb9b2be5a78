"""Times of day in a reply, and where its date words stand.

Times of day are never dates: "til 11", "back by 10:30", "at 2pm", "till half 11", "10ish" pick
a half of the day, as "morning", "after lunch" and "leaving at 1" do. A bare number is an hour
only after a word such as "till", "at", "back", "leaving", or with a clock word ("2 baje").

Which day a weekday, or a number of the month, names by itself is read here too.

The date readers share one map, `keys`: a date role ("until", "back", "afternoon") -> the word
positions its phrases start at, `role + ENDS` -> where they end, `NEGATION` -> where the reply's
negation words stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from conversations.matching import Hit
from conversations.types import LanguageLexicon, Session

LOOK_BACK = 3  # how many words before a weekday may carry "until" / "back"
NEGATION = "negation"  # keys[NEGATION]: where the reply's negation words are (not a lexicon key)
VERB_NEGATION = "verb negation"  # keys[VERB_NEGATION]: "won't", "nahi", "না" (not a lexicon key)
ENDS = " ends"  # keys[label + ENDS]: where each phrase of that label ends (not a lexicon key)
_NOON, _AFTERNOON_REGISTER = 12 * 60, 13 * 60  # where a time of day tips into the afternoon
_LATE_MORNING = 10 * 60  # a drop-off from 10 is coming in late, before it the school run
_SCHOOL_OUT = 15 * 60 + 30  # "the GP at 4pm", "às 17h": after the school day
_HOUR_SUFFIX = re.compile(r"^(\d{1,2})(am|pm|ish)$")  # "10ish": about ten
_HOUR_H = re.compile(r"^(\d{1,2})h([0-5]\d)?$")
_MINUTES = re.compile(r"^([0-5]\d)(am|pm)?$")
_ENDED = re.compile(r"^(\d{1,2})([a-z]+)$")
_HALF = frozenset({"half"})  # "till half 11" is 11:30 in British English
_ARRIVAL_GAP = 3  # "la llevo [a la escuela] después de comer": words between coming and when
_DAY_ROLES = ("tomorrow", "today", "next_week")
_LEAVE_ROLES = ("leave", "leaving")  # "collect her", "odbiorę", "le jaungi"; "leaving at"


@dataclass(frozen=True, slots=True)
class Time:
    """A time of day a reply names: its first and last word, and minutes after midnight."""

    start: int
    end: int
    minutes: int


def keys_of(date_hits: Iterable[Hit]) -> dict[str, list[int]]:
    """Where each date role's phrases start, and (`role + ENDS`) end, in step: "la llevo",
    "after lunch" are several words."""
    keys: dict[str, list[int]] = {}
    for hit in date_hits:
        keys.setdefault(hit.label, []).append(hit.start)
        keys.setdefault(hit.label + ENDS, []).append(hit.end)
    return keys


def later_starts(words: Sequence[str], date_hits: Iterable[Hit],
                 languages: Sequence[LanguageLexicon]) -> frozenset[int]:
    """Where a reply names a later moment of the day: a time ("11ish", "at 2pm"), "after",
    "after lunch". What comes just after "she'll be in" says it is a plan, not a dispute."""
    keys = keys_of(date_hits)
    starts = {t.start for t in times_of_day(words, keys, languages)}
    return frozenset(starts.union(*(keys.get(role, ()) for role in
                                    ("later", "afternoon", "present_pm"))))


def afternoon_starts(words: Sequence[str], date_hits: Iterable[Hit],
                     languages: Sequence[LanguageLexicon]) -> frozenset[int]:
    """Where a reply names the afternoon: "after lunch", "po pietų", a time from noon. Never a
    morning time: "dropping her at school at 8.40" is the morning's drop-off."""
    keys = keys_of(date_hits)
    starts = {t.start for t in times_of_day(words, keys, languages) if t.minutes >= _NOON}
    return frozenset(starts.union(*(keys.get(role, ()) for role in ("afternoon", "present_pm"))))


def late_morning_starts(words: Sequence[str], date_hits: Iterable[Hit],
                        languages: Sequence[LanguageLexicon]) -> frozenset[int]:
    """Where a reply names a morning time well after the register closes ("for about 10.30",
    "o 10:45"): a drop-off then is coming in late, never the school run at 8.40."""
    keys = keys_of(date_hits)
    return frozenset(t.start for t in times_of_day(words, keys, languages)
                     if _LATE_MORNING <= t.minutes < _NOON)


def half_day(keys: dict[str, list[int]], times: Sequence[Time]) -> Session | None:
    """The half of the day a reply's session words and times of day leave the child out for,
    or None for the whole day (no such words, or words for both halves)."""
    halves: set[Session] = set()
    clock_starts = {t.start for t in times} | {t.start - 1 for t in times}
    afternoons = keys.get("afternoon", [])
    back_pm = _back_pm(keys)
    if back_pm or _present_pm(keys):
        halves.add(Session.AM)
    # "I'll collect her before lunch", "odbiorę ją przed obiadem", "lunch se pehle le jaungi":
    # taken out at midday, the child is out for the afternoon. "Dentist before lunch" alone is
    # the morning's; "at lunchtime" alone says neither half.
    middays = zip(keys.get("midday", ()), keys.get("midday" + ENDS, ()), strict=True)
    left = {p for p, end in middays if _said_beside(p, end, keys, _LEAVE_ROLES)}
    if left:
        halves.add(Session.PM)
    # Welsh "am 2pm" is "at 2pm": a morning word standing just before a time is not one; nor
    # is one said of when the illness began ("sick since this morning", "since 2 this morning").
    if any(p not in clock_starts and p not in left and not preceded([p], keys, ("since",))
           for p in keys.get("morning", ())):
        halves.add(Session.AM)
    if any(p not in back_pm for p in afternoons):
        halves.add(Session.PM)
    for moment in times:
        halves |= _halves_of(moment, keys)
    return next(iter(halves)) if len(halves) == 1 else None


def comes_in_later(keys: dict[str, list[int]], times: Sequence[Time]) -> bool:
    """Whether the reply has the child coming in later in the day ("in after lunch", "I'll
    bring her after lunch", "in by 11"), so a morning reason with a return named for another
    day ("dentist this morning, back tomorrow") is still the morning's only."""
    return bool(_back_pm(keys) or _present_pm(keys)) or any(
        preceded([t.start], keys, ("until", "back"))
        or arrives_beside(t.start, t.end + 1, keys, returns=False) for t in times)


def _back_pm(keys: dict[str, list[int]]) -> list[int]:
    """ "back this afternoon", "I'll take her to school after lunch", "lunch ke baad school le
    aaungi": afternoon words the child comes in for (the reason is the morning's)."""
    return [p for p, end in zip(keys.get("afternoon", ()), keys.get("afternoon" + ENDS, ()),
                                strict=True) if arrives_beside(p, end, keys)]


def _present_pm(keys: dict[str, list[int]]) -> list[int]:
    """ "in after lunch", "back for the afternoon", unless denied: "won't be in after lunch",
    "he won't be back in for the afternoon" ("won't be back" ends where it starts)."""
    denied = [*keys.get(NEGATION, ()), *keys.get(VERB_NEGATION, ()),
              *(e - 1 for e in keys.get("not_back" + ENDS, ()))]
    return [p for p in keys.get("present_pm", ()) if not any(0 <= p - n <= 2 for n in denied)]


def arrives_beside(start: int, end: int, keys: dict[str, list[int]], *,
                   returns: bool = True) -> bool:
    """Whether the child's coming in is said beside the words [start, end): a return word just
    before ("back this afternoon") or, in postposition languages, just after ("after lunch
    [to school] will come"); or a word of coming in (`arrive`: "she will come", "I'll bring
    her", "la llevo a la escuela", "hatigi el madrasa", "স্কুলে আসবে") before or after, with
    up to `_ARRIVAL_GAP` words between and no negation at or between them. A coming word a day
    follows ("comes in tomorrow") is that day's, not this time's. `returns=False`: the
    return words are not read (a time of day reads them its own way)."""
    if returns and (preceded([start], keys, ("back",)) or any(
            0 <= q - end <= 2 for q in keys.get("back_after", ()))):
        return True
    return _said_beside(start, end, keys, ("arrive",))


def _said_beside(start: int, end: int, keys: dict[str, list[int]],
                 roles: tuple[str, ...]) -> bool:
    """Whether a phrase of one of `roles` stands before or after the words [start, end), with
    up to `_ARRIVAL_GAP` words between, no negation at or between them, and no day just after
    it (a day's own verb: "comes in tomorrow")."""
    negations = [*keys.get(NEGATION, ()), *keys.get(VERB_NEGATION, ())]
    days = [p for role in _DAY_ROLES for p in keys.get(role, ())]
    for role in roles:
        for s, e in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True):
            # Phrases may share a word: "îl iau la" + "la prânz", "be in" + "in after lunch".
            before = s < start and start - e <= _ARRIVAL_GAP
            after = s > start and s - end <= _ARRIVAL_GAP and not any(
                0 <= d - e <= 2 for d in days)
            low, high = (s - 1, start) if before else (end, e)
            if (before or after) and not any(low <= n < high for n in negations):
                return True
    return False


def _halves_of(moment: Time, keys: dict[str, list[int]]) -> set[Session]:
    """ "till 11", "back by 10:30": out until then; "leaving at 1": out from then; "at 2pm",
    an appointment: out around then; "since 6am", "since 2 this morning", "2 at night": when
    the illness began, neither half ("from 1pm" still the afternoon)."""
    if preceded([moment.start], keys, ("until", "back")) or arrives_beside(
            moment.start, moment.end + 1, keys, returns=False):
        return {Session.AM} if moment.minutes <= _AFTERNOON_REGISTER else {Session.AM, Session.PM}
    after = moment.end + 1
    nights = zip(keys.get("night", ()), keys.get("night" + ENDS, ()), strict=True)
    if any(0 <= p - after <= 1 or 0 <= moment.start - e <= 1 for p, e in nights):
        return set()  # "at 2 in the night", "الساعة ٢ بالليل": never a school time
    began = any(0 <= moment.start - e <= 1 for e in keys.get("since" + ENDS, ()))
    if began and (moment.minutes < _NOON or any(0 <= p - after <= 1
                                                for p in keys.get("morning", ()))):
        return set()  # "sick since 6", "since 2 this morning": when it began, not a half day
    if preceded([moment.start], keys, ("leaving",)) or _said_beside(
            moment.start, moment.end + 1, keys, ("leave",)):
        return {Session.PM} if moment.minutes >= _NOON else {Session.AM, Session.PM}
    if moment.minutes >= _SCHOOL_OUT:
        return set()  # "a GP appointment at 4pm": after the school day, no half of it
    return {Session.PM} if moment.minutes >= _NOON else {Session.AM}


def after_school_starts(words: Sequence[str], date_hits: Iterable[Hit],
                        languages: Sequence[LanguageLexicon]) -> frozenset[int]:
    """Where a reply names a moment after the school day: "tonight", "heno", "shaam ko",
    "after school", a time from half past three ("at 5", "às 17h")."""
    keys = keys_of(date_hits)
    starts = {t.start for t in times_of_day(words, keys, languages)
              if t.minutes >= _SCHOOL_OUT}
    return frozenset(starts.union(keys.get("after_school", ())))


def times_of_day(words: Sequence[str], keys: dict[str, list[int]],
           languages: Sequence[LanguageLexicon]) -> list[Time]:
    """Every time of day in a reply: "2pm", "10 30", "11 am", "half 11", and a bare hour after
    a word such as "till", "at", "back", "leaving" (a school day's hours: 7-11 are morning)."""
    found: list[Time] = []
    index = 0
    while index < len(words):
        moment = _time_at(words, index, keys, languages)
        if moment:
            found.append(moment)
            index = moment.end
        index += 1
    return found


def _time_at(words: Sequence[str], index: int, keys: dict[str, list[int]],
             languages: Sequence[LanguageLexicon]) -> Time | None:
    word, after = words[index], words[index + 1] if index + 1 < len(words) else ""
    suffixed = _HOUR_SUFFIX.match(word)
    if suffixed and int(suffixed[1]) <= 23:
        suffix = suffixed[2] if suffixed[2] != "ish" else None
        return Time(index, index, _minutes(int(suffixed[1]), 0, suffix))
    continental = _HOUR_H.match(word)  # "9h30", "14h": how Portugal, Spain and France write it
    if continental and int(continental[1]) <= 23:
        return Time(index, index, _minutes(int(continental[1]), int(continental[2] or 0), None))
    ending = _ENDED.match(word)  # Somali "1da", "2da": the hour, unless a month follows
    if (ending and int(ending[1]) <= 12 and month(after, languages) is None
            and any(ending[2] in lex.hour_endings for lex in languages)):
        return Time(index, index, _minutes(int(ending[1]), 0, None))
    if not (word.isdigit() and len(word) <= 2 and int(word) <= 23):
        return None
    hour, minutes = int(word), _MINUTES.match(after)
    if minutes:  # "10:30" and "10.30" arrive as two words
        return Time(index, index + 1, _minutes(hour, int(minutes[1]), minutes[2]))
    if after in ("am", "pm"):
        return Time(index, index + 1, _minutes(hour, 0, after))
    if index + 1 in keys.get("oclock", ()):  # "1 val", "2 baje", "3 o clock"
        return Time(index, index + 1, _minutes(hour, 0, None))
    if hour == 0 or _counts_something(after, keys, index, languages):
        return None
    half = index > 0 and words[index - 1] in _HALF
    # 13-23 only after "at" ("às 14"): "until 15" is more often the 15th than 3pm.
    roles = ("until", "back", "leaving", "at") if hour <= 12 else ("leaving", "at")
    if (half and hour <= 12) or preceded([index], keys, roles):
        return Time(index, index, _minutes(hour, 30 if half else 0, None))
    return None


def _counts_something(after: str, keys: dict[str, list[int]], index: int,
                      languages: Sequence[LanguageLexicon]) -> bool:
    """ "2 days", "3 weeks", "12 march": a number that is not an hour."""
    return (any(index + 1 in keys.get(role, ()) for role in ("days", "weeks"))
            or month(after, languages) is not None)


def _minutes(hour: int, minute: int, suffix: str | None) -> int:
    if suffix == "pm" and hour < 12:
        hour += 12
    elif suffix == "am" and hour == 12:
        hour = 0
    elif suffix is None and 1 <= hour <= 6:  # "at 2", "leaving at 1": school hours are daytime
        hour += 12
    return hour * 60 + minute


def preceded(positions: list[int], keys: dict[str, list[int]], roles: tuple[str, ...]) -> bool:
    """Whether a word of one of `roles` stands just before (or, for languages with
    postpositions such as Urdu's "peer tak", a `<role>_after` word just after) a position."""
    # Counted from where the role's phrase ends: "la llevo al cole después de comer".
    before = any(p < pos and pos - end < LOOK_BACK for pos in positions for role in roles
                 for p, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True))
    return before or any(0 < p - pos <= 2 for pos in positions for role in roles
                         for p in keys.get(role + "_after", ()))


def month(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    for lex in languages:
        for index, names in enumerate(lex.months):
            if word in names:
                return index + 1
    return None


# Somali writes the 1st "1aad", and "1da" beside a month ("1da Diseembar").
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th", "er", "eme", "º", "o", "a", "go", "ego", "ej",
                     "aad", "da")


def weekday_of(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    """The weekday a word names (0 Monday ... 6 Sunday), or None."""
    for lex in languages:
        for index, names in enumerate(lex.weekdays):
            if word in names:
                return index
    return None


def named_day(pos: int, weekday: int, keys: dict[str, list[int]], today: date) -> date:
    """The day a weekday names by itself: "next Tuesday", "marțea viitoare" ahead; "last
    Monday", or one already past this week, behind; else today or the coming one."""
    ahead = (weekday - today.weekday()) % 7
    if preceded([pos], keys, ("next",)):
        return today + timedelta(days=ahead or 7)
    if preceded([pos], keys, ("last",)) or weekday < today.weekday():
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    return today + timedelta(days=ahead)


def plainly_a_date(words: Sequence[str], pos: int, languages: Sequence[LanguageLexicon]
                   ) -> bool:
    """A number that is a day of the month, not an hour: an ordinal ending ("3rd"), a month
    beside it, or more than 12."""
    word = words[pos]
    month_beside = pos + 1 < len(words) and month(words[pos + 1], languages) is not None
    return ordinal_day(word) is not None and (not word.isdigit() or month_beside or int(word) > 12)


def ordinal_day(word: str) -> int | None:
    """The day of the month a number names ("3rd", "12", "1aad"), or None."""
    for suffix in _ORDINAL_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)].isdigit():
            word = word[: -len(suffix)]
            break
    if word.isdigit() and 1 <= int(word) <= 31:
        return int(word)
    return None


def next_day_of_month(today: date, day: int) -> date | None:
    """The first date after `today` that is the `day`th of its month (this month or next)."""
    year, number = today.year, today.month
    for _ in range(2):
        try:
            candidate = date(year, number, day)
        except ValueError:
            candidate = None
        if candidate and candidate > today:
            return candidate
        number, year = (1, year + 1) if number == 12 else (number + 1, year)
    return None
