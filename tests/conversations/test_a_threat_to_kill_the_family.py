"""A partner who throws things and threatens to kill the family, the mother afraid he will come
to the school, is domestic abuse: urgent safeguarding in every language, never a disputed school
run because the school is named (issue 14). A threat to kill told outright is a phrase of its
own (locales/<lang>/concepts/domestic_abuse.toml); throwing things is a `violence` sign.

Look-alikes that must stay ordinary: a brother throwing a ball indoors, knocking things off the
table with an elbow, throwing up all night. The replies are written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": ["my partner was throwing things again last night and threatened to kill us, we're at"
           " my mums, scared he'll turn up at school"],
    "cy": ["roedd fy mhartner yn taflu petha eto neithiwr a bygwth ein lladd ni, da ni yn nhŷ"
           " mam, ofn iddo ddod i'r ysgol"],
    "pl": ["partner wczoraj znowu rzucał wszystkim i groził że nas pozabija, śpimy u mojej"
           " mamy, boję się że przyjdzie pod szkołę", "groził że ją zabije"],
    "pt": ["o meu companheiro ontem voltou a atirar coisas e ameaçou matar-nos, estamos em casa"
           " da minha mãe, tenho medo que apareça na escola"],
    "ro": ["partenerul meu a aruncat iar cu lucruri aseară și a amenințat că ne omoară, dormim"
           " la mama, mi-e frică să nu vină la școală"],
    "ar": ["جوزي امبارح رجع يكسر ويرمي الغراض وهددنا انه رح يقتلنا، نايمين عند امي، خايفة يجي"
           " عالمدرسة", "hadadna eno ra7 yo2tolna"],
    "ur": ["mera shohar kal raat phir cheezein phenk raha tha aur dhamki di ke hum sab ko maar"
           " dega, ammi ke ghar hain, dar hai school aa jaye ga"],
    "bn": ["amar husband kal rate abar jinis chure marse ar bolse amader mere felbe, amra mayer"
           " basay, bhoy lagche school e ashbe"],
    "pa": ["mera ghar wala kal raat fer cheezan sutt reha si te dhamki ditti ke sanu maar"
           " deyega, mummy de ghar haan, darr lagda school aa jaau"],
    "so": ["ninkeyga xalay mar kale ayuu alaabta tuuray wuxuuna ku hanjabay inuu na dilayo,"
           " hooyaday ayaan u joognaa, waxaan ka baqayaa inuu dugsiga yimaado"],
    "lt": ["partneris vakar vėl mėtė daiktus ir grasino mus nužudyti, nakvojame pas mamą, bijau"
           " kad ateis prie mokyklos"],
    "es": ["mi pareja anoche volvió a tirar cosas y amenazó con matarnos, estamos en casa de mi"
           " madre, tengo miedo de que vaya al colegio"],
}

ORDINARY = {
    "en": ["she threw up all night, keeping her home"],
    "cy": ["mae hi wedi bod yn chwydu drwy'r nos, adra heddiw"],
    "pl": ["brat rzucał piłką w domu i stłukł wazon, Ola ma gorączkę"],
    "pt": ["atirou a bola contra a janela ontem, hoje está com febre"],
    "ro": ["a aruncat mingea în casă și a spart o vază, azi are febră"],
    "ar": ["رمى الطابة بالبيت وكسر كاسة، اليوم عنده حرارة"],
    "ur": ["usne ghar mein ball phenki aur glass toot gaya, aaj bukhar hai"],
    "bn": ["ghore ball chure glass bhenge felse, aj jor"],
    "pa": ["ghar ch ball sutti te glass tutt gaya, ajj bukhar aa"],
    "so": ["kubadda ayuu guriga ku tuuray, maanta qandho ayuu qabaa"],
    "lt": ["namuose mėtė kamuolį ir sudaužė vazą, šiandien karščiuoja"],
    "es": ["tiró cosas de la mesa con el codo, tiene fiebre"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_a_threat_to_kill_the_family_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in ORDINARY.items() for t in ts])
def test_a_ball_thrown_or_throwing_up_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(ORDINARY) == set(LEXICONS.languages)
