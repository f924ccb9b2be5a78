"""A procedure or test at the hospital told by its name (an endoscopy, a colonoscopy, a
gastroscopy, an MRI, a biopsy) is a medical appointment, and told the evening before it
confirms tomorrow's sessions, in every language. "Hospital" alone is a word several
languages share (and "my mum is in hospital" is the family's), so it is weak evidence; the
procedure's name is not. The same procedure of a parent's or grandparent's is the family's
circumstance, never the child's appointment (locales/<lang>/concepts/medical_procedures.toml).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Intent, ReasonStatus, Session, SessionRef
from tests.conversations.helpers import absent, awaiting, facts, reasons, say, student

WED, THU = date(2026, 11, 25), date(2026, 11, 26)

EVENING_BEFORE_A_PROCEDURE = [
    ("en", "Evening, Amy is having an endoscopy at the hospital tomorrow so she won't be in "
           "all day"),
    ("en", "evening amy has her colonoscopy tomorrow at the hospital wont be in"),
    ("cy", "Noswaith dda, mae Amy yn cael endosgopi yn yr ysbyty fory, fydd hi ddim yn yr "
           "ysgol drwy'r dydd"),
    ("pl", "Dobry wieczór, Amy ma jutro gastroskopię w szpitalu, nie będzie jej cały dzień"),
    ("pl", "dobry wieczor amy ma jutro gastroskopie w szpitalu nie bedzie jej caly dzien"),
    ("pt", "boa noite amanha a amy faz endoscopia no hospital nao vai a escola"),
    ("ro", "Bună seara, mâine Amy face o endoscopie la spital, nu vine la școală toată ziua"),
    ("ro", "buna seara maine amy face endoscopie la spital nu vine la scoala"),
    ("ar", "مساء الخير، ايمي عندها بكرة تنظير بالمستشفى، ما رح تيجي عالمدرسة كل اليوم"),
    ("ar", "masa el 5er, Amy 3enda bokra tanzeer bel mustashfa, ma ra7 tiji"),
    ("ur", "Salam, kal Amy ki hospital mein endoscopy hai, woh poora din school nahi aayegi"),
    ("ur", "السلام علیکم، کل ایمی کی ہسپتال میں اینڈوسکوپی ہے، وہ سکول نہیں آئے گی"),
    ("bn", "Salam, kal Amy er hospital e endoscopy ache, sara din school e jabe na"),
    ("bn", "সালাম, কাল অ্যামির হাসপাতালে এন্ডোস্কোপি আছে, স্কুলে যাবে না"),
    ("pa", "Sat sri akal, kal Amy di hospital vich endoscopy hai, poora din school nahi aaugi"),
    ("pa", "ਸਤ ਸ੍ਰੀ ਅਕਾਲ, ਕੱਲ੍ਹ ਐਮੀ ਦੀ ਹਸਪਤਾਲ ਵਿੱਚ ਐਂਡੋਸਕੋਪੀ ਹੈ, ਸਕੂਲ ਨਹੀਂ ਆਵੇਗੀ"),
    ("so", "Habeen wanaagsan, berri Amy waxaa isbitaalka looga qaadayaa endoscopy, maalinta oo "
           "dhan ma iman doonto"),
    ("lt", "Labas vakaras, rytoj Amy ligoninėje darys endoskopiją, visą dieną nebus mokykloje"),
    ("lt", "labas vakaras rytoj amy ligonineje darys endoskopija visa diena nebus"),
    ("es", "Buenas noches, mañana a Amy le hacen una endoscopia en el hospital, no va en todo "
           "el día"),
    ("es", "buenas noches manana a amy le hacen una colonoscopia en el hospital no va"),
    ("es", "Buenas noches, mañana Amy tiene una resonancia en el hospital, no irá al cole"),
]

# Near-misses: the procedure is a parent's; the child is off to help, a family circumstance.
A_PARENTS_PROCEDURE = [
    ("en", "Evening, my mum is having an endoscopy at the hospital tomorrow and I have to take "
           "her, so Amy will be off"),
    ("es", "Buenas noches, mañana a mi madre le hacen una endoscopia en el hospital y tengo que "
           "llevarla, Amy no irá"),
    ("pl", "Dobry wieczór, moja mama ma jutro gastroskopię w szpitalu i muszę ją zawieźć, Amy "
           "nie przyjdzie"),
    ("ur", "Salam, kal meri ammi ki hospital mein endoscopy hai, unko le kar jana hai, Amy "
           "nahi aayegi"),
    ("ro", "Bună seara, mâine mama mea face o endoscopie la spital și trebuie să o duc, Amy nu "
           "vine"),
    ("pt", "Boa noite, amanhã a minha mãe faz uma endoscopia no hospital e tenho de a levar, a "
           "Amy não vai"),
]


def _evening(text: str, lang: str) -> list[tuple[Intent, ReasonStatus, tuple[SessionRef, ...]]]:
    present = (absent(WED, code="/", status=ReasonStatus.CONFIRMED),
               absent(WED, Session.PM, code="/", status=ReasonStatus.CONFIRMED))
    family = facts(student("S1", "Amy", *present), language=lang, today=WED)
    _, decisions = say(awaiting(), text, family)
    return [(r.intent, r.status, r.sessions) for r in reasons(decisions)]


@pytest.mark.parametrize(("lang", "text"), EVENING_BEFORE_A_PROCEDURE)
def test_a_procedure_told_the_evening_before_confirms_tomorrow(lang: str, text: str) -> None:
    assert _evening(text, lang) == [
        (Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED,
         (SessionRef(THU, Session.AM), SessionRef(THU, Session.PM)))]


@pytest.mark.parametrize(("lang", "text"), A_PARENTS_PROCEDURE)
def test_a_parents_procedure_is_the_familys_not_confirmed(lang: str, text: str) -> None:
    assert [(intent, status) for intent, status, _ in _evening(text, lang)] == [
        (Intent.FAMILY_CIRCUMSTANCES, ReasonStatus.REPORTED)]
