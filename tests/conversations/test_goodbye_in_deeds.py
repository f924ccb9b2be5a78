"""A goodbye said in deeds, not words of dying, is urgent safeguarding in every language
(conversations/safety.py: the `despair` role of every lexicon; hidden arms are a `wound` sign).

The warning signs a safeguarding lead is trained to hear: giving away one's own things
(all of them, "my/her stuff", "sus cosas", "apni saari cheezein ... de di"); letters written to
everyone; no longer needing anything; wanting everything to stop; empty tablet packets found
(plural, or "ke khaali" with the plural postposition: a stash, not a dose); hiding the arms.
The replies are written for these tests, not copied from the labelled rounds.

The rule for the look-alikes: a thing given away is named and ordinary ("her old toys to her
cousin"), letters of a named ordinary kind ("thank-you letters"), something else that stops
("the rain"), or one packet with a dose told ("took two for a headache"): none is a goodbye.
English "a packet of paracetamol" is the exception: see the last test."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

GOODBYES_IN_DEEDS = {
    "en": [
        "she has given most of her stuff to her friends this week and says its fine",
        "he gave all his things to his little brother and wrote everyone a letter",
        "ive written everyone letters, its all sorted now",
        "he says he wont need anything anymore so dont bother",
        "she just wants everything to stop, she said it last night",
        "we found empty tablet packets under his bed",
        "she has been giving away her things to people at school",
        "shes given all her stuff away",
        "she wrote letters to all of us and left them on the table",
        "he said he wont be needing anything anymore",
    ],
    "cy": [
        "Mae hi wedi rhoi ei phetha i gyd i'w chwaer",
        "Mae o wedi sgwennu llythyr i bawb yn y teulu",
        "Medda hi bod hi ddim angen dim byd dim mwy",
        "Mae o isio i bob dim stopio, medda fo",
        "Nes i ffeindio pacedi tabledi gwag yn ei stafell",
        "Mae hi isio i bopeth i stopio",
    ],
    "pl": [
        "Ola rozdała swoje rzeczy koleżankom",
        "napisał listy do wszystkich i mówi że już wszystko załatwione",
        "mówi że już niczego nie potrzebuje",
        "powiedziala ze chce zeby wszystko sie skonczylo",
        "znalazłam puste opakowania po tabletkach w jej pokoju",
        "rozdaje wszystkie swoje rzeczy od tygodnia",
    ],
    "pt": [
        "ela deu todas as suas coisas para a prima",
        "ele escreveu cartas para todos da família",
        "diz que não precisa mais de nada",
        "ela falou que só quer que tudo pare",
        "achei cartelas vazias no quarto dele",
        "ele doou as coisas dele todas esta semana",
    ],
    "es": [
        "Lucía regaló todas sus cosas a sus amigas",
        "escribió cartas a todos y dice que ya está todo arreglado",
        "dice que ya no necesita nada",
        "solo quiere que todo pare, me lo dijo anoche",
        "encontré cajas vacías de pastillas en su cuarto",
        "ha regalado casi todas sus cosas a su hermano",
        "dice que quiere que todo se termine",
    ],
    "ro": [
        "și-a dat toate lucrurile surorii ei",
        "a scris scrisori pentru toți din familie",
        "zice că nu mai are nevoie de nimic",
        "vrea doar sa se opreasca totul",
        "am gasit folii goale de pastile in camera lui",
        "si-a dat lucrurile prietenilor",
    ],
    "ar": [
        "بنتي وزعت اغراضها على صاحباتها",
        "كتب رسالة لكل واحد في البيت",
        "بتقول ما عاد محتاجة شي",
        "بدها كل شي يوقف",
        "لقيت علب حبوب فاضية بغرفته",
        "a3tat kol aghradha la okhta",
        "badda kel shi ywa2ef",
    ],
    "ur": [
        "usne apni cheezein sab doston ko de di hain",
        "kehti hai ab mujhe kisi cheez ki zaroorat nahi",
        "woh chahta hai ke sab kuch ruk jaye",
        "uske bag se goliyon ke khaali patte mile",
        "اس نے اپنی چیزیں بہن کو دے دیں",
        "کہتی ہے کسی چیز کی ضرورت نہیں",
    ],
    "bn": [
        "o nijer shob jinish bondhuder diye diyeche",
        "sobaike chithi likheche",
        "bole ar kichur dorkar nei",
        "bole shob kichu theme jak",
        "tar ghore tablet er khali pata pelam",
        "আর কিছুর দরকার নেই বলছে",
    ],
    "pa": [
        "ohne apniyan saariyan cheezan bhain nu de ditiyan",
        "ohne sareyan nu chithiyan likhiyan",
        "kehndi aa kise cheez di lod nahi",
        "oh chahunda sab kuj ruk jaave",
        "kamre ch goliyan de khaali patte mile",
        "ਕਹਿੰਦੀ ਕਿਸੇ ਚੀਜ਼ ਦੀ ਲੋੜ ਨਹੀਂ",
    ],
    "so": [
        "alaabteeda oo dhan walaasheed ayay siisay",
        "qof walba warqad ayuu u qoray",
        "wuxuu leeyahay waxba uma baahni",
        "waxay rabtaa in wax walba istaagaan",
        "qolkiisa waxaan ka helay baakado kiniin oo madhan",
        "alaabtiisa wuu qaybiyay",
    ],
    "lt": [
        "ji išdalino savo daiktus draugėms",
        "parašė laiškus visiems šeimos nariams",
        "sako kad jam nieko nebereikia",
        "nori kad viskas sustotu",
        "radau tuscios tableciu pakuotes jos kambaryje",
        "atidave visus savo daiktus broliui",
    ],
}

URGENT = [(lang, text) for lang, texts in GOODBYES_IN_DEEDS.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_a_goodbye_in_deeds_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


def test_every_language_has_its_goodbyes() -> None:
    assert set(GOODBYES_IN_DEEDS) == set(LEXICONS.languages)
    assert all(len(texts) >= 5 for texts in GOODBYES_IN_DEEDS.values())


# Each is ordinary by the rule above: the thing given is named, the letters are of an ordinary
# kind, something other than "everything" stops, or one packet and a dose are told.
LOOK_ALIKES = [
    ("en", "she gave her old toys to her cousin at the weekend, she has a cold today"),
    ("en", "he wrote thank-you letters for his birthday presents last night, tired today"),
    ("en", "the rain should stop by lunch, she'll come in then"),
    ("en", "she had a headache and took two tablets, the empty strip was in the bin"),
    ("en", "he doesnt need a packed lunch today, he has a temperature"),
    ("cy", "Mi roddodd hi ei hen deganau i'w chyfnither, mae ganddi annwyd"),
    ("cy", "Dylai'r glaw stopio erbyn amser cinio"),
    ("pl", "oddała stare zabawki kuzynce, dziś ma katar"),
    ("pl", "znalazłam puste opakowanie po paracetamolu, bolała ją głowa i wzięła dwie"),
    ("pt", "ela deu os brinquedos velhos para a prima, hoje está com febre"),
    ("pt", "escreveu cartas de agradecimento pelos presentes"),
    ("es", "regaló sus juguetes viejos a su prima, hoy tiene fiebre"),
    ("es", "la lluvia debería parar al mediodía"),
    ("es", "encontré una caja vacía de paracetamol, le dolía la cabeza y tomó dos"),
    ("ro", "și-a dat jucăriile vechi verișoarei, azi are febră"),
    ("ar", "عطت ألعابها القديمة لبنت خالتها، اليوم عندها حرارة"),
    ("ur", "usne purane khilone cousin ko de diye, aaj bukhar hai"),
    ("ur", "paracetamol ka ek khaali packet mila, sar dard tha to do li thi"),
    ("bn", "o purono khelna cousin ke diye diyeche, ajke jor"),
    ("pa", "ohne purane khidaune cousin nu de dite, aj bukhar aa"),
    ("so", "waxay ayadu siisay alaab ciyaareed duug ah ina adeerkeed, maanta way jirantahay"),
    ("lt", "atidavė senus žaislus pusseserei, šiandien karščiuoja"),
    ("lt", "lietus turėtų sustoti iki pietų"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_ordinary_giving_letters_and_packets_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_a_packet_of_paracetamol_stays_urgent_whatever_dose_is_told() -> None:
    # Decided, not missed: the lexicon's "packet of paracetamol" is an overdose told ("took a
    # packet of paracetamol"), and the words cannot tell a packet found from a packet swallowed
    # unless the dose is read, which the net does not do. "took two" may also be what the child
    # said. A safeguarding lead ringing about a headache costs a call; the other way a life.
    text = "found an empty packet of paracetamol, she had a headache and took two"
    assert classify(text, lexicons=LEXICONS, language_hint="en").urgent
