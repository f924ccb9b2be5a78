"""A parent who answers the absence text with disbelief ("¿Cómo que no llegó?", "Jak to nie
dotarła?", "Como assim não chegou?": what do you mean she didn't arrive?) and tells the school
run she did herself disputes the absence: urgent in every language, and a disputed school run,
not a missing child, where the disbelief is read (conversations/safety.py `missing_or_disputed`:
the not arriving inside or just after the disbelief is the school's news repeated). Welsh and
Punjabi have no disbelief phrase yet and read the question where she is as missing."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

DISBELIEF = {
    'en': "What do you mean she didn't arrive? I put her on the school bus myself at 7:50,"
          ' the driver saw her. Where is Ximena? answer me please',
    'cy': "Be ti'n feddwl ddaeth hi ddim? Rhois i hi ar fws yr ysgol fy hun am 7:50, welodd"
          ' y gyrrwr hi. Lle mae hi? atebwch plis',
    'pl': 'Jak to nie dotarła? Sama wsadziłam ją do autobusu szkolnego o 7:50, kierowca ją'
          ' widział. Gdzie ona jest? odpiszcie proszę',
    'pt': 'Como assim não chegou? Eu mesma a pus no autocarro da escola às 7:50, o'
          ' motorista viu-a. Onde está ela? respondam por favor',
    'ro': 'Cum adică n-a ajuns? Eu am urcat-o în autobuzul școlii la 7:50, șoferul a'
          ' văzut-o. Unde e? răspundeți vă rog',
    'ar': 'كيف يعني ما وصلت؟ انا بنفسي طلعتها عباص المدرسة الساعة 7:50، السواق شافها.'
          ' وينها؟ ردوا علي لو سمحتوا',
    'ur': 'kya matlab nahi pohanchi? maine khud usay 7:50 pe school bus mein bithaya tha,'
          ' driver ne dekha tha. kahan hai wo? jawab dein please',
    'bn': 'mane ki pouchay ni? ami nije oke 7:50 e school bus e tule diyechi, driver'
          ' dekheche. o kothay? please uttor din',
    'pa': 'ki matlab nahi pahunchi? main khud ohnu 7:50 te school bus ch bithaya si, driver'
          ' ne dekhya. oh kithe aa? jawab deo please',
    'so': 'sidee bay u iman weyday? aniga ayaa baska dugsiga saaray 7:50, darawalka ayaa'
          ' arkay. xaggee bay joogtaa? iga soo jawaaba fadlan',
    'lt': 'Kaip tai neatvyko? Pati ją įsodinau į mokyklinį autobusą 7:50, vairuotojas ją'
          ' matė. Kur ji? atsakykite prašau',
    'es': '¿Cómo que no llegó? yo misma la subí al camión de la escuela a las 7:50, el'
          ' chofer la vio. ¿Dónde está Ximena? contésteme por favor',
}
NO_DISBELIEF_PHRASE_YET = {"cy", "pa"}


@pytest.mark.parametrize(("lang", "text"), DISBELIEF.items())
def test_disbelief_and_the_run_told_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, t in DISBELIEF.items()
                                            if k not in NO_DISBELIEF_PHRASE_YET])
def test_disbelief_and_the_run_told_is_a_disputed_school_run(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.IN_SCHOOL_DISPUTE, reading


def test_every_language_has_its_cases() -> None:
    assert set(DISBELIEF) == set(LEXICONS.languages)
