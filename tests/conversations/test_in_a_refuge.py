"""A refuge is a place a family fled to, not a word alone (issue 14): "we're in a refuge now,
we had to leave her dad" is urgent in every language, while sheltering from the rain ("took
refuge under the trees", "nos refugiamos de la lluvia") or the bare word is none.

The replies are written for these tests, not copied from the labelled rounds."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

IN_A_REFUGE = [
    ("en", "we're in a refuge now, we had to leave her dad"),
    ("en", "we are at a refuge, fleeing domestic abuse"),
    ("en", "staying at the womens refuge"),
    ("cy", "Rydan ni mewn lloches i ferched rŵan, roedd rhaid gadael ei thad"),
    ("pl", "Jesteśmy teraz w ośrodku dla ofiar przemocy, musiałyśmy uciec od jej ojca"),
    ("pt", "Estamos agora numa casa abrigo, tivemos de fugir do pai dela"),
    ("ro", "Suntem acum într-un adăpost pentru victimele violenței, "
           "a trebuit să fugim de tatăl ei"),
    ("es", "Estamos en un refugio para mujeres, tuvimos que huir de su padre"),
    ("lt", "Dabar esame krizių centre, turėjome pabėgti nuo jos tėvo"),
    ("ar", "احنا هلق بدار إيواء للنساء، اضطرينا نهرب من أبوها"),
    ("ur", "hum ab dar ul aman mein hain, uske abbu se bhag kar aaye hain"),
    ("bn", "amra ekhon nari asroy kendro te, tar baba theke paliye eshechi"),
    ("pa", "asi hun women shelter ch haan, ohde papa ton bhaj ke aaye"),
    ("so", "Hadda waxaan joognaa hoyga haweenka, waxaan ka cararnay aabaheed"),
]

SHELTERED_FROM_THE_RAIN = [
    ("en", "refuge"),
    ("en", "they took refuge under the trees when the storm came, she got soaked and has a cold"),
    ("cy", "Cysgodon ni rhag y glaw dan y coed, mae ganddi annwyd"),
    ("pl", "Schroniliśmy się przed deszczem pod drzewami, ma przeziębienie"),
    ("pt", "Abrigámo-nos da chuva debaixo das árvores, ela está constipada"),
    ("ro", "Ne-am adăpostit de ploaie sub copaci, e răcită"),
    ("es", "Nos refugiamos de la lluvia bajo los árboles, está resfriada"),
    ("lt", "Pasislėpėme nuo lietaus po medžiais, ji peršalusi"),
    ("ar", "احتمينا من المطر تحت الشجر، وعندها برد"),
    ("ur", "barish se bachne ke liye darakhton ke neeche panah li, usay zukam hai"),
    ("bn", "brishti theke bachte gacher niche asroy nilam, tar thanda legeche"),
    ("pa", "meenh ton bachan layi rukhan heth khade rahe, ohnu zukaam aa"),
    ("so", "Roobka ayaan ka gabbanay geedaha hoostooda, hargab ayay qabtaa"),
]


@pytest.mark.parametrize(("lang", "text"), IN_A_REFUGE)
def test_a_family_in_a_refuge_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), SHELTERED_FROM_THE_RAIN)
def test_shelter_from_the_rain_or_the_bare_word_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    langs = set(LEXICONS.languages)
    assert {lang for lang, _ in IN_A_REFUGE} == langs
    assert {lang for lang, _ in SHELTERED_FROM_THE_RAIN} == langs
