"""Swallowing a whole packet, a box or a handful of something is an overdose told: urgent in
every language, whatever the pills are called. Taking one's medicine ("swallowed her tablets",
"a înghițit pastila de febră") is the illness it treats.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she swallowed a whole packet of paracetamol"),
    ("ro", "a înghițit o cutie de pastile"),
    ("cy", "mae hi wedi llyncu llwyth o dabledi"),
    ("ar", "بلعت علبة حبوب كاملة"),
    ("pt", "engoliu uma caixa de comprimidos"),
    ("lt", "prarijo visą pakelį tablečių"),
    ("es", "se tragó una caja de pastillas"),
    ("pl", "połknęła całe opakowanie tabletek"),
])
def test_a_whole_packet_swallowed_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she swallowed her tablets fine this morning, still a temperature"),
    ("ro", "a înghițit pastila de febră și doarme"),
    ("pt", "bebeu uma garrafa inteira de água e está melhor"),
    ("lt", "išgėrė vaistų nuo karščiavimo ir miega"),
    ("ur", "dawai kha li hai, ab so rahi hai"),
    ("so", "wuu cabay biyo badan, hadda wuu fiican yahay"),
    ("en", "she drank loads of water and went back to bed"),
])
def test_taking_ones_medicine_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
