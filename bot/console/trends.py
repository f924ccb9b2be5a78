"""Trends: absence and response rates by day, week and year group, the reasons given, and
messages to families by channel and how they ended, for any span of days (four weeks to today
unless asked), each as a chart drawn on the server (bot/console/charts.py), a table and a CSV
of the same figures.

The absence rate is missed sessions over possible sessions (the DfE's counting). The response
rate is the share of families asked for a reason on a day who wrote back the same day (by
midnight at the school): each family counts once a day, under each child's year group it was
asked about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from sqlmodel import Session

from bot.console import charts
from bot.console.auth import PREFIX, PageStaff, Staff, schools_of
from bot.console.refusals import Refused
from bot.console.today import MAX_RANGE_DAYS, utc_bounds, year_order
from bot.console.views import render
from bot.deps import ServicesDep, SessionDep
from store.models.schools import School
from store.spreadsheet import table_csv
from store.trends import (
    Asked,
    asking_messages,
    outcomes_by_channel,
    reasons_given,
    replies_in,
    session_counts,
    year_groups,
)

DEFAULT_DAYS = 28
# How a message to a family ended, in the order the chart stacks them.
OUTCOMES = ("delivered", "sent", "queued", "failed", "expired", "cancelled")
OUTCOME_OF_STATUS = {"pending": "queued", "claimed": "queued", "sent": "sent",
                     "delivered": "delivered", "undelivered": "failed", "failed": "failed",
                     "expired": "expired", "cancelled": "cancelled"}
CHARTS = ("days", "weeks", "years", "reasons", "messages")
RATE_HEADER = ("possible_sessions", "missed_sessions", "absence_rate", "families_asked",
               "families_replied", "response_rate")


@dataclass(frozen=True, slots=True)
class Rate:
    """One day, week or year group: sessions possible and missed, families asked and replied."""

    label: date | str
    possible: int = 0
    missed: int = 0
    asked: int = 0
    replied: int = 0

    @property
    def absence_rate(self) -> float | None:
        return round(100 * self.missed / self.possible, 1) if self.possible else None

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.replied / self.asked, 1) if self.asked else None

    def __add__(self, other: Rate) -> Rate:
        return replace(self, possible=self.possible + other.possible,
                       missed=self.missed + other.missed, asked=self.asked + other.asked,
                       replied=self.replied + other.replied)


@dataclass(slots=True)
class Trends:
    start: date
    end: date
    by_day: list[Rate] = field(default_factory=list)
    by_week: list[Rate] = field(default_factory=list)
    by_year: list[Rate] = field(default_factory=list)
    reasons: list[tuple[str, int]] = field(default_factory=list)  # intent or code:<code>
    messages: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)


def trends(session: Session, school_ids: list[int], *, start: date, end: date,
           timezone: str) -> Trends:
    """Every figure the Trends page charts, for these schools and days."""
    since, until = utc_bounds(start, end, timezone)
    days: dict[date, Rate] = {}
    years: dict[str, Rate] = {}
    for count in session_counts(session, school_ids, start=start, end=end):
        sessions = Rate(count.day, possible=count.possible, missed=count.missed)
        days[count.day] = days.get(count.day, Rate(count.day)) + sessions
        year = count.year_group or ""
        years[year] = years.get(year, Rate(year)) + replace(sessions, label=year)
    asked = asking_messages(session, school_ids, since=since, until=until)
    grades = year_groups(session, {s for a in asked for s in a.student_ids})
    replies = replies_in(session, school_ids, since=since, until=until)
    for (day, contact), (first, students) in _asked_each_day(asked, timezone).items():
        answered = _replied_that_day(replies.get(contact, []), first, day, timezone)
        asks = Rate(day, asked=1, replied=int(answered))
        days[day] = days.get(day, Rate(day)) + asks
        for year in {grades.get(s) or "" for s in students}:
            years[year] = years.get(year, Rate(year)) + replace(asks, label=year)
    by_day = [days[day] for day in sorted(days)]
    return Trends(start=start, end=end, by_day=by_day, by_week=_weeks(by_day),
                  by_year=[years[y] for y in sorted(years, key=year_order)],
                  reasons=_reasons(session, school_ids, start, end),
                  messages=_messages(session, school_ids, since, until))


def rates_csv(rates: Iterable[Rate], first: str) -> str:
    return table_csv((first, *RATE_HEADER), [
        (r.label, r.possible, r.missed, r.absence_rate, r.asked, r.replied, r.response_rate)
        for r in rates])


def chart_csv(figures: Trends, chart: str) -> str:
    """One chart's figures as CSV: what the chart and its table show, by id."""
    if chart == "days":
        return rates_csv(figures.by_day, "day")
    if chart == "weeks":
        return rates_csv(figures.by_week, "week_starting")
    if chart == "years":
        return rates_csv(figures.by_year, "year_group")
    if chart == "reasons":
        return table_csv(("reason", "sessions"), figures.reasons)
    return table_csv(("channel", "outcome", "messages"), [
        (channel, outcome, n) for channel, parts in figures.messages for outcome, n in parts])


router = APIRouter(prefix=PREFIX)


@router.get("/trends", response_class=HTMLResponse)
def trends_page(request: Request, staff: PageStaff, session: SessionDep,
                services: ServicesDep, start: date | None = None, end: date | None = None,
                school: int | None = None) -> HTMLResponse:
    figures, schools = _figures(session, staff, services, start, end, school)
    return render(request, "trends.html", staff=staff, trends=figures, schools=schools,
                  school=school, charts=charts, plots=_plots(figures))


def _plots(figures: Trends) -> dict[str, object]:
    """Each chart twice: as a wide screen draws it, and narrower with fewer labels for a phone
    (`<name>_phone`), so that on a 390 px screen no chart scrolls sideways and its words stay
    readable; the stylesheet shows the one that fits."""
    reasons = [(reason, [("sessions", n)]) for reason, n in figures.reasons]
    rates = {name: [(r.label, (r.absence_rate, r.response_rate)) for r in rows]
             for name, rows in (("days", figures.by_day), ("weeks", figures.by_week),
                                ("years", figures.by_year))}
    phone = {"width": charts.PHONE, "labels": charts.PHONE_LABELS}
    side, labels = charts.SIDE_WIDTH, charts.SIDE_LABELS  # bars as a side column's
    return {"days": charts.percent_lines(rates["days"]),
            "days_phone": charts.percent_lines(rates["days"], **phone),
            "weeks": charts.percent_columns(rates["weeks"]),
            "weeks_phone": charts.percent_columns(rates["weeks"], **phone),
            "years": charts.percent_columns(rates["years"]),
            "years_phone": charts.percent_columns(rates["years"], **phone),
            "reasons": charts.stacked_bars(reasons),
            "reasons_phone": charts.stacked_bars(reasons, width=side, labels=labels),
            "messages": charts.stacked_bars(figures.messages),
            "messages_phone": charts.stacked_bars(figures.messages, width=side,
                                                  labels=labels)}


@router.get("/trends/{chart}.csv")
def trends_csv(chart: str, staff: PageStaff, session: SessionDep, services: ServicesDep,
               start: date | None = None, end: date | None = None,
               school: int | None = None) -> Response:
    if chart not in CHARTS:
        raise Refused(404, "no such chart", problem="no_chart")
    figures, _ = _figures(session, staff, services, start, end, school)
    name = f"rollcall-{chart}-{figures.start.isoformat()}-{figures.end.isoformat()}.csv"
    return Response(chart_csv(figures, chart), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _figures(session: Session, staff: Staff, services: ServicesDep, start: date | None,
             end: date | None, school: int | None) -> tuple[Trends, list[School]]:
    schools = schools_of(session, staff)
    chosen = [s for s in schools if school is None or s.id == school]
    timezone = chosen[0].timezone if chosen else "Europe/London"
    end = end or services.clock.now().astimezone(ZoneInfo(timezone)).date()
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    start, end = min(start, end), max(start, end)
    start = max(start, end - timedelta(days=MAX_RANGE_DAYS))
    ids = [s.id for s in chosen if s.id is not None]
    return trends(session, ids, start=start, end=end, timezone=timezone), schools


def _asked_each_day(asked: list[Asked], timezone: str
                    ) -> dict[tuple[date, int], tuple[datetime, set[int]]]:
    """(school day, family) -> when they were first asked that day, and about whom."""
    zone = ZoneInfo(timezone)
    each: dict[tuple[date, int], tuple[datetime, set[int]]] = {}
    for ask in asked:  # oldest first
        key = (ask.at.astimezone(zone).date(), ask.contact_id)
        first, students = each.get(key, (ask.at, set()))
        each[key] = (first, students | set(ask.student_ids))
    return each


def _replied_that_day(replies: list[datetime], asked_at: datetime, day: date,
                      timezone: str) -> bool:
    midnight = utc_bounds(day, day, timezone)[1]
    return any(asked_at <= at < midnight for at in replies)


def _weeks(days: list[Rate]) -> list[Rate]:
    weeks: dict[date, Rate] = {}
    for rate in days:
        assert isinstance(rate.label, date)
        monday = rate.label - timedelta(days=rate.label.weekday())
        weeks[monday] = weeks.get(monday, Rate(monday)) + replace(rate, label=monday)
    return [weeks[monday] for monday in sorted(weeks)]


def _reasons(session: Session, school_ids: list[int], start: date,
             end: date) -> list[tuple[str, int]]:
    given = Counter(r.intent or f"code:{r.code}"
                    for r in reasons_given(session, school_ids, start=start, end=end))
    return sorted(given.items(), key=lambda item: (-item[1], item[0]))  # most first


def _messages(session: Session, school_ids: list[int], since: datetime,
              until: datetime) -> list[tuple[str, list[tuple[str, int]]]]:
    counts: dict[str, Counter[str]] = {}
    for (channel, status), n in outcomes_by_channel(session, school_ids, since=since,
                                                    until=until).items():
        counts.setdefault(channel, Counter())[OUTCOME_OF_STATUS.get(status, status)] += n
    return [(channel, [(outcome, counts[channel][outcome]) for outcome in OUTCOMES])
            for channel in sorted(counts)]

