"""A request for a call never outweighs an urgent reading (issue 14).

Asking to talk says what the reply asks, never what it is about: beside a child unaccounted
for, or a sign of harm in a long reply, the reply stays urgent however many call phrases the
lexicons learn. And "can someone from the school call me" is a call request in every language
("momken 7ad men el madrasa yetesel 3alaya", "ممكن حدا يتصل فيني"), not a sign of harm.
"""

from __future__ import annotations

import pytest

from conversations.lexicon import build_lexicons
from conversations.types import URGENT_INTENTS, Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(("text", "lang"), [
    ("could someone from the school give me a call after 2? I want to talk about Amy", "en"),
    ("Oes modd i rywun o'r ysgol fy ffonio i ar ôl 2? Dwi isio siarad am Amy", "cy"),
    ("Czy ktoś ze szkoły może do mnie zadzwonić po 14? Chcę porozmawiać o Amy", "pl"),
    ("Alguém da escola pode me ligar depois das 2? Quero falar sobre a Amy", "pt"),
    ("Poate să mă sune cineva de la școală după ora 2? Vreau să vorbesc despre Amy", "ro"),
    ("¿Alguien del colegio me puede llamar después de las 2? Quiero hablar de Amy", "es"),
    ("Ar kas nors iš mokyklos galėtų man paskambinti po 14 val.?", "lt"),
    ("ممكن حدا يتصل فيني بعد الساعة ٢ لو سمحتوا، عندي سؤال عن غياب امي", "ar"),
    ("momken 7ad men el madrasa yetesel 3alaya ba3d el sa3a 2? 3ayza atkalem 3an Amy", "ar"),
    ("هل يمكن لأحد من المدرسة أن يتصل بي بعد الساعة الثانية؟", "ar"),
    ("mumkin a7ad yitasil fini ba3d el dohr", "ar"),
    ("کیا اسکول سے کوئی مجھے دو بجے کے بعد فون کر سکتا ہے؟", "ur"),
    ("school se koi mujhe aaj call kar sakta hai?", "ur"),
    ("school theke keu ki amake 2tar pore call korte parben? kotha bolte chai", "bn"),
    ("ਕੀ ਸਕੂਲ ਤੋਂ ਕੋਈ ਮੈਨੂੰ 2 ਵਜੇ ਤੋਂ ਬਾਅਦ ਫ਼ੋਨ ਕਰ ਸਕਦਾ ਹੈ?", "pa"),
    ("school ton koi mainu aaj phone kar sakda?", "pa"),
    ("Qof iskuulka ka mid ah ma i soo wici karaa 2da kadib?", "so"),
    ("fadlan qof ha ii soo waco galabta", "so"),
])
def test_someone_from_the_school_to_call_is_a_call_request(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.CALL_REQUEST and not reading.urgent


@pytest.mark.parametrize(("text", "lang"), [
    ("I don't know where she is, she hasn't come home. Can someone call me", "en"),
    ("Dwi ddim yn gwybod lle mae hi, dyw hi ddim wedi dod adre. Ffoniwch fi plis", "cy"),
    ("Nie wiem gdzie ona jest, nie wróciła do domu. Niech ktoś zadzwoni", "pl"),
    ("Não sei onde ela está, não voltou para casa. Alguém pode me ligar", "pt"),
    ("Nu știu unde este, nu a venit acasă. Vă rog să mă sunați", "ro"),
    ("No sé dónde está, no ha vuelto a casa. Llámenme por favor", "es"),
    ("Nežinau kur ji yra, negrįžo namo. Prašau paskambinti", "lt"),
    ("ما بعرف وين هي، ما رجعت عالبيت من امبارح. ممكن حدا يتصل فيني", "ar"),
    ("mujhe nahi pata woh kahan hai, kal raat se ghar nahi aayi. koi call kar sakta hai", "ur"),
    ("jani na o kothay, kal raat theke bari ashe nai. keu amake call korte parben", "bn"),
    ("pata nahi oh kithe aa, kal raat ton ghar ni aayi. koi mainu phone kar sakda", "pa"),
    ("Ma garanayo meesha ay joogto, xalay guriga ma iman. Fadlan qof ha ii soo waco", "so"),
])
def test_a_child_unaccounted_for_stays_urgent_beside_a_call_request(text: str,
                                                                    lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent in URGENT_INTENTS


@pytest.mark.parametrize("text", [
    "something happened with her stepdad over the weekend that I am not happy about at all",
    "something happened with her stepdad over the weekend that I am not happy about at all, "
    "can someone ring me",
    "can someone ring me please, something happened with her stepdad over the weekend that I "
    "am not happy about",
])
def test_a_long_reply_with_a_sign_of_harm_stays_urgent_when_it_asks_for_a_call(
        text: str) -> None:
    """A long reply whose only other reading is a request for a call is as unread as one with
    none: one sign of harm in it (an adult outside the family's care) is heard."""
    assert classify(text, lexicons=LEXICONS, language_hint="en").urgent


def test_a_call_phrase_never_hides_an_urgent_phrase_inside_it() -> None:
    """Even a call phrase that holds an urgent phrase word for word (a lexicon writer's slip)
    leaves the urgent reading standing: only an ordinary reason's phrase may do that."""
    lexicons = build_lexicons([{
        "language": "xx",
        "intents": {"whereabouts_unknown": ["not come home ^3"],
                    "call_request": ["ring me she has not come home ^3"]},
    }])
    reading = classify("please ring me she has not come home", lexicons=lexicons,
                       language_hint="xx")
    assert reading.intent is Intent.WHEREABOUTS_UNKNOWN and reading.urgent


@pytest.mark.parametrize(("text", "lang"), [
    ("she has a temperature, can someone call me back", "en"),
    ("عندها حرارة، ممكن حدا يتصل فيني", "ar"),
    ("usay bukhar hai, koi mujhe call kar sakta hai", "ur"),
])
def test_an_ordinary_reason_beside_a_call_request_stays_ordinary(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.ILLNESS and not reading.urgent and reading.needs_staff
