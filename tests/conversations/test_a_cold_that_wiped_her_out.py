"""A cold or the flu told as what it did to the child ("this cold has knocked her out", Egyptian
"البرد موتها", Somali "ifilo" for the flu) is illness in every language (issue 14); the cold of
the weather that stopped the buses is none.

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

WIPED_OUT = [
    ("en", "this cold has knocked her out since yesterday, dont worry, she's staying home today"),
    ("cy", "Mae'r annwyd wedi'i llorio hi ers ddoe, peidiwch â phoeni, mae hi adra heddiw"),
    ("pl", "Przeziębienie ją rozłożyło od wczoraj, nie martwcie się, dziś zostaje w domu"),
    ("pt", "A constipação deitou-a abaixo desde ontem, não se preocupem, hoje fica em casa"),
    ("ro", "Răceala a doborât-o de ieri, nu vă faceți griji, azi stă acasă"),
    ("es", "El resfriado la ha tumbado desde ayer, no se preocupen, hoy se queda en casa"),
    ("lt", "Peršalimas ją paguldė nuo vakar, nesijaudinkite, šiandien lieka namie"),
    ("ar", "البرد موته من يومين، هيفضل في البيت النهاردة"),
    ("ar", "Ali wa5ed bard w el bard ta3abha, mish hatigi el naharda"),
    ("ur", "zukam ne kal se usay nidhaal kar diya hai, pareshan na hon, aaj ghar pe rahegi"),
    ("bn", "thanda lege kal theke kahil hoye gese, chinta korben na, ajke barite thakbe"),
    ("pa", "zukaam ne kal ton ohnu dhaa dita, fikar na karo, ajj ghar rahu"),
    ("so", "Cali wuxuu qabaa ifilo, maanta iyo berri ma imanayo"),
]


@pytest.mark.parametrize(("lang", "text"), WIPED_OUT)
def test_a_cold_that_wiped_the_child_out_is_illness(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.ILLNESS


def test_the_weathers_cold_is_no_illness() -> None:
    reading = classify("بسبب البرد والثلج ما في باصات اليوم", lexicons=LEXICONS,
                       language_hint="ar")
    assert reading.intent is not Intent.ILLNESS


def test_every_language_has_its_case() -> None:
    assert {lang for lang, _ in WIPED_OUT} == set(LEXICONS.languages)
