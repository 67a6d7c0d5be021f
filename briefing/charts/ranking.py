"""Ranking: horizontal bars sorted by value, the own municipality in the highlight colour.

The order is computed in facts (the alt text reads it too); this module only draws it,
first category at the top. Region and country are vertical reference lines named in a
legend (so their labels cannot collide with bars), or dark bars of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData, RankingOptions
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    clean_axes,
    danish_ticks,
    halo,
    legend_above,
    place_color,
    readable_text,
    tick_labels_width_in,
    value_text,
    wrap_label,
)

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

BAR = 0.68  # share of a row taken by its bar
REFERENCE_STYLE = {"region": "-", "country": (0, (5, 3))}  # solid and dashed: told apart without colour


def draw_ranking(figure, data: ChartData, theme: ThemeSpec) -> None:
    ax = figure.add_subplot(1, 1, 1)
    options: RankingOptions = data.options or RankingOptions()
    values = data.series[0].values
    n = len(data.categories)
    rows = list(range(n))[::-1]  # first category on top
    colors = [place_color(role, theme) for role in data.category_roles]
    known = [v for v in values if v is not None] + [r.value for r in options.references if r.value is not None]
    top, bottom = max(known + [0]), min(known + [0])
    span = (top - bottom) or 1
    bars = ax.barh(rows, [v or 0 for v in values], height=BAR, color=colors, zorder=2)
    for bar, value, row, role in zip(bars, values, rows, data.category_roles):
        bold = "bold" if role == "own" else "normal"
        if value is None:
            bar.set_visible(False)  # a gap, never a zero bar
            ax.text(span * 0.01, row, " –", va="center", ha="left", fontsize=LABEL_PT, color=theme.colors.muted, zorder=3)
        elif data.show_labels:
            inside = value < 0
            ax.annotate(value_text(value, data), (value, row), xytext=(-5 if inside else 5, 0), textcoords="offset points",
                        va="center", ha="right" if inside else "left", fontsize=LABEL_PT, color=theme.colors.text,
                        fontweight=bold, zorder=5, bbox=halo(theme))
    names = [wrap_label(c, min(3.2, figure.get_figwidth() * 0.3)) for c in data.categories]
    _reference_lines(ax, data, options, theme, figure.get_figwidth() - tick_labels_width_in(names) - 0.2)
    clean_axes(ax, theme, keep=("left",))
    danish_ticks(ax.xaxis)
    ax.grid(axis="x", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)
    ax.set_xlim(bottom * 1.15 if bottom < 0 else 0, top * 1.15 if top > 0 else span * 0.1)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_yticks(rows)
    ax.set_yticklabels(names, fontsize=TICK_PT)
    for label, role in zip(ax.get_yticklabels(), data.category_roles):
        if role == "own":  # bold as well as coloured: colour is never the only cue
            label.set_fontweight("bold")
            label.set_color(readable_text(theme.colors.highlight, theme))
    figure.tight_layout(pad=0.4)


def _reference_lines(ax, data: ChartData, options: RankingOptions, theme: ThemeSpec, width_in: float) -> None:
    from matplotlib.lines import Line2D

    handles, labels = [], []
    for reference in options.references:
        style = dict(color=place_color(reference.role, theme), linewidth=2.2,
                     linestyle=REFERENCE_STYLE.get(reference.role, ":"))
        if reference.value is None:  # named in the legend with a dash, but no line: there is no value
            handles.append(Line2D([], [], **style))
            labels.append(f"{reference.name}: –")
            continue
        handles.append(ax.axvline(reference.value, zorder=4, **style))
        labels.append(f"{reference.name}: {value_text(reference.value, data)}")
    if handles:
        legend_above(ax, handles, labels, width_in, handle_length=2.6)
