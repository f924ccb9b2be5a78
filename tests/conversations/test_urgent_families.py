"""Urgent replies of the kinds round 6 missed, ruled for by kind in every language (each
lexicon's phrases and roles, conversations/safety.py), and the ordinary replies that share their
words:

- a teenager talking about ending things without the words for dying: being a burden, everyone
  better off without them, tired of everything, nothing has any point;
- a marriage arranged for the child (`marriage`, a sign of harm) beside a second sign: abroad,
  the sender's distress, a secret;
- no food and no heating at home (two signs of neglect), never read as an illness;
- a parent afraid of a partner (fear of him, "don't call the house" are signs of violence)
  beside drink or violence;
- a question whether the child is with the school, and "she went in as usual" / "I watched her
  walk in the gate" (the child may be unaccounted for).

Ordinary look-alikes stay ordinary: police at the neighbours', a cousin's wedding abroad,
finishing homework ("homework khatam karna"), a wake or waking up, classmates unkind on
Snapchat, a dentist then school afterwards, "wasn't in class because of the competition".

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import URGENT_INTENTS, Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

ENDING_THINGS = [
    ("en", "Maya says she is just a burden to everyone and we'd be better off, she won't get up"),
    ("en", "he told his sister he's tired of everything and nobody would notice"),
    ("cy", "Mae Cerys yn deud ei bod hi'n faich ac y bysa pawb yn well heb fi, mae'n aros yn "
     "ei gwely"),
    ("pl", "Ola pisała w nocy, że jest ciężarem dla nas i że łatwiej beze mnie by wam było"),
    ("pt", "a Bia escreveu no caderno que é um peso para todos e que nada faz sentido"),
    ("ro", "Ioana zice ca e o povara pentru toti si ca ar fi mai usor fara mine"),
    ("ar", "بنتي كتبت انها عبء على الكل وانهم رح يرتاحوا منها، ما راحت المدرسة"),
    ("ur", "Zara kehti hai woh sab pe bojh hai aur mere bina behtar rahoge, school nahi gayi"),
    ("bn", "Ruma bolche o sobar bojha, o na thakle sobai bhalo thakbe"),
    ("pa", "Simran kehndi oh sab te bojh aa te mere bina changa rahoge"),
    ("so", "Hodan waxay tiri culays ayaan idinku ahay, wax walba waan ka daalay"),
    ("lt", "Ugnė rašė, kad yra našta visiems ir kad be manęs būtų lengviau"),
    ("es", "Lucía dice que es una carga para todos y que nada tiene sentido ya"),
]

MARRIAGE_ARRANGED = [
    ("en", "they are taking Aisha to see family in the summer and I think they want to marry her "
     "off, she keeps crying"),
    ("cy", "mae ei thad am fynd a hi dramor i'w phriodi, mae hi'n crio bob nos"),
    ("pl", "rodzice chcą ją wydać za mąż w wakacje, płacze codziennie, proszę pomóżcie"),
    ("pt", "os pais querem casá-la com um primo na viagem, ela chora muito, me ajudem"),
    ("ro", "parintii vor s-o marite in vara in tara, plange toata ziua, ajutor"),
    ("ar", "ابوها بده يسفرها عالبلد ويزوجوها، هي بتبكي كل يوم"),
    ("ur", "ghar wale Pakistan le ja rahe hain, wahan uski shaadi karwa rahe hain, roti rehti hai"),
    ("bn", "baba ma oke deshe niye jacche, okhane or biye dite chay, o khub kande"),
    ("pa", "mummy papa ohnu India lai ke ja rahe, ohda rishta pakka kar ditta, oh rondi rehndi"),
    ("so", "waxay rabaan inay i guurinayaan markaan tagno Soomaaliya, fadlan i caawi"),
    ("lt", "tėvai nori ją ištekinti vasarą, ji verkė visą naktį"),
    ("es", "sus padres la van a casar en el verano en su país, llora todos los días, ayúdenme"),
]

NO_FOOD_OR_HEATING = [
    ("en", "things are hard, the meter ran out and there's no food in the house so he stayed "
     "in bed"),
    ("cy", "dim bwyd yn y ty a dim gwres ers dydd Sul, mae o wedi aros adra"),
    ("pl", "nie mamy co jeść i nie ma ogrzewania, dzieci zostały w domu"),
    ("pt", "estamos sem comida e sem aquecimento, os miúdos ficaram em casa"),
    ("ro", "nu avem mâncare și nici căldură acasă, copiii au rămas acasă"),
    ("ar", "ما عنا اكل وما في تدفئة بالبيت، الولاد ضلوا بالبيت"),
    ("ur", "ghar mein khana nahi aur heating band hai, bachay ghar pe hain"),
    ("bn", "ghore khabar nei ar heating bondho, bachchara bashay ache"),
    ("pa", "ghar ch khana nahi te heating band aa, bachche ghar ne"),
    ("so", "cunto ma haysanno, kuleyl ma jiro, carruurtu guriga ayay joogaan"),
    ("lt", "neturime maisto ir nėra šildymo, vaikai liko namie"),
    ("es", "no tenemos comida y nos cortaron la luz, los niños se quedaron en casa"),
]

AFRAID_OF_A_PARTNER = [
    ("en", "keeping Jo home, her dad was drinking again and I'm scared of what he will do"),
    ("cy", "mae ei dad yn yfed eto, dwi ofn be neith o, peidiwch a ffonio'r ty"),
    ("pl", "mąż znowu pił całą noc, boję się go, nie dzwońcie do męża"),
    ("pt", "o pai chegou bêbado outra vez, tenho medo dele, não liguem para o meu marido"),
    ("ro", "tatăl lui a băut iar toată noaptea, mi-e frică de el"),
    ("ar", "ابوه سكران من امبارح وانا خايفة منه، ما بعتته عالمدرسة"),
    ("ur", "unke abbu ne phir sharab pee, main us se darti hoon, bacha ghar pe hai"),
    ("bn", "or baba abar mod kheye asche, ami oke bhoy pai, aj school e pathai nai"),
    ("pa", "ohde papa ne phir daaru peeti, mainu ohde ton darr lagda"),
    ("so", "aabihiis wuu sakhraan yahay mar kale, waan ka baqayaa isaga"),
    ("lt", "vyras vėl girtas visą naktį, bijau jo, vaikas liko namie"),
    ("es", "su padre volvió borracho otra vez, le tengo miedo, no llamen a mi marido"),
]

IS_THE_CHILD_WITH_YOU = [
    ("en", "he went to a mate's last night, is he with you?"),
    ("cy", "aeth i dŷ ffrind neithiwr, ydi o efo chi?"),
    ("pl", "nie wrócił na noc, czy jest w szkole?"),
    ("es", "no durmió en casa, ¿está con ustedes?"),
    ("lt", "sūnus negrįžo namo, ar jis pas jus?"),
]

WENT_IN = [
    ("en", "what? she went in as usual at 8.30"),
    ("en", "I watched him walk in the gate this morning"),
    ("pt", "como assim? ela entrou pelo portão às 8h"),
    ("es", "¿cómo? entró por la puerta a las 8 con su amiga"),
]

ORDINARY = [
    ("en", "the police were at the neighbours last night and she was upset, back tomorrow"),
    ("cy", "roedd yr heddlu drws nesa neithiwr, mae hi wedi ypsetio, nôl fory"),
    ("pl", "w nocy była policja u sąsiadów, córka się wystraszyła, jutro przyjdzie"),
    ("pt", "a polícia esteve nos vizinhos à noite, ela ficou assustada"),
    ("ro", "a fost poliția la vecini azi noapte, s-a speriat"),
    ("ar", "الشرطة اجت عند الجيران بالليل والولاد خافوا"),
    ("so", "booliis ayaa yimid derisyada xalay, carruurtu way baqeen"),
    ("lt", "naktį pas kaimynus buvo policija, vaikai išsigando"),
    ("es", "anoche vino la policía a casa de los vecinos y se asustó"),
    ("en", "we are going to Pakistan for her cousin's wedding, back on the 14th"),
    ("ur", "Amy aaj nahi aayegi, woh ghar pe apna homework khatam karna chahti hai"),
    ("en", "sorry she didn't wake up till 10, she'll be in after lunch"),
    ("en", "the girls in her class are being nasty on snapchat, she won't go in, "
     "I don't know what to do"),
    ("es", "Sergio tiene el dentista a las 9, lo llevo al cole después"),
    ("es", "no estaba en clase porque está en el torneo de fútbol con el colegio"),
]


@pytest.mark.parametrize(("lang", "text"), ENDING_THINGS)
def test_ending_things_said_without_dying_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING, reading


@pytest.mark.parametrize(("lang", "text"),
                         MARRIAGE_ARRANGED + NO_FOOD_OR_HEATING + AFRAID_OF_A_PARTNER)
def test_harm_at_home_told_sideways_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING, reading


@pytest.mark.parametrize(("lang", "text"), IS_THE_CHILD_WITH_YOU + WENT_IN)
def test_a_child_who_may_be_unaccounted_for_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent in URGENT_INTENTS, reading


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_ordinary_look_alikes_stay_ordinary(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, reading
