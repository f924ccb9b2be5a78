"""Domestic abuse told to the school is urgent safeguarding in every language (issue 14:
urgent recall on replies nobody tuned for; KCSIE category "domestic abuse"; the words are in
`locales/<lang>/concepts/domestic_abuse.toml`).

A parent tells it, often sideways or in fear: the police round again, the house smashed up,
a refuge, hurt in front of the children, fleeing with them in the night, not allowed to leave
the house, the phone taken, a threat to kill if she leaves. The replies are written for these
tests, not copied from the labelled rounds.

The look-alikes are ordinary: the police giving a talk at school, a film about it in a lesson,
a car smashed in a car park, a partner working away, a fight at the football."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

DOMESTIC_ABUSE_TOLD = {
    "en": [
        "the police were round again last night",
        "he smashed the house up and the kids saw it",
        "we're in a refuge now, please don't give anyone our details",
        "my partner hurt me in front of the kids",
        "I had to run with the children in the middle of the night",
        "he won't let me leave the house",
        "he takes my phone and won't let me see anyone",
        "my ex turned up and kicked the door in",
        "he put his hands round my throat",
        "there was a big fight at home, the kids were hiding upstairs",
        "we're staying at my sister's, I can't go back to him",
        "dad hits mum",
        "my mum's boyfriend beats her up",
        "he controls all the money and I can't buy food for the kids",
        "we had to leave the house with nothing, he was going to hurt us",
        "he said he'd kill me if I left",
        "things got out of hand at home last night, the kids saw everything",
        "my husband gets angry and the kids have to hide in their room",
        "we had to stay at my mum's, he turned up drunk and tried to get in",
        "please don't tell her dad where we are living now",
        "I'm scared to go home, he said if I ever tell anyone he'll hurt the kids",
        "he's been following me and turning up outside the school",
        "I'm Zara, mum's boyfriend keeps hurting mum and I'm scared",
        "please don't say I told you, but the police keep coming to their house",
        "mum's partner pushed her and she hit her head on the table, the kids were there",
        "my husband beats me in front of the kids",
        "he broke my nose last week and I'm scared he'll come to the school",
        "I've got a non mol against him but he keeps turning up",
        "he smashed my phone so I couldn't call anyone, the kids were crying",
        "we've moved into a women's shelter, please keep our address private",
        "he strangled me last night, the kids were in the next room",
        "dad's been arrested again for hitting mum",
        "mum and her boyfriend were fighting all night and the police came",
    ],
    "cy": [
        "roedd yr heddlu yma eto neithiwr",
        "mi wnaeth o falu'r tŷ yn racs o flaen y plant",
        "rydan ni mewn lloches rŵan",
        "mae fy mhartner wedi fy mrifo i o flaen y plant",
        "dydy o ddim yn gadael i mi adael y tŷ",
        "mi ddeudodd o y basa fo'n fy lladd i taswn i'n gadael",
        "mae o'n gwylltio ac mae'r plant yn gorfod cuddio yn eu stafell",
        "peidiwch deud wrth ei thad lle rydan ni'n byw rŵan",
        "mae fy ngŵr yn fy nharo i o flaen y plant",
        "mae'r heddlu wedi bod acw eto, mae o wedi malu popeth",
        "dan ni wedi gorfod gadael y tŷ efo'r plant ganol nos",
    ],
    "pl": [
        "policja znowu była u nas w nocy",
        "rozwalił całe mieszkanie na oczach dzieci",
        "jesteśmy teraz w schronisku dla kobiet",
        "nie pozwala mi wychodzić z domu, zabiera mi telefon",
        "powiedział że mnie zabije jak odejdę",
        "musiałam uciekać z dziećmi w nocy",
        "mąż się wścieka a dzieci muszą się chować w pokoju",
        "proszę nie mówić ojcu gdzie teraz mieszkamy",
        "mąż mnie bije przy dzieciach",
        "mamy zakaz zbliżania się, ale on ciągle przychodzi",
    ],
    "pt": [
        "a polícia esteve cá outra vez ontem à noite",
        "ele partiu a casa toda à frente dos miúdos",
        "estamos numa casa abrigo",
        "o meu companheiro magoou-me à frente das crianças",
        "ele não me deixa sair de casa",
        "disse que me matava se eu o deixasse",
        "tive de fugir com os meus filhos de madrugada",
        "o meu marido fica furioso e os miúdos têm de se esconder no quarto",
        "por favor não digam ao pai onde estamos a morar agora",
        "o meu marido bate-me à frente dos miúdos",
        "tenho uma ordem de afastamento mas ele continua a aparecer",
    ],
    "ro": [
        "a fost poliția iar la noi aseară",
        "a făcut praf casa în fața copiilor",
        "suntem într-un adăpost pentru victime",
        "nu mă lasă să ies din casă",
        "a zis că mă omoară dacă plec",
        "a trebuit să fug cu copiii noaptea",
        "soțul se enervează și copiii trebuie să se ascundă în cameră",
        "vă rog nu-i spuneți tatălui unde locuim acum",
        "soțul mă bate în fața copiilor",
        "am ordin de protecție dar tot vine la noi",
    ],
    "es": [
        "la policía vino otra vez anoche",
        "destrozó la casa delante de los niños",
        "estamos en una casa de acogida",
        "mi pareja me hizo daño delante de los niños",
        "no me deja salir de casa",
        "dijo que me mataría si lo dejaba",
        "tuve que huir con los niños de madrugada",
        "mi marido se pone violento y los niños tienen que esconderse en su cuarto",
        "por favor no le digan a su padre dónde vivimos ahora",
        "mi marido me pega delante de los niños",
        "tengo una orden de alejamiento pero sigue apareciendo",
    ],
    "ar": [
        "اجت الشرطة مرة تانية مبارح بالليل",
        "كسر البيت كله قدام الولاد",
        "نحنا هلق بدار ايواء للنساء",
        "ما بيخليني اطلع من البيت",
        "قال رح يقتلني اذا تركته",
        "el shorta ejet marra tanye mbare7",
        "هربت مع الولاد بالليل",
        "جوزي بيعصب والولاد لازم يتخبوا بغرفتهم",
        "من فضلكم لا تقولوا لأبوه وين ساكنين هلق",
        "جوزي بيضربني قدام الولاد",
        "el bolice eja mbare7 kaman marra, kasar kel shi bel bet",
        "jozi darabni odam el wlad",
    ],
    "ur": [
        "police phir se aayi thi kal raat",
        "usne bachon ke saamne ghar ki har cheez tor di",
        "hum abhi shelter mein hain",
        "mere shohar ne bachon ke saamne mujhe maara",
        "woh mujhe ghar se bahar nahi jaane deta",
        "kehta hai agar chhor ke gayi to maar dunga",
        "وہ مجھے گھر سے باہر نہیں جانے دیتا",
        "shohar ko gussa aata hai aur bachay kamre mein chhup jaate hain",
        "please uske abbu ko mat batana hum ab kahan rehte hain",
        "husband bohat maarta hai, bachon ke saamne bhi",
        "police aayi thi raat ko phir se, mere miyan ne hungama kiya",
        "woh kehta hai agar kisi ko bataya to bachay le jayega",
        "shohar bachon ke saamne maarta hai",
    ],
    "bn": [
        "police abar ashche kal raate",
        "bachchader shamne shob bhenge chure felche",
        "amra ekhon ekta shelter e achi",
        "amake bashar baire jete dey na",
        "bolche chole gele mere felbe",
        "আমাকে বাসার বাইরে যেতে দেয় না",
        "amar shami rege gele bachchara ghore lukiye thake",
        "please or abba ke bolben na amra ekhon kothay thaki",
        "amar shami amake mare bachchader shamne",
        "police abar eshechilo, o shob bhenge feleche",
        "shami amake mare, bachchara dekhe",
    ],
    "pa": [
        "police fer aayi si kal raat",
        "ohne bacheyan de saamne saara ghar tod ditta",
        "asi hun shelter ch haan",
        "oh menu ghar ton bahar nahi jaan dinda",
        "kehnda je chhad ke gayi ta maar davanga",
        "ਉਹ ਮੈਨੂੰ ਘਰੋਂ ਬਾਹਰ ਨਹੀਂ ਜਾਣ ਦਿੰਦਾ",
        "pati nu gussa aunda te bache kamre ch lukk jande ne",
        "please ohde papa nu na dasseyo asi hun kithe rehnde haan",
        "mera pati mainu maarda bacheyan de saamne",
        "police fer aayi si, ohne ghar ch bhann tod kitti",
        "pati bacheyan de saamne maarda",
    ],
    "so": [
        "booliisku mar kale ayay yimaadeen xalay",
        "gurigii oo dhan ayuu burburiyay carruurta hortooda",
        "hadda waxaan joognaa hoyga haweenka",
        "ima oggolaado inaan guriga ka baxo",
        "wuxuu yiri haddaad tagto waan ku dilayaa",
        "carruurta ayaan la cararay habeenkii",
        "ninkaygu markuu cadhoodo carruurtu qolka ayay ku dhuuntaan",
        "fadlan aabihiis ha u sheegina meesha aan hadda degannahay",
        "ninkaygu wuu i garaacaa carruurta hortooda",
        "booliisku mar kale ayay yimaadeen, wuxuu burburiyay guriga",
        "waxaan ku jirnaa hoyga haweenka, fadlan cidna ha u sheegina",
        "ninkaygu ima oggola inaan qof arko",
    ],
    "lt": [
        "policija vėl buvo atvažiavusi vakar vakare",
        "sudaužė visus namus prie vaikų",
        "dabar esame krizių centre",
        "neleidžia man išeiti iš namų",
        "sakė kad mane užmuš jei išeisiu",
        "turėjau bėgti su vaikais naktį",
        "vyras įsiunta ir vaikai turi slėptis kambaryje",
        "prašau nesakykit tėvui kur dabar gyvename",
        "vyras mane muša prie vaikų",
        "vyras sudaužė viską namuose, vaikai matė",
        "esame moterų krizių centre, prašau niekam nesakyti",
    ],
}

URGENT = [(lang, text) for lang, texts in DOMESTIC_ABUSE_TOLD.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_domestic_abuse_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_tells_domestic_abuse() -> None:
    assert set(DOMESTIC_ABUSE_TOLD) == set(LEXICONS.languages)
    assert all(len(texts) >= 5 for texts in DOMESTIC_ABUSE_TOLD.values())


# Each is ordinary: the police at school for a talk, a lesson's film, a car park, work away.
LOOK_ALIKES = [
    ("en", "the police came to her class for a talk today, she loved it"),
    ("en", "we watched a film about domestic abuse in PSHE"),
    ("en", "our car got smashed up in the car park, we're sorting the insurance"),
    ("en", "my partner is away so I can't get her in until 10"),
    ("en", "there was a fight at the football, he's got a sore knee from falling"),
    ("en", "its Maya, my mum will kill me if I'm late again, I'm on my way"),
    ("pl", "mama mnie zabije jak się dowie że zapomniałam stroju"),
    ("es", "mi madre me mata si llego tarde otra vez, ya voy"),
    ("cy", "daeth yr heddlu i'r ysgol i roi sgwrs i'r dosbarth"),
    ("pl", "policjant przyszedł na pogadankę do klasy"),
    ("pt", "a polícia veio à escola dar uma palestra"),
    ("ro", "a venit poliția la școală să le țină o prezentare"),
    ("es", "vino la policía al colegio a dar una charla"),
    ("ar", "الشرطة اجت عالمدرسة تعطي محاضرة"),
    ("ur", "police school mein lecture dene aayi thi"),
    ("bn", "police school e talk dite eshechilo"),
    ("pa", "police school ch gall baat karan aayi si"),
    ("so", "booliisku muxaadaro ayay dugsiga ka bixiyeen maanta"),
    ("lt", "policija atėjo į mokyklą skaityti paskaitos"),
    ("en", "my husband is working away so I'm doing the school run alone, she'll be late"),
    ("en", "we had a big argument about homework, she's sulking but fine"),
    ("en", "a dog has been following me on the school run, so we're late"),
    ("es", "la policía vino al colegio a dar una charla sobre tráfico"),
    ("en", "sorry she's late, we had a big row about her phone this morning"),
    ("en", "he's staying with his dad this week, dad will bring him in"),
    ("en", "my ex is picking her up today, he'll bring her in"),
    ("pl", "pokłóciliśmy się rano o telefon, będzie później"),
    ("pt", "discutimos de manhã por causa do telemóvel, chega mais tarde"),
    ("es", "discutimos por la mañana por el móvil, llega más tarde"),
    ("ro", "ne-am certat dimineață din cauza telefonului, vine mai târziu"),
    ("ar", "تشاجرنا الصبح عالتلفون، رح تتأخر"),
    ("ur", "subah phone pe jhagra hua, der se aayegi"),
    ("bn", "sokale phone niye jhogra hoyeche, deri hobe"),
    ("pa", "savere phone karke ladaai hoyi, late aavegi"),
    ("so", "subaxnimo ayaan ku murannay taleefanka, goor dambe ayay imanaysaa"),
    ("lt", "ryte susipykome dėl telefono, ateis vėliau"),
    ("en", "he's staying with his dad while I'm in hospital, he'll bring him in"),
    ("ar", "الاستاذ اخد تلفوني امبارح، بدي ياه"),
    ("es", "mamá me quitó el móvil por las notas, estoy enfermo"),
    # a police visit to the class the sick child misses, in every language
    ("en", "she has a cold. the police were coming in to talk about staying safe online"),
    ("cy", "Mae gan Cai wres, biti achos roedd plismon yn dod i'r dosbarth heddiw"),
    ("pl", "Zosia ma gorączkę, a policjant miał dziś przyjść do klasy, szkoda"),
    ("pt", "O Rui tem febre, hoje vinha um polícia à turma falar de segurança rodoviária"),
    ("ro", "Ana are febră, azi venea un polițist la clasă să vorbească despre siguranța rutieră"),
    ("es", "Lucas tiene fiebre, hoy venía un policía a clase a hablar de seguridad vial"),
    ("ar", "ريم عندها حرارة، كان في شرطي جاي عالصف يحكي عن السلامة المرورية"),
    ("ur", "Ali ko bukhar hai, aaj police wala class mein road safety batane aa raha tha"),
    ("bn", "Rafi r jor, aj police class e road safety niye bolte ashar kotha chilo"),
    ("pa", "Simran nu bukhar hai, aj police wala class ch road safety baare dassan aauna si"),
    ("so", "Cabdi qandho ayuu qabaa, maanta booliis ayaa fasalka u imanayay"),
    ("lt", "Ema karščiuoja, šiandien į klasę turėjo ateiti policininkas apie saugų eismą"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_the_police_at_school_and_a_lesson_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
