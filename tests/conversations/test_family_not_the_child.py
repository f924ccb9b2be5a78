"""Reasons that are the family's, not the child's, in every language: a grandparent in
hospital the family is visiting is a family circumstance (never the child's medical
appointment, whose code the bot could confirm), and a pet that died is a family circumstance
(not a bereavement). A child ill beside them keeps the child's reason. And a sibling "should be
ok tomorrow" is back tomorrow: the other's longer illness is not theirs.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Intent, ReasonStatus, Session, SessionRef
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, reasons, say, student

VISITING_A_RELATIVE_IN_HOSPITAL = [
    ("en", "Amy is off today, her grandad is in hospital and we are going to see him"),
    ("cy", "Dydi Amy ddim yn dod heddiw, mae ei thaid yn yr ysbyty ac rydan ni'n mynd i'w weld"),
    ("pl", "Amy dziś nie będzie, jedziemy do szpitala do dziadka, chcemy go odwiedzić"),
    ("pt", "A Amy hoje não vai, o avô está no hospital e vamos visitá-lo"),
    ("ro", "Amy nu vine azi, bunicul e la spital și mergem să-l vizităm"),
    ("ar", "ايمي ما رح تيجي اليوم، جدها بالمستشفى ورايحين نزوره"),
    ("ur", "Amy aaj nahi aayegi, uske nana hospital mein hain, hum milne ja rahe hain"),
    ("bn", "Amy aj ashbe na, or nana hospital e, amra dekhte jacchi"),
    ("pa", "Amy ajj nahi aaugi, ohde nana hospital ch ne, asi milan ja rahe haan"),
    ("so", "Amy maanta ma imaneyso, awoowgeed ayaa isbitaalka jira, waan booqanaynaa"),
    ("lt", "Amy šiandien nebus, senelis ligoninėje, važiuojam aplankyti"),
    ("es", "Amy hoy no va, su abuelo está en el hospital y vamos a visitarlo"),
]

A_PET_DIED = [
    ("en", "Amy won't be in, our dog died last night and she is heartbroken"),
    ("cy", "Mae'r ci wedi marw neithiwr, mae Amy wedi ypsetio'n lan"),
    ("pl", "Amy nie przyjdzie, wczoraj umarł nasz pies, bardzo płacze"),
    ("pt", "A Amy não vai, o nosso cão morreu ontem e ela está muito triste"),
    ("ro", "Amy nu vine azi, ieri a murit câinele nostru și e foarte tristă"),
    ("ar", "ايمي ما رح تيجي، مات الكلب امبارح وهي زعلانة كتير"),
    ("ur", "Amy aaj nahi aayegi, hamara kutta mar gaya, bohat udaas hai"),
    ("bn", "Amy aj ashbe na, amader kukur mara geche, khub mon kharap"),
    ("pa", "Amy ajj nahi aaugi, saada kutta mar gaya, bahut udaas aa"),
    ("so", "Amy maanta ma imaneyso, eeygii ayaa xalay dhintay, aad bay u murugaysan tahay"),
    ("lt", "Amy šiandien nebus, vakar mirė mūsų šuo, labai liūdi"),
    ("es", "Amy no va hoy, anoche se murió nuestro perro y está muy triste"),
]


@pytest.mark.parametrize(("lang", "text"), VISITING_A_RELATIVE_IN_HOSPITAL + A_PET_DIED)
def test_the_familys_reason_is_a_family_circumstance(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.FAMILY_CIRCUMSTANCES and not reading.urgent, reading


@pytest.mark.parametrize(("lang", "text", "intent"), [
    ("en", "Amy has a temperature, and her grandad is in hospital too", Intent.ILLNESS),
    ("en", "Amy has a hospital appointment with her dad at 10", Intent.MEDICAL_APPOINTMENT),
    ("en", "my mum is taking Amy to the dentist this morning", Intent.MEDICAL_APPOINTMENT),
    ("en", "Amy's grandad died last night, the funeral is Friday", Intent.BEREAVEMENT),
])
def test_the_childs_own_reason_stays_the_childs(lang: str, text: str, intent: Intent) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is intent


WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Both have the bug. Amy should be ok tomorrow but Ben is off for the rest of the week"),
    ("pl", "Oboje chorzy. Amy jutro już będzie dobrze, a Ben do końca tygodnia w domu"),
    ("es", "Los dos con gripe. Amy mañana ya estará bien, Ben toda la semana en casa"),
])
def test_a_sibling_ok_tomorrow_is_back_tomorrow(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), student("S2", "Ben", absent()),
                   language=lang, today=WEDNESDAY)
    _, decisions = say(awaiting("S1", "S2"), text, family)
    days = {r.student_id: {s.day for s in r.sessions} for r in reasons(decisions)}
    assert days["S1"] == {WEDNESDAY}, days
    assert days["S2"] == {WEDNESDAY, date(2026, 11, 26), date(2026, 11, 27)}, days


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Amy ma dziś wizytę u dentysty o 10, przyjdzie do szkoły po obiedzie"),
    ("pl", "Amy ma rano pobranie krwi, przywiozę ją po obiedzie"),
    ("cy", "Mae gan Amy apwyntiad deintydd am 10, mi ddaw hi mewn ar ôl cinio"),
    ("lt", "Amy šiandien pas odontologą 10 val, ateis po pietų"),
])
def test_in_after_lunch_covers_the_morning_only(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang, today=WEDNESDAY)
    _, decisions = say(awaiting("S1"), text, family)
    assert [(r.status, r.sessions) for r in reasons(decisions)] == [
        (ReasonStatus.CONFIRMED, (SessionRef(WEDNESDAY, Session.AM),))]
