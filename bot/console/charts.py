"""Charts for console pages: inline SVG drawn on the server, no script and no CDN.

Each chart scales to its container through its viewBox (a 390 px phone as a wide screen), is
an image with its title for screen readers (`role="img"`, `aria-label`) and carries every
bar's label and value as a `<title>`, so nothing is shown by colour or length alone; the page
beside it offers the same figures as CSV. Colours are the stylesheet's (`.chart .bar`, `.warn`,
`.bad`), so they follow the console's theme and contrast. Templates call them as globals:
`{{ bar_chart(bars, title=_("...")) }}`, `{{ column_chart(bars, title=_("...")) }}`.
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
