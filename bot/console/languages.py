"""The console in the staff member's language: which language a page is in, and the words it
shows for what the store keeps in English or as ids (dates, code meanings, language names).

A page's language is the member of staff's own choice (their account page), else their
school's default for its staff (School settings), else the first language of the browser's
Accept-Language that rollcall has a catalog for, else English.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_skeleton
from babel.numbers import format_percent
from babel.units import format_unit
from fastapi import Request

from channels.catalogs import (
    SOURCE_LANGUAGE,
    SUPPORTED_LANGUAGES,
    babel_locale,
    catalog_language,
    translations,
)
from store.codes import CODES


def _own_name(code: str) -> str:
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


# Each language offered on the account page, named in itself (CLDR's own names) so a reader
# finds theirs whatever the page's language is.
LANGUAGE_NAMES = {code: _own_name(code) for code in SUPPORTED_LANGUAGES}

# strftime's date fields as CLDR skeleton fields, in a skeleton's order (year, month, weekday,
# day): a template names the fields it wants, each language orders and spells them its way.
_DATE_FIELDS = (("%Y", "y"), ("%B", "MMMM"), ("%b", "MMM"), ("%A", "EEEE"), ("%a", "E"),
                ("%d", "d"))


def staff_language(request: Request, chosen: str | None = None) -> str:
    """The console's language for this request: `chosen` (the member of staff's own), else
    the browser's first language with a catalog ("pt-BR" is served by "pt"), else English."""
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    for tag in accepted_languages(request.headers.get("accept-language", "")):
        served = catalog_language(tag)
        if served != SOURCE_LANGUAGE or tag.split("-")[0].lower() == SOURCE_LANGUAGE:
            return served
    return SOURCE_LANGUAGE


def accepted_languages(header: str) -> list[str]:
    """The tags of an Accept-Language header, most wanted first ("pl;q=0.5, cy" -> cy, pl)."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag.strip() and tag.strip() != "*" and quality > 0:
            weighted.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(weighted)]


def format_when(value: date | datetime | None, language: str, fmt: str = "%H:%M") -> str:
    """A date or time in `language` with the fields strftime's `fmt` names ("%a %d %b" is
    "Mon 7 Dec", "pon., 7 gru", "الاثنين، 7 ديسمبر"); hours and minutes as 24-hour digits."""
    if value is None:
        return ""
    locale = babel_locale(language)
    parts = []
    skeleton = "".join(field for code, field in _DATE_FIELDS if code in fmt)
    if skeleton:
        parts.append(format_skeleton(skeleton, value, locale=locale))
    if "%H" in fmt and isinstance(value, datetime):
        parts.append(format_skeleton("Hms" if "%S" in fmt else "Hm", value, locale=locale))
    return " ".join(parts)


def local_when(value: datetime | None, language: str, timezone: str = "Europe/London",
               fmt: str = "%H:%M") -> str:
    """`format_when` of an instant, in the school's timezone."""
    if value is None:
        return ""
    return format_when(value.astimezone(ZoneInfo(timezone)), language, fmt)


def percent_in(value: float | None, language: str) -> str:
    """A percentage to one decimal as `language` writes it ("54.5%", "54,5%"); a dash for
    none."""
    if value is None:
        return "—"
    return format_percent(value / 100, "#,##0.0%", locale=babel_locale(language))


def format_minutes(minutes: int, language: str) -> str:
    """How long something has waited, short, as CLDR writes it in `language`: minutes under an
    hour ("5 min", "5 د"), whole hours under two days ("3 hr"), then whole days ("14 days"),
    so an old escalation does not read "20,566 min". static/console.js counts the same way."""
    locale = babel_locale(language)
    if minutes < 60:
        return format_unit(minutes, "duration-minute", length="short", locale=locale)
    if minutes < 48 * 60:
        return format_unit(minutes // 60, "duration-hour", length="short", locale=locale)
    return format_unit(minutes // (24 * 60), "duration-day", length="short", locale=locale)


def code_meaning(code: str, language: str) -> str:
    """What an attendance code means, in `language` (store/codes.py's English, through the
    catalogs: each meaning's context is `code:<code>`)."""
    row = CODES.get(code)
    if row is None:
        return ""
    context = f"code:{code}"  # a variable: the extractor takes these from store/codes.py
    return translations(language).pgettext(context, row.meaning)


@lru_cache(maxsize=256)
def language_name(code: str | None, language: str) -> str:
    """A contact's language named in the reader's ("Polish", "polski", "البولندية")."""
    if not code:
        return ""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(babel_locale(language))
    except (ValueError, LookupError, UnknownLocaleError):
        return code
    return name or code
