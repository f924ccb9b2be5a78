"""A school break named as a bound: "not back until after half term", "hasta después de Semana
Santa", "pana dupa vacanta de Craciun", "Easter ki chuttiyon ke baad", "fasaxa kadib", "do świąt
już nie wróci", "cyn gwyliau Nadolig".

Such a break is *when* the absence ends, not its reason: the reason is what else the reply
says (the illness), and the days run from today to the last school day before the school's
next closure (closed days never get a code). Which days those are only the school's calendar
knows, so with no closure ahead in it, the reply covers today only and a person reads the rest.

A break is a bound when a bound word stands just before it ("until", "after", "before", "till
the end of": `until`, `later`, `break_before`) or, in postposition languages, just after it
("ke baad", "er pore", "kadib", "tak": `break_after`). "Off to Spain for half term" names no
bound: that is a holiday.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

from conversations.daytimes import ENDS, keys_of, preceded
from conversations.matching import Hit

BREAK = "school_break"
_BEFORE = ("until", "later", "break_before")
_AFTER_WITHIN = 2  # "half term [-ka] kadib", "Easter ki chuttiyon [hi] ke baad"
_LOOK_AHEAD_DAYS = 60  # how far ahead the calendar is searched for the closure


def bound_breaks(date_hits: Iterable[Hit]) -> list[tuple[int, int]]:
    """Where each break named as a bound starts and ends, in reply order."""
    keys = keys_of(date_hits)
    afters = keys.get("break_after", ())
    return [(start, end) for start, end in zip(keys.get(BREAK, ()), keys.get(BREAK + ENDS, ()),
                                                strict=True)
            if preceded([start], keys, _BEFORE) or any(0 <= q - end <= _AFTER_WITHIN
                                                        for q in afters)]


def last_day_before_closure(today: date, closed: Collection[date]) -> date:
    """The last school day before the first closed weekday after today, or today when the
    calendar shows no closure ahead (a person reads the rest)."""
    day = today + timedelta(days=1)
    for _ in range(_LOOK_AHEAD_DAYS):
        if day.weekday() < 5 and day in closed:
            last = day - timedelta(days=1)
            while last > today and (last.weekday() >= 5 or last in closed):
                last -= timedelta(days=1)
            return last
        day += timedelta(days=1)
    return today


def outside_breaks(intent_hits: list[Hit], date_hits: Iterable[Hit],
                   reasons: Collection[str]) -> list[Hit]:
    """The reply's intent words, less those inside a break ("Semana Santa", "vacaciones" in
    "hasta después de las vacaciones de Navidad", and "Wesołych Świąt" beside "do świąt"), when
    a break is a bound and another reason (a label in `reasons`) is left: the illness is the
    reason, the break only when it ends."""
    hits = list(date_hits)
    if not bound_breaks(hits):
        return intent_hits
    named = [(h.start, h.end) for h in hits if h.label == BREAK]
    kept = [h for h in intent_hits if not any(s < h.end and h.start < e for s, e in named)]
    return kept if any(h.label in reasons for h in kept) else intent_hits
