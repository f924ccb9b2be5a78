"""The doctor coming to see a sick child ("el médico viene por la tarde", "the doctor is
coming to see her this afternoon", "lekarz przyjdzie po południu", "doctor dopahar ko ghar
aayega"): the time said is the doctor's visit, never the child coming in later, so an
illness told for today covers the whole day and confirms, in every language. Near-misses:
the child coming in after an appointment ("viene por la tarde", "przyjdzie po południu"),
and the doctor saying the child can come in ("the doctor says she can come in this
afternoon") keep the morning only (locales/<lang>/concepts/doctors_visit.toml).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import ReasonStatus, Session, SessionRef
from tests.conversations.helpers import TODAY, amy, awaiting, facts, reasons, say

AM, PM = SessionRef(TODAY, Session.AM), SessionRef(TODAY, Session.PM)

THE_DOCTOR_COMES = [
    ("en", "Amy has a high temperature so she's off today, the doctor is coming to see her this "
           'afternoon'),
    ("en", 'amy is poorly not in today the gp will come round after lunch'),
    ("cy", "Mae gwres uchel ar Amy, mae hi adre heddiw, mae'r meddyg yn dod i'w gweld hi pnawn "
           "'ma"),
    ("pl", 'Amy ma wysoką gorączkę, dziś zostaje w domu, lekarz przyjdzie do niej po południu'),
    ("pl", 'amy ma goraczke dzis jej nie bedzie, lekarz przyjdzie po poludniu'),
    ("pt", 'A Amy está com febre alta, hoje fica em casa, o médico vem vê-la à tarde'),
    ("pt", 'a amy ta com febre hoje nao vai o medico vem a tarde'),
    ("ro", 'Amy are febră mare, azi stă acasă, doctorul vine la ea după-amiază'),
    ("ro", 'amy are febra mare azi sta acasa, doctorul vine dupa amiaza'),
    ("ar", 'ايمي عندها حرارة عالية، اليوم رح تضل بالبيت، الدكتور رح ييجي يشوفها بعد الظهر'),
    ("ar", 'Amy 3enda 7arara, el yom bl bet, el doctor ra7 yiji ba3d el dohr'),
    ("ur", 'Amy ko tez bukhar hai, aaj ghar pe hai, doctor dopahar ko ghar aayega'),
    ("ur", 'ایمی کو تیز بخار ہے، آج گھر پر ہے، ڈاکٹر دوپہر کو گھر آئے گا'),
    ("bn", 'Amy er onek jor, ajke bari te, doctor bikele bari te ashbe'),
    ("pa", 'Amy nu tez bukhar hai, aj ghar hai, doctor dupehar nu ghar aauga'),
    ("so", 'Amy qandho ayay qabtaa, maanta guriga ayay joogtaa, dhakhtarka ayaa galabta u iman '
           'doona'),
    ("lt", 'Amy aukšta temperatūra, šiandien namie, gydytojas atvyks po pietų'),
    ("lt", 'amy karsciuoja siandien namie, gydytojas ateis po pietu'),
    ("es", 'Amy tiene mucha fiebre, hoy no va, el médico viene por la tarde'),
    ("es", 'amy tiene fiebre hoy se queda en casa el medico viene por la tarde a verla'),
]

# The doctor named after their coming, as these languages put it.
THE_DOCTOR_NAMED_AFTER = [
    ("pl", "Amy ma gorączkę, dziś zostaje w domu, po południu przyjdzie lekarz"),
    ("ro", "Amy are febră, azi stă acasă, după-amiază vine doctorul"),
    ("es", "Amy tiene fiebre, hoy no va, por la tarde viene el médico"),
    ("pt", "A Amy tem febre, hoje fica em casa, à tarde vem o médico"),
    ("lt", "Amy karščiuoja, šiandien namie, po pietų atvyks gydytojas"),
    ("so", "Amy qandho ayay qabtaa, maanta guriga ayay joogtaa, galabta waxaa iman doona "
           "dhakhtarka"),
]

THE_CHILD_COMES_IN_LATER = [
    ("en", 'Amy has a dentist appointment this morning, she will come in this afternoon'),
    ("en", 'Amy saw the doctor this morning, the doctor says she can come in this afternoon'),
    ("es", 'Amy tiene dentista por la mañana, viene por la tarde'),
    ("pl", 'Amy ma rano dentystę, przyjdzie po południu'),
    ("ro", 'Amy are dentist dimineață, vine după-amiază'),
    ("ur", 'Amy ka subah dentist ka appointment hai, dopahar ko school aayegi'),
    ("lt", 'Amy ryte pas odontologą, ateis po pietų'),
]


def _confirmed(text: str, lang: str) -> tuple[SessionRef, ...]:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    return tuple(s for r in reasons(decisions) if r.status is ReasonStatus.CONFIRMED
                 for s in r.sessions)


@pytest.mark.parametrize(("lang", "text"), THE_DOCTOR_COMES + THE_DOCTOR_NAMED_AFTER)
def test_the_doctors_visit_time_is_not_the_childs(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == (AM, PM)


@pytest.mark.parametrize(("lang", "text"), THE_CHILD_COMES_IN_LATER)
def test_the_child_coming_in_later_keeps_the_morning(lang: str, text: str) -> None:
    assert _confirmed(text, lang) == (AM,)
