"""Tonsils named in each language's own words and script ("ਟੌਂਸਿਲ", "টনসিল", "ٹانسلز",
"migdałki", "amígdalas", "tonzilės", "qanjirada", "lawzatain") and a body temperature told as
a bare decimal figure ("38.5", "38,5", in Arabic-Indic digits, "101.3") are illness and
confirm, in every language (locales/<lang>/concepts/tonsils.toml, fever_as_a_decimal.toml).
Near-misses: a time ("at 8.30"), a whole number of degrees said of the weather, or a count
("38 children") is no fever, and having the tonsils out stays an operation.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, records, say, student

TONSILS = [
    ("en", "Amy's tonsils are really swollen, she's home today"),
    ("cy", "Mae tonsils Amy wedi chwyddo, adre heddiw"),
    ("pl", "Amy ma spuchnięte migdałki, dziś w domu"),
    ("pl", "amy ma spuchniete migdalki, dzis w domu"),
    ("pt", "A Amy tem as amígdalas inchadas, hoje fica em casa"),
    ("pt", "a amy ta com as amigdalas inchadas hoje fica em casa"),
    ("ro", "Amy are amigdalele umflate, azi stă acasă"),
    ("ro", "amy are amigdalele umflate azi sta acasa"),
    ("ar", "ايمي اللوزتين عندها منفخين، اليوم بالبيت"),
    ("ar", "Amy 3enda lawzatain, el yom bl bet"),
    ("ur", "Amy ke tonsils sooj gaye hain, aaj ghar pe hai"),
    ("ur", "ایمی کے ٹانسلز سوج گئے ہیں، آج گھر پر ہے"),
    ("bn", "Amy er tonsil fule geche, ajke bari te"),
    ("bn", "অ্যামির টনসিল ফুলে গেছে, আজ বাড়িতে"),
    ("pa", "ਐਮੀ ਦੇ ਟੌਂਸਿਲ ਸੁੱਜੇ ਹੋਏ ਨੇ, ਅੱਜ ਘਰ ਹੈ"),
    ("pa", "ਐਮੀ ਨੂੰ ਟੌਂਸਿਲ ਦੀ ਤਕਲੀਫ਼ ਹੈ"),
    ("pa", "Amy de tonsil suje hoye ne, aj ghar aa"),
    ("so", "Amy qanjirada ayaa barartay, maanta guriga ayay joogtaa"),
    ("lt", "Amy ištinusios tonzilės, šiandien namie"),
    ("lt", "amy istinusios tonziles siandien namie"),
    ("es", "Amy tiene las amígdalas inflamadas, hoy se queda en casa"),
    ("es", "amy tiene las amigdalas inflamadas hoy se queda en casa"),
]

A_DECIMAL_FEVER = [
    ("en", "Amy 38.5 this morning, keeping her home"),
    ("en", "amy is 38.5"),
    ("en", "Amy was 38.7 last night"),
    ("es", "Amy tiene 38.5, hoy no va"),
    ("pl", "Amy ma 38,5, zostaje w domu"),
    ("pt", "A Amy está com 38.5, fica em casa"),
    ("ro", "Amy are 38.5, stă acasă azi"),
    ("cy", "Mae Amy yn 38.5 bore ma, adre heddiw"),
    ("ar", "ايمي حرارتها 38.5، رح تضل بالبيت"),
    ("ar", "ايمي \u0663\u0668.\u0665 اليوم"),
    ("ur", "Amy ko 38.5 hai, aaj ghar pe hai"),
    ("bn", "Amy er 38.5, ajke bari te"),
    ("pa", "Amy nu 38.5 aa, aj ghar aa"),
    ("so", "Amy waa 38.5, maanta guriga ayay joogtaa"),
    ("lt", "Amy 38,5, šiandien namie"),
    ("en", "38.5"),
    ("en", "she was 101.3 in the night"),
]

NO_FEVER = [
    ("en", "I'll drop her at 8.30 tomorrow"),
    ("en", "it was 38 degrees on the beach yesterday"),
    ("en", "there are 38 children in her class"),
    ("es", "llegamos a las 9.30"),
]


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), TONSILS + A_DECIMAL_FEVER)
def test_tonsils_and_a_decimal_fever_are_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), NO_FEVER)
def test_a_time_weather_or_count_is_no_fever(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is not Intent.ILLNESS


def test_tonsils_out_is_an_operation() -> None:
    reading = classify("Amy is having her tonsils out today", lexicons=LEXICONS)
    assert reading.intent is Intent.MEDICAL_APPOINTMENT
