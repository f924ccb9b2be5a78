"""Ranges of days with their start named: "from today to Friday", "desde mañana hasta el
jueves", "od poniedziałku do środy", "o heddiw tan ddydd Gwener", "aaj se jumma tak".

A start (today, tomorrow, yesterday, a weekday or a day of the month), "to" or "until" (before
the end, or after it in the postposition languages) and an end (a weekday or a day of the
month). The range runs forward from its start through the first such end on or after it:
never from last Friday to today. "Until Friday" alone is no range (conversations/dates.py
ends it the day before: the child is back on Friday).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta

from conversations.daytimes import (
    ENDS,
    named_day,
    next_day_of_month,
    ordinal_day,
    plainly_a_date,
    weekday_of,
)
from conversations.types import LanguageLexicon

_RANGE_GAP = 1  # words between a range's start, its "to" and its end: "hasta [el] viernes"
_DAY_WORDS = {"today": 0, "tomorrow": 1, "yesterday": -1}


def read_ranges(words: Sequence[str], keys: dict[str, list[int]],
                languages: Sequence[LanguageLexicon], today: date,
                in_phrases: Collection[int]) -> tuple[list[tuple[date, date]], set[int]]:
    """The ranges a reply names, first day and last, and where their days stand: those words
    are read no other way ("from" before a start is no "since Friday", an end no return).
    `keys` loses the day words ("today") that opened a range; `in_phrases`: words that are
    no day here (a time of day, a greeting)."""
    connectors = [(start, end, False) for role in ("until", "to")
                  for start, end in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True)]
    connectors += [(start, start, True) for start in keys.get("until_after", ())]
    found: list[tuple[date, date]] = []
    used: set[int] = set()
    for start, end, after in connectors:
        last = (start - 1 - gap for gap in range(_RANGE_GAP + 1)) if after else (
            end + gap for gap in range(_RANGE_GAP + 1))
        for e in last:
            first = _range_start(e if after else start, words, keys, languages, today, in_phrases)
            closing = _range_end(e, words, languages, in_phrases, first)
            if first is None or closing is None:
                continue
            found.append((first[1], closing))
            used.update((first[0], e))
            break
    for role in _DAY_WORDS:  # a day word that opened a range says nothing more
        if role in keys:
            kept = [(s, e) for s, e in zip(keys[role], keys[role + ENDS], strict=True)
                    if s not in used]
            keys[role], keys[role + ENDS] = [s for s, _ in kept], [e for _, e in kept]
            if not kept:
                del keys[role], keys[role + ENDS]
    return found, used


def _range_start(before: int, words: Sequence[str], keys: dict[str, list[int]],
                 languages: Sequence[LanguageLexicon], today: date,
                 in_phrases: Collection[int]) -> tuple[int, date] | None:
    """The day a range opens with, ending at most _RANGE_GAP words before `before` (its "to",
    or its end in the postposition languages, "aaj [se] jumma tak"): where it stands, and
    the day."""
    for gap in range(_RANGE_GAP + 1):
        end = before - gap
        for role, offset in _DAY_WORDS.items():
            for s, e in zip(keys.get(role, ()), keys.get(role + ENDS, ()), strict=True):
                if e == end:
                    return s, today + timedelta(days=offset)
        pos = end - 1
        if pos < 0 or pos in in_phrases:
            continue
        weekday = weekday_of(words[pos], languages)
        if weekday is not None:
            return pos, named_day(pos, weekday, keys, today)
        day = ordinal_day(words[pos]) if plainly_a_date(words, pos, languages) else None
        if day is not None:
            recent = today - timedelta(days=14)
            start = next_day_of_month(recent - timedelta(days=1), day)
            if start is not None:
                return pos, start
    return None


def _range_end(pos: int, words: Sequence[str], languages: Sequence[LanguageLexicon],
               in_phrases: Collection[int], first: tuple[int, date] | None) -> date | None:
    """The last day of a range opening on `first`: the weekday or the day of the month at
    `pos`, the first on or after the start."""
    if first is None or not 0 <= pos < len(words) or pos in in_phrases or pos == first[0]:
        return None
    start = first[1]
    weekday = weekday_of(words[pos], languages)
    if weekday is not None:
        return start + timedelta(days=(weekday - start.weekday()) % 7)
    if plainly_a_date(words, pos, languages):
        day = ordinal_day(words[pos])
        if day is not None:
            return next_day_of_month(start - timedelta(days=1), day)
    return None
