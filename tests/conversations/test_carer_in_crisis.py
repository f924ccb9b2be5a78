"""A carer in crisis, urgent in every language (locales/<lang>/concepts/carer_in_crisis.toml):
the parent is afraid they cannot look after or keep the children safe, or is having bad or dark
thoughts. A person must call them back at once.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: not sleeping because of a child's cough, childcare told
plainly, the sender's low mood beside an illness."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": ["im scared i cant look after them anymore, please ring me",
           "been having dark thoughts and i dont think i can look after the boys"],
    "cy": ["mae gen i ofn na alla i edrych ar ei hol hi, plis ffoniwch",
           "dwi'n cael meddyliau tywyll ers wythnos"],
    "pl": ["mam złe myśli i boję się że nie dam rady zająć się dziećmi",
           "mam czarne mysli, prosze o telefon"],
    "pt": ["estou muito mal, tenho medo de nao conseguir tomar conta das meninas",
           "ando com pensamentos escuros, preciso de ajuda"],
    "ro": ["mi-e frică că nu pot avea grijă de copii, am gânduri negre",
           "nu mai pot avea grija de ei, ajutati-ma"],
    "es": ["tengo miedo de no poder cuidar a mis hijos, estoy fatal",
           "llevo una semana con pensamientos oscuros"],
    "ar": ["انا خايفة ما اقدر اهتم بالولاد، عندي افكار سودا",
           "ana msh 2adra a3tani bel wlad, 3andi afkar say2a"],
    "ur": ["mujhe bure khayal aa rahe hain, koi call kare",
           "میں بچوں کا خیال نہیں رکھ پا رہی، برے خیالات آتے ہیں",
           "بستر سے اٹھ نہیں پاتی، کبھی کبھی لگتا ہے سب ختم کر دوں"],
    "bn": ["ami bachchader dekhashona korte parchi na, khub kharap chinta ashe",
           "মাথায় খারাপ চিন্তা আসছে, কেউ ফোন করুন"],
    "pa": ["mainu maade khayal aunde ne, koi phone karo",
           "ਮੈਂ ਬੱਚਿਆਂ ਨੂੰ ਸੰਭਾਲ ਨਹੀਂ ਸਕਦੀ, ਬੁਰੇ ਖਿਆਲ ਆਉਂਦੇ ਨੇ",
           "ਕਦੇ ਕਦੇ ਲੱਗਦਾ ਸਭ ਖਤਮ ਕਰ ਦਿਆਂ"],
    "so": ["waxaan ka baqayaa inaan ilmaha ilaalin karin",
           "fikrado xun ayaa i haya, qof ha i soo waco"],
    "lt": ["bijau kad negalesiu pasirupinti vaikais, prasau paskambinkit",
           "mane kankina juodos mintys"],
}

ORDINARY = {
    "en": ["she has a cough and i havent slept for days, keeping her off",
           "i cant look after him today as im at work so hes with his nan"],
    "cy": ["mae ganddo annwyd a dwi heb gysgu ers dyddia"],
    "pl": ["ma kaszel, od kilku dni nie śpię przez to"],
    "pt": ["está com tosse, há dias que não durmo, fica em casa"],
    "ro": ["are tuse și n-am dormit de zile, rămâne acasă"],
    "es": ["tiene tos y llevo días sin dormir, se queda en casa"],
    "ar": ["عنده كحة وما نمت من ايام، رح يضل بالبيت"],
    "ur": ["usko khansi hai, kai din se so nahi paye",
           "لگتا ہے بخار ہے، آج گھر پر رہے گی"],
    "bn": ["or kashi, koyek din ghumai ni, aj school e jabe na"],
    "pa": ["ohnu khang hai, kai dinaan ton soyi nahi"],
    "so": ["qufac ayuu qabaa, dhowr habeen ma seexan"],
    "lt": ["jis kosti, kelias naktis nemiegojau, liks namie"],
}


@pytest.mark.parametrize(
    "lang,text", [(lang, text) for lang, texts in TOLD.items() for text in texts]
)
def test_a_carer_in_crisis_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, (lang, text, reading.intent)


@pytest.mark.parametrize(
    "lang,text", [(lang, text) for lang, texts in ORDINARY.items() for text in texts]
)
def test_not_sleeping_or_plain_childcare_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, (lang, text, reading.intent)


def test_every_language_has_both() -> None:
    assert set(TOLD) == set(ORDINARY) == set(LEXICONS.languages)
