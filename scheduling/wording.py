"""The words of a run's messages: which key each kind uses, names and dates in the contact's
language. Shared by the runs (composing) and the dispatcher (re-rendering a trimmed message)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from channels.formats import format_day, format_names
from channels.texts import message_languages, render

# The message key of each kind of run message.
KEYS = {
    "absence": "absence.first",
    "catch_up": "absence.first",
    "pm_absence": "absence.pm",
    "pm_catch_up": "absence.pm",
    "late": "late.notice",
    "chase": "chase",
    "correction": "correction",
}


def base_kind(kind: str) -> str:
    """"catch_up:1030" -> "catch_up": the slot only keys the run, the words are the same."""
    return kind.partition(":")[0]


def message_language(contact_language: str, *, welsh_bilingual: bool) -> tuple[str, bool]:
    """The language a message is rendered in and whether it goes bilingually (Welsh schools:
    Welsh then English for contacts who read either; anyone else in their own language)."""
    if welsh_bilingual and contact_language in ("en", "cy"):
        return "cy", True
    return contact_language, False


def run_text(kind: str, *, school_name: str, language: str, bilingual: bool,
             names: Sequence[str], day: date, channel: str = "sms") -> str:
    """The text of one run message naming `names` (first names, siblings together)."""
    text = _template(KEYS[base_kind(kind)], school_name, language, bilingual, len(names),
                     day, channel)
    for block_language in message_languages(language, bilingual=bilingual):
        text = text.replace(_names(block_language), names_text(names, block_language))
    return text


class RunWording:
    """`run_text` for every message of one run. The words are rendered once per contact
    language, channel and number of children; a message about one child then only has its
    name put in, which is what most of a district's 100,000 morning messages are."""

    def __init__(self, kind: str, *, school_name: str, welsh_bilingual: bool,
                 day: date) -> None:
        self.kind, self.school_name, self.day = kind, school_name, day
        self.welsh_bilingual = welsh_bilingual
        self._one_child: dict[tuple[str, str], tuple[str, str]] = {}

    def text(self, contact_language: str, channel: str,
             names: Sequence[str]) -> tuple[str, str]:
        """(the message's language, its text) for a contact reading `contact_language`."""
        if len(names) == 1:
            found = self._one_child.get((contact_language, channel))
            if found is None:
                found = self._one_child[contact_language, channel] = self._with_one_name(
                    contact_language, channel)
            language, template = found
            return language, template.replace(_ONE_NAME, names[0])
        language, bilingual = message_language(contact_language,
                                               welsh_bilingual=self.welsh_bilingual)
        return language, run_text(self.kind, school_name=self.school_name, language=language,
                                  bilingual=bilingual, names=names, day=self.day,
                                  channel=channel)

    def _with_one_name(self, contact_language: str, channel: str) -> tuple[str, str]:
        # One name reads the same in every language ("Amy"), so every block's stand-in for the
        # names becomes one marker and a single replace() writes the message.
        language, bilingual = message_language(contact_language,
                                               welsh_bilingual=self.welsh_bilingual)
        text = _template(KEYS[base_kind(self.kind)], self.school_name, language, bilingual, 1,
                         self.day, channel)
        for block_language in message_languages(language, bilingual=bilingual):
            text = text.replace(_names(block_language), _ONE_NAME)
        return language, text


_ONE_NAME = "\x00name\x00"


def _names(language: str) -> str:
    """Stands for the names while a template is cached ("Amy a Ben", then "Amy and Ben")."""
    return f"\x00names:{language}\x00"


@lru_cache(maxsize=1024)
def _template(key: str, school_name: str, language: str,  # positional: lru_cache keys faster
              bilingual: bool, count: int, day: date, channel: str) -> str:
    # A run renders the same words for thousands of families; only the names differ.
    # The date goes in as a date: render() writes it in each block's language (Welsh, then
    # English, in a bilingual message).
    params = {"school": school_name, "names": _names, "date": day, "count": count}
    return render(key, language, channel=channel, params=params, count=count,
                  bilingual=bilingual)


def day_text(day: date, language: str) -> str:
    """"Monday 23 November" in the contact's language."""
    return format_day(day, language)


def names_text(names: Sequence[str], language: str) -> str:
    """"Amy", "Amy and Ben", "Amy, Ben and Cara" in the contact's language."""
    return format_names(names, language)
