"""A student who writes that they feel unwell, in the words people use for it ("I don't feel
well", "no me encuentro bien", "nu mă simt bine", "tô mal", "dwi'm yn teimlo'n dda", "ana
ta3bana"), without naming themself, reports their own illness through their own chat: it
confirms as illness in every language, never a family circumstance for staff. The same words
from a parent are the parent's own (a family circumstance a person reads), while said of the
child ("se siente fatal", "nu se simte bine", "مش منيحة") they are the child's illness. Words
that also tell a low mood ("me siento fatal", "انا مش منيحة") stay with a person when a student
writes them, as a student's own distress does.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.engine import step
from conversations.types import ConversationKind, ConversationState, Intent, ReasonStatus
from tests.conversations.helpers import (
    LEXICONS,
    NOW,
    absent,
    awaiting,
    facts,
    inbound,
    records,
    say,
    student,
)

FIRST_PERSON = [
    ("en", "I don't feel well today"),
    ("en", "i feel awful, not coming in today"),
    ("cy", "dwi'm yn teimlo'n dda heddiw"),
    ("pl", "chora jestem, dzisiaj nie przyjdę"),
    ("pl", "czuję się fatalnie dzisiaj"),
    ("pt", "tô mal hoje, não vou"),
    ("pt", "não me sinto bem hoje"),
    ("es", "no me encuentro bien, hoy no voy"),
    ("es", "hoy no me siento bien, estoy pachucha"),
    ("ro", "nu mă simt bine azi"),
    ("ro", "nu ma simt bine azi, nu vin"),
    ("ar", "انا تعبانة اليوم، ما رح اجي"),
    ("ar", "ana ta3bana lyom"),
    ("ur", "aaj meri tabiyat nasaz hai"),
    ("ur", "mujhe aaj acha nahi lag raha"),
    ("bn", "aj amar shorir kharap"),
    ("pa", "ajj meri tabiyat kharab aa"),
    ("so", "maanta ma fiicni"),
    ("lt", "šiandien nesijaučiu gerai"),
    ("lt", "siandien jauciuosi blogai"),
]


@pytest.mark.parametrize(("lang", "text"), FIRST_PERSON)
def test_a_student_feeling_unwell_reports_their_own_illness(lang: str, text: str) -> None:
    family = facts(student("S9", "Priya", absent()), relationship="self", language=lang)
    _, decisions = step(ConversationState(kind=ConversationKind.SELF_REPORT),
                        inbound(text, channel="telegram"), family, NOW, LEXICONS)
    assert {(r.intent, r.status) for r in records(decisions)} == {
        (Intent.ILLNESS, ReasonStatus.CONFIRMED)}


@pytest.mark.parametrize(("lang", "text"), FIRST_PERSON)
def test_the_same_words_from_a_parent_are_the_parents_own(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in [
        (r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy feels awful today"),
    ("es", "Amy se siente fatal hoy"),
    ("pt", "A Amy está indisposta hoje"),
    ("ro", "Amy nu se simte bine azi"),
    ("ar", "ايمي مش منيحة اليوم"),
    ("lt", "Amy šiandien nesijaučia gerai"),
    ("bn", "Amy r aj shorir kharap"),
    ("pa", "Amy di ajj tabiyat kharab aa"),
])
def test_said_of_the_child_it_is_the_childs_illness(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    assert [(r.intent, r.status) for r in records(decisions)] == [
        (Intent.ILLNESS, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "me siento fatal hoy"),
    ("ar", "انا مش منيحة اليوم"),
])
def test_a_students_words_of_low_mood_still_reach_a_person(lang: str, text: str) -> None:
    family = facts(student("S9", "Priya", absent()), relationship="self", language=lang)
    _, decisions = step(ConversationState(kind=ConversationKind.SELF_REPORT),
                        inbound(text, channel="telegram"), family, NOW, LEXICONS)
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in [
        (r.intent, r.status) for r in records(decisions)]
