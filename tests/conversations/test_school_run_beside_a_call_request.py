"""A school run the sender did, told beside "please call me", is still a disputed absence: the
call request never outweighs it (Egyptian Arabizi "wadeto", I took him, was no verb of taking)."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(("code", "text"), [
    ("en", "I took him to school this morning and you say he's not there?? can you call me"),
    ("en", "I dropped her at the gate at 8.40, please call me asap"),
    ("ar", "ana wadeto el madrasa el sob7 w enta bt2ol mesh mawgood? momken tetasel"),
    ("ar", "waddetha el madrasa b nafsi el sob7, momken 7ad yekalemni"),
    ("pl", "zaprowadziłam go do szkoły rano, proszę zadzwonić"),
    ("es", "lo dejé en la puerta del cole esta mañana, llámeme por favor"),
    ("ur", "main khud school chor ke aayi thi, please call karein"),
])
def test_a_school_run_with_a_call_request_is_urgent(code: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=code)
    assert reading.urgent and reading.intent is Intent.IN_SCHOOL_DISPUTE, (text, reading.intent)


def test_taken_to_the_doctor_is_no_school_run() -> None:
    reading = classify("wadeto el doctor el sob7, 3ando sokhoneya", lexicons=LEXICONS,
                       language_hint="ar")
    assert not reading.urgent
