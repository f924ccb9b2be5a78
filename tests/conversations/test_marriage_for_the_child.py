"""A marriage arranged for the child that the child does not want, is forced into or fears is
safeguarding. (Issue 14: urgent recall by concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# A marriage for the child, not wanted, forced, or feared.
FORCED_MARRIAGE = [
    ("ar", "3ayltha bghaw ydiwha l lmaghrib bach tzwj b wahed ma kat3rfouch, hiya rafda"),
    ("so", "qoyskiisa ayaa gabar u doortay, isagu ma rabo guurka"),
    ("cy", "ma nhw'n mynd â hi i Bacistan i briodi ac mae hi'n crio bob nos"),
    ("en", "they're taking her to Bangladesh to get her married, she's only 14 and doesn't "
           "know yet"),
    ("pt", "querem-na casar à força com um homem que ela nem conhece"),
    ("ro", "o mărită cu forța cu un om pe care nu-l cunoaște"),
    ("lt", "ją ves prievarta su nepažįstamu vyru"),
    ("en", "her family want to marry her to a man back home this summer, she refuses and "
           "is scared"),
    ("en", "my parents are making me marry my cousin in the holidays and i dont want to"),
    ("cy", "mae ei theulu isio ei phriodi hi efo dyn hŷn, a dydi hi ddim isio"),
    ("pl", "rodzice chcą ją wydać za mąż w wakacje, ona nie chce i płacze"),
    ("pt", "os pais querem casar a Inês com um homem mais velho e ela não quer"),
    ("ro", "familia vrea s-o mărite cu un bărbat mai în vârstă, ea refuză"),
    ("es", "sus tíos la van a casar con un hombre mayor y ella no quiere"),
    ("lt", "tėvai nori ją ištekinti už vyresnio vyro, ji nenori"),
    ("so", "qoyskeeda ayaa doonaya in la guursado nin weyn, way diidday"),
    ("ar", "اهلها بدهم يجوزوها لرجل كبير وهي رافضة"),
    ("ar", "baghyin yzwjouha b sif, hiya mabghatch"),
    ("ur", "gharwale uski shaadi zabardasti karwa rahe hain, wo inkaar kar rahi hai"),
    ("ur", "گھر والے زبردستی اس کی شادی کروا رہے ہیں"),
    ("bn", "baba or biye thik korse, o raji na, shudhu kandche"),
    ("bn", "ওর বাবা জোর করে ওর বিয়ে দিতে চায়"),
    ("pa", "ghar wale zabardasti ohda viah karna chahunde ne, oh nahi karna chahundi"),
    ("pa", "ਘਰ ਵਾਲੇ ਜ਼ਬਰਦਸਤੀ ਉਹਦਾ ਵਿਆਹ ਕਰ ਰਹੇ ਨੇ"),
    ("en", "they've arranged for her to be married in Pakistan next month and she's "
           "begging me to help"),
    ("en", "her family have found her a husband abroad, she's 15 and terrified"),
    ("cy", "mae nhad yn fy ngorfodi i briodi dyn dwi ddim yn nabod"),
    ("pl", "rodzina zmusza ją do ślubu z kuzynem, ona ma tylko 15 lat"),
    ("pt", "vão obrigá-la a casar com um primo no verão, ela chora todos os dias"),
    ("ro", "părinții vor s-o căsătorească forțat în vară, ea plânge mereu"),
    ("es", "la quieren obligar a casarse con un primo en Pakistán y ella no quiere"),
    ("lt", "šeima verčia ją tekėti vasarą, ji verkia"),
    ("so", "waxaa la doonayaa in si qasab ah loo guursado"),
    ("ar", "بدهم يزوجوها غصب عنها بالصيف"),
    ("ur", "wo kehti hai abbu ne uska rishta tay kar diya hai, wo nahi chahti, ro rahi hai"),
    ("bn", "ora jor kore Tania r biye dite chay Bangladesh e"),
    ("pa", "ohde mape ohnu zabardasti India lai ke viah karna chahunde"),
]


@pytest.mark.parametrize(("lang", "text"), FORCED_MARRIAGE)
def test_a_marriage_the_child_does_not_want_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in FORCED_MARRIAGE} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
