"""A school run of another day, or of habit, beside an ordinary reason for today is no
dispute (issue 14: no false urgent).

"ayer la llevamos al colegio pero hoy tiene fiebre", "her dad normally drops her at the gate but
she's got a temperature", "kal usay school chhod kar aaye the lekin aaj bukhar hai": the school
run is told of yesterday (a word for another day, Urdu/Punjabi/Bengali "kal" too) or of habit
("normally", "zwykle", "aksar": `habitual`, never "as usual", which is today's run), and today's
reason follows. The net's shape and the lexicon's school-run phrases both set it aside; a word
for today between makes it today's run again. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

ANOTHER_DAYS_RUN = [
    ("es", "ayer la llevamos al colegio pero hoy amaneció con fiebre, se queda en casa"),
    ("es", "normalmente lo dejamos en la puerta del cole pero hoy tiene gastroenteritis"),
    ("en", "her dad normally drops her at the gate but she's got a temperature today"),
    ("lt", "vakar nuvežė ją į mokyklą, bet šiandien ji karščiuoja ir liks namie"),
    ("so", "shalay iskuulka ayaan geeyay, maanta waa jiran tahay, guriga ayay joogtaa"),
    ("cy", "ddoe nes i ddanfon hi i'r ysgol ond heddiw mae hi'n sâl"),
    ("ar", "امبارح وديتها عالمدرسة بس اليوم عندها حرارة، رح تضل بالبيت"),
    ("pt", "ontem deixámos ela na escola mas hoje está com febre"),
    ("pl", "wczoraj zawieźliśmy go do szkoły, ale dziś ma gorączkę"),
    ("ro", "ieri am lăsat-o la poarta școlii dar azi are febră"),
    ("ur", "kal usay school chhod kar aaye the lekin aaj bukhar hai"),
    ("bn", "gotokal school e rekhe aslam, aj jor"),
    ("pa", "kal asi ohnu school chhad ke aaye si, ajj bukhar aa"),
]

# Today's run, after another day's news: still a dispute.
TODAYS_RUN = [
    ("en", "she had a cold yesterday, today I dropped her at the gate, she is a bit tired"),
    ("ur", "kal bukhar tha, aaj school chhod ke aayi, thora sa khansi hai"),
    ("pa", "ਰੋਜ਼ ਵਾਂਗ ਬੱਸ ਤੇ ਸਕੂਲ ਗਈ ਸੀ ਅੱਜ ਵੀ"),
    ("es", "como todos los días la dejé en la puerta del colegio"),
]


@pytest.mark.parametrize(("lang", "text"), ANOTHER_DAYS_RUN)
def test_another_days_school_run_beside_a_reason_is_not_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, reading


@pytest.mark.parametrize(("lang", "text"), TODAYS_RUN)
def test_todays_school_run_stays_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.IN_SCHOOL_DISPUTE), reading


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in ANOTHER_DAYS_RUN} == LANGUAGES
