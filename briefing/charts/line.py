"""Lines over periods (quarters, months, years), one per place; the own municipality emphasised.

Lines are named at their right end instead of in a legend, so the eye does not have
to travel; the end labels are spread apart so they never overlap. A missing value
breaks the line (a gap), and every value has a marker so a lone value between two
gaps still shows.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData, Series
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    axes_size_pt,
    clean_axes,
    danish_ticks,
    readable_text,
    spread,
    value_text,
    wrap_label,
)

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

MIN_TICK_SLOT_IN = 0.85  # narrower slots than this show every second (third, ...) period


def line_style(series: Series, theme: ThemeSpec, other: str) -> dict:
    """Line look per role: own municipality thick in the highlight colour, references dark and dashed."""
    c = theme.colors
    styles = {
        "own": dict(color=c.highlight, linewidth=3.6, marker="o", markersize=7, zorder=5),
        "region": dict(color=c.reference, linewidth=2.2, linestyle="--", marker="s", markersize=5, zorder=4),
        "country": dict(color=c.muted, linewidth=2.2, linestyle=":", marker="D", markersize=5, zorder=4),
    }
    return styles.get(series.role, dict(color=other, linewidth=2.0, marker="o", markersize=4.5, zorder=3))


def draw_line(figure, data: ChartData, theme: ThemeSpec) -> None:
    ax = figure.add_subplot(1, 1, 1)
    x = list(range(len(data.categories)))
    # Other places take the palette in turn, blue first; the highlight and reference colours stay reserved.
    palette = itertools.cycle(dict.fromkeys([theme.colors.accent, *theme.colors.series[2:], *theme.colors.series]))
    styles = [line_style(s, theme, next(palette) if s.role not in ("own", "region", "country") else "") for s in data.series]
    for series, style in zip(data.series, styles):
        ax.plot(x, [math.nan if v is None else v for v in series.values], label=series.name, **style)
    clean_axes(ax, theme, keep=("bottom",))
    danish_ticks(ax.yaxis)
    ax.grid(axis="y", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_ylabel(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)
    _value_limits(ax, data)
    _period_ticks(ax, data, figure.get_figwidth())
    labels = _end_labels(ax, data, styles, theme) if data.show_labels else []
    if not data.show_labels:
        ax.legend(frameon=False, fontsize=TICK_PT, loc="best")
    figure.tight_layout(pad=0.4)
    if labels and not (_room_for_end_labels(figure, ax, labels) and _spread_labels(ax, labels)):
        _legend_instead(figure, ax, labels)
    _thin_periods(figure, ax, data)


def _room_for_end_labels(figure, ax, labels: list) -> bool:
    """Narrow the axes so the end labels end inside the picture; False when the lines would keep less than half
    the picture's width (the names then go in a legend)."""
    from briefing.charts.labels import _extent

    renderer = figure.canvas.get_renderer()
    if ax.get_position().width < 0.5:  # the layout already gave the names too much
        return False
    for _ in range(3):
        reach = max(_extent(label, renderer).x1 for label in labels)
        over = reach - (figure.bbox.x1 - 3)
        if over <= 0:
            return True
        box = ax.get_position()
        right = box.x1 - over / figure.bbox.width
        if right - box.x0 < 0.5:
            return False
        figure.subplots_adjust(right=right)
    return max(_extent(label, renderer).x1 for label in labels) <= figure.bbox.x1 - 2


def _legend_instead(figure, ax, labels: list) -> None:
    """Too many or too long names for the line ends: name the lines in a legend above the chart."""
    from briefing.charts.base import legend_above
    from briefing.charts.labels import keep_legend_inside

    for label in labels:
        label.remove()
    lines = [line for line in ax.lines if not line.get_label().startswith("_")]
    names = [line.get_label() for line in lines]
    width = figure.get_figwidth() - 0.2
    legend_above(ax, lines, names, width, handle_length=2.6)
    figure.subplots_adjust(right=0.95)
    figure.tight_layout(pad=0.4)
    keep_legend_inside(figure, ax, lambda: figure.tight_layout(pad=0.4),
                       lambda ncol: legend_above(ax, lines, names, width, handle_length=2.6, ncol=ncol))


def _value_limits(ax, data: ChartData) -> None:
    values = [v for s in data.series for v in s.values if v is not None] or [0]
    low, high = min(values), max(values)
    bottom = 0 if low >= 0 else low * 1.15  # shares and counts start at zero, so levels are not exaggerated
    ax.set_ylim(bottom, high * 1.12 if high > 0 else (high - bottom) * 0.1 or 1)
    ax.set_xlim(-0.3, len(data.categories) - 0.7)


def _period_ticks(ax, data: ChartData, width_in: float, step: int = 0) -> int:
    n = len(data.categories)
    slot = width_in * 0.75 / max(n, 1)
    step = max(step, 1, math.ceil(MIN_TICK_SLOT_IN / slot))
    # Thin from the end, so the latest period always has its label.
    shown = [i for i in range(n) if (n - 1 - i) % step == 0]
    ax.set_xticks(shown)
    ax.set_xticklabels([wrap_label(data.categories[i], slot * step) for i in shown], fontsize=TICK_PT)
    return step


def _thin_periods(figure, ax, data: ChartData) -> None:
    """After layout (the end labels may have narrowed the axes): every second, third ... period named until no
    two names touch, the latest always."""
    from briefing.charts.labels import _boxes_overlap

    renderer = figure.canvas.get_renderer()
    step = _period_ticks(ax, data, figure.get_figwidth())  # the step the chart was drawn with
    for _ in range(len(data.categories)):
        boxes = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
        if not any(_boxes_overlap(a, b, -4) for a, b in zip(boxes, boxes[1:])):
            return
        step = _period_ticks(ax, data, figure.get_figwidth(), step + 1)


def _end_labels(ax, data: ChartData, styles: list[dict], theme: ThemeSpec) -> list:
    """Name and latest value at the right end of every line (the last known value if the latest is missing)."""
    from matplotlib.transforms import blended_transform_factory

    transform = blended_transform_factory(ax.transAxes, ax.transData)
    labels = []
    for series, style in zip(data.series, styles):
        known = [v for v in series.values if v is not None]
        if not known:
            continue
        latest = series.values[-1]
        text = f"{series.name}: {value_text(latest, data) if latest is not None else '–'}"
        own = series.role == "own"
        label = ax.text(1.02, known[-1], text, transform=transform, ha="left", va="center", fontsize=LABEL_PT,
                        fontweight="bold" if own else "normal", color=readable_text(style["color"], theme),
                        clip_on=False)
        labels.append(label)
    return labels


def _spread_labels(ax, labels: list) -> bool:
    """Move end labels apart vertically so none overlap (needs the final axes height); False when the axes are
    too short to hold them all apart."""
    if len(labels) < 2:
        return True
    _, height_pt = axes_size_pt(ax)
    low, high = ax.get_ylim()
    gap = (high - low) * LABEL_PT * 1.35 / height_pt
    if gap * len(labels) > high - low:
        return False
    ys = spread([label.get_position()[1] for label in labels], gap, low + gap / 2, high - gap / 2)
    for label, y in zip(labels, ys):
        label.set_y(y)
    return True
