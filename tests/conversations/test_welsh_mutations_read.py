"""A Welsh word is read in every form a reply may write it, whichever form the lexicon lists:
the listed form ("ddolur", "wely", "fam"), the radical it is a mutation of ("dolur", "gwely",
"mam") and that radical's other mutations ("nolur", "ngwely"). A form listed in one phrase
("ddolur rhydd") no longer stops the phrases that list another ("dolur gwddf") being read.
Near-miss: two words that only look like forms of each other, used in phrases of different
kinds, stay apart: "chi" (you) is no "ci" (a dog), so "ydych chi wedi ei gweld hi?" after a
child ran away stays urgent.

Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

ILL_IN_EVERY_FORM = [
    "Mae ganddi ddolur gwddf ofnadwy, mae hi adre heddiw",  # listed "ddolur" in "dolur gwddf"
    "mae gan Amy ddolur gwddw, adre heddiw",
    "mae ganddi nolur rhydd",  # the nasal form of "dolur"
    "Amy wedi bod yn chwydu, dolur rhydd hefyd",
    "Mae Amy yn ei gwely efo gwres",
    "Mae Amy yn ei ngwely hi drwy'r dydd",  # the nasal form of "gwely"
    "mae amy yn y gwely, yn sal",
    "mae ganddo ddolur gwddf drwg heddiw",
    "mae amy wedi aros yn ei gwely drwy'r dydd, dolur gwddw",
]


@pytest.mark.parametrize("text", ILL_IN_EVERY_FORM)
def test_every_form_of_a_welsh_word_is_read(text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint="cy", students=[amy()],
                       today=TODAY)
    assert (reading.intent, reading.needs_staff) == (Intent.ILLNESS, False)


def test_a_look_alike_of_another_kind_stays_apart() -> None:
    reading = classify("mae hi wedi rhedeg i ffwrdd, ydych chi wedi ei gweld hi?",
                       lexicons=LEXICONS, language_hint="cy")
    assert reading.urgent
