"""Self-harm and suicidal talk told by what a parent finds, hears or sees, not by words of dying,
is urgent safeguarding in every language (locales/<lang>/concepts/self_harm.toml; the `warning`
sign in conversations/safety.py).

Marks found on her legs or thighs, blades hidden in a pencil case, "we'd be better off without
him", searching how to hang oneself, a note written and left on the pillow, stopped eating and
saying sorry to everyone (two `warning` signs together). These extend tests/conversations/
test_self_harm.py (wishes and reflexive verbs) and test_goodbye_in_deeds.py (things given
away, letters to everyone); the replies are written for these tests, not copied from the
labelled rounds.

Look-alikes that must not be urgent: "she cut her finger chopping onions", "this cold is killing
me", a note for the teacher, stopped eating meat, sorry for a late reply, "forgive me for the
delay", searching how to get to the sports centre."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

FOUND_OR_HEARD = {
    "en": [
        "I found marks on her legs last night, she says it's the cat",
        "found blades hidden in his pencil case",
        "she keeps saying she wants to sleep forever",
        "I saw on her phone she was searching how to hang yourself",
        "he said we'd all be better off if he wasn't around",
        "she has stopped eating and wrote a note saying sorry to everyone",
        "he wrote a note and left it on his pillow, I'm so scared",
        "she's been looking up how many paracetamol it takes",
        "found a sharpener with the blade taken out in her room",
        "she told her sister she doesn't see the point of being here",
        "she's been wearing long sleeves all the time and I found plasters on her thighs",
        "he told his brother he's not going to be around much longer",
        "I found a bottle of pills hidden in her wardrobe and a note",
        "she's been burning herself with a lighter",
        "he said there's no point anymore and locked himself in the bathroom",
        ("her friend's mum rang me, she's been sending messages saying she wants to go to sleep "
         "and not wake up"),
        "he has scratched his arms raw again and says he deserves it",
        "I've been cutting again and I hide it under my sleeves",
        "I don't want to be here anymore, I've got the tablets ready",
    ],
    "cy": [
        "ffeindiais i farciau ar ei choesau hi neithiwr",
        "mae hi'n cuddio llafnau yn ei stafell",
        "medda fo y bydden ni'n well hebddo fo",
        "mae hi wedi sgwennu nodyn yn deud sori wrth bawb",
        "ffeindiais i lafnau wedi cuddio yn ei stafell hi",
        "mae hi wedi sgwennu nodyn a'i adael ar ei gobennydd",
        "mae hi wedi crafu ei breichiau'n waed eto",
        "medda hi ei bod hi isio cysgu am byth",
        "dwi wedi bod yn torri fy hun eto ac yn ei guddio",
    ],
    "pl": [
        "znalazłam ślady na jej nogach, mówi że to kot",
        "chowa żyletki w piórniku",
        "szukała w internecie jak się powiesić",
        "napisała list pożegnalny i zostawiła na łóżku",
        "mówi ze bez niej bedzie nam lepiej",
        "znalazłam żyletki schowane w jej pokoju",
        "napisała list i zostawiła go na poduszce",
        "znowu podrapała ręce do krwi i mówi, że na to zasługuje",
        "pisze koleżankom, że chciałaby zasnąć na zawsze",
        "znowu się tnę i ukrywam to pod rękawami",
    ],
    "pt": [
        "encontrei marcas nas pernas dela ontem à noite",
        "esconde lâminas no estojo",
        "andava a pesquisar como se enforcar",
        "disse que ficávamos melhor sem ela",
        "escreveu um bilhete a pedir desculpa a todos",
        "encontrei lâminas escondidas no quarto dela",
        "escreveu um bilhete e deixou-o na almofada",
        "arranhou os braços até sangrar outra vez e diz que merece",
        "diz às amigas que quer dormir para sempre",
        "voltei a cortar-me e escondo nas mangas",
    ],
    "ro": [
        "am găsit urme pe picioarele ei aseară",
        "ascunde lame în penar",
        "a căutat pe net cum să se spânzure",
        "zice că ne-ar fi mai bine fără el",
        "a scris un bilet de adio",
        "am găsit lame ascunse în camera ei",
        "a scris un bilet și l-a lăsat pe pernă",
        "și-a zgâriat iar brațele până la sânge și zice că merită",
        "le scrie prietenelor că vrea să doarmă pentru totdeauna",
        "m-am tăiat iar și ascund sub mâneci",
    ],
    "ar": [
        "لقيت علامات على رجليها امبارح",
        "مخبية شفرات في المقلمة",
        "كانت بتدور على النت ازاي تنتحر",
        "قال احنا هنكون احسن من غيره",
        "كتبت ورقة بتقول فيها سامحوني",
        "la2et 3alamat 3ala rjelha",
        "m5abye shafrat bel ma2lame",
        "لقيت شفرات مخبية في أوضتها",
        "كتبت ورقة وسابتها على المخدة",
        "خربشت ايديها لحد ما نزفت تاني وبتقول انها تستاهل",
        "بتقول لصاحباتها انها عايزة تنام وما تصحاش",
        "رجعت اجرح نفسي وبخبي تحت الكم",
        "la2eet shafrat m5abye fi odetha",
        "ketbet wara2a w sabetha 3al m5adda w batalet takol",
        "bt2ool enha 3ayza tnam w ma tes7ash",
    ],
    "ur": [
        "uski tangon par nishaan dekhe kal raat",
        "woh blade chhupa ke rakhti hai",
        "usne google pe dhoonda ke khud ko kaise maare",
        "kehta hai mere bagair tum sab behtar ho",
        "اس نے ایک خط لکھا سب سے معافی مانگی",
        "اس کی ٹانگوں پر نشان ملے",
        "uske kamre mein blade chhupa ke rakhe mile",
        "usne khat likha aur takiye pe chhor diya",
        "usne phir se apne bazu khurach ke khoon nikal diya, kehti hai main isi layak hoon",
        "saheliyon ko kehti hai hamesha ke liye sona chahti hoon",
        "main phir se apne aap ko kaat rahi hoon aur chhupati hoon",
        "uske kamre se blade mile jo chhupa ke rakhe the",
        "khat likh ke takiye pe chhor gayi aur khana chhor diya",
        "kehti hai hamesha ke liye so jana chahti hoon",
    ],
    "bn": [
        "or paye daag dekhlam kal rate",
        "o blade lukiye rakhe",
        "o net e khujchilo kivabe nijeke mere fela jay",
        "bole ami na thakle tomra bhalo thakbe",
        "ওর পায়ে দাগ দেখলাম",
        "o ekta chithi likhe sobar kache maaf cheyeche",
        "or ghore blade lukiye rakha peyechi",
        "o chithi likheche ar balish er niche rekheche",
        "o abar haat ancre rokto ber koreche, bole eta tar paoya uchit",
        "bondhuder bole chirodiner jonno ghumate chay",
        "ami abar nijeke katchi ar lukiye rakhi",
        "or ghore lukano blade peyechi",
        "chithi likhe balish er niche rekheche, khawa bondho",
        "bole chirodiner jonno ghumate chay",
    ],
    "pa": [
        "ohdiyan lattan te nishaan dekhe kal raat",
        "ਉਹਨੇ ਲਿਖਿਆ ਸੀ ਕਿ ਮੇਰੇ ਬਿਨਾਂ ਸਾਰੇ ਖੁਸ਼ ਰਹੋਗੇ",
        "kuri ne likhya si mathon hor nahi hunda, mere bina tusi theek rahoge",
        "oh blade lukaa ke rakhdi aa",
        "ohne google te labhya kive apne aap nu maariye",
        "kehnda mere bina tusi sab changa rahoge",
        "ਉਹਦੀਆਂ ਲੱਤਾਂ ਤੇ ਨਿਸ਼ਾਨ ਦੇਖੇ",
        "ohde kamre ch blade luka ke rakhe mile",
        "ohne chitthi likhi te sirhane rakh ditti",
        "ohne fer baanh khurch ke khoon kadh litta, kehndi main isde laik haan",
        "saheliyan nu kehndi hamesha layi sauna chahundi",
        "main fer apne aap nu kat rahi haan te lukaundi haan",
        "ohde kamre ch lukaye hoye blade mile",
        "chitthi likh ke sirhane rakh gayi te khana chhad ditta",
        "kehndi hamesha layi so jana chahundi haan",
    ],
    "so": [
        "lugaheeda calaamado ayaan ku arkay xalay",
        "wuxuu qariyaa mindiyo yaryar",
        "waxay internetka ka raadisay sida qofku isu dilo",
        "wuxuu yiri la'aantay ayaad ku fiicnaan lahaydeen",
        "warqad ayay qortay oo qof walba raali gelin ka siisay",
        "qolkeeda shafrado qarsoon ayaan ka helay",
        "warqad ayay qortay oo barkinta saartay",
        "mar kale ayay gacmaha xoqday ilaa ay dhiigeen, waxay tiri waan u qalmaa",
        "saaxiibadeed ayay u sheegtay inay rabto inay seexato weligeed",
        "mar kale ayaan is jarayaa oo waan qariyaa",
    ],
    "lt": [
        "radau žymes ant jos kojų vakar",
        "slepia žiletes penale",
        "ieškojo internete kaip pasikarti",
        "sako kad mums be jo būtų geriau",
        "parašė atsisveikinimo raštelį",
        "radau paslėptas žiletes jos kambaryje",
        "parašė raštelį ir paliko ant pagalvės",
        "vėl susidraskė rankas iki kraujo ir sako, kad to nusipelnė",
        "rašo draugėms, kad nori užmigti amžinai",
        "vėl pjaustausi ir slepiu po rankovėmis",
    ],
    "es": [
        "encontré marcas en sus piernas anoche",
        "esconde cuchillas en el estuche",
        "estuvo buscando en internet cómo ahorcarse",
        "dijo que estaríamos mejor sin ella",
        "escribió una nota pidiendo perdón a todos",
        "ha dejado de comer y escribió una carta de despedida",
        "encontré cuchillas escondidas en su cuarto",
        "escribió una nota y la dejó en la almohada",
        "se volvió a arañar los brazos hasta sangrar y dice que se lo merece",
        "les escribe a sus amigas que quiere dormir para siempre",
        "me he vuelto a cortar y lo escondo con las mangas",
    ],
}

NOT_URGENT = {
    "en": [
        "she cut her finger chopping onions, it needed a plaster",
        "this cold is killing me, she has it too",
        "he wrote a note for the teacher about his reading book",
        "she has stopped eating meat, anyway she has a cold",
        "she's searching how to get to the new sports centre",
        "sorry to everyone for the late reply, she has a temperature",
        "she wrote a note to her friend about the party",
        "he burnt himself on the oven at the weekend, it's healing fine",
        "he grazed his arms falling off his bike, nothing serious",
        "its Amira, I cut my hand on a tin can, I'm at the walk in centre",
        "she's been sick on her pillow and stopped eating, tummy bug",
        "I wrote a note in her planner, she stopped eating yesterday with a sore throat",
    ],
    "cy": [
        "mi dorrodd hi ei bys yn torri nionod",
        "mae hi wedi chwydu ar ei gobennydd a stopio bwyta, mae hi'n sâl",
    ],
    "pl": [
        "skaleczyła się w palec krojąc cebulę",
        "zwymiotowała na poduszkę i przestała jeść, ma grypę żołądkową",
    ],
    "pt": [
        "cortou o dedo a cortar cebola",
        "vomitou na almofada e deixou de comer, tem virose",
    ],
    "ro": [
        "s-a tăiat la deget când tăia ceapă",
        "a vomitat pe pernă și nu mai mănâncă, are viroză",
    ],
    "ar": [
        "جرحت صباعها وهي بتقطع بصل",
        "سامحوني على التأخير، بنتي عندها حرارة",
        "هو احسن من غيره في الرياضيات، بس عنده برد",
    ],
    "ur": [
        "pyaz kaat'te hue ungli kat gayi",
        "maine khat likha tha teacher ko, usne khana chhor diya kyunke pet kharab hai",
    ],
    "bn": [
        "peyaj katte giye angul kete geche",
    ],
    "pa": [
        "pyaaz katde hoye ungal kat gayi",
        "main chitthi likhi si teacher nu, pet kharab hai",
        "ਉਹਨੂੰ ਬੁਖਾਰ ਹੈ, ਮੈਥੋਂ ਹੋਰ ਨਹੀਂ ਹੁੰਦਾ ਸਾਰਾ ਕੰਮ",
        "ਉਹ ਮੇਰੇ ਬਿਨਾਂ ਸਕੂਲ ਨਹੀਂ ਜਾਂਦਾ",
        "sorry mummy, aaj late ho gaye",
    ],
    "so": [
        "farta ayay ka jaratay markay basasha jarayso",
    ],
    "lt": [
        "pjaustydama svogūnus įsipjovė pirštą",
        "be jo būtų geriau, bet gipsas dar yra",
        "vėmė ant pagalvės ir nustojo valgyti, serga",
    ],
    "es": [
        "se cortó el dedo cortando cebolla",
        "se arañó el brazo con el gato, está bien",
        "me he vuelto a cortar el pelo, llego tarde",
        "vomitó en la almohada y ha dejado de comer, tiene gastroenteritis",
    ],
}


@pytest.mark.parametrize(("lang", "text"),
                         [(k, t) for k, ts in FOUND_OR_HEARD.items() for t in ts])
def test_self_harm_found_or_heard_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_cut_fingers_notes_and_apologies_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(FOUND_OR_HEARD) == set(NOT_URGENT) == set(LEXICONS.languages)
    assert all(len(texts) >= 2 for texts in FOUND_OR_HEARD.values())
