"""Which reason a reply gives, told the ways families tell it, in every language: what the
doctor said is an illness (not an appointment), a relative's illness or a trip to the consulate
is a family circumstance, a late start after oversleeping is lateness, and a bare "who is
this?" is no wrong number (a question, unclear). A sibling named again with a reason of its
own takes that reason.

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, reasons, say, student

WHAT_THE_DOCTOR_SAID = [
    ("en", "the doctor said to keep her off until the rash goes, she has impetigo"),
    ("pt", "a médica disse que ele tem de ficar em casa com a gripe"),
    ("es", "el pediatra dijo que se quede en casa con la varicela"),
    ("pl", "lekarka kazała zostać w domu, ma ospę"),
    ("ro", "medicul a spus să stea acasă două zile, are gripă"),
    ("lt", "gydytoja liepė likti namie, vėjaraupiai"),
    ("ar", "الدكتور قال لازم تضل بالبيت عندها التهاب"),
    ("ur", "doctor ne kaha do din ghar pe aaram kare, bukhar hai"),
    ("bn", "doctor bolse duidin bashay thakte, jor"),
    ("pa", "doctor ne kiha do din ghar rakho, bukhar hai"),
    ("so", "dhakhtarku wuxuu yiri laba maalmood guriga ha joogto, qandho"),
    ("cy", "doctor wedi deud iddi aros adra am ddeuddydd, mae ganddi wres"),
]

A_RELATIVE_IS_ILL = [
    ("en",
     "my mum is very poorly in hospital and I have to be with her, Amy is staying with me today"),
    ("pt", "a minha mãe está muito doente no hospital, hoje a Amy fica comigo"),
    ("es", "mi madre está muy enferma en el hospital y hoy Amy se queda conmigo"),
    ("pl", "moja mama jest bardzo chora w szpitalu, Amy dziś zostaje ze mną"),
    ("ro", "mama mea e foarte bolnavă în spital, Amy rămâne azi cu mine"),
    ("lt", "mano mama labai serga ligoninėje, Amy šiandien lieka su manim"),
    ("ar", "امي كتير مريضة بالمستشفى، ايمي اليوم معي"),
    ("ur", "meri ammi bohat bimar hain hospital mein, Amy aaj mere saath hai"),
    ("bn", "amar ammu khub osustho hospital e, Amy aaj amar sathe"),
    ("pa", "meri mummy bahut bimar ne hospital vich, Amy ajj mere naal hai"),
    ("so", "hooyaday aad ayay u xanuunsan tahay isbitaalka, Amy maanta waa ila joogtaa"),
    ("cy", "mae fy mam yn sâl iawn yn yr ysbyty, mae Amy efo fi heddiw"),
]

PAPERS_AT_THE_CONSULATE = [
    ("es", "hoy Amy sale a las 11 porque tenemos cita en extranjería para los papeles"),
    ("pt", "hoje a Amy sai às 11, temos de ir ao consulado tratar do passaporte"),
    ("pl", "Amy wyjdzie o 11, jedziemy do konsulatu po paszport"),
    ("ro", "Amy pleacă la 11, avem programare la consulat pentru pașaport"),
    ("lt", "Amy išeis 11 val, važiuojame į ambasadą dėl paso"),
    ("ar", "ايمي بتطلع الساعة 11 عندنا موعد بالسفارة"),
    ("ur", "Amy 11 baje chali jayegi, embassy mein visa ka appointment hai"),
    ("so", "Amy 11 ayay baxaysaa, ballan ayaan ku leenahay safaaradda"),
]

OVERSLEPT = [
    ("en", "so sorry we didnt wake up, be there in 15 mins"),
    ("pt", "desculpe, perdemos a hora, chegamos daqui a 15 minutos"),
    ("es", "perdón, nos hemos dormido, llegamos en 15 minutos"),
    ("pl", "przepraszam, zaspaliśmy, będziemy za 15 minut"),
    ("ro", "scuze, ne-am trezit târziu, ajungem în 15 minute"),
    ("lt", "atsiprašau, pramiegojome, būsime po 15 minučių"),
    ("ar", "سوري صحينا متأخر، بنوصل بعد ربع ساعة"),
    ("ur", "sorry der se uthe, 15 minute mein pohanch rahe hain"),
    ("bn", "sorry ghum bhangeni, 15 minute e pouche jabo"),
    ("pa", "sorry uth nahi hoya, 15 min ch pahunch jaange"),
    ("so", "waan ka xumahay, hurdo ayay ka kici weyday, 15 daqiiqo kadib ayaan imaaneynaa"),
    ("cy", "sori, wedi deffro'n hwyr, byddwn ni yna mewn chwarter awr"),
]

WHO_IS_THIS = [
    ("en", "who's this?"),
    ("cy", "pwy sy na?"),
    ("pl", "kto to?"),
    ("pt", "quem fala?"),
    ("es", "¿quién es?"),
    ("ro", "cine e?"),
    ("lt", "kas čia?"),
    ("ar", "مين معي؟"),
    ("ur", "کون ہے؟"),
    ("bn", "ke apni?"),
    ("pa", "kaun?"),
    ("so", "yaad tahay?"),
]


@pytest.mark.parametrize(("lang", "text", "intent"), [
    *((lang, text, Intent.ILLNESS) for lang, text in WHAT_THE_DOCTOR_SAID),
    *((lang, text, Intent.FAMILY_CIRCUMSTANCES) for lang, text in A_RELATIVE_IS_ILL),
    *((lang, text, Intent.FAMILY_CIRCUMSTANCES) for lang, text in PAPERS_AT_THE_CONSULATE),
    *((lang, text, Intent.LATE_OTHER) for lang, text in OVERSLEPT),
    *((lang, text, Intent.UNCLEAR) for lang, text in WHO_IS_THIS),
])
def test_the_reason_is_read_as_families_tell_it(lang: str, text: str, intent: Intent) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is intent


def test_who_is_this_beside_a_wrong_number_is_still_a_wrong_number() -> None:
    reading = classify("who is this? wrong number, I have no kids", lexicons=LEXICONS,
                       language_hint="en")
    assert reading.intent is Intent.WRONG_NUMBER


def test_the_relatives_illness_is_not_the_childs_when_the_child_is_meant_between() -> None:
    reading = classify("her nan says she is poorly with a cold", lexicons=LEXICONS,
                       language_hint="en")
    assert reading.intent is Intent.ILLNESS


@pytest.mark.parametrize(("lang", "text"), [
    ("pt", "a Ana e o Rui não vão hoje, a Ana tem febre e o Rui vai comigo ao consulado"),
    ("en", "Ana and Rui are both off today, Ana has a fever and Rui is with me at the embassy"),
    ("pl", "Ana i Rui dziś nie przyjdą, Ana ma gorączkę, a Rui jedzie ze mną do konsulatu"),
])
def test_a_sibling_named_again_with_a_reason_of_its_own_takes_it(lang: str, text: str) -> None:
    family = facts(student("S1", "Ana", absent()), student("S2", "Rui", absent()), language=lang)
    _, decisions = say(awaiting("S1", "S2"), text, family)
    assert {r.student_id: r.intent for r in reasons(decisions)} == {
        "S1": Intent.ILLNESS, "S2": Intent.FAMILY_CIRCUMSTANCES}
