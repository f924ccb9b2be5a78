"""A reply the bot cannot read that asks about the child goes to a person, never to a menu
(issue 14, point 4), in every language.

"where is she??", "kithe aa oh", "unde e", "cadê ela", "وينها", "kothay", "xaggee buu joogaa":
a worried parent asking a question is answered by a person at once (a question where the
child is is the safety net's: whereabouts unknown); none of them is offered the list of
reasons. A word for the child that a "where" never asks about ("¿qué le pasó?", "co się z
nią stało?": `about`) makes a question about the child, never a missing one ("¿dónde le llevo
el justificante?"). Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Escalate, Intent, Reply
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, amy, awaiting, facts, say

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

QUESTIONS = [
    ("en", "where is she??"),
    ("en", "is she ok?"),
    ("en", "what's happened to her?"),
    ("en", "wheres amy"),
    ("cy", "lle mae hi?"),
    ("cy", "ydy hi'n iawn?"),
    ("cy", "lle ma Amy??"),
    ("pl", "gdzie on jest?"),
    ("pl", "gdzie jest Amy??"),
    ("pl", "co się z nią stało?"),
    ("pt", "cadê ela?"),
    ("pt", "onde está a Amy?"),
    ("pt", "ela está bem?"),
    ("ro", "unde e?"),
    ("ro", "unde e Amy??"),
    ("ro", "ce s-a întâmplat cu ea?"),
    ("es", "¿dónde está?"),
    ("es", "donde esta Amy"),
    ("es", "¿qué le pasó?"),
    ("lt", "kur jis?"),
    ("lt", "kur ji yra?"),
    ("lt", "kas jai nutiko?"),
    ("so", "xaggee buu joogaa?"),
    ("so", "aaway Amy?"),
    ("so", "maxaa ku dhacay wiilkayga?"),
    ("ar", "وينها؟"),
    ("ar", "وين ايمي؟"),
    ("ar", "fenha??"),
    ("ar", "شو صار معها؟"),
    ("ur", "wo hai woh?"),
    ("ur", "woh kahan hai?"),
    ("ur", "کہاں ہے وہ؟"),
    ("ur", "kya hua usay?"),
    ("bn", "kothay?"),
    ("bn", "o kothay?"),
    ("bn", "ও কোথায়?"),
    ("bn", "ki hoise or?"),
    ("pa", "kithe aa oh?"),
    ("pa", "oh kithe aa"),
    ("pa", "ਉਹ ਕਿੱਥੇ ਆ?"),
    ("pa", "ki hoya ohnu?"),
    # Whether the child has arrived, where a verb carries the person ("¿ya llegó?", "a ajuns?").
    ("en", "has he turned up yet??"),
    ("en", "did she get there ok?"),
    ("en", "is he in trouble?"),
    ("cy", "ydy o wedi cyrraedd?"),
    ("pl", "czy już dotarła?"),
    ("pt", "ele já chegou?"),
    ("ro", "a ajuns?"),
    ("es", "¿ya llegó?"),
    ("lt", "ar jis jau atėjo?"),
    ("so", "ma timid?"),
    ("ar", "وصلت؟"),
    ("ar", "wsalet?"),
    ("ur", "kya woh pohanch gaya?"),
    ("bn", "o ki pouchheche?"),
    ("pa", "ki oh pahunch gaya?"),
]


# Whether the child is with the school: a question where the child is, urgent.
WITH_YOU = [
    ("en", "is she with you?"),
    ("cy", "ydy hi efo chi?"),
    ("pl", "czy jest u was?"),
    ("pt", "ela está aí convosco?"),
    ("ro", "e la voi?"),
    ("es", "¿está con ustedes?"),
    ("lt", "ar ji pas jus?"),
    ("so", "ma idinla joogtaa?"),
    ("ar", "هي عندكم؟"),
    ("ur", "kya woh aap ke paas hai?"),
    ("bn", "o ki apnader kache?"),
    ("pa", "ki oh tuhade kol aa?"),
]

# Where a note goes, asked with a word for the child: a question for a person, no child missing.
WHERE_A_NOTE_GOES = [
    ("es", "¿dónde le llevo el justificante del médico?"),
    ("es", "¿dónde dejo el justificante?"),
    ("pl", "gdzie mu mam wysłać zwolnienie od lekarza?"),
    ("lt", "kur jai reikia nunešti pažymą?"),
    ("cy", "lle dwi fod i yrru'r nodyn iddi?"),
    ("pa", "tuhade kol note bhej dita si, oh bimar aa"),
    ("bn", "apnader kache note pathiyechi, o asustho"),
]


@pytest.mark.parametrize(("lang", "text"), QUESTIONS)
def test_a_question_about_the_child_goes_to_a_person_not_a_menu(lang: str, text: str) -> None:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    assert [d for d in decisions if isinstance(d, Escalate)], decisions
    assert not [d for d in decisions if isinstance(d, Reply) and d.key == "menu.intro"]


@pytest.mark.parametrize(("lang", "text"), WITH_YOU)
def test_asking_whether_the_child_is_with_the_school_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN), reading


@pytest.mark.parametrize(("lang", "text"), WHERE_A_NOTE_GOES)
def test_where_a_note_goes_is_no_missing_child(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in QUESTIONS} == LANGUAGES
