"""A home wrecked in anger (a door kicked in, a fist through the wall; domestic_abuse.toml) is
urgent in every language, as it was in English. A plea for help beside one sign of harm is a
disclosure (conversations/safety.py `SIGNS`, locales/<lang>/concepts/more_than_a_reason.toml):
a group said to deserve harm ("they deserve what's coming"; radicalisation.toml), with "I don't
know what to do", is for a person at once; the sign alone is not.
The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

DOOR = {
    "en": "last night he punched a hole in the wall", "cy": "neithiwr ciciodd o'r drws",
    "pl": "wczoraj wyważył drzwi", "pt": "ontem ele arrombou a porta",
    "ro": "aseară a spart ușa", "lt": "vakar jis išlaužė duris",
    "es": "anoche tiró la puerta abajo", "so": "xalay albaabka ayuu jebiyay",
    "ar": "مبارح رفس الباب", "ur": "kal raat usne darwaza tor diya",
    "pa": "kal raat ohne darvaza tod ditta", "bn": "kal raate o dorja bhenge felse",
}
DESERVE = {
    "en": "he keeps saying they deserve whats coming",
    "cy": "mae o'n deud eu bod nhw'n haeddu be sy'n dod",
    "pl": "ciągle mówi że zasługują na to co ich czeka",
    "pt": "ele diz que eles merecem o que vem aí",
    "ro": "zice mereu că merită ce urmează", "lt": "sako kad jie gaus ko nusipelnė",
    "es": "dice que se merecen lo que viene", "so": "wuxuu yiri waxay mudan yihiin waxa imanaya",
    "ar": "بيقول انهم يستاهلوا اللي جاي", "ur": "kehta hai woh marne ke layak hain",
    "pa": "kehnda oh marn de laik ne", "bn": "bole oder etai prappo",
}
PLEA = {
    "en": "i dont know what to do", "cy": "dwi ddim yn gwybod be i neud",
    "pl": "nie wiem co robić", "pt": "não sei o que fazer", "ro": "nu știu ce să fac",
    "lt": "nežinau ką daryti", "es": "no sé qué hacer", "so": "garan maayo waxaan sameeyo",
    "ar": "ما بعرف شو اعمل", "ur": "mujhe nahi pata kya karun", "pa": "mai ki karan",
    "bn": "ki korbo bujhte parchi na",
}


@pytest.mark.parametrize("lang", sorted(DOOR))
def test_a_home_wrecked_in_anger_is_urgent(lang: str) -> None:
    reading = classify(DOOR[lang], lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, (lang, DOOR[lang], reading.intent)


@pytest.mark.parametrize("lang", sorted(PLEA))
def test_a_sign_with_a_plea_for_help_is_urgent(lang: str) -> None:
    text = f"{DESERVE[lang]}, {PLEA[lang]}"
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, (lang, text, reading.intent)


@pytest.mark.parametrize("lang", sorted(PLEA))
def test_the_sign_alone_is_no_disclosure(lang: str) -> None:
    reading = classify(DESERVE[lang], lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, (lang, DESERVE[lang], reading.intent)


def test_every_language_has_each() -> None:
    assert set(DOOR) == set(DESERVE) == set(PLEA) == set(LEXICONS.languages)
