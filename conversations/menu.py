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


def menu_choice(turn: Turn) -> Intent | None:
    """The intent a pressed button or a bare menu number stands for, else None."""
    value = turn.inbound.button
    if value is None:
        words = tokens(turn.inbound.text)
        value = words[0] if len(words) == 1 else None
    return _CHOICES.get(value or "")
