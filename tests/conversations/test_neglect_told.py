"""Neglect told to the school is urgent safeguarding in every language (issue 14: urgent
recall on replies nobody tuned for; KCSIE category "neglect"; the words are in
`locales/<lang>/concepts/neglect.toml`).

A parent, a neighbour, a relative or the child tells it plainly or sideways: no food in the
house, nobody looking after the child, left alone for days, no electricity or heating, the
child feeding a little brother or sister, sleeping in a car, the same dirty clothes all week.
The replies are written for these tests, not copied from the labelled rounds.

The look-alikes are ordinary: no food in the house and a shop after drop-off, a nap in the car
on the way home, clothes dirty from football, nobody to mind the child while a parent is in
hospital (a family circumstance)."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

NEGLECT_TOLD = {
    "en": [
        "there's no food in the house and nothing till payday, I can't feed them",
        "he's been left on his own for days, his mum hasn't been back",
        "there's nobody to look after him, his mum hasn't been home since friday",
        "she's been feeding her little sister because mum is never there",
        "she sleeps in the car with her mum most nights",
        "we're sleeping in the car at the moment",
        "he hasnt had a proper meal in days",
        "the kids have been on their own since Saturday",
        "I'm their neighbour, mum's gone off and left them",
        "there's nothing in the cupboards, I've nothing to give them",
        "no nappies no milk, she's looking after the baby herself",
        "he hasn't got a bed, he sleeps on the floor",
        "its jay, i havent eaten since yesterday, theres nothing at home",
        "the electric's been cut off and we've got no heating",
        "he's been wearing the same clothes all week, mum doesn't wash them",
        "mum goes out at night and leaves us",
        "they are left to fend for themselves",
        "he's always hungry and his mum's never there",
        "things are a bit hard at home, the kids have been eating at the neighbours most nights",
        "he comes to school hungry because there's never anything in for breakfast",
        "i'm worried about her, she's been wearing the same clothes for a week and she smells",
        "their mum goes out drinking and leaves the little ones with him, he's only 9",
        "we've had no gas or electric for a week, the kids are sleeping in their coats",
        "she hasn't been home for days and the kids are on their own, I'm the neighbour",
        "its Kai, there's been no food at home since Saturday and mum isn't picking up",
        "i live next door to Lily's family, there's screaming every night and the little"
        " one is always outside late on her own",
        "he locks the fridge so the kids can't eat",
        "we don't have any beds, the kids sleep on a mattress on the floor",
        "not being funny but those kids are never fed, they come to ours starving every night",
        "he's been sofa surfing with his mum, no proper bed for weeks",
        "the little one is always in a dirty nappy and the house stinks",
        "she keeps asking my daughter for food at school, I don't think she gets fed at home",
        "he's had toothache for months and his mum won't take him to the dentist",
        "they've been left with no heating, no food and mum's gone to her boyfriend's",
    ],
    "cy": [
        "Does dim byd i'w fwyta yn y tŷ a dwi methu eu bwydo nhw",
        "mae o wedi cael ei adael ar ben ei hun ers dyddiau, dydy ei fam ddim wedi bod adra",
        "mae hi'n cysgu yn y car efo'i mam",
        "does neb i edrych ar ei ôl o, mae ei fam wedi mynd ers dyddia",
        "does neb yn edrych ar ei ol o, mae ei fam wedi mynd",
        "mae hi wedi bod yn bwydo ei chwaer fach achos dydy mam byth adra",
        "mae'r plant wedi bod ar ben eu hunain drwy'r penwythnos",
        "does dim bwyd yn y tŷ ers dyddiau",
        "Cai sy 'ma, does dim bwyd adra ers dydd Sadwrn a dydy mam ddim yn ateb",
        "does neb adra efo nhw ers dydd Gwener",
        "mae o'n cysgu yn y car efo'i dad ers wythnos",
        "mae hi'n gofyn i'r plant eraill am fwyd, dwi'm yn meddwl ei bod hi'n cael bwyd adra",
    ],
    "pl": [
        "nie ma nic do jedzenia w domu, nie mam czym ich nakarmić",
        "został sam na kilka dni, mama nie wróciła",
        "śpi z mamą w samochodzie",
        "nie ma kto się nim zająć, mama nie wraca od kilku dni",
        "nikt sie nim nie zajmuje, matka znika na cale dni",
        "ona karmi młodszą siostrę bo mamy nigdy nie ma w domu",
        "dzieci są same w domu od piątku, matka gdzieś wyjechała",
        "chodzi głodny do szkoły bo w domu nigdy nic nie ma",
        "od tygodnia nie mamy prądu, dzieci śpią w kurtkach",
        "dzieci siedzą same w domu od piątku",
        "sasiadka tu, dzieci sa ciagle same a matka wraca w nocy pijana",
        "tata zamyka lodówkę na kłódkę żebyśmy nie jedli",
        "w domu nie ma jedzenia od dwóch dni, dzieci są głodne",
        "prosi inne dzieci o jedzenie, chyba w domu jej nie karmią",
    ],
    "pt": [
        "não há nada para comer em casa e não tenho como dar de comer aos miúdos",
        "ele fica sozinho dias inteiros, a mãe não aparece",
        "ela dorme no carro com a mãe",
        "não tem ninguém para cuidar dele, a mãe nunca está em casa",
        "ninguem cuida dele, fica sempre sozinho em casa",
        "ela é que dá de comer à irmã pequena porque a mãe nunca está",
        "as crianças estão sozinhas em casa desde sexta, a mãe foi-se embora",
        "vai para a escola com fome porque em casa nunca há nada",
        "sou vizinha, as crianças estão sempre sozinhas e a mãe chega bêbada de madrugada",
        "pede comida aos colegas, acho que em casa não lhe dão de comer",
    ],
    "ro": [
        "nu avem nimic de mâncare în casă și nu am cu ce să-i hrănesc",
        "a fost lăsat singur zile întregi, mama nu a mai venit",
        "doarme în mașină cu mama ei",
        "nu are cine să aibă grijă de el, mama nu e niciodată acasă",
        "nimeni nu are grija de el",
        "ea își hrănește surioara pentru că mama nu e niciodată acasă",
        "copiii sunt singuri acasă de vineri, mama a plecat",
        "merge la școală flămând pentru că acasă nu e niciodată nimic",
        "sunt vecina, copiii sunt mereu singuri și mama vine beată noaptea",
        "cere mâncare de la colegi, cred că acasă nu primește de mâncare",
    ],
    "es": [
        "no hay nada de comer en casa y no puedo darles de comer",
        "lo dejan solo días enteros, su madre no aparece",
        "duerme en el coche con su madre",
        "no hay nadie que lo cuide, su madre nunca está en casa",
        "ella le da de comer a su hermanita porque su madre nunca está",
        "estamos viviendo en el coche",
        "los niños están solos en casa desde el viernes, su madre se fue",
        "va al colegio con hambre porque en casa nunca hay nada",
        "soy la vecina, los niños siempre están solos y la madre llega borracha de madrugada",
        "pide comida a los compañeros, creo que en casa no le dan de comer",
    ],
    "ar": [
        "ما في شي ناكله بالبيت وما عندي شي اطعمهم",
        "تركوه لحاله كم يوم وامه ما رجعت",
        "بتنام بالسيارة مع امها",
        "ما في حدا يهتم فيه، امه ما بتكون بالبيت",
        "ma fi 7ada yhtam fih, emmo ma btkoun bel bet",
        "هي اللي بتطعمي اختها الصغيرة لأن امها ما بتكون بالبيت",
        "الولاد لحالهم بالبيت من يوم الجمعة، امهم راحت",
        "بيروح عالمدرسة جوعان لأنه ما في شي بالبيت",
        "ana jaretha, el wlad dayman la7alhom w emmhom btirja3 sakrane",
        "ما في اكل بالبيت من يومين والولاد جوعانين",
        "el wlad nayemin bel sayyara ma3 emmhom",
        "بيطلب اكل من رفقاته، ما بظن بيطعموه بالبيت",
    ],
    "ur": [
        "ghar mein khane ko kuch nahi hai, bachon ko kya khilaun",
        "kai din se akela chhoda hua hai, ammi wapas nahi aayi",
        "woh apni ammi ke saath gaari mein soti hai",
        "usko dekhne wala koi nahi, ammi kai din se ghar nahi aayi",
        "اس کا کوئی خیال نہیں رکھتا، امی گھر پر نہیں ہوتی",
        "woh apni choti behen ko khana khilati hai kyunke ammi ghar pe nahi hoti",
        "bachay jumme se ghar pe akele hain, ammi chali gayi",
        "bhooka school jata hai kyunke ghar mein kabhi kuch nahi hota",
        "main padosan hoon, bachay hamesha akele hote hain aur maa raat ko nashe mein aati hai",
        "ghar mein ration khatam hai, bachay do din se bhookay hain",
        "bachay gaari mein sote hain ammi ke saath",
        "doston se khana maangti hai, lagta hai ghar pe khana nahi dete",
    ],
    "bn": [
        "ghore kichu khabar nai, bachchader ki khawabo",
        "koyek din dhore eka rekhe geche, ammu fere nai",
        "o tar ammur sathe gari te ghumay",
        "oke keu dekhashona kore na",
        "ওকে দেখার কেউ নেই, কয়েক দিন ধরে একা",
        "choto bon ke o-i khawai karon ammu basay thake na",
        "bachchara shukrobar theke basay eka, ammu chole geche",
        "khali pete school e jay karon basay kichu thake na",
        "basay kono khabar nai du din dhore, bachchara na kheye ache",
        "bachchara gari te ghumay ammur sathe",
        "bondhuder kache khabar chay, mone hoy basay khete dey na",
    ],
    "pa": [
        "ghar ch khaan nu kuch nahi, bachyan nu ki khawawan",
        "kinne dinan ton kalla chhadya hoya, mummy wapas nahi aayi",
        "oh apni mummy naal gaddi ch saundi aa",
        "ohnu koi nahi sambhalda",
        "ਉਹਨੂੰ ਸੰਭਾਲਣ ਵਾਲਾ ਕੋਈ ਨਹੀਂ, ਮੰਮੀ ਘਰ ਨਹੀਂ ਹੁੰਦੀ",
        "oh apni chhoti bhain nu roti khawandi aa kyunki mummy ghar nahi hundi",
        "bache shukarvaar ton ghar kalle ne, mummy chali gayi",
        "bhukha school janda kyunki ghar kuch nahi hunda",
        "ghar ch ration khatam, bache do din ton bhukhe ne",
        "bache gaddi ch saunde ne mummy naal",
        "dostan ton roti mangdi aa, lagda ghar roti nahi dinde",
    ],
    "so": [
        "guriga cunto ma jirto, carruurta wax aan siiyo ma hayo",
        "maalmo ayaa keligiis laga tagay, hooyadiis ma soo noqon",
        "waxay la seexataa hooyadeed gaariga dhexdiisa",
        "qofna ma daryeelo",
        "cid ilaalisa ma jirto, hooyadiis guriga ma joogto",
        "walaasheed yar ayay quudisaa sababtoo ah hooyadood guriga ma joogto",
        "carruurta guriga keligood ayay joogaan tan iyo jimcihii, hooyadood way tagtay",
        "isagoo gaajaysan ayuu dugsiga tagaa maxaa yeelay guriga waxba ma yaallaan",
        "guriga cunto ma jirto laba maalmood, carruurtu waa gaajaysan yihiin",
        "carruurta waxay seexdaan gaariga dhexdiisa",
        "hooyadood ma joogto guriga, waxay walaalkeed yar quudisaa",
        "ardayda kale cunto ayay ka codsataa, uma maleynayo in guriga wax la siiyo",
    ],
    "lt": [
        "namuose nėra ką valgyti, neturiu kuo jų pamaitinti",
        "jis paliekamas vienas kelioms dienoms, mama negrįžta",
        "ji miega automobilyje su mama",
        "niekas juo nesirūpina",
        "nera kam juo pasirupinti, mamos niekada nera namie",
        "ji maitina mažąją sesę, nes mamos niekada nėra namie",
        "vaikai vieni namuose nuo penktadienio, mama išvažiavo",
        "eina į mokyklą alkanas, nes namuose niekada nieko nėra",
        "kaimynė čia, vaikai visada vieni, o mama grįžta naktį girta",
        "namie nėra maisto jau dvi dienas, vaikai alkani",
        "vaikai miega mašinoje su mama jau savaitę",
        "ji prižiūri mažąjį brolį, nes mamos niekada nėra",
        "prašo kitų vaikų maisto, manau namie jos nemaitina",
    ],
}

URGENT = [(lang, text) for lang, texts in NEGLECT_TOLD.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_neglect_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_tells_neglect() -> None:
    assert set(NEGLECT_TOLD) == set(LEXICONS.languages)
    assert all(len(texts) >= 5 for texts in NEGLECT_TOLD.values())


# Each is ordinary: food bought after drop-off, a nap in the car on the way home, clothes
# dirty from a game, a parent in hospital with nobody else to mind the child.
LOOK_ALIKES = [
    ("en", "no food in the house so going shopping after drop-off, she'll be in for 10"),
    ("en", "she slept in the car on the way back from Wales, she's shattered, in later"),
    ("en", "his clothes are dirty from football, he'll bring his kit back tomorrow"),
    ("en", "I'm in for an operation tomorrow and there's no one to look after her, she'll stay "
           "at home with her nan"),
    ("es", "me operan mañana y no hay nadie que la cuide, se queda con su abuela"),
    ("pl", "mam jutro zabieg i nie ma kto się nią zająć, zostanie u babci"),
    ("en", "he was feeding the ducks with his little sister and fell in, he has a cold now"),
    ("cy", "mi gysgodd hi yn y car ar y ffordd adra o Gaerdydd, mae hi wedi blino"),
    ("pl", "spała w samochodzie w drodze z Krakowa, jest zmęczona, będzie później"),
    ("pt", "dormiu no carro na viagem de volta, está cansada, vai mais tarde"),
    ("ro", "a dormit în mașină pe drum înapoi, e obosită, vine mai târziu"),
    ("es", "se durmió en el coche volviendo de Madrid, está cansada, llega más tarde"),
    ("ar", "نامت بالسيارة بالطريق، تعبانة، رح تجي متأخرة"),
    ("ur", "raste mein gaari mein so gayi thi, thaki hui hai, der se aayegi"),
    ("bn", "rastay gari te ghumiye porechilo, klanto, pore ashbe"),
    ("pa", "raste ch gaddi ch so gayi si, thakki hoyi aa, late aavegi"),
    ("so", "gaariga ayay ku seexatay jidka, way daallan tahay, goor dambe ayay imaanaysaa"),
    ("lt", "užmigo mašinoje grįžtant namo, pavargusi, ateis vėliau"),
    ("en", "we ran out of milk so breakfast was late, she'll be in by 9:30"),
    ("en", "she's hungry all the time with her growth spurt, she's got a cold today"),
    ("pl", "zabrakło mleka więc śniadanie się spóźniło, będzie na 9:30"),
    ("pt", "acabou o leite e o pequeno-almoço atrasou, chega às 9:30"),
    ("es", "se nos acabó la leche y el desayuno se retrasó, llega a las 9:30"),
    ("en", "he's been on his own since 8 because I'm on an early shift, he has a cold"),
    ("en", "our electricity was cut off by the storm, we overslept"),
    ("en", "she's been feeding her little brother's fish while he's away, she has a cold"),
    ("pl", "jest sam w domu od rana bo ma gorączkę, ja jestem w pracy"),
    ("pt", "está sozinho em casa desde as 8 porque estou a trabalhar, tem febre"),
    ("es", "está sola en casa desde las 8 porque trabajo, tiene fiebre"),
    ("ro", "e singur acasă de la 8 că sunt la muncă, are febră"),
    ("ar", "لحاله بالبيت من الصبح لأني بالشغل، عنده حرارة"),
    ("ur", "subah se ghar pe akela hai kyunke main kaam pe hoon, bukhar hai"),
    ("bn", "sokal theke basay eka ami kaje, jor"),
    ("pa", "savere ton ghar kalla aa main kamm te haan, bukhar aa"),
    ("so", "guriga keligiis buu joogaa maanta anigoo shaqada jooga, wuu xanuunsan yahay"),
    ("lt", "jis vienas namuose nuo ryto nes aš darbe, karščiuoja"),
    ("cy", "mae o ar ben ei hun adra heddiw achos dwi'n gweithio, mae o'n sâl"),
    ("en", "she's upset because her grandad is in hospital, she'll be in tomorrow"),
    ("en", "we had a power cut last night so no electric and the alarm didn't go off"),
    ("en", "the kids are staying at their nan's while we move house"),
    ("en", "my partner is in hospital so I'm on my own with the kids this week, she'll be late"),
    ("en", "we are in temporary accommodation after the fire, she'll be in tomorrow"),
    ("pl", "mąż jest w szpitalu, jestem sama z dziećmi, będzie spóźniona"),
    ("pt", "o marido está no hospital, estou sozinha com os miúdos"),
    ("ar", "ما في كهربا من الصبح بسبب العاصفة، تأخرنا"),
    ("ur", "bijli nahi thi raat ko, alarm nahi baja"),
    ("lt", "nebuvo elektros dėl audros, pramiegojome"),
    ("en", "we had no heating while the boiler was fixed, all sorted now"),
    ("pl", "pomaga mamie karmić siostrę, ma katar"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_ordinary_food_cars_and_clothes_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
