"""Role words of the Somali, Lithuanian and romanised Bengali and Punjabi lexicons, read as a
careful speaker would (issue 14): a word with an everyday meaning is no sign of harm alone.

Each ordinary reply below was a false urgent before the review (a bare "ghar"/"bari"/"guriga"
beside any fear word, "pi ke" after medicine, "jaan dena" as "let him go", "sir" as a secret,
"geria antibiotikus", "nori nebūti mokykloje", "ghumiye thakte chay"); the urgent replies after
them say the same harm in the words the review kept.
"""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

ORDINARY = [
    ("pa", "kal raat darr gayi si, ajj ghar aaram karegi"),
    ("pa", "main ohnu school jaan dena chahunda par bukhar aa"),
    ("pa", "dawai pi ke so gayi, ohnu bukhar aa, ghar kalli nahi"),
    ("pa", "form wapas bhej ditta, passport di copy vi"),
    ("pa", "exams sab khatam, lagda thakk gayi, ajj ghar"),
    ("bn", "o shudhu ghumiye thakte chay, gaye jor"),
    ("bn", "voy peyeche kal rate, aj bari te rest korbe"),
    ("so", "Salaan sir, Amiin waa xanuunsan yahay maanta"),
    ("so", "cabsi ayuu qabaa, guriga ayuu joogaa maanta"),
    ("so", "subaxnimadii ma toosin, wuu daahay, wuxuu rabaa inuu seexdo"),
    ("lt", "Jonas šiandien nori nebūti mokykloje, pavargęs"),
    ("lt", "ji geria antibiotikus, niekam neskambinau"),
]
URGENT = [
    ("pa", "oh darr di hai ghar vapas jaan ton, ohda matreya pyo"),
    ("pa", "oh apni jaan dena chahunda hai"),
    ("pa", "ohda papa sharab pi ke maarda, ohnu bhukha rakhda"),
    ("bn", "ami sob shesh kore dite chai"),
    ("bn", "o bashay firte bhoy pacche, sot baba mod khay"),
    ("so", "Khadar xalay guriga ma soo hoyn, taleefankiisa waa dansan yahay, ma garanayo meel uu "
           "joogo"),
    ("so", "tababaraha ayaa ku yiri sirta cidna ha u sheegin"),
    ("lt", "patėvis geria alkoholį ir muša ją"),
    ("lt", "treneris liepė nieko nesakyti mamai"),
]


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_everyday_words_alone_are_no_sign_of_harm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_the_same_harm_in_the_words_kept_is_still_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent
