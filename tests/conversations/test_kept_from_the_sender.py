"""A child kept from the sender: someone kept the child ("her dad kept her", "se la quedó",
"apne paas rakh liya", "wedi'i chadw") and will not bring them back is urgent safeguarding in
every language, also at that person's house. The sender keeping the child at home ("I kept her
home, she was sick", "Dw i wedi'i chadw adre") is the illness it is for, a clear reason that
confirms; keeping a child at home and not sending them back until school sorts something out is
no alarm either.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, records, say, student

KEPT = [
    ("en", "her dad has kept her since Sunday and won't give her back"),
    ("cy", "Mae ei thad wedi'i chadw a dydy o ddim am ddod â hi yn ôl"),
    ("cy", "mae ei thad wedi'i chadw hi ers dydd Sul a wnaiff o ddim dod â hi nôl"),
    ("pl", "Ojciec ją zatrzymał i nie chce jej oddać"),
    ("pt", "O pai ficou com ela e não a quer trazer de volta"),
    ("es", "Su padre se la quedó y no la quiere traer de vuelta"),
    ("ro", "Tatăl ei a păstrat-o și nu vrea să o aducă înapoi"),
    ("ar", "أبوها خلاها عنده وما بدو يرجعها"),
    ("ur", "uske abbu ne usay apne paas rakh liya hai aur wapas nahi la rahe"),
    ("bn", "or baba oke nijer kache rekhe diyeche, ar ferot anbe na"),
    ("pa", "ohde papa ne ohnu apne kol rakh leya te wapas nahi lyaunda"),
    ("so", "Aabaheed ayaa la haystay oo dib uma soo celinayo"),
    ("lt", "Tėvas ją pasiliko pas save ir nenori grąžinti"),
    ("es", "Su padre se la quedó en su casa y no la quiere traer de vuelta"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT)
def test_a_child_kept_and_not_brought_back_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


KEPT_HOME_ILL = [
    ("en", "I kept her home, she was sick"),
    ("cy", "Dw i wedi'i chadw adre, roedd hi'n sâl"),
    ("pl", "Zatrzymałam ją w domu, ma gorączkę"),
    ("pt", "Fiquei com ela em casa, estava doente"),
    ("es", "La dejé en casa, estaba enferma"),
    ("ro", "Am ținut-o acasă, a fost bolnavă"),
    ("ar", "خليتها بالبيت، كانت مريضة"),
    ("ur", "maine usay ghar pe rakha, woh bimar thi"),
    ("bn", "ami oke basay rekhechi, o oshustho chilo"),
    ("pa", "main ohnu ghar rakhya, oh bimar si"),
    ("so", "Guriga ayaan ku hayey, way xanuunsanayd"),
    ("lt", "Palikau ją namie, ji sirgo"),
]


@pytest.mark.parametrize(("lang", "text"), KEPT_HOME_ILL)
def test_keeping_the_child_home_ill_is_the_illness(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    assert [(r.intent, r.status) for r in records(decisions)] == [
        (Intent.ILLNESS, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I've kept him home, I won't bring him back to school till he's better"),
    ("en", "nan kept her overnight as she was poorly, she'll bring her back tomorrow"),
    ("ur", "maine usay ghar pe rakh liya, jab tak theek nahi hoti school wapas nahi bhejungi"),
    ("cy", "dw i wedi'i gadw fo adre, mae o'n sâl, fydd o ddim yn ôl tan ddydd Llun"),
    ("bn", "ami oke basay rekhe diyechi, jor ache, school e ferot pathabo somobar"),
    ("ar", "خليته بالبيت عنده حرارة، برجعه عالمدرسة يوم الاثنين"),
    ("cy", "dw i wedi'i chadw hi adre, dw i ddim am ei hanfon hi nôl nes bydd yr ysgol yn "
     "delio efo fo"),
    ("es", "me la quedé en casa, no la quiero traer hasta que lo arreglen"),
    ("ur", "maine usay ghar pe rakh liya, jab tak masla hal nahi hota wapas nahi la rahi"),
])
def test_keeping_a_child_home_until_school_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
