"""Charts for console pages, drawn one way: this module works out the shapes (where each column,
line, dot and bar goes), `templates/_charts.html` draws them as inline SVG on the server, with
no script and no CDN.

Two kinds: `percent_columns` and `percent_lines` put percentages 0-100 up the side and
categories (days, weeks, year groups) along the bottom, oldest first, one series or more, and a
missing figure (no session that day, nobody asked) leaves a gap, never a zero; `stacked_bars`
draws a bar a row, split into its parts (one part: a plain bar), as long as the longest row or
a given maximum, with its total or its own text after it. The template words every label in
the page's language, gives the chart its title and description for screen readers
(`role="img"`) and each column, dot and bar a `<title>` with its figure, so nothing is told by
colour or length alone; the page beside it has the figures as a table and its CSV. Colours are
the stylesheet's (`.series-N`, `.part-<part>`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WIDE, NARROW, HEIGHT = 900, 440, 240  # the viewBox: text 11 units tall reads at about 11 px
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 40
ROW_HEIGHT = 26  # one horizontal bar's height, with its gap (stacked_bars)
LABELS = 300  # the room a bar's label has on its left
# A bar chart in a side column or a grid's card: narrow, so that its words stay readable when a
# 390 px phone draws it at about 330 px.
SIDE_WIDTH, SIDE_LABELS = 400, 150
TOTAL_ROOM, TEXT_ROOM = 40, 120  # after the longest bar: for its total, for its own text
MAX_LABELS = 12  # category labels along the bottom: every nth beyond this many
# A chart as a 390 px phone draws it (about 330 px across: text 11 units tall reads at about
# 10 px), with fewer labels along the bottom so that they do not run into each other.
PHONE, PHONE_LABELS = 360, 5
MAX_COLUMN = 48  # a column's width, however few there are


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    percent: int


@dataclass(frozen=True, slots=True)
class Category:
    x: float  # its middle
    label: object  # a date or a name; the template words it
    shown: bool  # labelled (every nth when there are many)


@dataclass(frozen=True, slots=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    series: int
    value: float
    category: int  # which of the plot's categories it stands on


@dataclass(frozen=True, slots=True)
class Line:
    series: int
    points: str  # an SVG polyline's "x,y x,y ..."


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    series: int
    value: float
    category: int


@dataclass(frozen=True, slots=True)
class PercentPlot:
    """Columns or lines of percentages over categories, with the axis they sit on."""

    width: int
    height: int
    ticks: tuple[Tick, ...]
    categories: tuple[Category, ...]
    columns: tuple[Column, ...] = ()
    lines: tuple[Line, ...] = ()
    dots: tuple[Dot, ...] = ()
    left: int = LEFT  # the axis: its ticks' labels end just before it
    right: int = WIDE - RIGHT  # where the grid lines end
    label_y: int = HEIGHT - BOTTOM + 16  # the categories' labels' baseline


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    part: str  # which part of the row (an outcome, a status) or a bar's tone
    value: float


@dataclass(frozen=True, slots=True)
class BarRow:
    y: float  # the row's top
    label: object
    text: str  # written after the bar: its total, or the figure it stands for
    text_x: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class BarPlot:
    """Horizontal bars, one a row, each split into parts (one part: a plain bar)."""

    width: int
    height: int
    bars: tuple[BarRow, ...]
    label_width: int = LABELS


Values = Sequence[float | None]


def percent_columns(groups: Sequence[tuple[object, Values]], *, width: int = NARROW,
                    labels: int = MAX_LABELS) -> PercentPlot:
    """Side-by-side columns, one per series, for each category (`labels` of them labelled at
    most)."""
    categories = _categories([label for label, _ in groups], width, labels)
    step = _step(len(groups), width)
    series = max((len(values) for _, values in groups), default=1)
    each = min(step * 0.8 / max(series, 1), MAX_COLUMN)
    columns = tuple(
        Column(x=round(category.x - each * series / 2 + i * each, 2), y=_y(value),
               width=round(each, 2), height=round(_y(0) - _y(value), 2), series=i, value=value,
               category=n)
        for n, (category, (_, values)) in enumerate(zip(categories, groups, strict=True))
        for i, value in enumerate(values) if value is not None)
    return PercentPlot(width, HEIGHT, _ticks(), categories, columns=columns,
                       right=width - RIGHT)


def percent_lines(points: Sequence[tuple[object, Values]], *, width: int = WIDE,
                  labels: int = MAX_LABELS) -> PercentPlot:
    """A line per series across the categories, broken where a figure is missing (`labels` of
    the categories labelled at most)."""
    categories = _categories([label for label, _ in points], width, labels)
    series = max((len(values) for _, values in points), default=0)
    lines, dots = [], []
    for i in range(series):
        run: list[str] = []
        for n, (category, (_, values)) in enumerate(zip(categories, points, strict=True)):
            value = values[i] if i < len(values) else None
            if value is None:
                lines += [Line(i, " ".join(run))] if len(run) > 1 else []
                run = []
                continue
            run.append(f"{category.x},{_y(value)}")
            dots.append(Dot(category.x, _y(value), i, value, n))
        lines += [Line(i, " ".join(run))] if len(run) > 1 else []
    return PercentPlot(width, HEIGHT, _ticks(), categories, lines=tuple(lines), dots=tuple(dots),
                       right=width - RIGHT)


def stacked_bars(rows: Sequence[tuple[object, Sequence[tuple[str, float]]]], *,
                 width: int = WIDE, labels: int = LABELS, maximum: float | None = None,
                 texts: Sequence[str] | None = None) -> BarPlot:
    """A bar per row, split into its parts in order, as long as its sum against `maximum`
    (the longest row's sum when not given); after it, its text (`texts`, one a row) or its
    sum."""
    top = maximum or max((sum(n for _, n in parts) for _, parts in rows), default=0) or 1
    room = width - labels - RIGHT - (TEXT_ROOM if texts is not None else TOTAL_ROOM)
    bars = []
    for index, (label, parts) in enumerate(rows):
        x, segments = float(labels), []
        for part, n in parts:
            if n > 0:
                length = round(room * min(n, top) / top, 2)
                segments.append(Segment(round(x, 2), length, part, n))
                x += length
        text = texts[index] if texts is not None else _number(sum(n for _, n in parts))
        bars.append(BarRow(index * ROW_HEIGHT + 4, label, text, round(x + 6, 2),
                           tuple(segments)))
    return BarPlot(width, max(len(rows), 1) * ROW_HEIGHT + 8, tuple(bars), label_width=labels)


def _categories(labels: Sequence[object], width: int, most: int) -> tuple[Category, ...]:
    step = _step(len(labels), width)
    every = max(1, -(-len(labels) // most))
    return tuple(Category(round(LEFT + step * (i + 0.5), 2), label,
                          shown=i % every == 0)
                 for i, label in enumerate(labels))


def _step(count: int, width: int) -> float:
    return (width - LEFT - RIGHT) / max(count, 1)


def _y(percent: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(max(percent, 0.0), 100.0) / 100), 2)


def _ticks() -> tuple[Tick, ...]:
    return tuple(Tick(_y(p), p) for p in (0, 25, 50, 75, 100))


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"
