"""Two absent children, one with a reason and the other said to be well ("Amy has flu, Ben is
fine", "a Ben jest zdrowy", "Ben bhalo ache", "Ben wuu fiican yahay"): the well child shares
no one's reason, so no code is written for them (it was confirmed as the sibling's illness, a
wrong code); their absence stays unexplained. A child listed without a reason of their own
("Amy has a temperature, Ben too") still shares it, and "not well" is no wellness.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from tests.conversations.helpers import absent, awaiting, facts, records, say, student

ONE_WELL = [
    ("en", "Amy has flu, Ben is fine"),
    ("cy", "mae Amy yn sâl, mae Ben yn iawn"),
    ("pl", "Amy ma gorączkę, a Ben jest zdrowy"),
    ("pt", "a Amy está doente, o Ben está bem"),
    ("ro", "Amy are febră, Ben e bine"),
    ("ar", "Amy mareeda, Ben mni7"),
    ("ar", "ايمي مريضة، بن منيح"),
    ("ur", "Amy ko bukhar hai, Ben theek hai"),
    ("bn", "Amy r jor, Ben bhalo ache"),
    ("pa", "Amy nu bukhar hai, Ben theek aa"),
    ("so", "Amy qandho ayay qabtaa, Ben wuu fiican yahay"),
    ("lt", "Amy serga, Ben sveikas"),
    ("es", "Amy tiene fiebre y Ben está bien"),
]

BOTH_ILL = [
    ("en", "Amy has a temperature, Ben too"),
    ("en", "ok thanks. Amy and Ben have flu"),
    ("en", "both poorly, Amy and Ben. Thank you"),
    ("es", "Amy y Ben tienen fiebre, gracias"),
    ("pl", "Amy i Ben nie są zdrowi, gorączka"),
    ("lt", "Amy ir Ben nesveiki"),
    ("en", "Amy and Ben aren't fine, both have flu"),
]


def _codes(lang: str, text: str) -> list[tuple[str, str | None]]:
    family = facts(student("S1", "Amy", absent()), student("S2", "Ben", absent()),
                   language=lang)
    _, decisions = say(awaiting("S1", "S2"), text, family)
    return sorted((r.student_id, r.code) for r in records(decisions))


@pytest.mark.parametrize(("lang", "text"), ONE_WELL)
def test_a_sibling_said_to_be_well_shares_no_reason(lang: str, text: str) -> None:
    assert _codes(lang, text) == [("S1", "I")]


@pytest.mark.parametrize(("lang", "text"), BOTH_ILL)
def test_a_sibling_listed_or_not_well_shares_the_reason(lang: str, text: str) -> None:
    assert _codes(lang, text) == [("S1", "I"), ("S2", "I")]


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in ONE_WELL} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
