"""So-called honour-based abuse told in a text to school, including FGM and forced marriage,
is urgent safeguarding in every language (locales/<lang>/concepts/honour_based_abuse.toml; the
`honour` sign in conversations/safety.py).

Told outright (shame brought on the family, dishonoured, the family's honour); as control, two
signs together (her phone taken because of a boy, her brothers watching her every move, not
allowed out); as a marriage the family has decided for a girl of 14 or 15, engaged to a
cousin back home; or as FGM told sideways ("she'll be cut like her sisters", a special
ceremony for the girls). The replies are written for these tests, not copied from the labelled
rounds.

Look-alikes that must not be urgent: a cousin's wedding abroad in the holidays, a sister's
engagement, a haircut like her sister's, a phone taken for staying up late, an age told beside
an illness."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "her aunties want to take her back home this summer to make her pure, a ceremony",
        "grandma says she must become a proper woman, they will get her done",
        "she brought shame on the family and her brothers are watching her every move",
        "her dad took her phone because of a boy, he says she has dishonoured us",
        "the family have decided, she is engaged to her cousin back home and she is only 15",
        "they are taking her on the summer trip for a special ceremony for the girls",
        "she'll be cut like her sisters when we go back to Somalia",
        "her uncles say she has shamed the family and she is not allowed out of the house",
        "her brothers follow her everywhere since they found out about the boyfriend",
        "they said she has to be punished for the shame she caused",
        "please dont tell her dad I messaged, he says she's disgraced us and he'll deal with it",
        "her uncles found out she has a boyfriend and now she's not allowed to leave the house",
        "they're going to get her married over the summer, she's 14 and crying all the time",
        "my husband's family want to take her to Sudan to get her done like her sisters",
        "she can't come in, her brothers won't let her out since they saw her with a boy",
        "my in-laws say she has ruined our name and they will sort her out when we go to Pakistan",
        "she's terrified, her father found messages from a lad and says she's brought dishonour",
        "please help, they've arranged her rishta and the nikah is at Easter, she's 15",
        "its Amira, please dont call home, my dad said I shamed him and I cant leave the house",
        "I'm being taken to Pakistan in the holidays to marry my cousin and I don't want to",
        "my mother in law says she'll be cut like her sisters when we visit in August",
    ],
    "cy": [
        "mae hi wedi dwyn cywilydd ar y teulu ac mae ei brodyr yn ei gwylio hi drwy'r amser",
        "mae'r teulu wedi penderfynu ei bod hi'n priodi ei chefnder adra, dim ond 15 ydi hi",
        "mi fydd hi'n cael ei thorri fel ei chwiorydd yn yr haf",
        ("mae ei thad wedi cymryd ei ffon achos bachgen, medda fo ei bod hi wedi dwyn gwarth "
         "arnom ni"),
        ("mae ei thad yn deud ei bod hi wedi dwyn gwarth ar y teulu a dydy hi ddim yn cael mynd "
         "allan"),
        "mae'r teulu wedi penderfynu ei bod hi'n dyweddio efo dyn hŷn adra, dim ond 14 ydi hi",
        "mae ei theulu'n deud ei bod hi wedi difetha enw da y teulu",
        "mae ei brodyr yn ei dilyn hi i bob man ac mae hi dan glo yn y ty",
        "mi fydd hi'n cael ei thorri fel ei chwiorydd pan awn ni adra",
        "mae ei thad wedi cymryd ei ffon achos bachgen ac mae hi'n cael ei chadw yn y ty",
    ],
    "pl": [
        "przyniosła wstyd rodzinie, bracia jej pilnują na każdym kroku",
        "rodzina zdecydowała, że wyjdzie za kuzyna w kraju, ma dopiero 15 lat",
        "zaręczyli ją z kuzynem, a ona ma 15 lat",
        "ojciec zabrał jej telefon przez chłopaka i mówi, że zhańbiła rodzinę",
        "przyniosla wstyd rodzinie, bracia jej pilnuja",
        "ojciec mówi, że okryła rodzinę hańbą i nie wolno jej wychodzić z domu",
        "chcą ją wydać za mąż latem, ma 14 lat i ciągle płacze",
        "teściowie mówią, że zniszczyła dobre imię rodziny",
        "ma 15 lat, a rodzina już zaaranżowała jej ślub w Pakistanie",
        "przynosi wstyd rodzinie mowi ojciec i zamknal ja w pokoju",
        "zostanie obrzezana jak jej siostry, kiedy pojedziemy do babci",
        "ojciec zabrał jej telefon przez chłopaka i nie wolno jej wychodzić",
    ],
    "pt": [
        "ela envergonhou a família e os irmãos vigiam-na o tempo todo",
        "a família decidiu que ela vai casar com o primo na terra, tem só 15 anos",
        "vai ser cortada como as irmãs quando formos à Guiné no verão",
        "o pai tirou-lhe o telemóvel por causa de um rapaz, diz que ela desonrou a família",
        "ela trouxe vergonha pra familia, os irmaos vigiam ela",
        "o pai diz que ela desonrou a família e não a deixam sair de casa",
        "querem casá-la no verão, tem 14 anos e chora o tempo todo",
        "os tios dizem que ela manchou o nome da família",
        "tem 15 anos e a família já arranjou o casamento dela",
        "trouxe vergonha a familia diz o pai, fechou-a no quarto",
        "vai ter uma cerimónia especial para as meninas nas férias, como as irmãs",
        "o pai tirou-lhe o telemóvel por causa de um rapaz e não a deixam sair",
    ],
    "ro": [
        "a făcut de rușine familia și frații o păzesc tot timpul",
        "familia a hotărât s-o mărite cu un văr din țară, are doar 15 ani",
        "au logodit-o la 14 ani cu un băiat din satul nostru",
        "tatal i-a luat telefonul din cauza unui baiat, zice ca ne-a facut de rusine",
        "tatăl zice că a dezonorat familia și nu o lasă să iasă din casă",
        "vor s-o mărite vara asta, are 14 ani și plânge mereu",
        "socrii zic că a pătat numele familiei",
        "are 15 ani și familia i-a aranjat deja nunta",
        "ne-a facut de rusine, zice tatal, a inchis-o in camera",
        "va fi tăiată ca surorile ei când mergem în vacanță",
        "tatăl i-a luat telefonul din cauza unui băiat și nu are voie să iasă",
    ],
    "ar": [
        "اخوانها هددوها انهم رح يغسلوا العار بعد ما شافوها مع شب",
        "bayya bi2ol lazem yeghslo el 3ar, w a5adu telefonha",
        "جابت العار للعيلة واخواتها بيراقبوها طول الوقت",
        "العيلة قررت تجوزها لابن عمها في البلد وهي عمرها 15 سنة",
        "اخدوا تليفونها عشان ولد وقالوا فضحتنا",
        "jabat el 3ar lal 3ela w ekhwata bi raqbuha",
        "خطبوها لابن عمها وهي عمرها ١٤",
        "ابوها بيقول انها جابت العار وممنوعة تطلع من البيت",
        "عايزين يجوزوها في الصيف وهي عمرها 14 وبتعيط على طول",
        "abouha bi2oul enha fada7etna w mamnou3a to6la3",
        "عمها بيقول انها وسخت سمعة العيلة",
        "عمرها 15 واهلها رتبوا جوازها في العيد",
        "sawadet wishna, abouha 2afal 3aleha bel ouda",
        "جدتها بتقول هيعملولها طهارة زي اخواتها في الصيف",
        "اخدوا تليفونها عشان ولد وممنوعة تطلع",
        "jabet el 3ar lel 3eila w ekhwetha bi raqbouha",
    ],
    "ur": [
        "Pakistan le ja rahe hain, uski shaadi chacha ke bete se karwa rahe hain, 14 saal ki hai",
        "usne khandan ki izzat kharab kar di, uske bhai har waqt nazar rakhte hain",
        ("ghar walon ne faisla kar liya hai, uski mangni cousin se pakistan mein ho gayi, woh "
         "sirf 15 ki hai"),
        "اس نے خاندان کی عزت خراب کر دی ہے، بھائی اس پر نظر رکھتے ہیں",
        "larke ki wajah se abbu ne phone le liya, kehte hain isne humari naak kata di",
        "abbu kehte hain isne ghar ki izzat mitti mein mila di, ab bahar nahi jane dete",
        "garmiyon mein iski shaadi karwa rahe hain, sirf 14 ki hai aur roti rehti hai",
        "susral wale kehte hain isne khandan ka naam badnaam kar diya",
        "sirf 15 saal ki hai aur unhon ne rishta pakka kar diya",
        "isne humari izzat kharab ki, abbu ne kamre mein band kar diya",
        "garmiyon mein larkiyon ki khaas rasam hogi, behnon ki tarah",
        "larke ki wajah se phone le liya aur bahar nahi jane dete",
        "usne ghar ki izzat mitti mein mila di, bhai us pe nazar rakhte hain",
    ],
    "bn": [
        "ora take Bangladesh niye jacche biye dite, meyer boyosh matro 14",
        "o poribarer shomman nosto koreche, bhaira sob shomoy nojor rakhche",
        "poribar thik koreche deshe chachato bhai er sathe biye hobe, boyosh matro 15",
        "ও পরিবারের সম্মান নষ্ট করেছে, ভাইরা সবসময় নজর রাখে",
        "ekta cheler jonno baba phone niye geche, bole o amader mukh kalo koreche",
        "baba bole o poribarer mukh kalo koreche, ekhon bairer jete dey na",
        "grisher chhutite or biye dite chay, boyosh matro 14, sob shomoy kande",
        "shoshur bari bole o poribarer naam dubiyeche",
        "boyosh matro 15, biye thik kore feleche",
        "o amader mukh kalo koreche, baba ghore atke rekheche",
        "grishmer chhutite meyeder bishesh onushthan hobe, boner moto",
        "cheler jonno phone kere niyeche, bairer jete dey na",
        "o poribarer mukh kalo koreche, bhaira take nojor e rakhe",
    ],
    "pa": [
        "ohnu India lai gaye ne, ohda viah karan lagge ne, 15 saal di hai",
        "ohne parivar di izzat mitti vich mila ditti, bhra ohde te nazar rakhde ne",
        "parivar ne faisla kar leya, pind vich ohda viah cousin naal hovega, oh sirf 15 saal di aa",
        "ਉਸਨੇ ਪਰਿਵਾਰ ਦੀ ਇੱਜ਼ਤ ਮਿੱਟੀ ਵਿੱਚ ਮਿਲਾ ਦਿੱਤੀ",
        "ik munde karke papa ne phone lai leya, kehnde ne isne saadi izzat rol ditti",
        "papa kehnde ne isne ghar di izzat rol ditti, hun bahar nahi jaan dinde",
        "garmiyan ch ohda viah karna chahunde ne, sirf 14 saal di aa te rondi rehndi",
        "sauhre kehnde ne isne parivar da naam badnaam kar ditta",
        "sirf 15 saal di aa te rishta pakka kar ditta",
        "isne izzat rol ditti, papa ne kamre ch band kar ditti",
        "garmiyan vich kudiyan di khaas rasam hovegi, bhainan vang",
        "munde karke phone lai leya te bahar nahi jaan dinde",
        "ohne ghar di izzat mitti vich rol ditti, bhra nazar rakhde ne",
    ],
    "so": [
        "qoyska ayay ceeb ku keentay, walaalaheed ayaa ilaalinaya mar walba",
        "qoyskii ayaa go'aansaday in loo guuriyo ina adeerkeed dalka, waa 15 jir",
        "waa la gudi doonaa sida walaalaheed markaan dalka tagno",
        "aabaheed ayaa taleefanka ka qaaday wiil dartiis, wuxuu leeyahay qoyska ayay ceebaysay",
        "aabaheed wuxuu leeyahay qoyska ayay ceebaysay, looma ogola inay baxdo",
        "xagaaga ayay rabaan in la guursiiyo, waa 14 jir oo way ooyaysaa",
        "qoyska aabaheed waxay yiraahdeen magaca qoyska ayay xumaysay",
        "waa 15 jir, qoyskiina guurkeeda ayay go'aansadeen",
        "ceeb ayay ku keentay qoyska, aabaheed qolka ayuu ku xiray",
        "fasaxa xagaaga xaflad gaar ah ayaa gabdhaha loo sameyn doonaa sida walaalaheed",
        "wiil dartiis taleefanka ayaa laga qaaday, looma ogola inay baxdo",
    ],
    "lt": [
        "ji užtraukė gėdą šeimai, broliai ją nuolat seka",
        "šeima nusprendė ištekinti ją už pusbrolio tėvynėje, jai tik 15",
        "tėvas atėmė telefoną dėl vaikino, sako kad ji sugėdino šeimą",
        "ji uztrauke geda seimai, broliai ja seka",
        "tėvas sako, kad ji sugėdino šeimą ir neleidžia išeiti iš namų",
        "nori ją ištekinti vasarą, jai tik 14 ir ji verkia",
        "giminės sako, kad ji suteršė šeimos vardą",
        "jai tik 15, o šeima jau suorganizavo jos vestuves",
        "ji uztrauke geda seimai, tevas uzdare ja kambaryje",
        "bus apipjaustyta kaip jos seserys, kai nuvažiuosim vasarą",
        "tėvas atėmė telefoną dėl vaikino ir neleidžia išeiti",
    ],
    "es": [
        "ha traído vergüenza a la familia y sus hermanos la vigilan todo el tiempo",
        "la familia ha decidido que se casa con su primo en el pueblo, solo tiene 15 años",
        "le quitaron el móvil por un chico y dicen que ha deshonrado a la familia",
        "la van a cortar como a sus hermanas cuando vayamos a Gambia",
        "su padre dice que ha deshonrado a la familia y no la dejan salir de casa",
        "la quieren casar este verano, tiene 14 años y llora todo el tiempo",
        "sus tíos dicen que ha manchado el nombre de la familia",
        "tiene 15 años y la familia ya le ha arreglado la boda",
        "nos ha avergonzado dice su padre y la encerro en su cuarto",
        "habrá una ceremonia especial para las niñas en el viaje de verano, como a sus hermanas",
        "le quitaron el móvil por un chico y no la dejan salir",
    ],
}

NOT_URGENT = {
    "en": [
        "I'll make her clean her room when she gets back from the dentist",
        "she's off, we're at a naming ceremony for her cousin in Birmingham",
        "we are going to her cousin's wedding in Pakistan over the holidays",
        "her sister's engagement party was last night so she's tired",
        "she's ashamed she failed her test, she has a headache",
        "I took her phone because she was on it all night, she has a cold",
        "she is not allowed out while she has chickenpox",
        "her sister got engaged to her boyfriend at the weekend",
        "we're at her cousin's engagement in Pakistan, back on the 3rd",
        "she's getting her hair cut like her sister's after school",
        "ceremony for the girls football team tonight so she's tired",
        "she is 15 and has a temperature",
        "her cousin is getting married in Bangladesh, we fly Friday, back on the 12th",
        "she's not allowed out this week because she has chickenpox",
        "she has a special ceremony at church on Sunday, her confirmation",
        ("I took her phone because she was on it all night, she's grounded and not allowed out "
         "this weekend, she has a cold today"),
    ],
    "cy": [
        "rydan ni'n mynd i briodas ei chefnder dramor yn y gwyliau",
        "mae hi'n cael torri ei gwallt fel ei chwaer",
        "mae ei chwaer wedi dyweddio, parti neithiwr",
    ],
    "pl": [
        "jedziemy na wesele kuzyna za granicą w ferie",
        "wstyd mi, zapomniałam napisać, ma katar",
        "zabrałam jej telefon bo siedziała do nocy, ma katar",
        "siostra się zaręczyła, była impreza",
        "imię rodziny w formularzu jest złe, proszę poprawić",
        "zabrałam jej telefon bo siedziała do nocy, nie wolno jej wychodzić w weekend, ma katar",
    ],
    "pt": [
        "vamos ao casamento do primo no Brasil nas férias",
        "tirei-lhe o telemóvel porque ficou acordada, está com febre",
        "a irmã ficou noiva no fim de semana",
    ],
    "ro": [
        "mergem la nunta verișorului în România în vacanță",
        "i-am luat telefonul că a stat trează, are febră",
        "sora ei s-a logodit sâmbătă",
    ],
    "ar": [
        "اخواتها بيحكوا عنها لأنها حطت صورة على الانستا، عيب عليها",
        "رايحين عرس ابن عمها في البلد في الإجازة",
        "اخدت تليفونها عشان سهرت، عندها حرارة",
        "اختها اتخطبت امبارح",
    ],
    "ur": [
        "hum kal Pakistan ja rahe hain mamu ki shaadi hai, 2 hafte baad wapas",
        "chuttiyon mein cousin ki shaadi pe pakistan ja rahe hain",
        "behen ki mangni thi kal, thak gayi hai",
        "phone le liya kyunke raat bhar jagti rahi, bukhar hai",
        "cousin ki shaadi hai lahore mein, agle hafte wapas",
        "shaadi ki khaas rasam hai kal, chutti chahiye",
        "raat bhar phone pe thi is liye phone le liya, bukhar hai",
    ],
    "bn": [
        "amra Bangladesh jacchi chachar biye, ek soptaho por firbo",
        "chhutite deshe cousin er biye te jacchi",
        "boner biye chilo kal, klanto",
        "phone niye niyechi karon raat jege chilo, jor ache",
    ],
    "pa": [
        "asi India ja rahe haan chacha ji da viah hai, agle hafte wapas",
        "chuttiyan ch india cousin de viah te ja rahe haan",
        "bhain di mangni si kal, thaki hoi aa",
        "munde karke late ho gaye, bus nikal gayi",
    ],
    "so": [
        "fasaxa aroos ina adeerkeed ayaan u aadaynaa dibadda",
        "walaasheed arooskeeda ayaa shalay ahaa, way daallan tahay",
        "taleefanka ayaan ka qaaday, way jirantahay",
        "magaca qoyska waa Cali, waan ka xumahay dib u dhaca",
    ],
    "lt": [
        "atostogų metu važiuojame į pusbrolio vestuves užsienyje",
        "sesuo susižadėjo savaitgalį",
        "atėmiau telefoną nes naktį nemiegojo, karščiuoja",
    ],
    "es": [
        "vamos a la boda de su primo en Marruecos en vacaciones",
        "le quité el móvil porque estuvo despierta toda la noche, tiene fiebre",
        "su hermana se comprometió el sábado",
        "vamos a la boda de mi prima en Ecuador, volvemos el lunes",
        "le quité el móvil por estar despierta toda la noche y no la dejo salir, tiene fiebre",
    ],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_honour_based_abuse_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_weddings_engagements_and_strict_homes_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
    assert all(len(texts) >= 2 for texts in TOLD.values())
