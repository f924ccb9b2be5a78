"""The urgent safety net under the lexicon (issue 14, item 4): urgent by shape, in every
language, whatever the exact wording; ordinary destinations stay ordinary; a question about the
child that nothing else can read goes to a person, never to a menu.

Every reply here is worded on purpose unlike the lexicons' urgent phrases."""

from __future__ import annotations

import pytest

from conversations.types import Escalate, Intent, Reply, Urgency
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, amy, awaiting, ben, facts, say

TAKEN_AND_NOT_TELLING = [
    ("en", "her dad has taken her and wont tell me where they are"),
    ("en", "my ex took him this morning and is refusing to say where"),
    ("en", "his father collected him without my permission and isnt answering"),
    ("pt", "o pai levou-a e não me diz onde estão"),
    ("es", "su padre se la ha llevado y no me contesta"),
    ("pl", "ojciec zabrał ją bez mojej zgody i nie odbiera"),
    ("ro", "tatăl lui l-a luat și nu îmi spune unde sunt"),
    ("ur", "uska baap usay le gaya aur phone nahi utha raha"),
]

# Taken against the sender's wishes, nothing said about where: a parental abduction, which a
# safeguarding lead handles (round 5's labels).
TAKEN_AGAINST_WISHES = [
    ("cy", "mae ei thad wedi mynd â hi heb fy nghaniatâd"),
    ("ar", "ابوها اخدها بدون اذني"),
    ("en", "his dad took him off on Saturday without my consent"),
]

WENT_TO_SCHOOL = [
    ("en", "she walked up with her friends to the school gates at 8:15 like every day"),
    ("en", "I dropped both of them by the gate before 9"),
    ("pt", "larguei a menina no portão hoje às oito"),
    ("pt", "ele apanhou o autocarro para a escola de manhã"),
    ("es", "la dejé en la puerta a las 8:30"),
    ("pl", "odprowadziłam go pod szkołę o ósmej"),
    ("ro", "am lăsat-o la poartă la 8"),
    ("cy", "gollyngais hi wrth y giât am 8.30"),
    ("ur", "main ne subah 8 baje usay school ke gate pe chhoda"),
    ("ar", "وصلتها عالمدرسة الساعة ٨"),
]

ASKS_WHERE = [
    ("en", "where's my daughter??"),
    ("pt", "onde está o meu filho?"),
    ("es", "¿dónde está mi hija?"),
    ("pl", "gdzie jest mój syn?"),
    ("ro", "unde e fiul meu?"),
    ("cy", "ble mae fy mab?"),
    ("ur", "meri beti kahan hai?"),
    ("ar", "وين بنتي؟"),
]

NOT_URGENT = [
    ("en", "dad's taken her to the dentist", Intent.MEDICAL_APPOINTMENT),
    ("en", "her dad took her to the hospital for her scan", Intent.MEDICAL_APPOINTMENT),
    ("en", "she didn't go to school today, she has a temperature", Intent.ILLNESS),
    ("en", "I'll take him to school after his dentist appointment", Intent.MEDICAL_APPOINTMENT),
    ("en", "we're at the hospital where she's having her op", Intent.MEDICAL_APPOINTMENT),
    ("pt", "o pai levou-a ao dentista", Intent.MEDICAL_APPOINTMENT),
    ("es", "su padre la ha llevado al médico", Intent.MEDICAL_APPOINTMENT),
    ("pl", "tata zabrał ją do dentysty", Intent.MEDICAL_APPOINTMENT),
]


@pytest.mark.parametrize(("lang", "text"), TAKEN_AND_NOT_TELLING)
def test_someone_took_the_child_and_will_not_say_where_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN)


@pytest.mark.parametrize(("lang", "text"), TAKEN_AGAINST_WISHES)
def test_someone_took_the_child_against_the_senders_wishes_is_safeguarding(
        lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING)


@pytest.mark.parametrize(("lang", "text"), WENT_TO_SCHOOL)
def test_the_child_went_or_was_taken_to_school_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.urgent, reading


@pytest.mark.parametrize(("lang", "text"), ASKS_WHERE)
def test_asking_where_the_child_is_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.WHEREABOUTS_UNKNOWN)


@pytest.mark.parametrize(("lang", "text", "intent"), NOT_URGENT)
def test_an_ordinary_destination_is_not_urgent(lang: str, text: str, intent: Intent) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (False, intent)


def test_a_childs_name_counts_as_the_child() -> None:
    reading = classify("where is Amy", lexicons=LEXICONS, language_hint="en", students=(amy(),))
    assert reading.intent is Intent.WHEREABOUTS_UNKNOWN


def test_the_net_reaches_a_person_at_once_with_one_holding_message() -> None:
    _, decisions = say(awaiting("S1"), "his dad picked him up early without asking me",
                       facts(amy()))
    assert decisions == [Escalate(Urgency.URGENT, Intent.SAFEGUARDING,
                                  "reply reads as safeguarding", ("S1",)),
                         Reply("urgent.holding")]


@pytest.mark.parametrize("text", [
    "is she ok??", "what happened to Amy?", "Has Ben been in trouble?", "why was she marked?",
])
def test_an_unreadable_question_about_the_child_goes_to_a_person_not_a_menu(text: str) -> None:
    _, decisions = say(awaiting("S1", "S2"), text, facts(amy(), ben()))
    assert [d.key for d in decisions if isinstance(d, Reply)] == ["handoff.staff"]
    assert [d.urgency for d in decisions if isinstance(d, Escalate)] == [Urgency.NORMAL]


def test_an_unreadable_reply_without_a_question_still_gets_the_menu() -> None:
    _, decisions = say(awaiting("S1"), "asdfgh", facts(amy()))
    assert [d.key for d in decisions if isinstance(d, Reply)] == ["menu.intro"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "since her mums new boyfriend moved in shes been too frightened to go home"),
    ("pl", "od tygodnia boi się wracać do domu, nie wiem co robić"),
    ("pt", "ele agora tem medo de voltar para casa depois das aulas"),
    ("es", "le da miedo volver a casa cuando está su tío"),
    ("lt", "sūnus bijo grįžti namo, kai ten tėvo draugas"),
    ("ar", "صار يخاف يروح عالبيت من لما اجا عمه"),
])
def test_fear_of_going_home_is_a_disclosure(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "i watched her go through the gates at twenty to nine"),
    ("pl", "widziałam jak wchodził do szkoły o 8:20"),
    ("ro", "am văzut-o cu ochii mei la poartă la opt"),
    ("es", "con mis propios ojos lo vi entrar al cole"),
])
def test_the_sender_saw_the_child_go_in(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is (
        Intent.IN_SCHOOL_DISPUTE)


@pytest.mark.parametrize(("lang", "text", "intent"), [
    ("en", "she was scared at the dentist this morning, back home now and resting",
     Intent.MEDICAL_APPOINTMENT),
    ("en", "i saw her at breakfast and she had a temperature, keeping her off", Intent.ILLNESS),
    ("en", "the school bus never turned up so we are waiting", Intent.TRANSPORT),
    ("pt", "ela está com medo da vacina, foi ao médico de manhã", Intent.MEDICAL_APPOINTMENT),
])
def test_fear_and_seeing_beside_an_ordinary_reason_stay_ordinary(
        lang: str, text: str, intent: Intent) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is intent


def test_a_present_sibling_going_to_school_is_no_dispute_and_shares_no_reason() -> None:
    from tests.conversations.helpers import absent, records, student

    present = absent(code="/")
    family = facts(amy(), student("S2", "Ben", present))
    _, decisions = say(awaiting(), "Amy has a migraine, Ben went in as normal", family)
    assert not [d for d in decisions if isinstance(d, Escalate)]
    assert [(r.student_id, r.intent) for r in records(decisions)] == [("S1", Intent.ILLNESS)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she was sick all night, I gave her paracetamol and she is asleep now"),
    ("ro", "Andrei are febră și tuse de aseară, l-am lăsat acasă azi"),
    ("so", "Baska dugsiga maanta ma imaan, gaari ma lihi"),
])
def test_ordinary_care_and_keeping_a_child_home_are_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_a_long_message_the_bot_cannot_read_goes_to_a_person_not_a_menu() -> None:
    text = ("hello sorry, the thing with kwame from last week has started again and we had to "
            "go to my sisters place last night, I will explain when I can")
    _, decisions = say(awaiting(), text, facts(amy()))
    assert [d for d in decisions if isinstance(d, Escalate)]
    assert not [d for d in decisions if isinstance(d, Reply) and d.key == "menu.intro"]


def test_a_short_message_the_bot_cannot_read_still_gets_the_menu() -> None:
    _, decisions = say(awaiting(), "the thing again", facts(amy()))
    assert [d.key for d in decisions if isinstance(d, Reply)] == ["menu.intro"]
