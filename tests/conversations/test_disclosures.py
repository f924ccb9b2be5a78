"""Disclosures told sideways (conversations/safety.py): a secret an adult keeps with the child,
or two signs of harm in one reply, are urgent in every language, though no lexicon phrase for
the harm itself is there. One sign alone, or the sender's own distress alone, stays ordinary.

Every reply here is written for these tests, unlike the labelled rows and the lexicons' urgent
phrases: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Escalate, Intent, Urgency
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, amy, awaiting, facts, say

SECRETS = [
    ("en", "her swimming coach keeps texting her and said it has to stay a secret"),
    ("es", "el entrenador le manda mensajes de noche y le dijo que no se lo cuente a nadie"),
    ("pt", "o padrasto entra no quarto dela de noite e disse pra não contar pra ninguém"),
    ("pl", "trener pisze do niej wiadomości w nocy i kazał jej nikomu nie mówić"),
    ("ro", "antrenorul îi trimite mesaje noaptea și i-a spus să nu spună nimănui"),
    ("cy", "mae ei hyfforddwr yn anfon negeseuon ati ac yn deud wrthi am beidio deud wrth neb"),
    ("lt", "treneris rašo jai žinutes naktimis ir liepė niekam nesakyti"),
    ("ar", "المدرب يبعتلها رسايل بالليل وقلها ما تحكي لحدا"),
    ("ur", "uska tutor usay tang karta hai aur kehta hai kisi ko na batana"),
    ("pa", "ohda chacha ohnu hath launda hai te kehnda kise nu na dassin"),
    ("so", "tababaraha ayaa fariimo u soo dira habeenkii wuxuuna ku yiri cidna ha u sheegin"),
]

TWO_SIGNS = [
    # drink and violence: domestic abuse told as an evening gone wrong
    ("en", "my partner came home drunk again and slapped me in front of the kids"),
    ("pl", "mąż wrócił pijany i szarpał mnie przy dzieciach"),
    ("ur", "uske abbu ne sharab pee kar usay thappar mara, chehre pe nishan hain"),
    ("lt", "patėvis grįžo girtas ir trenkė jai"),
    # neglect: alone, hungry, no heating
    ("en", "he came back from his dads starving and his dad was out drinking all weekend"),
    ("ro", "a stat singur acasă tot weekendul fără mâncare"),
    ("pt", "ele ficou sozinho em casa o fim de semana todo sem comida"),
    # grooming: an adult and contact with the child
    ("pl", "jakiś dorosły facet z internetu pisze do niej i chce się spotkać"),
    ("en", "some older lads have been giving him money and a new phone"),
    ("lt", "vyresni vaikinai duoda jam pinigų ir liepia nešioti siuntinius"),
    # sent abroad against the child's wishes
    ("en", "his dad has his passport and is sending him back home, he is crying"),
    ("bn", "ora oke deshe pathabe, or passport niye nise, o kandche"),
]


@pytest.mark.parametrize(("lang", "text"), SECRETS)
def test_a_secret_kept_with_the_child_is_urgent(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING)


@pytest.mark.parametrize(("lang", "text"), TWO_SIGNS)
def test_two_signs_of_harm_are_a_disclosure(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she has a dentist appointment at 2pm, her uncle will collect her at lunch"),
    ("en", "we fly back tonight, her passport got stuck at security so we missed the flight"),
    ("en", "he has conjunctivitis, both eyes are red and he keeps crying, keeping him home"),
    ("en", "he was sick all night and is hungry now but cant keep anything down"),
    ("es", "está llorando porque le duele mucho el oído, la llevo al médico"),
    ("pl", "syn płacze bo boli go ząb, idziemy do dentysty"),
    ("pt", "o tio vai levar ele ao dentista às 11"),
])
def test_one_sign_beside_an_ordinary_reason_stays_ordinary(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent


def test_the_senders_distress_alone_is_no_disclosure() -> None:
    text = ("she refuses to go in, crying every morning about the girls in her form, "
            "I dont know what to do")
    assert not classify(text, lexicons=LEXICONS, language_hint="en").urgent


def test_a_sign_inside_a_phrase_that_says_otherwise_is_none() -> None:
    """ "hit her head" is an injury, not violence: with a second sign it stays ordinary."""
    text = "she hit her head at football and is crying, taking her to the walk in"
    assert not classify(text, lexicons=LEXICONS, language_hint="en").urgent


def test_a_negated_sign_is_no_sign() -> None:
    text = "shes not hungry and the coach said to rest, she has a cold"
    assert not classify(text, lexicons=LEXICONS, language_hint="en").urgent


def test_one_sign_in_a_long_reply_nothing_else_explains_is_urgent() -> None:
    text = ("sorry for the late reply, things at home are not great at the moment and "
            "there has been no food in the house since the weekend, I will explain")
    _, decisions = say(awaiting(), text, facts(amy()))
    assert [d.urgency for d in decisions if isinstance(d, Escalate)] == [Urgency.URGENT]


def test_one_sign_in_a_short_reply_is_not_urgent() -> None:
    assert not classify("shes been left alone?", lexicons=LEXICONS, language_hint="en").urgent


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she doesnt see the point in anything anymore and gave her things away"),
    ("pl", "córka mówi, że nie chce już żyć"),
    ("ro", "fata mi-a spus că nu mai vrea să trăiască"),
    ("lt", "dukra sako, kad nebenori gyventi"),
    ("ar", "بنتي قالت انها بدها تموت"),
    ("bn", "meye bolche bachte chay na"),
    ("so", "gabadhayda waxay leedahay waan is dilayaa"),
])
def test_suicidal_thoughts_said_indirectly_are_urgent(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("ar", "في شباب كبار بيعطوه مصاري ليوصل اغراض بالقطار"),
    ("ur", "kuch bade larke usay paise dete hain aur train pe parcel le jane ko kehte hain"),
    ("cy", "mae bechgyn hŷn yn rhoi pres iddo fo i gario pethau ar y trên"),
    ("pt", "uns rapazes mais velhos dão-lhe dinheiro para levar encomendas no comboio"),
])
def test_older_youths_paying_a_child_to_carry_things_is_exploitation(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.SAFEGUARDING


@pytest.mark.parametrize(("lang", "text"), [
    ("lt", "tėvas išsivežė ją be mano sutikimo ir neatsiliepia"),
    ("so", "aabaheed ayaa qaaday isagoon ii sheegin, taleefankana ma qabanayo"),
    ("pa", "ohda pyo ohnu bina dasse lai gaya te phone nahi chukda"),
    ("bn", "or baba oke amake na bole niye geche, phone dhorche na"),
])
def test_a_parent_taking_the_child_without_the_senders_consent_is_urgent(
        lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).urgent


@pytest.mark.parametrize(("lang", "text"), [
    ("so", "aabaheed ayaa dhakhtarka u qaaday"),
    ("bn", "or baba oke doctor er kache niye geche"),
    ("ur", "hum pakistan ja rahe hain shadi ke liye, do hafte baad wapas"),
    ("en", "we are going to pakistan for a family wedding, back on the 15th"),
])
def test_an_ordinary_trip_with_a_parent_is_not_urgent(lang: str, text: str) -> None:
    assert not classify(text, lexicons=LEXICONS, language_hint=lang).urgent
