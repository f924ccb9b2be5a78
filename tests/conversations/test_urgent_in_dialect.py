"""Urgent replies in the dialects and spellings people text in (issue 14: urgent recall on
replies nobody tuned for): Sylheti ("school o diya aisi", "loiya gese", "kichu koy na"), Doabi
Punjabi ("ghare ni aaya", "phone vi ni chakda"), Gulf Arabic and its Arabizi ("5athah", "ma
adri wainh"), Lithuanian without a word for the child ("pati palydėjau iki durų"), Romanian
without diacritics, colloquial Welsh — each one of the concepts (a school run told, a child not
come home, a child taken and the sender not answered) the safety net reads by its parts.
Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

IN_DIALECT = [
    ("bn", "ki kon? amar pua re ami nijor haate school o diya aisi, ita kemne ho"),
    ("bn", "amar furi kal rate ghore aise na, kitai kuno khobor nai"),
    ("bn", "tar baf tare loiya gese, amare kichu koy na, phone o bondo"),
    ("pa", "saada munda raati ghare ni aaya, saare labh lye"),
    ("pa", "main apne hathan naal school chhad ke aayi aan, oh kithe gaya"),
    ("pa", "ohda dad ohnu lai gaya te hun phone vi ni chakda"),
    ("ar", "وش تقصدون غايب؟ انا بنفسي نزلته عند باب المدرسة"),
    ("ar", "ولدي ما رجع البيت من امس ولا ندري وينه"),
    ("ar", "abooh 5athah w ma yrd 3lay, ma adri wainh"),
    ("so", "wiilkayga xalay ma soo hoyan, meel uu joogo lama oga"),
    ("so", "anigaa iskuulka geeyay saaka, sidee u maqan yahay?"),
    ("so", "aabaheed ayaa kaxeeyay, taleefanka ma qabanayo"),
    ("ur", "kya bakwas hai, main khud usay gate tak chhod ke aayi"),
    ("ur", "beta raat se ghar nahi aaya, koi khabar nahi"),
    ("ur", "uska baap usay le gaya aur ab phone nahi utha raha"),
    ("lt", "kaip tai nėra? pati palydėjau iki durų"),
    ("lt", "sūnus negrįžo namo nakčiai, nieko nežinome"),
    ("lt", "tėvas ją pasiėmė ir nekelia ragelio"),
    ("ro", "cum adica lipseste? l-am dus pana la poarta"),
    ("ro", "fata n-a venit acasa azi noapte, nu stim nimic de ea"),
    ("ro", "tatal ei a luat-o si nu raspunde la telefon"),
    ("cy", "be ti'n feddwl absennol? es i â fo at y drws"),
    ("cy", "ddaeth o ddim adre neithiwr, dim gair ganddo fo"),
    ("cy", "mae ei thad wedi mynd â hi a dydi o ddim yn ateb y ffôn"),
]


@pytest.mark.parametrize(("lang", "text"), IN_DIALECT)
def test_an_urgent_reply_in_dialect_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent in URGENT_INTENTS, reading
