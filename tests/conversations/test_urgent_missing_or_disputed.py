"""Which urgent kind a reply about an unaccounted-for child is (issue 14: the right urgent intent).

Missing (whereabouts unknown) when anything says the child is lost to the sender: not come
home, nobody has seen the child since, not seen going in. A disputed school run when the run to
school is told (taken to the gate, seen going in) and the rest only asks: "where is she??", "Unde
e??", "please find him", "kithe aa oh" is what any worried parent asks after a school run, not
news that the child is lost (conversations/safety.py, `missing_or_disputed`). Every reply here
is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

# The school run told, then a question where the child is or a plea to look.
RUN_TOLD_THEN_ASKED = [
    ("en", "I walked her right up to the school gate at 8.40, where is she??"),
    ("en", "dropped him at the gates myself this morning, please find him"),
    ("cy", "Es i â fo at giât yr ysgol bore 'ma, lle mae o?"),
    ("pl", "Sama ją odprowadziłam pod szkołę o 8:30, gdzie ona jest?"),
    ("pt", "Deixei-o no portão da escola às 8h30, onde está ele??"),
    ("ro", "L-am lăsat la poarta școlii la 8 și jumătate, unde e??"),
    ("es", "La dejé en la puerta del colegio a las 8:30, ¿dónde está?"),
    ("lt", "Pati nuvežiau ją į mokyklą 8:30, kur ji??"),
    ("so", "Aniga ayaa keenay iskuulka 8:30, xaggee buu joogaa?"),
    ("ar", "انا وصلتها لباب المدرسة الساعة ٨ ونص، وينها؟"),
    ("ur", "maine khud usay school ke gate pe chhoda tha, woh kahan hai?"),
    ("bn", "ami nije oke school er gate e rekhe aschi, o kothay?"),
    ("pa", "main aap ohnu school de gate te chhad ke aayi si, kithe aa oh?"),
]

# Set off (or taken) for school, and then lost: not seen going in, nobody has seen the child.
LOST_AFTER_SETTING_OFF = [
    ("en", "he got on the bus at 8 but his friends say nobody has seen him since"),
    ("en", "I dropped her at the corner by school but the lollipop lady didn't see her go in"),
    ("cy", "Aeth o am yr ysgol am wyth ond does neb wedi ei weld o ers hynny"),
    ("pl", "Wyszedł do szkoły o 8, ale nikt go nie widział w szkole"),
    ("pt", "Saiu para a escola às 8 mas ninguém o viu lá"),
    ("ro", "A plecat la școală la 8, dar nimeni nu l-a văzut acolo"),
    ("es", "Salió para el colegio a las 8 pero nadie lo ha visto allí"),
    ("lt", "Išėjo į mokyklą 8 val., bet niekas jo nematė"),
    ("so", "Wuxuu u baxay iskuulka 8da, laakiin qofna ma arag"),
    ("ar", "طلع عالمدرسة الساعة ٨ بس ما حدا شافه هناك"),
    ("ur", "8 baje school ke liye nikla tha lekin kisi ne usay nahi dekha"),
    ("bn", "8 tay school e gese, kintu keu dekhe nai"),
    ("pa", "8 vaje school gaya si par kise ne nahi dekhya"),
]


@pytest.mark.parametrize(("lang", "text"), RUN_TOLD_THEN_ASKED)
def test_a_school_run_told_then_a_question_is_a_dispute(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.IN_SCHOOL_DISPUTE), reading


@pytest.mark.parametrize(("lang", "text"), LOST_AFTER_SETTING_OFF)
def test_a_child_lost_after_setting_off_is_missing(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN), reading


def test_every_language_is_tried() -> None:
    for concept in (RUN_TOLD_THEN_ASKED, LOST_AFTER_SETTING_OFF):
        assert {lang for lang, _ in concept} == LANGUAGES
