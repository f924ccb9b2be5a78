"""SMS segment counting: GSM-7 and UCS-2 limits, double-width characters never split."""

from __future__ import annotations

import pytest

from channels.segments import Encoding, SegmentCount, count_segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", SegmentCount(Encoding.GSM7, 0, 0)),
        ("a" * 160, SegmentCount(Encoding.GSM7, 1, 160)),
        ("a" * 161, SegmentCount(Encoding.GSM7, 2, 161)),
        ("a" * 306, SegmentCount(Encoding.GSM7, 2, 306)),
        ("a" * 307, SegmentCount(Encoding.GSM7, 3, 307)),
        ("é£ÄÖÑÜ§¿à@$", SegmentCount(Encoding.GSM7, 1, 11)),
        ("€" * 80, SegmentCount(Encoding.GSM7, 1, 160)),
        ("€" * 81, SegmentCount(Encoding.GSM7, 2, 162)),
        ("ł" * 70, SegmentCount(Encoding.UCS2, 1, 70)),
        ("ł" * 71, SegmentCount(Encoding.UCS2, 2, 71)),
        ("ł" * 134, SegmentCount(Encoding.UCS2, 2, 134)),
        ("ł" * 135, SegmentCount(Encoding.UCS2, 3, 135)),
        ("مرحبا", SegmentCount(Encoding.UCS2, 1, 5)),
        ("🙂" * 35, SegmentCount(Encoding.UCS2, 1, 70)),
    ],
)
def test_counts_units_and_segments(text: str, expected: SegmentCount) -> None:
    assert count_segments(text) == expected


def test_one_character_outside_gsm7_sends_the_whole_text_as_ucs2() -> None:
    assert count_segments("a" * 100 + "â").encoding == "UCS-2"
    assert count_segments("a" * 100 + "â").segments == 2


def test_an_escape_pair_is_not_split_across_segments() -> None:
    # 152 septets then a two-septet euro: it cannot share the first segment's last septet.
    assert count_segments("a" * 152 + "€" + "a" * 152).segments == 3
    assert count_segments("a" * 151 + "€" + "a" * 153).segments == 2


def test_a_surrogate_pair_is_not_split_across_segments() -> None:
    assert count_segments("ł" * 66 + "🙂" + "ł" * 66).segments == 3
    assert count_segments("ł" * 65 + "🙂" + "ł" * 67).segments == 2
