"""Charts for console pages: inline SVG drawn on the server, no script and no CDN.

Two ways in, one module. `bar_chart` and `column_chart` return the SVG itself, for a plain
list of figures: each chart scales to its container through its viewBox (a 390 px phone as a
wide screen), is an image with its title for screen readers (`role="img"`, `aria-label`) and
carries every bar's label and value as a `<title>`, so nothing is shown by colour or length
alone; the page beside it offers the same figures as CSV. Colours are the stylesheet's
(`.chart .bar`, `.warn`, `.bad`). Templates call them as globals:
`{{ bar_chart(bars, title=_("...")) }}`, `{{ column_chart(bars, title=_("...")) }}`.

`percent_columns`, `percent_lines` and `stacked_bars` return shapes for
`templates/_charts.html` to draw, for charts with more than one series (the Trends page's
rates, messages by outcome): percentages run 0-100 up the side, categories (days, weeks, year
groups) along the bottom, oldest first, and a missing figure (no session that day, nobody
asked) leaves a gap, never a zero. The template adds the words, a title and description, a
legend and the figures as a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

ROW, LABEL_WIDTH, WIDTH = 22, 200, 520  # bar_chart: px a row, of the labels, in all
COLUMNS_HEIGHT = 160  # column_chart's drawing height
LABEL_CHARACTERS = 30  # a longer label is cut (whole in its <title>)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: what it is, how long it is, what is written beside it, and its tone ("",
    "warn" or "bad": the stylesheet's colour for a figure that needs attention)."""

    label: str
    value: float
    text: str = ""
    tone: str = ""


def bar_chart(bars: Sequence[Bar], *, title: str, maximum: float | None = None) -> Markup:
    """Horizontal bars, one a row: the label on the left, the bar, its text on the right.
    Bars are drawn against `maximum` (the longest bar when not given)."""
    top = maximum or max((bar.value for bar in bars), default=0.0) or 1.0
    span = WIDTH - LABEL_WIDTH - 110  # room for the text beside the longest bar
    height = ROW * max(len(bars), 1)
    rows = []
    for n, bar in enumerate(bars):
        y = n * ROW
        length = max(0.0, min(bar.value, top)) / top * span
        rows.append(
            f'<g class="row"><title>{escape(bar.label)}: {escape(bar.text or _number(bar.value))}'
            f'</title><text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">'
            f'{escape(_cut(bar.label))}</text>'
            f'<rect class="bar {escape(bar.tone)}" x="{LABEL_WIDTH}" y="{y + 4}" '
            f'width="{length:.1f}" height="{ROW - 8}"/>'
            f'<text x="{LABEL_WIDTH + length + 6:.1f}" y="{y + 15}">'
            f'{escape(bar.text or _number(bar.value))}</text></g>')
    return _svg(title, WIDTH, height, rows)


def column_chart(bars: Sequence[Bar], *, title: str, maximum: float | None = None) -> Markup:
    """Vertical bars side by side, for figures over time (a week, a day): the text above
    each, its label below."""
    top = maximum or max((bar.value for bar in bars), default=0.0) or 1.0
    step = WIDTH / max(len(bars), 1)
    rows = []
    for n, bar in enumerate(bars):
        length = max(0.0, min(bar.value, top)) / top * (COLUMNS_HEIGHT - 20)
        x = n * step
        rows.append(
            f'<g class="row"><title>{escape(bar.label)}: {escape(bar.text or _number(bar.value))}'
            f'</title><rect class="bar {escape(bar.tone)}" x="{x + step * 0.15:.1f}" '
            f'y="{COLUMNS_HEIGHT - length:.1f}" width="{step * 0.7:.1f}" height="{length:.1f}"/>'
            f'<text x="{x + step / 2:.1f}" y="{COLUMNS_HEIGHT - length - 4:.1f}" '
            f'text-anchor="middle">{escape(bar.text or _number(bar.value))}</text>'
            f'<text x="{x + step / 2:.1f}" y="{COLUMNS_HEIGHT + 16}" text-anchor="middle">'
            f'{escape(_cut(bar.label, 12))}</text></g>')
    return _svg(title, WIDTH, COLUMNS_HEIGHT + 22, rows)


def _svg(title: str, width: int, height: int, rows: list[str]) -> Markup:
    return Markup(f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
                  f'aria-label="{escape(title)}" width="100%" '
                  f'preserveAspectRatio="xMinYMin meet"><title>{escape(title)}</title>'
                  + "".join(rows) + "</svg>")


def _cut(label: str, characters: int = LABEL_CHARACTERS) -> str:
    return label if len(label) <= characters else label[:characters - 1] + "…"


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


# Shapes for templates/_charts.html: multi-series percentages and stacked bars.

WIDE, NARROW, HEIGHT = 900, 440, 240  # the viewBox: text 11 units tall reads at about 11 px
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 40
ROW_HEIGHT = 26  # one horizontal bar's height, with its gap (stacked_bars)
LABELS = 300  # the room a stacked bar's label has on its left
MAX_LABELS = 12  # category labels along the bottom: every nth beyond this many
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


@dataclass(frozen=True, slots=True)
class Segment:
    x: float
    width: float
    part: str  # which part of the row (an outcome)
    value: int


@dataclass(frozen=True, slots=True)
class BarRow:
    y: float  # the row's top
    label: object
    total: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class BarPlot:
    """Horizontal bars, one a row, each split into parts (one part: a plain bar)."""

    width: int
    height: int
    bars: tuple[BarRow, ...]
    label_width: int = LABELS


Values = Sequence[float | None]


def percent_columns(groups: Sequence[tuple[object, Values]], *,
                    width: int = NARROW) -> PercentPlot:
    """Side-by-side columns, one per series, for each category."""
    categories = _categories([label for label, _ in groups], width)
    step = _step(len(groups), width)
    series = max((len(values) for _, values in groups), default=1)
    each = min(step * 0.8 / max(series, 1), MAX_COLUMN)
    columns = tuple(
        Column(x=round(category.x - each * series / 2 + i * each, 2), y=_y(value),
               width=round(each, 2), height=round(_y(0) - _y(value), 2), series=i, value=value)
        for category, (_, values) in zip(categories, groups, strict=True)
        for i, value in enumerate(values) if value is not None)
    return PercentPlot(width, HEIGHT, _ticks(), categories, columns=columns)


def percent_lines(points: Sequence[tuple[object, Values]], *, width: int = WIDE) -> PercentPlot:
    """A line per series across the categories, broken where a figure is missing."""
    categories = _categories([label for label, _ in points], width)
    series = max((len(values) for _, values in points), default=0)
    lines, dots = [], []
    for i in range(series):
        run: list[str] = []
        for category, (_, values) in zip(categories, points, strict=True):
            value = values[i] if i < len(values) else None
            if value is None:
                lines += [Line(i, " ".join(run))] if len(run) > 1 else []
                run = []
                continue
            run.append(f"{category.x},{_y(value)}")
            dots.append(Dot(category.x, _y(value), i, value))
        lines += [Line(i, " ".join(run))] if len(run) > 1 else []
    return PercentPlot(width, HEIGHT, _ticks(), categories, lines=tuple(lines), dots=tuple(dots))


def stacked_bars(rows: Sequence[tuple[object, Sequence[tuple[str, int]]]], *,
                 width: int = WIDE) -> BarPlot:
    """A bar per row, as long as the longest row allows, split into its parts in order."""
    top = max((sum(n for _, n in parts) for _, parts in rows), default=0) or 1
    room = width - LABELS - RIGHT - 40  # and the total's figure after the bar
    bars = []
    for index, (label, parts) in enumerate(rows):
        x, segments = float(LABELS), []
        for part, n in parts:
            if n:
                length = round(room * n / top, 2)
                segments.append(Segment(round(x, 2), length, part, n))
                x += length
        total = sum(n for _, n in parts)
        bars.append(BarRow(index * ROW_HEIGHT + 4, label, total, tuple(segments)))
    return BarPlot(width, max(len(rows), 1) * ROW_HEIGHT + 8, tuple(bars))


def _categories(labels: Sequence[object], width: int) -> tuple[Category, ...]:
    step = _step(len(labels), width)
    every = max(1, -(-len(labels) // MAX_LABELS))
    return tuple(Category(round(LEFT + step * (i + 0.5), 2), label,
                          shown=i % every == 0)
                 for i, label in enumerate(labels))


def _step(count: int, width: int) -> float:
    return (width - LEFT - RIGHT) / max(count, 1)


def _y(percent: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(max(percent, 0.0), 100.0) / 100), 2)


def _ticks() -> tuple[Tick, ...]:
    return tuple(Tick(_y(p), p) for p in (0, 25, 50, 75, 100))
