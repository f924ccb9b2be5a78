"""A fall off a bike and its grazes or bad knee is the child's injury, illness, confirmed in
every language ("se cayó de la bici ... solo raspones, pero tiene la rodilla fatal", "spadła
z roweru, tylko otarcia"; locales/<lang>/concepts/fell_off_a_bike.toml). A grandparent's
fall with a hospital stay is the family's circumstance, never the child's illness."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

FELL = {
    "en": ["she fell off her bike yesterday, just grazes but her knee is in a bad way so shes"
           " staying home today"],
    "cy": ["mi ddisgynnodd hi oddi ar ei beic ddoe, crafiadau yn unig ond mae ei phen-glin yn"
           " ddrwg, adra heddiw"],
    "pl": ["spadła wczoraj z roweru, tylko otarcia, ale kolano ma w złym stanie, dziś zostaje w"
           " domu"],
    "pt": ["caiu da bicicleta ontem, só uns arranhões mas o joelho está mal, hoje fica em casa"],
    "ro": ["a căzut ieri de pe bicicletă, doar zgârieturi, dar genunchiul e rău, azi stă acasă"],
    "ar": ["وقعت عن البسكليت مبارح، بس خدوش بس ركبتها تعبانة كتير، اليوم رح تضل بالبيت"],
    "ur": ["kal cycle se gir gayi, bas kharaashein hain lekin ghutna bahut kharab hai, aaj ghar"
           " pe hai"],
    "bn": ["kal cycle theke pore geche, shudhu chhora kata, kintu hatu khub kharap, aj bari te"
           " thakbe"],
    "pa": ["kal cycle ton digg gayi, bas kharoch aa par godda bahut kharab aa, ajj ghar rahu"],
    "so": ["shalay baaskiil ayay ka dhacday, xoqitaan yar oo keliya, laakiin jilibka ayaa xun,"
           " maanta guriga ayay joogtaa"],
    "lt": ["vakar nukrito nuo dviračio, tik nubrozdinimai, bet kelis labai blogas, šiandien"
           " lieka namie"],
    "es": ["Qué susto, se cayó de la bici ayer, no es nada, solo raspones, pero tiene la"
           " rodilla fatal y hoy se queda en casa", "se cayó de la bici y se raspó la rodilla,"
           " hoy se queda en casa"],
}
GRANDPARENT = {
    "en": ["her grandad fell off his bike and is in hospital, she's gone with me to see him"],
    "cy": ["syrthiodd ei thaid oddi ar ei feic, mae o yn yr ysbyty a da ni'n mynd ato fo"],
    "pl": ["dziadek spadł z roweru i jest w szpitalu, jedziemy do niego"],
    "pt": ["o avô caiu da bicicleta e está no hospital, vamos visitá-lo"],
    "ro": ["bunicul a căzut de pe bicicletă și e la spital, mergem la el"],
    "ar": ["جدها وقع عن البسكليت وهو بالمستشفى، رايحين نشوفه"],
    "ur": ["nana cycle se gir gaya aur hospital mein hain, hum unke paas ja rahe hain"],
    "bn": ["nana cycle theke pore gese, hospital e ache, amra oke dekhte jacchi"],
    "pa": ["nana ji cycle ton digg gaye, hospital ch ne, assi ohna kol ja rahe haan"],
    "so": ["awoowe baaskiil ayuu ka dhacay, isbitaalka ayuu jiraa, waan u soconnaa"],
    "lt": ["senelis nukrito nuo dviračio ir guli ligoninėje, važiuojame pas jį"],
    "es": ["su abuelo se cayó de la bici y está en el hospital, hoy está con él"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in FELL.items() for t in ts])
def test_a_fall_off_a_bike_and_its_grazes_is_illness(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.intent, reading.needs_staff) == (Intent.ILLNESS, False), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in GRANDPARENT.items() for t in ts])
def test_a_grandparents_fall_is_not_the_childs_illness(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is not Intent.ILLNESS


def test_every_language_has_its_cases() -> None:
    assert set(FELL) == set(GRANDPARENT) == set(LEXICONS.languages)
