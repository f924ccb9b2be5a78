"""A weekday a length follows is when the absence starts: "from Monday for 2 weeks" sent on a
Wednesday is the coming Monday and the ten school days from it, never last Monday, in every
language ("peer se 2 hafte", "od poniedziałku przez 2 tygodnie", "desde el lunes por 2
semanas"). A length alone still counts from today.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

WEDNESDAY = date(2026, 11, 25)
NEXT_MONDAY, FRIDAY_AFTER = date(2026, 11, 30), date(2026, 12, 11)

FROM_MONDAY_FOR_TWO_WEEKS = [
    ("en", "Amy is going to Pakistan to see her nan from Monday for 2 weeks"),
    ("cy", "Mae Amy yn mynd i weld ei nain o ddydd Llun am 2 wythnos"),
    ("pl", "Amy jedzie do Polski od poniedziałku na 2 tygodnie"),
    ("pt", "A Amy vai ao Brasil a partir de segunda por 2 semanas"),
    ("ro", "Amy pleacă în România de luni pentru 2 săptămâni"),
    ("ar", "ايمي مسافرة من يوم الاثنين لمدة 2 أسبوع"),
    ("ur", "Amy peer se 2 hafte ke liye Pakistan ja rahi hai"),
    ("bn", "Amy sombar theke 2 soptaho Bangladesh e thakbe"),
    ("pa", "Amy somvar ton 2 hafte layi India ja rahi hai"),
    ("so", "Amy waxay u safraysaa Kenya laga bilaabo Isniinta 2 toddobaad"),
    ("lt", "Amy nuo pirmadienio 2 savaitėms išvyksta į Lietuvą"),
    ("es", "Amy se va a Colombia desde el lunes por 2 semanas"),
]


@pytest.mark.parametrize(("lang", "text"), FROM_MONDAY_FOR_TWO_WEEKS)
def test_from_a_weekday_for_a_length_starts_on_the_coming_weekday(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=WEDNESDAY)
    assert reading.span == Span(NEXT_MONDAY, FRIDAY_AFTER), reading.span


def test_a_length_alone_still_counts_from_today() -> None:
    reading = classify("Amy is off sick for 2 days", lexicons=LEXICONS, today=WEDNESDAY)
    assert reading.span == Span(WEDNESDAY, date(2026, 11, 26))
