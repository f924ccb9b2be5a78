"""Dates, lists of names and text direction in the language a message is written in.

"Monday 23 November" reads "Dydd Llun, 23 Tachwedd" in Welsh and "lapkričio 23 d., pirmadienis"
in Lithuanian; "Amy and Ben" reads "Amy a Ben". All from CLDR through Babel, in the locale that
`channels.catalogs.babel_locale` picks for the message's language.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date

from channels.catalogs import babel_locale

# Day and month without the year, in each language's own order and punctuation (CLDR's full
# date pattern with the year taken out). Languages not listed read "EEEE d MMMM".
DAY_PATTERNS = {
    "en": "EEEE d MMMM",
    "cy": "EEEE, d MMMM",
    "pl": "EEEE, d MMMM",
    "ro": "EEEE, d MMMM",
    "ur": "EEEE، d MMMM",
    "ar": "EEEE، d MMMM",
    "bn": "EEEE, d MMMM",
    "pa": "EEEE, d MMMM",
    "so": "EEEE, d MMMM",
    "pt": "EEEE, d 'de' MMMM",
    "es": "EEEE, d 'de' MMMM",
    "lt": "MMMM d 'd'., EEEE",
}


def format_day(day: date, language: str | None, *, timezone: str | tzinfo | None = None) -> str:
    """The weekday, day and month of `day` ("Monday 23 November") in `language`.

    A datetime must be aware and is first moved into the school's `timezone`, so a message
    sent at 00:30 British Summer Time names the right day.
    """
    if isinstance(day, datetime):
        if day.tzinfo is None or timezone is None:
            raise ValueError("format_day needs an aware datetime and the school's timezone")
        zone = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
        day = day.astimezone(zone).date()
    return _format_date(day, language)


@lru_cache(maxsize=1024)
def _format_date(day: date, language: str | None) -> str:
    # A run writes the same day for every family: format it once per language.
    locale = babel_locale(language)
    return format_date(day, DAY_PATTERNS.get(locale.language, "EEEE d MMMM"), locale=locale)


def format_names(names: Sequence[str], language: str | None) -> str:
    """First names joined as the language joins a list: "Amy", "Amy and Ben", "Amy, Ben and Cara".

    CLDR leaves two choices to the writer, made here: Welsh "a"/"ac" ("Amy ac Elin", where CLDR
    writes "a(c)") and Spanish "y"/"e" ("Juan e Isabel").
    """
    locale = babel_locale(language)
    if len(names) < 2:
        return "".join(names)
    *first, last = names
    if locale.language == "cy":
        return f"{', '.join(first)} {'ac' if _starts_with_vowel(last) else 'a'} {last}"
    joined = _join(names, _list_patterns(locale))
    if locale.language == "es" and re.match(r"(?i)h?[ií](?![aeiouáéó])", last):
        joined = joined[: -len(last) - 3] + " e " + last
    return joined


@lru_cache(maxsize=256)
def _list_patterns(locale: Locale) -> dict[str, str]:
    # What babel.lists.format_list looks up on every call (a tenth of a run's time when one
    # message in ten names siblings): CLDR's "standard" list patterns, read once per locale.
    return dict(locale.list_patterns["standard"])


def _join(names: Sequence[str], patterns: dict[str, str]) -> str:
    # babel.lists.format_list's own steps, with the patterns already resolved.
    if len(names) == 2 and "2" in patterns:
        return patterns["2"].format(*names)
    joined = patterns["start"].format(names[0], names[1])
    for name in names[2:-1]:
        joined = patterns["middle"].format(joined, name)
    return patterns["end"].format(joined, names[-1])


def _starts_with_vowel(name: str) -> bool:
    return name[:1].lower() in "aeiouwyâêîôûŵŷáéíóú"


def text_direction(language: str | None) -> str:
    """"rtl" for right-to-left scripts (Arabic, Urdu), otherwise "ltr"."""
    return "rtl" if babel_locale(language).character_order == "right-to-left" else "ltr"


# A phone number written as a tel: URI, or a web link, in escaped text: made tappable.
_LINK = re.compile(r"(tel:\+?[0-9]{6,15}|https?://[^\s<>\"']+[^\s<>\"'.,;:!?)])")


def _links(escaped: str) -> str:
    return _LINK.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0).removeprefix("tel:")}</a>',
                     escaped)


def html_block(text: str, language: str | None) -> str:
    """Plain message text as an HTML fragment marked with its language and direction.

    Email bodies wrap each message in this so Arabic and Urdu run right to left (and a Latin
    first name inside them stays in place); blank lines become paragraphs; tel: numbers and
    web links become links (an urgent alert's number, to call with a tap).
    """
    locale = babel_locale(language)
    paragraphs = "".join(
        f"<p>{_links(html.escape(p)).replace(chr(10), '<br>')}</p>"
        for p in text.split("\n\n") if p)
    return (f'<div lang="{str(locale).replace("_", "-")}" dir="{text_direction(language)}">'
            f"{paragraphs}</div>")
