"""A reason, and more beside it: what a reply tells after (or around) its ordinary reason.

A family that gives a reason and then asks for help ("I don't know what to do", "what should we
do?", "who do I tell?") or turns to another matter ("and one more thing", "to be honest",
"sachi dassan taan") is telling more than the reason ("I need to talk to someone" is a request
for a call, read as one: a person calls, and no code is confirmed beside it). Six of the seven
replies of a blind round whose codes went on the register wrongly were such replies: an illness
first, then a disclosure no phrase of the lexicon knew ("Arjun bimar aa aaj. sachi dassan taan
..."). Word lists never reach every such disclosure; the shape does:

- the reason of such a reply is recorded for a person, never confirmed by the bot alone
  (`more_than_a_reason`): a person reads what the family added;
- what follows the turn to another matter is read as a reply of its own: LONG_UNREAD_WORDS or
  more in which no reason is read are as unread as a long reply the bot cannot read, where one
  sign of harm is enough for the safety net (`unread_after_a_turn`);
- a request for help is the sender's distress (`safety.DISTRESS_KINDS`): beside one sign of harm
  about the child, a disclosure.

The words are the roles `help` and `more` (`locales/<lang>/concepts/more_than_a_reason.toml`).
A turn needs a few words after it to be one ("..., tbh" ends the sentence it is in). Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from conversations.matching import Hit
from conversations.reply_shape import ROLE
from conversations.safety import LONG_UNREAD_WORDS

HELP, MORE = ROLE + "help", ROLE + "more"
TURN_WORDS = 4  # words after "and one more thing" before it turns to anything


def asks_for_help(words: Sequence[str], roles: Sequence[Hit],
                  negations: frozenset[str]) -> bool:
    """The sender asks what to do or for someone to talk to, not negated by the word before
    ("not sure what to do about her homework" still asks)."""
    return any(h.label == HELP and (h.start == 0 or words[h.start - 1] not in negations)
               for h in roles)


def turns(words: Sequence[str], roles: Sequence[Hit]) -> list[Hit]:
    """Turns to another matter with words after them ("and one more thing, ...")."""
    return [h for h in roles if h.label == MORE and len(words) - h.end >= TURN_WORDS]


def more_than_a_reason(words: Sequence[str], roles: Sequence[Hit], reason_hits: Sequence[Hit],
                       negations: frozenset[str]) -> bool:
    """A reason read, and beside it a request for help, or a turn to another matter after it."""
    if not reason_hits:
        return False
    first_reason = min(h.start for h in reason_hits)
    return asks_for_help(words, roles, negations) or any(
        h.start >= first_reason for h in turns(words, roles))


def unread_after_a_turn(words: Sequence[str], roles: Sequence[Hit],
                        reason_hits: Sequence[Hit]) -> bool:
    """After a turn to another matter, a long run of words in which no reason is read."""
    return any(len(words) - turn.end >= LONG_UNREAD_WORDS
               and not any(h.start >= turn.end for h in reason_hits)
               for turn in turns(words, roles))
