"""A child (or the sender) who wants to die, to kill or to hurt themself is urgent, in every
language, however the words are ordered (conversations/safety.py: `wish`, `death`, `self`,
`kill`, `hurt` roles in every lexicon).

The reflexive moves: before the verb or after it ("me quiero matar", "quiero matarme", "se
quiere matar", "quero me matar", "chce się zabić", "się zabije"), a word of its own or a
postposition ("ei hun", "nijeke", "apne aap nu", "khud ko", "نفسها", "is") or inside the
verb ("nusižudyti"); the wish is in any person and may be a threat or an attempt; ending it
all and never waking up again are ways of dying, whatever negation the wish carries. The
replies are written for these tests (none is a lexicon phrase); ordinary replies that share
their words ("dying to go back to school", "this cold is killing me", "matar el tiempo",
"zabić nudę", "hurt himself at football") stay ordinary."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

WANTS_TO_DIE_OR_HURT_ONESELF = {
    "en": [
        "she told me last night she wants to kill herself",
        "i want to die, i cant do this anymore",
        "he keeps saying hes going to kill himself",
        "my son said he wanted to end it all",
        "she said she would rather go to sleep and never wake up",
        "shed rather be dead she says",
        "my daughter wants to top herself",
        "i think he might kill himself, please help",
        "he tried to hurt himself at the weekend",
        "she wants to cut herself again",
        "he doesnt want to wake up anymore",
        "she said she doesnt want to ever wake up",
    ],
    "es": [
        "me quiero matar",
        "mi hija dice que se quiere matar",
        "mi hijo dijo anoche que quiere matarse",
        "dice que se va a matar y no sé qué hacer",
        "la niña me dijo que quería morirse",
        "me quiero morir",
        "dice que se quiere quitar la vida",
        "mi hijo se quiere hacer daño otra vez",
        "mi hija ha intentado cortarse",
        "quiero matarme ya no puedo mas",
        "amenaza con tirarse por la ventana y matarse",
        "dice que no quiere despertar más",
        "no quiero volver a despertar",
    ],
    "pt": [
        "quero me matar",
        "minha filha disse que quer se matar",
        "ele falou que vai se matar",
        "ela quer morrer, diz isso todo dia",
        "meu filho tentou se machucar ontem",
        "ele quer se cortar de novo",
        "ela ameaçou tirar a própria vida",
        "quer matar-se, está muito mal",
        "eu quero morrer nao aguento mais",
        "ela não quer mais acordar",
        "quero acabar com tudo",
    ],
    "pl": [
        "mówi że chce się zabić",
        "chcę się zabić",
        "syn powiedział że się zabije",
        "córka chce umrzeć",
        "córka mówi, że nie chce żyć",
        "próbowała zrobić sobie krzywdę",
        "chciał się pociąć w nocy",
        "grozi, że odbierze sobie życie",
        "syn chce ze sobą skończyć",
        "chcę umrzeć, nie daję rady",
        "mówi, że nie chce się obudzić",
        "nie chce się już obudzić",
    ],
    "ro": [
        "fiica mea zice că vrea să se omoare",
        "vreau să mor",
        "a zis că o să se omoare",
        "încearcă să-și facă rău",
        "vrea să se taie iar pe mâini",
        "băiatul meu vrea să-și ia viața",
        "a amenințat că se sinucide",
        "zice ca vrea sa moara",
        "vreau să mă omor",
        "vreau să termin cu tot",
        "nu vrea să se mai trezească",
    ],
    "cy": [
        "mae hi'n deud ei bod hi isio lladd ei hun",
        "dwi isio marw",
        "mae o wedi trio brifo ei hun",
        "mae hi'n bygwth ei lladd ei hun",
        "mae'n deud ei fod o am ei ladd ei hun",
        "mae hi isio torri ei hun eto",
        "mae o'n deud bod o isio gorffen y cwbl",
        "mae hi eisiau marw medda hi",
        "dydy o ddim isio deffro eto",
        "dwi am ladd fy hun",
    ],
    "lt": [
        "dukra sako, kad nori nusižudyti",
        "noriu numirti",
        "sūnus grasino nusižudyti",
        "ji bandė susižaloti",
        "jis nori sau pakenkti",
        "sako, kad nužudys save",
        "dukra nori išnykti",
        "sūnus sakė, kad nori mirti",
        "noriu viską baigti",
        "sako, kad nusižudys",
    ],
    "ar": [
        "بنتي بتقول بدها تموت",
        "بدي موت",
        "ابني قال انه رح يقتل نفسه",
        "حاولت تأذي نفسها امبارح",
        "بدها تجرح حالها",
        "عايز يموت",
        "bidda te2tol 7ala",
        "قال بده ينتحر",
        "بنتي قالت انها تريد أن تقتل نفسها",
        "بدي خلص من حياتي",
        "ما بدها تصحى مرة تانية",
    ],
    "ur": [
        "beti kehti hai woh khud ko maar degi",
        "main marna chahti hoon",
        "beta kehta hai apni jaan le lega",
        "usne khud ko nuqsan pohanchane ki koshish ki",
        "وہ خود کو مارنا چاہتی ہے",
        "woh khud ko khatam karna chahta hai",
        "kehti hai kaash main mar jaun",
        "woh khud ko zakhmi karna chahti hai",
        "woh dobara uthna nahi chahti",
        "main sab khatam karna chahti hoon",
    ],
    "pa": [
        "oh kehndi hai main mar jana chahndi haan",
        "munda kehnda hai oh apne aap nu maar lavega",
        "kudi ne khud nu nuksaan pahunchaun di koshish kiti",
        "ਉਹ ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰਨਾ ਚਾਹੁੰਦੀ ਹੈ",
        "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ",
        "oh apni jaan dena chahunda hai",
        "kudi kehndi ji karda hai kite gayab ho jaavan",
        "oh kehnda hai oh khud nu khatam kar dega",
        "main sab khatam karna chahndi haan",
        "oh dubara uthna nahi chahundi",
    ],
    "bn": [
        "o bolche o nijeke mere felbe",
        "ami more jete chai",
        "meye bolche nijeke shesh kore dibe",
        "ছেলে বলছে সে নিজেকে মেরে ফেলবে",
        "o nijeke kosto dite chay",
        "meye nijer khoti korar cheshta koreche",
        "আমি মরে যেতে চাই",
        "o atmohotta korbe bolche",
        "ami sob shesh kore dite chai",
        "o jibon shesh korte chay",
    ],
    "so": [
        "gabadhaydu waxay leedahay waxaan rabaa inaan is dilo",
        "wiilku wuxuu yiri wuu is dili doonaa",
        "waxay isku dayday inay is dhaawacdo",
        "waxaan rabaa inaan dhinto",
        "wuxuu doonayaa inuu is jaro",
        "waxay tiri waan is dilayaa",
        "wuxuu rabaa inuu lumo oo aan la arag",
        "gabadhu waxay rabtaa inay dhimato",
        "waxaan rabaa inaan naftayda ka qaado",
        "ma rabto inay mar dambe soo toosto",
    ],
}

URGENT = [(lang, text) for lang, texts in WANTS_TO_DIE_OR_HURT_ONESELF.items()
          for text in texts]


@pytest.mark.parametrize(("lang", "text"), URGENT)
def test_wanting_to_die_or_to_hurt_oneself_is_urgent_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent and reading.intent is Intent.SAFEGUARDING


def test_every_language_has_its_phrasings() -> None:
    assert set(WANTS_TO_DIE_OR_HURT_ONESELF) == set(LEXICONS.languages)
    assert all(len(texts) >= 8 for texts in WANTS_TO_DIE_OR_HURT_ONESELF.values())


LOOK_ALIKES = [
    ("en", "she's dying to go back to school but she still has a temperature"),
    ("en", "this cold is killing me, and he has a fever too"),
    ("en", "my mum will kill me if he misses another day, he has a bad cough"),
    ("en", "he hurt himself playing football and cant walk on his ankle"),
    ("en", "shes killing time at home till the doctor at 11"),
    ("en", "he didnt want to wake up this morning so hes late"),
    ("en", "im killing myself laughing at this, anyway he has a cold"),
    ("es", "tiene fiebre, estamos matando el tiempo viendo pelis"),
    ("es", "para matar el tiempo se puso a leer, sigue con fiebre"),
    ("es", "se aburre en casa y se quiere matar el rato jugando, tiene fiebre"),
    ("es", "se muere de ganas de volver al colegio pero tiene fiebre"),
    ("es", "este resfriado me está matando, y la niña tiene tos"),
    ("es", "se hizo daño en el tobillo jugando al fútbol"),
    ("pt", "ela está morrendo de vontade de voltar pra escola, mas está com febre"),
    ("pt", "quer matar a saudade dos avós, por isso viajamos"),
    ("pt", "machucou o joelho no futebol e está mancando"),
    ("pt", "se matou de estudar pra prova e ficou doente"),
    ("pl", "zabija nudę graniem, bo ma gorączkę"),
    ("pl", "umiera z nudów w domu, ale ma jeszcze gorączkę"),
    ("pl", "chce się uczyć, ale ma grypę"),
    ("pl", "skaleczyła się w palec, ale głównie ma katar"),
    ("pl", "nudzi się w domu, chce zabić nudę, ale ma gorączkę"),
    ("pl", "na tym lodzie można się zabić, zostaje w domu z katarem"),
    ("pt", "ele se juntou aos amigos pra matar aula, não está doente"),
    ("ro", "moare de nerăbdare să se întoarcă la școală, dar are febră"),
    ("ro", "mă omoară durerea de cap, iar fiica are febră"),
    ("ro", "omoară timpul cu jocuri, are gripă"),
    ("ro", "nu a vrut să se trezească azi dimineață, întârzie"),
    ("cy", "mae'r annwyd yma'n fy lladd i, ac mae ganddi wres"),
    ("cy", "mae o wedi brifo ei goes yn chwarae pêl-droed"),
    ("cy", "mae hi isio torri ei gwallt ei hun, ond mae hi'n sâl heddiw"),
    ("cy", "doedd o ddim isio deffro bore ma, mae o'n hwyr"),
    ("lt", "mirštu iš nuobodulio namie, bet jis dar karščiuoja"),
    ("lt", "susižeidė koją per futbolą"),
    ("ar", "قاتلني البرد، وبنتي عندها حرارة"),
    ("ar", "ميتة تروح عالمدرسة بس عندها حرارة"),
    ("ur", "sardi ne maar diya, aur beti ko bukhar hai"),
    ("ur", "woh school jaane ke liye mari ja rahi hai magar bukhar hai"),
    ("ur", "subah uthna nahi chahta tha, late ho jayega"),
    ("pa", "thand ne maar ditta, munde nu bukhar hai"),
    ("pa", "homework khatam karna chahundi hai par bukhar hai"),
    ("bn", "thanda amake mere felche, ar meyer jor"),
    ("bn", "kaj shesh korte chay kintu jor ache"),
    ("so", "qabowgu wuu i dilay, ilmahana qandho ayuu qabaa"),
    ("so", "waxay is aragtay saaxiibadeed, maanta way jirantahay"),
]


@pytest.mark.parametrize(("lang", "text"), LOOK_ALIKES)
def test_ordinary_words_of_dying_and_killing_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
