"""Words that look like a day or a half day and are not one: Arabic "الاثنين" after the
children's names is "both of them", not Monday; a time an illness began ("sick since 2am",
"من الساعة ٢ بالليل", "od 2 w nocy") is neither half of the school day. Today is Wednesday 25
November 2026."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Span, StudentFact
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY, student

MON = date(2026, 11, 30)
KIDS = (student("S1", "Hamza"), student("S2", "Reem"))


def _span(text: str, lang: str, students: tuple[StudentFact, ...] = ()) -> Span | None:
    return classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY,
                    students=students).span


@pytest.mark.parametrize("text", [
    "حمزة وريم الاثنين عندهم استفراغ، ما رح يجوا اليوم",
    "Hamza w Reem el etnein 3andhom sokhoneh, mish jayin el yom",
])
def test_both_after_the_names_is_not_monday(text: str) -> None:
    assert _span(text, "ar", KIDS) == Span(TODAY, TODAY)


def test_monday_alone_is_still_monday() -> None:
    span = _span("حمزة مريض، بيرجع الاثنين", "ar", KIDS)
    assert span is not None and span.end == MON - date.resolution * 1


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has been sick since 2 this morning, she's staying home today"),
    ("ar", "عندها استفراغ من الساعة ٢ بالليل، ما رح تيجي اليوم"),
    ("pl", "Ola wymiotuje od 2 w nocy, dzisiaj zostaje w domu"),
    ("es", "Lucía vomita desde las 3 de la madrugada, hoy se queda en casa"),
])
def test_the_time_an_illness_began_is_no_half_day(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is not None and span.session is None and span.start == TODAY


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she was sick at 3 in the night, keeping her home"),
    ("ur", "raat ko 2 baje se ulti kar rahi hai, aaj ghar pe hai"),
    ("pt", "vomitou às 4 da madrugada, hoje fica em casa"),
])
def test_a_time_in_the_night_is_no_half_day(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is None or span.session is None


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "she's off from 1pm for the dentist"),
    ("en", "dentist at 2pm"),
])
def test_an_afternoon_time_is_still_the_afternoon(lang: str, text: str) -> None:
    span = _span(text, lang)
    assert span is not None and span.session is not None and span.session.value == "PM"
