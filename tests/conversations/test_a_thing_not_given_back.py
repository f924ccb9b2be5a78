"""A thing not given back (a library book, a coat, the PE kit) is no child kept: a verb of
giving back with a thing as its object sets no alarm, in any language, and is never read as a
misspelt urgent word ("negrazino" is no "negrazina"). A child taken and not given back stays
urgent, also when a thing is named beside it; and a verb that also means coming back (English
"returned" with no "the", Arabic "رجعت", Welsh "dychwelyd") is never read as giving a thing
back: "hasn't returned home, phone going to voicemail" is a missing child.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _urgent(lang: str, text: str) -> bool:
    return classify(text, lexicons=LEXICONS, language_hint=lang).urgent


THINGS = [
    ("en", "Sorry she never gave back her library books, she'll bring them Monday"),
    ("en", "he hasn't returned the reading book yet, sorry"),
    ("cy", "Dydy hi ddim wedi rhoi'r llyfr llyfrgell yn ôl eto, sori"),
    ("lt", "Dar negrąžino bibliotekos knygų, atsiprašau"),
    ("lt", "neatidavė sportinės aprangos draugei"),
    ("lt", "Jis vis dar negrazino striukes"),
    ("pl", "Jeszcze nie oddała książki do biblioteki, przepraszamy"),
    ("pt", "Ainda não devolveu o livro da biblioteca, desculpem"),
    ("es", "Todavía no ha devuelto los libros de la biblioteca, perdón"),
    ("ro", "Încă nu a dat înapoi cartea la bibliotecă"),
    ("ar", "lessa ma rajja3et el ktab lal maktabe"),
    ("ur", "Usne abhi tak library ki kitab wapas nahi ki, maazrat"),
    ("ur", "اس نے ابھی تک لائبریری کی کتابیں واپس نہیں کیں"),
    ("bn", "o ekhono library r boi ferot dey nai, sorry"),
    ("pa", "ohne hale library diyan kitaban wapas nahi kitiyan, maaf karna"),
    ("so", "Weli buugga maktabada ma soo celin, raali ahow"),
]


@pytest.mark.parametrize(("lang", "text"), THINGS)
def test_a_thing_not_given_back_is_no_alarm(lang: str, text: str) -> None:
    assert not _urgent(lang, text)


KEPT = [
    ("en", "Her dad has had her since Saturday and hasn't given her back, I have custody"),
    ("lt", "Tėvas pasiėmė Ievą ir negrąžino, aš nesutikau"),
    ("lt", "tevas pasieme ja ir negrazino, knygas irgi pasiliko"),
    ("ar", "أبوها أخدها وما رجعها، وأنا ما وافقت"),
    ("so", "Aabaheed ayaa qaatay oo ma soo celin, anigu ma oggolaan"),
    ("es", "Su padre se la llevó el viernes y no me la ha devuelto, no lo autoricé"),
    ("pl", "Ojciec zabrał ją w piątek i nie oddał, nie zgodziłam się"),
    ("pt", "O pai levou-a na sexta e não a devolveu, eu não autorizei"),
    ("so", "aabaheed ma soo celin, telefoonka ayuu haystaa"),  # the object comes first
]


@pytest.mark.parametrize(("lang", "text"), KEPT)
def test_a_child_not_given_back_stays_urgent(lang: str, text: str) -> None:
    assert _urgent(lang, text)


CAME_BACK = [
    ("en", "she hasn't returned home, phone going to voicemail"),
    ("ar", "ما رجعت عالبيت، التلفون مسكر"),
    ("ar", "ما رجعت، الجاكيت مش هون"),
    ("ar", "لسا ما رجعت، كتبها هون"),
]


@pytest.mark.parametrize(("lang", "text"), CAME_BACK)
def test_a_child_not_come_back_beside_a_thing_stays_urgent(lang: str, text: str) -> None:
    assert _urgent(lang, text)
