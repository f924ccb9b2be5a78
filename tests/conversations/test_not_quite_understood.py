""""I didn't quite understand" told with a softener ("not quite", "nu prea", "nelabai", "ne
visai") says the person did not understand our message: unclear (the numbered menu), never an
acknowledgement read from the bare "understood" inside it. "OK, understood, thanks" stays an
acknowledgement. Every reply here is written for these tests."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

NOT_QUITE = [
    ("en", "sorry didn't quite get that"),
    ("en", "not sure I understand sorry"),
    ("cy", "sori, dwi ddim yn deall yn iawn"),
    ("pl", "nie bardzo rozumiem o co chodzi"),
    ("pt", "desculpe não percebi bem"),
    ("ro", "nu prea am înțeles mesajul"),
    ("ro", "n-am prea inteles"),
    ("ar", "ما فهمت منيح شو القصة"),
    ("ur", "theek se samajh nahi aaya"),
    ("bn", "thik bujhlam na apnara ki bolchen"),
    ("pa", "theek samajh nahi aayi ji"),
    ("so", "si fiican uma fahmin fariinta"),
    ("lt", "laba diena, nelabai supratau"),
    ("lt", "ne visai suprantu ką rašote"),
    ("es", "perdone, no entendí bien"),
]

UNDERSTOOD = [
    ("en", "ok got it thanks"),
    ("lt", "ok supratau, ačiū"),
    ("ro", "am înțeles, mulțumesc"),
    ("pl", "rozumiem, dziękuję"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_QUITE)
def test_not_quite_understood_is_unclear(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.UNCLEAR


@pytest.mark.parametrize(("lang", "text"), UNDERSTOOD)
def test_understood_stays_an_acknowledgement(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS,
                    language_hint=lang).intent is Intent.ACKNOWLEDGEMENT


def test_every_language_is_tried() -> None:
    assert {lang for lang, _ in NOT_QUITE} == {
        "en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es"}
