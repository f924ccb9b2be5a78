"""An upset stomach told noun-first ("stomach upset since night", "her tummy is upset") is
illness, not an upset child; and a cold in romanised and Gurmukhi Punjabi is read in each
spelling families type ("zukaam", "jukaam", "zukhaam", "ਜ਼ੁਕਾਮ", "nazla"), as Urdu already is.

Near misses must not: an upset child ("upset about her friends") stays a person's to read.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


ILLNESS = [
    ("en", "Hello, Amy is not feeling well, stomach upset since night. Keeping home today"),
    ("en", "Amy's tummy is upset, keeping her home today"),
    ("pa", "Amy is not well, tummy upset since last night, keeping her home today ji"),
    ("pa", "Amy nu bahut zukaam lagg gaya, aj ghare hi rakhange"),
    ("pa", "Amy nu jukaam ho gaya, aj ghar rahu"),
    ("pa", "Amy nu nazla te khang aa, ajj ghar rahu"),
    ("ur", "Amy ko zukaam hai, aaj ghar pe hai"),
]


@pytest.mark.parametrize(("lang", "text"), ILLNESS)
def test_a_stomach_upset_or_a_cold_as_spelt_confirms_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


UPSET_CHILD = [
    ("en", "Amy is upset about her friends, she doesn't want to come in today"),
]


@pytest.mark.parametrize(("lang", "text"), UPSET_CHILD)
def test_an_upset_child_is_not_illness(lang: str, text: str) -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(lang, text)
