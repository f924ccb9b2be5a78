"""A child about to leave home for someone (a packed bag, going to live with a boyfriend) is
safeguarding. (Issue 14: urgent recall by concept, in wordings written fresh for these tests.)"""

from __future__ import annotations

import pytest

from conversations.types import Intent
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

# A child about to leave home for someone: packed a bag, going to live with a boyfriend.
RUNNING_AWAY = [
    ("en", "she packed a bag last night and said she's going to live with her boyfriend, she's 14"),
    ("pl", "spakowała się i powiedziała że wyprowadza się do chłopaka, ma 14 lat"),
    ("es", "hizo la maleta y dijo que se va a vivir con su novio, tiene 14 años"),
    ("ur", "usne bag pack kiya aur kaha boyfriend ke paas rehne ja rahi hai"),
    ("ro", "și-a făcut bagajul și a zis că pleacă să stea cu prietenul ei"),
]


@pytest.mark.parametrize(("lang", "text"), RUNNING_AWAY)
def test_a_child_about_to_leave_home_for_someone_is_safeguarding(lang: str, text: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang)
    assert (reading.urgent, reading.intent) == (True, Intent.SAFEGUARDING), reading
