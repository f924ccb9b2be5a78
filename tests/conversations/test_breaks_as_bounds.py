"""A school break named as a bound ("not back until after half term", "hasta después de Semana
Santa", "Easter ki chuttiyon ke baad", "fasaxa kadib", "do świąt już nie wróci") says when the
absence ends, not why: the reason stays the illness, and the days run from today to the last
school day before the school's next closure. With no closure in the calendar, today only.

Today is Thursday 22 October 2026; half term is Monday 26 - Friday 30 October.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conversations.types import Intent, Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS

THU, FRI = date(2026, 10, 22), date(2026, 10, 23)
HALF_TERM = frozenset(date(2026, 10, 26) + timedelta(days=n) for n in range(5))


def _read(text: str, lang: str, closed: frozenset[date] = HALF_TERM) -> tuple[Intent, Span | None]:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=THU,
                       closed_days=closed)
    return reading.intent, reading.span


BOUNDS = [
    ("en", "Ruby has tonsillitis, the GP says she won't be back until after half term"),
    ("en", "Theo's got flu, he'll be off till the holidays now"),
    ("cy", "Mae Elin efo'r ffliw, fydd hi ddim yn ôl tan ar ôl hanner tymor"),
    ("cy", "Ma Cai yn sâl iawn, ddim nôl cyn y gwyliau"),
    ("pl", "Ola ma grypę, nie wróci już do ferii"),
    ("pl", "Kacper ma zapalenie oskrzeli, wraca dopiero po feriach"),
    ("pt", "A Mariana está com gripe, só volta depois das férias"),
    ("pt", "o Rodrigo tá com virose, não vai mais até o feriado"),
    ("ro", "Ioana are gripă, nu mai vine până după vacanță"),
    ("ro", "Andrei e răcit rău, revine după vacanța intersemestrială"),
    ("ar", "سلمى عندها انفلونزا، بترجع بعد العطلة"),
    ("ar", "Yousef mareed, mish rayi7 la ba3d el 3otla"),
    ("ur", "Hamza ko flu hai, ab chuttiyon ke baad hi school aayega"),
    ("ur", "Aiza ko bukhar hai, half term ke baad aayegi"),
    ("bn", "Rafi r jor, chutir pore school e ashbe"),
    ("bn", "Mitu osustho, half term er pore abar jabe"),
    ("pa", "Gurpreet nu flu aa, chhuttiyan to baad aaugi"),
    ("pa", "Manvir bimaar aa, half term ton baad school aauga"),
    ("so", "Ayaan wuxuu qabaa hargab, fasaxa kadib ayuu soo laaban doonaa"),
    ("so", "Hodan way xanuunsan tahay, ilaa half term kadib ma imaan doonto"),
    ("lt", "Austėja serga gripu, grįš po atostogų"),
    ("lt", "Matas serga, iki atostogų nebeateis"),
    ("es", "Sofía tiene gripe, ya no viene hasta después de las vacaciones"),
    ("es", "Hugo sigue con bronquitis, vuelve después del puente"),
]


@pytest.mark.parametrize(("lang", "text"), BOUNDS)
def test_a_break_as_a_bound_is_the_illness_up_to_the_closure(lang: str, text: str) -> None:
    intent, span = _read(text, lang)
    assert intent is Intent.ILLNESS
    assert span is not None and (span.start, span.end) == (THU, FRI)


@pytest.mark.parametrize(("lang", "text"), BOUNDS[::4])
def test_with_no_closure_in_the_calendar_only_today(lang: str, text: str) -> None:
    intent, span = _read(text, lang, closed=frozenset())
    assert intent is Intent.ILLNESS
    assert span is not None and span.end == THU


@pytest.mark.parametrize(("lang", "text", "intent"), [
    # A break with no bound, or one that is the reason itself: not an illness.
    ("en", "we're off to Spain for half term a few days early, back on the 2nd", Intent.HOLIDAY),
    ("pl", "jedziemy do Polski na ferie, Ola wróci w poniedziałek", Intent.HOLIDAY),
    ("es", "nos vamos de vacaciones a México, vuelve el lunes", Intent.HOLIDAY),
    ("ur", "hum Eid ke liye Pakistan ja rahe hain, chuttiyon ke baad aayega", Intent.HOLIDAY),
])
def test_a_break_that_is_the_reason_stays_the_reason(lang: str, text: str,
                                                     intent: Intent) -> None:
    assert _read(text, lang)[0] is intent


def test_wishing_a_merry_christmas_beside_the_bound_is_no_observance() -> None:
    intent, span = _read("Zuzia ma grypę, do świąt już nie wróci. Wesołych Świąt!", "pl")
    assert intent is Intent.ILLNESS and span is not None and span.end == FRI


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Amy has tonsillitis, the GP said 3 days off"),
    ("pl", "Ola ma anginę, lekarz dał 3 dni zwolnienia"),
    ("es", "Lucía tiene faringitis, el médico le dio 3 días de reposo"),
])
def test_counted_days_skip_a_closed_day(lang: str, text: str) -> None:
    """Sent on Friday 30 April 2027, with the May Day bank holiday on Monday 3 May: three
    school days are Friday, Tuesday and Wednesday."""
    friday, may_day = date(2027, 4, 30), date(2027, 5, 3)
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=friday,
                       closed_days=frozenset({may_day}))
    assert reading.span is not None and reading.span.end == date(2027, 5, 5)
