"""The words of a run's messages: which key each kind uses, names and dates in the contact's
language. Shared by the runs (composing) and the dispatcher (re-rendering a trimmed message)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list

from channels.texts import render

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
    template = _template(KEYS[base_kind(kind)], school_name, language, bilingual, len(names),
                         day, channel)
    return template.replace(_NAMES, names_text(names, language))


_NAMES = "\x00names\x00"  # stands for the names while a template is cached


@lru_cache(maxsize=1024)
def _template(key: str, school_name: str, language: str,  # positional: lru_cache keys faster
              bilingual: bool, count: int, day: date, channel: str) -> str:
    # A run renders the same words for thousands of families; only the names differ.
    params = {"school": school_name, "names": _NAMES, "date": day_text(day, language),
              "count": count}
    return render(key, language, channel=channel, params=params, count=count,
                  bilingual=bilingual)


@lru_cache(maxsize=256)
def day_text(day: date, language: str) -> str:
    """"Monday 23 November" in the contact's language."""
    return format_date(day, "EEEE d MMMM", locale=_locale(language))


def names_text(names: Sequence[str], language: str) -> str:
    """"Amy", "Amy and Ben", "Amy, Ben and Cara" in the contact's language."""
    if len(names) == 1:
        return names[0]
    return format_list(list(names), locale=_locale(language))


@lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")
