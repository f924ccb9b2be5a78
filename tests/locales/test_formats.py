"""Dates ("Monday 23 November"), lists of names and text direction in each language."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from babel import Locale
from babel.lists import format_list

from channels.catalogs import BABEL_LOCALES, SUPPORTED_LANGUAGES
from channels.formats import format_day, format_names, html_block, text_direction

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Monday 23 November"),
        ("cy", "Dydd Llun, 23 Tachwedd"),
        ("pl", "poniedziałek, 23 listopada"),
        ("ro", "luni, 23 noiembrie"),
        ("pt", "segunda-feira, 23 de novembro"),
        ("es", "lunes, 23 de noviembre"),
        ("lt", "lapkričio 23 d., pirmadienis"),
        ("so", "Isniin, 23 Noofeembar"),
        ("ar", "الاثنين، 23 نوفمبر"),
        ("ur", "پیر، 23 نومبر"),
        ("bn", "সোমবার, 23 নভেম্বর"),
        ("pa", "ਸੋਮਵਾਰ, 23 ਨਵੰਬਰ"),
    ],
)
def test_day_is_weekday_day_and_month_in_the_language(language: str, expected: str) -> None:
    assert format_day(MONDAY, language) == expected


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_names_the_weekday_and_month_in_full(language: str) -> None:
    locale = Locale.parse(BABEL_LOCALES.get(language, language))
    text = format_day(MONDAY, language)
    assert locale.days["format"]["wide"][0] in text
    assert "23" in text
    assert any(month[11] in text for month in (locale.months["format"]["wide"],
                                               locale.months["stand-alone"]["wide"]))


def test_a_moment_is_dated_in_the_schools_timezone() -> None:
    # 23:30 UTC on Sunday 29 March 2026 is already Monday in British Summer Time.
    moment = datetime(2026, 3, 29, 23, 30, tzinfo=UTC)
    assert format_day(moment, "en", timezone="Europe/London") == "Monday 30 March"
    assert format_day(moment, "en", timezone="UTC") == "Sunday 29 March"


def test_a_naive_or_zoneless_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        format_day(datetime(2026, 3, 29, 23, 30), "en", timezone="Europe/London")
    with pytest.raises(ValueError, match="timezone"):
        format_day(datetime(2026, 3, 29, 23, 30, tzinfo=UTC), "en")


@pytest.mark.parametrize(
    ("names", "language", "expected"),
    [
        (["Amy"], "en", "Amy"),
        (["Amy", "Ben", "Cara"], "en", "Amy, Ben and Cara"),
        (["Gethin", "Elin"], "cy", "Gethin ac Elin"),
        (["Gethin", "Dafydd", "Nia"], "cy", "Gethin, Dafydd a Nia"),
        (["Juan", "Isabel"], "es", "Juan e Isabel"),
        (["Juan", "Lucía"], "es", "Juan y Lucía"),
        (["Zuzanna", "Jakub"], "pl", "Zuzanna i Jakub"),
        (["Ana", "Rui"], "pt-BR", "Ana e Rui"),
        ([], "en", ""),
    ],
)
def test_names_are_joined_as_the_language_joins_a_list(
        names: list[str], language: str, expected: str) -> None:
    assert format_names(names, language) == expected


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES
                                      if lang not in ("cy", "es")])  # their own choices above
@pytest.mark.parametrize("count", [2, 3, 4, 5])
def test_names_are_joined_exactly_as_babel_joins_a_list(language: str, count: int) -> None:
    names = ["Amy", "Ben", "Cara", "Dev", "Eve"][:count]
    locale = Locale.parse(BABEL_LOCALES.get(language, language))
    assert format_names(names, language) == format_list(names, locale=locale)


@pytest.mark.parametrize(("language", "direction"),
                         [("ar", "rtl"), ("ur", "rtl"), ("ar-EG", "rtl"), ("en", "ltr"),
                          ("cy", "ltr"), ("pa", "ltr"), ("bn", "ltr"), ("de", "ltr")])
def test_text_direction(language: str, direction: str) -> None:
    assert text_direction(language) == direction


def test_html_block_marks_language_and_direction_and_escapes() -> None:
    assert html_block("شكرًا <b>\n\nYusuf", "ar") == (
        '<div lang="ar" dir="rtl"><p>شكرًا &lt;b&gt;</p><p>Yusuf</p></div>')
    assert html_block("a\nb", "en") == '<div lang="en-GB" dir="ltr"><p>a<br>b</p></div>'
