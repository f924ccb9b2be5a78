"""A student who reports their own absence through chat is told back the days it covers in
their own language ("środa, 25 listopada", written out), never as ISO dates joined
by an English "to": the engine hands the shell the days, the shell writes them.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from datetime import timedelta

import pytest

from channels.texts import render
from conversations.types import ConversationKind, ConversationState, DayRange, Reply
from tests.conversations.helpers import TODAY, facts, say, student

TOMORROW = TODAY + timedelta(days=1)


@pytest.mark.parametrize(("lang", "reason", "how_long"), [
    ("en", "got a stomach bug, been sick all night", "today and tomorrow"),
    ("cy", "dwi'n sâl efo gwres uchel", "heddiw ac yfory"),
    ("pl", "mam gorączkę i boli mnie gardło", "dzisiaj i jutro"),
    ("pt", "estou doente com febre", "hoje e amanhã"),
    ("es", "estoy enferma con fiebre", "hoy y mañana"),
    ("ro", "sunt bolnav, am febră", "două zile"),
    ("ar", "انا مريض وعندي حرارة", "اليوم وبكرة"),
    ("ur", "mujhe bukhar hai aur sar dard", "do din"),
    ("bn", "amar jor ar matha betha", "dui din"),
    ("pa", "menu bukhar hai", "do din"),
    ("so", "waan xanuunsanahay qandho ayaan qabaa", "maanta iyo berri"),
    ("lt", "sergu, karščiuoju", "šiandien ir rytoj"),
])
def test_the_days_recorded_go_back_as_days_not_iso_text(lang: str, reason: str,
                                                         how_long: str) -> None:
    me = facts(student("S9", "Priya"), language=lang, relationship="self")
    state, _ = say(ConversationState(kind=ConversationKind.SELF_REPORT), "", me,
                   command="/absent")
    state, _ = say(state, reason, me)
    _, decisions = say(state, how_long, me)
    [thanks] = [d for d in decisions if isinstance(d, Reply)]
    assert thanks.key == "self.recorded"
    assert dict(thanks.params)["dates"] == DayRange(TODAY, TOMORROW)
    text = render(thanks.key, lang, params=dict(thanks.params))
    assert TODAY.isoformat() not in text
    assert lang == "en" or " to " not in text


def test_one_day_is_one_day_written_out() -> None:
    me = facts(student("S9", "Priya"), language="pl", relationship="self")
    state, _ = say(ConversationState(kind=ConversationKind.SELF_REPORT), "", me,
                   command="/absent")
    state, _ = say(state, "mam migrenę", me)
    _, decisions = say(state, "tylko dzisiaj", me)
    [thanks] = [d for d in decisions if isinstance(d, Reply)]
    assert dict(thanks.params)["dates"] == DayRange(TODAY, TODAY)
    assert "25 listopada" in render(thanks.key, "pl", params=dict(thanks.params))
