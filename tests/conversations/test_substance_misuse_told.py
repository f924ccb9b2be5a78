"""Substance misuse told by a family, urgent in every language
(locales/<lang>/concepts/substance_misuse.toml): the child came home out of it or high, pills
or powder found that nobody prescribed, so drunk we couldn't wake her, taken to hospital after
taking something at a party, nitrous canisters, a drink spiked.
"Couldn't wake her" is a sign beside drink or drugs (`drink`), never urgent alone.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: paracetamol for period pain, tablets from the doctor, "out
of it" with the flu, laughing gas at the dentist, a child too tired to wake."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "he came home completely out of it last night",
        "found pills in her room that aren't prescribed",
        "she was so drunk we couldn't wake her",
        "he was taken to hospital after taking something at a party",
        "found loads of nitrous canisters in his room",
        "she took some tablets a friend gave her and was sick all night",
        "he was spiked at a party and ended up in A&E",
        "he's been selling his things and I think it's for drugs",
        "she came back from the party and was throwing up and didn't know where she was",
        "I found little bags with powder in his jacket",
        "he smells of weed all the time and his grades have dropped",
        "she's drinking every weekend with older friends",
        "we had to call an ambulance, he'd taken something",
        "hes been smoking weed before school every day",
        "found a bong in her wardrobe",
        "he came home and his eyes were red and he was giggling, stinking of skunk",
        "she mixed alcohol and pills at a sleepover",
        "I think she's using drugs, I found some in her room",
    ],
    "cy": [
        "daeth o adra yn hollol allan ohoni neithiwr",
        "roedd hi mor feddw doedden ni ddim yn gallu ei deffro",
        "aeth o i'r ysbyty ar ol cymryd rhywbeth mewn parti",
        "roedd rhaid galw ambiwlans, roedd o wedi cymryd rhywbeth",
        "mae hi wedi bod yn yfed fodca efo ffrindiau hŷn ac wedi llewygu",
        "mae o'n smocio canabis bob bore cyn ysgol",
        "daeth y ferch adra o'r parti wedi meddwi'n gaib ac yn anymwybodol",
        "dwi'n meddwl ei fod o'n cymryd cyffuriau, dwi wedi ffeindio rhai yn ei stafell",
    ],
    "pl": [
        "wrocil do domu kompletnie nacpany",
        "znalazłam u niej jakieś tabletki, nie wiem skąd",
        "trafił do szpitala po tym jak coś wziął na imprezie",
        "musieliśmy wezwać karetkę, coś wziął",
        "upił się do nieprzytomności na imprezie",
        "znalazłam woreczek z białym proszkiem w jego kurtce",
        "codziennie przed szkołą pali trawkę",
        "córka wróciła z imprezy pijana i nieprzytomna",
        "chyba bierze narkotyki, znalazłam coś w jego pokoju",
    ],
    "pt": [
        "chegou a casa completamente drogado",
        "foi parar ao hospital depois de tomar alguma coisa numa festa",
        "encontrei capsulas de gas hilariante no quarto dele",
        "tivemos de chamar uma ambulância, ele tinha tomado alguma coisa",
        "bebeu até desmaiar numa festa",
        "encontrei um saquinho com pó branco no casaco dele",
        "fuma charros todos os dias antes da escola",
        "a minha filha voltou da festa bêbada e inconsciente",
        "acho que anda a drogar-se, encontrei coisas no quarto dele",
    ],
    "ro": [
        "a venit acasa complet drogat",
        "a ajuns la spital după ce a luat ceva la o petrecere",
        "era atât de beată că nu o puteam trezi",
        "a trebuit să chemăm ambulanța, luase ceva",
        "a băut până a leșinat la o petrecere",
        "am găsit o pungă cu praf alb în geaca lui",
        "fumează iarbă în fiecare zi înainte de școală",
        "fiica mea a venit de la petrecere beată și inconștientă",
        "cred că se droghează, am găsit ceva în camera lui",
    ],
    "ar": [
        "رجع البيت مسطول خالص",
        "كانت سكرانة لدرجة ما قدرناش نصحيها",
        "دخل المستشفى بعد ما أخد حاجة في حفلة",
        "rege3 el beit mastool",
        "اضطرينا نطلب الإسعاف، كان واخد حاجة",
        "شرب لحد ما أغمى عليه في حفلة",
        "لقيت كيس فيه بودرة بيضا في الجاكيت بتاعه",
        "كل يوم بيشرب حشيش قبل المدرسة",
        "bnti rej3at sakrane mn el 7afle w ma 2dirna nfayi2ha",
        "la2eit 7boob bi ghorfet ibni mish elo",
        "شاكة انه بيتعاطى مخدرات، لقيت حاجات في أوضته",
    ],
    "ur": [
        "woh raat ko nashe mein dhut ghar aaya",
        "uske kamre se goliyan mili hain jo doctor ne nahi di",
        "وہ نشے میں گھر آیا",
        "ambulance bulani pari, usne kuch le liya tha",
        "party mein itni sharab pi ke behosh ho gaya",
        "uski jacket mein safed powder ki thaili mili",
        "woh roz school se pehle weed peeta hai",
        "beti party se nashe mein aayi, hosh nahi tha",
        "bete ke kamre se ajeeb goliyan mili hain",
        "mujhe lagta hai woh nasha karta hai, kamre mein kuch mila",
    ],
    "bn": [
        "o raate nesha kore bari ashche",
        "party te kichu niyeche, hospital e nite hoyeche",
        "ও নেশা করে বাড়ি এসেছে",
        "ambulance dakte hoyeche, o kichu kheyechilo",
        "party te eto mod kheyeche je okggan hoye geche",
        "or jacket e sada powder er packet peyechi",
        "o protidin school er age ganja khay",
        "meye party theke mod kheye fireche, hush chilo na",
        "cheler ghore odbhut pills peyechi",
        "mone hoy o nesha kore, ghore kichu peyechi",
    ],
    "pa": [
        "oh raat nu nashe ch ghar aaya",
        "ohde kamre ch goliyan miliyan jo doctor ne nahi dittiyan",
        "ਉਹ ਨਸ਼ੇ ਵਿੱਚ ਘਰ ਆਇਆ",
        "ambulance bulauni payi, ohne kuch lai leya si",
        "party ch inni sharab peeti ke behosh ho gaya",
        "ohdi jacket ch chitte powder di thaili mili",
        "oh roz school ton pehla weed peenda",
        "kudi party ton nashe ch aayi, hosh nahi si",
        "munde de kamre ch ajeeb goliyan miliyan",
        "mainu lagda oh nasha karda, ohde kamre ch milya",
    ],
    "so": [
        "wuxuu guriga yimid isagoo daroogo cabbay",
        "cisbitaalka ayaa la geeyay kadib markuu wax ku qaatay xaflad",
        "way sakhraantay oo ma aanan toosin karin",
        "waxaan u yeernay ambalaas, wax buu qaatay",
        "xaflad ayuu khamri ku cabbay ilaa uu miyir beelay",
        "jaakadiisa ayaan ka helay bac yar oo budo cad ah",
        "maalin walba xashiish ayuu cabbaa dugsiga ka hor",
        "gabadhaydu xafladda ayay ka timid iyadoo sakhraan ah",
        "wuxuu isticmaalaa daroogo, waxaan ka helay qolkiisa",
    ],
    "lt": [
        "grizo namo visiskai apsineses",
        "savaitgali kazko prisivartojo su draugais, bijau",
        "draugai ja parvede be samones, kazko prisigere",
        "atsidūrė ligoninėje kai kažko išgėrė vakarėlyje",
        "teko kviesti greitąją, jis kažko pavartojo",
        "vakarėlyje prisigėrė iki sąmonės netekimo",
        "radau jo striukėje maišelį su baltais milteliais",
        "kasdien prieš mokyklą rūko žolę",
        "dukra grįžo iš vakarėlio girta, be sąmonės",
        "manau jis vartoja narkotikus, radau jo kambaryje",
    ],
    "es": [
        "llegó a casa completamente colocado",
        "acabó en urgencias después de tomar algo en una fiesta",
        "estaba tan borracha que no podiamos despertarla",
        "tuvimos que llamar a una ambulancia, se había tomado algo",
        "bebió hasta desmayarse en una fiesta",
        "encontré una bolsita con polvo blanco en su chaqueta",
        "fuma porros todos los días antes de clase",
        "mi hija volvió de la fiesta borracha y sin conocimiento",
        "creo que se está drogando, encontré algo en su cuarto",
    ],
}

NOT_URGENT = {
    "en": ["she took paracetamol for her period pain", "she's completely out of it with the flu",
           "we couldn't wake him this morning, he's exhausted after the trip",
           "she feels better after taking something for the pain but still off"],
    "cy": ["cymerodd hi barasetamol am boen mislif", "mae hi allan ohoni efo'r ffliw"],
    "pl": ["zemdlała w szkole bo nie zjadła śniadania, jest słaba",
           "wzięła paracetamol na ból brzucha przy okresie", "coś wziął na ból głowy i śpi"],
    "pt": ["tomou paracetamol por causa das dores menstruais",
           "vai ao dentista e vão usar gás hilariante no dentista"],
    "ro": ["a luat paracetamol pentru durerile de la menstruație"],
    "ar": ["اخدت باراسيتامول عشان وجع الدورة", "ما قدرناش نصحيها الصبح من التعب"],
    "ur": ["beti party se thak kar aayi, sir dard hai",
           "period ke dard ke liye paracetamol li hai", "doctor ne goliyan di hain bukhar ki"],
    "bn": ["period er byathar jonno paracetamol kheyeche", "party te kichu kheye pet kharap"],
    "pa": ["period de dard layi paracetamol layi"],
    "so": ["waxay qaadatay paracetamol xanuunka caadada"],
    "lt": ["išgėrė paracetamolio nuo mėnesinių skausmo",
           "negalėjom jos prižadinti ryte, labai pavargusi",
           "jis nualpo mokykloje, buvo be samones minute, dabar guli",
           "prisigėrė vandens per treniruotę ir pilvą skauda"],
    "es": ["se droga de series toda la noche jaja, hoy está malo",
           "mi hija volvió de la fiesta cansada y con dolor de cabeza",
           "se desmayó por la fiebre, está en casa",
           "tomó paracetamol por el dolor de regla",
           "se siente mejor después de tomar algo caliente"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_substance_misuse_told_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_painkillers_flu_and_tired_children_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
