"""A toothache and the emergency dentist the child is taken to is a medical appointment in
every language ("lo llevo al dentista de urgencias", "do dentysty na ostry dyżur", "la dentist
la urgență"; locales/<lang>/concepts/emergency_dentist.toml), not A&E for an illness; a night
at A&E with a fever or a sprain stays illness."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

EMERGENCY_DENTIST = [
    ('en', "Hugo is in agony with toothache, I'm taking him to the emergency dentist this"
     " morning and he won't be in all day"),
    ('cy', "Mae gan Huw ddannodd ofnadwy, dwi'n mynd â fo at y deintydd brys bore ma a fydd"
     " o ddim yn yr ysgol drwy'r dydd"),
    ('pl', 'Hugo umiera z bólu zęba, zabieram go rano do dentysty na ostry dyżur i nie'
     ' będzie go cały dzień w szkole'),
    ('pt', 'O Hugo está cheio de dores de dentes, levo-o ao dentista de urgência esta manhã'
     ' e não vai à escola o dia todo'),
    ('ro', 'Hugo moare de durere de măsea, îl duc la dentist la urgență azi dimineață și nu'
     ' vine la școală toată ziua'),
    ('ar', 'هوغو ميت من وجع السن، رح اخده عند دكتور الاسنان طوارئ الصبح وما رح يروح عالمدرسة'
     ' كل اليوم'),
    ('ur', 'Hugo ke daant mein bohat dard hai, subah emergency dentist ke paas le ja rahi'
     ' hoon, aaj poora din school nahi aayega'),
    ('bn', 'Hugo r daat byathay morche, sokale emergency dentist er kache niye jacchi, aj'
     ' sara din school e jabe na'),
    ('pa', 'Hugo de daand ch bahut dard aa, savere emergency dentist kol lai ja rahi aan,'
     ' ajj saara din school nahi jaauga'),
    ('so', 'Hugo ilko ayaa aad u xanuunaya, subaxdan dhakhtarka ilkaha degdegga ah ayaan u'
     ' geynayaa, maanta maalinta oo dhan dugsiga ma imanayo'),
    ('lt', 'Hugo baisiai skauda dantį, ryte vežu jį pas budintį odontologą, visą dieną nebus'
     ' mokykloje'),
    ('es', 'Hugo está que se muere del dolor de muelas, lo llevo al dentista de urgencias'
     ' esta mañana y no va a ir al cole en todo el día'),
]
A_AND_E = [
    ('es', 'se cayó y la llevé a urgencias, tiene un esguince'),
    ('pl', 'był na ostrym dyżurze w nocy z gorączką'),
    ('ro', 'a fost la urgență aseară cu febră mare'),
    ('en', 'took her to a&e last night with a high fever'),
]


@pytest.mark.parametrize(("lang", "text"), EMERGENCY_DENTIST)
def test_the_emergency_dentist_is_an_appointment(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.MEDICAL_APPOINTMENT, reading


@pytest.mark.parametrize(("lang", "text"), A_AND_E)
def test_a_and_e_for_a_fever_or_a_sprain_stays_illness(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.ILLNESS


def test_every_language_has_its_cases() -> None:
    assert {k for k, _ in EMERGENCY_DENTIST} == set(LEXICONS.languages)
