"""An eye test at the optician and the child not coming to school today is a medical
appointment in every language, never a disputed school run; English as a second language
drops the auxiliary ("he not come to school today", written by a Romanian parent) and the
coming is negated all the same (the English lexicon's `defuse`). A child brought to school and
not there stays urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

NOT_COMING = {
    "en": ["Hello, Tudor have eye test today at optician in town, he not come to school today",
           "eye test at optician, she no come to school today"],
    "cy": ["prawf llygaid heddiw yn yr optegydd, fydd o ddim yn dod i'r ysgol heddiw"],
    "pl": ["ma dziś badanie wzroku u optyka w mieście, nie przyjdzie dziś do szkoły"],
    "pt": ["tem exame de vista hoje no oculista, não vem à escola hoje"],
    "ro": ["are test de vedere azi la optician în oraș, nu vine la școală azi"],
    "ar": ["عنده فحص نظر اليوم عند محل النظارات، ما رح يجي عالمدرسة اليوم"],
    "ur": ["aaj optician pe aankhon ka test hai, aaj school nahi aayega"],
    "bn": ["aj optician e chokher test ache, aj school e ashbe na"],
    "pa": ["ajj optician kol akhan da test hai, ajj school nahi aauga"],
    "so": ["maanta indhaha ayaa laga baarayaa, dugsiga ma imanayo maanta"],
    "lt": ["šiandien akių patikra pas optiką, į mokyklą šiandien neateis"],
    "es": ["hoy tiene revisión de la vista en la óptica, no viene al colegio hoy"],
}
BROUGHT = {
    "en": ["i brought him to school today and now he is not there?"],
    "cy": ["es i â fo i'r ysgol bore ma, lle mae o?"],
    "pl": ["zaprowadziłam go dziś do szkoły, gdzie on jest?"],
    "pt": ["levei-o à escola hoje de manhã, onde está ele?"],
    "ro": ["l-am dus la școală azi dimineață, unde e?"],
    "ar": ["وصلته عالمدرسة الصبح، وينه؟"],
    "ur": ["main subah usay school chhod ke aayi thi, kahan hai wo?"],
    "bn": ["ami sokale oke school e diye eshechi, o kothay?"],
    "pa": ["main savere ohnu school chhad ke aayi si, oh kithe aa?"],
    "so": ["subaxdii dugsiga ayaan geeyay, xaggee buu joogaa?"],
    "lt": ["ryte nuvežiau jį į mokyklą, kur jis?"],
    "es": ["lo llevé al colegio esta mañana, ¿dónde está?"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_COMING.items() for t in ts])
def test_an_eye_test_and_not_coming_is_an_appointment(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (False, Intent.MEDICAL_APPOINTMENT), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in BROUGHT.items() for t in ts])
def test_a_child_brought_to_school_and_not_there_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(NOT_COMING) == set(BROUGHT) == set(LEXICONS.languages)
