"""An adult outside the family in contact with the child, and a secret, is safeguarding; a bruise
or a secret that no accident or apology explains stays urgent. (Issue 14: urgent recall by
concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# An adult outside the family in contact with the child, and a secret.
GROOMING = [
    ("en", "some 19 year old lad has been picking her up from the park in his car and "
           "buying her vapes"),
    ("en", "a man she met on tiktok keeps sending her gifts and told her not to tell us"),
    ("cy", "mae dyn 20 oed yn ei chodi hi yn ei gar ac yn prynu petha iddi"),
    ("pl", "jakiś dorosły facet odbiera ją samochodem i kupuje jej prezenty"),
    ("pt", "um homem adulto anda a ir buscá-la de carro e a dar-lhe prendas"),
    ("ro", "un bărbat mai mare o ia cu mașina și îi cumpără cadouri"),
    ("es", "un hombre mayor la recoge en coche y le compra regalos"),
    ("lt", "suaugęs vyras ją pasiima mašina ir perka jai dovanas"),
    ("so", "nin weyn ayaa baabuur ku qaada oo hadiyado u iibiya"),
    ("ar", "في رجل كبير بيجي ياخدها بسيارته وبيشتريلها هدايا"),
    ("ur", "ek bara aadmi usay gari mein le jata hai aur tohfe deta hai"),
    ("bn", "ekjon boro manush oke gari kore niye jay ar gift kine dey"),
    ("pa", "ik vadda banda ohnu gaddi vich lai janda te tohfe dinda"),
    ("cy", "mae dyn hŷn wedi bod yn anfon negeseuon ati ac yn deud wrthi am gadw'r peth yn "
           "gyfrinach"),
    ("ro", "un bărbat mai în vârstă îi trimite mesaje și i-a spus să nu spună nimănui"),
    ("lt", "vyresnis vyras jai rašo žinutes ir liepė niekam nesakyti"),
    ("so", "nin weyn ayaa fariimo u soo diraya, wuxuu ku yiri qofna ha u sheegin"),
    ("ar", "في رجل كبير عم يبعتلها رسائل وقلها ما تقول لحدا"),
    ("ur", "ek bara aadmi usay messages bhejta hai aur kaha kisi ko mat batana"),
    ("bn", "ekta boro lok oke message pathay ar bolse kauke bolbe na"),
    ("pa", "ik vadda banda ohnu messages bhejda te kehnda kise nu na dassi"),
    ("en", "an older man she met online has been messaging her and sending her money, she "
           "says its a secret"),
    ("pl", "jakiś starszy mężczyzna pisze do niej i daje jej pieniądze, kazał nikomu nie mówić"),
    ("es", "un hombre mayor le manda mensajes y le compró un móvil nuevo, le dijo que es "
           "un secreto"),
    ("pt", "um homem mais velho anda a mandar-lhe mensagens e disse-lhe para não contar a "
           "ninguém"),
]


@pytest.mark.parametrize(("lang", "text"), GROOMING)
def test_an_adult_in_contact_and_a_secret_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she came back from her dad's with bruises on her arms again"),
    ("en", "sorry to bother you, a man from the park told her to keep it a secret"),
    ("cy", "mae ganddi gleisiau ar ei breichiau eto ar ôl bod efo'i thad"),
])
def test_a_bruise_or_a_secret_no_accident_or_apology_explains_stays_urgent(
        lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in GROOMING} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
