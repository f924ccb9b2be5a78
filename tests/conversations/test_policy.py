"""The engine's policy is the one home of what the bot may confirm."""

from __future__ import annotations

from conversations.policy import BOT_CODES, BOT_CONFIRMABLE, SUGGESTED_CODE, may_auto_confirm
from conversations.types import Intent, Policy

EVERYTHING = frozenset(Intent)


def test_the_bot_confirms_i_and_m_and_r_only_where_the_school_allows_it() -> None:
    strict = Policy(auto_confirm=EVERYTHING)
    religious = Policy(auto_confirm=EVERYTHING, allow_religious_auto_confirm=True)
    assert {SUGGESTED_CODE[i] for i in Intent if may_auto_confirm(i, strict)} == BOT_CODES
    assert {SUGGESTED_CODE[i] for i in Intent if may_auto_confirm(i, religious)} == (
        BOT_CONFIRMABLE)
    assert BOT_CONFIRMABLE == {"I", "M", "R"}


def test_an_intent_the_school_does_not_list_is_never_confirmed() -> None:
    assert not may_auto_confirm(Intent.ILLNESS, Policy(auto_confirm=frozenset()))
