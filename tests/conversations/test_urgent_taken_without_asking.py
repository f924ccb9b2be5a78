"""A child taken away without the sender's say: to a country, abroad or "back home", without
asking, without permission, against their wishes, or not to be brought back (issue 14: urgent
recall on replies nobody tuned for).

The safety net reads it by its grammar (conversations/safety.py): a verb of taking in any
person and tense ("has taken", "is taking", "se la llevó", "lai gaya", "niye gese", "اخدها")
beside a refusal of the sender's say ("without asking me", "bez pytania", "sem me pedir",
"fără să mă întrebe", "puchhe bina", "na jiggesh kore", "بدون ما يسألني") or a refusal to bring
the child back ("won't bring him back", "wapas nahi bhejna", "مش هيرجعه"). A taking that names
an ordinary destination, a family trip with a day to come back, or a child not brought back
to school after an appointment ("não a traz de volta à escola") stays ordinary. Taken and kept
where the sender cannot say ("I don't know where they are") is first a missing child
(whereabouts unknown, as round 9's labels have it); taken to a place the reply names is
safeguarding. Every reply
here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

TAKEN_WITHOUT_ASKING = [
    ("en", "her dad's taken Zara to Pakistan without asking me and says she's staying there"),
    ("en", "his father has taken him back home to Somalia and won't bring him back"),
    ("en", "their dad is taking them abroad tomorrow without my permission, please help"),
    ("en", "she was taken to India by her grandparents against my wishes"),
    ("en", "my ex took our son to Romania on saturday without even asking me"),
    ("cy", "Mae ei thad wedi mynd â hi i Iwerddon heb ofyn i mi"),
    ("cy", "Aeth ei dad â fo i Wlad Pwyl heb fy nghaniatâd a dydi o ddim am ddod â fo nôl"),
    ("cy", "mae ei mam wedi mynd â'r plant dramor heb ddeud wrtha i"),
    ("pl", "Ojciec zabrał ją do Polski bez pytania i mówi, że już nie wróci"),
    ("pl", "były wywiózł syna na Ukrainę bez mojej zgody"),
    ("pl", "tesciowa zabrala dzieci za granice i nie chce ich oddac"),
    ("pt", "O pai levou-a para o Brasil sem me pedir autorização e diz que não volta"),
    ("pt", "o pai dele levou ele pro Brasil sem eu deixar"),
    ("pt", "a avó levou os miúdos para Angola contra a minha vontade"),
    ("ro", "Tatăl ei a dus-o în România fără să mă întrebe și zice că nu o mai aduce înapoi"),
    ("ro", "fostul sot l-a luat in Italia fara acordul meu"),
    ("ro", "bunica a plecat cu ea în Moldova fără să-mi ceară voie"),
    ("es", "Su padre se la llevó a Colombia sin preguntarme y dice que no vuelve"),
    ("es", "mi ex se llevó al niño a Marruecos sin mi consentimiento"),
    ("es", "la abuela se llevo a los ninos a Ecuador en contra de mi voluntad"),
    ("lt", "Tėvas išsivežė ją į Lietuvą manęs neatsiklausęs ir sako, kad negrįš"),
    ("lt", "buvęs vyras išvežė sūnų į Norvegiją be mano sutikimo"),
    ("lt", "tevas isveze ja i Lietuva be mano leidimo"),
    ("so", "Aabaheed ayaa u kaxaystay Soomaaliya isagoon i weydiin"),
    ("so", "aabihiis ayaa Kenya u qaaday ogolaanshahayga la'aan, dib uma soo celinayo"),
    ("ar", "ابوها اخدها على سوريا بدون ما يسألني وبيقول مش راجعة"),
    ("ar", "طليقي سافر بالولد على مصر من غير اذني"),
    ("ar", "abouha a5adha 3a lebnen bala ma yes2alni"),
    ("ur", "uske abbu usay Pakistan le gaye mujh se poochay baghair, kehte hain wapas nahi aayegi"),
    ("ur", "اس کے ابو اسے میری اجازت کے بغیر پاکستان لے گئے"),
    ("ur", "nani usay Bangladesh le gayi meri marzi ke khilaf"),
    ("bn", "or baba oke amake na jiggesh kore Bangladesh e niye gese, bolse ar ferot anbe na"),
    ("bn", "ওর বাবা আমার অনুমতি ছাড়া ওকে দেশে নিয়ে গেছে"),
    ("bn", "dadi oke Sylhet niye gese amar icchar biruddhe"),
    ("pa", "ohda dad ohnu mere ton puchhe bina India lai gaya, kehnda hun wapas nahi bhejna"),
    ("pa", "ਉਹਦੀ ਦਾਦੀ ਉਹਨੂੰ ਮੇਰੀ ਮਰਜ਼ੀ ਤੋਂ ਬਿਨਾਂ ਪਿੰਡ ਲੈ ਗਈ"),
    ("pa", "ਉਹਦਾ ਪਿਓ ਉਹਨੂੰ ਬਿਨਾਂ ਪੁੱਛੇ ਕੈਨੇਡਾ ਲੈ ਗਿਆ"),
]

# Taken, and the sender told the child will not be brought back.
NOT_BROUGHT_BACK = [
    ("en", "his dad has taken him to Poland and says he's not bringing him back"),
    ("es", "su padre se lo ha llevado a Rumanía y dice que no lo va a traer de vuelta"),
    ("pt", "o pai levou-o para a Roménia e diz que não o traz de volta"),
    ("ro", "tatăl lui l-a dus în Polonia și zice că nu-l mai aduce înapoi"),
    ("pl", "ojciec zabrał go do Rumunii i mówi, że go nie przywiezie z powrotem"),
    ("lt", "tėvas išsivežė jį į Lenkiją ir sako, kad jo neparveš"),
    ("ur", "uske abbu usay Pakistan le gaye hain aur kehte hain wapas nahi layenge"),
    ("bn", "or abba oke Bangladesh niye gese, bolche ar ferot anbe na"),
    ("pa", "ohda pyo ohnu India lai gaya te kehnda wapas nahi liauna"),
    ("ar", "ابوه اخده على مصر وبيقول مش هيرجعه"),
    ("so", "aabihii wuxuu u qaaday Soomaaliya, wuxuu leeyahay dib uma soo celinayo"),
    ("cy", "mae ei dad wedi mynd â fo i Wlad Pwyl ac yn deud na fydd o'n dod â fo nôl"),
]

# Taken and not brought back, and the sender cannot say where: first of all a missing child.
TAKEN_PLACE_UNKNOWN = [
    ("en", "her dad collected her on friday, hasn't brought her back, I don't know where they are"),
    ("cy", "Aeth ei thad â hi ddydd Gwener, dydi o ddim wedi dod â hi nôl, dwi ddim yn gwybod "
           "lle maen nhw"),
    ("pl", "ojciec zabrał ją w piątek, nie przywiózł jej i nie wiem, gdzie są"),
    ("pt", "o pai levou-a na sexta, não a trouxe de volta e não sei onde estão"),
    ("ro", "tatăl ei a luat-o vineri, nu a adus-o înapoi și nu știu unde sunt"),
    ("es", "su padre se la llevó el viernes, no la ha traído y no sé dónde están"),
    ("lt", "tėvas ją pasiėmė penktadienį, negrąžino ir nežinau, kur jie"),
    ("so", "aabaheed ayaa kaxaystay jimcihii, dib uma soo celin, mana garanayo meel ay joogaan"),
    ("ar", "ابوها اخدها يوم الجمعة وما رجعها وما بعرف وين هم"),
    ("ur", "uske abbu usay jummay ko le gaye, wapas nahi laye aur mujhe nahi pata kahan hain"),
    ("bn", "or baba shukrobar oke niye gese, ferot dey nai, ami jani na ora kothay"),
    ("pa", "ohda pyo shukarvaar nu lai gaya, wapas nahi liaya te mainu nahi pata kithe ne"),
]

# Not brought back to school after an appointment: no child kept from the sender.
BACK_TO_SCHOOL = [
    ("en", "her dad took her to the doctors and then home, she's not coming back in today"),
    ("ur", "abbu usay doctor ke paas le gaye, aaj wapas school nahi layenge"),
    ("pt", "o pai levou-a ao médico, hoje não a traz de volta à escola"),
    ("ar", "ابوها اخدها عالدكتور، مش هيرجعها عالمدرسة اليوم"),
    ("cy", "aeth ei thad â hi at y doctor, fydd o ddim yn dod â hi nôl i'r ysgol heddiw"),
    ("en", "her dad took her to the dentist and hasn't brought her back to school yet, sorry"),
]

# Taken to an ordinary place, or a family trip with a day to come back.
ORDINARY_TAKING = [
    ("en", "dad's taken her to the dentist, she'll be in by 11"),
    ("en", "went to India for a wedding, back Monday"),
    ("en", "her dad took her to Spain for the long weekend, back Tuesday, sorry"),
    ("en", "we've taken him to see family in Pakistan, back at school next Wednesday"),
    ("cy", "Aeth ei thad â hi at y deintydd bore 'ma"),
    ("cy", "Da ni yn Sbaen am briodas, nôl dydd Llun"),
    ("pl", "tata zabrał ją do dentysty, będzie koło 11"),
    ("pl", "jesteśmy w Polsce na weselu, wracamy w poniedziałek"),
    ("pt", "o pai levou-a ao dentista, chega às 11"),
    ("pt", "fomos a Portugal a um casamento, voltamos segunda"),
    ("ro", "tatăl ei a dus-o la dentist, vine la 11"),
    ("ro", "suntem în România la o nuntă, ne întoarcem luni"),
    ("es", "su padre la llevó al dentista, llega a las 11"),
    ("es", "estamos en México por una boda, volvemos el lunes"),
    ("lt", "tėvas nuvežė ją pas dantistą, bus 11 val."),
    ("lt", "esame Lietuvoje vestuvėse, grįšime pirmadienį"),
    ("so", "aabaheed ayaa u qaaday dhakhtarka ilkaha, 11 ayay imanaysaa"),
    ("so", "waxaan u aadnay Kenya aroos, waxaan soo laabanaynaa isniinta"),
    ("ar", "ابوها اخدها عند دكتور الاسنان، بتيجي الساعة 11"),
    ("ar", "احنا بالاردن بعرس، راجعين يوم الاثنين"),
    ("ur", "abbu usay dentist ke paas le gaye, 11 baje aa jayegi"),
    ("ur", "hum Pakistan shaadi pe gaye hain, Monday wapas aa jayenge"),
    ("bn", "baba oke dentist er kache niye gese, 11 tay ashbe"),
    ("bn", "amra biye te Bangladesh e gesi, shombar firbo"),
    ("pa", "dada ji ohnu dentist kol lai gaye, 11 vaje aa jau"),
    ("pa", "asin viah te India gaye haan, Monday nu wapas aavange"),
]


@pytest.mark.parametrize(("lang", "text"), TAKEN_WITHOUT_ASKING)
def test_a_child_taken_without_asking_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), NOT_BROUGHT_BACK)
def test_a_child_not_to_be_brought_back_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


@pytest.mark.parametrize(("lang", "text"), TAKEN_PLACE_UNKNOWN)
def test_a_child_taken_to_a_place_unknown_is_missing(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN), reading


@pytest.mark.parametrize(("lang", "text"), ORDINARY_TAKING + BACK_TO_SCHOOL)
def test_an_ordinary_taking_or_trip_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    for concept in (TAKEN_WITHOUT_ASKING, NOT_BROUGHT_BACK, TAKEN_PLACE_UNKNOWN, ORDINARY_TAKING):
        assert {lang for lang, _ in concept} == LANGUAGES
