"""A sticker alone says what its emoji says, and a 👋, a 😡 or a 🌹 says no reason: it is weak,
like "ok". Whatever the family's language, the bot asks for the reason once (a student is asked
in the student's own words), records no code and hands nothing to a person; after the question,
or once a reason is in, another sticker gets nothing. An emoji typed alone is as weak: no code,
no person (the menu, as for any reply with no reason). A sticker with no emoji to read is
something shown: a person looks at it.

Every reply here is written for these tests: the rule is what is tested, not a sentence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conversations.engine import step
from conversations.types import (
    ConversationKind,
    ConversationState,
    Decision,
    Escalate,
    Inbound,
    Reply,
)
from tests.conversations.helpers import (
    LEXICONS,
    NOW,
    absent,
    awaiting,
    facts,
    inbound,
    records,
    student,
)

LANGUAGES = ("en", "cy", "pl", "pt", "ro", "ar", "ur", "bn", "pa", "so", "lt", "es")
STICKERS = ("👋", "😡", "🌹", "🙏", "😂")


def _sticker(emoji: str) -> Inbound:
    return replace(inbound(emoji, channel="telegram"), content="sticker")


def _keys(decisions: list[Decision]) -> list[str]:
    return [d.key for d in decisions if isinstance(d, Reply)]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("emoji", STICKERS)
def test_a_sticker_alone_is_asked_for_the_reason_once(lang: str, emoji: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    state, decisions = step(awaiting("S1"), _sticker(emoji), family, NOW, LEXICONS)
    assert _keys(decisions) == ["ask.reason"]
    assert not records(decisions) and not any(isinstance(d, Escalate) for d in decisions)
    # A second sticker after the question: they saw it; nothing more is said.
    _, again = step(state, _sticker("👋"), family, NOW, LEXICONS)
    assert again == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_emoji_typed_alone_confirms_nothing_and_needs_no_person(lang: str) -> None:
    family = facts(student("S1", "Amy", absent()), language=lang)
    _, decisions = step(awaiting("S1"), inbound("👋", channel="sms"), family, NOW, LEXICONS)
    assert not records(decisions) and not any(isinstance(d, Escalate) for d in decisions)
    assert _keys(decisions) in (["menu.intro"], ["ask.reason"])


def test_a_sticker_after_a_reason_or_a_hand_off_gets_nothing() -> None:
    family = facts(student("S1", "Amy", absent()))
    for stage in ("done", "handed_off"):
        state = ConversationState(stage=stage, about_student_ids=("S1",))
        assert step(state, _sticker("👋"), family, NOW, LEXICONS)[1] == []


def test_a_students_sticker_is_asked_for_the_reason() -> None:
    family = facts(student("S9", "Priya", absent()), relationship="self")
    _, decisions = step(ConversationState(kind=ConversationKind.SELF_REPORT), _sticker("👋"),
                        family, NOW, LEXICONS)
    assert _keys(decisions) == ["self.ask_reason"]


def test_a_sticker_with_no_emoji_goes_to_a_person() -> None:
    _, decisions = step(awaiting("S1"), _sticker(""), facts(student("S1", "Amy", absent())),
                        NOW, LEXICONS)
    assert any(isinstance(d, Escalate) for d in decisions)
