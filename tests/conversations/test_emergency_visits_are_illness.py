"""A night at A&E, an ambulance, stitches or a cast, told with "fine now, resting at home":
the child is ill or hurt, a clear illness that confirms. It is not urgent (the emergency is
over), and it is not a medical appointment (nobody booked it). An injury treated at a hospital
is illness too, and so is a diagnosis with the doctor's days of rest.

The other way round must hold as well: an urgent reply keeps its urgency whatever illness words
it carries, an ambulance for a relative is the family's circumstance, and a booked check-up of
a condition is still an appointment.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import amy_replies, reasons


def _read(lang: str, text: str) -> tuple[Intent, bool, list[ReasonStatus]]:
    return amy_replies(lang, text, reasons)


EMERGENCY_VISITS = [
    ("en", "We spent the night in A&E with Amy, 5 stitches, shes fine, resting today"),
    ("en", "Ambulance came for Amy last night, allergic reaction, all ok now but keeping her home"),
    ("cy", "Buon ni yn yr adran frys efo Amy neithiwr, cafodd hi bwythau, adre heddiw"),
    ("cy", "Daeth yr ambiwlans i Amy neithiwr achos pwl o asthma, mae hi'n iawn rwan ond adre"),
    ("pl", "W nocy byliśmy z Amy na SORze, założyli jej szwy, dziś odpoczywa w domu"),
    ("pl", "Wzywaliśmy karetkę do Amy bo miała duszności, już lepiej ale zostaje w domu"),
    ("pl", "Amy byla w nocy na pogotowiu z wysoka goraczka, dzis w domu"),
    ("lt", "Naktį Amy vežė greitoji, buvo alerginė reakcija, dabar gerai, bet liks namie"),
    ("lt", "Vakar buvome priimamajame, Amy susiuvo smakrą, šiandien ilsisi namie"),
    ("pt", "A Amy passou a noite no pronto-socorro com falta de ar, já está bem mas fica em casa"),
    ("pt", "Fomos às urgências com a Amy, levou pontos na testa, hoje fica a descansar"),
    ("es", "Anoche estuvimos en urgencias con Amy, le pusieron puntos, hoy se queda en casa"),
    ("es", "Llamamos a la ambulancia por una reacción alérgica de Amy, ya está bien, hoy reposo"),
    ("ro", "Am fost cu Amy la urgențe azi noapte, i-au pus copci, azi stă acasă"),
    ("ro", "Am chemat salvarea pentru Amy, criză de astm, acum e bine dar rămâne acasă"),
    ("ar", "رحنا الطوارئ امبارح مع ايمي وخدت غرز في ايدها، الحمد لله كويسة وهترتاح في البيت"),
    ("ar", "اجا الاسعاف لايمي بالليل بسبب ضيق تنفس، هلق منيحة بس رح تضل بالبيت"),
    ("ur", "Amy ko raat ambulance mein le gaye, saans nahi aa rahi thi, ab theek hai, aaj aaram"),
    ("ur", "کل رات ہم ایمرجنسی میں تھے، ایمی کو ٹانکے لگے ہیں، آج گھر پر آرام کرے گی"),
    ("bn", "kal raate Amy ke emergency te niye gesilam, shash koshto hocchilo, aj basay"),
    ("bn", "গতকাল রাতে অ্যাম্বুলেন্স ডেকেছিলাম, এমির শ্বাসকষ্ট হচ্ছিল, এখন ভালো, আজ বিশ্রাম"),
    ("pa", "kal raat Amy nu ambulance lai gayi, saah nahi aa reha si, hun theek aa, ajj ghar"),
    ("pa", "ਕੱਲ੍ਹ ਰਾਤ ਅਸੀਂ ਐਮਰਜੈਂਸੀ ਵਿੱਚ ਸੀ, ਅਮੀ ਦੇ ਟਾਂਕੇ ਲੱਗੇ, ਅੱਜ ਘਰ ਆਰਾਮ"),
    ("so", "Xalay ambalaas ayaa Amy qaaday, neefta ayay ku dhibaatootay, maanta guriga"),
]


EMERGENCY_VISITS += [
    # a fit with a fever, a finger shut in a door, a night in the emergency department
    ("en", "Amy had a febrile convulsion last night, ambulance "
     "came, she's fine now but staying home"),
    ("cy", "Cafodd Amy ffit neithiwr oherwydd gwres uchel, daeth yr "
     "ambiwlans, mae hi'n iawn ond adre heddiw"),
    ("cy", "Buon ni yn yr ysbyty tan 3 y bore efo Amy, trafferth anadlu, adre heddiw i orffwys"),
    ("pl", "W nocy Amy miala drgawki goraczkowe, przyjechala "
     "karetka, juz dobrze ale zostaje w domu"),
    ("pl", "Amy przytrzasnela palec w drzwiach, bylismy na izbie przyjec, dzis w domu"),
    ("pt", "A Amy prendeu o dedo na porta, fomos ao hospital, está bem mas hoje fica em casa"),
    ("pt", "Passamos a noite na UPA com a Amy, febre muito alta, "
     "já está melhor, hoje fica em casa"),
    ("es", "Amy se pilló el dedo con la puerta, estuvimos en urgencias, hoy se queda en casa"),
    ("es", "Anoche llevamos a Amy a la sala de emergencias por fiebre muy alta, ya está mejor"),
    ("ro", "Amy si-a prins degetul in usa, am fost la urgente, azi ramane acasa"),
    ("ro", "Am chemat ambulanta azi noapte pentru Amy, avea febra foarte mare, acum e bine"),
    ("ar", "ودينا ايمي المستعجلات البارح، كانت عندها سخانة بزاف، دابا لاباس ولكن غادي تبقى فالدار"),
    ("ar", "خذينا ايمي للطوارئ امس عشان حرارتها عالية، الحين احسن بس بتقعد بالبيت"),
    ("ar", "Amy kan 3andha wja3 batn kbir, rana l mostashfa bel leil, lyom bterta7 bel bet"),
    ("ur", "Raat ko Amy ke pait mein shadeed dard tha, emergency le "
     "gaye, ab behtar hai, aaj ghar pe aaram karegi"),
    ("ur", "کل رات ایمی کو تیز بخار کی وجہ سے ایمرجنسی لے گئے، اب بہتر ہے، آج گھر پر آرام"),
    ("bn", "kal raate Amy r onek jor chilo, hospital e niye gesilam, ekhon bhalo, aj basay thakbe"),
    ("bn", "গতকাল রাতে আমির পেটে খুব ব্যথা ছিল, ইমার্জেন্সিতে "
     "নিয়ে গিয়েছিলাম, আজ বাসায় বিশ্রাম নেবে"),
    ("pa", "raat nu Amy nu bahut tez bukhar si, emergency lai "
     "gaye, hun theek aa par ajj ghar rahegi"),
    ("so", "Xalay Amy qandho aad u daran ayay qabtay, isbitaalka ayaan "
     "geynay, hadda way fiican tahay, maanta guriga"),
    ("lt", "Naktį Amy buvo labai aukšta temperatūra, kvietėme "
     "greitąją, dabar geriau, šiandien namie"),
    ("lt", "Amy prisispaudė pirštą duryse, buvome priimamajame, šiandien liks namie"),
]


@pytest.mark.parametrize(("lang", "text"), EMERGENCY_VISITS)
def test_an_emergency_visit_over_is_a_clear_illness_not_urgent(lang: str, text: str) -> None:
    intent, urgent, statuses = _read(lang, text)
    assert (intent, urgent, statuses) == (Intent.ILLNESS, False, [ReasonStatus.CONFIRMED])


INJURIES_AND_DIAGNOSES = [
    ("en", "Amy broke her wrist at gymnastics, plaster at the hospital last night, resting today"),
    ("en", "Amy has tonsillitis, doctor gave her 3 days rest"),
    ("pt", "A Amy partiu o braço, ficou engessada no hospital, hoje fica em casa"),
    ("pt", "A Amy tem amigdalite, o médico deu repouso até sexta"),
    ("es", "Amy tiene anginas y el médico le ha mandado reposo hasta el jueves"),
    ("ar", "ايمي انكسرت رجلها وجبسوها بالمستشفى، اليوم بترتاح بالبيت"),
    ("ar", "ايمي عندها التهاب لوز والدكتور كتب لها راحة لبكرة"),
    ("ur", "Amy ko chicken pox hai, doctor ne Friday tak ghar rakhne ko kaha hai"),
    ("ur", "ایمی کی بازو ٹوٹ گئی ہے، ہسپتال میں پلستر لگا، آج گھر پر ہے"),
    ("pl", "Amy ma anginę, lekarz dał zwolnienie do piątku"),
    ("bn", "Amy r haat bhenge geche, hospital e plaster korse, aj basay"),
    ("pa", "Amy di baanh tutt gayi, hospital ch plaster lagga, ajj ghar"),
    ("lt", "Amy lūžo ranka, ligoninėje uždėjo gipsą, šiandien namie"),
    ("so", "Amy gacanta ayaa ka jabtay, isbitaalka ayaa jees u saaray, maanta guriga"),
]


@pytest.mark.parametrize(("lang", "text"), INJURIES_AND_DIAGNOSES)
def test_an_injury_or_a_diagnosis_seen_by_a_doctor_is_illness(lang: str, text: str) -> None:
    intent, urgent, statuses = _read(lang, text)
    assert (intent, urgent, statuses) == (Intent.ILLNESS, False, [ReasonStatus.CONFIRMED])


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has her asthma review at the clinic this morning"),
    ("pl", "Amy ma dziś wizytę kontrolną u laryngologa"),
    ("pt", "A Amy tem consulta marcada no dentista hoje de manhã"),
    ("en", "Amy has a dentist appointment for her toothache this morning"),
    ("en", "Amy has a hospital appointment about her asthma today"),
    ("en", "Amy is at the fracture clinic this morning to get her cast off"),
    ("en", "Amy has her allergy clinic appointment at the hospital"),
    ("cy", "Mae gan Amy apwyntiad deintydd am 10 bore 'ma"),
    ("pl", "Amy ma dziś wizytę u dentysty z powodu bólu zęba"),
    ("pl", "Amy ma kontrolę w poradni alergologicznej"),
    ("pl", "Amy ma zdjęcie gipsu w szpitalu dziś rano"),
    ("pt", "A Amy tem consulta no dentista por causa de uma dor de dente"),
    ("pt", "A Amy tem consulta de asma no hospital hoje"),
    ("es", "Amy tiene cita con el alergólogo esta mañana"),
    ("es", "Amy tiene revisión del brazo roto en el hospital"),
    ("ro", "Amy are programare la medic pentru astm azi"),
    ("ar", "ايمي عندها موعد عند دكتور الاسنان اليوم بسبب وجع سنان"),
    ("ar", "ايمي عندها موعد مراجعة للربو بالمستشفى"),
    ("ur", "Amy ka aaj dentist ke saath appointment hai, daant mein dard hai"),
    ("ur", "Amy ka hospital mein asthma ka checkup hai"),
    ("bn", "Amy r aj hospital e appointment ache, hapani r checkup"),
    ("pa", "Amy di ajj hospital appointment hai, asthma da checkup"),
    ("so", "Amy ballan ayay ku leedahay isbitaalka maanta, neefta awgeed"),
    ("lt", "Amy šiandien turi vizitą pas gydytoją dėl astmos"),
    ("pt", "A Amy vai tirar o gesso hoje no hospital"),
])
def test_a_booked_check_up_is_still_an_appointment(lang: str, text: str) -> None:
    intent, _, _ = _read(lang, text)
    assert intent is Intent.MEDICAL_APPOINTMENT


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy never came home last night, she was sick yesterday and I cant find her anywhere"),
    ("pl", "Amy nie wróciła na noc do domu, miała gorączkę, nie wiem gdzie jest"),
    ("pt", "A Amy não voltou para casa ontem à noite, estava com febre, não sei onde ela está"),
    ("ur", "Amy kal raat se ghar nahi aayi, usko bukhar tha, pata nahi kahan hai"),
])
def test_illness_words_do_not_dampen_an_urgent_reply(lang: str, text: str) -> None:
    _, urgent, statuses = _read(lang, text)
    assert urgent and ReasonStatus.CONFIRMED not in statuses


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "raat ko Amy ki ammi ko ambulance le gayi, hum sab hospital mein thay, Amy so rahi hai"),
    ("en", "my mum was taken to A&E by ambulance last night so Amy is with me at the hospital"),
])
def test_an_ambulance_for_a_relative_is_the_familys_circumstance(lang: str, text: str) -> None:
    intent, _, statuses = _read(lang, text)
    assert intent is not Intent.ILLNESS and ReasonStatus.CONFIRMED not in statuses


@pytest.mark.parametrize(("lang", "text"), [
    ("ur", "ghar mein emergency hai, Amy aaj nahi aa sakti"),
    ("pa", "ghar ch emergency aa gayi, Amy ajj nahi aaugi"),
    ("bn", "barite emergency, Amy aj ashte parbe na"),
])
def test_an_emergency_at_home_is_the_familys_circumstance(lang: str, text: str) -> None:
    intent, _, statuses = _read(lang, text)
    assert intent is Intent.FAMILY_CIRCUMSTANCES and ReasonStatus.CONFIRMED not in statuses
