"""The named childhood infections (chickenpox, measles, covid) confirm as illness in every
language we read and in each script parents type them in: Gurmukhi loanwords ("ਚਿਕਨ ਪੌਕਸ",
"ਕੋਵਿਡ"), Arabizi ("jidri", "7asba"), Polish "odra" declined, Lithuanian "kovidas",
Bengali "হাম" and romanised "ham hoyeche", Somali "jadeeco".

Near misses must not: look-alike words ("odrabia lekcje" is homework, a "ham sandwich").

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


NAMED = [
    ("en", "Amy has measles, off today"),
    ("cy", "Mae gan Amy frech yr ieir, fydd hi ddim mewn"),
    ("pl", "Amy ma odrę, dziś w domu"),
    ("pl", "Amy ma ospe wietrzna, dzis w domu"),
    ("lt", "Amy turi kovida, siandien nebus"),
    ("lt", "Amy serga vėjaraupiais, šiandien nebus"),
    ("pt", "A Amy está com catapora, hoje fica em casa"),
    ("es", "Amy tiene sarampión, hoy no va"),
    ("ro", "Amy are varsat de vant, azi sta acasa"),
    ("ar", "Amy 3andha jidri, ma ra7 tiji"),
    ("ar", "Amy 3andha 7asba, lyom bl bet"),
    ("ur", "ایمی کو چکن پاکس ہو گئی ہے، آج گھر پر ہے"),
    ("bn", "অ্যামির হাম হয়েছে, আজ স্কুলে যাবে না"),
    ("bn", "Amy r ham hoyeche, aj school e jabe na"),
    ("pa", "ਅਮੀ ਨੂੰ ਚਿਕਨ ਪੌਕਸ ਹੋ ਗਈ ਆ, ਅੱਜ ਘਰ ਰਹੂ"),
    ("pa", "ਅਮੀ ਨੂੰ ਕੋਵਿਡ ਹੋ ਗਿਆ, ਅੱਜ ਘਰ ਰਹੂ"),
    ("pa", "Amy nu khasra ho gaya, ajj ghar rahu"),
    ("so", "Amy waxaa ku dhacay jadeeco, maanta ma imaanayso"),
]


@pytest.mark.parametrize(("lang", "text"), NAMED)
def test_a_named_childhood_infection_confirms_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


LOOK_ALIKES = [
    ("pl", "Amy odrabia lekcje, bedzie jutro"),
    ("bn", "ami ham sandwich diyechi, Amy school e jabe"),
    ("pa", "ਅਮੀ ਅੱਜ ਸਕੂਲ ਆਊਗੀ"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_a_look_alike_word_confirms_no_illness(lang: str, text: str) -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(lang, text)
