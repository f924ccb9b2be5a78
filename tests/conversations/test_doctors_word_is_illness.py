"""An illness and the doctor's word to keep the child home ("doctor says keep her home",
"meddyg yn gweud i gadw hi gatre", "dywedodd y meddyg") is illness, not an appointment, in every
language we read, and in Welsh in its southern ("gweud", "wedodd", "medde'r") and northern
("deud") forms as well as the written "dweud".

Near misses must not: a visit to the doctor (an appointment at a time) stays an appointment.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


DOCTOR_SAYS_STAY_HOME = [
    ("cy", "Mae Amy wedi cal y ffliw, meddyg yn gweud i gadw hi gatre heddi"),
    ("cy", "Mae Amy yn sâl, dywedodd y meddyg i'w chadw adre heddiw"),
    ("cy", "Amy yn dost, medde'r meddyg i gadw hi adre heddi"),
    ("cy", "Mae Amy wedi cael y ffliw, doctor yn deud cadw hi adra heddiw"),
    ("en", "Amy has flu, doctor says keep her home today"),
    ("pl", "Amy ma grypę, lekarz kazał zostać w domu dzisiaj"),
    ("pt", "A Amy está com gripe, o médico disse para ficar em casa hoje"),
    ("ro", "Amy are gripa, doctorul a zis sa stea acasa azi"),
    ("lt", "Amy serga gripu, gydytojas liepė likti namie šiandien"),
    ("es", "Amy tiene gripe, el médico dice que se quede en casa hoy"),
    ("ar", "ايمي عندها انفلونزا، الدكتور قال تضل بالبيت اليوم"),
    ("ur", "Amy ko flu hai, doctor ne kaha aaj ghar pe rakho"),
    ("bn", "Amy r flu hoyeche, doctor bolse aj bari te rakhte"),
    ("pa", "Amy nu flu aa, doctor ne kiha ajj ghar rakho"),
    ("so", "Amy waxay qabtaa hergab, dhakhtarku wuxuu yiri maanta guriga ha joogto"),
]


@pytest.mark.parametrize(("lang", "text"), DOCTOR_SAYS_STAY_HOME)
def test_the_doctors_word_to_stay_home_is_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


VISITS = [
    ("cy", "Mae gan Amy apwyntiad gyda'r meddyg heddiw am 10"),
    ("cy", "Amy yn y meddyg bore ma, bydd hi mewn erbyn cinio"),
]


@pytest.mark.parametrize(("lang", "text"), VISITS)
def test_a_visit_to_the_doctor_stays_an_appointment(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED)]
