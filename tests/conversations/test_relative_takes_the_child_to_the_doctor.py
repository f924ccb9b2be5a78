"""A grandparent, aunt or uncle taking the child to the doctor or the hospital: the reason is
the child's appointment, confirmed, never a family circumstance, in every language. The
relative's own verb of taking, right after them ("nan took her", "babcia zabrała ją",
"جدته أخذه", "sitto 5adetha"), carries the child there. Near-misses: a relative who is
the patient ("my mum was taken to hospital", "a mi madre la llevaron al hospital", "meri
ammi ko hospital le gaye") stays the family's circumstance, for a person to read.

Every reply here is written for these tests, unlike the labelled rows: the rule is what is
tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import amy, awaiting, facts, reasons, say

TAKEN_BY_A_RELATIVE = [
    ("en", "her nan took her to hospital this morning for her check up, she won't be in today"),
    ("en", "uncle took him to the hospital for his appointment"),
    ("en", "grandma is taking her to the doctors"),
    ("cy", "mae nain wedi mynd â hi i'r ysbyty am apwyntiad"),
    ("pl", "babcia zabrała ją do szpitala na kontrolę"),
    ("pl", "wujek zawiozl amy do szpitala na kontrole, dzis jej nie bedzie"),
    ("pt", "a avó levou-a ao hospital para a consulta"),
    ("pt", "a tia levou a amy ao hospital pra consulta, hoje nao vai"),
    ("ro", "bunica a dus-o la spital la control"),
    ("ro", "unchiul a dus-o pe amy la spital la control, azi nu vine"),
    ("ar", "جدته أخذه عالمستشفى للموعد"),
    ("ar", "sitto 5adetha 3al mustashfa 3ashan el maw3ed"),
    ("ur", "nani usay hospital le gayi hain appointment ke liye"),
    ("ur", "ایمی کی دادی اسے آج ڈاکٹر کے پاس لے گئی ہیں، آج سکول نہیں آئے گی"),
    ("bn", "dadi oke hospital e niye geche appointment er jonno"),
    ("bn", "দাদি আজ অ্যামিকে ডাক্তারের কাছে নিয়ে গেছে, আজ স্কুলে যাবে না"),
    ("pa", "chacha usnu hospital lai gaye ne appointment layi"),
    ("pa", "ਐਮੀ ਦੀ ਨਾਨੀ ਅੱਜ ਉਸਨੂੰ ਡਾਕਟਰ ਕੋਲ ਲੈ ਗਈ, ਅੱਜ ਸਕੂਲ ਨਹੀਂ ਆਵੇਗੀ"),
    ("so", "adeerkii ayaa isbitaalka u geeyay ballan"),
    ("lt", "dėdė nuvežė jį į ligoninę vizitui"),
    ("lt", "dede nuveze amy i ligonine i patikrinima, siandien nebus"),
    ("es", "la abuela la llevó al hospital a la cita"),
    ("es", "su tia lo llevo al medico"),
]

THE_RELATIVE_IS_THE_PATIENT = [
    ("en", "my mum was taken to hospital last night so Amy is off today"),
    ("pl", "moja mama trafiła do szpitala, zabrałam Amy ze sobą"),
    ("pt", "levaram a minha mãe ao hospital ontem à noite, a Amy está comigo"),
    ("ar", "امي انأخذت عالمستشفى مبارح، ايمي معي"),
    ("ur", "meri ammi ko hospital le gaye hain, Amy mere saath hai"),
    ("bn", "amar ammu ke hospital e niye geche, Amy amar sathe"),
    ("es", "a mi madre la llevaron al hospital anoche, Amy está conmigo"),
]


def _reasons(text: str, lang: str) -> list[tuple[Intent, ReasonStatus]]:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    return [(r.intent, r.status) for r in reasons(decisions)]


@pytest.mark.parametrize(("lang", "text"), TAKEN_BY_A_RELATIVE)
def test_a_relative_taking_the_child_is_the_childs_appointment(lang: str, text: str) -> None:
    assert _reasons(text, lang) == [(Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), THE_RELATIVE_IS_THE_PATIENT)
def test_a_relative_in_hospital_is_the_familys(lang: str, text: str) -> None:
    assert _reasons(text, lang) == [(Intent.FAMILY_CIRCUMSTANCES, ReasonStatus.REPORTED)]
