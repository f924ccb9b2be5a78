"""A thing gone missing is no missing child (issue 14): the power, a phone or the keys gone
("bijli phir gayab", "her phone has gone missing", "dingo telefonas") beside an ordinary reason
is that reason in every language; a child gone missing with the phone is still missing
(locales/<lang>/concepts/a_thing_gone_missing.toml).

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

A_THING_GONE = [
    ("en", "her phone has gone missing so she couldnt text you, she has a cold today"),
    ("cy", "Mae'r ffôn ar goll felly doedd hi ddim yn gallu tecstio, mae ganddi annwyd heddiw"),
    ("pl", "Zginął telefon, więc nie mogła napisać, dziś jest przeziębiona"),
    ("pt", "O telemóvel desapareceu por isso não mandou mensagem, hoje está constipada"),
    ("ro", "Telefonul a dispărut așa că n-a putut scrie, azi e răcită"),
    ("es", "El móvil ha desaparecido y no pudo escribir, hoy está resfriada"),
    ("lt", "Dingo telefonas, todėl negalėjo parašyti, šiandien peršalusi"),
    ("ar", "التلفون ضايع عشان هيك ما بعتت، اليوم عندها برد"),
    ("ur", "bijli phir gayab hai, alarm nahi baja, aaj usay zukam bhi hai"),
    ("bn", "phone harai gese tai message dite pare nai, ajke tar thanda legeche"),
    ("pa", "bijli gayab si, alarm ni vajjya, ajj ohnu zukaam aa"),
    ("so", "Taleefanka ayaa lumay sidaa darteed ma soo qorin, maanta hargab ayay qabtaa"),
]

A_CHILD_GONE = [
    ("en", "she took her phone and has gone missing, nobody knows where she is"),
    ("ur", "woh kal raat se gayab hai, phone bhi band hai"),
    ("pl", "zaginęła wczoraj, telefon ma wyłączony"),
]


@pytest.mark.parametrize(("lang", "text"), A_THING_GONE)
def test_a_thing_gone_missing_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.ILLNESS and not reading.urgent


@pytest.mark.parametrize(("lang", "text"), A_CHILD_GONE)
def test_a_child_gone_missing_with_the_phone_is_missing(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.WHEREABOUTS_UNKNOWN


def test_every_language_has_a_thing_gone() -> None:
    assert {lang for lang, _ in A_THING_GONE} == set(LEXICONS.languages)
