"""How many SMS segments a text costs, and in which encoding.

Providers bill per segment. A text that fits the GSM 03.38 alphabet is sent as GSM-7: 160 septets
in one segment, 153 per segment once it is split (the rest carries the concatenation header);
the extension characters (`^{}\\[~]|€` and form feed) take two septets each. Any other character
(â, ł, ș, Arabic, Bengali, an emoji...) sends the whole text as UCS-2: 70 UTF-16 code units in one
segment, 67 per segment once split. Neither an escape pair nor a surrogate pair is ever split
across two segments, as handsets and providers do, so the count matches the bill.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# The GSM 03.38 default alphabet (without ESC, which only introduces the extension table).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
GSM7 = GSM7_BASIC | GSM7_EXTENSION

GSM7_SINGLE, GSM7_MULTI = 160, 153
UCS2_SINGLE, UCS2_MULTI = 70, 67


class Encoding(StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True, slots=True)
class SegmentCount:
    """`units` are GSM-7 septets or UTF-16 code units, whichever `encoding` the text needs."""

    encoding: Encoding
    segments: int
    units: int


def count_segments(text: str) -> SegmentCount:
    """The encoding, segment count and length in units of `text` sent as one SMS.

    An empty text counts as no segments (nothing is sent).
    """
    # Set and string methods do the per-character work in C: a text is counted on every send,
    # and a run counts every text it composes.
    if GSM7.issuperset(text):
        escapes = 0 if GSM7_EXTENSION.isdisjoint(text) else sum(map(text.count, GSM7_EXTENSION))
        if not escapes:  # every character one septet: nothing can straddle two segments
            return _even(Encoding.GSM7, len(text), single=GSM7_SINGLE, multi=GSM7_MULTI)
        widths = [2 if c in GSM7_EXTENSION else 1 for c in text]
        return _packed(Encoding.GSM7, widths, single=GSM7_SINGLE, multi=GSM7_MULTI)
    if max(text) <= "\uffff":  # no surrogate pairs: one UTF-16 unit a character
        return _even(Encoding.UCS2, len(text), single=UCS2_SINGLE, multi=UCS2_MULTI)
    widths = [2 if ord(c) > 0xFFFF else 1 for c in text]
    return _packed(Encoding.UCS2, widths, single=UCS2_SINGLE, multi=UCS2_MULTI)


def _even(encoding: Encoding, units: int, *, single: int, multi: int) -> SegmentCount:
    segments = 0 if not units else 1 if units <= single else -(-units // multi)
    return SegmentCount(encoding, segments, units)


def _packed(encoding: Encoding, widths: list[int], *, single: int, multi: int) -> SegmentCount:
    """Fill segments greedily, never splitting one character's units between two."""
    units = sum(widths)
    if units <= single:
        return SegmentCount(encoding, 1 if units else 0, units)
    segments, room = 1, multi
    for width in widths:
        if width > room:
            segments, room = segments + 1, multi
        room -= width
    return SegmentCount(encoding, segments, units)


def fits(text: str, budget: int) -> bool:
    """Whether `text` takes at most `budget` segments; most texts are settled without counting."""
    # An ASCII text of up to 67 characters a segment fits whichever encoding it needs: as UCS-2
    # one unit a character, as GSM-7 at most two septets a character, under 153.
    if text.isascii() and len(text) <= UCS2_MULTI * budget:
        return True
    return count_segments(text).segments <= budget
