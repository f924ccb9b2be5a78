"""Not back this afternoon: "won't come back after lunch", "nu se mai întoarce după-amiază",
"po pietų nebegrįš", "no vuelve por la tarde" beside a half day or a bound is an absence for
that half, never a move away; the appointment is the reason. "Good afternoon, we moved to
Leeds" names no bound for the move. Today is Wednesday 25 November 2026."""

from __future__ import annotations

import pytest

from conversations.types import Intent, Session
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY


def _read(text: str, lang: str) -> tuple[Intent, Session | None]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    return reading.intent, reading.span.session if reading.span else None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I'm collecting Mia at 12 for the orthodontist, she won't be back this afternoon"),
    ("cy", "Dwi'n nôl Gwen am 12 i'r orthodontydd, fydd hi ddim yn ôl pnawn ma"),
    ("pl", "Odbiorę Maję o 12, ma wizytę u ortodonty, po południu już nie wróci"),
    ("pt", "Vou buscar a Rita às 12h para o ortodontista, já não volta à tarde"),
    ("ro", "O iau pe Ana la 12 pentru dentist, nu se mai întoarce după-amiază"),
    ("ro", "il iau pe Vlad la 12:30, are programare la ortoped, nu mai vine dupa-amiaza"),
    ("lt", "Pasiimsiu Urtę 12 val., vizitas pas odontologą, po pietų nebegrįš"),
    ("es", "Recojo a Paula a las 12 para el ortodoncista, ya no vuelve por la tarde"),
])
def test_not_back_this_afternoon_is_the_afternoon_for_the_appointment(lang: str,
                                                                      text: str) -> None:
    intent, session = _read(text, lang)
    assert intent is Intent.MEDICAL_APPOINTMENT
    assert session is Session.PM


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Good afternoon, we moved to Leeds last week, Mia has started at her new school"),
    ("ro", "Buna ziua, ne-am mutat in Romania, Ana nu se mai intoarce la scoala"),
    ("pt", "Boa tarde, mudamos para o Porto, a Rita não volta mais"),
])
def test_a_move_with_no_bound_is_still_a_move(lang: str, text: str) -> None:
    assert _read(text, lang)[0] is Intent.MOVED_AWAY
