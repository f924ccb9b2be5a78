"""Asking the school to stop sending messages is an opt-out in every language (issue 14).

Fresh wordings of the concept: stop / don't send (any more) / no more messages, to this number;
and near-misses that are not: a message about a reason, "don't worry, no need to reply".
"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS


@pytest.mark.parametrize(("text", "lang"), [
    ("please stop sending me these texts", "en"),
    ("dont send any more messages to this number", "en"),
    ("Stopiwch yrru tecsts i fi plis", "cy"), ("peidiwch â gyrru negeseuon eto", "cy"),
    ("Por favor dejen de escribir a este número", "es"), ("paren de mandar mensajes", "es"),
    ("przestańcie pisać na ten numer", "pl"), ("proszę nie wysyłać więcej sms", "pl"),
    ("parem de mandar mensagens pra esse número", "pt"), ("não me mandem mais mensagens", "pt"),
    ("vă rog nu mi mai trimiteți mesaje", "ro"), ("nu mai vreau mesaje de la voi", "ro"),
    ("لو سمحتوا بطلوا ترسلوا رسائل", "ar"), ("ما بدي رسائل على هالرقم", "ar"),
    ("مہربانی کر کے پیغامات بھیجنا بند کریں", "ur"), ("please aur message na bhejein", "ur"),
    ("ei number e ar pathaben na", "bn"), ("মেসেজ পাঠাবেন না প্লিজ", "bn"),
    ("bhaji texts band karo", "pa"), ("is number te hor message na bhejo", "pa"),
    ("fadlan jooji qoraallada", "so"), ("fariimo dambe ha ii soo dirin", "so"),
    ("prašau daugiau nerašykite", "lt"), ("nustokite rašyti šiuo numeriu", "lt"),
])
def test_asking_to_stop_the_messages_is_an_opt_out(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.OPT_OUT


@pytest.mark.parametrize(("text", "lang"), [
    ("she has a temperature, I'll send a note when she is back", "en"),
    ("mae hi'n sâl, mi yrra i nodyn", "cy"),
    ("no le mandé al cole porque tiene fiebre", "es"),
    ("ma gorączkę, wyślę zwolnienie", "pl"),
    ("ele está doente, mando o atestado amanhã", "pt"),
    ("ur kal bukhar tha, message bhej diya tha", "ur"),
])
def test_a_reason_with_a_word_of_sending_is_no_opt_out(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is not Intent.OPT_OUT
