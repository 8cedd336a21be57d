"""The daily trend chart as an SVG document drawn on the server: no script, no CDN.

Plain Python (no Flask): a list of days and their rates in, markup out. Every text that
reaches the markup is escaped.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape as _escape

WIDTH, HEIGHT = 880, 300
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 48, 16, 16, 56
GRID_STEPS = 4
"""Horizontal grid lines at 0, 25, 50, 75 and 100 %."""
MAX_X_LABELS = 10
VOLUME_SHARE = 0.25
"""The asks-per-day bars fill at most this share of the plot's height, under the lines."""


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML cannot hold at all, escaped or not."""


def escape(text: str) -> str:
    """Text safe inside an SVG element or attribute (escaped, and XML's forbidden characters dropped)."""
    return _escape(_NOT_XML.sub("", text))


@dataclass(frozen=True)
class Series:
    """One line: a name for the legend, a CSS class for its colour, a rate (0..1) or None per day."""

    name: str
    css_class: str
    values: Sequence[float | None]


def trend_svg(days: Sequence[str], series: Sequence[Series], volume: Sequence[int], title: str) -> str:
    """Lines of rates per day over faint bars of daily volume; gaps where a day has no data."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_w / max(len(days) - 1, 1)

    def x(i: int) -> float:
        return MARGIN_LEFT + (i * step if len(days) > 1 else plot_w / 2)

    def y(rate: float) -> float:
        return MARGIN_TOP + plot_h * (1 - rate)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="trend-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" aria-labelledby="trend-title"><title id="trend-title">{escape(title)}</title>']
    for k in range(GRID_STEPS + 1):
        level = k / GRID_STEPS
        parts.append(f'<line class="grid" x1="{MARGIN_LEFT}" x2="{WIDTH - MARGIN_RIGHT}" '
                     f'y1="{y(level):.1f}" y2="{y(level):.1f}"/>'
                     f'<text class="axis" x="{MARGIN_LEFT - 6}" y="{y(level) + 4:.1f}" text-anchor="end">'
                     f'{round(level * 100)}%</text>')
    peak = max(volume, default=0)
    bar_w = max(min(step * 0.6, 24.0), 2.0)
    for i, count in enumerate(volume):
        if count and peak:
            height = plot_h * VOLUME_SHARE * count / peak
            parts.append(f'<rect class="volume" x="{x(i) - bar_w / 2:.1f}" y="{MARGIN_TOP + plot_h - height:.1f}" '
                         f'width="{bar_w:.1f}" height="{height:.1f}"><title>{escape(days[i])}: {count} asks</title></rect>')
    every = max(1, -(-len(days) // MAX_X_LABELS))
    for i, day in enumerate(days):
        if i % every == 0 or i == len(days) - 1:
            parts.append(f'<text class="axis" x="{x(i):.1f}" y="{HEIGHT - MARGIN_BOTTOM + 18}" '
                         f'text-anchor="middle">{escape(day[5:])}</text>')
    for line in series:
        parts.extend(_line(line, x, y))
    parts.extend(_legend(series))
    parts.append("</svg>")
    return "".join(parts)


def _line(line: Series, x, y) -> list[str]:
    """A polyline per run of days with data (no line is drawn across a day without any), and a dot per day."""
    runs: list[list[tuple[float, float]]] = [[]]
    dots = []
    for i, value in enumerate(line.values):
        if value is None:
            runs.append([])
            continue
        runs[-1].append((x(i), y(value)))
        dots.append(f'<circle class="dot {escape(line.css_class)}" cx="{x(i):.1f}" cy="{y(value):.1f}" r="3">'
                    f'<title>{escape(line.name)}: {value:.0%}</title></circle>')
    paths = [f'<polyline class="line {escape(line.css_class)}" points="'
             + " ".join(f"{px:.1f},{py:.1f}" for px, py in run) + '"/>' for run in runs if len(run) > 1]
    return paths + dots


def _legend(series: Sequence[Series]) -> list[str]:
    parts = []
    left = MARGIN_LEFT
    for line in series:
        parts.append(f'<rect class="swatch {escape(line.css_class)}" x="{left}" y="{HEIGHT - 22}" width="14" height="4"/>'
                     f'<text class="legend" x="{left + 20}" y="{HEIGHT - 16}">{escape(line.name)}</text>')
        left += 28 + 8 * len(line.name)
    return parts
