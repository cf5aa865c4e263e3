"""Accessible SVG bar charts drawn at build time: a title, a description, no script."""

from __future__ import annotations

from markupsafe import Markup, escape

# Each row: the label on one line, the bar with its value below it. Narrow enough to stay
# readable on a phone without scrolling.
ROW = 46
WIDTH = 400
BAR_WIDTH = 340


def bar_chart(chart_id: str, title: str, description: str, rows: list[tuple[str, int]]) -> Markup:
    """A horizontal bar chart; the page puts a table with the same numbers beside it."""
    top = max((value for _, value in rows), default=0) or 1
    height = ROW * len(rows) + 4
    width = WIDTH
    parts = [
        f'<svg class="cjg-chart" role="img" aria-labelledby="{chart_id}-titel {chart_id}-beschrijving" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-titel">{escape(title)}</title>',
        f'<desc id="{chart_id}-beschrijving">{escape(description)}</desc>',
    ]
    for index, (name, value) in enumerate(rows):
        y = index * ROW
        bar = round(BAR_WIDTH * value / top)
        parts += [
            f'<text x="0" y="{y + 16}" class="cjg-chart__label">{escape(name)}</text>',
            f'<rect x="0" y="{y + 22}" width="{bar}" height="16" class="cjg-chart__bar"/>',
            f'<text x="{bar + 6}" y="{y + 36}" class="cjg-chart__value">{value}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))
