"""Which days a reply covers, in several languages (today is Wednesday 25 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Session, Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

WED, THU, FRI, MON = TODAY, date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 23)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("off all week with flu", "en", Span(WED, FRI)),
    ("back on monday", "en", Span(WED, date(2026, 11, 29))),
    ("off sick till next week", "en", Span(WED, date(2026, 11, 29))),
    ("sick for 2 days", "en", Span(WED, THU)),
    ("dentist this afternoon", "en", Span(WED, WED, Session.PM)),
    ("she was off on monday", "en", Span(MON, MON)),
    ("off since monday", "en", Span(MON, WED)),
    ("back on the 1st", "en", Span(WED, date(2026, 11, 30))),
    ("chory do piątku", "pl", Span(WED, THU)),
    ("enfermo hasta el lunes", "es", Span(WED, date(2026, 11, 29))),
    ("doente até sexta", "pt", Span(WED, THU)),
    ("sâl tan ddydd Llun", "cy", Span(WED, date(2026, 11, 29))),
    ("ابني مريض يومين", "ar", Span(WED, THU)),
    ("bimar hai somvar tak", "ur", Span(WED, date(2026, 11, 29))),
])
def test_the_days_a_reply_covers(text: str, lang: str, span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


def test_never_more_than_two_school_weeks() -> None:
    reading = classify("off for 6 weeks", lexicons=LEXICONS, today=TODAY)
    assert reading.span is not None and reading.span.end == date(2026, 12, 8)


def test_no_dates_no_span() -> None:
    assert classify("she is ill", lexicons=LEXICONS, today=TODAY).span is None
