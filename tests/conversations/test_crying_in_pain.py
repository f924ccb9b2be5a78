"""A cry of pain is no violence (issue 14): a scream or a cry beside an illness the reply tells
("up all night with her ear, proper screaming") is the child's pain, in every language; a scream
beside another sign of harm ("drinking and screaming all night") is still heard at once
(locales/<lang>/concepts/crying_in_pain.toml, conversations/safety.py).

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

IN_PAIN = [
    ("en", "Morning, Amy was up all night with her ear, proper screaming, keeping her off to rest"),
    ("en", "Amy was up half the night with her tummy, crying and screaming, keeping her home"),
    ("cy", "Roedd Amy ar ddihun drwy'r nos efo'i chlust, yn sgrechian, cadw hi adra i orffwys"),
    ("pl", "Amy całą noc nie spała przez ucho, krzyczała z bólu, zostaje w domu odpocząć"),
    ("pt", "A Amy passou a noite acordada com o ouvido, a gritar, fica em casa a descansar"),
    ("ro", "Amy a stat trează toată noaptea cu urechea, țipa, o țin acasă să se odihnească"),
    ("es", "Amy estuvo toda la noche despierta con el oído, gritando, se queda en casa"),
    ("lt", "Amy rėkė iš skausmo dėl ausies, lieka namie pailsėti"),
    ("ar", "ايمي ظلت صاحية طول الليل من ودنها، بتصرخ، هتقعد في البيت ترتاح"),
    ("ur", "Amy sari raat kaan ki wajah se jaagti rahi, cheekh rahi thi, aaj ghar pe aaram karegi"),
    ("bn", "Amy sara raat kaan er jonno ghumay nai, chitkar korchilo, aaj barite rest nibe"),
    ("pa", "Amy saari raat kann dard karke roundi te cheekdi rahi, aaj ghar aaram karu"),
    ("so", "Amy habeenkii oo dhan way soo jeeday dhegta awgeed, way qaylinaysay, maanta guriga "
           "ayay ku nastaa"),
]

# Where a language hears a bare scream as violence, drink beside it is two signs of harm.
SCREAMING_AND_DRINKING = [
    ("en", "her dad was drinking and screaming all night, she has a headache today"),
    ("cy", "Roedd ei thad yn yfed ac yn sgrechian drwy'r nos, mae ganddi gur pen heddiw"),
    ("pl", "Ojciec pił i wrzeszczał całą noc, ona ma dziś ból głowy"),
    ("lt", "Tėvas gėrė ir rėkė visą naktį, šiandien jai skauda galvą"),
    ("ar", "ابوها كان سكران وبيصرخ طول الليل، وعندها صداع اليوم"),
    ("ur", "uske abbu ne sharab pi aur sari raat chillata raha, aaj usay sar dard hai"),
    ("bn", "tar baba mod kheye sara raat chitkar korse, ajke tar matha byatha"),
    ("pa", "uhde papa ne daaru peeti te saari raat cheekan maardi, aaj sir dard aa"),
    ("so", "aabaheed ayaa khamri cabay oo habeenkii oo dhan qaylinayaa, maanta madax xanuun "
           "ayay qabtaa"),
]

# A child's scream beside an adult's care of her body is heard at once; a scream at a hair wash
# is none.
SCREAMS_AT_AN_ADULTS_CARE = [
    ("en", "she screams if her stepdad tries to bath her now"),
    ("cy", "Mae hi'n sgrechian os ydi ei llystad yn trio ei bathio hi rŵan"),
    ("pl", "Krzyczy, kiedy ojczym próbuje ją kąpać"),
    ("pt", "Ela grita se o padrasto tenta dar-lhe banho agora"),
    ("ro", "Țipă dacă tatăl vitreg încearcă să o spele acum"),
    ("es", "Grita si su padrastro intenta bañarla ahora"),
    ("lt", "Ji rėkia, kai patėvis bando ją maudyti"),
    ("ar", "بتصرخ إذا جوز أمها حاول يحممها"),
    ("ur", "jab uska sautela baap usay nehlane ki koshish karta hai to woh cheekhti hai"),
    ("bn", "tar sotbaba take gosol korate gele o chitkar kore"),
    ("pa", "jadon uhda matrea pyo usnu nahaun di koshish karda, oh cheekan maardi aa"),
    ("so", "way qaylinaysaa marka aabe koriyaheedu isku dayo inuu maydho"),
]


@pytest.mark.parametrize(("lang", "text"), SCREAMS_AT_AN_ADULTS_CARE)
def test_a_scream_at_an_adults_care_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


def test_a_scream_at_a_hair_wash_is_not_urgent() -> None:
    assert not classify("she screams when I wash her hair, she hates it", lexicons=LEXICONS,
                        language_hint="en").urgent


@pytest.mark.parametrize(("lang", "text"), IN_PAIN)
def test_a_cry_of_pain_beside_an_illness_is_illness(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    assert reading.intent is Intent.ILLNESS and not reading.urgent


@pytest.mark.parametrize(("lang", "text"), SCREAMING_AND_DRINKING)
def test_a_scream_beside_another_sign_of_harm_stays_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


def test_every_language_has_a_cry_of_pain() -> None:
    assert {lang for lang, _ in IN_PAIN} == set(LEXICONS.languages)
