"""Each child's part of a reply that names several: its own reason and its own days.

"Amy has a cold, Ben is at his nan's in Spain": the words from one name up to the next are
about that child, so Amy's illness is clear however unclear Ben's holiday is, and "Hugo: off
today and tomorrow. Martina: the optician at 10" gives each child its own sessions.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date

from conversations import children, dates
from conversations.lexicon import ALL_CHILDREN, DATE
from conversations.matching import Hit
from conversations.policy import REASON_INTENTS
from conversations.reply_shape import ROLE
from conversations.scoring import decide
from conversations.types import URGENT_INTENTS, ChildReading, Intent, LanguageLexicon, Span

_REASON_LABELS = frozenset(i.value for i in REASON_INTENTS)
_COMING = frozenset(DATE + key for key in ("back", "back_after", "as_usual"))


def date_hits(hits: Sequence[Hit]) -> list[Hit]:
    """The reply's date phrases, labelled by their role ("back", "tomorrow"). A coming word
    inside a longer reason is that reason's, not a return: "vai ser operada" (will have an
    operation) holds "vai" (goes)."""
    reasons = [h for h in hits if h.label in _REASON_LABELS and h.end - h.start > 1]
    return [Hit(h.label[len(DATE):], h.start, h.end, h.weight) for h in hits
            if h.label.startswith(DATE) and not (h.label in _COMING and any(
                r.start <= h.start and h.end <= r.end and r.end - r.start > h.end - h.start
                for r in reasons))]


def children_days(readings: tuple[ChildReading, ...], words: Sequence[str],
                  hits: Sequence[Hit], mentions: Sequence[children.Mention],
                  langs: Sequence[LanguageLexicon], today: date,
                  in_phrases: Collection[int],
                  closed: Collection[date] = ()) -> tuple[ChildReading, ...]:
    """Each sibling's own days, when two or more are named and one's own words name days
    ("Hugo: off today and tomorrow. Martina: the optician at 10, in after break"). A child
    with a reason of its own takes the days of its own words (none named: none, not its
    sibling's), or those of a part about all of them ("both off till Friday"); a child who
    shares a reason ("Amy and Ben are off all week") shares the whole reply's days."""
    if len({r.student_id for r in readings}) < 2:
        return readings
    day_hits = date_hits(hits)
    parts: dict[str, list[tuple[int, int]]] = {}
    for index, mention in enumerate(mentions):
        end = mentions[index + 1].position if index + 1 < len(mentions) else len(words)
        parts.setdefault(mention.student_id, []).append((0 if index == 0 else mention.position,
                                                         end))
    own: dict[str, Span | None] = {}
    dated: dict[str, bool] = {}
    shared: Span | None = None
    for student_id, ranges in parts.items():
        spans = [dates.part_span(words, day_hits, langs, today, start=a, end=b,
                                 in_phrases=in_phrases, closed=closed) for a, b in ranges]
        own[student_id] = next((found for found in spans if found), None)
        dated[student_id] = any(h.label in _REASON_LABELS and a <= h.start < b
                                for h in hits for a, b in ranges)
        if any(h.label == ALL_CHILDREN and a <= h.start < b for h in hits for a, b in ranges):
            shared = shared or own[student_id]
    if not any(own.values()):
        return readings
    return tuple(replace(r, span=own.get(r.student_id) or shared, dated=True)
                 if dated.get(r.student_id) or own.get(r.student_id) else r for r in readings)


_WELL = ROLE + "well"


def per_child(words: Sequence[str], hits: Sequence[Hit], intent_hits: Sequence[Hit],
              mentions: Sequence[children.Mention], present: Collection[int] = (),
              ) -> tuple[tuple[ChildReading, ...], bool]:
    """The intent for each named child: the words from one name up to the next are about it.

    Each child's reason is judged on its own words: "Amy has a cold, Ben is at his nan's in
    Spain" is a clear illness for Amy however unclear Ben's holiday is. "All of them" with no
    name leaves the children to the dialogue, which knows who is absent. A child the register
    has present ("Jayden went in as normal") shares no one else's reason.
    """
    all_children = any(h.label == ALL_CHILDREN for h in hits)
    if not mentions:
        return (), all_children
    overall, confidence, mixed = decide(intent_hits)
    readings: dict[str, ChildReading] = {}
    shared: set[str] = set()  # children read so far only by the reply's overall reason
    for index, mention in enumerate(mentions):
        start = 0 if index == 0 else mention.position
        end = mentions[index + 1].position if index + 1 < len(mentions) else len(words)
        if mention.position in present:
            start = mention.position  # what comes before a present child's name is not its
        own = decide([h for h in intent_hits if start <= h.start < end])
        no_reason = own[0] in (Intent.UNCLEAR, Intent.ACKNOWLEDGEMENT)
        if no_reason and mention.position in present:
            continue
        # "Amy has flu, Ben is fine": the child's own words say they are well (the `well` role
        # words), so they share no one's reason (their absence stays unexplained).
        # A day beside it ("Ben should be fine tomorrow") is when they are back, not wellness.
        told = [h.label for h in hits if mention.position < h.start < end]
        if no_reason and _WELL in told and not any(t.startswith(DATE) for t in told):
            continue
        # A later segment that names no reason of its own ("Nico, Irene y Marcos") shares the
        # one before ("Amy and Ben are sick"), which the overall reading already holds.
        if no_reason or overall in URGENT_INTENTS:
            own = (overall, confidence, mixed)
        reading = ChildReading(mention.student_id, own[0], confidence=round(own[1], 2),
                               mixed=own[2])
        # "Alice and Miguel are off: Alice has a fever, Miguel is with me at the consulate":
        # a child named again with a reason of its own takes that reason.
        if mention.student_id not in readings or (mention.student_id in shared
                                                  and not no_reason):
            readings[mention.student_id] = reading
            if no_reason:
                shared.add(mention.student_id)
            else:
                shared.discard(mention.student_id)
    return tuple(readings.values()), all_children
