"""Vomiting in Levantine Arabic confirms as illness in every person and number parents write it:
"عم يستفرغوا" (they), "بتستفرغ", and in Arabizi "testafreg", "yestafrego", not only the bare
"يستفرغ". Near misses must not: a word that only shares the letters stays unread.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


VOMITING = [
    "ايمي عم يستفرغوا من الليل، ما رح يجوا اليوم",
    "ايمي بتستفرغ من امبارح، مش جاية اليوم",
    "Amy 3am testafreg mn el lel, ma ra7 tiji",
    "Amy 3am yestafrego mn el lel, ma ra7 yiju lyom",
]


@pytest.mark.parametrize("text", VOMITING)
def test_vomiting_in_every_person_confirms_illness(text: str) -> None:
    assert _recorded("ar", text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


def test_a_plain_day_off_confirms_no_illness() -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(
        "ar", "Amy ra7 tiji bokra, shukran"
    )
