"""A child who ran away from home after a row and whom the sender cannot find is missing first
(whereabouts unknown), as a safeguarding lead files it, in every language: the row with a
stepparent is no second sign of harm beside the running away (conversations/safety.py
`_without_a_runaway_missing`). Harm told beside it ("because he hits her", a fight, "pelea")
is still safeguarding, and so is a child who comes back and will not say where she was."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

RAN_AWAY = {
        'en': 'He ran away from home last night after a row with his stepdad, took his bag'
              " and his money box. We don't know where he is",
        'cy': "Mi redodd o i ffwrdd o adra neithiwr ar ôl ffrae efo'i lystad, aeth â'i fag."
              ' Da ni ddim yn gwybod lle mae o',
        'pl': 'Uciekł wczoraj wieczorem z domu po kłótni z ojczymem, zabrał plecak i'
              ' pieniądze ze skarbonki. Nie wiemy gdzie jest',
        'pt': 'O Gonçalo fugiu de casa ontem à noite depois de uma discussão com o padrasto.'
              ' Levou a mochila e o dinheiro do mealheiro. Não sabemos onde está',
        'ro': 'A fugit de acasă aseară după o ceartă cu tatăl vitreg, și-a luat rucsacul și'
              ' banii din pușculiță. Nu știm unde e',
    'ar': 'هرب من البيت مبارح بالليل بعد ما تخانق مع زوج امه، اخد شنطته ومصاريه. ما منعرف وين هو',
        'ur': 'kal raat sautele baap se larai ke baad ghar se bhaag gaya, bag aur paise le'
              ' gaya. hamein nahi pata kahan hai',
        'bn': 'kal rate sot babar sathe jhogra kore bari theke paliye geche, bag ar taka niye'
              ' geche. jani na kothay',
        'pa': 'kal raat matreye pyo naal ladai ton baad ghar ton bhaj gaya, bag te paise lai'
              ' gaya. pata nahi kithe aa',
        'so': 'xalay guriga ayuu ka cararay kadib markii uu la murmay aabihiis adeer,'
              ' boorsadiisa iyo lacagtiisa ayuu qaatay. ma garanayno meel uu joogo',
        'lt': 'vakar vakare pabėgo iš namų po barnio su patėviu, pasiėmė kuprinę ir pinigus.'
              ' Nežinome kur jis',
    "es": "Se escapó de casa anoche después de discutir con su padrastro, se llevó la mochila y"
          " el dinero de la hucha. No sabemos dónde está",
}
HARM_TOO = [
    ("en", "she ran away last night because her stepdad hits her, we don't know where she is"),
    ("pl", "uciekła z domu bo ojczym ją bije, nie wiemy gdzie jest"),
    ("es", "Se escapó de casa anoche después de una pelea con su padrastro. No sabemos dónde"
           " está"),
    ("en", "she disappears at weekends and comes back with money and won't say where from"),
]


@pytest.mark.parametrize(("lang", "text"), RAN_AWAY.items())
def test_ran_away_and_not_found_is_missing(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN), reading


@pytest.mark.parametrize(("lang", "text"), HARM_TOO)
def test_harm_told_beside_it_stays_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_has_its_cases() -> None:
    assert set(RAN_AWAY) == set(LEXICONS.languages)
