"""Self-harm told as something that goes on: hurting or cutting oneself in a progressive or
habitual form ("anda a cortar-se", "khud ko kaat rahi hai", "znowu się tnie", "keeps burning
himself") is urgent in every language, with no wish to die told. Falling and getting hurt again
is an accident, and cutting one's hair again is a haircut: neither is an alarm.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

GOING_ON = [
    ("en", "he keeps burning himself with a lighter"),
    ("cy", "mae o'n anafu ei hun eto"),
    ("pl", "ciągle się kaleczy"),
    ("pl", "znowu się tnie, widziałam ślady"),
    ("pt", "ele tem andado a magoar-se"),
    ("pt", "ela anda a cortar-se nos braços"),
    ("es", "otra vez se está lastimando los brazos"),
    ("ro", "se taie din nou pe mâini"),
    ("ar", "كمان مرة عم تأذي حالها"),
    ("ur", "woh phir se khud ko zakhmi kar rahi hai"),
    ("ur", "woh khud ko kaat rahi hai"),
    ("bn", "o abar nijeke aghat korche"),
    ("bn", "o nijeke kete felche"),
    ("pa", "oh baar baar apne aap nu nuksaan pahuncha rahi"),
    ("pa", "oh apne aap nu katt rahi hai"),
    ("so", "mar kale ayay naftaada dhaawacaysaa"),
    ("lt", "ji vėl save žaloja"),
]


@pytest.mark.parametrize(("lang", "text"), GOING_ON)
def test_hurting_oneself_again_and_again_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "woh cricket khelte hue phir se gir gaya aur khud ko zakhmi kar liya"),
    ("pt", "caiu outra vez da bicicleta e magoou-se no joelho"),
    ("pl", "znowu spadł z roweru i się zranił"),
    ("es", "otra vez se cayó de la bici y se lastimó la rodilla"),
    ("es", "se está cortando el pelo otra vez"),
    ("ro", "iar a căzut cu bicicleta și s-a rănit la genunchi"),
    ("pa", "oh football khedde hoye fer dig gaya te apne aap nu zakhmi kar leya"),
])
def test_an_accident_again_or_a_haircut_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
