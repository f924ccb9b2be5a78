"""The police called to the neighbours, the children frightened by it and kept home, is the
family's circumstance in every language ("ryte pas kaimynus buvo atvažiavusi policija, vaikai
išsigando ... liko namie"), for a person to decide: not a school refusal for the crying, and
never urgent for the police (locales/<lang>/concepts/police_at_the_neighbours.toml). The police
at the family's own home about the child's father stay urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

NEIGHBOURS = [
    ('en', 'police came to the neighbours this morning, the kids were scared, Ieva was'
     ' crying so she stayed home today. back tomorrow'),
    ('cy', 'roedd yr heddlu drws nesa bore ma, y plant wedi dychryn, Nia yn crio felly mae'
     ' hi adra heddiw. nôl fory'),
    ('pl', 'rano u sąsiadów była policja, dzieci się przestraszyły, Ola płakała, więc dziś'
     ' została w domu. jutro będzie'),
    ('pt', 'de manhã a polícia esteve nos vizinhos, as crianças assustaram-se, a Ana chorou,'
     ' por isso ficou hoje em casa. amanhã vai'),
    ('ro', 'dimineață a venit poliția la vecini, copiii s-au speriat, Ana a plâns, așa că'
     ' azi a rămas acasă. mâine vine'),
    ('ar', 'الصبح اجت الشرطة عند الجيران، الولاد خافوا وريم صارت تبكي، فضلت بالبيت اليوم.'
     ' بكرة بترجع'),
    ('ur', 'subah padosiyon ke ghar police aayi thi, bache dar gaye, Ayesha ro rahi thi is'
     ' liye aaj ghar pe hai. kal aayegi'),
    ('bn', 'sokale pasher barite police eshechilo, bachchara bhoy peyeche, Rafi kanchilo tai'
     ' aj bari te. kal ashbe'),
    ('pa', 'savere gwandiyan de ghar police aayi si, bache darr gaye, Simran ro rahi si is'
     ' layi ajj ghar aa. kal aaugi'),
    ('so', 'subaxdii booliska ayaa yimid deriska, caruurtu way baqeen, Fadumo way ooyday'
     ' sidaas darteed maanta guriga ayay joogtaa. berri way imaneysaa'),
    ('lt', 'Sveiki, ryte pas kaimynus buvo atvažiavusi policija, vaikai išsigando, Ieva'
     ' verkė, todėl šiandien liko namie. Rytoj ateis'),
    ('es', 'esta mañana vino la policía a casa de los vecinos, los niños se asustaron, Lucía'
     ' lloraba y hoy se quedó en casa. mañana va'),
]
AT_HOME = [
    ('en', "the police came to our house last night about her dad, she's scared"),
    ('pl', 'policja była u nas w nocy przez ojca, boi się'),
    ('pt', 'a polícia veio a nossa casa ontem à noite por causa do pai dela, ela está com'
     ' medo'),
    ('es', 'anoche vino la policía a casa por su padre, tiene miedo'),
    ('lt', 'vakar pas mus buvo policija dėl jos tėvo, ji bijo'),
    ('ro', 'aseară a venit poliția la noi din cauza tatălui ei, îi e frică'),
    ('cy', 'roedd yr heddlu yma neithiwr achos ei thad hi, mae ganddi ofn'),
    ('ar', 'اجت الشرطة لعنا مبارح بالليل بسبب ابوها، هي خايفة'),
    ('ur', 'kal raat police hamare ghar aayi uske abbu ki wajah se, wo dari hui hai'),
    ('bn', 'kal rate police amader barite eshechilo or babar jonno, o bhoy peyeche'),
    ('pa', 'kal raat police sade ghar aayi ohde papa karke, oh dari hoyi aa'),
    ('so', 'xalay booliska ayaa gurigeena yimid aabaheed awgiis, way baqaysaa'),
]


@pytest.mark.parametrize(("lang", "text"), NEIGHBOURS)
def test_police_at_the_neighbours_is_the_familys_circumstance(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (False, Intent.FAMILY_CIRCUMSTANCES), reading


@pytest.mark.parametrize(("lang", "text"), AT_HOME)
def test_police_at_home_about_her_dad_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert {k for k, _ in NEIGHBOURS} == {k for k, _ in AT_HOME} == set(LEXICONS.languages)
