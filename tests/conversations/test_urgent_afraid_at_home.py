"""Fear at home said by the child, and fear of the way to school (issue 14: urgent recall, no
false urgent).

A student writing that they are afraid to go home, or do not feel safe at home, is a
disclosure in every language. Fearing or refusing the walk to school ("doesn't feel safe
walking to school", "refuses to walk to school") is no school run done: the going is governed
by the fear (conversations/safety.py, `_went_to_school`). Every reply here is written for
these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

AFRAID_AT_HOME = [
    ("en", "its Leah from year 13, I can't go home tonight, my stepdad said he'd hurt me"),
    ("cy", "Cerys sy 'ma, dwi ofn mynd adra heno, mae dad yn gas pan mae o wedi meddwi"),
    ("pl", "tu Zuza, boję się wracać do domu, tata znowu pije i bije mamę"),
    ("pt", "é a Bia, tenho medo de ir para casa, o meu padrasto bate-me"),
    ("ro", "sunt Ana, mi-e frică să merg acasă, tata mă bate când bea"),
    ("es", "soy Lucía, me da miedo volver a casa, mi padrastro me pega"),
    ("lt", "čia Ugnė, bijau grįžti namo, patėvis mane muša"),
    ("so", "waa Sahra, waxaan ka baqayaa inaan guriga aado, aabahay wuu i garaacaa"),
    ("ar", "انا رنا، خايفة ارجع عالبيت، ابوي بيضربني"),
    ("ur", "main Hina hoon, ghar jane se darr lagta hai, abbu maarte hain"),
    ("bn", "ami Rupa, bashay jete bhoy lagche, abba mare"),
    ("pa", "main Jasleen aan, ghar jaan ton darr lagda, papa kutde ne"),
    ("en", "I don't feel safe at home anymore, mum's boyfriend keeps coming into my room at night"),
    ("es", "ya no me siento segura en casa, el novio de mi madre entra en mi cuarto por la noche"),
    ("ur", "ghar mein mehfooz nahi lagta, ammi ka dost raat ko mere kamre mein aata hai"),
]

AFRAID_OF_THE_WAY = [
    ("en", "she doesn't feel safe walking to school on her own since the incident, keeping her "
           "home"),
    ("en", "he refuses to walk to school since the bullying started"),
    ("en", "she's too scared to walk to school alone after what happened"),
    ("es", "le da miedo ir andando al colegio sola"),
]


@pytest.mark.parametrize(("lang", "text"), AFRAID_AT_HOME)
def test_a_child_afraid_at_home_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), AFRAID_OF_THE_WAY)
def test_fearing_the_way_to_school_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
