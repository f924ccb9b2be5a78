"""Sexual abuse told outright or sideways is urgent safeguarding in every language (issue 14:
urgent recall on replies nobody tuned for; the words are in locales/<lang>/concepts/
sexual_abuse.toml).

A parent rarely names it. They tell the deed ("touched her where he shouldn't", "gets into her
bed at night"), what the child said ("she told me what he does when I'm at work"), or the
child's fear of one person ("won't be left alone with him"). "Did something to her" is a
thing done to an ankle as often as harm: beside an uncle, a stepdad or a man (`adult` with
`contact`, conversations/safety.py) it is urgent, alone it is not.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: an injured ankle, in bed with a fever, an uncle taking
her to the doctor, a friend's birthday party, a sex-education lesson."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "her uncel did sumthing to her n she wont tel me wat",
        "shes scared of her step dad he keeps goin in her room at nite",
        "he touchd her privats",
        "he made her do stuff to him",
        "shes been raped by a lad at a party",
        "i think my daughter is being abused by her dad when she goes there at weekends, she"
        " comes back and wont talk",
        "the 17yo next door had her in his shed and she came back crying with her leggings ripped",
        "he's not right with her, the way he looks at her and the things he says about her body",
        "something happened at her uncle's and now she won't go back there",
        "its Mia from 11B, my uncle did something to me and I cant come in",
        "my stepdad keeps coming in when im in the shower",
        "I don't want to be left alone with him anymore",
        "he touched me when I was asleep",
        "she said the taxi driver touched her leg and said things",
        "shes told me her dads mate touched her up when she stayed over",
        "my daughter says the man next door makes her sit on his knee and it makes her"
        " uncomfortable",
        "found messages on her phone from a 30 yr old man telling her she's beautiful and to"
        " keep it quiet",
        "her older cousin molested her years ago and she has just told us",
        "she finally told me her step dad has been coming into her room when I'm on nights",
        "her brother's friend did stuff to her at the party, she's in pieces",
        "found out the lodger has been making her sit on his lap and touching her",
        "she told her auntie that grandad plays games with her that hurt",
        "he made her keep it a secret what happened in the tent on the camping trip",
        "my ex's new partner has been walking in on her in the bathroom",
        "I caught him in her room with the door shut and his trousers down",
        "she has had a sexual health check because of what happened",
        "she was assaulted by a boy at the bus stop, he grabbed her between the legs",
        "a boy in year 10 keeps pinning her down and touching her chest",
        "she said an older boy made her give him oral",
        "he's been exposing himself to the kids on the estate",
        "her uncle did something to her, she won't say what",
        "she told me what he does when I'm at work and I feel sick",
        "he touched her where he shouldn't at the sleepover",
        "she won't be left alone with him anymore and now I know why",
        "her mum's boyfriend has been getting into bed with her",
        "my son says the man at football touched his willy",
        "he makes her do things she doesn't want to do",
        "her cousin has been interfering with her, she told me last night",
    ],
    "cy": [
        "mae criw o fechgyn yn ei chyffwrdd hi yn y coridor",
        "mae hi'n dod nôl o dŷ ei thad yn crio a ddim yn siarad, dwi'n meddwl ei fod o'n ei"
        " cham-drin hi",
        "dydi o ddim yn iawn efo hi, y ffordd mae o'n sbio arni",
        "digwyddodd rhywbeth yn nhŷ ei hewythr a dydi hi ddim isio mynd yn ôl",
        "ma fy ewythr wedi gwneud rhywbeth i fi",
        "mae dyn drws nesa yn gwneud iddi eistedd ar ei lin",
        "mae ei llystad yn cerdded i mewn arni yn y bath",
        "mae ei hewythr wedi gwneud rhywbeth iddi hi",
        "mae hi wedi deud wrtha i be mae o'n neud pan dwi yn gwaith",
        "dydi hi ddim isio cael ei gadael ar ben ei hun efo fo",
        "mae o'n cyffwrdd ei rhannau preifat",
    ],
    "pl": [
        "wraca od ojca zapłakana i nic nie mówi, myślę że on ją krzywdzi w ten sposób",
        "on się dziwnie do niej odnosi, komentuje jej ciało",
        "coś się stało u wujka i nie chce tam wracać",
        "wujek mi coś zrobił i nie mogę przyjść",
        "sasiad kaze jej siadac na kolanach i ja dotyka",
        "kuzyn ja molestowal jak byla mala",
        "partner mamy wchodzi do łazienki jak ona się kąpie",
        "dziadek bawi się z nią w zabawy które ją bolą",
        "wujek jej coś zrobił, nie chce powiedzieć co",
        "powiedziała mi co on robi jak jestem w pracy",
        "nie chce zostawać z nim sama",
        "kazał jej się rozebrać",
        "ojczym przychodzi do niej do lozka w nocy",
    ],
    "pt": [
        "os rapazes estão sempre a apalpá-la no corredor",
        "ele não é normal com ela, faz comentários sobre o corpo dela",
        "aconteceu alguma coisa em casa do tio e ela não quer voltar lá",
        "o meu tio fez-me uma coisa e não consigo ir",
        "o vizinho faz ela sentar no colo dele e toca nela",
        "o primo abusou dela quando era pequena",
        "o namorado da mãe entra na casa de banho quando ela toma banho",
        "um homem mostrou as partes dele numa videochamada",
        "o tio fez alguma coisa com ela",
        "ela me contou o que ele faz quando estou no trabalho",
        "ela não quer ficar sozinha com ele",
        "o padrasto entra na cama dela à noite",
        "ele mexe nas partes intimas dela",
    ],
    "ro": [
        "băieții o tot pipăie pe hol și nu mai vrea să vină",
        "nu e normal cum se poartă cu ea, face comentarii despre corpul ei",
        "s-a întâmplat ceva la unchiul ei și nu mai vrea să meargă acolo",
        "unchiul mi-a făcut ceva",
        "vecinul o pune sa stea pe genunchii lui si o atinge",
        "varul ei a abuzat-o cand era mica",
        "concubinul mamei intră în baie când se spală",
        "unchiul i-a făcut ceva și nu vrea să spună",
        "mi-a spus ce îi face el când sunt la muncă",
        "nu vrea sa ramana singura cu el",
        "tatăl vitreg vine în patul ei noaptea",
    ],
    "ar": [
        "3ammha 3amal fiha shi w hiye ma bidda t2ool",
        "ma bidda tob2a la7alha ma3o",
        "مش طبيعي معها، بيعلق على جسمها",
        "صار شي عند عمها وما بدها ترجع هناك",
        "وصلته رسالة اذا ما بعت مصاري الكل رح يشوف الفيديو",
        "عمي عمل فيني شي",
        "3ammi 3amal fiyi shi",
        "jarha bi5aleha to23od 3ala rejleh w byelmasha",
        "ibn 3ammha et7arash fiha lamma kanet soghayra",
        "زوج امها بيدخل عليها الحمام وهي بتتحمم",
        "عمها عمل فيها حاجة",
        "قالتلي شو بيعمل فيها لما اكون بالشغل",
        "ما بدها تضل لحالها معه",
        "بيلمس أماكنها الخاصة",
        "lamasha fi makan 3ib",
    ],
    "ur": [
        "usne bataya ke uske chachu ne usko ghalat jagah haath lagaya",
        "wo uske saath theek nahi, uske jism ke bare mein baatein karta hai",
        "chacha ke ghar kuch hua hai aur ab wo wahan nahi jana chahti",
        "mere chacha ne mere saath ghalat kaam kiya",
        "cousin ne bachpan mein uske saath ghalat kaam kiya",
        "padosi usay apni god mein bithata hai aur chhoota hai",
        "ammi ka dost bathroom mein ghus jata hai jab wo naha rahi hoti hai",
        "uske chacha ne uske saath kuch kiya",
        "usne bataya ke jab main kaam pe hoti hoon wo kya karta hai",
        "usko ghalat tareeqe se chhoota hai",
        "wo uske saath akeli nahi rehna chahti",
        "اس کے چچا نے اس کے ساتھ غلط کام کیا",
    ],
    "bn": [
        "or mama or gaye baje bhabe haat dey",
        "o or sathe thik na, or shorir niye baje kotha bole",
        "chachar barite kichu hoyeche ar o ar okhane jete chay na",
        "amar chacha amar sathe kharap kaj koreche",
        "pasher barir lok oke kole bosay ar chhoy",
        "cousin choto belay or sathe kharap kaj korechilo",
        "mayer boyfriend gosol korar somoy bathroom e dhuke pore",
        "ওর সাথে খারাপ কাজ করেছে",
        "o bollo ami kaje gele se ki kore",
        "o take kharap jaygay chuyeche",
        "o tar sathe eka thakte chay na",
    ],
    "pa": [
        "ohde chache ne ohnu galat thaan hath laaya",
        "oh ohde naal theek nahi, ohde sareer baare gallan karda",
        "chache de ghar kuch hoya te hun oh othe nahi jana chahundi",
        "mere chache ne mere naal galat kamm kita",
        "gwandi ohnu god ch bithaunda te hath launda",
        "cousin ne bachpan ch ohde naal galat kamm kita",
        "mummy da dost bathroom ch vad janda jado oh nahaundi",
        "ohde chache ne ohde naal kuch kita",
        "ohne dasya ki jado main kamm te hundi aan oh ki karda",
        "ohne ohnu galat jagah hath laaya",
        "ਉਹਦੇ ਨਾਲ ਗਲਤ ਕੰਮ ਕੀਤਾ",
    ],
    "so": [
        "adeerkeed ayaa meel xun ka taabtay",
        "si fiican uguma dhaqmo, jirkeeda ayuu ka hadlaa",
        "wax baa ka dhacay guriga adeerkeed mana rabto inay ku noqoto",
        "adeerkay wax xun ayuu igu sameeyay",
        "deriskeena wuxuu ku fadhiisiyaa dhabtiisa oo wuu taabtaa",
        "ina adeerkeed ayaa faro xumeeyay markay yarayd",
        "saaxiibka hooyadeed ayaa musqusha u soo gala marka ay maydhanayso",
        "adeerkeed ayaa wax ku sameeyay",
        "waxay ii sheegtay waxa uu sameeyo markaan shaqada joogo",
        "ma rabto inay kaligeed la joogto isaga",
        "xubnaha qarsoon ayuu ka taabtay",
    ],
    "lt": [
        "berniukai koridoriuje ją čiupinėja ir ji nenori eiti į mokyklą",
        "jis su ja elgiasi keistai, komentuoja jos kūną",
        "kažkas nutiko pas dėdę ir ji nebenori ten važiuoti",
        "dėdė man kažką padarė",
        "kaimynas sodina ja ant keliu ir liecia",
        "pusbrolis ja tvirkino kai buvo maza",
        "mamos draugas įeina į vonią kai ji prausiasi",
        "dėdė jai kažką padarė",
        "papasakojo ką jis daro kai aš darbe",
        "nenori likti viena su juo",
        "patevis naktimis ateina i jos lova",
    ],
    "es": [
        "los chicos la manosean en el pasillo y no quiere ir",
        "no es normal con ella, hace comentarios sobre su cuerpo",
        "pasó algo en casa de su tío y no quiere volver allí",
        "mi tío me hizo algo y no puedo ir",
        "el vecino la sienta en sus rodillas y la toca",
        "su primo abuso de ella cuando era pequena",
        "el novio de su madre entra al baño cuando ella se ducha",
        "un hombre se le mostró desnudo en una videollamada",
        "su tío le hizo algo",
        "me contó lo que él le hace cuando estoy en el trabajo",
        "no quiere quedarse sola con él",
        "su padrastro se mete en su cama por la noche",
    ],
}

NOT_URGENT = {
    "en": ["something's not right with her, she's been sick all night",
           "she's self conscious about her body since the eczema flared, keeping her off today",
           "something happened at her uncle's wedding and she's exhausted",
           "I did something to my knee at football so can't come in",
           "she hurt her knee and sat on his lap in the car to the hospital",
           "her stepdad found her collapsed in the bathroom, she's at the hospital now",
           "she slipped in the shower this morning, her stepdad took her to A&E",
           "she did something to her ankle at PE, she can't walk on it",
           "she's in bed with her tummy bug", "he's upset about the sex education lesson",
           "she was at a friend's birthday party last night so she's tired",
           "the doctor wants to examine her down there, she has a UTI"],
    "cy": ["mae hi'n poeni am ei chorff ac yn sâl heddiw",
           "syrthiodd yn y bath, aeth ei llystad â hi i'r ysbyty",
           "mae hi yn ei gwely efo'r ffliw", "mae ei hewythr yn mynd a hi i'r ysbyty"],
    "pl": ["ma wysypkę na całym ciele i gorączkę",
           "babcia sadza ją na kolanach, ma gorączkę",
           "poślizgnęła się pod prysznicem, ojczym zawiózł ją na pogotowie",
           "coś sobie zrobiła w kostkę na wfie", "wujek zawiezie ją do dentysty"],
    "pt": ["ela tem manchas no corpo e febre",
           "o meu tio fez-me uma coisa para comer e fiquei mal",
           "a avó senta ela no colo, está com febre",
           "caiu na casa de banho, o padrasto levou-a ao hospital",
           "ela fez alguma coisa no tornozelo na educação física",
           "ela foi a uma festa de aniversário de uma amiga ontem"],
    "ro": ["a căzut în baie, tatăl vitreg a dus-o la urgențe",
           "și-a făcut ceva la gleznă la sport", "unchiul o duce la dentist azi"],
    "ar": ["طلع معها حبوب على جسمها، عندها جدري",
           "وقعت في الحمام وزوج امها اخدها عالمستشفى",
           "نايمة في سريرها تعبانة", "3ammha 3amal laha 7aga 7elwa 3ala 3id miladha"],
    "ur": ["nani usay god mein bithati hai, bukhar hai aaj",
           "wo bathroom mein gir gayi, ammi ka dost hospital le gaya",
           "wo bistar mein hai bukhar hai",
           "uske saath kuch kiya tha usne birthday pe, cake banaya"],
    "bn": ["nani oke kole bosay, or jor",
           "bathroom e pore geche, sot baba hospital e niye geche",
           "o bichanay shuye ache jor hoyeche", "ami kaje gele nani oke dekhe"],
    "pa": ["nani ohnu god ch bithaundi, bukhar hai",
           "bathroom ch dig gayi, mummy da dost hospital lai gaya",
           "oh manje te payi hai bukhar hai", "main kamm te hundi aan taan nani dekhdi"],
    "so": ["musqusha ayay ku dhacday, saaxiibka hooyadeed ayaa isbitaalka geeyay",
           "sariirteeda ayay ku jirtaa, qandho ayay qabtaa",
           "adeerkeed ayaa dhakhtarka u geynaya"],
    "lt": ["ji nerimauja dėl savo kūno ir serga",
           "močiutė sodina ją ant kelių, karščiuoja",
           "paslydo vonioje, patėvis nuvežė į ligoninę",
           "guli lovoje, karščiuoja", "kažką pasidarė kojai per kūno kultūrą"],
    "es": ["está acomplejada sobre su cuerpo y tiene fiebre",
           "mi tío me hizo algo de comer y me sentó mal",
           "tiene dolor en sus rodillas desde el partido",
           "su abuela la sienta en sus rodillas y le lee cuentos, hoy tiene fiebre",
           "se resbaló en el baño, su padrastro la llevó a urgencias",
           "se hizo algo en el tobillo en educación física",
           "su abuela le hizo algo de comer y le sentó mal"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_sexual_abuse_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_an_injury_a_sick_bed_or_an_uncle_driving_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
