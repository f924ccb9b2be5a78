"""A child who runs away from home, or keeps going missing and coming back, is urgent in every
language (locales/<lang>/concepts/running_away.toml): missing while gone, safeguarding once
back, as a safeguarding lead files repeat missing.

A bag packed and gone in the night, a note saying "don't look for me", nights at strangers'
houses, out through the bedroom window, "ran off again last night, came back this morning"
(back now, and still urgent). The replies are written for these tests, not copied from the
labelled rounds.

Look-alikes that must not be urgent: "she ran to catch the bus and fell", a bag packed for the
school trip or for a weekend at her nan's, a missed bus."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

RAN_AWAY = {
    "en": [
        "she packed a bag and went last night, her phone is off",
        "he left a note saying don't look for me",
        "she's been sleeping at people's houses we don't know, she won't come home",
        "ran off again last night, came back this morning, this is the third time",
        "he took his stuff and went after a row, I don't know who he's with",
        "she keeps going off for days and coming back like nothing happened",
        "he's been stopping out at strangers' flats",
        "she climbed out of her window in the night and only came back at 6",
        "she went out saying she was going to the shop and only came back two days later",
        "he stormed off with a rucksack after we argued and hasn't been back",
        "this is the fourth time this month she's disappeared overnight",
        "she says she's going to leave home and never come back, she's got a bag ready",
        "he keeps running away from his foster placement",
        "she's taken off again, third night this week she hasn't slept here",
        "he went out the back door at midnight with his coat and bag, we've rung the police",
        "I'm not going home tonight, I'm staying at a mate's place, don't tell my mum",
        "I ran away last night and I'm at my boyfriend's, he's 24",
    ],
    "cy": [
        "mae hi wedi pacio bag a mynd neithiwr",
        "mi adawodd o nodyn yn deud peidiwch chwilio amdana i",
        "mi redodd i ffwrdd eto neithiwr, daeth yn ôl bore ma",
        "mae hi wedi diflannu dros nos eto, y pedwerydd tro",
        "mae o wedi pacio bag a mynd ar ôl ffrae",
        "mae hi wedi diflannu eto, y drydedd noson yr wythnos yma",
        "mi aeth o allan drwy'r drws cefn ganol nos efo'i fag",
        "dwi ddim yn mynd adra heno, peidiwch deud wrth mam",
    ],
    "pl": [
        "spakowała torbę i poszła w nocy",
        "zostawił kartkę żeby go nie szukać",
        "znowu uciekła w nocy, wróciła rano",
        "nocuje u obcych ludzi, nie chce wrócić do domu",
        "znowu uciekła z domu, czwarty raz w tym miesiącu",
        "spakował się i wyszedł po kłótni, nie wrócił",
        "znowu zniknęła, trzecia noc w tym tygodniu poza domem",
        "wyszedł tylnymi drzwiami o północy z plecakiem",
        "uciekłam w nocy i jestem u chłopaka, ma 24 lata",
    ],
    "pt": [
        "fez a mala e foi embora ontem à noite",
        "deixou um bilhete a dizer para não o procurarmos",
        "fugiu outra vez ontem à noite, voltou de manhã",
        "anda a dormir em casa de estranhos",
        "fugiu outra vez de casa, é a quarta vez este mês",
        "fez a mala e foi embora depois de uma discussão",
        "desapareceu outra vez, terceira noite esta semana fora de casa",
        "saiu pela porta das traseiras à meia-noite com a mochila",
        "fugi ontem à noite e estou em casa do meu namorado, ele tem 24 anos",
    ],
    "ro": [
        "și-a făcut bagajul și a plecat aseară",
        "a lăsat un bilet să nu-l căutăm",
        "a fugit iar aseară, s-a întors dimineață",
        "doarme la străini, nu vrea să vină acasă",
        "a fugit iar de acasă, a patra oară luna asta",
        "și-a făcut bagajul și a plecat după o ceartă",
        "a dispărut iar, a treia noapte săptămâna asta când nu doarme acasă",
        "a ieșit pe ușa din spate la miezul nopții cu rucsacul",
        "am fugit aseară și sunt la prietenul meu, are 24 de ani",
    ],
    "ar": [
        "حضرت شنطتها ومشيت امبارح بالليل",
        "ساب ورقة بيقول ما تدوروش عليا",
        "هربت تاني امبارح ورجعت الصبح",
        "بتبات عند ناس ما نعرفهمش",
        "harbet tani embare7 w reg3et el sob7",
        "هربت تاني من البيت، رابع مرة الشهر ده",
        "حضر شنطته ومشي بعد خناقة",
        "اختفت تاني، تالت ليلة الاسبوع ده ما بتباتش في البيت",
        "خرج من الباب الورا نص الليل بشنطته",
        "هربت امبارح وانا عند صاحبي عمره 24",
        "harbet men el beit tani w reg3et el sob7",
    ],
    "ur": [
        "usne bag pack kiya aur raat ko chali gayi",
        "parchi chhor gaya ke mujhe mat dhoondna",
        "kal raat phir bhaag gayi thi, subah wapas aayi",
        "ajnabi logon ke ghar so rahi hai",
        "رات کو پھر بھاگ گئی تھی، صبح واپس آئی",
        "phir ghar se bhaag gayi, is mahine chauthi baar",
        "jhagre ke baad bag pack kiya aur chala gaya",
        "phir ghayab ho gayi, is hafte teesri raat ghar nahi soyi",
        "aadhi raat ko bag le ke peeche ke darwaze se nikal gaya",
        "main kal raat ghar se bhaag gayi, boyfriend ke paas hoon, woh 24 ka hai",
        "kal raat phir se ghar se bhag gayi thi, subah aayi",
    ],
    "bn": [
        "o bag gochiye rate chole geche",
        "chithi rekhe geche amake khujo na",
        "kal rate abar paliye gechilo, shokale fireche",
        "ochena loker barite ghumacche",
        "কাল রাতে আবার পালিয়ে গিয়েছিল, সকালে ফিরেছে",
        "abar bari theke paliye geche, ei mashe char bar",
        "jhogra r por bag gochhiye chole geche",
        "abar gayeb hoye geche, ei shoptahe tin nombor raat bari te ghumay ni",
        "madhya rate bag niye pichoner dorja diye beriye geche",
        "ami kal rate bari theke paliye boyfriend er kache, or boyosh 24",
        "kal rate abar bari theke paliye gechilo, shokale fireche",
    ],
    "pa": [
        "ohne bag pack kita te raat nu chali gayi",
        "parchi chhad gaya ke mainu na labhna",
        "kal raat fer bhaj gayi si, savere vapas aayi",
        "anjaan lokan de ghar sondi aa",
        "ਕੱਲ੍ਹ ਰਾਤ ਫੇਰ ਭੱਜ ਗਈ ਸੀ, ਸਵੇਰੇ ਵਾਪਸ ਆਈ",
        "fer ghar ton bhaj gayi, is mahine chauthi vaar",
        "ladai ton baad bag pack kita te chala gaya",
        "fer gayab ho gayi, is hafte teeji raat ghar nahi soyi",
        "adhi raat nu bag lai ke pichle darwaze ton nikal gaya",
        "main kal raat ghar ton bhaj gayi, boyfriend kol haan, oh 24 da",
        "kal raat fer ghar ton bhaj gayi si, savere aayi",
    ],
    "so": [
        "boorsadeeda ayay diyaarsatay oo xalay ayay tagtay",
        "warqad ayuu ka tagay oo leh ha i raadinina",
        "xalay mar kale ayay carartay, subaxii ayay soo noqotay",
        "dad aanan aqoon ayay u seexataa",
        "mar kale ayay guriga ka carartay, afraad jeer bishan",
        "dood kadib boorsadiisa diyaarsaday oo tagay",
        "mar kale ayay baaba'day, habeenkii saddexaad todobaadkan guriga ma seexan",
        "saqdii dhexe ayuu albaabka dambe ka baxay boorsadiisa",
        "xalay guriga ayaan ka cararay, saaxiibkay ayaan la joogaa, waa 24 jir",
    ],
    "lt": [
        "susikrovė kuprinę ir išėjo naktį",
        "paliko raštelį kad jo neieškotume",
        "vėl pabėgo naktį, grįžo ryte",
        "miega pas nepažįstamus žmones",
        "vėl pabėgo iš namų, ketvirtą kartą šį mėnesį",
        "po barnio susikrovė kuprinę ir išėjo",
        "vėl dingo, trečia naktis šią savaitę ne namie",
        "išėjo pro galines duris vidurnaktį su kuprine",
        "naktį pabėgau ir esu pas vaikiną, jam 24",
    ],
    "es": [
        "hizo la maleta y se fue anoche",
        "dejó una nota diciendo que no lo busquemos",
        "se escapó otra vez anoche, volvió esta mañana",
        "está durmiendo en casa de desconocidos",
        "se escapó otra vez de casa, cuarta vez este mes",
        "hizo la mochila y se fue después de una pelea",
        "se ha vuelto a ir, tercera noche esta semana que no duerme en casa",
        "salió por la puerta de atrás a medianoche con la mochila",
        "me escapé anoche y estoy en casa de mi novio, tiene 24",
    ],
}

NOT_URGENT = {
    "en": [
        "she ran to catch the bus and fell, she hurt her knee",
        "he went off the pitch with a sore ankle",
        "she packed a bag for the school trip",
        "we're running away to the seaside for the weekend lol, back monday",
        "she packed a bag and went to her nan's for the weekend, back monday",
        "he ran out of the house because he was late for the bus",
        "she went to the shop and came back with a headache",
        "she's taken off her plaster cast today, back tomorrow",
        "she went to her nan's after school and came back at 7 with a cough",
        "please dont tell my mum, I overslept and missed the bus, I'm panicking",
        "I'm staying at a mate's tonight, will be in tomorrow",
    ],
    "cy": [
        "mi redodd i ddal y bws a disgyn, mae ei phen-glin yn brifo",
    ],
    "pl": [
        "biegła na autobus i upadła, boli ją kolano",
        "uciekł mu autobus, będzie później",
    ],
    "pt": [
        "correu para apanhar o autocarro e caiu, magoou o joelho",
    ],
    "ro": [
        "a alergat după autobuz și a căzut, o doare genunchiul",
    ],
    "ar": [
        "جريت عشان تلحق الباص ووقعت، ركبتها بتوجعها",
        "بتتكسف مع ناس غرب، بس النهارده عندها برد",
        "3andha sokhoneya w mesh hatigi el naharda",
    ],
    "ur": [
        "bus pakarne ke liye bhaagi aur gir gayi, ghutne mein dard hai",
        "bag pack kiya hai school trip ke liye",
        "bukhar hai, aaj ghar pe rahegi",
    ],
    "bn": [
        "bus dhorte giye dourate giye pore geche, hatute betha",
        "jor ache, aj bari te thakbe",
    ],
    "pa": [
        "bus fadan layi bhaji te dig payi, godde ch dard aa",
        "bukhar aa, ajj ghar rahegi",
    ],
    "so": [
        "waxay u ordday baska oo way dhacday, jilibka ayaa xanuunaya",
    ],
    "lt": [
        "bėgo į autobusą ir pargriuvo, skauda kelį",
        "sesuo vėl išvyko į Vilnių, grįš sekmadienį",
    ],
    "es": [
        "corrió para coger el autobús y se cayó, le duele la rodilla",
        "salió corriendo al autobús y se le olvidó la mochila",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in RAN_AWAY.items() for t in ts])
def test_running_away_and_repeat_missing_are_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent
    assert reading.intent in (Intent.WHEREABOUTS_UNKNOWN, Intent.SAFEGUARDING)


def test_back_after_running_off_again_is_still_urgent() -> None:
    reading = classify("ran off again last night, came back this morning", lexicons=LEXICONS,
                       language_hint="en")
    assert reading.urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_running_for_a_bus_and_bags_for_a_trip_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(RAN_AWAY) == set(NOT_URGENT) == set(LEXICONS.languages)
    assert all(len(texts) >= 2 for texts in RAN_AWAY.values())
