"""Someone saw the child go in, or left the child at school: the register says absent, so where
is the child? (issue 14: urgent recall on replies nobody tuned for).

The safety net reads the concept by its grammar (conversations/safety.py): a verb of seeing or
watching in any person and tense ("I watched", "we'd seen", "his dad saw", "widzieliśmy",
"dekhsi", "شفناها"), then within a few words the child going in (through a gate or a door, into
school, inside, off the bus at school), or a school run the sender did themselves ("I dropped
her at the side gate", "thaki aisi"), or said they took the child in person, the place left
unsaid ("but I dropped her off myself!", "main khud chhod ke aayi thi"). Native script and the
spellings people type on phones: romanised Urdu, Bengali (Sylheti too) and Punjabi, Arabizi, no
diacritics.

The same verbs beside an ordinary reason stay ordinary: a doctor who saw the child, a film
watched, a rash seen. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, student

LANGUAGES = {"en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}

# The sender, or someone they name, saw the child go in or arrive at school.
SAW_THEM_GO_IN = [
    ("en", "I watched Mia walk in through the main gate at 8.35 myself"),
    ("en", "my husband saw them both go into school this morning"),
    ("en", "we'd seen him get off the bus outside school and head in"),
    ("en", "his nan has seen him going through the gates, what do you mean absent"),
    ("en", "i literally watched Leo go thru the back gate with his mates"),
    ("cy", "Welais i hi'n mynd i mewn i'r ysgol am ddeg i naw"),
    ("cy", "Mi welodd ei dad o'n cerdded drwy'r giât"),
    ("cy", "Nes i wylio fo'n mynd i mewn drwy'r drws"),
    ("cy", "Gwelson ni hi'n dod oddi ar y bws tu allan i'r ysgol"),
    ("pl", "Widziałam, jak wchodził do szkoły o 8:40"),
    ("pl", "Mąż widział, jak wysiadała z autobusu pod szkołą"),
    ("pl", "patrzylam jak wchodzi przez brame szkoly"),
    ("pl", "Widzieliśmy ją, jak szła do szkoły z koleżanką"),
    ("pt", "Eu vi-a a entrar no portão da escola às 8h40"),
    ("pt", "Eu vi ele entrando na escola, como assim faltou?"),
    ("pt", "Vimos a Beatriz a sair do autocarro em frente à escola"),
    ("pt", "o meu marido viu-o passar pelo portao da escola"),
    ("ro", "Am văzut-o cu ochii mei cum intră pe poarta școlii"),
    ("ro", "Soțul meu l-a văzut intrând în școală la 8 fără 20"),
    ("ro", "am vazut-o cum coboara din autobuz in fata scolii"),
    ("ro", "Bunica a văzut-o pe Ioana intrând pe poartă"),
    ("es", "Yo misma la vi entrar por la puerta del colegio a las 8:40"),
    ("es", "Mi marido lo vio bajarse del autobús delante del cole"),
    ("es", "la vimos entrando a la escuela con sus amigas"),
    ("es", "lo vi meterse en el cole yo misma, como que no esta"),
    ("lt", "Mačiau savo akimis, kaip jis įėjo pro mokyklos vartus"),
    ("lt", "Vyras matė, kaip ji išlipo iš autobuso prie mokyklos"),
    ("lt", "maciau kaip ieina i mokykla"),
    ("lt", "Močiutė matė ją įeinant į mokyklą 8:40"),
    ("so", "Waxaan arkay isagoo galaya iridda iskuulka 8:40"),
    ("so", "Aabaheed ayaa arkay iyadoo gelaysa dugsiga"),
    ("so", "Waxaan arkaynay iyadoo baska ka degaysa iskuulka hortiisa"),
    ("ar", "أنا شفته بعيني داخل من باب المدرسة الساعة ٨:٤٠"),
    ("ar", "أبوه شافه وهو بيدخل المدرسة"),
    ("ar", "ana shoftaha da5la el madrasa el sob7"),
    ("ar", "شفناها نازلة من الباص قدام المدرسة"),
    ("ar", "chftou dakhel l lmdrasa b 3iniya"),
    ("ur", "maine khud usay school ke gate se andar jaate dekha tha"),
    ("ur", "uske abbu ne dekha wo school mein dakhil hua"),
    ("ur", "hum ne usay bus se utarte dekha school ke samne"),
    ("ur", "میں نے خود اسے سکول کے اندر جاتے دیکھا"),
    ("bn", "ami nije dekhechi o school er gate diye bhitore dhuklo"),
    ("bn", "or abbu dekhse je o school e dhukse"),
    ("bn", "আমি নিজে দেখেছি ও স্কুলের ভিতরে ঢুকেছে"),
    ("bn", "ami dekhsi tai school o dukse, tare khujen"),
    ("pa", "main aap vekhya si oh school de gate andar gaya"),
    ("pa", "ਮੈਂ ਆਪ ਉਹਨੂੰ ਸਕੂਲ ਦੇ ਅੰਦਰ ਜਾਂਦੇ ਵੇਖਿਆ"),
    ("pa", "ohde papa ne dekhya oh bus to utar ke school andar gayi"),
    ("cy", "welais i o'n mynd i mewn bore 'ma"),
    ("cy", "gwelodd ei nain hi'n cerdded i'r ysgol"),
    ("pl", "widzialem jak wchodzil do szkoly"),
    ("ro", "am vazut-o intrand in scoala"),
    ("pt", "vi ela entrando na escola"),
    ("es", "la vi entrando al cole"),
    ("ar", "shefta dakhle 3al madrase el sob7"),
    ("ar", "shoftaha dakhla el madrasa"),
    ("ar", "chefto dakhel l mdrasa"),
    ("bn", "dekhlam o school e dhuklo"),
    ("ur", "maine usay school ke andar jate hue dekha"),
    ("pa", "main vekhya oh school andar gaya"),
    ("so", "waxaan arkay inuu iskuulka galay"),
    ("lt", "mačiau, kaip įėjo į mokyklą"),
    ("en", "my neighbour saw him heading into school at 8.50"),
    ("en", "we seen her go in with her mates"),
]

# The sender (or someone they name) took the child to school and left them there.
LEFT_THEM_AT_SCHOOL = [
    ("en", "I dropped Ava at the side gate at 8.40 and she walked straight in"),
    ("en", "his dad took him in this morning, left him at the door at ten to nine"),
    ("cy", "Es i â hi at ddrws yr ysgol bore 'ma fy hun"),
    ("pl", "Sama ją zaprowadziłam pod drzwi szkoły o 8:30"),
    ("pt", "deixei-a eu mesma no portão da escola às 8h30"),
    ("ro", "am lăsat-o eu la poarta școlii la 8 și jumătate"),
    ("es", "la dejé yo en la puerta del cole a las 8:30"),
    ("lt", "pati palikau ją prie mokyklos durų 8:30"),
    ("so", "aniga ayaa keenay iskuulka 8:30, iridda ayaan uga tagay"),
    ("ar", "انا وصلتها لباب المدرسة الساعة ٨ ونص"),
    ("ur", "main khud usay school ke gate pe chhod ke aayi thi"),
    ("bn", "ami nije Rumi re school er gate o thaki aisi 8:30 e"),
    ("pa", "main aap ohnu school de gate te chhad ke aayi si"),
    ("en", "my husband dropped them both off at the side gate at quarter to nine"),
    ("en", "we'd taken her in together, she went through the gate with her friend"),
    ("en", "her dad has driven her in and seen her walk into the building"),
    ("cy", "Nath ei thad hi ollwng hi wrth y giât am chwarter i naw"),
    ("cy", "Mi aethon ni â fo i'r ysgol ein hunain bore 'ma"),
    ("pl", "Mąż ją podwiózł pod samą bramę szkoły o 8:40"),
    ("pl", "Odprowadziliśmy go razem pod drzwi szkoły"),
    ("pt", "O pai deixou-a à porta da escola às 8h40"),
    ("pt", "a gente levou ele até o portão da escola hoje cedo"),
    ("ro", "Soțul meu a dus-o până la poarta școlii la 8:40"),
    ("ro", "am dus-o noi până la ușa școlii"),
    ("es", "Su padre la ha dejado en la puerta del colegio a las 8:40"),
    ("es", "la llevamos nosotros hasta la puerta de la escuela"),
    ("lt", "Tėtis nuvežė ją iki mokyklos vartų 8:40"),
    ("lt", "mes jį palydėjome iki mokyklos durų"),
    ("so", "Aabaheed ayaa geeyay iridda iskuulka 8:40"),
    ("so", "annaga ayaa iskuulka u geynay saaka"),
    ("ar", "ابوها وصلها على باب المدرسة الساعة ٨:٤٠"),
    ("ar", "a5adto 3al madrase ana el sob7 w shefto da5el"),
    ("ur", "uske abbu ne usay 8:40 pe school ke gate pe chhoda"),
    ("ur", "hum khud usay school chhod kar aaye the"),
    ("bn", "or abbu oke 8:40 e school er gate e namiye diyeche"),
    ("bn", "amra nije school e rekhe aslam"),
    ("pa", "ohde papa ne ohnu 8:40 te school de gate te chhadya"),
    ("pa", "asi aap ohnu school chhad ke aaye si"),
]

# Taken right up to the classroom door.
TO_THE_CLASSROOM = [
    ("en", "what do you mean absent?! his mum walked him up to the classroom door this morning"),
    ("es", "¿cómo que ausente? su madre lo acompañó hasta la puerta de clase"),
    ("pl", "jak to nieobecny? mama odprowadziła go pod same drzwi klasy"),
    ("pt", "como assim falta? a mãe acompanhou-o até à porta da sala"),
    ("ro", "cum adică absent? mama l-a condus până la ușa clasei"),
    ("lt", "kaip tai nėra? mama palydėjo jį iki klasės durų"),
    ("cy", "be ti'n feddwl absennol? aeth ei fam â fo at ddrws y dosbarth"),
    ("so", "sidee maqan? hooyadiis ayaa geysay ilaa albaabka fasalka"),
    ("ar", "كيف غايب؟ امه وصلته لباب الصف"),
    ("ur", "kya matlab ghair haazir? uski ammi usay class ke darwaze tak chhod ke aayi"),
    ("bn", "absent mane ki? or ammu oke class er dorja porjonto diye asche"),
    ("pa", "absent ki matlab? ohdi mummy ohnu class de darvaze tak chhad ke aayi"),
]

# The sender took the child in person, the place left unsaid (a reply to an absence text).
TOOK_THEM_MYSELF = [
    ("en", "but I dropped her off!!"),
    ("en", "she IS in school, I took her myself"),
    ("en", "no he went in, check again"),
    ("cy", "ond es i â hi fy hun!"),
    ("pl", "ale ja ją zawiozłam!"),
    ("pt", "mas eu deixei-a lá!"),
    ("ro", "dar am dus-o eu!"),
    ("es", "¡pero si yo la dejé allí!"),
    ("lt", "bet aš ją nuvežiau!"),
    ("so", "laakiin anigaa keenay!"),
    ("ar", "بس انا وصلتها بنفسي!"),
    ("ur", "lekin main khud chhod ke aayi thi!"),
    ("bn", "kintu ami nijei diye ashchi!"),
    ("pa", "par main aap chhad ke aayi si!"),
]

# Taken in person to an ordinary place, or a plan: no one to alarm.
TOOK_THEM_MYSELF_ELSEWHERE = [
    ("en", "I took her temperature myself, 39.2, keeping her home"),
    ("en", "I'll take her in myself after lunch"),
    ("en", "sorry I was off work sick myself and couldn't take him"),
    ("en", "I went to the GP myself with her this morning"),
    ("es", "yo la llevé al médico esta mañana, tiene anginas"),
    ("pt", "fui eu que a levei ao hospital ontem à noite, está a descansar"),
    ("ur", "main khud usay doctor ke paas le gayi thi, bukhar hai"),
    ("bn", "ami nije oke daktar dekhiye aslam, jor ache"),
    ("pa", "main aap ohnu doctor kol lai ke gayi si"),
    ("pl", "ja sama zawiozłam ją do lekarza, ma anginę"),
    ("cy", "es i â hi at y meddyg fy hun, mae ganddi donsilitis"),
    ("so", "aniga ayaa u qaaday dhakhtarka, qandho ayay qabtaa"),
    ("ar", "انا بنفسي وديتها عالدكتور، عندها حرارة"),
    ("lt", "aš pati nuvežiau ją pas gydytoją, angina"),
    ("ro", "am dus-o eu la doctor, are febră"),
]

# Dropped off somewhere else: at the dentist, at a grandparent's.
DROPPED_OFF_ELSEWHERE = [
    ("en", "I dropped her off at the dentist at 9, she'll be in at 11"),
    ("en", "dropped him off at the hospital for his scan, back after lunch"),
    ("en", "I dropped her off at her nan's last night, she's staying there, she has a temperature"),
    ("en", "dropped them off at my mum's as I'm working, both have colds"),
    ("es", "la dejé en casa de su abuela anoche, tiene fiebre y se queda allí"),
    ("pl", "zawiozłam ją do babci wczoraj, ma gorączkę i tam zostaje"),
    ("pt", "deixei-a em casa da avó ontem, tem febre e fica lá"),
    ("ro", "am lăsat-o la bunica aseară, are febră și rămâne acolo"),
    ("ur", "kal raat usay nani ke ghar chhod aayi, bukhar hai, wahin rahegi"),
    ("bn", "kal rate oke nanir bashay rekhe aschi, jor, okhanei thakbe"),
    ("ar", "امبارح وصلتها لعند ستها، عندها حرارة ورح تضل عندها"),
    ("cy", "es i â hi at ei nain neithiwr, mae ganddi wres ac mae hi'n aros yno"),
]

# Not going to class, or yesterday's run to class, beside an illness.
NOT_TO_CLASS = [
    ("es", "ayer la acompañé hasta la clase pero hoy tiene fiebre"),
    ("ur", "kal class tak chhod ke aayi thi, aaj bukhar hai"),
    ("ro", "e bolnavă, nu merge la clasă azi"),
    ("lt", "serga, šiandien neis į klasę"),
    ("pa", "bimar aa, ajj class vich nahi jaugi"),
    ("cy", "mae hi'n sâl, fydd hi ddim yn mynd i'r dosbarth heddiw"),
]

# Seeing, watching and leaving beside an ordinary reason: no one to alarm.
ORDINARY_SEEING = [
    ("en", "the doctor saw her this morning and said it's tonsillitis, she's at home"),
    ("en", "I saw she had a rash when she woke up so kept her off"),
    ("en", "we watched a film last night and he went to bed late, he's overslept sorry"),
    ("en", "I've seen the letter about the trip, she'll be in tomorrow"),
    ("cy", "Welodd y doctor hi bore 'ma, mae ganddi tonsilitis"),
    ("pl", "Lekarz ją widział rano, ma anginę, zostaje w domu"),
    ("pt", "o médico viu-a hoje de manhã, é uma amigdalite, fica em casa"),
    ("ro", "medicul a văzut-o azi dimineață, are amigdalită, stă acasă"),
    ("es", "el médico la vio esta mañana, tiene anginas, se queda en casa"),
    ("lt", "gydytojas ją matė šįryt, angina, lieka namie"),
    ("so", "dhakhtarka ayaa arkay saaka, waxay qabtaa qandho, guriga ayay joogtaa"),
    ("ar", "الدكتور شافها الصبح، عندها التهاب لوز، رح تضل بالبيت"),
    ("ur", "doctor ne dekha aur kaha flu hai, aaj ghar pe hai"),
    ("bn", "daktar dekhse, jor hoise, aj bashay thakbe"),
    ("pa", "doctor ne dekhya te kiha flu aa, ajj ghar aa"),
]


@pytest.mark.parametrize(("lang", "text"),
                         SAW_THEM_GO_IN + LEFT_THEM_AT_SCHOOL + TOOK_THEM_MYSELF
                         + TO_THE_CLASSROOM)
def test_a_child_seen_going_in_or_left_at_school_is_a_dispute(lang: str, text: str) -> None:
    names = ["Mia", "Leo", "Ava", "Beatriz", "Ioana", "Rumi"]
    reading = classify(text, lexicons=LEXICONS, language_hint=lang,
                       students=[student(f"S{i}", n) for i, n in enumerate(names)])
    assert (reading.urgent, reading.intent) == (True, Intent.IN_SCHOOL_DISPUTE), reading


@pytest.mark.parametrize(("lang", "text"),
                         ORDINARY_SEEING + TOOK_THEM_MYSELF_ELSEWHERE + DROPPED_OFF_ELSEWHERE
                         + NOT_TO_CLASS)
def test_seeing_beside_an_ordinary_reason_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_is_tried() -> None:
    for concept in (SAW_THEM_GO_IN, LEFT_THEM_AT_SCHOOL, TOOK_THEM_MYSELF,
                    TOOK_THEM_MYSELF_ELSEWHERE, ORDINARY_SEEING):
        assert {lang for lang, _ in concept} == LANGUAGES
