"""Taken out at midday: a reply that says the child will be collected, taken out, picked up or
will leave before lunch, at lunchtime or at 12 has the child out for the afternoon, so its
reason covers the afternoon only. "Dentist before lunch" alone is the morning's. Today is
Wednesday 25 November 2026."""

from __future__ import annotations

import pytest

from conversations.types import Session
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY


def _session(text: str, lang: str) -> Session | None:
    span = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span
    return span.session if span else None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I'll collect her before lunch for the dentist"),
    ("en", "picking him up at lunchtime for an orthodontist appointment"),
    ("en", "dentist this afternoon, I'll pick her up after morning lessons"),
    ("en", "Leo will be collected at midday for his hospital appointment"),
    ("cy", "dwi'n nôl hi cyn cinio i fynd at y deintydd"),
    ("pl", "odbiorę ją przed obiadem, ma dentystę"),
    ("pt", "vou buscá-la antes do almoço para o dentista"),
    ("pt", "vou buscar ele ao meio-dia, tem consulta"),
    ("ro", "o iau înainte de prânz, are dentist"),
    ("ro", "îl iau la prânz pentru programare la medic"),
    ("ar", "رح آخدها قبل الغدا عندها موعد أسنان"),
    ("ar", "ra7 a5odha 2abl el ghada 3ashan el dentist"),
    ("ur", "lunch se pehle le jaungi, dentist ka appointment hai"),
    ("bn", "lunch er age niye jabo, dentist appointment ache"),
    ("pa", "lunch ton pehlan lai jaungi, dentist appointment aa"),
    ("so", "qadada ka hor ayaan qaadayaa, ballan ilko ayay leedahay"),
    ("lt", "pasiimsiu ją prieš pietus, vizitas pas odontologą"),
    ("es", "la recojo antes de comer, tiene dentista"),
    ("es", "lo recojo al mediodía para el médico"),
])
def test_taken_out_at_midday_is_the_afternoon(lang: str, text: str) -> None:
    assert _session(text, lang) is Session.PM


@pytest.mark.parametrize(("lang", "text", "session"), [
    ("en", "dentist before lunch", Session.AM),
    ("es", "tiene dentista antes de comer", Session.AM),
    ("en", "she has the dentist at lunchtime", None),
    # Not coming back in for the afternoon is no coming in.
    ("en", "picking Ben up at 12 for the dentist, he won't be back in for the afternoon",
     Session.PM),
])
def test_midday_without_leaving(lang: str, text: str, session: Session | None) -> None:
    assert _session(text, lang) is session
