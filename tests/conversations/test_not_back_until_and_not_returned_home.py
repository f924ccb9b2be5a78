"""Two readings of coming back, in every language (issue 14):

- away with a day back ("won't be back until Monday", "fydd hi ddim yn ôl tan ddydd Llun", "ma
  soo laabanayso ilaa Isniinta", "ما رح ترجع لحد الاثنين") is a return told, never a child
  missing education, even beside being taken abroad; "won't be back" with no day there stays
  urgent (the missing_education concepts' `defuse` holds the no-return word, conversations/
  safety.py `_sent_away`);
- not returned home since last night, the phone off, in the formal Welsh verb too ("dyw hi
  ddim wedi dychwelyd adref"): missing, urgent (concepts/not_home_overnight.toml); not yet
  back to school while still ill stays an illness."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

BACK_ON_A_DAY = {
    "en": ["she has been taken abroad by her dad, she wont be back until monday"],
    "cy": ["mae hi wedi mynd i Bacistan efo'i thad, fydd hi ddim yn ôl tan ddydd Llun",
           "maen nhw wedi mynd â hi dramor, fydd hi ddim yn ôl tan ddydd Llun"],
    "pl": ["pojechała z tatą do Pakistanu, nie wróci do poniedziałku"],
    "pt": ["foi ao Paquistão com o pai, só volta na segunda"],
    "ro": ["a plecat în Pakistan cu tatăl ei, nu se întoarce până luni"],
    "ar": ["سافرت مع ابوها على باكستان، ما رح ترجع لحد الاثنين",
           "اخدوها برا، ما رح ترجع لحد الاثنين"],
    "ur": ["wo apne abbu ke saath Pakistan gayi hai, Peer tak wapas nahi aayegi"],
    "bn": ["o babar sathe Pakistan geche, shombar er age fire ashbe na"],
    "pa": ["oh apne papa naal Pakistan gayi aa, somvar tak wapas nahi aaugi"],
    "so": ["waxay la aaday aabaheed Soomaaliya, ma soo laabanayso ilaa Isniinta",
           "dibadda ayaa loo qaaday, dib uma soo laabanayso ilaa Isniinta"],
    "lt": ["išvyko su tėčiu į Pakistaną, negrįš iki pirmadienio"],
    "es": ["se fue a Pakistán con su padre, no vuelve hasta el lunes"],
}
URGENT = {
    "en": ["she hasn't returned home since last night, her phone is off"],
    "cy": ["dyw hi ddim wedi dychwelyd adref ers neithiwr, ei ffôn i ffwrdd",
           "mae hi heb ddychwelyd adref ers neithiwr",
           "maen nhw wedi mynd â hi dramor, fydd hi ddim yn ôl"],
    "pl": ["nie wróciła do domu od wczoraj wieczorem, telefon ma wyłączony"],
    "pt": ["não voltou para casa desde ontem à noite, o telemóvel está desligado"],
    "ro": ["nu s-a întors acasă de aseară, are telefonul închis"],
    "ar": ["ما رجعت عالبيت من مبارح بالليل، تلفونها مسكر", "اخدوها برا، ما رح ترجع"],
    "ur": ["kal raat se ghar wapas nahi aayi, phone band hai"],
    "bn": ["kal rat theke bari fere ni, phone off"],
    "pa": ["kal raat ton ghar wapas nahi aayi, phone band aa"],
    "so": ["xalay ilaa hadda guriga ma soo laaban, taleefankeeda waa dansan yahay",
           "dibadda ayaa loo qaaday, dib uma soo laabanayso"],
    "lt": ["negrįžo namo nuo vakar vakaro, telefonas išjungtas"],
    "es": ["no ha vuelto a casa desde anoche, tiene el móvil apagado"],
}
STILL_ILL = [("cy", "dyw hi ddim wedi dychwelyd i'r ysgol eto, mae hi'n dal yn sâl"),
             ("cy", "mae ei ffôn i ffwrdd achos mae hi'n cysgu, mae ganddi wres")]


@pytest.mark.parametrize(("lang", "text"),
                         [(k, t) for k, ts in BACK_ON_A_DAY.items() for t in ts] + STILL_ILL)
def test_back_on_a_day_or_still_ill_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in URGENT.items() for t in ts])
def test_not_returned_home_or_not_back_at_all_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(BACK_ON_A_DAY) == set(URGENT) == set(LEXICONS.languages)
