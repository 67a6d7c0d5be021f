"""Ranking: horizontal bars sorted by value, the own municipality in the highlight colour.

The order is computed in facts (the alt text reads it too); this module only draws it,
first category at the top. Region and country are vertical reference lines named in a
legend (so their labels cannot collide with bars), or dark bars of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData, RankingOptions
from briefing.charts.labels import declutter, make_room, thin_ticks
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    clean_axes,
    danish_ticks,
    halo,
    legend_above,
    place_color,
    readable_text,
    row_names,
    text_on,
    tick_labels_width_in,
    value_text,
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
    labels, priority, owners = [], [], []
    for rank, (bar, value, row, role) in enumerate(zip(bars, values, rows, data.category_roles)):
        bold = "bold" if role == "own" else "normal"
        if value is None:
            bar.set_visible(False)  # a gap, never a zero bar
            label = ax.text(span * 0.01, row, " –", va="center", ha="left", fontsize=LABEL_PT, color=theme.colors.muted,
                            zorder=3)
            weight = 4
        elif data.show_labels:
            inside = value < 0
            label = ax.annotate(value_text(value, data), (value, row), xytext=(-5 if inside else 5, 0),
                                textcoords="offset points", va="center", ha="right" if inside else "left",
                                fontsize=LABEL_PT, color=theme.colors.text, fontweight=bold, zorder=5, bbox=halo(theme))
            # kept first: the own municipality, then the two ends of the ranking, then from the top down
            weight = 3 if role == "own" else 2 if rank in (0, n - 1) else 1
        else:
            continue
        labels.append(label)
        priority.append(weight - rank / (n + 1))
        owners.append(bar)
    name_pt, names = row_names(data.categories, figure, (min(3.2, figure.get_figwidth() * 0.3),),
                               legend_rows=1 if options.references else 0)
    _reference_lines(ax, data, options, theme, figure.get_figwidth() - tick_labels_width_in(names) - 0.2)
    clean_axes(ax, theme, keep=("left",))
    danish_ticks(ax.xaxis)
    ax.grid(axis="x", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)
    ax.set_xlim(bottom * 1.15 if bottom < 0 else 0, top * 1.15 if top > 0 else span * 0.1)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_yticks(rows)
    ax.set_yticklabels(names, fontsize=name_pt)
    for label, role in zip(ax.get_yticklabels(), data.category_roles):
        if role == "own":  # bold as well as coloured: colour is never the only cue
            label.set_fontweight("bold")
            label.set_color(readable_text(theme.colors.highlight, theme))
    figure.tight_layout(pad=0.4)
    make_room(figure, ax, labels)
    thin_ticks(figure, "x")
    lines = [line for line in ax.lines if getattr(line, "briefing_reference", False)]
    _clear_of_lines(figure, labels, owners, lines, theme)
    declutter(figure, labels, priority, owners, avoid=lines)


def _clear_of_lines(figure, labels, bars, lines, theme: ThemeSpec) -> None:
    """A value label a reference line runs through moves: inside its bar's end where the bar is long enough,
    else just past the line; where neither is free, declutter leaves it out."""
    from matplotlib.colors import to_hex

    from briefing.charts.labels import _boxes_overlap, _extent, _inside

    if not lines:
        return
    renderer = figure.canvas.get_renderer()
    crossing = [_extent(line, renderer) for line in lines]

    def free(label) -> bool:
        box = _extent(label, renderer)
        return _inside(box, figure.bbox) and not any(_boxes_overlap(box, c, 0) for c in crossing)

    for label, bar in zip(labels, bars):
        if not hasattr(label, "xyann") or free(label):
            continue
        value, row = label.xy
        right = value >= 0
        bar_color = text_on(to_hex(bar.get_facecolor()), theme)
        places = [(value, -5, bar_color, None)] if bar.get_window_extent(renderer).width > \
            _extent(label, renderer).width + 12 else []
        places += [(x, 5, theme.colors.text, halo(theme)) for x in sorted(
            (line.get_xdata()[0] for line in lines), reverse=not right) if (x > value if right else x < value)]
        for at, offset, color, patch in places:
            label.xy = (at, row)
            label.xyann = (offset if right else -offset, 0)
            label.set_ha("left" if (offset > 0) == right else "right")
            label.set_color(color)
            label.set_bbox(patch)
            if free(label):
                break
        else:  # nowhere free: back at the bar's end, for declutter to leave out
            label.xy, label.xyann = (value, row), (5 if right else -5, 0)
            label.set_ha("left" if right else "right")
            label.set_color(theme.colors.text)
            label.set_bbox(halo(theme))


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
        line = ax.axvline(reference.value, zorder=4, **style)
        line.briefing_reference = True  # value labels keep clear of it (charts.labels)
        handles.append(line)
        labels.append(f"{reference.name}: {value_text(reference.value, data)}")
    if handles:
        legend_above(ax, handles, labels, width_in, handle_length=2.6)
