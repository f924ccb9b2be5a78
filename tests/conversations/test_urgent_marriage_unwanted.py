"""A marriage the child does not want, told in fresh words in every language (issue 14:
urgent recall), and a family wedding nobody wants to miss (no false urgent).

"querem levá-la ... para casar ... e não quer", "mana rabto", "oh nahi chahundi": a marriage
word and the child unwilling is a forced marriage (conversations/safety.py, `_forced`). "She
doesn't want to miss the wedding" is wanting to go: the lexicons' `defuse` phrases set the
unwilling word aside. Every reply here is written for these tests.

Known gap, left on purpose: English "sending her to Pakistan next week to get married" — "to
get married" alone would make any long unread reply about a relative's wedding urgent."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

UNWANTED_MARRIAGE = [
    ("es", "la quieren llevar a Marruecos para casarla, tiene 15 años y no quiere"),
    ("pl", "chcą ją wywieźć do Pakistanu i wydać za mąż, ma 15 lat i nie chce"),
    ("pt", "querem levá-la para a Guiné para casar, tem 15 anos e não quer"),
    ("ro", "vor s-o ducă în țară s-o mărite, are 15 ani și nu vrea"),
    ("lt", "nori ją išvežti ir ištekinti, jai 15 metų ir ji nenori"),
    ("so", "waxay rabaan inay Soomaaliya u diraan si loo guursado, 15 jir ayay tahay mana rabto"),
    ("ar", "بدهم ياخدوها عاليمن ليزوجوها وهي عمرها 15 ومش بدها"),
    ("ur", "usay Pakistan le ja kar shaadi karwana chahte hain, 15 saal ki hai aur nahi chahti"),
    ("bn", "oke Bangladesh niye biye dite chay, 15 bochor boyosh, o chay na"),
    ("pa", "ohnu India lai ke viah karna chahunde, 15 saal di aa te oh nahi chahundi"),
    ("cy", "maen nhw isio mynd â hi i Bacistan i'w phriodi, mae hi'n 15 a dydi hi ddim isio"),
]

# A student writing about their own marriage, in the first person.
MY_OWN_MARRIAGE = [
    ("en", "its Aisha from yr 12, my family are taking me to Pakistan in the holidays to marry my "
           "cousin and I don't want to, please help me"),
    ("cy", "Sara sy 'ma, mae'r teulu isio i fi briodi dyn dwi ddim yn nabod, dwi ddim isio"),
    ("pl", "tu Ola z 2c, rodzice chcą mnie wydać za mąż w Pakistanie, nie chcę"),
    ("pt", "sou a Fatima do 11º, a minha família quer que eu case com um primo, eu não quero"),
    ("ro", "sunt Maria din clasa a 11-a, părinții vor să mă mărite cu un om pe care nu-l cunosc, "
           "nu vreau"),
    ("es", "soy Amina de 1º de bachillerato, mi familia quiere casarme con mi primo y yo no "
           "quiero"),
    ("lt", "čia Aiša iš 11 klasės, tėvai nori mane ištekinti, aš nenoriu"),
    ("so", "waa Hodan fasalka 12, qoyskaygu waxay rabaan inay i guursiiyaan nin aanan aqoon, ma "
           "rabo"),
    ("ar", "انا مريم من صف 11، اهلي بدهم يجوزوني ابن عمي وانا مش موافقة"),
    ("ur", "main Zainab hoon year 12 se, ghar wale meri shaadi zabardasti cousin se karwa rahe "
           "hain"),
    ("bn", "ami Nusrat class 11 theke, amar family amare biye dite chay, ami raji na"),
    ("pa", "main Simran aan year 12 to, ghar wale mera viah karna chahunde ne, main nahi karna "
           "chahundi"),
]

A_WEDDING_NOT_TO_MISS = [
    ("en", "my sister's getting married on saturday and she doesn't want to miss the wedding"),
    ("en", "my sister is going to get married in May and she doesn't want to miss it"),
    ("en", "she doesn't want to come in today, she has a bad cold"),
    ("pt", "a minha irmã vai casar no sábado e ela não quer faltar"),
    ("pa", "ohde chachu da viah aa, oh nahi chahundi miss karna"),
    ("so", "adeerteed ayaa guursanaysa, mana rabto inay seegto"),
    ("ar", "اختها رح تتجوز والبنت مش موافقة تغيب عن المدرسة"),
    ("pt", "a irmã dela vai casar com o namorado no sábado"),
]


@pytest.mark.parametrize(("lang", "text"), UNWANTED_MARRIAGE + MY_OWN_MARRIAGE)
def test_an_unwanted_marriage_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), A_WEDDING_NOT_TO_MISS)
def test_a_wedding_not_to_miss_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
