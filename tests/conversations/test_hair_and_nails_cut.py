"""Cutting hair or nails is no cutting: a verb of cutting with hair or nails as its object
("le van a cortar el pelo", "torri ei gwallt", "baal kaatne") sets no alarm in any language,
and is never read as a misspelt word of self-harm ("cortar" is no "cortarse"). Cutting
oneself stays urgent.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _urgent(lang: str, text: str) -> bool:
    return classify(text, lexicons=LEXICONS, language_hint=lang).urgent


HAIR = [
    ("en", "she's getting her hair cut at 9"),
    ("es", "Hoy le cortan el pelo a las 10"),
    ("es", "va a cortarse el flequillo esta tarde"),
    ("es", "mañana se corta el pelo, llega tarde"),
    ("pt", "Vai cortar o cabelo de manhã"),
    ("pl", "będzie ciąć włosy u fryzjera"),
    ("ro", "Își taie părul dimineață"),
    ("cy", "Mae hi'n torri ei gwallt bore 'ma"),
    ("ar", "رح تقص شعرها الصبح"),
    ("ur", "subah baal kaatne gayi hai"),
    ("bn", "sokale chul katte geche"),
    ("pa", "savere vaal katwaun gayi"),
    ("so", "subaxdii timaha ayaa laga jaray"),
    ("lt", "ryte kerpa plaukus"),
]


@pytest.mark.parametrize(("lang", "text"), HAIR)
def test_hair_or_nails_cut_is_no_alarm(lang: str, text: str) -> None:
    assert not _urgent(lang, text)


CUTTING = [
    ("en", "she's been cutting herself again"),
    ("es", "se corta los brazos, lo he visto"),
    ("es", "quiere cortarse"),
    ("pt", "ela corta-se nos braços"),
    ("cy", "mae hi wedi bod yn torri ei hun"),
    ("ro", "se taie pe mâini"),
    ("so", "naftaada ayay jartay"),
    ("lt", "ji pjaustosi rankas"),
    ("ar", "عم تجرح حالها"),
]


@pytest.mark.parametrize(("lang", "text"), CUTTING)
def test_cutting_oneself_stays_urgent(lang: str, text: str) -> None:
    assert _urgent(lang, text)
