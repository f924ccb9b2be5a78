"""A relative in A&E or hospital is the family's circumstance, not the child's illness, also
when the relative is named as the child's ("Babcia Amy", "جدة ايمي": Amy's grandmother). A
relative *taking* the child there ("Babcia zabrała Amy na pogotowie") is the child's illness.
And the words of an emergency in an ordinary sense (a breakdown truck, a school match) confirm
no illness.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy's grandad had a fall and is in A&E, we're all with him"),
    ("pl", "Babcia Amy jest w szpitalu, złamała nogę, jedziemy do niej"),
    ("ar", "جدة ايمي في الطوارئ، رحنا كلنا معها"),
    ("ur", "Amy ki nani hospital mein hain, emergency mein le gaye"),
    ("lt", "Amy močiutė ligoninėje, iškvietėm greitąją, važiuojam pas ją"),
    ("en", "Car broke down on the motorway, waiting for the breakdown truck, Amy will be late"),
    ("pl", "Auto sie zepsulo, czekamy na pogotowie drogowe, Amy bedzie pozniej"),
    ("es", "Amy tiene un partido de fútbol con el colegio hoy"),
    ("pl", "Amy ma dziś mecz z drużyną szkolną"),
    ("ur", "Amy ka aaj school ki taraf se cricket match hai"),
])
def test_no_illness_of_the_child_is_confirmed(lang: str, text: str) -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(lang, text)


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Babcia zabrała Amy na pogotowie, w nocy miała duszności, teraz śpi"),
    ("en", "my mum took Amy to A&E last night with a high temperature, shes home now"),
    ("pt", "A avó levou a Amy às urgências com febre alta, já está em casa"),
])
def test_a_relative_taking_the_child_to_a_and_e_is_the_childs_illness(lang: str,
                                                                     text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]
