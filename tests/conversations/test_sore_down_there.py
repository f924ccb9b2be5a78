"""Sore down there (issue 14): pain, soreness or bleeding in a child's private parts beside
another sign ("and she won't say why") is urgent in every language; told with the illness it
is (thrush, an infection the doctor treats) it stays that illness
(locales/<lang>/concepts/sore_down_there.toml).

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = [
    ("en", "her private parts hurt and she won't say why"),
    ("cy", "Mae hi'n brifo lawr fanna a dydi hi ddim isio deud pam"),
    ("pl", "Boli ją tam na dole i nie chce powiedzieć dlaczego"),
    ("pt", "Dói-lhe nas partes íntimas e não quer dizer porquê"),
    ("ro", "O doare în zona intimă și nu vrea să spună de ce"),
    ("es", "Le duelen sus partes íntimas y no quiere decir por qué"),
    ("lt", "Jai skauda intymią vietą ir nenori pasakyti kodėl"),
    ("ar", "بيوجعها مكانها الحساس ومش راضية تقول ليه"),
    ("ur", "uske private parts mein dard hai aur woh batati nahi kyun"),
    ("bn", "tar gopon ongo te byatha, keno bolche na"),
    ("pa", "ohde gupt ang ch dard aa te oh dassdi nahi kyon"),
    ("so", "meelaha qarsoon ayaa xanuunaya, mana sheegayso sababta"),
]

AN_ILLNESS = [
    ("en", "her private parts are sore, the GP says its thrush, keeping her home"),
    ("ur", "uske private parts mein infection hai, doctor ne cream di, aaj ghar pe hai"),
    ("pl", "Ma infekcję intymną, lekarz dał maść, zostaje w domu"),
]


@pytest.mark.parametrize(("lang", "text"), TOLD)
def test_sore_down_there_and_no_account_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), AN_ILLNESS)
def test_sore_down_there_with_its_illness_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_case() -> None:
    assert {lang for lang, _ in TOLD} == set(LEXICONS.languages)
