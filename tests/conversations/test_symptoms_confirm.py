"""A symptom or an illness named plainly confirms as illness, in every language we read, in the
forms parents type: conjugated and declined (Polish "zwymiotował", Lithuanian "pasitempė"),
mutated (Welsh "dwymyn", "frech"), romanised (Roman Urdu, Bengali and Punjabi in Latin
letters, Arabizi), without diacritics, and with English words mixed in. Each concept has its
words in each language: vomiting, fever, aches, stomach, colds and coughs, throat and ear,
breathing, rashes and pox, period pain, sprains and breaks.

Near misses must not: the same words in an ordinary sense ("hot weather", "the phone isn't
working", "as usual", "fit" in Welsh, "glued to his phone") and weak replies confirm nothing.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


ILLNESS = [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]

SYMPTOMS = [
    # vomiting
    ("en", "Amy puked twice in the night so shes staying home"),
    ("cy", "Mae Amy wedi bod yn chwdu drwy'r bore, adre heddi"),
    ("pl", "Amy zwymiotowała dwa razy w nocy, zostaje w domu"),
    ("pl", "Amy wymiotuje od rana, nie przyjdzie"),
    ("lt", "Amy naktį vemė, šiandien liks namie"),
    ("pt", "A Amy vomitou a noite toda, hoje fica em casa"),
    ("es", "Amy ha vomitado esta mañana, hoy no va"),
    ("ro", "Amy a vomitat toată noaptea, azi stă acasă"),
    ("ar", "ايمي تقيأت طول الليل، اليوم بالبيت"),
    ("ur", "Amy ko raat se ultiyan ho rahi hain, aaj ghar pe hai"),
    ("bn", "Amy kal raat theke bomi korse, aj school e jabe na"),
    ("pa", "Amy nu raat ulti aayi, ajj ghar rahegi"),
    ("so", "Amy xalay way matagaysay, maanta guriga ayay joogtaa"),
    # fever
    ("cy", "Mae gan Amy dwymyn, fydd hi ddim mewn heddiw"),
    ("pl", "Amy zagorączkowała wieczorem, dziś w domu"),
    ("lt", "Amy karščiavo visą naktį, šiandien nebus"),
    ("pa", "ਅਮੀ ਨੂੰ ਤਾਪ ਚੜ੍ਹਿਆ, ਅੱਜ ਘਰ ਰਹੇਗੀ"),
    ("pa", "Amy nu taap chadhya hoya, ajj nahi aaugi"),
    ("bn", "Amy r gao gorom, aj school e pathabo na"),
    ("ar", "Amy 3andaha s5ana, mish hatigi el naharda"),
    ("es", "Amy amaneció con fiebre alta, se queda en casa"),
    # aches: head, stomach
    ("pt", "A Amy está com enxaqueca, não vai hoje"),
    ("bn", "Amy r matha bish, aj ashbe na"),
    ("ro", "Pe Amy o doare capul foarte tare, nu vine azi"),
    ("pl", "Amy ma ból brzucha od rana, zostaje w domu"),
    ("lt", "Amy skauda pilvą, šiandien namie"),
    ("so", "Amy calool xanuun ayay qabtaa, maanta ma imaanayso"),
    # colds, coughs, flu, throat, ear
    ("pa", "ਅਮੀ ਨੂੰ ਫਲੂ ਹੈ, ਅੱਜ ਨਹੀਂ ਆਵੇਗੀ"),
    ("so", "Amy hargab iyo qufac ayay qabtaa, maanta guriga"),
    ("en", "Good morning teacher, Amy has cold and cough very bad, today stay home"),
    ("lt", "Amy peršalo ir kosėja, šiandien liks namie"),
    ("cy", "Mae gan Amy wddw tost ac mae hi'n pesychu, adre heddiw"),
    ("ar", "ايمي عندها التهاب حلق وكحة، ما رح تيجي"),
    ("ur", "Amy ke kaan mein dard hai, aaj chutti"),
    # breathing, rash, pox
    ("pl", "Amy w nocy miała duszności, dziś odpoczywa w domu"),
    ("pt", "A Amy teve uma crise de asma, fica em casa a descansar"),
    ("ur", "Amy ko chicken pox nikli hai, ghar pe hai"),
    ("lt", "Amy išbėrė, atrodo vėjaraupiai, liks namie"),
    ("cy", "Mae gan Amy y frech yr ieir, adre am weddill heddiw"),
    # period pain
    ("pl", "Amy ma bolesną miesiączkę, dziś nie przyjdzie"),
    ("es", "Amy tiene dolor de regla, hoy no va"),
    # sprains and breaks
    ("lt", "Amy vakar pasitempė koją, negali vaikščioti, šiandien namie"),
    ("lt", "Amy susisuko čiurną per treniruotę, liks namie"),
    ("ur", "عمر کا ٹخنہ مڑ گیا ہے، چل نہیں پا رہا، آج گھر پر ہے"),
    ("cy", "Mae Amy wedi troi ei phigwrn, methu rhoi pwysau arno fo, adre heddiw"),
    ("pa", "Amy da pair mudd gaya, turr nahi hundi, ajj ghar"),
    ("pl", "Amy skręciła kostkę na WF, jest w gipsie, zostaje w domu"),
    ("so", "Amy lugta ayaa ka murkacday, maanta guriga ayay joogtaa"),
]


@pytest.mark.parametrize(("lang", "text"), SYMPTOMS)
def test_a_named_symptom_confirms_as_illness(lang: str, text: str) -> None:
    assert _recorded(lang, text) == ILLNESS


NEAR_MISSES = [
    ("bn", "aj khub gorom, Amy school e jacche"),  # hot weather
    ("pa", "mera phone chal nahi reha, please call karo"),  # the phone is not working
    ("so", "Amy berri way imaanaysaa sidii caadiga ah"),  # back tomorrow as usual
    ("cy", "Mae Amy yn ffit iawn, diolch"),  # fit and well
    ("en", "Amy is glued to her phone lol"),
    ("pt", "A Amy ganhou muitos pontos no jogo"),  # points in a game
    ("ar", "خذ راحتك، ما في مشكلة"),  # take your time
    ("ur", "aaram se, koi baat nahi"),  # take it easy
]


@pytest.mark.parametrize(("lang", "text"), NEAR_MISSES)
def test_the_same_words_in_an_ordinary_sense_confirm_nothing(lang: str, text: str) -> None:
    assert not any(status is ReasonStatus.CONFIRMED and intent is Intent.ILLNESS
                   for intent, status in _recorded(lang, text))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "ok"), ("en", "thanks"), ("cy", "Helo?"), ("en", "🤒"), ("en", "Test"),
    ("pl", "ok dzięki"), ("ur", "rest"), ("ar", "راحة"), ("bn", "gorom"), ("pa", "aaram"),
    ("en", "🤒🤒"), ("en", "ok will rest"), ("en", "get well soon"), ("pt", "descansar"),
    ("es", "reposo"), ("pt", "repouso"), ("ro", "repaus"), ("so", "nasasho"),
    ("lt", "pailsėti"), ("ar", "تمام"), ("ur", "aaram"), ("bn", "thik ache"),
])
def test_weak_replies_confirm_nothing(lang: str, text: str) -> None:
    assert not any(status is ReasonStatus.CONFIRMED for _, status in _recorded(lang, text))


def test_a_word_listed_twice_counts_once_at_its_greater_weight() -> None:
    # "الٹی" (vomiting) was listed at weight 1 and again by concept at 2: with a doctor's
    # word (weight 2) beside it the illness still decides.
    reading = classify("ایمن کو الٹی ہو رہی ہے، ڈاکٹر کو دکھایا، آج گھر پر ہے",
                       lexicons=LEXICONS, language_hint="ur")
    assert reading.intent is Intent.ILLNESS
