"""Radicalisation told by a family, urgent in every language
(locales/<lang>/concepts/radicalisation.toml): extremist videos watched, hatred of a group,
wanting to go and fight, new older friends filling his head and calling the family infidels,
a Prevent referral.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must not be urgent: a police talk about online safety at school (defused in
every language), videos for a history project, a boy named Jihad who is ill, "prevent" as a
verb, playing the martyr, Merthyr."""

from __future__ import annotations

import pytest

from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

TOLD = {
    "en": [
        "he's been watching extremist videos in his room all night",
        "he keeps saying all muslims should be sent home and he hates them",
        "some older men at the gym are filling his head",
        "he says he wants to go and fight in Syria",
        "we've been referred to Prevent",
        "new older friends from the mosque have been telling him to cut us off, we are kafir now",
        "he's been on forums saying the holocaust didn't happen",
        "he's got a tattoo of a symbol the police said is a far-right one",
        "he watches that man online who says women are worth nothing and wants to punish them",
        "he said the people who did the bombing were heroes",
        "hes been going on about the jews controlling everything",
        "he drew a swastika on his books and says hitler did nothing wrong",
        "he says hes going to do something like the christchurch shooter",
        "he talks about dying for his faith and going to paradise",
    ],
    "cy": [
        "mae o'n gwylio fideos eithafol drwy'r nos",
        "mae dynion hŷn yn y gampfa yn llenwi ei ben efo casineb at fwslemiaid",
        "mae o'n deud bod y rhai wnaeth y bom yn arwyr",
        "mae o'n deud bod mwslemiaid yn elynion a bod angen eu cael allan",
        "mae o'n deud bod iddewon yn rheoli popeth a bod angen cael gwared arnyn nhw",
        "mae'r mab yn gwrando ar ddyn ar-lein sy'n deud bod angen rhyfel sanctaidd",
        "mae o'n siarad am farw dros ei ffydd",
    ],
    "pl": [
        "ogląda filmy ekstremistów całymi nocami",
        "starsi faceci z siłowni nabijają mu głowę nienawiścią do muzułmanów",
        "zgloszono go do programu Prevent",
        "mówi że ci co zrobili zamach to bohaterowie",
        "mówi że trzeba wyrzucić wszystkich imigrantów siłą i ogląda takie filmy",
        "nosi opaskę ze swastyką",
        "mówi że żydzi wszystkim rządzą i trzeba ich wykończyć",
        "syn słucha w internecie gościa, który mówi że trzeba prowadzić świętą wojnę",
        "mówi o tym że chce umrzeć za wiarę i iść do raju",
    ],
    "pt": [
        "diz que quer ir lutar na Síria",
        "uns homens mais velhos do ginásio andam a encher-lhe a cabeça com ódio aos muçulmanos",
        "diz que os que fizeram o atentado são heróis",
        "diz que os imigrantes têm de ser expulsos à força e vê esses vídeos",
        "quer ir juntar-se ao estado islâmico",
        "diz que os judeus controlam tudo e que é preciso acabar com eles",
        "o meu filho ouve um tipo na internet que diz que é preciso fazer a guerra santa",
        "fala em morrer pela fé e ir para o paraíso",
    ],
    "ro": [
        "se uita la clipuri extremiste toata noaptea",
        "niște bărbați mai mari de la sală îi umplu capul cu ură față de musulmani",
        "zice că cei care au făcut atentatul sunt eroi",
        "zice că imigranții trebuie dați afară cu forța și se uită la clipuri de-astea",
        "vrea să se alăture statului islamic",
        "zice că evreii controlează totul și trebuie eliminați",
        "fiul meu ascultă un tip pe internet care zice că trebuie dus războiul sfânt",
        "vorbește despre a muri pentru credință și a ajunge în rai",
    ],
    "ar": [
        "sar y2ol el madrase 7aram w bado yrou7 y2atel ma3hom",
        "قال المدرسة حرام وبدو يروح يقاتل مع جماعة على النت",
        "بيقول عايز يروح يجاهد في سوريا",
        "ناس أكبر منه في الجامع بيملوا دماغه إن احنا كفار",
        "yetfarrag 3ala videohat mutatarrefa",
        "بيقول اللي عملوا التفجير أبطال",
        "عايز ينضم لداعش",
        "بيقول لازم نقتل الكفار",
        "3ayez yendam le da3esh",
        "بيقول اليهود بيتحكموا في كل حاجة ولازم يخلصوا منهم",
        "ibni sar y2ool inno lazem nrou7 njahed",
        "ابني صار يسمع شيوخ على النت بيقولوا الجهاد فرض وانه لازم يسافر",
        "بيتكلم عن انه يموت في سبيل الله ويدخل الجنة",
    ],
    "ur": [
        "kehta hai Syria ja kar jihad karna hai",
        "masjid ke bare log uska dimagh bhar rahe hain ke hum kafir hain",
        "وہ شدت پسند ویڈیوز دیکھتا ہے",
        "kehta hai dhamaka karne wale hero hain",
        "kehta hai kafiron ko maar dena chahiye",
        "daish mein shamil hona chahta hai",
        "kehta hai yahudi sab kuch control karte hain aur unko khatam karna chahiye",
        "beta online ek molvi ko sunta hai jo kehta hai jihad farz hai",
        "kehta hai deen ke liye marna hai aur jannat jana hai",
    ],
    "bn": [
        "bole Syria te giye jihad korbe",
        "mosjid er boro lokera or matha kharap korche, bole amra kafir",
        "ও জঙ্গি ভিডিও দেখে",
        "bole jara bomb hamla koreche tara hero",
        "bole kafir der mere fela uchit",
        "isis e jog dite chay",
        "bole ihudira sob niyontron kore, oderke shesh kora uchit",
        "chele online ek hujur er kotha shune, bole jihad faroj",
        "bole dhormer jonno morbe ar jannat e jabe",
    ],
    "pa": [
        "oh saari raat kattarpanthi videos vekhda",
        "gym de vadde bande ohda dimaag bhar rahe ne musalmaana de khilaf",
        "kehnda dhamaka karan wale hero ne",
        "kehnda ohna nu maar dena chahida, oh kafir ne",
        "kehnda yahudi sab kuch control karde, ohna nu khatam karna chahida",
        "munda online ik bande nu sunda jo kehnda ladai zaroori hai",
        "oh dharam layi marn dian gallan karda",
    ],
    "so": [
        "wuxuu daawadaa muuqaalo xagjir ah habeenkii oo dhan",
        "rag waaweyn oo masjidka ah ayaa madaxiisa ka buuxiya inaan gaalo nahay",
        "wuxuu leeyahay kuwii qarixa sameeyay waa geesiyaal",
        "wuxuu rabaa inuu ku biiro al shabaab",
        "wuxuu leeyahay gaalada waa in la dilaa",
        "wuxuu leeyahay yuhuudda ayaa wax walba maamusha waana in la dabar tiraa",
        "wiilkaygu online ayuu dhageystaa wadaad leh jihaadku waa waajib",
        "wuxuu ka hadlaa inuu u dhimanayo diinta oo jannada gelayo",
    ],
    "lt": [
        "sako kad nori važiuoti kariauti į Siriją",
        "vyresni vyrai is sporto klubo pripildo jam galva neapykantos musulmonams",
        "sako kad tie kas įvykdė sprogdinimą yra didvyriai",
        "sako kad imigrantus reikia išvaryti jėga ir žiūri tokius vaizdo įrašus",
        "nori prisijungti prie islamo valstybės",
        "sako kad žydai viską valdo ir juos reikia sunaikinti",
        "sūnus internete klausosi vieno žmogaus, kuris sako kad reikia kariauti prieš "
        "netikinčiuosius",
        "jis kalba apie tai kad nori mirti už tikėjimą",
    ],
    "es": [
        "se pasa la noche viendo videos extremistas",
        "unos hombres mayores del gimnasio le están llenando la cabeza de odio a los musulmanes",
        "dice que los del atentado son héroes",
        "dice que hay que echar a los inmigrantes a la fuerza y ve esos vídeos",
        "quiere unirse al estado islámico",
        "dice que los judíos lo controlan todo y que hay que acabar con ellos",
        "mi hijo escucha a un tipo en internet que dice que hay que hacer la guerra santa",
        "habla de morir por su fe e ir al paraíso",
    ],
}

NOT_URGENT = {
    "en": ["his great grandad died for his country in the war, we are at the memorial today",
           "the police came to give a talk about online safety",
           "he's watching videos for his history project on the second world war",
           "Jihad is off sick today with a temperature",
           "we will prevent him going out until his cough is better"],
    "cy": ["mae'r heddlu wedi dod i roi sgwrs am ddiogelwch ar-lein",
           "mae o'n mynd i Ferthyr at ei nain"],
    "pl": ["policja przyszła na pogadankę o bezpieczeństwie",
           "robi z siebie męczennika ale jest chory"],
    "pt": ["o avô morreu pela pátria, hoje é a cerimónia",
           "a polícia veio dar uma palestra sobre segurança", "faz-se de mártir mas está doente"],
    "ro": ["poliția a venit să țină o prezentare despre siguranță",
           "se uită la clipuri pentru proiectul de istorie"],
    "ar": ["بيستشهد بآيات في مشروع المدرسة وهو تعبان النهارده",
           "el madrase 7elwe bas huwe ta3ban elyom",
           "ahmad ta3ban, ma jai elyom, 5abba passport bel dorj w nseeh",
           "الشرطة جت تعمل محاضرة عن الأمان على النت", "جهاد تعبان النهارده وعنده سخونية"],
    "ur": ["beta masjid mein quran parhne jata hai, aaj bukhar hai",
           "Jihad ko bukhar hai aaj", "history project ke liye videos dekh raha hai"],
    "bn": ["Jihad er jor, aj school e jabe na", "itihash project er jonno video dekhche"],
    "pa": ["Jihad nu bukhar hai", "history project layi videos vekh reha"],
    "so": ["wuxuu ku biiray kooxda kubbadda cagta",
           "Jihaad wuu xanuunsan yahay maanta", "shabaabka dugsiga ayaa ciyaar leh"],
    "lt": ["policija atėjo pasikalbėti apie saugumą internete", "kosulys kankina visą naktį"],
    "es": ["mi hijo está viendo un documental sobre la guerra civil para clase",
           "quiere unirse al equipo de fútbol",
           "la policía vino a dar una charla sobre seguridad en internet",
           "se hace el mártir pero está malo", "Jihad está malo hoy"],
}


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in TOLD.items() for t in ts])
def test_radicalisation_told_is_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [(k, t) for k, ts in NOT_URGENT.items() for t in ts])
def test_police_talks_history_videos_and_names_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_every_language_has_its_cases() -> None:
    assert set(TOLD) == set(NOT_URGENT) == set(LEXICONS.languages)
