"""A child who left the house this morning, told in reply to an absence text, set off for
school and is not there: urgent in every language (a disputed school run; beside "no idea"
the child is missing, and so when the reply asks where the child is; a run to school the reply
tells stays a dispute), never a move away or a holiday. A leaving negated beside an illness
("hasn't left the house since Monday, she has flu") or one to another place named just after
("left the house for the dentist") is no alarm.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS, Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


def _read(lang: str, text: str) -> tuple[Intent, bool]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    return reading.intent, reading.urgent


LEFT = [
    ("en", "no idea, she left the house this morning"),
    ("cy", "Dim syniad, mae o wedi gadael y tŷ am 8"),
    ("cy", "dim clem, mi adawodd o'r tŷ bore 'ma"),
    ("pl", "Nie mam pojęcia, wyszła z domu rano"),
    ("pl", "nie wiem, wyszedl z domu o 8 jak zawsze"),
    ("pt", "Não faço ideia, ela saiu de casa de manhã"),
    ("es", "Ni idea, salió de casa esta mañana"),
    ("ro", "Habar n-am, a plecat de acasă azi dimineață"),
    ("ro", "nu stiu, a plecat de acasa la 8 ca de obicei"),
    ("ar", "ما عندي فكرة، طلعت من البيت الصبح"),
    ("ar", "ma ba3ref, tele3 mn el beit el sobo7"),
    ("ur", "pata nahi, woh subah ghar se nikli thi"),
    ("ur", "پتہ نہیں، وہ صبح گھر سے نکلی تھی"),
    ("bn", "jani na, o sokale bari theke beriye geche"),
    ("bn", "জানি না, ও সকালে বাড়ি থেকে বেরিয়ে গেছে"),
    ("pa", "pata nahi, oh savere ghar ton nikli si"),
    ("pa", "ਪਤਾ ਨਹੀਂ, ਉਹ ਸਵੇਰੇ ਘਰੋਂ ਨਿਕਲੀ ਸੀ"),
    ("so", "Wax fikrad ah kama haysto, subaxdii ayay guriga ka baxday"),
    ("lt", "Neturiu supratimo, ji ryte išėjo iš namų"),
]


@pytest.mark.parametrize(("lang", "text"), LEFT)
def test_left_the_house_this_morning_is_urgent(lang: str, text: str) -> None:
    intent, urgent = _read(lang, text)
    assert urgent and intent in (Intent.IN_SCHOOL_DISPUTE, Intent.WHEREABOUTS_UNKNOWN)


@pytest.mark.parametrize(("lang", "text"), [
    ("cy", "Dim syniad, mae hi wedi gadael y tŷ bore ma?"),
    ("ro", "nu stiu, a plecat de acasa la 8"),
    ("pl", "nie wiem, wyszła z domu o 8"),
    ("en", "where is he?? he left the house at 8"),
    ("pt", "onde está ela?? saiu de casa às 8"),
    ("ur", "kahan hai woh?? subah 8 baje ghar se nikli thi"),
    ("lt", "kur ji?? išėjo iš namų 8 valandą"),
])
def test_beside_not_knowing_or_asked_after_the_child_is_missing(lang: str, text: str) -> None:
    assert _read(lang, text) == (Intent.WHEREABOUTS_UNKNOWN, True)


NOT_LEFT = [
    ("en", "she hasn't left the house all week, she's got flu"),
    ("en", "he hasnt left home since Monday, high temperature"),
    ("cy", "Dydy hi ddim wedi gadael y tŷ ers dydd Llun, mae ganddi'r ffliw"),
    ("pl", "Nie wyszła z domu od poniedziałku, ma grypę"),
    ("pt", "Não saiu de casa desde segunda, está com gripe"),
    ("es", "No salió de casa desde el lunes, tiene gripe"),
    ("ro", "Nu a plecat de acasă de luni, are gripă"),
    ("ar", "ما طلعت من البيت من يوم الاثنين، عندها انفلونزا"),
    ("ur", "woh Monday se ghar se nahi nikli, usko flu hai"),
    ("bn", "o shombar theke bari theke ber hoy ni, or flu hoyeche"),
    ("pa", "oh somvaar ton ghar ton nahi nikli, ohnu flu hai"),
    ("so", "Isniintii ilaa hadda guriga kama bixin, hargab ayay qabtaa"),
    ("lt", "Nuo pirmadienio neišėjo iš namų, serga gripu"),
    ("pl", "wyszła z domu do dentysty o 8, wróci po obiedzie"),
    ("ro", "a plecat de acasă la dentist, revine după prânz"),
    ("ur", "ghar se nikli dentist ke liye, lunch ke baad aayegi"),
    ("lt", "išėjo iš namų pas odontologą, grįš po pietų"),
]


def test_a_run_to_school_told_and_asked_after_stays_a_dispute() -> None:
    assert _read("en", "I walked her to the school gate myself, where is she?") == (
        Intent.IN_SCHOOL_DISPUTE, True)


@pytest.mark.parametrize(("lang", "text"), NOT_LEFT)
def test_not_leaving_or_leaving_for_another_place_is_no_alarm(lang: str, text: str) -> None:
    intent, urgent = _read(lang, text)
    assert not urgent and intent not in URGENT_INTENTS
