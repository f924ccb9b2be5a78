"""An adult who goes into a child's room at night and tells her to say nothing is urgent in
every language (issue 14: urgent recall on replies nobody tuned for). The telling to keep
quiet is a `secret` (conversations/safety.py), urgent alone; going into her room at night is
a `contact`, urgent beside an adult. The words are in locales/<lang>/concepts/sexual_abuse.toml.

Look-alikes that must stay ordinary: a doctor who told her to eat nothing before a test, a
child who said nothing about feeling ill, a sick child who went to her room at night.
The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": ["my partner goes into her room at night when im on shift and tells her to say nothing",
           "he tells her not to say anything to me"],
    "cy": ["mae fy mhartner yn mynd i mewn i'w llofft hi yn y nos ac yn deud wrthi am beidio"
           " deud dim"],
    "pl": ["mój partner wchodzi do jej pokoju w nocy jak jestem na zmianie i każe jej nic nie"
           " mówić", "kazal mu nic nie mowic mamie", "ojczym wchodzi do jej pokoju w nocy"],
    "pt": ["o meu companheiro entra no quarto dela à noite e diz-lhe para não dizer nada",
           "ele manda ela não contar nada pra ninguém"],
    "ro": ["partenerul meu intră în camera ei noaptea și îi spune să nu zică nimic"],
    "ar": ["جوزي بيدخل على غرفتها بالليل وبيقلها ما تحكي لحدا", "bi2olla ma t7ki la 7ada"],
    "ur": ["mera partner raat ko uske kamre mein jata hai aur usay kehta hai kisi ko kuch na"
           " batana", "وہ اسے کہتا ہے کسی کو کچھ نہ بتانا"],
    "bn": ["amar partner rate or rume jay ar oke bole kauke kichu bolbi na"],
    "pa": ["mera partner raat nu ohde kamre ch janda te ohnu kehnda kise nu kuch na dasi"],
    "so": ["saaxiibkay habeenkii qolkeeda ayuu galaa wuxuuna ku yiraahdaa cidna ha u sheegin"],
    "lt": ["mano draugas naktį eina į jos kambarį ir liepia jai nieko nesakyti",
           "patėvis ateina į jos kambarį naktį"],
    "es": ["mi pareja entra en su cuarto por la noche y le dice que no diga nada",
           "le dice que no le cuente nada a nadie", "su padrastro entra a su cuarto por la noche"],
}

ORDINARY = {
    "en": ["she said nothing about feeling ill, just went to her room at night",
           "the doctor told her not to eat anything before the blood test"],
    "cy": ["mae hi'n mynd i'w llofft yn y nos efo'r ffliw"],
    "pl": ["nic nie mówiła że źle się czuje, w nocy poszła do pokoju i wymiotowała",
           "lekarz kazał jej nic nie jeść przed zabiegiem",
           "wchodzę do jej pokoju w nocy sprawdzić gorączkę"],
    "pt": ["o médico mandou ela não comer nada antes da análise",
           "entra no quarto dela à noite para ver a febre, está doente"],
    "ro": ["doctorul i-a spus să nu mănânce nimic"],
    "ar": ["الدكتور قلها ما تاكل شي قبل التحليل"],
    "ur": ["doctor ne kaha kuch na khana test se pehle"],
    "bn": ["daktar bolse test er age kichu khabe na"],
    "pa": ["doctor ne kiha test ton pehla kuch na khavi"],
    "so": ["dhakhtarka ayaa ku yiri waxba ha cunin baaritaanka ka hor"],
    "lt": ["gydytojas liepė nieko nevalgyti prieš tyrimą",
           "naktį einu į jos kambarį pamatuoti temperatūros"],
    "es": ["el médico le dijo que no coma nada antes del análisis",
           "entro a su cuarto por la noche a ponerle el termómetro, tiene fiebre"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_told_to_say_nothing_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in ORDINARY.items() for t in ts])
def test_a_doctors_fast_or_a_sick_room_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(ORDINARY) == set(LEXICONS.languages)
