"""A reason, and more beside it, in every language (conversations/beside_the_reason.py,
locales/<lang>/concepts/more_than_a_reason.toml): a family that gives an ordinary reason and
asks for help, or turns to another matter after it, is telling more than the reason. The
reason goes to a person and is never confirmed alone; what follows the turn is read as a reply
of its own; a long reply the bot cannot read that asks for help is urgent.
The replies are written for these tests, not copied from the labelled rounds.

Look-alikes that must stay ordinary: the reason with thanks, a turn with nothing after it, a
long reply of crying alone."""

from __future__ import annotations

import pytest

from conversations.types import Escalate, ReasonStatus
from conversations.whys import code_of
from tests.conversations.helpers import absent, amy_replies, awaiting, facts, say, student

# An ordinary illness each language reads and confirms alone.
REASON = {
    "en": "Amy is ill today", "cy": "Amy yn sâl heddiw", "pl": "Amy ma dziś gorączkę",
    "pt": "A Amy está doente hoje", "ro": "Amy e bolnavă azi", "lt": "Amy šiandien serga",
    "es": "Amy está enferma hoy", "so": "Amy way jiran tahay maanta",
    "ar": "ايمي مريضة اليوم", "ur": "Amy aaj bimar hai", "pa": "Amy ajj bimar hai",
    "bn": "Amy aj osustho",
}
# The reason, and thanks: nothing more.
THANKS = {
    "en": "thank you", "cy": "diolch", "pl": "dziękuję", "pt": "obrigada", "ro": "mulțumesc",
    "lt": "ačiū", "es": "gracias", "so": "mahadsanid", "ar": "شكرا", "ur": "shukriya",
    "pa": "dhanvaad", "bn": "dhonnobad",
}
# The sender asks for help beside the reason.
HELP = {
    "en": "i dont know what to do anymore", "cy": "dwi ddim yn gwybod be i neud",
    "pl": "nie wiem co mam robić", "pt": "já não sei o que fazer",
    "ro": "nu mai știu ce să fac", "lt": "nebežinau ką daryti", "es": "ya no sé qué hacer",
    "so": "garan maayo waxaan sameeyo", "ar": "ما بعرف شو اعمل",
    "ur": "samajh nahi aa raha kya karun",
    "pa": "samajh ni aundi mai ki karan", "bn": "ki korbo bujhte parchi na",
}
# A turn to another matter after the reason, with a few words after it.
TURN = {
    "en": "and one more thing, her grandma is visiting us on sunday",
    "cy": "a dweud y gwir, mae ei nain yn ymweld â ni dydd sul",
    "pl": "i jeszcze jedno, jej babcia przyjeżdża do nas w niedzielę",
    "pt": "e mais uma coisa, a avó dela vem nos visitar no domingo",
    "ro": "și încă ceva, bunica ei vine în vizită duminică",
    "lt": "ir dar vienas dalykas, jos močiutė atvažiuoja pas mus sekmadienį",
    "es": "y otra cosa, su abuela viene a visitarnos el domingo",
    "so": "hal arrin oo kale, ayeeyadeed ayaa na soo booqanaysa axadda",
    "ar": "وشغلة كمان، ستها جاية تزورنا يوم الاحد",
    "ur": "aur ek baat, uski nani itwar ko hum se milne aa rahi hain",
    "pa": "ikk hor gal, ohdi naani aitvaar nu saanu milan aa rahi hai",
    "bn": "ar ekta kotha, or nani robibar amader basay berate ashben",
}
# Something to tell, after the reason: "I wanted to tell you something", a few words after it.
TO_TELL = {
    "en": "i wanted to tell you something, her dad moved out",
    "cy": "isio deud rhywbeth wrthach chi, mae ei thad wedi symud allan",
    "pl": "chciałam wam coś powiedzieć, jej tata się wyprowadził",
    "pt": "queria dizer uma coisa, o pai dela foi embora",
    "ro": "voiam să vă spun ceva, tatăl ei s-a mutat",
    "lt": "norėjau jums kai ką pasakyti, jos tėtis išsikraustė praeitą savaitę",
    "es": "quería decirles una cosa, su papá se mudó la semana pasada",
    "so": "waxaan rabaa inaan wax idin sheego, aabaheed wuu guuray toddobaadkii hore",
    "ar": "بدي قلكم شي، ابوها ساكن بمحل تاني",
    "ur": "aap se ek baat karni hai, uske abbu alag rehte hain",
    "pa": "tuhanu ikk gal dassni si, ohde papa alag rehnde ne",
    "bn": "apnake ekta kotha bolar chilo, or abba alada thake",
}
# A plea for help in English, as written in any language.
PLEASE_HELP = {lang: "please help" for lang in (
    "en", "cy", "pl", "pt", "ro", "lt", "es", "so", "ar", "ur", "pa", "bn")}
# After the turn, a long run no reason is read in, with one sign of harm (an older man).
TURN_THEN_HARM = {
    "en": "and one more thing, there is an older man from the flats who keeps waiting for her "
          "by the park gates every single evening after tea",
    "cy": "a dweud y gwir, mae na ddyn hŷn o'r fflatiau sy'n aros amdani hi wrth giatiau'r "
          "parc bob un noson ar ôl te",
    "pl": "i jeszcze jedno, jakiś starszy facet z bloku czeka na nią przy bramie parku "
          "codziennie wieczorem po kolacji od kilku tygodni",
    "pt": "e mais uma coisa, um homem mais velho do prédio fica à espera dela no portão do "
          "parque todas as noites depois do jantar",
    "ro": "și încă ceva, un bărbat mai în vârstă din bloc o așteaptă la poarta parcului în "
          "fiecare seară după cină de câteva săptămâni",
    "lt": "ir dar vienas dalykas, vyresnis vyras iš namo kiekvieną vakarą po vakarienės jos "
          "laukia prie parko vartų jau kelias savaites",
    "es": "y otra cosa, un hombre mayor del edificio la espera en la puerta del parque todas "
          "las noches después de cenar desde hace semanas",
    "so": "hal arrin oo kale, nin weyn oo dhismaha ku nool ayaa habeen kasta ka sugaya "
          "albaabka beerta kadib casho muddo toddobaadyo ah",
    "ar": "وشغلة كمان، في راجل كبير من العمارة بيستناها كل ليلة عند باب الحديقة بعد العشا "
          "من كم اسبوع",
    "ur": "aur ek baat, building ka ek 40 saal ka aadmi har raat khane ke baad park ke gate "
          "pe uska intezar karta hai kai hafton se",
    "pa": "ikk hor gal, building da ik banda har raat roti ton baad park de gate te ohdi "
          "udeek karda hai kai hafteyan ton",
    "bn": "ar ekta kotha, building er ekjon boro lok protidin raate khawar por park er gate "
          "e or jonno opekkha kore onek shopta dhore",
}
# A long reply no reason is read in, asking for help.
LONG_ASKING = {
    "en": "something happened last night and she will not talk to me about it at all, i dont "
          "know what to do",
    "cy": "digwyddodd rhywbeth adra neithiwr a dydi hi ddim isio siarad efo fi o gwbl am y "
          "peth, dwi ddim yn gwybod be i neud",
    "pl": "coś się wczoraj wieczorem stało w domu i ona w ogóle nie chce ze mną o tym rozmawiać, "
          "nie wiem co robić",
    "pt": "aconteceu uma coisa ontem à noite lá em casa e ela não quer falar comigo sobre isso "
          "de jeito nenhum, não sei o que fazer",
    "ro": "s-a întâmplat ceva acasă aseară și ea nu vrea deloc să vorbească cu mine despre asta, "
          "nu știu ce să fac",
    "lt": "vakar vakare namuose kažkas nutiko ir ji visai nenori su manim apie tai kalbėti, "
          "nežinau ką daryti",
    "es": "anoche pasó algo en casa y ella no quiere hablar conmigo de eso para nada, no sé qué "
          "hacer",
    "so": "xalay wax ayaa guriga ka dhacay mana rabto inay iga la hadasho waxba arrintaas, "
          "garan maayo waxaan sameeyo",
    "ar": "صار شي بالبيت مبارح بالليل وهي ما بدها تحكي معي عنه ابدا ابدا، ما بعرف شو اعمل",
    "ur": "kal raat ghar pe kuch hua aur woh mujh se is bare mein bilkul baat nahi karna chahti, "
          "mujhe nahi pata kya karun",
    "pa": "kal raat ghar kuch hoya te oh mere naal is baare bilkul gal nahi karna chahundi, "
          "samajh ni aundi mai ki karan",
    "bn": "kal raate basay kichu ekta hoyeche ar o amar sathe ei niye ekdom kotha bolte chay "
          "na, ki korbo bujhte parchi na",
}


def _said(*parts: str) -> str:
    return ". ".join(parts)


def _for_a_person(lang: str, text: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    escalations = [d for d in decisions if isinstance(d, Escalate)]
    assert [code_of(e.why)[0] for e in escalations] == ["more_than_a_reason"], (lang, text)


@pytest.mark.parametrize("lang", sorted(REASON))
def test_the_reason_with_thanks_is_confirmed(lang: str) -> None:
    _, urgent, statuses = amy_replies(lang, _said(REASON[lang], THANKS[lang]))
    assert not urgent and statuses == [ReasonStatus.CONFIRMED], lang


@pytest.mark.parametrize("more", [HELP, TURN, TO_TELL, PLEASE_HELP],
                         ids=["a plea for help", "a turn", "something to tell", "please help"])
@pytest.mark.parametrize("lang", sorted(REASON))
def test_the_reason_and_more_go_to_a_person(more: dict[str, str], lang: str) -> None:
    text = _said(REASON[lang], more[lang])
    _, urgent, statuses = amy_replies(lang, text)
    assert not urgent and statuses == [ReasonStatus.REPORTED], (lang, text)
    _for_a_person(lang, text)


@pytest.mark.parametrize("lang", sorted(REASON))
def test_after_a_turn_one_sign_of_harm_is_urgent(lang: str) -> None:
    text = _said(REASON[lang], TURN_THEN_HARM[lang])
    _, urgent, statuses = amy_replies(lang, text)
    assert urgent and statuses == [], (lang, text)


@pytest.mark.parametrize("lang", sorted(LONG_ASKING))
def test_a_long_reply_the_bot_cannot_read_asking_for_help_is_urgent(lang: str) -> None:
    _, urgent, statuses = amy_replies(lang, LONG_ASKING[lang])
    assert urgent and statuses == [], (lang, LONG_ASKING[lang])


def test_every_language_has_each() -> None:
    languages = {"en", "cy", "pl", "pt", "ro", "lt", "es", "so", "ar", "ur", "pa", "bn"}
    for table in (REASON, THANKS, HELP, TURN, TO_TELL, PLEASE_HELP, TURN_THEN_HARM,
                  LONG_ASKING):
        assert set(table) == languages
