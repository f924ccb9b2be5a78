"""Two requests said in every language: stop sending messages (an opt-out), and a family gone
back for good asking for the child to come off the roll (moved away, never a holiday).

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

STOP_SENDING = [
    ("en", "please stop sending messages to this phone"),
    ("cy", "stopiwch anfon negeseuon i'r rhif yma plis"),
    ("pl", "proszę przestać wysyłać wiadomości na ten numer"),
    ("pt", "parem de enviar mensagens para este número"),
    ("ro", "vă rog nu mai trimiteți mesaje la numărul ăsta"),
    ("ar", "توقفوا عن ارسال الرسائل على هذا الرقم"),
    ("ur", "is number pe messages bhejna band karein"),
    ("bn", "ei number e ar message diben na"),
    ("pa", "is number te message band karo ji"),
    ("so", "fadlan fariimaha jooji, mahadsanid"),
    ("lt", "prašau nebesiųskite žinučių šiuo numeriu"),
    ("es", "dejen de enviar mensajes a este número por favor"),
]

OFF_THE_ROLL = [
    ("en", "we have moved back to Spain for good, please take him off the roll"),
    ("pl", "wróciliśmy na stałe do Polski, proszę go wypisać ze szkoły"),
    ("pt", "voltámos de vez para Portugal, podem anular a matrícula"),
    ("ro", "ne-am întors definitiv în România, vă rog să-l scoateți din evidență"),
    ("es", "volvimos definitivamente a Colombia, por favor darle de baja"),
    ("lt", "grįžome visam laikui į Lietuvą, prašome išregistruoti"),
]


@pytest.mark.parametrize(("lang", "text"), STOP_SENDING)
def test_stop_sending_messages_is_an_opt_out(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.OPT_OUT


@pytest.mark.parametrize(("lang", "text"), OFF_THE_ROLL)
def test_gone_for_good_and_off_the_roll_is_moved_away(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.MOVED_AWAY


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "please stop, she is fine, just a cold, back tomorrow"),
    ("ur", "usko aaj school mat bhejo kehti thi, bukhar hai"),
    ("en", "she is feeling good now, back tomorrow"),
])
def test_ordinary_words_near_them_are_no_request(lang: str, text: str) -> None:
    intent = classify(text, lexicons=LEXICONS, language_hint=lang).intent
    assert intent not in (Intent.OPT_OUT, Intent.MOVED_AWAY), intent
