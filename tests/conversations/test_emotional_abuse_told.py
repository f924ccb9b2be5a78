"""Emotional abuse told to the school is urgent safeguarding in every language (issue 14:
urgent recall on replies nobody tuned for; KCSIE category "emotional abuse"; the words are in
`locales/<lang>/concepts/emotional_abuse.toml`).

A relative, a neighbour or the child tells it: locked in a room as a punishment, told she is
worthless or that nobody wants her, screamed at all night, not allowed to eat with the family,
ignored for days, threatened with being sent away, made to stand for hours, humiliated. The
replies are written for these tests, not copied from the labelled rounds.

The look-alikes are ordinary: a baby brother screaming with his teeth, a child who called
herself silly, a dairy allergy, a weekend of games in his room."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

EMOTIONAL_ABUSE_TOLD = {
    "en": [
        "they lock her in her room as a punishment",
        "her dad tells her she's worthless every day",
        "he screamed at her all night and she hasn't slept",
        "he's not allowed to eat with the family, he eats on his own in his room",
        "her mum calls her stupid and ugly and says she wishes she'd never had her",
        "they make him stand in the corner for hours",
        "she's not allowed out of her room except for school",
        "her stepmum keeps telling her nobody wants her",
        "his parents ignore him completely, they won't speak to him for days",
        "he's terrified of his dad, he shouts at him constantly",
        "she's threatened to put him in care if he doesn't behave",
        "he gets no love at home, they treat him like dirt",
        "her stepdad puts her down and humiliates her in front of everyone",
        "he keeps saying he's useless because that's what his dad calls him",
        "her dad never lets her forget she was a mistake",
        "they keep telling him they'll send him back to his real dad if he's bad",
        "he's made to sleep in the garage as punishment",
        "my sister's boyfriend screams at her little boy and calls him a waste of space",
        "her mum hasn't spoken to her in two weeks, she's not allowed to eat with them",
        "it's Sam, I'm not allowed to leave my room except to go to school",
        "he's not allowed to have friends or go anywhere, his dad controls everything he does",
        "they call her the devil child at home and make her eat her dinner on the floor",
        "his mum told him she'll put him in a home if he doesn't behave",
        "he's been living in fear at home, his step dad screams at him constantly",
    ],
    "cy": [
        "maen nhw'n ei chloi hi yn ei stafell fel cosb",
        "mae ei thad yn deud wrthi hi ei bod hi'n dda i ddim bob dydd",
        "mi wnaeth o sgrechian arni hi drwy'r nos",
        "dydy o ddim yn cael bwyta efo'r teulu",
        "mae ei llysfam yn deud does neb isio hi",
        "mae ei thad yn deud wrthi mai camgymeriad oedd hi",
        "mae ei llystad yn ei chloi hi yn ei stafell",
        "maen nhw'n deud wrtho fo bod neb isio fo yn y tŷ",
        "mae ei fam yn gweiddi arno fo drwy'r amser ac yn deud ei fod o'n dda i ddim",
    ],
    "pl": [
        "zamykają ją w pokoju za karę",
        "ojciec codziennie mówi jej że jest nic niewarta",
        "krzyczał na nią całą noc",
        "nie pozwalają mu jeść z rodziną, je sam w pokoju",
        "macocha powtarza jej że nikt jej nie chce",
        "ojciec mowi mu ze jest nic niewart",
        "ojciec ciągle jej mówi że była wpadką i że nikt jej nie chciał",
        "każą mu spać w garażu za karę",
        "mówią na nią diabeł i każą jej jeść na podłodze",
        "matka ciągle na nią wrzeszczy i mówi że żałuje że ją urodziła",
        "ojciec grozi że odda go do domu dziecka",
        "rodzice nie odzywają się do niej od tygodnia, jakby jej nie było",
    ],
    "pt": [
        "fecham-na no quarto como castigo",
        "o pai diz-lhe todos os dias que ela não vale nada",
        "gritou com ela a noite toda",
        "não o deixam comer com a família",
        "a madrasta diz-lhe que ninguém a quer",
        "a mae diz-lhe que nunca a devia ter tido",
        "o pai está sempre a dizer-lhe que foi um erro",
        "obrigam-no a dormir na garagem de castigo",
        "obrigam-na a comer no chão",
        "a mãe grita com ela o dia todo e diz que se arrepende de a ter tido",
        "o pai ameaça pô-lo numa instituição",
    ],
    "ro": [
        "o încuie în cameră ca pedeapsă",
        "tatăl ei îi spune în fiecare zi că nu valorează nimic",
        "a țipat la ea toată noaptea",
        "nu are voie să mănânce cu familia",
        "mama vitregă îi spune că nimeni n-o vrea",
        "mama ii spune ca nu e buna de nimic",
        "tatăl ei îi tot spune că a fost o greșeală",
        "o pun să mănânce pe jos",
        "mama țipă la ea toată ziua și zice că regretă că a născut-o",
        "tatăl îl amenință că îl dă la orfelinat",
    ],
    "es": [
        "la encierran en su cuarto como castigo",
        "su padre le dice todos los días que no vale nada",
        "le estuvo gritando toda la noche",
        "no le dejan comer con la familia",
        "su madrastra le dice que nadie la quiere",
        "su padre le dice que ojala no hubiera nacido",
        "su padre siempre le dice que fue un error",
        "lo obligan a dormir en el garaje como castigo",
        "la obligan a comer en el suelo",
        "su madre le grita todo el día y le dice que ojalá no hubiera nacido",
        "su padre amenaza con meterlo en un centro de menores",
    ],
    "ar": [
        "بيقفلوا عليها بغرفتها كعقاب",
        "ابوها بيقلها كل يوم انها ما بتسوى شي",
        "ضل يصرخ عليها طول الليل",
        "ما بيخلوه ياكل مع العيلة",
        "مرت ابوها دايما بتقلها انو ما حدا بدو اياها",
        "bi2aflo 3aleha bel ghorfe",
        "ابوها دايما بيقلها انها كانت غلطة",
        "bi2aflo 3aleh bel ghorfe kel yom",
        "بيخلوها تاكل عالأرض",
        "امها بتصرخ عليها طول النهار وبتقلها ياريتك ما انولدتي",
        "ابوه بيهدده يحطه بدار الايتام",
    ],
    "ur": [
        "usko kamre mein band kar dete hain saza ke taur pe",
        "abbu roz kehte hain ke tum kisi kaam ki nahi",
        "saari raat us par chillata raha",
        "usko ghar walon ke saath khana khane nahi dete",
        "sauteli maa kehti hai koi tumhe nahi chahta",
        "اسے کمرے میں بند کر دیتے ہیں",
        "abbu kehte hain tum ghalti se paida hui thi",
        "uski maa usay ghar se nikaal deti hai raat ko saza ke liye",
        "usko kamre mein band rakhte hain",
        "usko zameen pe khana khilate hain",
        "ammi sara din us par chillati hai aur kehti hai kaash tum paida na hoti",
        "abbu dhamki dete hain ke yateem khane bhej denge",
    ],
    "bn": [
        "oke ghore bondho kore rakhe shasti hishebe",
        "abba roj bole tui kono kajer na",
        "sara raat dhore or upor chechiyeche",
        "oke poribarer sathe khete dey na",
        "sot ma bole keu toke chay na",
        "ওকে ঘরে আটকে রাখে",
        "abba bole tui ekta bhul chili",
        "oke ghore atke rakhe, khete dey na",
        "ammu sara din or upor chechay ar bole tor jonmo na hole bhalo hoto",
        "abba bole etimkhanay pathiye dibe",
    ],
    "pa": [
        "ohnu kamre ch band kar dinde ne saza vajon",
        "papa roz kehnde ne tu kise kamm di nahi",
        "saari raat ohde te chikda reha",
        "ohnu parivar naal roti nahi khan dinde",
        "matrey maa kehndi aa tainu koi nahi chahunda",
        "ਉਹਨੂੰ ਕਮਰੇ ਵਿੱਚ ਬੰਦ ਕਰ ਦਿੰਦੇ ਨੇ",
        "papa kehnde tu galti naal jammi si",
        "ohnu kamre ch band rakhde ne",
        "mummy saara din ohde te chikdi aa te kehndi aa tainu koi nahi chahunda",
        "papa dhamki dinde ne ke yateem khane bhej denge",
    ],
    "so": [
        "qolkeeda ayay ku xiraan ciqaab ahaan",
        "aabeheed maalin walba wuxuu ku yiraahdaa waxba ma tartid",
        "habeenkii oo dhan ayuu ku qaylinayay",
        "uma oggola inuu la cuno qoyska",
        "haweenta aabeheed waxay ku tiraahdaa qofna kuma rabo",
        "qolkiisa ayaa lagu xiraa marka uu qalad sameeyo",
        "aabeheed wuxuu ku yiraahdaa qalad ayaad ahayd",
        "qolkiisa ayay ku xiraan, cunto lama siiyo",
        "hooyadeed maalintii oo dhan way ku qaylisaa, waxayna ku tiraahdaa qofna kuma rabo",
        "aabihiis wuxuu ugu hanjabay inuu xarunta agoonta u dirayo",
    ],
    "lt": [
        "uždaro ją kambaryje už bausmę",
        "tėvas kasdien jai sako, kad ji niekam tikusi",
        "visą naktį ant jos rėkė",
        "neleidžia jam valgyti su šeima",
        "pamotė sako, kad jos niekas nenori",
        "tevas sako kad jis niekam tikes",
        "tėvas vis sako, kad ji buvo klaida",
        "jai neleidžia išeiti iš kambario",
        "mama visą dieną ant jos rėkia ir sako, kad gailisi ją pagimdžiusi",
        "tėvas grasina atiduoti jį į vaikų namus",
    ],
}

URGENT = [(lang, text) for lang, texts in EMOTIONAL_ABUSE_TOLD.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_emotional_abuse_told_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading


def test_every_language_tells_emotional_abuse() -> None:
    assert set(EMOTIONAL_ABUSE_TOLD) == set(LEXICONS.languages)
    assert all(len(texts) >= 5 for texts in EMOTIONAL_ABUSE_TOLD.values())


# Each is ordinary: a teething baby screams, a child is hard on herself, a diet, a game.
LOOK_ALIKES = [
    ("en", "she's screaming because of her teething brother, we had no sleep, she'll be in late"),
    ("en", "she locked herself out of her room, in after 10"),
    ("en", "he's not allowed to eat dairy, we have an allergy appointment"),
    ("en", "she called herself stupid for forgetting her PE kit"),
    ("en", "he was in his room all weekend playing games, has a cold now"),
    ("en", "the girls in her class call her fat and ignore her, she came home crying"),
    ("en", "his teacher humiliated him in front of the class and he won't go in"),
    ("en", "she has a fever so we've kept her in her room away from the baby"),
    ("cy", "mae ei brawd bach yn torri dannedd ac yn sgrechian drwy'r nos, dim cwsg neithiwr"),
    ("pl", "nie może jeść nabiału, mamy wizytę u alergologa"),
    ("pt", "ficou no quarto o fim de semana todo a jogar, agora está constipado"),
    ("ro", "fratele mic a țipat toată noaptea din cauza dinților, n-am dormit"),
    ("es", "su hermanito estuvo gritando por los dientes toda la noche, no dormimos"),
    ("ar", "اخوها الصغير ضل يصرخ طول الليل من سنانه، ما نمنا"),
    ("ur", "chhota bhai saari raat rota raha daant nikal rahe hain, so nahi payi"),
    ("bn", "choto bhai sara raat kanna korche daat uthche, ghumate pareni"),
    ("pa", "chhota bhra saari raat ronda reha daand nikal rahe ne, so nahi saki"),
    ("so", "walaalkeed yar ayaa habeenkii oo dhan ooyayay ilkaha darteed, ma seexan"),
    ("lt", "mažasis brolis visą naktį rėkė, dygsta dantukai, neišsimiegojo"),
    ("en", "he's grounded and not allowed his phone this week"),
    ("en", "she's upset because her friends fell out with her"),
    ("en", "he's made to sleep in his own bed now, he was up all night with a cough"),
    ("en", "he's been left out of the football team and he's gutted, he has a cold"),
    ("en", "his dad shouted at him for not doing his homework, he's sulking but he's fine"),
    ("en", "she's not allowed to eat before her operation"),
    ("en", "she's not allowed to go to parties because she's 12, she's fine, she has a cold"),
    ("lt", "valgė ant grindų piknike, dabar pilvą skauda"),
    ("pl", "koleżanki nie odzywają się do niej od tygodnia, jest smutna i ma katar"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_a_teething_baby_and_a_hard_day_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
