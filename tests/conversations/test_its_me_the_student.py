"""A student who writes "it's me (Amy, yr 12)" names themself, so "I'm ill with flu" is the
student's own illness, confirmed, in every language ("fi sy ma (Llŷr, bl 12)", "sou eu (Ana,
12º ano)", "soy yo (Lucía, 2º bach)"; the `intro` roles, conversations/evidence.py
`child_writes`). A parent who writes "it's me, Amy's mum" and is ill herself is the family's
circumstance, for a person to decide."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, student

STUDENT = {
    "en": ("Amy", "Morning, it's me (Amy, yr 12). I'm ill with flu, won't be in today"),
    "cy": ("Llŷr", "Bore da, fi sy ma (Llŷr, bl 12). Dwi'n sâl efo ffliw, fydda i ddim mewn"),
    "pl": ("Ola", "Dzień dobry, to ja (Ola, 3c). Jestem chora, mam grypę, nie będzie mnie dziś"),
    "pt": ("Ana", "Bom dia, sou eu (Ana, 12º ano). Estou doente com gripe, hoje não vou"),
    "ro": ("Ana", "Bună dimineața, sunt eu (Ana, clasa a 12-a). Sunt bolnavă, am gripă, nu vin"),
    "ar": ("ريم", "صباح الخير، انا (ريم، صف 12). انا مريضة عندي انفلونزا، ما رح اجي اليوم"),
    "ur": ("Ayesha", "salam, main hoon (Ayesha, year 12). mujhe flu hai, aaj nahi aaungi"),
    "bn": ("Rafi", "salam, ami (Rafi, year 12). amar flu hoyeche, aj ashbo na"),
    "pa": ("Simran", "sat sri akal, main haan (Simran, year 12). mainu flu aa, ajj nahi aaungi"),
    "so": ("Fadumo", "subax wanaagsan, waa aniga (Fadumo, fasalka 12). waan xanuunsanahay,"
                     " ifilo ayaan qabaa, maanta ma imanayo"),
    "lt": ("Ieva", "Labas rytas, čia aš (Ieva, 12 kl.). Sergu gripu, šiandien neateisiu"),
    "es": ("Lucía", "Buenos días, soy yo (Lucía, 2º bach). Estoy enferma con gripe, hoy no voy"),
}
PARENT = {
    "en": ("Amy", "Morning, it's me, Amy's mum. I'm ill with flu, can't get her in today"),
    "cy": ("Llŷr", "Bore da, fi sy ma, mam Llŷr. Dwi'n sâl efo ffliw, fedra i ddim dod â fo"),
    "pl": ("Ola", "Dzień dobry, to ja, mama Oli. Jestem chora, mam grypę, nie dam rady jej"
                  " przywieźć"),
    "pt": ("Ana", "Bom dia, sou eu, a mãe da Ana. Estou doente com gripe, não consigo levá-la"),
    "ro": ("Ana", "Bună dimineața, sunt eu, mama Anei. Sunt bolnavă, am gripă, nu o pot aduce"),
    "ar": ("ريم", "صباح الخير، انا ام ريم. انا مريضة عندي انفلونزا، ما بقدر جيبها اليوم"),
    "ur": ("Ayesha", "salam, main Ayesha ki ammi hoon. mujhe flu hai, aaj usay nahi la sakti"),
    "bn": ("Rafi", "salam, ami Rafi er ammu. amar flu hoyeche, aj oke ante parbo na"),
    "pa": ("Simran", "sat sri akal, main Simran di mummy haan. mainu flu aa, ajj ohnu nahi la"
                     " sakdi"),
    "so": ("Fadumo", "subax wanaagsan, waa hooyada Fadumo. waan xanuunsanahay, maanta ma keeni"
                     " karo"),
    "lt": ("Ieva", "Labas rytas, čia aš, Ievos mama. Sergu gripu, šiandien negaliu jos atvežti"),
    "es": ("Lucía", "Buenos días, soy yo, la mamá de Lucía. Estoy enferma con gripe, hoy no"
                    " puedo llevarla"),
}
# Lithuanian "sergu" (I am ill) is an illness phrase, not a first-person one: the mother's own
# illness is still read as the child's (a lexicon question, left for its own change).
_LT_FIRST_PERSON = pytest.mark.xfail(reason="lt 'sergu' is no first-person phrase", strict=True)


@pytest.mark.parametrize(("lang", "name", "text"), [(k, n, t) for k, (n, t) in STUDENT.items()])
def test_a_student_naming_themself_is_ill(lang: str, name: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang,
                       students=[student("S1", name)])
    assert (reading.intent, reading.needs_staff) == (Intent.ILLNESS, False), reading


@pytest.mark.parametrize(("lang", "name", "text"), [
    pytest.param(k, n, t, marks=_LT_FIRST_PERSON) if k == "lt" else (k, n, t)
    for k, (n, t) in PARENT.items()])
def test_a_parent_ill_herself_is_not_the_students_illness(lang: str, name: str,
                                                          text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang,
                       students=[student("S1", name)])
    assert reading.intent is not Intent.ILLNESS, reading


def test_every_language_has_its_cases() -> None:
    assert set(STUDENT) == set(PARENT) == set(LEXICONS.languages)
