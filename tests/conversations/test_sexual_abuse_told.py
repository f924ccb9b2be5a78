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
        "mae ei hewythr wedi gwneud rhywbeth iddi hi",
        "mae hi wedi deud wrtha i be mae o'n neud pan dwi yn gwaith",
        "dydi hi ddim isio cael ei gadael ar ben ei hun efo fo",
        "mae o'n cyffwrdd ei rhannau preifat",
    ],
    "pl": [
        "wujek jej coś zrobił, nie chce powiedzieć co",
        "powiedziała mi co on robi jak jestem w pracy",
        "nie chce zostawać z nim sama",
        "kazał jej się rozebrać",
        "ojczym przychodzi do niej do lozka w nocy",
    ],
    "pt": [
        "o tio fez alguma coisa com ela",
        "ela me contou o que ele faz quando estou no trabalho",
        "ela não quer ficar sozinha com ele",
        "o padrasto entra na cama dela à noite",
        "ele mexe nas partes intimas dela",
    ],
    "ro": [
        "unchiul i-a făcut ceva și nu vrea să spună",
        "mi-a spus ce îi face el când sunt la muncă",
        "nu vrea sa ramana singura cu el",
        "tatăl vitreg vine în patul ei noaptea",
    ],
    "ar": [
        "عمها عمل فيها حاجة",
        "قالتلي شو بيعمل فيها لما اكون بالشغل",
        "ما بدها تضل لحالها معه",
        "بيلمس أماكنها الخاصة",
        "lamasha fi makan 3ib",
    ],
    "ur": [
        "uske chacha ne uske saath kuch kiya",
        "usne bataya ke jab main kaam pe hoti hoon wo kya karta hai",
        "usko ghalat tareeqe se chhoota hai",
        "wo uske saath akeli nahi rehna chahti",
        "اس کے چچا نے اس کے ساتھ غلط کام کیا",
    ],
    "bn": [
        "ওর সাথে খারাপ কাজ করেছে",
        "o bollo ami kaje gele se ki kore",
        "o take kharap jaygay chuyeche",
        "o tar sathe eka thakte chay na",
    ],
    "pa": [
        "ohde chache ne ohde naal kuch kita",
        "ohne dasya ki jado main kamm te hundi aan oh ki karda",
        "ohne ohnu galat jagah hath laaya",
        "ਉਹਦੇ ਨਾਲ ਗਲਤ ਕੰਮ ਕੀਤਾ",
    ],
    "so": [
        "adeerkeed ayaa wax ku sameeyay",
        "waxay ii sheegtay waxa uu sameeyo markaan shaqada joogo",
        "ma rabto inay kaligeed la joogto isaga",
        "xubnaha qarsoon ayuu ka taabtay",
    ],
    "lt": [
        "dėdė jai kažką padarė",
        "papasakojo ką jis daro kai aš darbe",
        "nenori likti viena su juo",
        "patevis naktimis ateina i jos lova",
    ],
    "es": [
        "su tío le hizo algo",
        "me contó lo que él le hace cuando estoy en el trabajo",
        "no quiere quedarse sola con él",
        "su padrastro se mete en su cama por la noche",
    ],
}

NOT_URGENT = {
    "en": ["she did something to her ankle at PE, she can't walk on it",
           "she's in bed with her tummy bug", "he's upset about the sex education lesson",
           "she was at a friend's birthday party last night so she's tired",
           "the doctor wants to examine her down there, she has a UTI"],
    "cy": ["mae hi yn ei gwely efo'r ffliw", "mae ei hewythr yn mynd a hi i'r ysbyty"],
    "pl": ["coś sobie zrobiła w kostkę na wfie", "wujek zawiezie ją do dentysty"],
    "pt": ["ela fez alguma coisa no tornozelo na educação física",
           "ela foi a uma festa de aniversário de uma amiga ontem"],
    "ro": ["și-a făcut ceva la gleznă la sport", "unchiul o duce la dentist azi"],
    "ar": ["نايمة في سريرها تعبانة", "3ammha 3amal laha 7aga 7elwa 3ala 3id miladha"],
    "ur": ["wo bistar mein hai bukhar hai",
           "uske saath kuch kiya tha usne birthday pe, cake banaya"],
    "bn": ["o bichanay shuye ache jor hoyeche", "ami kaje gele nani oke dekhe"],
    "pa": ["oh manje te payi hai bukhar hai", "main kamm te hundi aan taan nani dekhdi"],
    "so": ["sariirteeda ayay ku jirtaa, qandho ayay qabtaa",
           "adeerkeed ayaa dhakhtarka u geynaya"],
    "lt": ["guli lovoje, karščiuoja", "kažką pasidarė kojai per kūno kultūrą"],
    "es": ["se hizo algo en el tobillo en educación física",
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
