"""A parent not let see the child (issue 14): relatives who have kept the child since the
weekend and "won't let me see her" ("mainu milan ni dinde", "no me dejan verla") keep the
child from the sender — urgent in every language. A weekend at a relative's with a day back, or
a hospital's visiting time, stays ordinary
(locales/<lang>/concepts/not_let_see_the_child.toml).

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

KEPT_FROM_ME = [
    ("en", "her gran and auntie have kept her since the weekend, they say she lives with them "
           "now and they wont let me see her"),
    ("cy", "Mae ei nain a'i modryb wedi'i chadw hi ers y penwythnos, a dydyn nhw ddim yn gadael "
           "i mi ei gweld hi"),
    ("pl", "Babcia i ciotka zatrzymały ją u siebie od weekendu i nie pozwalają mi się z nią "
           "zobaczyć"),
    ("pt", "A avó e a tia ficaram com ela desde o fim de semana e não me deixam vê-la"),
    ("ro", "Bunica și mătușa au ținut-o la ele din weekend și nu mă lasă să o văd"),
    ("es", "Su abuela y su tía se la quedaron desde el fin de semana y no me dejan verla"),
    ("lt", "Močiutė ir teta pasiliko ją pas save nuo savaitgalio ir neleidžia man jos pamatyti"),
    ("ar", "جدتها وعمتها خلوها عندهم من الويكند، وما بيخلوني أشوفها"),
    ("ur", "uski dadi aur phuppo ne weekend se apne paas rakh liya hai, mujhe milne nai dete"),
    ("bn", "tar dadi ar fupu weekend theke take nijeder kache rekhe dise, dekha korte dey na"),
    ("pa", "uhdi daadi te bhua ne weekend ton apne kol rakh lya, mainu milan ni dinde"),
    ("so", "ayeeyadeed iyo eedadeed ayaa usbuuca dhammaadkiisii haysta, ima oggola inaan arko"),
]

ORDINARY = [
    ("en", "she's staying at her nan's this weekend, back on Monday"),
    ("en", "she's in hospital having her op, they wont let me see her until 2"),
    ("pa", "Simran weekend layi daadi kol rahi, somvaar nu wapas aaugi"),
    ("ur", "woh weekend pe dadi ke paas thi, peer ko wapas aayegi"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT_FROM_ME)
def test_a_child_the_sender_is_not_let_see_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_a_stay_with_a_day_back_or_visiting_time_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_case() -> None:
    assert {lang for lang, _ in KEPT_FROM_ME} == set(LEXICONS.languages)
