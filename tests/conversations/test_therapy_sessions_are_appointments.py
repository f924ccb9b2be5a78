"""A therapy session the child is booked for (physiotherapy, speech and language or
occupational therapy: "جلسة علاج طبيعي", "jalset 3ilaj tabi3i", "فزیوتھراپی", "ফিজিওথেরাপি",
"ਫਿਜ਼ੀਓਥੈਰੇਪੀ", "jimicsi daaweyn", "kineziterapija", "logopedas") is a medical appointment and
confirms, in every language (locales/<lang>/concepts/therapy_sessions.toml). Near-miss: a
parent's own session, the child kept with them, is the family's circumstance.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import amy, awaiting, facts, reasons, say

THE_CHILDS_SESSION = [
    ("en", "Amy has physiotherapy at the hospital this morning"),
    ("en", "amy has speech therapy this morning"),
    ("cy", "Mae gan Amy ffisiotherapi bore ma"),
    ("pl", "Amy ma rano rehabilitację"),
    ("pl", "Amy ma dzis fizjoterapie rano"),
    ("pt", "A Amy tem fisioterapia esta manhã"),
    ("pt", "a amy tem terapia da fala de manha"),
    ("ro", "Amy are kinetoterapie azi dimineață"),
    ("ro", "amy are sedinta de logopedie azi dimineata"),
    ("ar", "ايمي عندها جلسة علاج طبيعي اليوم الصبح"),
    ("ar", "Amy 3enda jalset 3ilaj tabi3i el yom"),
    ("ur", "Amy ki aaj subah physiotherapy hai"),
    ("ur", "ایمی کی آج صبح فزیوتھراپی ہے"),
    ("bn", "Amy er ajke sokale physiotherapy ache"),
    ("bn", "অ্যামির আজ সকালে ফিজিওথেরাপি আছে"),
    ("pa", "Amy di aj savere physiotherapy hai"),
    ("pa", "ਐਮੀ ਦੀ ਅੱਜ ਸਵੇਰੇ ਫਿਜ਼ੀਓਥੈਰੇਪੀ ਹੈ"),
    ("so", "Amy maanta subaxdii waxay leedahay jimicsi daaweyn"),
    ("so", "amy maanta waxay leedahay physiotherapy"),
    ("lt", "Amy šįryt turi kineziterapiją"),
    ("lt", "amy siandien ryte turi logopeda"),
    ("es", "Amy tiene fisioterapia esta mañana"),
    ("es", "amy tiene sesion de logopeda esta mañana"),
]

A_PARENTS_SESSION = [
    ("en", "my mum has physiotherapy at the hospital this morning and I have to take her, Amy is "
           "with me"),
    ("es", "mi madre tiene fisioterapia esta mañana y tengo que llevarla, Amy viene conmigo"),
    ("ar", "امي عندها جلسة علاج طبيعي الصبح ولازم اوديها، ايمي معي"),
    ("pl", "moja mama ma rano fizjoterapię i muszę ją zawieźć, Amy jest ze mną"),
]


def _reasons(text: str, lang: str) -> list[tuple[Intent, ReasonStatus]]:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=lang))
    return [(r.intent, r.status) for r in reasons(decisions)]


@pytest.mark.parametrize(("lang", "text"), THE_CHILDS_SESSION)
def test_a_therapy_session_is_an_appointment(lang: str, text: str) -> None:
    assert _reasons(text, lang) == [(Intent.MEDICAL_APPOINTMENT, ReasonStatus.CONFIRMED)]


@pytest.mark.parametrize(("lang", "text"), A_PARENTS_SESSION)
def test_a_parents_session_is_the_familys(lang: str, text: str) -> None:
    assert _reasons(text, lang) == [(Intent.FAMILY_CIRCUMSTANCES, ReasonStatus.REPORTED)]
