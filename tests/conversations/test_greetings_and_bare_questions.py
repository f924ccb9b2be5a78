"""A greeting alone, or a yes/ok asked as a question, acknowledges nothing (issue 14, item 3).

"Helo?", "Sat sri akal ji", "wa alaikum salam", "Da?", "hanji?" and "não entendi" ask for the
question again: they are unclear (the menu), never an acknowledgement. "ok", "thanks", "👍" are
acknowledgements. Neither ever confirms a reason; a greeting before a reason does not hide it.
"""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, amy, awaiting, facts, records, say

GREETINGS = [
    ("hi", "en"), ("Hello?", "en"), ("hiya", "en"), ("good afternoon", "en"), ("hey there", "en"),
    ("Shwmae", "cy"), ("bore da", "cy"), ("Helo??", "cy"), ("prynhawn da", "cy"),
    ("Buenas", "es"), ("hola buenos dias", "es"), ("Holaa?", "es"),
    ("Dzien dobry", "pl"), ("witam", "pl"), ("halo?", "pl"), ("hejka", "pl"),
    ("Olá", "pt"), ("oii", "pt"), ("boa tarde", "pt"), ("alô?", "pt"),
    ("Buna", "ro"), ("buna seara", "ro"), ("Alo?", "ro"), ("salut", "ro"),
    ("مرحبا", "ar"), ("وعليكم السلام", "ar"), ("ahlan", "ar"), ("صباح الخير", "ar"),
    ("walaikum salam", "ur"), ("AoA", "ur"), ("السلام علیکم", "ur"), ("salam ji", "ur"),
    ("nomoshkar", "bn"), ("আসসালামু আলাইকুম", "bn"), ("hello", "bn"), ("adab", "bn"),
    ("ssa ji", "pa"), ("ਸਤ ਸ੍ਰੀ ਅਕਾਲ ਜੀ", "pa"), ("sat shri akal", "pa"), ("hi ji", "pa"),
    ("salaan", "so"), ("Asc", "so"), ("wcs", "so"), ("galab wanaagsan", "so"),
    ("Laba diena", "lt"), ("sveiki", "lt"), ("labas rytas", "lt"), ("Labas?", "lt"),
]
BARE_QUESTIONS = [
    ("ok?", "en"), ("yes?", "en"), ("Iawn?", "cy"), ("sí?", "es"), ("tak?", "pl"),
    ("sim?", "pt"), ("Da?", "ro"), ("نعم؟", "ar"), ("ji?", "ur"), ("accha?", "bn"),
    ("hanji?", "pa"), ("Haa?", "so"), ("gerai?", "lt"),
]
NOT_UNDERSTOOD = [
    ("sorry I dont understand", "en"), ("who is this please", "en"),
    ("hi is this the school?", "en"), ("dwi ddim yn deall", "cy"), ("no entiendo nada", "es"),
    ("nie rozumiem", "pl"), ("?? não entendi", "pt"), ("nu am inteles", "ro"),
    ("ما فهمت", "ar"), ("samajh nahi aaya", "ur"), ("kisu bujhlam na", "bn"),
    ("samajh nahi aayi ji", "pa"), ("ma fahmin", "so"), ("nesupratau", "lt"),
]
ACKNOWLEDGEMENTS = [
    ("ok thanks", "en"), ("hi, thanks", "en"), ("👍", "en"), ("Diolch", "cy"),
    ("hola, gracias", "es"), ("ok dzieki", "pl"), ("bom dia, obrigada", "pt"),
    ("multumesc", "ro"), ("شكرا", "ar"), ("ok ji", "ur"), ("dhonnobad", "bn"),
    ("ssa ji, dhanvaad", "pa"), ("mahadsanid", "so"), ("labas, ačiū", "lt"),
]


@pytest.mark.parametrize(("text", "lang"), GREETINGS + BARE_QUESTIONS + NOT_UNDERSTOOD)
def test_a_greeting_or_a_bare_question_is_unclear(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.UNCLEAR


@pytest.mark.parametrize(("text", "lang"), ACKNOWLEDGEMENTS)
def test_ok_and_thanks_are_acknowledgements_with_or_without_a_greeting(
        text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.ACKNOWLEDGEMENT


@pytest.mark.parametrize(("text", "lang"), GREETINGS + BARE_QUESTIONS + ACKNOWLEDGEMENTS)
def test_neither_confirms_anything(text: str, lang: str) -> None:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    assert [r for r in records(decisions) if r.status is ReasonStatus.CONFIRMED] == []


@pytest.mark.parametrize(("text", "lang"), [
    ("hi Amy has a temperature", "en"), ("Bore da, mae Amy yn sâl", "cy"),
    ("Hola, Amy tiene fiebre", "es"), ("Dzień dobry, Amy ma gorączkę", "pl"),
    ("Bom dia, a Amy está com febre", "pt"), ("Buna ziua, Amy are febra", "ro"),
    ("السلام عليكم، Amy عندها حرارة", "ar"), ("AoA Amy ko bukhar hai", "ur"),
    ("Salam, Amy r jor", "bn"), ("sat sri akal ji, Amy nu bukhar aa", "pa"),
    ("Asc, Amy waa xanuunsan tahay", "so"), ("Labas, Amy serga", "lt"),
])
def test_a_greeting_before_a_reason_does_not_hide_it(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.ILLNESS


# A message meant for someone else ("wrong chat", "era para otra persona") tells us nothing.
MISDIRECTED = [
    ("sorry wrong chat", "en"), ("oops that was meant for someone else", "en"),
    ("sori, neges i rywun arall", "cy"), ("jaja perdón, me equivoqué de chat", "es"),
    ("desculpa, era para outra pessoa", "pt"), ("przepraszam, pomyliłam czat", "pl"),
    ("scuze, era pentru altcineva", "ro"), ("آسفة غلطت بالرسالة", "ar"),
    ("sorry galti se bhej diya", "ur"), ("sorry bhul kore pathiye felechi", "bn"),
    ("sorry ji galti naal bhej ditta", "pa"), ("waan ka xumahay, khalad ayaan u diray", "so"),
    ("atsiprašau, ne tas pokalbis", "lt"),
]


@pytest.mark.parametrize(("text", "lang"), MISDIRECTED)
def test_a_message_meant_for_someone_else_is_unclear(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.UNCLEAR


@pytest.mark.parametrize(("text", "lang"), [
    ("koi galti hai, woh aaj school mein thi", "ur"),
    ("there's been a mistake, she was in school today", "en"),
])
def test_a_mistake_in_the_mark_stays_a_dispute(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.IN_SCHOOL_DISPUTE
