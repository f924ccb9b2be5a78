"""Physical abuse told to the school is urgent safeguarding in every language (issue 14:
urgent recall on replies nobody tuned for; KCSIE category "physical abuse"; the words are in
`locales/<lang>/concepts/physical_abuse.toml`).

A parent, a relative, a neighbour or the child tells it: marks, bruises or burns someone made,
a beating told as a family's word for it ("got a hiding", "lost it with him", "a belt taken to
him"), something thrown at or done to the child, a grown-up who "does it again", fear that he
will. The replies are written for these tests, not copied from the labelled rounds.

The look-alikes are ordinary: a bruise from football, a burn from the oven, a black eye from a
cricket ball, marks from chickenpox, a dad who lost his keys."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

PHYSICAL_ABUSE_TOLD = {
    "en": [
        "he's got marks on his back, his dad lost it with him last night",
        "she got a hiding off her stepdad and she's scared he'll do it again",
        "there's a burn on his arm and he won't say how he got it",
        "her mum's boyfriend hit her with a belt",
        "his dad lost it with him, he's got a black eye",
        "he's covered in marks, someone did this to him",
        "my husband throws the kids against the wall",
        "dad grabbed him by the neck and pushed him down the stairs",
        "he gets smacked with a slipper when he's naughty",
        "she has finger marks on her arm from where he held her",
        "he had a belt taken to him",
        "his uncle burnt him with a cigarette",
        "her dad gave her a good hiding last night, she can't sit down",
        "he whacks them when he's angry",
        "she's scared he'll do it again",
        "she flinches whenever her dad walks in, and there are marks on her legs",
        "she came to mine with a black eye and says her dad did it",
        "he's covered in bruises and says he fell but he's always falling",
        "his mum's new fella hurt him again, he won't go home",
        "I heard her being hit through the wall last night",
        "she's got bruises on the top of her arms like someone grabbed her",
        "her step dad gets rough with her when he's been drinking",
        "she said her mum's boyfriend gets rough with her",
        "he has bruises he can't explain",
        "hi miss it's Leah, my stepdad hit me again and I don't want to go home",
        "sorry to bother you, it's probably nothing, but he had marks on his neck when he came in",
        "I don't want to make trouble but her dad is very heavy handed with her",
        "it's fine really, he only slaps them when they're naughty",
        "he's got bruises and says he fell down the stairs but I don't believe him",
        "he came in with a cut lip and a swollen face, says his dad was in a mood",
        "she won't get changed for PE because of the marks on her legs",
        "his dad threw a plate at him",
        "she's got a burn on her hand the shape of an iron",
        "he flinches when anyone raises their voice, and he had a black eye last week",
        "her mum drags her around by her hair",
    ],
    "cy": [
        "Mae ei dad wedi ei daro fo efo belt neithiwr",
        "mae marciau ar ei chefn hi, mae ei llystad wedi colli ei dymer efo hi",
        "mae ganddo losg ar ei fraich a dydy o ddim isio deud pwy",
        "mae hi ofn y bydd o'n ei wneud eto",
        "gafodd o gweir gan ei dad",
        "mae o'n eu curo nhw pan mae o wedi gwylltio",
        "mae ganddi gleisiau ar ei breichiau fel bod rhywun wedi gafael ynddi",
        "mae ei lystad yn ei daro fo pan mae o wedi meddwi",
        "mae ei thad yn llawdrwm iawn efo hi",
        "mae ganddo gleisiau ac mae o'n deud ei fod o wedi disgyn ond dwi ddim yn ei goelio fo",
        "mae ganddi gleisiau ar ei choesau a dydy hi ddim isio deud pwy",
        "mi daflodd o blât ato fo",
    ],
    "pl": [
        "ojczym zbił go pasem",
        "ma ślady na plecach, ojciec stracił nad sobą panowanie",
        "ma oparzenie na ręce i nie chce powiedzieć kto mu to zrobił",
        "boi się że on znowu to zrobi",
        "dostała lanie od ojca i nie może siedzieć",
        "tata rzucił nim o ścianę",
        "ma siniaki na ramionach jakby ktoś ją mocno złapał",
        "ojczym go bije jak wypije",
        "tu Kuba, ojczym znowu mnie uderzył i nie chcę wracać do domu",
        "ma siniaki i mówi że spadł ze schodów ale ja nie wierzę",
        "rzucił w niego talerzem",
    ],
    "pt": [
        "o padrasto bateu-lhe com o cinto",
        "tem marcas nas costas, o pai perdeu a cabeça com ele",
        "tem uma queimadura no braço e não quer dizer quem foi",
        "ela tem medo que ele volte a fazer",
        "levou uma tareia do pai ontem à noite",
        "o pai atirou-o contra a parede",
        "tem nódoas negras nos braços como se alguém a tivesse agarrado",
        "o padrasto bate-lhe quando bebe",
        "sou o Tiago, o meu padrasto bateu-me outra vez e não quero ir para casa",
        "tem nódoas negras e diz que caiu mas eu não acredito",
        "atirou-lhe um prato",
    ],
    "ro": [
        "tatăl vitreg l-a bătut cu cureaua",
        "are urme pe spate, tatăl lui și-a ieșit din fire",
        "are o arsură pe mână și nu vrea să spună cine i-a făcut-o",
        "îi e frică că o să o facă din nou",
        "a luat bătaie de la tatăl ei aseara",
        "tata l-a aruncat de perete",
        "are vânătăi pe brațe ca și cum cineva a strâns-o tare",
        "tatăl vitreg îl bate când bea",
        "sunt Andrei, tatăl vitreg m-a lovit iar și nu vreau să merg acasă",
        "are vânătăi și zice că a căzut dar nu cred",
        "a aruncat cu o farfurie în el",
    ],
    "es": [
        "su padrastro le pegó con el cinturón",
        "tiene marcas en la espalda, su padre perdió los nervios con él",
        "tiene una quemadura en el brazo y no quiere decir quién fue",
        "tiene miedo de que lo vuelva a hacer",
        "le dieron una buena zurra anoche, no se puede sentar",
        "su padre lo tiró contra la pared",
        "tiene moratones en los brazos como si alguien la hubiera agarrado",
        "su padrastro le pega cuando bebe",
        "el novio de su madre le pega cuando bebe",
        "soy Pablo, mi padrastro me volvió a pegar y no quiero ir a casa",
        "tiene moratones y dice que se cayó pero yo no me lo creo",
        "le tiró un plato",
    ],
    "ar": [
        "زوج امه ضربه بالحزام",
        "في علامات على ظهره، ابوه فقد اعصابه عليه",
        "في حرق على ايده وما بده يقول مين عمله",
        "خايفة يرجع يعملها",
        "abooh darabo bel 7zam",
        "ابوها رماها على الحيط",
        "عندها كدمات على ايديها كأنه حدا مسكها بقوة",
        "زوج امه بيضربه لما يسكر",
        "انا سامي، زوج امي ضربني مرة تانية وما بدي ارجع عالبيت",
        "عنده كدمات وبيقول وقع بس انا مش مصدقة",
        "abuh darabo bel shebsheb w 3ndo kadamat",
        "رمى عليه صحن",
    ],
    "ur": [
        "sautele baap ne belt se maara",
        "kamar pe nishaan hain, abbu ko gussa aaya tha us par",
        "haath pe jalne ka nishaan hai aur batati nahi kisne kiya",
        "usko darr hai ke woh phir se karega",
        "ابو نے بیلٹ سے مارا",
        "abbu ne usko deewar se de maara",
        "baazuon pe neel hain jaise kisi ne zor se pakra ho",
        "sautela baap sharab pi ke usko maarta hai",
        "main Ali hoon, sautele abbu ne phir maara, ghar nahi jana",
        "neel pare hain bazoo pe, kehta hai gir gaya tha lekin mujhe yaqeen nahi",
        "abbu ne belt se maara, kamar pe nishaan",
        "usne us par plate phenki",
    ],
    "bn": [
        "sot baba belt diye mereche",
        "pithe dag, abba rege giye oke mereche",
        "hate pora dag, bolche na ke korse",
        "bhoy pay abar korbe",
        "আব্বা বেল্ট দিয়ে মেরেছে",
        "abba oke deyal e chure mereche",
        "hate kalshite dag jeno keu jore dhoreche",
        "sot baba mod kheye oke mare",
        "ami Rafi, sot baba abar marse, basay jete chai na",
        "or gaye dag, bole pore gechilo kintu ami bishshash kori na",
        "abba belt diye mereche, pithe dag",
        "or dike plate chure mereche",
    ],
    "pa": [
        "matrey pyo ne belt naal kuttya",
        "pith te nishaan ne, papa nu gussa aaya te kutt ditta",
        "hath te saadan da nishaan aa, dassdi nahi kisne kita",
        "ohnu darr aa ke oh fer karega",
        "ਪਾਪਾ ਨੇ ਬੈਲਟ ਨਾਲ ਕੁੱਟਿਆ",
        "papa ne kandh naal maarya",
        "baanh te neel ne jive kise ne zor naal fadya hove",
        "matrey pyo sharab pi ke ohnu kutt da",
        "main Jas aan, matrey papa ne fer kuttya, ghar nahi jaana",
        "baanh te neel ne, kehnda dig gaya si par mainu yakeen nahi",
        "papa ne belt naal kuttya, pith te nishaan",
        "ohne ohde utte plate sutti",
    ],
    "so": [
        "aabihiis adeerka ah suunka ayuu ku garaacay",
        "dhabarka calaamado ayuu ku leeyahay, aabihiis ayaa ka cadhooday oo garaacay",
        "gacanta gubasho ayay ku leedahay, may sheegayso cidda samaysay",
        "waxay ka baqaysaa inuu mar kale sameeyo",
        "aabeheed ayaa si xun u garaacay xalay",
        "aabihiis derbiga ayuu ku tuuray",
        "gacmaha nabarro ayay ku leedahay sidii qof si xoog leh u qabtay",
        "aabihiis adeerka ah markuu khamro cabbo wuu garaacaa",
        "waa Cali, aabbahay adeerka ah mar kale ayuu i garaacay, guriga ma rabo inaan aado",
        "nabarro ayuu leeyahay, wuxuu yiri waan dhacay laakiin ma rumaysni",
        "wuxuu ku garaacay suun, dhabarka calaamado ayuu ku leeyahay",
        "saxan ayuu ku tuuray",
    ],
    "lt": [
        "patėvis jį primušė diržu",
        "ant nugaros žymės, tėvas nesusivaldė",
        "turi nudegimą ant rankos ir nesako kas padarė",
        "bijo kad jis vėl tai padarys",
        "gavo lupti nuo tėvo vakar vakare",
        "tėtis trenkė jį į sieną",
        "ant rankų mėlynės, lyg kažkas būtų stipriai sugriebęs",
        "patėvis jį muša kai išgeria",
        "čia Tomas, patėvis vėl mane sumušė ir nenoriu grįžti namo",
        "turi mėlynių, sako nukrito, bet aš netikiu",
        "patėvis trenkė jai, turi mėlynę ant skruosto",
        "sviedė į jį lėkštę",
    ],
}

URGENT = [(lang, text) for lang, texts in PHYSICAL_ABUSE_TOLD.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_physical_abuse_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_tells_physical_abuse() -> None:
    assert set(PHYSICAL_ABUSE_TOLD) == set(LEXICONS.languages)
    assert all(len(texts) >= 5 for texts in PHYSICAL_ABUSE_TOLD.values())


# Each is ordinary: a game, a kitchen, an illness's spots, a dad who lost a thing.
LOOK_ALIKES = [
    ("en", "he's got a big bruise from football, he'll be in tomorrow"),
    ("en", "she burnt her hand on the oven, we're at the GP"),
    ("en", "he got a black eye from a cricket ball at practice"),
    ("en", "she's got marks on her face from chickenpox"),
    ("en", "his dad lost his wallet so we're late"),
    ("en", "she's scared of the dentist, we're going at 10"),
    ("cy", "mae ganddo glais ar ei goes ar ôl chwarae pêl-droed"),
    ("pl", "ma siniaka po meczu piłki nożnej, jutro będzie"),
    ("pl", "oparzyła się przy piekarniku, jesteśmy u lekarza"),
    ("pt", "tem uma nódoa negra do futebol, amanhã vai"),
    ("ro", "are o vânătaie de la fotbal, mâine vine"),
    ("es", "tiene un moratón del fútbol, mañana va"),
    ("es", "se quemó la mano con el horno, estamos en el médico"),
    ("ar", "عنده كدمة من الفوتبول، بكرة بيجي"),
    ("ur", "football khelte hue gir gaya, neel pare hain, kal aayega"),
    ("bn", "football khelte giye pore geche, kalshite dag, kal ashbe"),
    ("pa", "football khed da dig gaya, neel pe gaye, kal aavega"),
    ("so", "kubadda cagta ayuu ku dhacay, nabar yar ayuu leeyahay, berri ayuu imanayaa"),
    ("lt", "futbole gavo mėlynę, rytoj ateis"),
    ("en", "she fell off the trampoline and has a bruise on her arm, she'll be fine tomorrow"),
    ("en", "he got hit by a ball in PE, nothing broken"),
    ("pl", "spadła z roweru i ma siniaka na kolanie"),
    ("es", "se cayó de la bici y tiene un moratón en la rodilla"),
    ("ur", "football mein gir gaya tha, ghutne pe neel hai, kal aayega"),
    ("bn", "football khelte pore geche, hatu te kalshite, kal ashbe"),
    ("ar", "وقع بالملعب وعنده كدمة عركبته، بكرة بيجي"),
    ("lt", "nukrito per futbolą, mėlynė ant kelio, rytoj ateis"),
    ("en", "she fell down the stairs at home, hurt her wrist, we're at A&E"),
    ("en", "he burnt his hand on the kettle, we're at the walk in centre"),
    ("en", "he broke his arm at the trampoline park, in hospital"),
    ("cy", "mae hi wedi cwympo ar y trampolin, mae ganddi glais, bydd hi nôl fory"),
    ("es", "se quemó con la plancha sin querer, estamos en urgencias"),
    ("en", "he's got a swollen face from a wisdom tooth, at the dentist today"),
    ("en", "she hurt her lip at gymnastics, she's fine"),
    ("pl", "kolega rzucił w niego piłką na WF-ie, boli go głowa"),
    ("es", "un compañero le tiró la pelota en educación física, le duele la cabeza"),
    ("pt", "um colega atirou-lhe a bola na educação física, dói-lhe a cabeça"),
    ("pl", "przypalił tosty i się spóźniliśmy"),
    ("pt", "levou uma pancada no joelho no futebol, amanhã vai"),
    ("ro", "echipa lui a luat bătaie la fotbal și e supărat, are febră"),
    ("lt", "buvo prisisegęs saugos diržu, bet po avarijos skauda kaklą"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_ordinary_bruises_and_burns_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
