"""Asking the school to stop sending messages to this number is an opt-out, and "you've got the
wrong number, I have no child at that school" a wrong number, in every language, in the full
sentences people write ("dejen de enviarme mensajes a este número", "Prašau nebesiųsti man
žinučių", "se enganaram no número, não tenho nenhum filho nessa escola"). The number a stop
names ("lambarkan": this number) is where to stop, no wrong number (conversations/scoring.py);
a plain wrong number still outweighs a stop beside it."""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

STOP = {
    "en": "Please stop sending me messages to this number",
    "cy": "Plis stopiwch anfon negeseuon ata i i'r rhif yma",
    "pl": "Proszę przestać wysyłać mi wiadomości na ten numer",
    "pt": "Por favor parem de me enviar mensagens para este número",
    "ro": "Vă rog nu-mi mai trimiteți mesaje pe acest număr",
    "ar": "لو سمحتوا بطلوا تبعتولي رسايل على هالرقم",
    "ur": "meherbani karke is number pe mujhe messages bhejna band karein",
    "bn": "doya kore ei number e amake r message pathaben na",
    "pa": "kirpa karke is number te mainu message bhejna band karo",
    "so": "fadlan farriimo ha ii soo dirina lambarkan",
    "lt": "Prašau nebesiųsti man žinučių. STOP",
    "es": "Por favor dejen de enviarme mensajes a este número",
}
WRONG = {
    "en": "I think you've got the wrong number, I don't have any children at that school",
    "cy": "Dwi'n meddwl bod gennych chi'r rhif anghywir, does gen i ddim plentyn yn yr ysgol yna",
    "pl": "Chyba pomyliliście numer, nie mam żadnego dziecka w tej szkole",
    "pt": "Acho que se enganaram no número, não tenho nenhum filho nessa escola",
    "ro": "Cred că ați greșit numărul, nu am niciun copil la școala asta",
    "ar": "شكلكم غلطانين بالرقم، ما عندي ولاد بهالمدرسة",
    "ur": "lagta hai aap ne ghalat number pe message kiya, mera koi bacha us school mein nahi",
    "bn": "mone hoy apnara vul number e pathiyechen, amar kono bachcha oi school e pore na",
    "pa": "lagda tusi galat number te bhejya, mera koi bachha us school ch nahi",
    "so": "waxaan u maleynayaa inaad lambar khaldan u dirteen, ilmo dugsigaas dhigta ma lihi",
    "lt": "Manau suklydote numeriu, neturiu jokio vaiko toje mokykloje",
    "es": "Creo que se equivocaron de número, no tengo ningún hijo en esa escuela",
}
WRONG_AND_STOP = [("en", "wrong number, stop texting me"), ("so", "lambar khaldan, jooji"),
                  ("pt", "número errado, parem de me enviar mensagens")]


@pytest.mark.parametrize(("lang", "text"), STOP.items())
def test_stop_sending_to_this_number_is_an_opt_out(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.OPT_OUT


@pytest.mark.parametrize(("lang", "text"), WRONG.items())
def test_no_child_at_that_school_is_a_wrong_number(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.WRONG_NUMBER


@pytest.mark.parametrize(("lang", "text"), WRONG_AND_STOP)
def test_a_wrong_number_outweighs_a_stop_beside_it(lang: str, text: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang).intent is Intent.WRONG_NUMBER


def test_every_language_has_its_cases() -> None:
    assert set(STOP) == set(WRONG) == set(LEXICONS.languages)
