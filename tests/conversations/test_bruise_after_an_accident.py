"""A bruise the reply explains by an accident is an injury; one it does not is a safeguarding
sign (issue 14). English and Welsh split these first; this is the concept in all twelve. The
child's own account of an accident ("he says he fell") explains nothing: beside bruises it is
what a safeguarding lead must hear.
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

INJURY_STORIES = [
    ("en", "he came off his scooter at the park, nothing broken but a big bruise on his leg"),
    ("cy", "syrthiodd hi oddi ar ei beic, dim byd wedi torri ond clais mawr ar ei choes"),
    ("es", "se cayó de la bici en el parque, nada roto pero tiene un moretón enorme en la pierna"),
    ("pl", "spadła z roweru, nic nie złamane ale ma wielkiego siniaka na nodze"),
    ("pt", "caiu da bicicleta no parque, nada partido mas tem um hematoma grande na perna"),
    ("ro", "a căzut de pe bicicletă, nimic rupt dar are o vânătaie mare pe picior"),
    ("ar", "وقع عن البسكليت بالحديقة، ما في شي مكسور بس عنده كدمة كبيرة على رجله"),
    ("ur", "cycle se gir gaya park mein, kuch toota nahi bas taang pe neel pare hain"),
    ("bn", "cycle theke pore geche, kisu bhange ni, paye kalshite pore geche"),
    ("pa", "cycle ton dig gaya, kuch tuttya nahi, latt te neel pe gaye"),
    ("so", "baaskiil ka ayuu ka dhacay, waxba ma jabin laakiin lugta nabaro ayaa ku yaal"),
    ("lt", "nukrito nuo dviračio, nieko nelūžo, bet ant kojos didelė mėlynė"),
]
UNEXPLAINED = [
    ("en", "she has bruises on her arms again and won't tell me how she got them"),
    ("cy", "mae cleisiau ar ei breichiau eto a dydy hi ddim yn deud sut"),
    ("es", "tiene moretones en los brazos otra vez y no quiere decir cómo"),
    ("pl", "znowu ma siniaki na rękach i nie chce powiedzieć skąd"),
    ("pt", "tem outra vez nódoas negras nos braços e não diz como"),
    ("ro", "are iar vânătăi pe brațe și nu vrea să spună de unde"),
    ("ar", "عندها كدمات على ايديها مرة ثانية وما بدها تقول كيف"),
    ("ur", "uske bazuon pe phir se neelay nishan hain aur bata nahi rahi kaise"),
    ("lt", "vėl mėlynės ant rankų ir nesako iš kur"),
    ("so", "mar kale gacmaha nabaro ayaa ku yaal mana sheegayso sida"),
]


CLAIMED = [
    ("en", "bruises all down her arm, she says she fell at her dad's, he was shouting all night"),
    ("so", "gacanta iyo wejiga nabaro ayuu leeyahay, wuxuu yiri wuu dhacay, aabihiis ayaa xalay "
           "cadhooday"),
    ("pl", "ma siniaki na rękach, mówi że spadła, ojczym był pijany"),
    ("es", "tiene moretones en la cara, dice que se cayó, su padrastro bebió todo el finde"),
    ("pt", "tem nódoas negras nos braços, diz que caiu, o padrasto bebeu o fim de semana todo"),
]


@pytest.mark.parametrize(("lang", "text"), INJURY_STORIES)
def test_a_bruise_after_an_accident_is_an_injury_not_harm(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, reading.intent


@pytest.mark.parametrize(("lang", "text"), UNEXPLAINED)
def test_a_bruise_nothing_explains_is_a_safeguarding_sign(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), CLAIMED)
def test_the_childs_own_account_of_a_fall_explains_no_bruise(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent
