"""A child who cries every morning and cannot stand school any more ("não aguenta mais a
escola", "nu mai suportă școala", "can't take school anymore") is school refusal in every
language, not despair (a bare "não aguenta mais" is) and not a car that would not go (issue 14;
locales/<lang>/concepts/cannot_stand_school.toml). Not standing anything more, beside a wish
to die or everything being too much, stays urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

REFUSING = {
    "en": ["Lucas cries every morning and says he cant take school anymore, couldnt get him in"
           " the car today", "he says he cant cope with school anymore"],
    "cy": ["mae o'n crio bob bore ac yn deud na all o ddim diodde'r ysgol ddim mwy"],
    "pl": ["Kuba płacze każdego ranka i mówi że nie wytrzyma dłużej w tej szkole, dziś nie"
           " dałam rady wsadzić go do auta", "mówi że ma dość szkoły"],
    "pt": ["O Rui chora todas as manhãs e diz que não aguenta mais a escola, hoje não consegui"
           " que entrasse no carro", "diz que já não aguenta a escola"],
    "ro": ["plânge în fiecare dimineață și zice că nu mai suportă școala, azi nu am reușit să-l"
           " urc în mașină"],
    "ar": ["كل يوم الصبح بيبكي وبيقول ما عاد يتحمل المدرسة، اليوم ما قدرت اطلعه عالسيارة"],
    "ur": ["wo har subah rota hai aur kehta hai ab school bardasht nahi hota, aaj gaari mein"
           " nahi baitha"],
    "bn": ["o protidin sokale kande ar bole school ar sojjo hoy na, aj gari te uthate parini"],
    "pa": ["oh har savere ronda te kehnda school hor bardasht nahi hunda, ajj gaddi ch nahi"
           " baitha"],
    "so": ["subax walba wuu ooyaa wuxuuna yiraahdaa dugsiga ma sii adkaysan karo, maanta"
           " gaariga kama fuulin"],
    "lt": ["kiekvieną rytą verkia ir sako kad nebegali pakęsti mokyklos, šiandien neįsodinau į"
           " mašiną"],
    "es": ["llora todas las mañanas y dice que ya no aguanta más el colegio, hoy no conseguí"
           " que se subiera al coche", "dice que no aguanta el cole"],
}
URGENT = {
    "en": ["says she cant take any more and wants to die"],
    "cy": ["mae hi'n deud ei bod hi isio marw"],
    "pl": ["nie wytrzyma dłużej, mówi że chce zniknąć"],
    "pt": ["diz que não aguenta mais, que quer morrer", "não aguenta mais, tudo é demais"],
    "ro": ["zice că nu mai suportă și vrea să moară"],
    "ar": ["بتقول ما عاد تتحمل وبدها تموت"],
    "ur": ["kehti hai ab bardasht nahi hota, marna chahti hai"],
    "bn": ["bole ar sojjo hoy na, more jete chay"],
    "pa": ["kehndi hor bardasht nahi hunda, marna chaundi aa"],
    "so": ["waxay tiri ma adkaysan karo, waxay rabtaa inay dhimato"],
    "lt": ["sako kad nebegali, nori numirti"],
    "es": ["ya no aguanta más, dice que quiere desaparecer"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in REFUSING.items() for t in ts])
def test_cannot_stand_school_is_school_refusal(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (False, Intent.SCHOOL_REFUSAL), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in URGENT.items() for t in ts])
def test_cannot_stand_any_more_beside_a_wish_to_die_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(REFUSING) == set(URGENT) == set(LEXICONS.languages)
