"""Hurt at play: a game or sport told as the accident ("took a knock at the football match",
"yn y gêm pel-droed", "per futbolo rungtynes nukrito") with the injury it left (a bruise, a
knock to the head, a visit to A&E: "traumpunkte") is illness, in every language: the game
word is where it happened, not a school activity, and "all fine" after it is how the child
is, not an "ok". Near-misses: a match for the school with no injury stays a school activity,
and "all fine, thanks" alone stays an acknowledgement
(locales/<lang>/concepts/hurt_at_play.toml, conversations/evidence.py).

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, amy

HURT_AT_PLAY = [
    ("en", "Amy took a knock at the football match yesterday, big bruise on her shin, "
           "resting at home today"),
    ("cy", "Brifodd Amy ei choes yn y gêm pel-droed ddoe, clais mawr ar ei choes, adra heddiw"),
    ("pl", "Amy dostała piłką na meczu wczoraj, ma wielkiego siniaka na nodze, "
           "dziś zostaje w domu"),
    ("pt", "A Amy magoou-se no jogo de futebol ontem, tem um hematoma enorme na "
           "perna, fica em casa hoje"),
    ("ro", "Amy a căzut la meciul de fotbal ieri, are o vânătaie mare pe picior, stă acasă azi"),
    ("ar", "ايمي وقعت بمباراة الكورة امبارح وعندها كدمة كبيرة على رجلها، بتضل بالبيت اليوم"),
    ("ur", "Amy football match mein gir gayi thi, taang pe bara neel para hai, aaj ghar pe hai"),
    ("bn", "Amy football match e pore geche, paye boro kalshite, aaj barite thakbe"),
    ("pa", "Amy football match vich dig gayi si, latt te vadda neel hai, aaj ghar rahegi"),
    ("so", "Amy ciyaarta kubadda ayay ku dhacday shalay, nabar weyn ayay lugta ku leedahay, "
           "maanta guriga ayay joogtaa"),
    ("lt", "Amy vakar per futbolo rungtynes nukrito, didelė mėlynė ant kojos, šiandien namie"),
    ("es", "Amy se cayó en el partido de fútbol ayer, tiene un moratón enorme en la pierna, "
           "hoy se queda en casa"),
    # A knock to the head and A&E, then "all fine": how the child is, not an "ok".
    ("lt", "Amy vakar nukrito nuo batuto ir susitrenkė galvą, buvom traumpunkte, viskas gerai, "
           "bet šiandien lieka namie"),
    ("lt", "Amy vakar buvo traumpunkte, šiandien ilsisi namie"),
]

A_MATCH_FOR_THE_SCHOOL = [
    ("en", "Amy has a football match for the school today"),
    ("cy", "Mae gan Amy gêm pel-droed i'r ysgol heddiw"),
    ("pl", "Amy ma dziś mecz piłki nożnej ze szkołą"),
    ("es", "Amy tiene partido de fútbol con el colegio hoy"),
]

# A hit from the game's stick or ball ("hockey ch stick vajji", "ei tharo gan ffon hoci") is the
# accident too, and the bruise it left illness.
HIT_BY_THE_GAME = [
    ("en", "Amy got hit with a hockey stick yesterday, "
           "big bruise on her leg and it's swollen, resting at home today"),
    ("cy", "Cafodd Amy ei tharo gan ffon hoci ddoe, clais mawr ar ei choes, adra heddiw"),
    ("pl", "Amy dostała kijem na hokeju wczoraj, ma wielkiego siniaka na nodze, "
           "dziś zostaje w domu"),
    ("pt", "A Amy levou com um taco de hóquei ontem, tem um hematoma enorme na perna, "
           "fica em casa hoje"),
    ("ro", "Amy a fost lovită cu crosa la hochei ieri, are o vânătaie mare pe picior, "
           "stă acasă azi"),
    ("ar", "ايمي انضربت بعصا الهوكي امبارح وعندها كدمة كبيرة على رجلها، بتضل بالبيت اليوم"),
    ("ur", "Amy ko kal hockey mein stick lagi, taang pe bara neel hai aur sooja hua hai, "
           "aaj ghar pe aaram karegi"),
    ("bn", "Amy kal hockey khelte giye stick er bari kheyeche, paye boro kalshite, "
           "aaj barite thakbe"),
    ("pa", "Amy de kal hockey ch stick vajji, latt te neel pai gaya te sujan aa, "
           "aaj ghar aaram karu"),
    ("so", "Amy shalay ciyaarta hockey-ga ayaa ushu ku dhacday, "
           "nabar weyn ayay lugta ku leedahay, maanta guriga ayay joogtaa"),
    ("lt", "Amy vakar per ledo ritulį gavo lazda, didelė mėlynė ant kojos, šiandien namie"),
    ("es", "A Amy le dieron con el palo de hockey ayer, "
           "tiene un moratón enorme en la pierna, hoy se queda en casa"),
]

# The same bruise with no game, or a person hitting with the stick, stays for a person at once.
HIT_BY_A_PERSON = [
    ("en", "Amy has a big bruise on her leg and won't say how she got it"),
    ("en", "her stepdad hit her with a hockey stick, she has a big bruise on her leg"),
    ("cy", "Mae ei llystad wedi ei tharo gyda ffon hoci, clais mawr ar ei choes"),
    ("ro", "tatăl ei vitreg a lovit-o cu crosa, are o vânătaie mare"),
    ("ur", "uske abbu ne cricket bat se maara, taang pe neel hai"),
    ("pa", "uhde papa ne hockey stick naal maarya, latt te neel aa"),
    ("pa", "Amy de latt te neel aa te oh dassdi nahi kiven"),
]


@pytest.mark.parametrize(("lang", "text"), HIT_BY_THE_GAME)
def test_hit_by_the_games_stick_or_ball_is_illness(lang: str, text: str) -> None:
    assert _read(text, lang) == (Intent.ILLNESS, False)


@pytest.mark.parametrize(("lang", "text"), HIT_BY_A_PERSON)
def test_a_bruise_unexplained_or_from_a_person_stays_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


def _read(text: str, lang: str) -> tuple[Intent, bool]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, students=[amy()],
                       today=TODAY)
    return reading.intent, reading.needs_staff


@pytest.mark.parametrize(("lang", "text"), HURT_AT_PLAY)
def test_hurt_at_play_is_illness(lang: str, text: str) -> None:
    assert _read(text, lang) == (Intent.ILLNESS, False)


@pytest.mark.parametrize(("lang", "text"), A_MATCH_FOR_THE_SCHOOL)
def test_a_match_for_the_school_is_a_school_activity(lang: str, text: str) -> None:
    assert _read(text, lang)[0] is Intent.SCHOOL_ACTIVITY


def test_all_fine_alone_is_an_acknowledgement() -> None:
    assert _read("Amy viskas gerai, ačiū", "lt")[0] is Intent.ACKNOWLEDGEMENT
