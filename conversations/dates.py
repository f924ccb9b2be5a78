"""Which days a reply's reason covers: "off all week", "back on Monday", "until the 3rd".

Read conservatively: never beyond what a person would read. "Until X" and "back on X" both end
the day before X (the child is back on X); a range with its start named ("from today to
Friday", "desde hoy hasta el viernes", "od poniedziałku do środy", "aaj se jumma tak") runs
forward from that start through X; "for 3 days" counts school days from today; a bare
weekday in the past ("she was off on Monday") points a late reply at that day's marks. Weekends
and the school's closed days (given in the facts) are never school days.

Times of day are never dates (conversations/daytimes.py reads them): a bare number is a day of
the month only with an ordinal ending ("the 3rd"), a month beside it, or when it cannot be an
hour.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from conversations import tense
from conversations.breaks import bound_breaks, last_day_before_closure
from conversations.daytimes import (
    ENDS,
    LOOK_BACK,
    NEGATION,
    VERB_NEGATION,
    Time,
    comes_in_later,
    half_day,
    keys_of,
    named_day,
    next_day_of_month,
    ordinal_day,
    plainly_a_date,
    preceded,
    times_of_day,
    weekday_of,
)
from conversations.matching import Hit
from conversations.ranges import read_ranges
from conversations.types import LanguageLexicon, Session, SessionRef, Span

MAX_SCHOOL_DAYS = 10  # two school weeks: anything longer is for a person to read
_SATURDAY = 5
# Postposition languages close the clause with the verb: "Monday [theke school e] ashbe"
# (back from Monday), "somvar [ko school] aayegi", "mongolbar [theke abar school e] jabe".
_AFTER_WITHIN = 5
# "tomorrow [she'll be] back", "kal [time te] aayegi": the coming verb a few words on.
_RETURN_WITHIN = 3
_DOUBT_BEFORE_HOUR = 2  # "hopefully [before] 11"
_CLOCK_HOURS = 12
_HOUR_WITHIN = 4  # "przyjdzie [na lekcje dopiero] po 11": the hour she comes in
_LATER_WITHIN = 2  # "be in [after]", "ateis [po pietų]", "comes in [at 11]": a late arrival
_TENTATIVE_AFTER = 6  # "tomorrow either, but we'll see": the doubt may follow the day
_FROM_DAY_TO_LENGTH = 5  # "from Monday [for] 2 weeks", "od poniedziałku [przez] 2 tygodnie"
_DENIED_BEFORE, _DENIED_AFTER = 4, 5  # "won't [be in] today", "ajke [ar school e jabe] na"
_BACK_JUST_AFTER = 2  # "vineri [ea] revine", "Friday [she will be back]": the day's return


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
              in_phrases: Collection[int] = (), closed: Collection[date] = ()) -> Span | None:
    """The days a reply speaks of, or None when it names none; `today` is the school's date
    when the message was sent. `in_phrases`: words inside a longer phrase of another kind
    ("sat" in the greeting "sat sri akal"), which are never a weekday. `closed`: the school's
    closed days, where "until after half term" ends (conversations/breaks.py)."""
    date_hits = list(date_hits)
    keys = keys_of(date_hits)
    negations = frozenset().union(*(lex.negations for lex in languages))
    keys[NEGATION] = [i for i, word in enumerate(words) if word in negations]
    verb_negations = frozenset().union(*(lex.verb_negations for lex in languages))
    keys[VERB_NEGATION] = [i for i, word in enumerate(words) if word in verb_negations]
    _read_tense(words, keys, languages)
    _drop_negated_returns(words, keys, languages)
    times = times_of_day(words, keys, languages)
    _doubt_of_the_hour(words, keys, times)
    parts: list[tuple[date, date]] = []
    # The last day before a return the reply names ("back on Wednesday", "until the 3rd",
    # "back tomorrow"): nothing else it says reaches past it.
    returns: list[date] = []
    friday = today + timedelta(days=4 - today.weekday()) if today.weekday() < 5 else None
    if "all_week" in keys and friday:
        parts.append((today, friday))
    if "next_week" in keys:
        monday = today + timedelta(days=7 - today.weekday())
        if preceded(keys["next_week"], keys, ("until", "back")):  # "back next week"
            parts.append((today, monday - timedelta(days=1)))
            returns.append(monday - timedelta(days=1))
        else:
            parts.append((monday, monday + timedelta(days=4)))
    clock_words = {i for t in times for i in range(t.start, t.end + 1)}
    ranges, ranged = read_ranges(words, keys, languages, today, {*in_phrases, *clock_words})
    parts += ranges
    returns += [end for _, end in ranges]
    in_phrases = {*in_phrases, *ranged}
    started, started_at = _from_a_named_day(words, keys, languages, today, in_phrases)
    parts += started
    parts += _counted(words, keys, languages, today, started_at, closed)
    in_phrases = {*in_phrases, *started_at}
    weekdays, weekday_returns = _weekdays(words, keys, languages, today, in_phrases)
    parts += weekdays
    returns += weekday_returns
    by_date = _day_of_month(words, keys, languages, today, times, in_phrases)
    parts += by_date
    returns += [end for _, end in by_date]
    meant = _inclusive_until(words, keys, languages, today, in_phrases)
    if bound_breaks(date_hits):  # "not back until after half term": up to the closure
        last = last_day_before_closure(today, closed)
        parts.append((today, last))
        returns.append(last)
    if "two_days" in keys:  # a dual form ("يومين"): two days in one word
        parts.append((today, add_school_days(today, 1, closed)))
    # "will see how she is tomorrow", "not in tomorrow either, but we'll see" say nothing yet
    # about tomorrow, though "will send him in tomorrow if he's ok" still ends with today.
    if "tomorrow" in keys:
        days_named = [pos for pos, word in enumerate(words)
                      if weekday_of(word, languages) is not None]
        tomorrow, back_tomorrow = _tomorrow(keys, today, times, days_named)
        if back_tomorrow:
            parts.append(tomorrow)
            returns.append(tomorrow[1])
            _drop_halves_of_tomorrow(keys)
        elif not _tentative(keys, "tomorrow"):
            parts.append(tomorrow)
    if "yesterday" in keys:
        end = today if "since" in keys or "today" in keys else today - timedelta(days=1)
        parts.append((today - timedelta(days=1), end))
    if "today" in keys:  # "the funeral is today": today whatever else is named
        parts.append((today, today))
    session = half_day(keys, times)
    # "Dentist this morning, back tomorrow", "took her to the GP this morning, she won't be in
    # today", "ajke sokale GP te niye gese ... ajke ar school e jabe na": not in at all
    # today, so the whole day.
    if (session is Session.AM and (any(day >= today for day in returns)
                                   or _not_in_today(keys))
            and not comes_in_later(keys, times)):
        session = None
    if session and not parts:
        parts.append((today, today))
    if not parts:
        return None
    start = min(p[0] for p in parts)
    # At most two school weeks from when the absence starts ("from Monday for 3 weeks").
    end = min(max(p[1] for p in parts),
              add_school_days(max(start, today), MAX_SCHOOL_DAYS - 1, closed),
              *returns)
    if end < start:
        end = start
    reach = max(meant, default=None)
    return Span(start, end, session if start == end else None,
                reach if reach is not None and reach > end else None)


def _not_in_today(keys: dict[str, list[int]]) -> bool:
    """ "won't be in today", "hoy no va", "dziś jej nie będzie", "aaj school nahi aayegi",
    "ajke ar school e jabe na": today denied, a negation a few words before "today" or, where
    the verb closes the clause, a few words after it."""
    denied = [*keys.get(NEGATION, ()), *keys.get(VERB_NEGATION, ())]
    return any(-_DENIED_BEFORE <= n - t <= _DENIED_AFTER
               for t in keys.get("today", ()) for n in denied)


def _inclusive_until(words: Sequence[str], keys: dict[str, list[int]],
                     languages: Sequence[LanguageLexicon], today: date,
                     in_phrases: Collection[int]) -> list[date]:
    """The named days of "until" (not "back on") that the reply may mean to include: "stay
    home till Friday" is read as back on Friday, but a parent may mean through Friday, so a
    longer illness that reading makes goes to a person (when in doubt, a person decides).
    "Not back until Monday", "no vuelve hasta el lunes" say the day is the first one back."""
    found = []
    untils = [*keys.get("until", ()), *keys.get("until_after", ())]
    days_named = _days_named(words, keys, languages)
    # "off till Thursday so he'll be back Thursday morning": the same day named as a return
    # says which "till" it is.
    back_on = {weekday_of(word, languages) for pos, word in enumerate(words)
               if preceded([pos], keys, ("back",)) or _coming_after(pos, keys, days_named)}
    for pos, word in enumerate(words):
        weekday = weekday_of(word, languages)
        if weekday in back_on:
            continue
        if (weekday is None or pos in in_phrases or not preceded([pos], keys, ("until",))
                or preceded([pos], keys, ("back",)) or _coming_after(pos, keys, days_named)
                or any(0 <= u - n <= _RETURN_WITHIN for u in untils if abs(u - pos) <= LOOK_BACK
                       for n in (*keys[NEGATION], *keys.get("not_back" + ENDS, ())))):
            continue
        found.append(today + timedelta(days=(weekday - today.weekday()) % 7 or 7))
    return [day for day in found if day.weekday() < _SATURDAY]


def part_span(words: Sequence[str], date_hits: Iterable[Hit],
              languages: Sequence[LanguageLexicon], today: date, *, start: int, end: int,
              in_phrases: Collection[int] = (), closed: Collection[date] = ()) -> Span | None:
    """The days the words [start, end) of a reply speak of (one child's part of it)."""
    inside = [Hit(h.label, h.start - start, h.end - start, h.weight) for h in date_hits
              if start <= h.start and h.end <= end]
    return read_span(words[start:end], inside, languages, today,
                     {i - start for i in in_phrases if start <= i < end}, closed)


def _drop_negated_returns(words: Sequence[str], keys: dict[str, list[int]],
                          languages: Sequence[LanguageLexicon]) -> None:
    """ "nu va veni mâine", "আগামীকাল আসবে না", "kal nahi aayegi": a coming verb with a
    negation just before or after it says the child is not back, so it is no return."""
    beside = frozenset().union(*(lex.verb_negations for lex in languages))
    before = set(keys[NEGATION]) | {i for i, word in enumerate(words) if word in beside}
    after = {i for i, word in enumerate(words) if word in beside}
    for role in ("back", "back_after", "arrive"):
        kept = [(start, end) for start, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()),
                                                   strict=True)
                if start - 1 not in before and end not in after]
        if role in keys:
            keys[role] = [start for start, _ in kept]
            keys[role + ENDS] = [end for _, end in kept]


def _read_tense(words: Sequence[str], keys: dict[str, list[int]],
                languages: Sequence[LanguageLexicon]) -> None:
    """ "kal" read as tomorrow or yesterday by its verb's tense joins those keys."""
    taken = {p for role in ("tomorrow", "yesterday")
             for start, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True)
             for p in range(start, end)}
    ahead, before = tense.either_days(words, languages, taken)
    for role, found in (("tomorrow", ahead), ("yesterday", before)):
        for position in found:
            keys.setdefault(role, []).append(position)
            keys.setdefault(role + ENDS, []).append(position + 1)


def _doubt_of_the_hour(words: Sequence[str], keys: dict[str, list[int]],
                       times: Sequence[Time]) -> None:
    """ "she'll come in late, hopefully before 11": a doubt said just before an hour (a time
    of day, or a bare hour of the clock) is about the hour she comes in, not the day, so the
    day stays said."""
    hours = {t.start for t in times} | {i for i, word in enumerate(words)
                                        if word.isdigit() and 1 <= int(word) <= _CLOCK_HOURS}
    pairs = [(s, e) for s, e in zip(keys.get("tentative", ()), keys.get("tentative" + ENDS, ()),
                                    strict=True)
             if not any(0 <= h - e < _DOUBT_BEFORE_HOUR for h in hours)]
    if "tentative" in keys:
        keys["tentative"] = [s for s, _ in pairs]
        keys["tentative" + ENDS] = [e for _, e in pairs]


def _drop_halves_of_tomorrow(keys: dict[str, list[int]]) -> None:
    """ "Ill, back tomorrow after lunch": the half-day words just after the day of return are
    that day's, not today's (today is the whole day)."""
    ends = keys.get("tomorrow" + ENDS, ())
    for role in ("afternoon", "present_pm", "morning"):
        pairs = [(s, e) for s, e in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True)
                 if not any(0 <= s - end <= _LATER_WITHIN for end in ends)]
        if role in keys:
            keys[role] = [s for s, _ in pairs]
            keys[role + ENDS] = [e for _, e in pairs]


def _tentative(keys: dict[str, list[int]], role: str) -> bool:
    """A "maybe" / "we'll see" just before the role's word or a few words after it; or the day
    left open ("will let you know about tomorrow", "amanhã eu aviso", "kal ka bata dungi"):
    just before it, or at most a word after it, that word no "either" or negation ("won't be
    in tomorrow either, I'll let you know how she is" says tomorrow)."""
    stated = {*keys.get("also", ()), *keys.get(NEGATION, ())}
    return preceded(keys[role], keys, ("tentative", "open_day")) or any(
        0 <= t - end <= _TENTATIVE_AFTER for end in keys[role + ENDS]
        for t in keys.get("tentative", ())) or any(
        0 <= t - end <= 1 and end not in stated for end in keys[role + ENDS]
        for t in keys.get("open_day", ()))


def _tomorrow(keys: dict[str, list[int]], today: date, times: Sequence[Time],
              days_named: Sequence[int] = ()) -> tuple[tuple[date, date], bool]:
    """ "back tomorrow", "tomorrow she's in as normal": today only; "off today and tomorrow",
    "tomorrow too": both; plain "tomorrow" ("hospital appointment tomorrow morning"): tomorrow,
    and never today. "Tomorrow ... she'll be in after", "ateis po pietų" (comes after lunch)
    is a late arrival tomorrow, not a return, and "tomorrow at the hospital, back on Tuesday"
    returns on the Tuesday (a return word beside a weekday is that day's). True beside the
    days when it is a return."""
    tomorrow = today + timedelta(days=1)
    later = {t.start for t in times} | {p for role in ("afternoon", "later", "present_pm")
                                        for p in keys.get(role, ())}
    hours = {t.start for t in times}
    # "back tomorrow", and "tomorrow [she] goes as normal" ("mañana va normal", "jutro
    # normalnie", "berri sidii caadiga ah").
    back_after = [q for role in ("back", "back_after", "as_usual")
                  for q, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True)
                  # "she'll be in after lunch": "be in" and "in after lunch" overlap; and
                  # "przyjdzie [na lekcje dopiero] po 11": an hour a few words on is when
                  # she comes in, late, not a day back.
                  if not any(q < x <= end + _LATER_WITHIN for x in later)
                  and not any(q < x <= end + _HOUR_WITHIN for x in hours)
                  and not any(0 <= d - end < LOOK_BACK for d in days_named)]
    negations = keys.get(NEGATION, [])
    # "la llevo al cole mañana después de comer, tiene análisis por la mañana": a coming word
    # with tomorrow, the afternoon just after it and a morning named is a late arrival
    # tomorrow, not a return.
    if "morning" in keys and "today" not in keys and any(
            0 <= x - end <= _LATER_WITHIN for end in keys["tomorrow" + ENDS] for x in later):
        return (tomorrow, tomorrow), False
    if preceded(keys["tomorrow"], keys, ("back", "until")) or any(
            0 <= q - end <= _RETURN_WITHIN and not any(end <= n <= q for n in negations)
            and not any(end <= d < q for d in days_named)  # "kal [mangal ko] wapas aayegi"
            for end in keys["tomorrow" + ENDS] for q in back_after):
        return (today, today), True
    if "today" in keys or "also" in keys:
        return (today, tomorrow), False
    return (tomorrow, tomorrow), False


def _number(word: str, languages: Sequence[LanguageLexicon]) -> int | None:
    if word.isdigit() and len(word) <= 2:
        return int(word)
    for lex in languages:
        if word in lex.numbers:
            return lex.numbers[word]
    return None


def _counted(words: Sequence[str], keys: dict[str, list[int]],
             languages: Sequence[LanguageLexicon], today: date,
             started: Collection[int] = (), closed: Collection[date] = ()
             ) -> list[tuple[date, date]]:
    """ "for 3 days", "a couple of days", "2 weeks": that many school days from today (the
    lengths at `started` run from a day the reply names, `_from_a_named_day`)."""
    # School days: a bank holiday or an INSET day inside "3 days" is not one of them.
    return [(today, add_school_days(today, length - 1, closed))
            for pos, length in _lengths(words, keys, languages) if pos not in started]


def _lengths(words: Sequence[str], keys: dict[str, list[int]],
             languages: Sequence[LanguageLexicon]) -> list[tuple[int, int]]:
    """Where each length of time stands, and how many school days it is. A length said with
    "now" / "already" ("had this cough for a week now") is how long it has been, not how long
    the child will be off."""
    found = []
    so_far = keys.get("so_far", ())
    for role, per in (("days", 1), ("weeks", 5)):
        for pos in keys.get(role, ()):
            if any(0 < p - pos <= 1 for p in so_far):
                continue
            count = None
            for back in (1, 2):
                if pos - back >= 0:
                    count = count or _number(words[pos - back], languages)
            if count is None and preceded([pos], keys, ("couple",)):
                count = 2
            if count is None and preceded([pos], keys, ("few",)):
                count = 3
            if count:
                found.append((pos, min(count * per, MAX_SCHOOL_DAYS)))
    return found


def _from_a_named_day(words: Sequence[str], keys: dict[str, list[int]],
                      languages: Sequence[LanguageLexicon], today: date,
                      in_phrases: Collection[int]) -> tuple[list[tuple[date, date]], set[int]]:
    """ "from Monday for 2 weeks", "peer se 2 hafte", "od poniedziałku przez 2 tygodnie": a
    weekday a length follows is when the absence starts, so the coming one (never the one
    past), and the length counts from it. The days, and where the weekdays and lengths stand
    (read no other way)."""
    parts: list[tuple[date, date]] = []
    used: set[int] = set()
    lengths = _lengths(words, keys, languages)
    for pos, word in enumerate(words):
        weekday = weekday_of(word, languages)
        if weekday is None or weekday >= _SATURDAY or pos in in_phrases:
            continue
        after = [(p, n) for p, n in lengths if 0 < p - pos <= _FROM_DAY_TO_LENGTH]
        if not after:
            continue
        start = today + timedelta(days=(weekday - today.weekday()) % 7)
        parts.append((start, add_school_days(start, after[0][1] - 1)))
        used.update((pos, after[0][0]))
    return parts, used


def _weekdays(words: Sequence[str], keys: dict[str, list[int]],
              languages: Sequence[LanguageLexicon], today: date,
              in_phrases: Collection[int] = ()) -> tuple[list[tuple[date, date]], list[date]]:
    """The days each weekday named covers, and the last days before the returns among them.
    A Saturday or Sunday named alone ("broke her arm on Saturday") is when something
    happened, never a school day off. A weekday already past this week is last week's,
    unless the reply says the next one ("next Tuesday", "dydd Mawrth nesa")."""
    parts, returns = [], []
    days_named = _days_named(words, keys, languages)
    for pos, word in enumerate(words):
        weekday = weekday_of(word, languages)
        if weekday is None or pos in in_phrases:
            continue
        ahead = (weekday - today.weekday()) % 7
        if preceded([pos], keys, ("until", "back")) or _coming_after(pos, keys, days_named):
            target = today + timedelta(days=ahead or 7)
            parts.append((today, target - timedelta(days=1)))
            returns.append(target - timedelta(days=1))
        elif weekday >= _SATURDAY:
            continue
        elif preceded([pos], keys, ("since",)):
            parts.append((today - timedelta(days=(today.weekday() - weekday) % 7), today))
        else:
            day = named_day(pos, weekday, keys, today)
            parts.append((day, day))
    return parts, returns


def _coming_after(pos: int, keys: dict[str, list[int]], days_named: Collection[int]) -> bool:
    """A coming verb closing the clause a weekday opens: "Monday theke school e ashbe" (comes
    from Monday), "somvar ko school aayegi"; or a return told right after the weekday in any
    language ("marți, miercuri și joi, vineri revine la școală", "Friday she'll be back")
    after the days off (days named or counted before it), so those are the absence and the
    weekday is the first day back. Alone, or "next", a weekday is the day itself ("na próxima
    terça vai faltar"). A return that leads on to another day ("ill Monday, back Wednesday")
    is that day's, not this one's. `days_named`: where the reply names a day (a weekday,
    today, tomorrow)."""
    negations = keys[NEGATION]
    days_before = any(d < pos for d in (*days_named, *keys.get("days", ()),
                                        *keys.get("weeks", ())))
    if any(0 < q - pos <= _AFTER_WITHIN and not any(pos < n <= q for n in negations)
           and not any(pos < d < q for d in days_named) for q in keys.get("back_after", ())):
        return True
    if not days_before or preceded([pos], keys, ("next",)):
        return False
    # "el jueves [por la mañana] vuelve": the half of the day the return is in may stand
    # between the weekday and it.
    anchor = max([pos, *(end - 1 for role in ("morning", "afternoon")
                         for start, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()),
                                               strict=True) if 0 < start - pos <= 1)])
    return any(0 < q - anchor <= _BACK_JUST_AFTER and not any(pos < n <= q for n in negations)
               and not any(pos < d < q or 0 <= d - end <= _LATER_WITHIN for d in days_named)
               for q, end in zip(keys.get("back", ()), keys.get("back" + ENDS, ()), strict=True))


def _days_named(words: Sequence[str], keys: dict[str, list[int]],
                languages: Sequence[LanguageLexicon]) -> list[int]:
    """Where the reply names a day: a weekday, today or tomorrow."""
    return [pos for pos, word in enumerate(words) if weekday_of(word, languages) is not None
            ] + [*keys.get("today", ()), *keys.get("tomorrow", ())]


def _day_of_month(words: Sequence[str], keys: dict[str, list[int]],
                  languages: Sequence[LanguageLexicon], today: date,
                  times: Sequence[Time], in_ranges: Collection[int] = ()
                  ) -> list[tuple[date, date]]:
    """ "until the 3rd", "back on 12th": the next such day of the month, exclusive. Never a
    time of day ("til 11", "back by 10:30")."""
    clock_words = {i for t in times for i in range(t.start, t.end + 1)}
    parts = []
    for pos, word in enumerate(words):
        if pos in clock_words or pos in in_ranges:
            continue
        day = ordinal_day(word)
        if day is None or not preceded([pos], keys, ("until", "back")):
            continue
        if not plainly_a_date(words, pos, languages):
            continue  # a bare 1-12 after "till" is an hour far more often than a date
        target = next_day_of_month(today, day)
        if target:
            parts.append((today, target - timedelta(days=1)))
    return parts
