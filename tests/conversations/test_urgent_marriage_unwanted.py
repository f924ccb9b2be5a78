"""A marriage the child does not want, told in fresh words in every language (issue 14:
urgent recall), and a family wedding nobody wants to miss (no false urgent).

"querem levá-la ... para casar ... e não quer", "mana rabto", "oh nahi chahundi": a marriage
word and the child unwilling is a forced marriage (conversations/safety.py, `_forced`). "She
doesn't want to miss the wedding" is wanting to go: the lexicons' `defuse` phrases set the
unwilling word aside. Every reply here is written for these tests.

Known gap, left on purpose: English "sending her to Pakistan next week to get married" — "to
get married" alone would make any long unread reply about a relative's wedding urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

UNWANTED_MARRIAGE = [
    ("es", "la quieren llevar a Marruecos para casarla, tiene 15 años y no quiere"),
    ("pl", "chcą ją wywieźć do Pakistanu i wydać za mąż, ma 15 lat i nie chce"),
    ("pt", "querem levá-la para a Guiné para casar, tem 15 anos e não quer"),
    ("ro", "vor s-o ducă în țară s-o mărite, are 15 ani și nu vrea"),
    ("lt", "nori ją išvežti ir ištekinti, jai 15 metų ir ji nenori"),
    ("so", "waxay rabaan inay Soomaaliya u diraan si loo guursado, 15 jir ayay tahay mana rabto"),
    ("ar", "بدهم ياخدوها عاليمن ليزوجوها وهي عمرها 15 ومش بدها"),
    ("ur", "usay Pakistan le ja kar shaadi karwana chahte hain, 15 saal ki hai aur nahi chahti"),
    ("bn", "oke Bangladesh niye biye dite chay, 15 bochor boyosh, o chay na"),
    ("pa", "ohnu India lai ke viah karna chahunde, 15 saal di aa te oh nahi chahundi"),
    ("cy", "maen nhw isio mynd â hi i Bacistan i'w phriodi, mae hi'n 15 a dydi hi ddim isio"),
]

A_WEDDING_NOT_TO_MISS = [
    ("en", "my sister's getting married on saturday and she doesn't want to miss the wedding"),
    ("en", "my sister is going to get married in May and she doesn't want to miss it"),
    ("en", "she doesn't want to come in today, she has a bad cold"),
    ("pt", "a minha irmã vai casar no sábado e ela não quer faltar"),
    ("pa", "ohde chachu da viah aa, oh nahi chahundi miss karna"),
    ("so", "adeerteed ayaa guursanaysa, mana rabto inay seegto"),
]


@pytest.mark.parametrize(("lang", "text"), UNWANTED_MARRIAGE)
def test_an_unwanted_marriage_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), A_WEDDING_NOT_TO_MISS)
def test_a_wedding_not_to_miss_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
