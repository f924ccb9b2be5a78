"""Arabic joins "and" to the next word: "حمزة وريم" names Hamza and Reem, so both siblings' one
clear illness confirms.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student


@pytest.mark.parametrize("text", [
    "مرحبا، حمزة وريم عندهم حرارة، ما رح يجوا اليوم",
    "صباح الخير، ريم وحمزة عندهم استفراغ من الليل، اليوم بالبيت",
])
def test_arabic_and_joined_to_a_name_still_names_the_child(text: str) -> None:
    family = facts(student("S1", "حمزة", absent()), student("S2", "ريم", absent()),
                   language="ar")
    _, decisions = say(awaiting("S1", "S2"), text, family)
    assert sorted((r.student_id, r.intent, r.status) for r in reasons(decisions)) == [
        ("S1", Intent.ILLNESS, ReasonStatus.CONFIRMED),
        ("S2", Intent.ILLNESS, ReasonStatus.CONFIRMED)]
