"""A plain request for a call is a call request even beside a vague topic (issue 14).

"could you call me, it's about something personal": the topic is one weak word, not a reason;
a real reason beside the request still decides (and the request makes it a person's).
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(("text", "lang"), [
    ("could you call me when you get a chance, it's something personal", "en"),
    ("¿Me pueden llamar? es un tema personal", "es"),
    ("Podem me ligar hoje? é um assunto pessoal", "pt"),
    ("Czy może ktoś zadzwonić do mnie dzisiaj?", "pl"),
    ("Mă puteți suna vă rog?", "ro"),
    ("Allwch chi ffonio fi pnawn ma?", "cy"),
    ("ajke amake call korte parben?", "bn"),
    ("ki tusi menu call kar sakde ho?", "pa"),
    ("kya aap mujhe call kar sakte hain?", "ur"),
    ("Ar galite paskambinti man šiandien?", "lt"),
    ("ممكن تتصلوا فيني اليوم؟", "ar"),
    ("fadlan ii soo wac maanta", "so"),
])
def test_a_request_for_a_call_is_a_call_request(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.CALL_REQUEST


@pytest.mark.parametrize(("text", "lang", "intent"), [
    ("she has a temperature, can you call me back", "en", Intent.ILLNESS),
    ("tiene fiebre, me pueden llamar luego", "es", Intent.ILLNESS),
    ("ele está com febre, podem me ligar depois", "pt", Intent.ILLNESS),
])
def test_a_real_reason_beside_a_call_request_still_decides(
        text: str, lang: str, intent: Intent) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert reading.intent is intent and reading.needs_staff
