"""A reply as the safety net reads it: its words, its role words by position, and the few
position rules every urgent reading shares (how far apart two hits are, what a negation just
before a hit cancels)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from conversations.matching import Hit

ROLE = "role:"
NEGATED_WITHIN = 2  # a negation this close before "took/went" cancels it


@dataclass(frozen=True, slots=True)
class Shape:
    """What the net needs to know about a reply besides its role words."""

    words: Sequence[str]
    roles: Sequence[Hit]  # hits whose label is ROLE + one of ROLES
    child_positions: Collection[int] = ()  # words that name one of the contact's children
    negations: Collection[str] = frozenset()
    # The reply's own language's negations only: English "no" is Portuguese "in the" ("pus
    # no autocarro da escola").
    own_negations: Collection[str] = frozenset()
    asks: bool = False  # the reply has a question mark
    cancelled: bool = False  # "sent home", "picked her up": the child came back from school
    reason_named: bool = False  # the reply gives an ordinary reason ("at the dentist")
    reason_hits: Sequence[Hit] = ()  # the lexicon's reason phrases ("school trip")
    present_positions: Collection[int] = ()  # words naming a child the register has present
    in_later: bool = False  # the reply says when the child comes in ("after lunch")
    later_positions: Collection[int] = ()  # words for later: "then", "afterwards", "after lunch"
    long_unread: bool = False  # LONG_UNREAD_WORDS or more, and no reason read in them
    other_days: Collection[int] = ()  # words for another day: "yesterday", "kal", "tomorrow"
    todays: Collection[int] = ()  # words for today: "today", "aaj", "hoy"


def gap(a: Hit, b: Hit) -> int:
    """Words between two hits, either order (< 0: they overlap)."""
    return max(a.start - b.end, b.start - a.end)


def negated(shape: Shape, hit: Hit, *, inside: bool = True,
             told: Collection[int] = ()) -> bool:
    """A negation just before the hit ("didn't take her"), or inside it when `inside`; a
    negation inside another phrase (`told`) is that phrase's."""
    before = [shape.words[i] for i in range(max(0, hit.start - NEGATED_WITHIN), hit.start)
              if i not in told]
    within = shape.words[hit.start:hit.end] if inside else ()
    return any(w in shape.negations for w in (*before, *within))


def pairs(first: Sequence[Hit], then: Sequence[Hit], near: int) -> bool:
    return any(0 <= b.start - a.end <= near for a in first for b in then)


def by_role(hits: Sequence[Hit]) -> dict[str, list[Hit]]:
    found: dict[str, list[Hit]] = {}
    for hit in hits:
        found.setdefault(hit.label[len(ROLE):], []).append(hit)
    return found
