"""A child kept by a parent or relative (issue 14, round 10's concept): taken and not given
back ("no me lo devolvió", "aanu soo celinayn"), or to be taken abroad and never seen again,
beside the sender's objection or custody ("yo tengo la tenencia", "anigu ma oggolaan") is an
abduction, urgent safeguarding. A trip abroad with a day back, or a thing not given back
(a library book), is no alarm. "devolvió" (threw up) must not read as illness when it is
"no me lo devolvió".
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

KEPT = [
    ("es", "Su papá se lo llevó el sábado y no me lo devolvió, yo tengo la custodia"),
    ("es", "la abuela se la llevó y no me la devolvio, dice que no la voy a ver mas"),
    ("es", "Su padre se lo llevó y dice que no lo voy a ver más. No lo autoricé"),
    ("es", "El papá de Mateo no me lo regresó el domingo, y yo tengo la tenencia"),
    ("so", "Hooyadeed ayaa kaxaysatay oo aanay soo celinayn, anigu ma oggolaan"),
    ("so", "Aabihiis ayaa kaxaystay Jimcihii, ma oggolaan oo aanu soo celinayn"),
    ("so", "Adeerkeed ayaa kaxaystay, hadda wuxuu leeyahay aanu soo celin doonin. Ma oggolaan"),
]

ORDINARY = [
    ("es", "Su papá se lo lleva a Argentina para los 80 de su abuela, vuelve el lunes"),
    ("es", "No me devolvió el libro de la biblioteca, lo siento, lo traerá mañana"),
    ("es", "Anoche devolvió dos veces y tiene fiebre, hoy se queda en casa"),
    ("so", "Aabihiis ayaa u kaxaynaya Kenya aroos, wuxuu soo laaban doonaa Isniinta"),
    ("en", "His dad is taking him to Argentina for his grandmother's 80th, back Monday"),
    ("en", "He didn't give back his library book, sorry, he'll bring it tomorrow"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT)
def test_a_child_kept_from_the_sender_is_urgent(lang: str, text: str) -> None:
    found = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert found.urgent
    assert found.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_a_trip_or_a_thing_not_given_back_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
