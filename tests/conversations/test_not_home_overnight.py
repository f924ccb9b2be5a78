"""A child who went out and has not come home since (issue 14): gone to the shop last night
and never came back, a bed not slept in, not home since yesterday with the phone off — a
missing child, urgent, in every language. The concept lives in
`locales/<lang>/concepts/not_home_overnight.toml`.

Look-alikes that stay ordinary: a child who came home late and is tired, a bus that never came,
someone who never came back to the sender about a form.
The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

MISSING = {
    "en": ["she went out to the shop last night and never came back",
           "he went to his mates after tea and never came back, his bed wasnt slept in",
           "she never returned home, her coat and bag are gone"],
    "cy": ["Aeth hi i'r siop neithiwr a ddaeth hi ddim yn ôl",
           "Dyw e ddim wedi dod adre ers neithiwr, mae ei ffôn i ffwrdd"],
    "pl": ["Wyszła wczoraj wieczorem do sklepu i nie wróciła",
           "Nie wrócił na noc do domu, telefon ma wyłączony"],
    "pt": ["Ela saiu ontem à noite para ir à loja e não voltou",
           "Ele não dormiu em casa, a cama nem foi desfeita"],
    "ro": ["A plecat aseară la magazin și nu s-a mai întors",
           "N-a dormit acasă azi noapte, are telefonul închis"],
    "es": ["Salió anoche a la tienda y no ha vuelto",
           "No durmió en casa anoche y tiene el teléfono apagado"],
    "lt": ["Vakar vakare išėjo į parduotuvę ir negrįžo",
           "Jis nemiegojo namie, telefonas išjungtas"],
    "ar": ["راحت المحل امبارح بالليل وما رجعت",
           "ma rja3 el bait min ams, tilifoona msakkar",
           "ما رجع البيت من امبارح وتلفونه مسكر"],
    "ur": ["Zain kal raat se ghar nai aya, phone bhi band hai",
           "kal raat dukaan gayi thi aur wapas nai ayi",
           "وہ کل رات سے گھر نہیں آیا، فون بھی بند ہے"],
    "bn": ["kal raat theke bari fere nai, phone o bondho",
           "o kal rate dokane gese ar fire ashe nai",
           "কাল রাত থেকে বাড়ি ফেরেনি, ফোন বন্ধ"],
    "pa": ["kal raat ton ghar ni aaya, phone vi band aa",
           "kal shaam nu dukaan gayi si te wapas ni aayi",
           "ਕੱਲ੍ਹ ਰਾਤ ਤੋਂ ਘਰ ਨਹੀਂ ਆਇਆ, ਫ਼ੋਨ ਵੀ ਬੰਦ ਹੈ"],
    "so": ["Xalay dukaanka ayay aaday mana soo laaban",
           "Xalay guriga ma iman, taleefankiisana waa dansan yahay"],
}

ORDINARY = {
    "en": ["she came back late last night from her nans and she's shattered, keeping her home",
           "the bus never came so she's stuck at home today",
           "he never came back to me about the trip form, sorry"],
    "cy": ["Daeth hi adre'n hwyr neithiwr ac mae hi wedi blino, sâl heddiw"],
    "pl": ["Wróciła późno wczoraj w nocy i jest chora"],
    "pt": ["Ela voltou tarde ontem à noite e está doente"],
    "ro": ["S-a întors târziu aseară și e bolnavă"],
    "es": ["Volvió tarde anoche y hoy está enferma"],
    "lt": ["Vakar vėlai grįžo namo ir šiandien serga"],
    "ar": ["رجعت البيت متأخر امبارح وتعبانة اليوم"],
    "ur": ["kal raat der se ghar aya, aaj bukhar hai"],
    "bn": ["kal rat e deri kore bari firse, ajke jor"],
    "pa": ["kal raat late ghar aaya si, aaj bukhar aa"],
    "so": ["Xalay goor dambe ayuu guriga yimid, maanta wuu xanuunsan yahay"],
}


@pytest.mark.parametrize(("lang", "text"),
                         [(lang, text) for lang, texts in MISSING.items() for text in texts])
def test_a_child_not_home_since_last_night_is_missing(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    # Missing, or (where a language's running-away words read it first) safeguarding.
    assert reading.urgent and reading.intent in URGENT_INTENTS


@pytest.mark.parametrize(("lang", "text"),
                         [(lang, text) for lang, texts in ORDINARY.items() for text in texts])
def test_home_late_a_bus_or_a_reply_never_sent_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(MISSING) == set(ORDINARY) == set(LEXICONS.languages)
