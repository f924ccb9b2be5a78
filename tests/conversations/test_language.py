"""The language a reply is written in, and so the one the bot answers in (issue 14, item 5)."""

from __future__ import annotations

import pytest

from conversations.types import Reply
from tests.conversations.helpers import amy, awaiting, facts, say


def replies(decisions: list[object]) -> list[Reply]:
    return [d for d in decisions if isinstance(d, Reply)]


@pytest.mark.parametrize(("text", "on_file", "answer"), [
    ("wrong number, I don't have any kids at that school", "bn", "en"),
    ("wrong number sorry", "ur", "en"),
    ("a minha filha está com febre, fica em casa hoje", "cy", "pt"),
    ("córka ma gorączkę i zostaje w domu", "en", "pl"),
    ("بنتي مريضة اليوم", "en", "ar"),
])
def test_the_bot_answers_in_the_language_the_person_wrote_in(
        text: str, on_file: str, answer: str) -> None:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=on_file))
    assert [r.language for r in replies(decisions)] == [answer]


@pytest.mark.parametrize(("text", "on_file"), [
    ("ok", "bn"), ("Test", "ur"), ("👍", "pl"), ("she has a temperature", "en"),
    ("ela está com febre", "pt"), ("bacha bemar hai", "ur"), ("doctor", "pl"),
])
def test_a_reply_that_does_not_plainly_show_another_language_keeps_the_contacts(
        text: str, on_file: str) -> None:
    _, decisions = say(awaiting("S1"), text, facts(amy(), language=on_file))
    assert [r.language for r in replies(decisions)] == [None]


def test_the_urgent_holding_message_is_in_the_language_written_too() -> None:
    _, decisions = say(awaiting("S1"), "I dropped her at the school gate this morning!!",
                       facts(amy(), language="so"))
    assert [(r.key, r.language) for r in replies(decisions)] == [("urgent.holding", "en")]
