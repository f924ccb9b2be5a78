"""Out for the afternoon: a child collected at midday for an appointment and not back this
afternoon ("collecting her at 12 for the GP, she won't be back this afternoon", "galabta soo
laaban mayso") is an appointment for the afternoon only, in every language: the morning she
was in is never coded. Near-miss: an appointment with no word of the afternoon covers the
day's open sessions as before (locales/<lang>/concepts/out_for_the_afternoon.toml).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, Session
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

OUT_FOR_THE_AFTERNOON = [
    ("en", "I'm collecting Amy at 12 for her GP appointment, she won't be back this afternoon"),
    ("cy", "Dwi'n nôl Amy am 12 i apwyntiad doctor, fydd hi ddim yn ôl pnawn ma"),
    ("pl", "Odbieram Amy o 12 do lekarza, po południu już nie wróci"),
    ("pt", "Vou buscar a Amy às 12 para o médico de família, não volta à tarde"),
    ("ro", "O iau pe Amy la 12 la medicul de familie, nu se mai întoarce după-amiază"),
    ("ar", "رح آخد ايمي الساعة 12 عندها موعد عند الدكتور، ما رح ترجع بعد الظهر"),
    ("ur", "Amy ko 12 baje le jaungi doctor ki appointment hai, dopahar ko wapas nahi aayegi"),
    ("pa", "Amy nu 12 vaje lai jawangi doctor di appointment hai, dupehar nu wapas nahi aavegi"),
    ("so", "Amy 12ka ayaan ka qaadayaa, ballan dhakhtar ayay leedahay, galabta soo laaban mayso"),
    ("so", "Amy duhurka ayaan ka qaadayaa, ballan GP, galabta ma soo laabanayso"),
    ("lt", "Amy pasiimsiu 12 valandą pas gydytoją, po pietų nebegrįš"),
    ("es", "Recojo a Amy a las 12 para el médico de cabecera, por la tarde ya no vuelve"),
]


def _read(text: str, lang: str) -> tuple[Intent, bool, list[Session]]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    return (reading.intent, reading.needs_staff,
            sorted({s.session for s in reading.sessions}, key=lambda s: s.value))


@pytest.mark.parametrize(("lang", "text"), OUT_FOR_THE_AFTERNOON)
def test_out_for_the_afternoon_is_the_afternoon(lang: str, text: str) -> None:
    assert _read(text, lang) == (Intent.MEDICAL_APPOINTMENT, False, [Session.PM])


def test_an_appointment_with_no_afternoon_word_is_not_the_afternoon_only() -> None:
    assert _read("Amy ballan dhakhtar ayay leedahay maanta", "so")[2] != [Session.PM]
