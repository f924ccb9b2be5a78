""""All of them" / "both" as families type it covers every absent child of the contact, with
no "which child?": "the pair of them", "mae'r ddau", "ambii copii", Arabizi "el etnen" and
"kollon", Banglish "duijoner", Somali "dhammaantood" and "way wada jiran yihiin" (words in
locales/<lang>/concepts/all_of_them.toml). One child named with a reason stays that child's.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Facts
from tests.conversations.helpers import absent, awaiting, facts, records, say, student

ALL_OF_THEM = [
    ("en", "the pair of them have got flu"),
    ("en", "both of mine are down with a sickness bug"),
    ("cy", "mae'r ddau yn sâl efo ffliw"),
    ("pl", "cała dwójka chora, gorączka od rana"),
    ("pt", "estão os dois doentes com gripe"),
    ("ro", "ambii copii sunt răciți"),
    ("ar", "el etnen mareed 3andon 7arara"),
    ("ar", "kollon mareed mn mbare7"),
    ("ur", "dono bachon ko bukhar hai"),
    ("bn", "duijoner e jor, aj school e jabe na"),
    ("pa", "dohan nu bukhar hai"),
    ("so", "dhammaantood way jiran yihiin"),
    ("so", "way wada xanuunsan yihiin, qandho"),
    ("lt", "abiem pakilusi temperatūra"),
    ("es", "los dos peques están malos con fiebre"),
]

ONE_NAMED = [
    ("bn", "Amy r jor, sobar jonno dua korben"),
    ("es", "Amy tiene fiebre, los peques de la otra familia no"),
    ("so", "Amy qandho ayay qabtaa"),
]


def _family(lang: str) -> Facts:
    return facts(student("S1", "Amy", absent()), student("S2", "Ben", absent()), language=lang)


@pytest.mark.parametrize(("lang", "text"), ALL_OF_THEM)
def test_all_of_them_covers_every_absent_child(lang: str, text: str) -> None:
    _, decisions = say(awaiting("S1", "S2"), text, _family(lang))
    assert sorted((r.student_id, r.code) for r in records(decisions)) == [("S1", "I"), ("S2", "I")]


@pytest.mark.parametrize(("lang", "text"), ONE_NAMED)
def test_one_child_named_is_that_child_only(lang: str, text: str) -> None:
    _, decisions = say(awaiting("S1", "S2"), text, _family(lang))
    assert [r.student_id for r in records(decisions)] == ["S1"]


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in ALL_OF_THEM} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
