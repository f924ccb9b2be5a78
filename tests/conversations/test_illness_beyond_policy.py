"""An illness longer than the school's `max_auto_illness_days` is never confirmed by the bot: a
person decides it. Two ways a reply says a longer illness that the engine used to miss:

- "until the end of the week" told on a Monday (five school days), in every language's words
  for the end of the week ("hta l akhir dyal simana", "hafte ke akhir tak", "dhammaadka
  toddobaadka");
- "stay home till Monday" may mean through the Monday: read as back on Monday it is three days,
  but if the parent meant the Monday too it is four, so a person decides. "Not back until
  Monday" is plain: Monday is the first day back, and three days confirm.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)

END_OF_THE_WEEK = [
    ("en", "Amy has the flu, doctor says keep her off till the end of the week"),
    ("cy", "Mae Amy efo'r ffliw, y doctor yn deud aros adra tan ddiwedd yr wythnos"),
    ("pl", "Amy ma grypę, lekarz kazał zostać w domu do końca tygodnia"),
    ("pt", "A Amy está com gripe, o médico disse para ficar em casa até o fim da semana"),
    ("ro", "Amy are gripă, doctorul a zis să stea acasă până la sfârșitul săptămânii"),
    ("ar", "ايمي عندها انفلونزا، الدكتور قال تبقى بالبيت لآخر الأسبوع"),
    ("ar", "Amy mrida 3andha la grippe, tbib 9al tb9a f dar hta akhir simana"),
    ("ur", "Amy ko flu hai, doctor ne kaha hafte ke akhir tak ghar pe rahe"),
    ("bn", "Amy er flu hoyeche, doctor bolse soptaher shesh porjonto bashay thakte"),
    ("pa", "Amy nu flu aa, doctor ne keha hafte de akhir tak ghar rahe"),
    ("so", "Amy waxay qabtaa hargab, dhakhtarka ayaa yiri guriga ha joogto ilaa dhammaadka "
     "toddobaadka"),
    ("lt", "Amy serga gripu, gydytojas liepė likti namie iki savaitės pabaigos"),
    ("es", "Amy tiene gripe, el médico dice que se quede en casa hasta el final de semana"),
]

TILL_MONDAY = [
    ("en", "Amy has the flu, the doctor says to keep her home till Monday"),
    ("cy", "Mae Amy efo'r ffliw, aros adra tan dydd Llun medde'r doctor"),
    ("pl", "Amy ma grypę, lekarz kazał zostać w domu do poniedziałku"),
    ("pt", "A Amy está com gripe, o médico disse para ficar em casa até segunda"),
    ("ro", "Amy are gripă, doctorul a zis să stea acasă până luni"),
    ("ar", "ايمي عندها انفلونزا، الدكتور قال تبقى بالبيت لحد الاثنين"),
    ("ur", "Amy ko flu hai, doctor ne kaha peer tak ghar pe rahe"),
    ("bn", "Amy er flu hoyeche, doctor bolse sombar porjonto bashay thakte"),
    ("pa", "Amy nu flu aa, doctor ne keha somvar tak ghar rahe"),
    ("so", "Amy waxay qabtaa hargab, dhakhtarka ayaa yiri guriga ha joogto ilaa Isniinta"),
    ("lt", "Amy serga gripu, gydytojas liepė likti namie iki pirmadienio"),
    ("es", "Amy tiene gripe, el médico dice que se quede en casa hasta el lunes"),
]

NOT_BACK_UNTIL_MONDAY = [
    ("en", "Amy has the flu, she won't be back until Monday"),
    ("es", "Amy tiene gripe, no vuelve hasta el lunes"),
    ("pl", "Amy ma grypę, nie wróci do poniedziałku"),
]


def _reasons(text: str, lang: str, today: date) -> list[tuple[ReasonStatus, int]]:
    family = facts(student("S1", "Amy", absent(today)), language=lang, today=today)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.status, len({s.day for s in r.sessions})) for r in reasons(decisions)]


@pytest.mark.parametrize(("lang", "text"), END_OF_THE_WEEK)
def test_off_to_the_end_of_the_week_told_on_a_monday_goes_to_a_person(lang: str,
                                                                      text: str) -> None:
    assert _reasons(text, lang, MONDAY) == [(ReasonStatus.REPORTED, 5)]


@pytest.mark.parametrize(("lang", "text"), TILL_MONDAY)
def test_till_monday_that_may_include_the_monday_goes_to_a_person(lang: str, text: str) -> None:
    # Read as back on Monday: Wednesday to Friday. The Monday may be meant too: four days.
    assert _reasons(text, lang, WEDNESDAY) == [(ReasonStatus.REPORTED, 3)]


@pytest.mark.parametrize(("lang", "text"), NOT_BACK_UNTIL_MONDAY)
def test_not_back_until_monday_is_three_days_and_confirms(lang: str, text: str) -> None:
    assert _reasons(text, lang, WEDNESDAY) == [(ReasonStatus.CONFIRMED, 3)]
