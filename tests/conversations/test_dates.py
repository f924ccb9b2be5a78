"""Which days a reply covers, in several languages (today is Wednesday 25 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from conversations.types import Session, Span
from conversations.understanding import classify
from tests.conversations.helpers import LEXICONS, TODAY

WED, THU, FRI, MON = TODAY, date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 23)
TUE = date(2026, 11, 24)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("off all week with flu", "en", Span(WED, FRI)),
    ("back on monday", "en", Span(WED, date(2026, 11, 29))),
    ("off sick till next week", "en", Span(WED, date(2026, 11, 29))),
    ("sick for 2 days", "en", Span(WED, THU)),
    ("dentist this afternoon", "en", Span(WED, WED, Session.PM)),
    ("she was off on monday", "en", Span(MON, MON)),
    ("off since monday", "en", Span(MON, WED)),
    ("back on the 1st", "en", Span(WED, date(2026, 11, 30))),
    # "Until" may include its day: `reach` (a longer illness then goes to a person).
    ("chory do piątku", "pl", Span(WED, THU, reach=FRI)),
    ("enfermo hasta el lunes", "es", Span(WED, date(2026, 11, 29), reach=date(2026, 11, 30))),
    ("doente até sexta", "pt", Span(WED, THU, reach=FRI)),
    ("sâl tan ddydd Llun", "cy", Span(WED, date(2026, 11, 29), reach=date(2026, 11, 30))),
    ("ابني مريض يومين", "ar", Span(WED, THU)),
    ("bimar hai somvar tak", "ur", Span(WED, date(2026, 11, 29), reach=date(2026, 11, 30))),
])
def test_the_days_a_reply_covers(text: str, lang: str, span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


def test_never_more_than_two_school_weeks() -> None:
    reading = classify("off for 6 weeks", lexicons=LEXICONS, today=TODAY)
    assert reading.span is not None and reading.span.end == date(2026, 12, 8)


def test_no_dates_no_span() -> None:
    assert classify("she is ill", lexicons=LEXICONS, today=TODAY).span is None


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("at the dentist til 11", "en", Span(WED, WED, Session.AM)),
    ("orthodontist, back by 10:30", "en", Span(WED, WED, Session.AM)),
    ("hospital appointment at 2pm", "en", Span(WED, WED, Session.PM)),
    ("doctors, won't be in till half 11", "en", Span(WED, WED, Session.AM)),
    ("leaving at 1 for the dentist", "en", Span(WED, WED, Session.PM)),
    ("dentist at 9.15am", "en", Span(WED, WED, Session.AM)),
    ("dentist before lunch", "en", Span(WED, WED, Session.AM)),
    ("dentist at 2pm tomorrow and will miss the afternoon", "en", Span(THU, THU, Session.PM)),
    ("hospital appointment tomorrow morning, in after lunch", "en", Span(THU, THU, Session.AM)),
    ("u dentysty do 11", "pl", Span(WED, WED, Session.AM)),
    ("en el médico hasta las 11", "es", Span(WED, WED, Session.AM)),
    ("consulta no médico às 14", "pt", Span(WED, WED, Session.PM)),
    ("are programare la dentist la ora 10", "ro", Span(WED, WED, Session.AM)),
    ("1 baje ayesha ko le jaunga aankhon ke doctor ke paas", "ur", Span(WED, WED, Session.PM)),
    ("mae ganddi apwyntiad deintydd am 2pm felly bydd hin collir prynhawn", "cy",
     Span(WED, WED, Session.PM)),
    ("dwin nol Megan am 1 i fynd at y meddyg", "cy", Span(WED, WED, Session.PM)),
    ("dentist first thing, back this afternoon", "en", Span(WED, WED, Session.AM)),
    ("amy has been sick all evening she wont be in tomorrow", "en", Span(THU, THU)),
])
def test_times_of_day_are_never_dates_and_pick_the_half_day(text: str, lang: str,
                                                            span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


@pytest.mark.parametrize(("text", "span"), [
    ("off sick till the 11th", Span(WED, date(2026, 12, 8))),  # a date: capped at 10 days
    ("back on 3 december", Span(WED, date(2026, 12, 2))),
    ("sick for 2 days", Span(WED, THU)),
])
def test_real_dates_are_still_dates(text: str, span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, today=TODAY).span == span


def test_tomorrow_alone_is_tomorrow_and_today_is_kept_when_named() -> None:
    assert classify("hospital appointment tomorrow", lexicons=LEXICONS,
                    today=TODAY).span == Span(THU, THU)
    assert classify("ill, off tomorrow too", lexicons=LEXICONS, today=TODAY).span == Span(WED, THU)
    assert classify("the funeral is today, back on friday", lexicons=LEXICONS,
                    today=TODAY).span == Span(WED, THU)


@pytest.mark.parametrize(("text", "span"), [
    ("ayesha ki tabiyat kharab hai kal nahi aayegi", Span(THU, THU)),
    ("kal school nahi aa sakega", Span(THU, THU)),
    ("کل نہیں آئے گی بخار ہے", Span(THU, THU)),
    ("kal bimar thi is liye nahi aayi", Span(TUE, TUE)),
    ("کل بخار تھا", Span(TUE, TUE)),
])
def test_urdu_kal_is_tomorrow_or_yesterday_by_the_verbs_tense(text: str, span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint="ur", today=TODAY).span == span


def test_portuguese_a_before_an_hour_is_a_time() -> None:
    reading = classify("vou buscar a beatriz à 1 para o oftalmologista", lexicons=LEXICONS,
                       language_hint="pt", today=TODAY)
    assert reading.span == Span(WED, WED, Session.PM)


@pytest.mark.parametrize(("text", "lang"), [
    ("Hola, ha tenido fiebre toda la noche. Mañana va normal", "es"),
    ("ela está com febre, amanhã está aí", "pt"),
    ("high temp overnight, in as normal tomorrow", "en"),
])
def test_tomorrow_followed_by_coming_in_is_back_tomorrow(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == (
        Span(WED, WED))


@pytest.mark.parametrize(("text", "lang"), [
    ("ela está com febre, amanhã não vai", "pt"),
    ("مريضة من امبارح، بكرة ما رح تيجي", "ar"),
])
def test_tomorrow_with_a_negated_coming_in_is_tomorrow(text: str, lang: str) -> None:
    span = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span
    assert span is not None and span.end == THU


def test_a_weekday_inside_a_greeting_is_no_weekday() -> None:
    reading = classify("Sat sri akal ji, Jaspreet nu bukhar hai, ajj school nahi aauga",
                       lexicons=LEXICONS, language_hint="pa", today=TODAY)
    assert reading.span == Span(WED, WED)


@pytest.mark.parametrize(("text", "lang"), [
    ("migraine again, will send him in tmrw if hes ok", "en"),
    ("wymiotował całą noc, jak mu przejdzie to jutro przyjdzie", "pl"),
    ("stomach pain since night, resting today inshallah tomorrow she come", "en"),
])
def test_coming_in_tomorrow_is_a_return_not_another_day_off(text: str, lang: str) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == (
        Span(WED, WED))


def test_an_hour_written_9h30_is_a_time() -> None:
    reading = classify("tem dentista às 9h30 e vai para a escola logo a seguir",
                       lexicons=LEXICONS, language_hint="pt", today=TODAY)
    assert reading.span == Span(WED, WED, Session.AM)


@pytest.mark.parametrize(("text", "lang"), [
    ("not in tomorrow either but we will see how she is", "en"),
    ("fydd o ddim mewn fory chwaith, gawn ni weld", "cy"),
    ("mañana tampoco va, ya veremos", "es"),
])
def test_a_doubt_after_tomorrow_leaves_tomorrow_out(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span is None or reading.span.end == TODAY


@pytest.mark.parametrize(("text", "lang"), [
    ("fydd hi ddim yn yr ysgol fory chwaith", "cy"),
    ("mañana tampoco va al colegio", "es"),
    ("jutro też jej nie będzie", "pl"),
    ("rytoj irgi neis", "lt"),
])
def test_tomorrow_too_is_today_and_tomorrow(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span == Span(WED, THU)


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("kal school nahi bhejungi, bukhar hai", "ur", Span(THU, THU)),  # future: tomorrow
    ("kal bukhar tha, aaj bhi ghar pe hai", "ur", Span(TUE, WED)),  # past: yesterday
    ("ohnu kal ton bukhar si", "pa", Span(TUE, WED)),  # since yesterday
    ("kal school e jabe na, jor", "bn", Span(THU, THU)),
])
def test_kal_is_tomorrow_or_yesterday_by_the_verbs_tense(text: str, lang: str,
                                                        span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


@pytest.mark.parametrize(("text", "lang"), [
    ("nu va veni mâine la școală, are programare la ORL", "ro"),
    ("আগামীকাল স্কুলে আসবে না, হাসপাতালে চেকআপ আছে", "bn"),
    ("kal school nahi aayegi, doctor ke paas jana hai", "ur"),
])
def test_a_negated_coming_verb_is_no_return(text: str, lang: str) -> None:
    """ "won't come tomorrow" is tomorrow off, not "back tomorrow" (today only)."""
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span is not None and reading.span.start == THU


@pytest.mark.parametrize(("text", "lang"), [
    ("orthodontist at 8.40 tomorrow, she'll be in after", "en"),
    ("rytoj ryte vizitas ligoninėje, ateis po pietų", "lt"),
])
def test_coming_in_later_tomorrow_is_a_late_arrival_not_a_return(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span == Span(THU, THU, Session.AM)


def test_a_return_tomorrow_may_stand_a_few_words_after_it() -> None:
    """Punjabi closes the clause with the verb: "kal [time te] aayegi" (on time tomorrow)."""
    reading = classify("hospital vich appointment si. kal time te aayegi", lexicons=LEXICONS,
                       language_hint="pa", today=TODAY)
    assert reading.span == Span(WED, WED)


@pytest.mark.parametrize(("text", "lang", "span"), [
    # a weekend day is when it happened; the return says when it ends
    ("partiu o braço no sábado, deve voltar na sexta", "pt", Span(WED, THU)),
    ("złamała rękę w sobotę, jutro już przyjdzie", "pl", Span(WED, WED)),
    # a count from the doctor, but back on Monday: the return wins
    ("doctor bollo 5 din ghore rakhte, next Monday theke school e ashbe", "bn",
     Span(WED, date(2026, 11, 29))),
    # how long it has lasted so far is no absence to come
    ("she's had this cough for a week now, keeping her off today", "en", Span(WED, WED)),
])
def test_the_day_a_child_is_back_ends_the_absence(text: str, lang: str, span: Span) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span is not None and (reading.span.start, reading.span.end) == (
        span.start, span.end)


@pytest.mark.parametrize(("text", "lang"), [
    ("hoje ele não vai, amanhã se ele melhorar eu levo", "pt"),
    ("off today, will send her in tomorrow if shes better", "en"),
    ("azi nu vine, mâine dacă se simte mai bine o aduc", "ro"),
])
def test_tomorrow_only_if_better_leaves_tomorrow_out(text: str, lang: str) -> None:
    reading = classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY)
    assert reading.span == Span(WED, WED)
