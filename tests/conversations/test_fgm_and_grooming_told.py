"""FGM and grooming told without the words, urgent safeguarding in every language
(conversations/safety.py: the `fgm`, `purify` and `rite` roles; `secret`, `adult`, `contact`).

FGM named outright ("female circumcision", "gudniinteeda", "تطهيرها", "beti ki khatna") is urgent
alone; said indirectly ("purify her", "the cutting", "xalaalayn") only beside the girls' rite or
tradition ("like the other girls", "the tradition"). Grooming: an adult telling the child not to
tell her family, or a grown man beside offers of drives in his car.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: cleaning her room, cutting her hair, a family ceremony or
wedding, a boy's khatna, a lift from grandad."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "her aunt wants to take her to Sudan in the holidays to have her circumcised",
        "they want to purify her over the summer like the other girls in the family",
        "grandma says it is the tradition and they will get her cut when they visit",
        "I am worried about FGM, her dad's family are planning it",
        "a man in his twenties keeps offering to take her for drives",
        "some older man told her dont tell your parents about their chats",
    ],
    "cy": [
        "Mae nain isio mynd a hi dramor i'w henwaedu hi",
        "Maen nhw isio ei phuro hi fel y merched eraill",
        "Mae dyn hŷn yn cynnig lifft yn ei gar iddi",
        "Mae o wedi deud wrthi paid deud wrth dy rieni",
    ],
    "pl": [
        "babcia chce ją zabrać do Egiptu na obrzezanie dziewczynki",
        "chcą ją oczyścić ją tak jak inne dziewczyny w rodzinie",
        "jakiś starszy facet proponuje jej przejażdżki",
        "ktoś pisze do niej i każe nie mów rodzicom",
    ],
    "pt": [
        "a avó quer levá-la à Guiné para o fanado das meninas",
        "querem purificá-la como as outras meninas da família",
        "um homem mais velho quer dar uma volta de carro com ela",
        "ele disse a ela para não contar aos pais",
    ],
    "ro": [
        "bunica vrea s-o ducă în vacanță pentru circumcizia fetelor",
        "vor s-o purifice ca celelalte fete din familie",
        "un bărbat mai în vârstă vrea s-o plimbe cu mașina",
        "i-a zis să nu spună părinților despre mesaje",
    ],
    "ar": [
        "جدتها عايزة تاخدها البلد عشان تطهيرها في الصيف",
        "عمتها بتقول لازم يختنوها زي بنات العيلة",
        "خايفة من ختان البنات، أهل أبوها مصممين",
        "راجل عنده ٢٥ سنة بيقولها ما تقوليش لأهلك",
        "فيه راجل كبير عايز يوديها مشوار بالعربية",
    ],
    "ur": [
        "dadi chahti hain ke chutiyon mein larki ki khatna karwayen",
        "saas keh rahi hain Fatima ki khatna karwani hai, khandan ki sab larkiyon ki hoti hai",
        "بیٹی کا ختنہ کروانا چاہتے ہیں اس کے ابو کے گھر والے",
        "ek saal ka aadmi nahi, 25 saal ka aadmi usay gaari mein ghumane le jane ki baat karta hai",
        "usne kaha ghar walon ko na batana",
    ],
    "bn": [
        "দাদি ছুটিতে মেয়ের খতনা করাতে চায়",
        "ora meyer khatna korate chay desh e niye",
        "ekta 25 bochorer lok ke garite ghurte niye jabe bolche",
        "lokta bolche barite bolo na",
    ],
    "pa": [
        "ohdi dadi kudi da khatna karvauna chahundi",
        "25 saal da banda ohnu gaddi ch ghuman lai jaun nu kehnda",
        "ohnu kehnda ghar waleyan nu na dasi",
        "ik banda message karda te car vich ghuman di gal karda",
    ],
    "so": [
        "ayeeyadeed waxay rabtaa in la gudo gabadha fasaxa",
        "waxay rabaan gudniinka fircooniga ah inay u sameeyaan",
        "xalaalayn sida gabdhaha kale ayay rabaan",
        "nin weyn ayaa u sheegay waalidkaa ha u sheegin",
    ],
    "lt": [
        "močiutė nori ją vežti atostogų mergaičių apipjaustymas ten",
        "nori apvalyti ją kaip kitos mergaitės šeimoje",
        "vyresnis vyras siūlo ją pavėžinti",
        "jis jai sakė nesakyk tėvams",
    ],
    "es": [
        "su abuela quiere llevarla a su país para la ablación",
        "quieren purificarla como las otras niñas de la familia",
        "un hombre de 25 años quiere llevarla a pasear en su coche",
        "le dijo que no le digas a tus padres",
    ],
}

NOT_URGENT = {
    "en": ["she was up late cleaning her room", "she is getting her hair cut after school",
           "we have a family ceremony on friday",
           "her brother's khatna is today"],
    "cy": ["Mae hi'n cael torri ei gwallt heddiw", "Mae seremoni deulu gynnon ni ddydd Gwener"],
    "pl": ["ma ceremonię rodzinną w piątek", "idzie do fryzjera obciąć włosy"],
    "pt": ["ela vai a uma cerimônia da família", "vai cortar o cabelo hoje"],
    "ro": ["avem o ceremonie în familie vineri", "se tunde azi după școală"],
    "ar": ["عندنا فرح في العيلة بكرة", "زي العادة هتيجي متأخرة السنة دي",
           # Arabizi "men" is "from", never English "men": a call asked for from the school.
           "law sama7to momken 7ad men el madrasa yetesel 3alaya ba3d el dohr, 3ayza atkalem"],
    "ur": ["bhai ki khatna hai aaj, chutti chahiye", "shaadi ki rasam hai kal",
           "Ali ki khatna karwani hai is liye aaj nahi aaye ga"],
    "bn": ["ajke bhaiyer khatna, tai school e jabe na", "poribarer onushthan ache"],
    "pa": ["ajj ghar vich rasam hai", "nanu ohnu car ch school chhad denge"],
    "so": ["xafladda qoyska ayaan u soconaa", "timaha ayaa la jarayaa maanta"],
    "lt": ["šeimos ceremonija penktadienį", "eina kirptis po pamokų"],
    "es": ["tenemos una ceremonia familiar el viernes",
           "tiene cita en la peluquería después del cole"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_fgm_and_grooming_told_are_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_haircuts_cleaning_and_family_ceremonies_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
