"""A range of days with its start named runs forward from that start through its end, in
every language: "from today to Friday" is today to this Friday, never last Friday to today
(conversations/dates.py). "Until Friday" alone still ends the day before (back on Friday).
Today is Wednesday 25 November 2026 unless a test says otherwise; the replies are written
for these tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from conversations.types import (
    ConversationKind,
    ConversationState,
    DayRange,
    Policy,
    Reply,
    SelfCertification,
    Session,
    SessionRef,
    Span,
)
from conversations.understanding import classify
from tests.conversations.helpers import (
    LEXICONS,
    TODAY,
    absent,
    amy,
    awaiting,
    facts,
    reasons,
    say,
    student,
)

MON, TUE, WED, THU, FRI = (TODAY + timedelta(days=n) for n in range(-2, 3))
LAST_FRIDAY, NEXT_MONDAY = TODAY - timedelta(days=5), TODAY + timedelta(days=5)

TODAY_TO_FRIDAY = [
    ("en", "ill from today to Friday"),
    ("en", "shes poorly today till friday"),
    ("es", "está con gripe desde hoy hasta el viernes"),
    ("pt", "está doente de hoje até sexta"),
    ("pl", "chory od dzisiaj do piątku"),
    ("ro", "e bolnav de azi până vineri"),
    ("cy", "sâl o heddiw tan ddydd Gwener"),
    ("lt", "serga nuo šiandien iki penktadienio"),
    ("ar", "مريضة من اليوم لغاية الجمعة"),
    ("ur", "aaj se jumma tak bimar hai"),
    ("pa", "ਅੱਜ ਤੋਂ ਸ਼ੁੱਕਰਵਾਰ ਤੱਕ ਬਿਮਾਰ ਹੈ"),
    ("pa", "aaj ton shukarvar tak bimar hai"),
    ("bn", "আজ থেকে শুক্রবার পর্যন্ত অসুস্থ"),
    ("bn", "aj theke shukrobar porjonto oshustho"),
    ("so", "way jirantahay maanta ilaa jimcaha"),
]

TOMORROW_TO_FRIDAY = [
    ("en", "off from tomorrow till friday with her chest"),
    ("es", "no va desde mañana hasta el viernes, tiene fiebre"),
    ("pt", "fica em casa de amanhã até sexta-feira, está com febre"),
    ("pl", "od jutra do piątku zostaje w domu, gorączka"),
    ("ro", "de mâine până vineri stă acasă, are febră"),
    ("cy", "adra o yfory tan ddydd Gwener efo gwres"),
    ("lt", "nuo rytoj iki penktadienio bus namie, karščiuoja"),
    ("ar", "من بكرا حتى الجمعة بالبيت عنده حرارة"),
    ("so", "berri ilaa jimcaha guriga ayuu joogi, qandho"),
]

MONDAY_TO_WEDNESDAY = [
    ("en", "poorly from monday to wednesday sorry for not letting you know"),
    ("es", "estuvo mala de lunes a miércoles"),
    ("es", "del lunes al miércoles estuvo con fiebre"),
    ("pt", "esteve doente de segunda a quarta"),
    ("pt", "de segunda-feira a quarta-feira com febre"),
    ("pl", "chorowała od poniedziałku do środy"),
    ("ro", "a fost bolnavă de luni până miercuri"),
    ("cy", "sâl o ddydd Llun i ddydd Mercher"),
    ("lt", "sirgo nuo pirmadienio iki trečiadienio"),
    ("ar", "كانت مريضة من الاثنين الى الاربعاء"),
    ("ur", "somvar se budh tak bimar thi"),
    ("pa", "somvar ton budhvar tak bimar si"),
    ("bn", "sombar theke budhbar porjonto oshustho chilo"),
    ("so", "way jiranayd isniinta ilaa arbacada"),
]

RANGES = ([(lang, text, Span(WED, FRI)) for lang, text in TODAY_TO_FRIDAY]
          + [(lang, text, Span(THU, FRI)) for lang, text in TOMORROW_TO_FRIDAY]
          + [(lang, text, Span(MON, WED)) for lang, text in MONDAY_TO_WEDNESDAY])


@pytest.mark.parametrize(("lang", "text", "span"), RANGES)
def test_a_range_runs_forward_from_its_start_through_its_end(lang: str, text: str,
                                                            span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


def test_every_language_has_its_ranges() -> None:
    assert {lang for lang, _, _ in RANGES} == set(LEXICONS.languages)


@pytest.mark.parametrize(("sent", "text", "span"), [
    (THU, "ill from today to Friday", Span(THU, FRI)),
    (FRI, "ill from today to Friday", Span(FRI, FRI)),
    (MON, "ill from today to Friday", Span(MON, FRI)),
    (THU, "off from today to monday", Span(THU, NEXT_MONDAY)),
    (THU, "desde mañana hasta el martes", Span(FRI, TODAY + timedelta(days=6))),
    (MON, "od poniedziałku do środy chory", Span(MON, WED)),
    (WED, "off from the 26th to the 27th", Span(THU, FRI)),
])
def test_whatever_day_it_is_sent_the_range_starts_where_it_says(sent: date, text: str,
                                                               span: Span) -> None:
    assert classify(text, lexicons=LEXICONS, today=sent).span == span


@pytest.mark.parametrize(("lang", "text", "span"), [
    # Back on Friday, though the Friday may be meant too (a longer illness: a person decides).
    ("en", "off till friday", Span(WED, THU, reach=FRI)),
    ("pl", "chory do piątku", Span(WED, THU, reach=FRI)),
    ("en", "at the hospital from 9 till 11", Span(WED, WED, Session.AM)),  # times, not days
    ("es", "en el hospital de 9 a 11", None),
    ("en", "back to school on friday", Span(WED, THU)),
])
def test_until_alone_and_times_are_read_as_before(lang: str, text: str,
                                                  span: Span | None) -> None:
    assert classify(text, lexicons=LEXICONS, language_hint=lang, today=TODAY).span == span


def test_the_schools_flow_records_today_and_keeps_notices_to_friday_never_last_friday() -> None:
    marks = (absent(LAST_FRIDAY), absent(LAST_FRIDAY, Session.PM), absent(), absent(
        session=Session.PM))
    _, decisions = say(awaiting("S1"), "ill from today to Friday", facts(amy(*marks)))
    [reason] = reasons(decisions)
    assert reason.sessions == tuple(SessionRef(day, half) for day in (WED, THU, FRI)
                                    for half in (Session.AM, Session.PM))


def test_the_schools_flow_reads_a_past_range_onto_its_marks() -> None:
    marks = tuple(absent(day, half) for day in (MON, TUE, WED)
                  for half in (Session.AM, Session.PM))
    _, decisions = say(awaiting("S1"), "od poniedziałku do środy chora, gorączka",
                       facts(amy(*marks), language="pl"))
    [reason] = reasons(decisions)
    assert {ref.day for ref in reason.sessions} == {MON, TUE, WED}


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "I've got flu, off from today to Friday"),
    ("es", "tengo gripe, desde hoy hasta el viernes"),
    ("pl", "mam grypę, od dzisiaj do piątku"),
])
def test_a_self_certification_reads_the_range_back_as_said(lang: str, text: str) -> None:
    me = facts(student("S9", "Priya"), relationship="self", language=lang,
               policy=Policy(self_certification=SelfCertification()))
    _, decisions = say(ConversationState(kind=ConversationKind.UNSOLICITED), text, me)
    [read_back] = [d for d in decisions if isinstance(d, Reply)]
    assert read_back.key == "selfcert.confirm"
    assert dict(read_back.params)["dates"] == DayRange(WED, FRI)
