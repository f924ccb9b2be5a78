"""Saying sorry is no illness: the Romanian "îmi pare rău" / "ne pare rău" (I am / we are
sorry) holds "rău" (unwell), and an apology beside anything else confirmed illness. An apology
in any language confirms no code; beside an illness told, the illness still confirms.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

import pytest

from conversations.types import Intent, ReasonStatus
from tests.conversations.helpers import absent, awaiting, facts, records, say, student


def _recorded(lang: str, text: str) -> list[tuple[Intent, ReasonStatus]]:
    family = facts(student("S1", "Ana", absent()), language=lang)
    _, decisions = say(awaiting("S1"), text, family)
    return [(r.intent, r.status) for r in records(decisions)]


@pytest.mark.parametrize(("lang", "text"), [
    ("ro", "ne pare rău, nu a adus tema"),
    ("ro", "imi pare rau ca nu am raspuns mai devreme"),
    ("ro", "Ne pare foarte rău, nu știam de ședință"),
    ("cy", "mae'n ddrwg gen i, dw i ddim yn deall"),
    ("pl", "przykro mi, nie wiem o co chodzi"),
    ("es", "lo siento mucho, no entiendo"),
    ("pt", "lamento muito, não percebi"),
    ("ar", "آسفة جدا ما فهمت"),
    ("ur", "maafi chahti hoon, samajh nahi aaya"),
    ("bn", "dukkhito, bujhte parini"),
    ("pa", "maaf karna ji, samajh nahi aayi"),
    ("so", "waan ka xumahay, ma fahmin"),
    ("lt", "man labai gaila, nesupratau"),
    ("en", "so sorry, I feel bad I didn't reply"),
])
def test_an_apology_confirms_no_code(lang: str, text: str) -> None:
    assert all(status is not ReasonStatus.CONFIRMED for _, status in _recorded(lang, text))


@pytest.mark.parametrize(("lang", "text"), [
    ("ro", "Îmi pare rău, Ana e bolnavă azi"),
    ("ro", "ne pare rău, azi noapte i-a fost rău și a vomitat"),
    ("ro", "imi pare rau, are febra"),
])
def test_an_illness_beside_an_apology_still_confirms(lang: str, text: str) -> None:
    assert _recorded(lang, text) == [(Intent.ILLNESS, ReasonStatus.CONFIRMED)]
