"""A kidnapping the child watched on screen is what frightened them, not a child taken, in all
12 languages (a defuse in locales/<lang>/concepts/kept_from_the_sender.toml): the illness
told with it is read.
The replies are written for these tests, not copied from the labelled rounds.

Near-misses that stay urgent: someone who tried to kidnap the child, even beside a film."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

WATCHED = {
    "en": "Zac watched a kidnapping film at his cousins, couldn't sleep and now has a temperature",
    "cy": "Gwyliodd Cai ffilm am herwgipio, methu cysgu a rŵan mae ganddo wres, adra heddiw",
    "pl": "Kuba obejrzał film o porwaniu u kuzyna, nie spał całą noc i ma gorączkę",
    "pt": "A Rita viu um filme sobre um rapto e não dormiu, agora tem febre, fica em casa",
    "ro": "Matei a văzut un film cu o răpire, n-a dormit și acum are febră, rămâne acasă",
    "es": "Hugo vio una película de secuestros, no durmió y ahora tiene fiebre",
    "ar": "شاف فيلم خطف عند ابن عمه وما نام، وهلق عنده حرارة، رح يضل بالبيت",
    "ur": "usne kidnapping wali film dekhi aur so nahi paya, ab bukhar hai, aaj ghar pe hai",
    "bn": "o kidnapping er cinema dekhe ghumate pareni, ekhon jor, aj bari te",
    "pa": "ohne kidnapping wali film dekhi te so nahi sakya, hun bukhar hai",
    "so": "wuxuu daawaday filim afduub ah, ma seexan, hadda qandho ayuu qabaa",
    "lt": "Jonas žiūrėjo filmą apie pagrobimą, nemiegojo ir dabar karščiuoja, liks namie",
}

STILL_URGENT = [
    ("en", "a man tried to kidnap her on the way home from the film, she's off today"),
    ("pt", "tentaram sequestrar a minha filha à saída do cinema"),
    ("es", "después de la película intentaron secuestrar a mi hijo, no va hoy"),
]


@pytest.mark.parametrize(("lang", "text"), sorted(WATCHED.items()))
def test_a_kidnapping_film_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent and reading.intent == "illness", (lang, reading.intent)


@pytest.mark.parametrize(("lang", "text"), STILL_URGENT)
def test_a_child_someone_tried_to_kidnap_stays_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tested() -> None:
    assert set(WATCHED) == set(LEXICONS.languages)
