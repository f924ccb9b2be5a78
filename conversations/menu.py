"""The numbered menu offered after an unclear reply. Numbers work in every language (and on
Telegram the buttons send the same values back)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversations.text import tokens
from conversations.types import Intent, Option

if TYPE_CHECKING:
    from conversations.dialogue import Turn

MENU = "menu"
MENU_OPTIONS: tuple[Option, ...] = (
    Option("1", "menu.illness"),
    Option("2", "menu.medical_appointment"),
    Option("3", "menu.other"),
    Option("4", "menu.call_me"),
)
# "another reason" asks for it in the contact's words, like a reply that gave none.
_CHOICES = {"1": Intent.ILLNESS, "2": Intent.MEDICAL_APPOINTMENT, "3": Intent.ACKNOWLEDGEMENT,
            "4": Intent.CALL_REQUEST}


# A menu line's own word, typed back ("doença", "asukh", "jirro"): as its number. A few words
# at most; a longer reply is read on its own like any other.
_WORD_CHOICES = frozenset({Intent.ILLNESS, Intent.MEDICAL_APPOINTMENT, Intent.CALL_REQUEST})
MENU_WORDS_AT_MOST = 4


def menu_choice(turn: Turn) -> Intent | None:
    """The intent a pressed button, a bare menu number or, answering the menu, a line's own
    words stand for, else None."""
    value = turn.inbound.button
    if value is None:
        words = tokens(turn.inbound.text)
        value = words[0] if len(words) == 1 else None
        reading = turn.reading
        if (value not in _CHOICES and turn.state.stage == MENU
                and 0 < len(words) <= MENU_WORDS_AT_MOST
                and reading.intent in _WORD_CHOICES and not reading.mixed):
            return reading.intent
    return _CHOICES.get(value or "")
