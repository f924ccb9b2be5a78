"""Someone who saw the child go in to school or set off, or put the child on the school bus, or did
the school run: the register says absent, so where is the child? An urgent dispute. (Issue 14:
urgent recall by concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# Someone saw the child go in or set off: the register says absent, so where is the child?
SEEN_GOING_IN = [
    ("en", "the lollipop lady saw her walk into school at ten to nine"),
    ("en", "his sister saw him get off the bus right outside the school"),
    ("cy", "nath ei chwaer ei gweld hi'n mynd i mewn i'r ysgol"),
    ("pl", "sąsiadka widziała jak wchodziła do szkoły"),
    ("pt", "o irmão viu-o entrar na escola às oito e meia"),
    ("ro", "fratele ei a văzut-o intrând în școală"),
    ("es", "su hermano lo vio entrar en el colegio a las ocho y media"),
    ("lt", "kaimynė matė kaip ji įėjo į mokyklą"),
    ("so", "walaalkeed ayaa arkay iyada oo gashay iskuulka"),
    ("ar", "اخوها شافها داخلة المدرسة الصبح"),
    ("ur", "uske bhai ne dekha wo school ke andar gayi"),
    ("bn", "or bhai dekheche o school e dhukse"),
    ("pa", "ohde bhra ne dekhya oh school andar gayi"),
    ("en", "my neighbour watched him go through the school gate at 8:40"),
    ("cy", "welodd ei ffrind hi'n cerdded drwy'r giât"),
    ("pl", "kolega widział go przy bramie szkoły o 8:30"),
    ("pt", "a mãe de uma amiga viu-a entrar pelo portão"),
    ("ro", "vecina a văzut-o intrând pe poarta școlii"),
    ("es", "la vecina la vio entrando por la puerta del colegio"),
    ("lt", "draugė matė ją įeinant pro mokyklos vartus"),
    ("so", "saaxiibkeed ayaa arkay iyada oo iskuulka gelaysa"),
    ("ar", "جارتنا شافته داخل من باب المدرسة"),
    ("ur", "padosi ne usay school ke gate se andar jaate dekha"),
    ("bn", "amar bondhu oke school er gate diye dhukte dekhse"),
    ("pa", "guandi ne ohnu school de gate vich jaande vekhya"),
]


# The sender put the child on the school bus themselves.
PUT_ON_THE_BUS = [
    ("en", "I put him on the school bus myself at quarter to eight"),
    ("pl", "sama wsadziłam go do autobusu szkolnego o 7:45"),
    ("es", "yo misma lo subí al autobús del colegio a las 8"),
    ("pt", "fui eu que o pus no autocarro da escola às 8"),
    ("ro", "eu l-am urcat în autobuzul școlii la 8"),
    ("cy", "rhois i o ar y bws ysgol fy hun am chwarter i wyth"),
    ("ur", "maine khud usay school bus mein bithaya tha 8 baje"),
    ("ar", "انا حطيته بباص المدرسة الساعة 8"),
    ("lt", "pati įsodinau jį į mokyklinį autobusą 8 val."),
    ("so", "aniga ayaa baska iskuulka saaray 8da"),
    ("bn", "ami nijei oke school bus e tule diyechi 8 tay"),
    ("pa", "main aap ohnu school bus te chadhaya si 8 vaje"),
]


@pytest.mark.parametrize(("lang", "text"), SEEN_GOING_IN + PUT_ON_THE_BUS)
def test_a_child_seen_going_in_is_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.IN_SCHOOL_DISPUTE), reading


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "la dejé en la puerta del cole a las 8:30, ¿cómo que no está?"),
    ("en", "I dropped her at the school gate at twenty to nine myself"),
    ("ro", "am dus-o la școală la 8 și jumătate, cum adică lipsește?"),
])
def test_a_school_run_already_done_stays_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, reading


def test_every_language_is_tried() -> None:
    for concept in (SEEN_GOING_IN, PUT_ON_THE_BUS):
        assert {lang for lang, _ in concept} == {
            "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
