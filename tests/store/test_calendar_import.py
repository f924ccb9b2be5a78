"""Term dates from the files schools have: real published iCalendar files (a Sheffield school's
holidays and INSET days, icalendar's and Google's export shapes; tests/fixtures/calendar/) and
the RFC 5545 details that trip readers up, and the simple CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from store.calendar_import import Planned, classify, plan_csv, plan_ics
from store.errors import InvalidInput
from store.ical import read_events

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "calendar"


def plan(raw: str | bytes, country: str = "GB-ENG") -> list[Planned]:
    return plan_ics(raw, timezone="Europe/London", country=country)


def calendar(*events: str) -> str:
    body = "".join(f"BEGIN:VEVENT\r\n{event}\r\nEND:VEVENT\r\n" for event in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n"


def added(plans: list[Planned]) -> list[tuple[str | None, date | None, date | None]]:
    return [(p.kind, p.start, p.end) for p in plans if p.adds]


def test_a_sheffield_schools_published_holidays_and_inset_days() -> None:
    plans = plan((FIXTURES / "sheffield-sutc-school-holidays.ics").read_bytes())
    kinds = [p.kind for p in plans if p.adds]
    assert kinds.count("holiday") == 21 and kinds.count("inset") == 10
    # DTEND is exclusive: 20251025..20251103 is 25 October to 2 November.
    assert ("holiday", date(2025, 10, 25), date(2025, 11, 2)) in added(plans)
    assert ("inset", date(2025, 9, 1), date(2025, 9, 1)) in added(plans)
    # "Disaggregated Day": an INSET day taken as twilight sessions; the pupils are off.
    assert ("inset", date(2025, 10, 23), date(2025, 10, 23)) in added(plans)
    bank = [p for p in plans if p.skipped and "bank holiday" in p.skipped]
    assert len(bank) == 24  # England's, which the calendar already knows


def test_a_bank_holiday_the_nation_does_not_have_is_kept_as_a_holiday() -> None:
    # 17 March is St Patrick's Day: a bank holiday in Northern Ireland, not in England.
    feed = calendar(
        "DTSTART;VALUE=DATE:20260317\r\nDTEND;VALUE=DATE:20260318\r\nSUMMARY:Bank holiday"
    )
    assert added(plan(feed, "GB-ENG")) == [("holiday", date(2026, 3, 17), date(2026, 3, 17))]
    assert added(plan(feed, "GB-NIR")) == []


def test_icalendars_holiday_example_dates_without_value_and_dtend_equal_to_dtstart() -> None:
    plans = plan((FIXTURES / "icalendar-example-holidays.ics").read_bytes())
    by_title = {p.note: p for p in plans}
    assert by_title["New Year's Day"].skipped == "a bank holiday the school's nation already has"
    # Not a school's closure: a day named only after a festival is not read as a holiday.
    assert not by_title["Orthodox Christmas"].adds
    assert not by_title["International Women's Day"].adds


def test_a_google_export_reads_the_events_own_summary_not_its_alarms() -> None:
    raw = (FIXTURES / "google-calendar-export.ics").read_bytes()
    [event] = read_events(raw)
    assert event.summary == "event with alarms"  # not the VALARM's "Alarm notification"
    assert plan(raw)[0].skipped == "a timed event, not whole days"


def test_folded_lines_escapes_and_quoted_parameters() -> None:
    feed = calendar(
        "DTSTART;VALUE=DATE:20261026\r\nDTEND;VALUE=DATE:20261031\r\n"
        'SUMMARY;ALTREP="http://school.example.org/a:b;c":October half\r\n'
        "  term\\, whole school\\; no clubs"
    )
    [event] = read_events(feed)
    assert event.summary == "October half term, whole school; no clubs"
    assert added(plan(feed)) == [("holiday", date(2026, 10, 26), date(2026, 10, 30))]


def test_midnight_to_midnight_in_a_time_zone_is_whole_days_other_times_are_not() -> None:
    feed = calendar(
        # Outlook's Windows zone name; 26 October 2026 is after the clocks went back.
        "DTSTART;TZID=GMT Standard Time:20261026T000000\r\n"
        "DTEND;TZID=GMT Standard Time:20261031T000000\r\nSUMMARY:Half term",
        # Midnight in London during summer time, written in UTC.
        "DTSTART:20260720T230000Z\r\nDTEND:20260721T230000Z\r\nSUMMARY:INSET day",
        "DTSTART;TZID=Europe/London:20260910T170000\r\nDURATION:PT2H\r\n"
        "SUMMARY:Parents' evening: school closes early",
    )
    plans = plan(feed)
    assert added(plans) == [
        ("holiday", date(2026, 10, 26), date(2026, 10, 30)),
        ("inset", date(2026, 7, 21), date(2026, 7, 21)),
    ]
    assert plans[2].skipped == "a timed event, not whole days"


def test_term_starts_and_ends_pair_into_terms() -> None:
    feed = calendar(
        "DTSTART;VALUE=DATE:20260902\r\nSUMMARY:Autumn Term Starts",
        "DTSTART;VALUE=DATE:20261218\r\nSUMMARY:Autumn term ends",
        "DTSTART;VALUE=DATE:20270105\r\nSUMMARY:Spring term begins",
        "DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260718\r\nSUMMARY:Summer term",
    )
    plans = plan(feed)
    assert added(plans) == [
        ("term", date(2026, 6, 1), date(2026, 7, 17)),
        ("term", date(2026, 9, 2), date(2026, 12, 18)),
    ]
    assert plans[-1].skipped == "a term start with no end after it"


@pytest.mark.parametrize(
    ("summary", "one_day", "kind"),
    [
        ("INSET day - school closed", True, "inset"),
        ("Staff training day", True, "inset"),
        ("February half-term", False, "holiday"),
        ("Half term starts", True, None),  # the edge of a holiday, not a day off
        ("Break up for Christmas", True, None),
        ("Christmas holidays", False, "holiday"),
        ("Christmas concert", True, None),
        ("Christmas jumper day", True, None),
        ("Good Friday", True, "bank holiday"),
        ("School closed: polling station", True, "closure"),
        ("Summer term", False, "term"),
        ("Term 1 Begins", True, "term start"),
        ("Last day of term", True, "term end"),
        ("Sports day", True, None),
    ],
)
def test_kinds_from_the_words_schools_use(summary: str, one_day: bool, kind: str | None) -> None:
    assert classify(summary, one_day=one_day) == kind


def test_repeating_and_cancelled_events_are_not_read() -> None:
    plans = plan(
        calendar(
            "DTSTART;VALUE=DATE:20261102\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Closed Mondays",
            "DTSTART;VALUE=DATE:20261103\r\nSTATUS:CANCELLED\r\nSUMMARY:INSET day",
        )
    )
    assert [p.skipped for p in plans] == [
        "a repeating event (RRULE) is not read: add its days by hand",
        "the event is cancelled",
    ]


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        ("<html><body>Term dates</body></html>", "not an iCalendar file"),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261301\r\nEND:VEVENT\r\n"
            "END:VCALENDAR",
            "line 3: DTSTART '20261301' is not a real date",
        ),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:tomorrow\r\nEND:VEVENT\r\nEND:VCALENDAR",
            "is not a date or date-time",
        ),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", "ends inside VEVENT"),
    ],
)
def test_a_broken_file_is_a_clear_error(raw: str, error: str) -> None:
    with pytest.raises(InvalidInput, match=error):
        plan(raw)


def test_a_csv_of_start_end_kind_with_each_bad_row_saying_why() -> None:
    plans = plan_csv(
        b"\xef\xbb\xbfstart,end,kind,note\r\n"
        b"2026-09-02,2026-12-18,term,Autumn\r\n"
        b"26/10/2026,30/10/2026,Half term,\r\n"
        b"2026-11-02,,inset,\r\n"
        b"2026-12-01,2026-11-01,closure,\r\n"
        b"2026-12-01,2026-12-01,party,\r\n"
    )
    assert added(plans) == [
        ("term", date(2026, 9, 2), date(2026, 12, 18)),
        ("holiday", date(2026, 10, 26), date(2026, 10, 30)),
        ("inset", date(2026, 11, 2), date(2026, 11, 2)),
    ]
    assert [p.skipped for p in plans if not p.adds] == [
        "the end is before the start",
        "'party' is not a kind (term, inset, holiday, closure)",
    ]
