"""Bar chart, grouped when there are several series (e.g. 2019 against 2021 per target group).

Bars stand upright while the category names fit under them (wrapped); when a
single word is wider than its slot, the bars lie down so every name is readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData
from briefing.danish.typeset import text_width_pt
from briefing.charts.labels import declutter, keep_legend_inside, thin_ticks
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    category_colors,
    legend_above,
    row_names,
    series_colors,
    style_value_axis,
    value_text,
    wrap_label,
)

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

GROUP = 0.8  # share of a category slot taken by its bars


def draw_bar(figure, data: ChartData, theme: ThemeSpec) -> None:
    ax = figure.add_subplot(1, 1, 1)
    sorted_rows = data.variant == "sorteret"  # many long names (facts sorted them): a ranked layout
    horizontal = sorted_rows or not _fits_upright(data, figure.get_figwidth())
    n_cat, n_ser = len(data.categories), len(data.series)
    width = GROUP / n_ser
    colors = series_colors(data.series, theme)
    per_bar = category_colors(data, theme) if n_ser == 1 else None
    values = [v for s in data.series for v in s.values if v is not None]
    top, bottom = max(values + [0]), min(values + [0])
    span = (top - bottom) or 1
    positions = list(range(n_cat))[::-1] if horizontal else list(range(n_cat))
    labels, priority, owners = [], [], []
    for i, (series, color) in enumerate(zip(data.series, colors)):
        shift = -GROUP / 2 + width * (i + 0.5)
        offsets = [p - shift if horizontal else p + shift for p in positions]
        heights = [0 if v is None else v for v in series.values]
        fill = per_bar or [color] * n_cat
        draw = ax.barh if horizontal else ax.bar
        size_kw = {"height": width * 0.92} if horizontal else {"width": width * 0.92}
        bars = draw(offsets, heights, color=fill, label=series.name, zorder=2, **size_kw)
        # The own municipality's (or latest period's) numbers are the last to be left out when labels crowd.
        weight = 2 if series.role in ("own", "latest") else 1 if i == n_ser - 1 else 0
        for bar, value, at in zip(bars, series.values, offsets):
            if value is None:
                bar.set_visible(False)  # a gap, never a zero bar
                labels.append(_label(ax, at, span * 0.01, "–", horizontal, theme.colors.muted, 1))
                priority.append(3e12)
            elif data.show_labels:
                direction = 1 if value >= 0 else -1
                labels.append(_label(ax, at, value + direction * span * 0.01, value_text(value, data), horizontal,
                                     theme.colors.text, direction))
                priority.append(weight * 1e12 + abs(value))
            else:
                continue
            owners.append(bar)
    style_value_axis(ax, data, theme, horizontal)
    low = bottom * 1.15 if bottom < 0 else 0
    high = top * (1.15 if horizontal else 1.12) if top > 0 else span * 0.1
    slot = figure.get_figwidth() * 0.85 / max(n_cat, 1)
    tick_pt, names = _horizontal_names(data.categories, figure, theme.sizes.minimum if sorted_rows else 6,
                                       legend_rows=1 if n_ser > 1 else 0) if horizontal else \
        (TICK_PT, [wrap_label(c, slot) for c in data.categories])
    if horizontal:
        ax.set_xlim(low, high)
        ax.set_yticks(positions)
        ax.set_yticklabels(names, fontsize=tick_pt)
        ax.set_ylim(-0.6, n_cat - 0.4)
    else:
        ax.set_ylim(low, high)
        ax.set_xticks(positions)
        ax.set_xticklabels(names, fontsize=TICK_PT)
        ax.set_xlim(-0.6, n_cat - 0.4)
    if n_ser > 1:
        from matplotlib.patches import Patch

        # A swatch per series of its own: the legend would copy a series' first bar, hidden when its value is missing.
        handles = [Patch(facecolor=color) for color in colors[:n_ser]]
        legend_labels = [series.name for series in data.series]

        def rebuild(ncol: int) -> None:
            legend_above(ax, handles, legend_labels, figure.get_figwidth() - 0.2, ncol=ncol)

        legend_above(ax, handles, legend_labels, figure.get_figwidth() - 0.2)
        figure.tight_layout(pad=0.4)
        keep_legend_inside(figure, ax, lambda: figure.tight_layout(pad=0.4), rebuild)
    else:
        figure.tight_layout(pad=0.4)
    thin_ticks(figure, "x" if horizontal else "y")
    declutter(figure, labels, priority, owners)


def _fits_upright(data: ChartData, figure_width_in: float) -> bool:
    """True when the longest word of every category name fits its slot under upright bars."""
    slot_pt = figure_width_in * 0.85 * 72 / max(len(data.categories), 1)
    longest = max((text_width_pt(w, TICK_PT) for c in data.categories for w in c.split()), default=0)
    lines = max((len(wrap_label(c, slot_pt / 72).split("\n")) for c in data.categories), default=1)
    return longest <= slot_pt * 0.95 and lines <= 3


def _horizontal_names(categories: tuple[str, ...], figure, smallest: float = 6,
                      legend_rows: int = 0) -> tuple[float, list[str]]:
    """Category names beside lying bars (see base.row_names), on lines up to 45 % of the picture's width."""
    widths = (3.2, max(3.2, min(5.0, figure.get_figwidth() * 0.45)))
    return row_names(categories, figure, widths, smallest, legend_rows)


def _label(ax, at: float, value: float, text: str, horizontal: bool, color: str, direction: int):
    if horizontal:
        return ax.text(value, at, f" {text} " if text != "–" else " –", ha="left" if direction > 0 else "right", va="center",
                fontsize=LABEL_PT, color=color, zorder=3)
    else:
        return ax.text(at, value, text, ha="center", va="bottom" if direction > 0 else "top", fontsize=LABEL_PT, color=color, zorder=3)
