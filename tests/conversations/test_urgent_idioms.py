"""Urgent replies told in idioms (conversations/safety.py and every lexicon): a wish to die or
vanish said sideways, wounds on the child's arms beside a second sign, a hand raised in the
home, a plea not to hand the child over, a child who went out and is not back with the phone
off, a parent who drove or brought the child to the gate. Each category in every language it
applies to; ordinary replies that share their words stay ordinary.

Every reply here is written for these tests, unlike the labelled rows and the lexicons' own
phrases: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

WISHES_TO_DIE = [
    ("en", "she told me last night she wishes she could just disappear and not be around"),
    ("cy", "mae o'n deud ei fod o isio diflannu am byth, dwi'n poeni amdano fo"),
    ("pt", "ele disse que tem vontade de morrer e eu nao sei o que fazer"),
    ("es", "dice que a veces quisiera dormirse y no despertar nunca mas"),
    ("pl", "syn powiedział wczoraj, że chciałby zasnąć i się nie obudzić"),
    ("ro", "mi-a zis aseara ca ar vrea sa adoarma si sa nu se mai trezeasca"),
    ("lt", "sūnus sako, kad norėtų užmigti ir nebeatsibusti"),
    ("ar", "قالت لي امبارح انها بتتمنى تموت"),
    ("ar", "ahmad 3am y2oul enno biddo ymout, ma ba3ref shu a3mel"),
    ("ur", "beta kehta hai dil karta hai gayab ho jaun"),
    ("bn", "o bole or hariye jete icche kore, ghor theke ber hoy na"),
    ("pa", "kudi kehndi hai ohda ji karda hai mar jaan"),
    ("so", "wiilkaygu wuxuu yiri wuxuu rabaa inuu dhinto"),
]

WOUNDS_AND_A_SECOND_SIGN = [
    ("en", "found fresh cuts on her arms this morning, she's in bits and I'm beside myself"),
    ("cy", "welais i doriadau ar ei breichiau neithiwr, dwi ddim yn gwybod be i neud"),
    ("pt", "vi marcas nos braços dela e ela chora o tempo todo, estou desesperada"),
    ("es", "le vi cicatrices en los brazos y no sé qué hacer"),
    ("pl", "zobaczyłam blizny na rękach córki, nie wiem co robić"),
    ("ro", "am văzut tăieturi pe brațe și plânge toată ziua, nu știu ce să fac"),
    ("lt", "pastebėjau randų ant rankų, nežinau ką daryti"),
    ("ar", "لقيت جروح على ايديها وما بعرف شو اعمل"),
    ("ur", "uski kalai pe cut ke nishan dekhe, samajh nahi aa raha"),
    ("bn", "meyer hate kata dag dekhlam, ki korbo bujhte parchi na"),
    ("pa", "kudi di baanh te cut de nishan vekhe, samajh nahi aundi ki karaan"),
    ("so", "gacmaheeda nabarro ayaan ku arkay, ma garanayo waxaan sameeyo"),
]

A_HAND_RAISED = [
    ("en", "her dad raised his hand to me again last night, we are staying at my mums"),
    ("cy", "mae ei dad wedi codi ei law ata i eto neithiwr"),
    ("pt", "o pai dela levantou a mão pra mim de novo ontem"),
    ("es", "su padre me volvió a levantar la mano anoche"),
    ("pl", "mąż znowu podniósł na mnie rękę przy dzieciach"),
    ("ro", "tatăl ei a ridicat iar mâna la mine aseară"),
    ("lt", "vyras vėl pakėlė ranką prieš mane"),
    ("ar", "ابوهم مد ايده علي مرة تانية"),
    ("ur", "unke walid ne phir mujh par haath uthaya"),
    ("bn", "or abba abar amar gaye hat tulse kal rate"),
    ("pa", "ohde papa ne phir mere te hath chukya"),
    ("so", "aabahood ayaa xalay gacan igu qaaday"),
]

DO_NOT_HAND_OVER = [
    ("en", "please do not let her father pick her up today, I will explain"),
    ("cy", "peidiwch â gadael iddo fo ei chasglu hi o'r ysgol plis"),
    ("pt", "por favor não deixem o pai dela ir buscar ela na escola"),
    ("es", "por favor no dejen que su padre la recoja hoy"),
    ("pl", "proszę nie wydawajcie dzieci ich ojcu"),
    ("ro", "vă rog nu o dați tatălui ei dacă vine la școală"),
    ("lt", "prašau neleiskite tėvui jos pasiimti iš mokyklos"),
    ("ar", "لو سمحتوا لا تسلموها لأبوها اذا اجا"),
    ("ur", "agar woh aaye to bachon ko unke sath na bhejen"),
    ("bn", "or baba ashle or sathe pathaben na please"),
    ("pa", "je ohda papa aave ta ohnu ohde naal na bhejo"),
    ("so", "fadlan carruurta aabbahood ha u dhiibina"),
]

OUT_AND_NOT_BACK = [
    ("en", "she went out to a mates after tea and still isnt back, her phone is off"),
    ("cy", "aeth hi allan neithiwr a dydy hi ddim wedi dod nôl, ffôn off"),
    ("pt", "saiu ontem à noite e ainda não voltou, o celular está desligado"),
    ("es", "salió anoche con unos amigos y todavía no ha vuelto, tiene el móvil apagado"),
    ("pl", "wyszła wczoraj wieczorem i jeszcze nie wróciła, telefon wyłączony"),
    ("ro", "a plecat aseară cu prietenii și n-a mai venit acasă, are telefonul închis"),
    ("lt", "išėjo vakar vakare ir dar negrįžo, telefonas išjungtas"),
    ("ar", "طلعت امبارح بالليل وما رجعت لهلأ وتلفونها مسكر"),
    ("ur", "kal raat se ghar wapas nahi aaya, phone band hai"),
    ("bn", "Rima kal rat theke bashay fere nai, phone bondo"),
    ("pa", "kal raat da ghar nahi aaya, phone band hai"),
    ("so", "xalay ayuu baxay weli guriga ma soo laaban, taleefankiisu waa dansan yahay"),
]

DROVE_TO_THE_GATE = [
    ("en", "I drove her up to the school gates myself at 8:40"),
    ("cy", "nes i ddreifio hi at giât yr ysgol am chwarter i naw"),
    ("pt", "eu mesma levei ela de carro até o portão da escola"),
    ("es", "yo mismo lo llevé en coche hasta la puerta del colegio"),
    ("pl", "sama przywiozłam ją pod bramę szkoły"),
    ("ro", "am dus-o cu mașina până la poarta școlii"),
    ("lt", "pats atvežiau jį iki mokyklos vartų"),
    ("ar", "انا وصلتها بالسيارة لباب المدرسة"),
    ("ur", "main khud gaari mein usay school ke gate tak chhod kar aaya"),
    ("bn", "ami nije gari kore oke school er gate e diye eshechi"),
    ("pa", "main aap ohnu gaddi vich school de gate te chhad ke aaya"),
    ("so", "aniga ayaa gaariga ku keenay iskuulka subaxnimadii"),
]

# A parent gone from home and no food: neglect, however the parent's absence is told.
PARENT_GONE = [
    ("en", "mum hasnt been home since friday, theres nothing in the fridge"),
    ("cy", "dydy mam ddim wedi bod adra ers dydd Gwener a does dim bwyd yn y tŷ"),
    ("pt", "a mãe não aparece em casa há uma semana e não temos comida"),
    ("es", "mi madre lleva cuatro días sin volver a casa y no hay comida"),
    ("pl", "mama nie wraca do domu od tygodnia, nie mamy co jeść"),
    ("ro", "mama nu a mai venit acasă de vineri și nu avem ce mânca"),
    ("lt", "mama jau savaitę negrįžta namo, neturime ką valgyti"),
    ("ar", "امي صار لها ثلاث ايام ما رجعت عالبيت وما في اكل"),
    ("ur", "ammi teen din se ghar nahi aayi, khane ko kuch nahi hai"),
    ("bn", "ammu tin din dhore bashay ashe nai, khabar nai ghore"),
    ("pa", "mummy tin din ton ghar nahi aayi, khaan nu kuch nahi"),
    ("so", "hooyo saddex maalmood guriga ma iman, cunto ma jirto"),
]

# A parent who took the child and will not give them back: an abduction.
KEPT_FROM_THE_SENDER = [
    ("en",
     "her dad had her for the weekend and hasnt given her back, says shes staying with him now"),
    ("cy", "mae ei thad wedi ei chadw hi ers y penwythnos a ddim yn fodlon ei rhoi hi nôl"),
    ("pt", "o pai levou ela no fim de semana e não devolveu, diz que ela fica com ele"),
    ("es", "su padre se la llevó el finde y no me la devuelve"),
    ("pl", "ojciec wziął go na weekend i nie chce go oddać"),
    ("ro", "tatăl ei a luat-o în weekend și nu vrea să mi-o dea înapoi"),
    ("lt", "tėvas pasiėmė ją savaitgaliui ir neatiduoda"),
    ("ar", "ابوه اخده عالويكند وما رجعه لهلأ ورافض يرجعه"),
    ("ur", "uske abbu usay weekend pe le gaye aur wapas nahi de rahe"),
    ("bn", "or baba weekend e niye geche ar ferot dicche na"),
    ("pa", "ohda papa weekend te lai gaya te hun wapas nahi de reha"),
    ("so", "aabaheed ayaa qaaday todobaadkii dhammaadkiisa mana soo celin"),
]

# An adult, gifts or money, and a secret kept from the family, in every script.
GROOMING = [
    ("pa", "ਇੱਕ ਵੱਡਾ ਮੁੰਡਾ ਉਹਨੂੰ ਨਵਾਂ ਫ਼ੋਨ ਦੇ ਕੇ ਗਿਆ ਤੇ ਕਹਿੰਦਾ ਕਿਸੇ ਨੂੰ ਨਾ ਦੱਸੀਂ"),
    ("ur", "ایک بڑا لڑکا اسے تحفے دیتا ہے اور کہتا ہے کسی کو نہ بتانا"),
    ("bn", "একটা বড় ছেলে ওকে টাকা দেয় আর বলে কাউকে বলবে না"),
    ("ar", "في رجال كبير بيعطيها هدايا وقلها ما تقول لحدا"),
    ("so", "nin weyn ayaa hadiyado siiya, wuxuuna ku yiri cidna ha u sheegin"),
    ("en", "a man from the gym keeps buying her stuff and told her not to mention it to me"),
    ("es", "un hombre mayor le compra cosas y le dijo que no me dijera nada"),
    ("pt", "um homem mais velho dá presentes pra ela e disse pra não contar pra mim"),
    ("ro", "un bărbat mai în vârstă îi face cadouri și i-a zis să nu-mi spună"),
    ("pl", "starszy facet kupuje jej prezenty i kazał nic mi nie mówić"),
    ("lt", "vyresnis vyras perka jai dovanų ir liepė man nesakyti"),
    ("cy", "mae dyn hŷn yn prynu anrhegion iddi ac wedi deud wrthi am beidio deud wrtha i"),
]

URGENT = (WISHES_TO_DIE + WOUNDS_AND_A_SECOND_SIGN + A_HAND_RAISED + DO_NOT_HAND_OVER
          + OUT_AND_NOT_BACK + DROVE_TO_THE_GATE + PARENT_GONE + KEPT_FROM_THE_SENDER + GROOMING)


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_an_urgent_idiom_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), WISHES_TO_DIE + WOUNDS_AND_A_SECOND_SIGN + A_HAND_RAISED
                         + KEPT_FROM_THE_SENDER + GROOMING)
def test_harm_told_sideways_is_safeguarding(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.SAFEGUARDING


ORDINARY = [
    ("en", "she cut her finger chopping veg last night, its fine, she has a cold today"),
    ("en", "our cat died and she wants to stay home, shes crying a lot, sorry"),
    ("en", "he wants to go to the dentist first then he'll be in"),
    ("en", "I drove her to the hospital for her scan, she'll be in after lunch"),
    ("en", "the school bus never came and my phone is off so I couldnt ring"),
    ("pt", "ela quer ficar em casa hoje, está com febre"),
    ("es", "quiere ir al médico primero, luego va al colegio"),
    ("pl", "chce odpocząć w domu, ma gorączkę"),
    ("ro", "vrea să stea acasă azi, are febră"),
    ("lt", "nori pailsėti, karščiuoja"),
    ("ur", "woh ghar pe rehna chahti hai, bukhar hai"),
    ("bn", "o bashay thakte chay, jor ase"),
    ("pa", "oh ghar rehna chahundi hai, bukhar hai"),
    ("so", "waxay rabtaa inay guriga joogto, qandho ayay qabtaa"),
    ("so", "baska iskuulka ma iman maanta, gaari ma haysano"),
    ("so", "Hodan 12:30 ayaan soo qaadayaa dhakhtarka, ma soo laaban doonto galabta"),
    ("cy", "mae hi isio aros adra heddiw, mae ganddi wres"),
    ("ar", "بدها تضل بالبيت اليوم عندها حرارة"),
    ("en", "she wants to come in this afternoon after her dentist, I'll bring her to school at 1"),
    ("en",
     'he fell off his bike and has cuts on his legs and a sore wrist, keeping him off today'),
    ("en", "sorry my phone was off all morning, he has a temperature"),
    ("en", "I took her to the GP at 9, she will be in school after"),
    ("en", "he is staying at his dads this week, dad will take him to school tomorrow"),
    ("en", "she wants to stay home, she has been sick twice and has a headache"),
    ("en", "grandad passed away last night, she is very upset and crying"),
    ("en", "we are keeping her home today, she has chicken pox"),
    ("cy", "mae hi isio aros adra, mae hi'n sâl efo annwyd"),
    ("cy", "mae nain wedi marw neithiwr, mae hi'n crio llawer"),
    ("cy", "es i â hi at y deintydd bore ma, bydd hi yn yr ysgol ar ôl cinio"),
    ("pt", "ela quer ficar em casa, está com dor de barriga"),
    ("pt", "o avô morreu ontem e ela está muito triste"),
    ("pt", "levei ele ao médico e depois deixei na escola às 11"),
    ("es", "quiere quedarse en casa, tiene fiebre y tos"),
    ("es", "lo llevé al dentista y después lo dejé en el colegio a las 11"),
    ("es", "se cayó de la bici y tiene heridas en las rodillas, hoy se queda en casa"),
    ("pl", "chce zostać w domu, ma katar i gorączkę"),
    ("pl", "zawiozłam go do lekarza, potem przywiozę go do szkoły"),
    ("pl", "dziadek zmarł wczoraj, córka bardzo płacze"),
    ("ro", "vrea să rămână acasă azi, are răceală"),
    ("ro", "am dus-o la dentist și o aduc la școală după prânz"),
    ("ro", "bunicul a murit aseară, e foarte tristă"),
    ("lt", "nori likti namie, serga gripu"),
    ("lt", "nuvežiau jį pas gydytoją, po pietų atvešiu į mokyklą"),
    ("ar", "بدها تضل بالبيت عندها رشح وحرارة"),
    ("ar", "اخدتها عالدكتور وبعدين بوصلها عالمدرسة الساعة 11"),
    ("ar", "جدها توفى امبارح وهي كتير زعلانة"),
    ("ur", "woh ghar pe rehna chahti hai, usko bukhar hai"),
    ("ur", "main usay doctor ke paas le gayi, phir school chhod dungi"),
    ("ur", "uske dada ka inteqal ho gaya, woh bohat ro rahi hai"),
    ("bn", "o bashay thakte chay, or jor ase"),
    ("bn", "oke doctor er kache niye gesi, pore school e diye ashbo"),
    ("pa", "main ohnu doctor kol lai gayi si, fer school chhad ke aavangi"),
    ("so", "waxay rabtaa inay guriga joogto, way jirantahay"),
    ("so", "dhakhtarka ayaan u qaaday, kadib iskuulka ayaan keeni doonaa"),
    ("so", "awoowgeed ayaa dhintay xalay, aad ayay u murugaysan tahay"),
    ("en", "his dad picked him up for the dentist at 10 with my permission, back after lunch"),
    ("en", "she cut her hand on a glass last night and needed stitches, off today"),
    ("ur", "haath pe cut lag gaya khelte hue, aaj ghar pe hai"),
    ("ar", "انجرحت ايدها وهي بتلعب، اليوم بالبيت"),
]


@pytest.mark.parametrize(("lang", "text"), ORDINARY)
def test_ordinary_words_that_share_an_idiom_stay_ordinary(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
