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
