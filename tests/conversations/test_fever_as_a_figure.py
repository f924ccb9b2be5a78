"""A fever told as a figure ("39 degrees in the night", "102 degree", "miała 39 stopni") is
illness and confirms, in every language we read: the figure said of the child (had/has, ma,
tiene, teve, ko, nu, gan, 3andha) or of the night (last night, w nocy, anoche, raat, xalay),
Celsius everywhere and Fahrenheit where South Asian families give it.

Near misses must not: the same figures said of the weather ("it was 40 degrees at the beach",
"wczoraj było 38 stopni", "hizo 40 grados") or of something else ("39 marks").

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


FEVERS = [
    ("en", "Amy had 39 degrees last night, staying home today"),
    ("en", "She's been running 102 degrees since the night, keeping her off"),
    ("cy", "Roedd gan Amy 39 gradd neithiwr, adre heddi"),
    ("pl", "Amy dziś zostaje w domu, w nocy miała prawie 39 stopni"),
    ("pl", "Amy ma 38 stopni, nie przyjdzie dzisiaj"),
    ("lt", "Amy naktį turėjo 39 laipsnius, šiandien liks namie"),
    ("lt", "Amy turi 38 laipsniu, siandien nebus"),
    ("pt", "A Amy teve 39 graus esta noite, hoje fica em casa"),
    ("pt", "A Amy está com 38 graus, hoje não vai"),
    ("es", "Amy tuvo 39 grados anoche, hoy se queda en casa"),
    ("es", "Amy tiene 39 de fiebre, hoy no va"),
    ("ro", "Amy a avut 39 de grade azi noapte, azi ramane acasa"),
    ("ar", "ايمي حرارتها ٣٩ درجة من امبارح، اليوم بالبيت"),
    ("ar", "Amy 3andha 39 daraja mn embare7, ma ra7 tiji lyom"),
    ("ur", "Amy ko raat 102 degree tha, aaj ghar pe rahegi"),
    ("ur", "ایمی کو رات 39 ڈگری تھا، آج گھر پر ہے"),
    ("bn", "Amy r kal raat 102 degree chilo, aj school e jabe na"),
    ("bn", "অ্যামির কাল রাতে ১০২ ডিগ্রি ছিল, আজ স্কুলে যাবে না"),
    ("pa", "Amy nu raat 102 degree si, ajj ghar rahegi"),
    ("pa", "ਅਮੀ ਨੂੰ ਰਾਤ 102 ਡਿਗਰੀ ਸੀ, ਅੱਜ ਘਰ ਰਹੇਗੀ"),
    ("so", "Amy xalay 39 darajo ayay gaadhay, maanta guriga ayay joogtaa"),
]


@pytest.mark.parametrize(("lang", "text"), FEVERS)
def test_a_fever_told_as_a_figure_confirms_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]


WEATHER_AND_OTHER_FIGURES = [
    ("en", "it was 38 degrees yesterday so we went to the beach, Amy will be in today"),
    ("en", "Amy got 39 marks in her test"),
    ("es", "ayer hizo 40 grados en la playa, Amy hoy sí va al cole"),
    ("pl", "wczoraj było 38 stopni, Amy dziś będzie w szkole"),
    ("pt", "Ontem estavam 39 graus na praia, a Amy hoje vai à escola"),
    ("ro", "ieri au fost 40 de grade afara, Amy vine azi la scoala"),
    ("ur", "kal 40 degree garmi thi, Amy aaj school aayegi"),
]


@pytest.mark.parametrize(("lang", "text"), WEATHER_AND_OTHER_FIGURES)
def test_a_figure_of_the_weather_confirms_no_illness(lang: str, text: str) -> None:
    assert (Intent.ILLNESS, ReasonStatus.CONFIRMED) not in _recorded(lang, text)
