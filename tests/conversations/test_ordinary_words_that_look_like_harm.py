"""Ordinary words that look like harm, in every language (issue 14): a cast taken off and the
child "better without it" ("mejor sin el yeso", "melhor sem ele", "lepiej bez niego"), a rash,
spots or the power gone ("mae'r frech wedi diflannu", "vėl dingo elektra", "las manchas
desaparecieron"), ears that bother her ("le molestan los oídos": no English "molest*"), a new
phone bought for a sick child, a knock she gave herself ("s-a lovit la genunchi", "uderzył się w
kolano", "se dio un golpe en la rodilla"). Each is defused where it is told (the lexicons' and
self_harm concepts' `defuse`) or read as the injury it is (concepts/hurt_at_play.toml); a child
gone, a wish not to be, a blow from an adult stay urgent."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

ORDINARY = {
    "en": [
        "had her cast off yesterday, she's better without it, physio today",
        'the rash has disappeared but she still has a temperature',
        'her ears are bothering her and she has a fever',
        'she has a fever, I got her a new phone to keep her busy in bed',
        'he banged his knee at football, it hurts',
    ],
    "cy": [
        "tynnwyd y plastr ddoe, mae hi'n well hebddo fo, ffisio heddiw",
        "mae'r frech wedi diflannu ond mae ganddi wres o hyd",
        'mae ei chlustiau yn ei phoeni hi ac mae ganddi wres',
        "mae ganddi wres, ges i ffôn newydd iddi i'w chadw'n brysur yn y gwely",
        "mae o wedi taro ei ben-glin yn y pêl-droed, mae'n brifo",
    ],
    "pl": [
        'zdjęli mu gips wczoraj, lepiej bez niego, dziś ma rehabilitację',
        'wysypka zniknęła, ale nadal ma gorączkę',
        'dokuczają jej uszy i ma gorączkę',
        'ma gorączkę, kupiłam jej nowy telefon żeby się nie nudziła w łóżku',
        'uderzył się w kolano na piłce, boli go',
    ],
    "pt": [
        'tirou o gesso ontem, anda melhor sem ele, hoje tem fisioterapia',
        'as manchas desapareceram mas ainda tem febre',
        'os ouvidos estão a incomodá-la e tem febre',
        'tem febre, comprei um celular novo para ele jogar na cama',
        'bateu com o joelho no futebol, dói-lhe',
    ],
    "ro": [
        'i-au scos ghipsul ieri, e mai bine fără el, azi are fizioterapie',
        'erupția a dispărut dar încă are febră',
        'o deranjează urechile și are febră',
        'are febră, i-am luat un telefon nou să nu se plictisească în pat',
        's-a lovit la genunchi la fotbal, îl doare',
    ],
    "ar": [
        'فكولها الجبس مبارح، احسن بلاه، اليوم عندها علاج طبيعي',
        'الحبوب راحت بس لسا عندها حرارة',
        'اذنيها عم يوجعوها وعندها حرارة',
        'عندها حرارة، جبتلها تلفون جديد تتسلى فيه بالسرير',
        'انضرب على ركبته بالكورة، بيوجعه',
    ],
    "ur": [
        'kal plaster utar gaya, uske baghair behtar hai, aaj physio hai',
        'daane chale gaye lekin abhi bhi bukhar hai',
        'uske kaan tang kar rahe hain aur bukhar hai',
        'bukhar hai, maine usay naya phone le diya bistar mein khelne ke liye',
        'football mein uska ghutna lag gaya, dard hai',
    ],
    "bn": [
        'kal plaster khule felse, eta chara bhalo ache, aj physio',
        'gutigula chole geche kintu ekhono jor',
        'or kaan e kosto hocche ar jor',
        'jor, oke notun phone kine diyechi bichanay khelar jonno',
        'football khelte giye hatute bathha peyeche, byatha korche',
    ],
    "pa": [
        'kal plaster utar gaya, ohde bina changa hai, ajj physio aa',
        'daane chale gaye par haje vi bukhar aa',
        'ohde kann tang kar rahe ne te bukhar aa',
        'bukhar aa, main ohnu naya phone le ditta manje te khedan layi',
        'football khedde godde te satt lag gayi, dard hunda',
    ],
    "so": [
        "shalay jibsiga ayaa laga furay, isaga la'aantiis ayay ka fiican tahay, maanta"
        " fiisiyoteraabi",
        'finanku way tageen laakiin weli qandho ayay qabtaa',
        'dhegaha ayaa dhibaya, qandho ayay qabtaa',
        'qandho ayay qabtaa, telefoon cusub ayaan u iibiyay si ay sariirta ugu ciyaarto',
        'jilibka ayuu ku dhacay kubadda cagta, wuu xanuunayaa',
    ],
    "lt": [
        'vakar nuėmė gipsą, be jo geriau, šiandien kineziterapija',
        'bėrimas dingo, bet vis dar karščiuoja',
        'vėl dingo elektra, vaikas peršalęs',
        'jai skauda ausis ir karščiuoja',
        'karščiuoja, nupirkau jai naują telefoną kad lovoje nenuobodžiautų',
        'per futbolą susitrenkė kelį, skauda',
    ],
    "es": [
        'le quitaron el yeso ayer y está mejor sin el yeso, pero hoy tiene fisio',
        'las manchas desaparecieron pero todavía tiene fiebre',
        'tiene fiebre y le molestan los oídos',
        'tiene fiebre, le compré un celular nuevo para que juegue en la cama',
        'se dio un golpe en la rodilla jugando al fútbol, le duele',
    ],
}
URGENT = {
    "en": [
        'she had a rash on friday, now she has disappeared since last night',
    ],
    "cy": [
        'mae hi wedi diflannu ers neithiwr',
    ],
    "pl": [
        'zniknęła wczoraj wieczorem',
        'mówi że wszystkim byłoby lepiej bez niego',
        'ojczym ją uderzył w twarz',
    ],
    "pt": [
        'ele diz que ficávamos melhor sem ele',
        'o padrasto bateu-lhe com o cinto',
    ],
    "ro": [
        'a dispărut de acasă aseară',
        'tatăl vitreg a lovit-o cu cureaua',
    ],
    "ar": [
        'اختفت من مبارح وما منعرف وينها',
    ],
    "ur": [
        'kal raat se ghar nahi aayi, pata nahi kahan hai',
    ],
    "bn": [
        'kal rat theke bari fere ni, jani na kothay',
    ],
    "pa": [
        'kal raat ton ghar nahi aayi, pata nahi kithe aa',
    ],
    "so": [
        'xalay guriga ma soo hoyn, ma garanayo meel ay joogto',
    ],
    "lt": [
        'dingo vakar vakare, nežinome kur ji',
        'nori dingti',
    ],
    "es": [
        'desapareció anoche, no sabemos dónde está',
        'estaríamos mejor sin ella, dice',
        'su tío la molestaba',
        'su padre le dio un golpe en la cara',
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in ORDINARY.items() for t in ts])
def test_ordinary_words_that_look_like_harm_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in URGENT.items() for t in ts])
def test_a_child_gone_or_hurt_by_someone_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(ORDINARY) == set(URGENT) == set(LEXICONS.languages)
