"""Trends through the real app: a school week of registers, messages and replies counted by day,
week and year group; the reasons given; messages by channel and how they ended. Every chart is
an SVG with a title and description, its figures a table and a CSV of the same numbers."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from itertools import pairwise

import pytest
from fastapi.testclient import TestClient

from bot.console import charts
from bot.console.charts import HEIGHT, percent_columns, percent_lines, stacked_bars
from store.clock import FakeClock
from tests.console.conftest import WEEK, Seeded, sign_in


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_a_weeks_rates_by_day_week_and_year_group(client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    assert rows(client.get(f"/console/trends/days.csv?{WEEK}").text) == [
        ["day", "possible_sessions", "missed_sessions", "absence_rate", "families_asked",
         "families_replied", "response_rate"],
        ["2026-11-16", "4", "0", "0.0", "0", "0", ""],
        ["2026-11-17", "4", "2", "50.0", "1", "1", "100.0"],
        ["2026-11-18", "4", "2", "50.0", "0", "0", ""],
        ["2026-11-19", "2", "1", "50.0", "1", "0", "0.0"],
        ["2026-11-20", "4", "0", "0.0", "0", "0", ""],
    ]
    assert rows(client.get(f"/console/trends/weeks.csv?{WEEK}").text)[1] == [
        "2026-11-16", "18", "5", "27.8", "2", "1", "50.0"]
    assert rows(client.get(f"/console/trends/years.csv?{WEEK}").text)[1:] == [
        ["7", "9", "2", "22.2", "0", "0", ""],
        ["9", "9", "3", "33.3", "2", "1", "50.0"],
    ]


def test_reasons_and_messages_by_channel_and_outcome(client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    assert rows(client.get(f"/console/trends/reasons.csv?{WEEK}").text) == [
        ["reason", "sessions"], ["code:G", "2"], ["illness", "2"]]
    assert rows(client.get(f"/console/trends/messages.csv?{WEEK}").text) == [
        ["channel", "outcome", "messages"], ["sms", "delivered", "1"], ["sms", "sent", "0"],
        ["sms", "queued", "0"], ["sms", "failed", "1"], ["sms", "expired", "0"],
        ["sms", "cancelled", "0"]]


def test_every_chart_is_an_svg_with_a_title_a_description_and_a_table(
        client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    page = client.get(f"/console/trends?{WEEK}", headers={"accept-language": "en"}).text
    for chart in ("days", "weeks", "years", "reasons", "messages"):
        svg = re.search(rf'<svg class="plot"[^>]*aria-labelledby="{chart}-plot-title '
                        rf'{chart}-plot-desc"[^>]*>(.*?)</svg>', page, re.S)
        assert svg, chart
        assert f'<title id="{chart}-plot-title">' in svg.group(1)
        assert f'<desc id="{chart}-plot-desc">' in svg.group(1)
        assert f'href="/console/trends/{chart}.csv?{WEEK.replace("&", "&amp;")}"' in page
    assert 'role="img"' in page and "<script" not in page.split('<main id="main"')[1]
    assert "<th scope=\"row\">Tue 17 Nov</th><td>4</td><td>2</td><td>50.0%</td>" in page
    assert "Child is ill" in page and "G — holiday not granted by the school" in page
    assert "Year 9" in page
    # Each dot, column and bar titled with its figure, so no figure is told by size alone.
    assert "<title>Absence rate, 17 Nov: 50.0%</title>" in page
    assert "<title>SMS, failed: 1</title>" in page


def test_the_page_in_polish_and_nothing_from_another_school(
        client: TestClient, week: Seeded) -> None:
    sign_in(client, week.b.officer)  # school B's: school A's week is not theirs
    page = client.get(f"/console/trends?{WEEK}", headers={"accept-language": "pl"}).text
    assert "Trendy" in page and page.count("Brak zajęć ani wiadomości w tych dniach.") == 3
    assert rows(client.get(f"/console/trends/days.csv?{WEEK}").text)[1:] == []
    assert rows(client.get(f"/console/trends/days.csv?{WEEK}&school={week.a.school_id}"
                           ).text)[1:] == []
    assert client.get("/console/trends/nonsense.csv").status_code == 404


def test_the_default_span_is_four_weeks_to_today(client: TestClient, week: Seeded,
                                                 clock: FakeClock) -> None:
    sign_in(client, week.a.officer)
    days = rows(client.get("/console/trends/days.csv").text)[1:]
    assert [d[0] for d in days][:1] == ["2026-11-16"] and days[-1][0] == "2026-11-23"
    response = client.get("/console/trends/days.csv")
    assert response.headers["content-disposition"] == (
        'attachment; filename="rollcall-days-2026-10-27-2026-11-23.csv"')
    assert clock.now().date() == date(2026, 11, 23)


def test_columns_stand_on_the_axis_and_lines_break_at_a_gap() -> None:
    plot = percent_columns([("a", (50.0, None)), ("b", (100.0, 25.0))])
    assert [(c.series, c.value) for c in plot.columns] == [(0, 50.0), (0, 100.0), (1, 25.0)]
    bottoms = {round(c.y + c.height, 1) for c in plot.columns}
    assert bottoms == {plot.ticks[0].y} and plot.ticks[0].y < HEIGHT
    tall, short = plot.columns[1], plot.columns[2]
    assert tall.height == pytest.approx(4 * short.height, abs=0.05)
    lines = percent_lines([("m", (10.0, 80.0)), ("t", (None, 60.0)), ("w", (30.0, 40.0))])
    assert [line.series for line in lines.lines] == [1]  # series 0 is two lone points
    assert len(lines.dots) == 5


def test_stacked_bars_are_as_long_as_their_share() -> None:
    plot = stacked_bars([("sms", [("delivered", 30), ("failed", 10)]),
                         ("email", [("delivered", 20)])])
    sms, email = plot.bars
    assert [s.part for s in sms.segments] == ["delivered", "failed"]
    assert sms.segments[0].width == pytest.approx(3 * sms.segments[1].width)
    assert email.segments[0].width == pytest.approx(sms.segments[0].width * 2 / 3)
    assert (sms.text, email.text) == ("40", "20")
    assert sms.text_x == pytest.approx(sms.segments[-1].x + sms.segments[-1].width + 6)


def test_bars_against_a_maximum_carry_their_own_text() -> None:
    plot = stacked_bars([("BSc Economics", [("warn", 78.5)]), ("Nothing taken", [("bad", 0.0)])],
                        width=560, labels=200, maximum=100, texts=["78.5% (157/200)", "—"])
    economics, nothing = plot.bars
    room = 560 - 200 - charts.RIGHT - charts.TEXT_ROOM
    assert economics.segments[0].width == pytest.approx(room * 0.785)
    assert (economics.text, nothing.text, nothing.segments) == ("78.5% (157/200)", "—", ())
    assert plot.label_width == 200 and nothing.text_x == 206


def test_today_leads_to_the_same_days_trends(client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    page = client.get(f"/console/today?{WEEK}").text
    assert f'href="/console/trends?{WEEK.replace("&", "&amp;")}"' in page


def test_todays_charts_are_drawn_as_trends_are_with_their_figures_as_csv(
        client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    page = client.get(f"/console/today?{WEEK}", headers={"accept-language": "pl"}).text
    for chart in ("reasons-today", "channels-today"):
        assert re.search(rf'<svg class="plot"[^>]*role="img" aria-labelledby="{chart}-title '
                         rf'{chart}-desc"', page), chart
    # A code staff set is named in the reader's language, as on Trends (was its English).
    assert "G — wyjazd wakacyjny bez zgody szkoły" in page and "holiday not granted" not in page
    assert "<title>SMS: 100% (1/1)</title>" in page
    span = WEEK.replace("&", "&amp;")
    for chart in ("reasons", "channels"):
        assert f'href="/console/today/{chart}.csv?{span}"' in page
    reasons = rows(client.get(f"/console/today/reasons.csv?{WEEK}").text)
    assert reasons[0] == ["reason", "sessions"] and ["code:G", "2"] in reasons
    assert rows(client.get(f"/console/today/channels.csv?{WEEK}").text) == [
        ["channel", "asked", "replied"], ["sms", "1", "1"]]
    assert client.get(f"/console/today/nonsense.csv?{WEEK}").status_code == 404


def test_a_students_reasons_over_time_are_a_chart_and_a_csv(
        client: TestClient, week: Seeded) -> None:
    sign_in(client, week.a.officer)
    page = client.get(f"/console/students/{week.a.safeguarding_student_id}",
                      headers={"accept-language": "pl"}).text
    assert re.search(r'<svg class="plot"[^>]*aria-labelledby="reasons-2026-11-title', page)
    assert "<h3>listopad 2026</h3>" in page and "G — wyjazd wakacyjny bez zgody szkoły" in page
    response = client.get(f"/console/students/{week.a.safeguarding_student_id}/reasons.csv")
    lines = rows(response.text)  # this morning's two sessions not explained yet, and G
    assert lines[0] == ["month", "reason", "sessions"]
    assert sorted(lines[1:]) == [["2026-11", "code:G", "2"], ["2026-11", "code:N", "2"]]
    assert client.get(f"/console/students/{week.b.student_id}/reasons.csv").status_code == 404


def test_a_phone_gets_each_chart_drawn_to_fit_with_fewer_labels(
        client: TestClient, week: Seeded) -> None:
    """Issue 21.2: at 390 px a chart does not scroll sideways. Each is drawn twice, the phone's
    narrower (and the stylesheet shows the one that fits), with its own ids; a long span's days
    are labelled every few, so the labels never run into each other."""
    sign_in(client, week.a.officer)
    page = client.get(f"/console/trends?{WEEK}").text
    for chart in ("days", "weeks", "years", "reasons", "messages"):
        wide = re.search(rf'<div class="plot-scroll plot-wide"[^>]*>\s*<svg class="plot" '
                         rf'[^>]*viewBox="0 0 (\d+) \d+"[^>]*"{chart}-plot-title ', page)
        phone = re.search(rf'<div class="plot-scroll plot-phone"[^>]*>\s*<svg class="plot" '
                          rf'[^>]*viewBox="0 0 (\d+) \d+"[^>]*"{chart}-plot-phone-title ', page)
        assert wide and phone, chart
        assert int(phone.group(1)) <= charts.SIDE_WIDTH < int(wide.group(1)), chart
        assert page.count(f'id="{chart}-plot-phone-title"') == 1
    days = [date(2026, 9, 1 + i) for i in range(28)]
    narrow = percent_lines([(day, (10.0, 50.0)) for day in days], width=charts.PHONE,
                           labels=charts.PHONE_LABELS)
    shown = [c for c in narrow.categories if c.shown]
    assert len(shown) <= charts.PHONE_LABELS
    # Labels (about 40 units for "07 Dec") at least that far apart on the phone's 360.
    assert min(b.x - a.x for a, b in pairwise(shown)) >= 50
    assert len([c for c in percent_lines([(d, (1.0,)) for d in days]).categories
                if c.shown]) <= charts.MAX_LABELS  # as before on a wide screen


def test_a_coded_reason_is_named_with_its_code(client: TestClient, week: Seeded) -> None:
    """A reason a code gives and the same reason in a family's words read apart: 'M — medical
    or dental appointment' beside 'Medical or dental appointment' were two bars of one name."""
    sign_in(client, week.a.officer)
    page = client.get(f"/console/trends?{WEEK}").text
    names = re.findall(r'<th scope="row">([^<]*)</th>', page)
    assert any(name.startswith("G — ") for name in names), names
