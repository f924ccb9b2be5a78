"""A child not where they said they would be overnight (issue 14, round 10's concept): the
plan to be elsewhere (staying at a friend's, a sleepover, a party) and the host saying the
child was never there ("her friend's mum says she never turned up") is a missing child, in
every language, whatever words tell the two halves; so is a child gone with her clothes and
bag and not found. A night away told with no one missing it ("stayed at her friend's after
the party, she's tired") is no alarm.
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

MISSING = [
    ("en", "Is Maisie with you? She said she was sleeping over at Jess's but Jess's mum says "
           "she never came"),
    ("en", "Tyler went to a party last night and said he'd stay at his mates, his mates dad "
           "says he wasnt there"),
    ("en", "she was meant to be at a sleepover at Amber's, Amber's mum hasnt seen her since "
           "Friday"),
    ("en", "Leah told me she was staying at her friends house but the friend's mother said she "
           "never arrived"),
    ("en", "Mia packed her clothes and her bag and has gone, we cant find her anywhere"),
    ("cy", "Wedodd hi bydde hi'n aros gyda'i ffrind nos Sadwrn ond ma mam y ffrind yn gweud bod "
           "hi ddim yna"),
    ("cy", "Aeth Osian i barti a dywedodd y byddai'n aros efo'i ffrind, ond mae tad y ffrind yn "
           "deud na ddaeth o ddim"),
    ("cy", "Roedd hi i fod i aros dros nos efo Cerys, ond mae mam Cerys heb ei gweld hi"),
    ("pl", "Zosia mowila ze nocuje u kolezanki, ale mama kolezanki mowi ze jej tam nie bylo"),
    ("pl", "Kuba poszedł na imprezę i miał spać u kolegi, ale mama kolegi mówi, że w ogóle nie "
           "przyszedł"),
    ("pl", "Powiedziala ze zostaje na noc u przyjaciolki, a jej rodzice jej nie widzieli"),
    ("pt", "A Beatriz disse que ia dormir em casa da amiga mas a mãe da amiga diz que ela nunca "
           "lá chegou"),
    ("pt", "O Rafael foi a uma festa e disse que ficava na casa do amigo, mas os pais do amigo "
           "não o viram"),
    ("pt", "ela falou que ia dormir na casa da amiga mas a mae da amiga disse que ela nao "
           "apareceu"),
    ("ro", "Ana a zis ca doarme la o prietena, dar mama prietenei spune ca nu a ajuns niciodata"),
    ("ro", "Andrei a fost la o petrecere și a zis că rămâne la un prieten, dar părinții lui nu "
           "l-au văzut"),
    ("ro", "Mi-a spus ca sta peste noapte la colega ei, dar mama colegei zice ca nu a fost acolo"),
    ("ar", "قالت إنها بتنام عند صاحبتها بس أم صاحبتها بتقول إنها ما وصلت أبداً"),
    ("ar", "راح على حفلة وقال بيبات عند صاحبه، وأهل صاحبه ما شافوه"),
    ("ar", "2alet rayha tnam 3and sa7bitha bas ahl sa7bitha ma shafouha"),
    ("ur", "Sana ne kaha tha ke woh apni saheli ke ghar ruke gi, lekin saheli ki ammi kehti "
           "hain woh aayi hi nahi"),
    ("ur", "وہ کہہ کر گیا تھا کہ دوست کے گھر رہے گا لیکن دوست کی امی کہتی ہیں کہ وہ وہاں نہیں آیا"),
    ("ur", "party pe gaya tha, bola dost ke ghar sooye ga, dost ke abbu ne kaha usay dekha hi "
           "nahi"),
    ("bn", "o bollo bandhobir bashay thakbe, kintu bandhobir ma bolche o okhane jayni"),
    ("bn", "ও বলেছিল বন্ধুর বাসায় থাকবে, কিন্তু বন্ধুর মা বলছে ও সেখানে যায়নি"),
    ("bn", "Rima tar kapor ar bag niye chole gese, kothao khuje pacchi na"),
    ("bn", "fuat tar kapor choppor loiya ghor tikia gesegi, kunu jagat pairam na"),
    ("pa", "ohne keha si saheli de ghar rahegi, par saheli di mummy kehndi oh aayi hi nahi"),
    ("pa", "ਉਹ ਕਹਿੰਦਾ ਸੀ ਦੋਸਤ ਦੇ ਘਰ ਰਹੂਗਾ, ਪਰ ਦੋਸਤ ਦੀ ਮੰਮੀ ਕਹਿੰਦੀ ਉਹ ਆਇਆ ਹੀ ਨਹੀਂ"),
    ("pa", "party te gaya si, keha dost kol sauga, dost de papa kehnde ohnu vekhya hi nahi"),
    ("so", "Waxay tiri waxaan u seexanayaa saaxiibadday, laakiin hooyada saaxiibadeed waxay "
           "tiri ma iman"),
    ("so", "Xaflad ayuu aaday oo wuxuu yiri saaxiibkay ayaan u hoyanayaa, waalidiinta "
           "saaxiibkiis ma arkin"),
    ("lt", "Ji sakė, kad nakvos pas draugę, bet draugės mama sako, kad ji neatėjo"),
    ("lt", "Jonas nuėjo į vakarėlį ir sakė nakvosiąs pas draugą, bet draugo tėvai jo nematė"),
    ("lt", "sake kad nakvos pas drauge, bet draugės mama sako kad jos ten nebuvo"),
    ("es", "Dijo que se quedaba a dormir en casa de una amiga pero la madre de la amiga dice "
           "que nunca llegó"),
    ("es", "Fue a una fiesta y dijo que se quedaba con un amigo, pero los papás del amigo no lo "
           "vieron"),
    ("es", "dijo q dormia en lo de su amiga y la mama de la amiga dice q no estuvo ahi"),
]

ORDINARY = [
    ("en", "she stayed at her friend's after the party and is tired, keeping her home today"),
    ("en", "went to a party, back late, exhausted, he'll be in tomorrow"),
    ("en", "Maisie had a sleepover at Jess's and hasn't slept, she'll be in after lunch"),
    ("cy", "Arhosodd hi gyda'i ffrind ar ôl y parti ac mae hi wedi blino, mae hi adre heddiw"),
    ("pl", "Zosia nocowala u kolezanki po imprezie i jest zmeczona, zostaje dzis w domu"),
    ("pt", "Ela dormiu em casa da amiga depois da festa e está cansada, fica em casa hoje"),
    ("ro", "A dormit la o prietena dupa petrecere si e obosita, ramane acasa azi"),
    ("ar", "نامت عند صاحبتها بعد الحفلة وهي تعبانة، رح تضل بالبيت اليوم"),
    ("ur", "party se der se wapas aaya, bohat thaka hua hai, aaj ghar pe hai"),
    ("bn", "o bandhobir bashay chilo party er por, khub klanto, aj bari te thakbe"),
    ("pa", "party ton late aaya, bahut thakkeya, aj ghar rahu"),
    ("so", "Xaflad ayay aaday xalay, way daallan tahay, maanta guriga ayay joogtaa"),
    ("lt", "Ji nakvojo pas draugę po vakarėlio ir yra pavargusi, šiandien liks namie"),
    ("es", "Se quedó a dormir en casa de una amiga después de la fiesta y está cansada, hoy se "
           "queda en casa"),
]


@pytest.mark.parametrize(("lang", "text"), MISSING)
def test_not_where_they_said_they_would_be_is_missing(lang: str, text: str) -> None:
    found = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert found.urgent
    assert found.intent is Intent.WHEREABOUTS_UNKNOWN


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_a_night_away_no_one_missed_is_no_alarm(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
