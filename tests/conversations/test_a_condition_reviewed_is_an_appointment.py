"""A long-standing condition's review, clinic or check-up ("asthma review at the Royal", "eye
clinic", "heart scan", "revisión del asma", "kontrola astmy", "moraj3a lal sokkari", "ਦਮੇ
ਦਾ ਚੈੱਕਅੱਪ") is a medical appointment, not the illness it names, in every language, told
review first or condition first as the language puts it
(locales/<lang>/concepts/condition_reviews.toml). Near misses must not: the condition itself
flaring ("asthma is bad today", "an asthma attack", "crisis de asma", "atak astmy") stays
illness.

Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Amy has her asthma review at the Royal this morning"),
        ("en", "Amy is at the eye clinic this morning, in after lunch"),
        ("en", "Amy has her diabetes check up today, she wont be in"),
        ("en", "Amys heart scan is this morning so she'll be late"),
        ("en", "amy has a check up for her asthma at the hospital today"),
        ("cy", "Mae gan Amy adolygiad asthma yn yr ysbyty bore 'ma"),
        ("cy", 'Mae Amy yn y clinig llygaid bore ma, i mewn ar ôl cinio'),
        ("cy", 'Mae gan Amy sgan calon heddiw'),
        ("pl", 'Amy ma dziś kontrolę astmy w szpitalu'),
        ("pl", 'amy ma dzis wizyte w poradni cukrzycowej'),
        ("pl", 'Amy ma rano badanie serca, będzie później'),
        ("pt", 'A Amy tem hoje consulta de asma no hospital'),
        ("pt", 'a amy tem revisao da diabetes hoje de manha'),
        ("pt", 'A Amy tem ecografia ao coração esta manhã'),
        ("ro", 'Amy are azi control la astm la spital'),
        ("ro", 'amy are control la diabet azi dimineata'),
        ("ro", 'Amy are ecografie la inimă azi'),
        ("ar", 'ايمي عندها اليوم مراجعة للربو بالمستشفى'),
        ("ar", 'Amy 3enda moraj3a lal sokkari el yom'),
        ("ar", 'ايمي عندها فحص للقلب اليوم الصبح'),
        ("ur", 'Amy ka aaj asthma ka checkup hai hospital mein'),
        ("ur", 'ایمی کا آج دمے کا چیک اپ ہے'),
        ("ur", 'amy ki aaj aankhon ki clinic hai'),
        ("bn", 'Amy er ajke hospital e asthma checkup ache'),
        ("bn", 'অ্যামির আজ হাঁপানির চেকআপ আছে'),
        ("bn", 'amy er ajke diabetes er review ache'),
        ("pa", 'Amy da aj hospital vich asthma checkup hai'),
        ("pa", 'ਐਮੀ ਦਾ ਅੱਜ ਦਮੇ ਦਾ ਚੈੱਕਅੱਪ ਹੈ'),
        ("pa", 'amy di aj diabetes clinic hai'),
        ("so", 'Amy maanta waxay leedahay baaritaanka neefta isbitaalka'),
        ("so", 'amy maanta waxay ballan ku leedahay kiliinikada sonkorowga'),
        ("lt", 'Amy šiandien turi astmos patikrinimą ligoninėje'),
        ("lt", 'amy siandien turi diabeto patikra'),
        ("lt", 'Amy šiandien turi širdies echoskopiją'),
        ("es", 'Amy tiene hoy la revisión del asma en el hospital'),
        ("es", 'amy tiene revision de diabetes esta mañana'),
        ("es", 'Amy tiene hoy una ecografía del corazón'),
    ],
)
def test_a_condition_reviewed_is_an_appointment(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is Intent.MEDICAL_APPOINTMENT


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Amys asthma is bad today, keeping her home"),
        ("en", "Amy had an asthma attack last night, staying home"),
        ("cy", 'Mae asthma Amy yn ddrwg heddiw, mae hi adre'),
        ("pl", 'Amy ma atak astmy, zostaje w domu'),
        ("pt", 'A Amy teve uma crise de asma esta noite, fica em casa'),
        ("ro", 'Amy a avut o criză de astm azi noapte, stă acasă'),
        ("ar", 'ايمي عندها نوبة ربو، رح تضل بالبيت'),
        ("ur", 'Amy ko raat asthma ka attack hua, aaj ghar pe hai'),
        ("bn", 'Amy er raate asthma attack hoyeche, ajke bari te'),
        ("pa", 'Amy nu raat asthma da attack hoya, aj ghar hai'),
        ("so", 'Amy xalay neef ayaa ku dhacday, maanta guriga ayay joogtaa'),
        ("lt", 'Amy naktį turėjo astmos priepuolį, šiandien namie'),
        ("es", 'Amy tuvo una crisis de asma anoche, hoy se queda en casa'),
    ],
)
def test_the_condition_flaring_is_illness(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.ILLNESS
