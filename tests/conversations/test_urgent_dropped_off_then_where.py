"""A family told their child is absent answers that they dropped the child at school themselves
and asks where the child is: urgent (in_school_dispute, or whereabouts_unknown when the
question leads), in every language, with the verbs people use for a drop-off ("put him down at
the gate", "namiye diyechi", "utaar ke", Somali "ku dhigay") and "where is he" written as
people type it (Somali "meeyuu", "meeyey" with the pronoun joined on).

A drop-off somewhere ordinary (the dentist, a grandparent's) and a thing put down stay
ordinary. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, student

URGENT = (Intent.IN_SCHOOL_DISPUTE, Intent.WHEREABOUTS_UNKNOWN)

DROPPED_THEN_WHERE = [
    ("en", "what do you mean absent, I put him down at the school gate at 8.40, where is he"),
    ("cy", "be ti'n feddwl absennol? nes i ei ollwng o wrth giât yr ysgol bore 'ma, lle mae o?"),
    ("pl", "jak to nieobecny? sama go wysadziłam pod szkołą o 8:30, gdzie on jest"),
    ("pt", "como assim faltou? deixei-o eu mesma ao portão da escola às 8h30, onde é que ele está"),
    ("ro", "cum adica a lipsit? l-am dus eu pana la poarta scolii la 8 si jumatate, unde e"),
    ("ar", "كيف غايب؟ نزلته بنفسي قدام المدرسة الساعة ٨ ونص، وينه"),
    ("ar", "kif ghayeb? ana nazzalto 2odam el madrase el sa3a 8 w nos, weino"),
    ("ur", "غیر حاضر کیسے؟ میں نے خود اسے سکول کے گیٹ پر اتارا تھا، وہ کہاں ہے"),
    ("bn", "ami nije ke school er gate e namiye diyechi sokal 8.30 e, o kothay"),
    ("pa", "ਮੈਂ ਆਪ ਉਸਨੂੰ ਸਕੂਲ ਦੇ ਗੇਟ ਤੇ ਛੱਡ ਕੇ ਆਇਆ ਸੀ, ਉਹ ਕਿੱਥੇ ਹੈ"),
    ("so", "maxaad ka hadlaysaan, saaka ayaan Mahad ku dhigay albaabka iskuulka, "
           "meeyuu joogaa hadda"),
    ("so", "saaka ayaan ku dhigay albaabka iskuulka"),
    ("so", "waan ku dhignay iridda dugsiga 8:30, meeyey joogtaa gabadhaydu"),
    ("lt", "kaip tai nebuvo? pati išlaipinau jį prie mokyklos vartų 8:30, kur jis"),
    ("es", "¿cómo que ha faltado? lo dejé yo en la puerta del cole a las 8 y media, ¿dónde está?"),
]

WHERE_IS_HE = [
    ("so", "meeyuu joogaa"),
    ("so", "meeyey joogtaa hadda?"),
]

ORDINARY = [
    ("so", "waxaan ku dhigay dhakhtarka ilkaha saaka, duhurka ayuu iman doonaa"),
    ("so", "buugga ayaan ku dhigay miiska, qandho ayuu qabaa"),
    ("so", "xalay ayeeyadeed ayaan ku dhigay, qandho ayay qabtaa halkaas ayay joogtaa"),
    ("en", "I put her down for a nap, she's got a temperature"),
    ("pl", "wysadziłam ją u babci wczoraj, ma gorączkę"),
]


@pytest.mark.parametrize(("lang", "text"), DROPPED_THEN_WHERE + WHERE_IS_HE)
def test_dropped_at_school_or_where_is_the_child_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang,
                       students=[student("S1", "Mahad")])
    assert reading.urgent and reading.intent in URGENT, reading


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_a_drop_off_somewhere_ordinary_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in DROPPED_THEN_WHERE} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
