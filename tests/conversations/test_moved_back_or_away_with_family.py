"""Two ways families tell where the child is, in every language (issue 14):

- moved back to their own country for good, enrolled at a school there ("wróciliśmy na stałe
  do Polski, jest zapisany do szkoły w Gdańsku"): moved away, not a holiday in the country
  named (locales/<lang>/concepts/moved_back_for_good.toml). Polish "do" is "to" as often as
  "until": a place after it bounds nothing (conversations/evidence.py `_a_bound`);
- away in the family's other country with relatives until a day ("está en México con sus
  abuelos hasta el viernes"): a holiday (concepts/away_in_the_family_country.toml).

A grandparent who died there stays a bereavement; a sick child with her grandparents today
stays ill."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

MOVED = {
    "en": "Dawid won't be coming to school any more, we've moved back to Poland for good, he's"
          " enrolled at a school in Gdansk",
    "cy": "Fydd Dewi ddim yn dod i'r ysgol eto, da ni wedi symud yn ôl i Wlad Pwyl am byth, mae"
          " o wedi cofrestru mewn ysgol yn Gdansk",
    "pl": "Dzień dobry, Kuba już nie będzie chodził do szkoły, wróciliśmy na stałe do Polski,"
          " jest zapisany do szkoły w Gdańsku",
    "pt": "O Tiago já não vai voltar à escola, voltámos de vez para Portugal, já está inscrito"
          " numa escola em Braga",
    "ro": "Andrei nu mai vine la școală, ne-am întors definitiv în România, e înscris la o"
          " școală în Iași",
    "ar": "مرحبا، ريم ما رح ترجع عالمدرسة، رجعنا نهائياً على سوريا، مسجلة بمدرسة بحلب",
    "ur": "Zain ab school nahi aayega, hum hamesha ke liye wapas Pakistan chale gaye hain, uska"
          " Lahore mein school mein dakhla ho gaya hai",
    "bn": "Rafi r school e ashbe na, amra puropuri Bangladesh e fire gechi, Sylhet e ekta school"
          " e bhorti hoyeche",
    "pa": "Simran hun school nahi aauga, assi pakke taur te India wapas aa gaye haan, Ludhiana de"
          " school ch daakhla ho gaya",
    "so": "Maxamed dugsiga dambe ma imanayo, waxaan si joogto ah ugu laabannay Soomaaliya, dugsi"
          " Hargeysa ku yaal ayaa laga diiwaangeliyay",
    "lt": "Jonas nebeateis į mokyklą, grįžome gyventi į Lietuvą visam laikui, jis užrašytas į"
          " mokyklą Kaune",
    "es": "Mateo ya no va a ir al colegio, nos hemos vuelto a España para siempre, está"
          " matriculado en un colegio de Sevilla",
}
AWAY = {
    "en": "Adam is in Poland with his grandparents until Friday, back on Monday",
    "cy": "Mae Cai yn Sbaen efo'i nain a taid tan ddydd Gwener, yn ôl ddydd Llun",
    "pl": "Adaś jest w Polsce z dziadkami do piątku, wraca w poniedziałek",
    "pt": "O Tiago está no Brasil com os avós até sexta, volta na segunda",
    "ro": "Andrei e în România la bunici până vineri, se întoarce luni",
    "ar": "ريم بسوريا عند جدها وجدتها لحد الجمعة، بترجع يوم الاثنين",
    "ur": "Zain apne dada dadi ke paas Pakistan mein hai Jumma tak, Peer ko wapas aayega",
    "bn": "Rafi nana nanir kache Bangladesh e ache shukrobar porjonto, shombar fire ashbe",
    "pa": "Simran apne dada dadi kol India ch hai shukarvar tak, somvar nu wapas aaugi",
    "so": "Maxamed wuxuu la joogaa awoowayaashiis Soomaaliya ilaa Jimcaha, Isniinta ayuu soo"
          " laabanayaa",
    "lt": "Jonas yra Lenkijoje pas senelius iki penktadienio, grįš pirmadienį",
    "es": "Hola, Adrián está en México con sus abuelos hasta el viernes, vuelve el lunes",
}
NOT_AWAY = [("es", "su abuela murió en México, viajamos mañana", Intent.BEREAVEMENT),
            ("lt", "senelė mirė Lenkijoje, rytoj išvažiuojame", Intent.BEREAVEMENT),
            ("pl", "babcia zmarła w Polsce, jutro lecimy", Intent.BEREAVEMENT),
            ("es", "tiene fiebre, hoy está con sus abuelos", Intent.ILLNESS),
            ("pl", "nie przyjdzie do piątku, ma grypę", Intent.ILLNESS)]


@pytest.mark.parametrize(("lang", "text"), MOVED.items())
def test_moved_back_for_good_is_moved_away(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.MOVED_AWAY


@pytest.mark.parametrize(("lang", "text"), AWAY.items())
def test_away_in_the_family_country_is_a_holiday(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.HOLIDAY


@pytest.mark.parametrize(("lang", "text", "intent"), NOT_AWAY)
def test_a_death_there_or_a_sick_day_is_neither(lang: str, text: str, intent: Intent) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is intent


def test_every_language_has_its_cases() -> None:
    assert set(MOVED) == set(AWAY) == set(LEXICONS.languages)
