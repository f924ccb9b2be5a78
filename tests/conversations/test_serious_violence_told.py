"""Serious violence told by a family, urgent in every language
(locales/<lang>/concepts/serious_violence.toml): a knife or blade found or carried, a gang's
threat ("they said they'd stab him", "said they'd get him"), jumped or robbed on the way home,
fear of walking past the estate beside the threat that causes it.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: a hand cut on a knife making dinner (defused in every
language), a Scouts' gang show, a quarrel with a brother, a school band."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "he got jumped after school by some lads from the estate",
        "he's too scared to walk past the estate since those boys said they'd get him",
        "he's started carrying a blade for protection",
        "someone's put a drill video out naming him",
        "he was robbed at knifepoint on the way to school",
        "those boys keep saying they'll do him in when they see him",
        "they said they'd wet him up",
        "he came home with a stab wound and won't say what happened",
        "he's scared to leave the house since the boys from the other estate came after him",
        "I think he's got a weapon hidden in his room",
        "someone pulled a blade on him at the bus stop",
        "his mate was stabbed last week and now he says he needs something to protect himself",
        "hes been getting threats on snap saying theyll shank him",
        "some youths set on him by the park and hes got a broken jaw",
        "he says he needs to carry something because of the opps",
        "they robbed his phone and punched him, he wont go back out",
        "he got stabbed walking home from school",
        "my son is too frightened to go to school because a gang is waiting for him at the gates",
    ],
    "cy": [
        "dwi wedi ffeindio cyllell yn ei fag ysgol",
        "mae o ofn cerdded heibio'r stad ers i'r bechgyn ddeud bod nhw am ei gael o",
        "cafodd ei ffrind ei drywanu a rwan mae o'n deud bod angen iddo amddiffyn ei hun",
        "mae criw o hogia wedi deud bod nhw am ei drywanu fo",
        "mae o'n cario cyllell i'r ysgol, dwi wedi dychryn",
        "mae criw o hogia wedi ei guro yn y parc, mae ei ên wedi torri",
        "dydi'r mab ddim yn mynd allan, mae criw o hogia yn ei fygwth",
        "cafodd ei drywanu ar y ffordd adra o'r ysgol",
    ],
    "pl": [
        "gang mu grozi, mowili ze go dzgna",
        "boi się przechodzić koło osiedla, bo tamci powiedzieli że go dorwą",
        "kolega dostał nożem i teraz syn mówi że musi się bronić",
        "grożą mu chłopaki z innej dzielnicy, boi się wyjść",
        "ktoś go napadł z nożem przy przystanku",
        "chłopaki pobili go w parku, ma złamaną szczękę",
        "syn nie wychodzi z domu, jacyś chłopacy mu grożą",
        "dostał nożem wracając ze szkoły",
    ],
    "pt": [
        "bateram nele depois da escola uns rapazes do bairro",
        "tem medo de passar pelo bairro desde que disseram que o iam apanhar",
        "o amigo dele foi esfaqueado e agora diz que precisa de se proteger",
        "uns rapazes de outro bairro estão a ameaçá-lo e ele tem medo de sair",
        "foi assaltado com uma faca na paragem",
        "uns rapazes bateram-lhe no parque e partiu o maxilar",
        "o meu filho não sai de casa porque uns rapazes o ameaçam",
        "levou uma facada a vir da escola",
    ],
    "ro": [
        "o bandă l-a amenințat că îl înjunghie",
        "ii e frica sa treaca pe langa blocurile alea de cand au zis ca il prind",
        "prietenul lui a fost înjunghiat și acum zice că trebuie să se apere",
        "îl amenință niște băieți din alt cartier și îi e frică să iasă",
        "l-au atacat cu cuțitul la stație",
        "niște băieți l-au bătut în parc și are maxilarul rupt",
        "fiul meu nu mai iese din casă, niște băieți îl amenință",
        "e înjunghiat, l-au atacat când venea de la școală",
    ],
    "ar": [
        "لقيت سكينة في شنطة المدرسة بتاعته",
        "عصابة هددته انهم هيطعنوه",
        "خايف يعدي من جنب الحارة دي من ساعة ما قالوا هيمسكوه",
        "la2et sekkina fe shantet el madrasa",
        "صاحبه اتطعن والحين يقول لازم يحمي نفسه",
        "شباب من منطقة تانية بيهددوه وخايف يطلع",
        "حد هجم عليه بسكينة عند المحطة",
        "shabab men mante2a tanya byhaddedooh",
        "شوية عيال ضربوه جامد في الجنينة وفكه اتكسر",
        "wlad kbar bihadedo ibni bel sakakeen",
        "ibni 5ayef yetla3 men el beit, fi shabab 3am yhadedoh",
        "اتطعن وهو راجع من المدرسة",
    ],
    "ur": [
        "ek gang ne usay dhamki di ke chaku maar denge",
        "woh us area se guzarne se darta hai, larkon ne kaha pakad lenge",
        "uske dost ko chaku lagaya gaya ab kehta hai apni hifazat ke liye kuch rakhna hai",
        "doosre mohalle ke larke usay dhamkiyan de rahe hain, bahar nikalne se darta hai",
        "bus stop pe kisi ne chaku se hamla kiya",
        "kuch larkon ne park mein usay bohat maara, jabra toot gaya",
        "beta ghar se bahar nahi nikalta, kuch larke dhamki dete hain",
        "school se wapas aate hue usay chaku mara gaya",
    ],
    "bn": [
        "or school bag e chhuri peyechi",
        "o oi para diye jete bhoy pay, chelera bolche dhorbe",
        "or bondhu ke chhuri mereche, ekhon bole nijeke bachate hobe",
        "onno parar chelera oke humki dicche, baire jete bhoy pay",
        "bus stop e keu chhuri niye hamla koreche",
        "park e kichu chele oke mere chuyal bhenge diyeche",
        "chele bari theke ber hoy na, kichu chele humki dey",
        "school theke ferar pothe oke chhuri mereche",
    ],
    "pa": [
        "ohde school bag ch chaku milya",
        "oh us mohalle kolon langhan ton darda, munde kehnde fad lange",
        "ohde dost nu chaku maarya, hun kehnda apne bachaa layi kuch rakhna",
        "dooje mohalle de munde ohnu dhamkiyan dinde ne, bahar jaan ton darda",
        "bus stop te kise ne chaku naal hamla kita",
        "park ch kuch mundeyan ne ohnu bahut kutteya, jabda toot gaya",
        "munda ghar ton bahar nahi nikalda, kuch munde dhamki dinde ne",
        "school ton aunde hoye ohnu chaku maarya gaya",
    ],
    "so": [
        "koox burcad ah ayaa ku hanjabay inay mindi ku dhufan doonaan",
        "wuu ka baqayaa inuu xaafadaas maro, wiilashii waxay yiraahdeen waan ku qabsan doonaa",
        "saaxiibkiis ayaa mindi lagu dhuftay hadda wuxuu leeyahay waa inaan is difaacaa",
        "wiilal xaafad kale ah ayaa u hanjabaya, wuu ka baqayaa inuu baxo",
        "qof ayaa mindi ku weeraray boosteejada baska",
        "wiilal ayaa beerta ku garaacay oo daanka ayuu ka jabay",
        "wiilku guriga kama baxo, wiilal ayaa u hanjaba",
        "waxaa la dhaawacay isagoo laga soo baxay dugsiga, mindi ayaa lagu dhuftay",
    ],
    "lt": [
        "gauja grasino jį subadyti",
        "bijo eiti pro ta rajona nes tie sake kad ji pagaus",
        "jo draugą subadė ir dabar sako kad turi apsiginti",
        "vaikinai iš kito rajono jam grasina ir jis bijo išeiti",
        "kažkas užpuolė jį su peiliu prie stotelės",
        "parke jį sumušė paaugliai, sulaužytas žandikaulis",
        "sūnus neišeina iš namų, kažkokie vaikinai jam grasina",
        "jį subadė grįžtant iš mokyklos",
    ],
    "es": [
        "le encontré una navaja en la mochila",
        "le da miedo pasar por el barrio desde que le dijeron que lo iban a pillar",
        "lleva una navaja encima para defenderse",
        "a su amigo lo apuñalaron y ahora dice que tiene que protegerse",
        "unos chicos de otro barrio lo están amenazando y le da miedo salir",
        "alguien le atacó con un cuchillo en la parada",
        "unos chavales le pegaron en el parque y tiene la mandíbula rota",
        "mi hijo no sale de casa porque unos chicos lo amenazan",
        "le dieron una puñalada volviendo del colegio",
    ],
}

NOT_URGENT = {
    "en": ["he broke his jaw falling off his bike in the park",
           "he cut his hand on a knife making dinner",
           "he's going to the gang show with cubs tonight",
           "she's got a blade of grass stuck in her eye, at the opticians",
           "he had a fight with his brother over the xbox and now has a cold"],
    "cy": ["torrodd o ei law efo cyllell yn gwneud swper"],
    "pl": ["syn nie wychodzi z domu, ma ospę",
           "złamał szczękę spadając z roweru",
           "skaleczył się nożem przy robieniu obiadu", "pokłócił się z bratem, ma gorączkę"],
    "pt": ["foi assaltado o carro do pai, está tudo bem, ele está com febre",
           "cortou a mão com uma faca a fazer o jantar", "tem aula de luta hoje, mas está doente"],
    "ro": ["s-a tăiat la mână cu cuțitul când făcea de mâncare", "cântă în trupa școlii, e răcit"],
    "ar": ["اتعور في ايده بالسكينة وهو بيعمل الأكل", "اتخانق مع اخوه على البلايستيشن وعنده برد"],
    "ur": ["khana banate hue chaku se haath kat gaya", "bhai se jhagra hua, bukhar hai"],
    "bn": ["ranna korte giye chhuri te haat keteche", "bhai er shathe jhogra hoyeche, jor"],
    "pa": ["roti banaunde chaku naal hath kat gaya", "bhra naal ladai hoyi, bukhar hai"],
    "so": ["gacanta ayuu mindi ku jaray isagoo cunto karinaya"],
    "lt": ["įsipjovė ranką peiliu gamindamas vakarienę", "susipyko su broliu, karščiuoja"],
    "es": ["mi hijo no sale de casa porque tiene gripe",
           "le atacó una abeja en el parque y tiene alergia",
           "se cortó la mano con un cuchillo haciendo la cena",
           "toca en la banda del colegio, hoy está malo"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_serious_violence_told_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_kitchen_knives_quarrels_and_bands_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)


# The child told they are next, after someone close was hurt: a threat in every language.
NEXT = {
    "en": "his brother got hurt on saturday and those lads told him hes next",
    "cy": "cafodd ei frawd ei frifo a mae'r hogia yn deud mai fo fydd nesa",
    "pl": "jego brat oberwał w sobotę a chłopaki mówią że on będzie następny",
    "pt": "o irmão dele apanhou no sábado e os rapazes disseram que ele é o próximo",
    "ro": "fratele lui a fost bătut sâmbătă și băieții au zis că el e următorul",
    "lt": "jo brolį sumušė šeštadienį o vaikinai sako kad jis bus kitas",
    "es": "a su hermano le pegaron el sábado y los chicos dijeron que él es el siguiente",
    "so": "walaalkiis ayaa la garaacay sabtidii, wiilashuna waxay yiraahdeen cali ayaa xiga",
    "ar": "اخوه انضرب يوم السبت والشباب قالوا انه هو التالي",
    "ur": "uske bhai ko hafte ko maara aur larkon ne kaha ke agla woh hai",
    "pa": "ohde bhra nu shanivaar kuttya te munde kehnde agla oh aa",
    "bn": "or bhai ke shonibar marse, ar chelera bolse porer jon o",
}
# "Next" of a queue, a turn or a week: ordinary.
NEXT_ORDINARY = {
    "en": "she's next in line at the dentist so she'll be in after",
    "cy": "mae hi nesa yn y ciw yn y deintydd",
    "pl": "jest następna w kolejce u dentysty",
    "pt": "ela é a próxima na fila do dentista",
    "ro": "e următoarea la rând la dentist",
    "lt": "ji kita eilėje pas dantistą",
    "es": "es la siguiente en la cola del dentista",
    "so": "isbuuca xiga ayay imaneysaa",
    "ar": "الاسبوع الجاي بترجع عالمدرسة",
    "ur": "agle hafte school aaye gi",
    "pa": "agle hafte school aauga",
    "bn": "porer shoptahe school e jabe",
}


@pytest.mark.parametrize("lang", sorted(NEXT))
def test_told_they_are_next_is_urgent(lang: str) -> None:
    reading = classify(NEXT[lang], lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, (lang, NEXT[lang], reading.intent)


@pytest.mark.parametrize("lang", sorted(NEXT_ORDINARY))
def test_next_in_a_queue_or_a_week_is_not_urgent(lang: str) -> None:
    text = NEXT_ORDINARY[lang]
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert not reading.urgent, (lang, text, reading.intent)


def test_every_language_is_told_next() -> None:
    assert set(NEXT) == set(NEXT_ORDINARY) == set(LEXICONS.languages)
