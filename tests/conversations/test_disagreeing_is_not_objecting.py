"""Disagreeing (with a doctor, with the absence mark) is not objecting to a taking (issue 14).

"I don't agree" is an opinion; "I didn't agree to it / to him taking her" is the sender's
objection to the child being taken, which the safety net reads with a taking as urgent. English
was narrowed first; these are the same concept in the other eleven languages.
"""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

OPINIONS = [
    ("cy", "aeth ei thad â hi at y meddyg, dwi ddim yn cytuno efo'r meddyg, mae hi ar "
           "wrthfiotigau"),
    ("es", "su padre la llevó al médico, no estoy de acuerdo con el médico, ya toma antibiótico"),
    ("pl", "tata zabrał ją do lekarza, nie zgadzam się z lekarzem ale bierze antybiotyk"),
    ("pt", "o pai levou-a ao médico, não concordo com o médico mas já está a tomar antibiótico"),
    ("ro", "tatăl ei a dus-o la medic, nu sunt de acord cu medicul dar ia antibiotic"),
    ("ar", "ابوها اخدها عالدكتور، مش موافقة على كلام الدكتور بس هي عم تاخد مضاد"),
    ("so", "aabaheed ayaa dhakhtarka geeyay, kuma raacsani dhakhtarka, daawo ayay qaadanaysaa"),
    ("lt", "tėtis nuvežė ją pas gydytoją, nesutinku su gydytoju bet ji geria antibiotikus"),
    ("pl", "nie zgadzam się z tą nieobecnością, była na zajęciach dodatkowych z klasą"),
    ("es", "no estoy de acuerdo con la falta, estuvo en la excursión del colegio"),
]
OBJECTIONS = [
    ("cy", "mae ei thad wedi mynd â hi a wnes i ddim cytuno i hyn, dwi ddim yn gwybod lle maen "
           "nhw"),
    ("es", "su padre se la llevó y no estuve de acuerdo con eso, no sé dónde está"),
    ("pl", "ojciec ją zabrał, nie zgodziłam się na to i nie wiem gdzie są"),
    ("pt", "o pai levou-a e eu não concordei com isso, não sei onde estão"),
    ("ro", "tatăl ei a luat-o, nu am fost de acord cu asta și nu știu unde sunt"),
    ("lt", "tėvas ją išsivežė, nesutikau su tuo ir nežinau kur jie"),
]


@pytest.mark.parametrize(("lang", "text"), OPINIONS)
def test_disagreeing_with_a_doctor_or_the_mark_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), OBJECTIONS)
def test_objecting_to_the_taking_is_still_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent
