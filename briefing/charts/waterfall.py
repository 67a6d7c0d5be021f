"""Waterfall: from today's amount through the effect of each lever to the scenario's amount.

The first and last bars stand on zero (the axis always starts at zero, so a change
looks as big as it is); each lever floats from the running total, a saving going
down and an extra cost going up, joined by thin dashed steps. Labels carry a sign
as well as the colour, so colour is never the only cue. Amounts of a million
kroner or more are shown in `mio. kr.` through the formatting module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.danish import fmt
from briefing.spec.chartdata import ChartData, WaterfallOptions
from briefing.danish.typeset import text_width_pt
from briefing.charts.base import LABEL_PT, TICK_PT, clean_axes, danish_ticks, row_names, value_text, wrap_label
from briefing.charts.labels import declutter, make_room, thin_ticks

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

BAR = 0.62
MIN_TICK_PT = 12  # never smaller on a projector
SCALES = {"mio.": 1_000_000, None: 1}


def draw_waterfall(figure, data: ChartData, theme: ThemeSpec) -> None:
    options: WaterfallOptions = data.options or WaterfallOptions()
    factor = SCALES[options.scale]
    ax = figure.add_subplot(1, 1, 1)
    values = data.series[0].values
    spans = _spans(values, data.category_roles)
    upright = _upright_names(data, figure.get_figwidth())
    horizontal = upright is None  # long single words: the bars lie down, steps read top to bottom
    n = len(data.categories)
    positions = list(range(n))[::-1] if horizontal else list(range(n))
    c = theme.colors
    colors = {"total": c.accent, "down": c.series[2], "up": c.highlight}
    top = max([max(a, b) / factor for a, b, _ in spans if b is not None] + [0])
    bottom = min([min(a, b) / factor for a, b, _ in spans if b is not None] + [0])
    pad = (top - bottom) * 0.01
    marks, priority, owners = [], [], []
    for at, (start, end, kind), value in zip(positions, spans, values):
        if value is None:  # a gap, never a zero bar
            marks.append(_label(ax, at, (start or 0) / factor + pad, "–", horizontal, color=c.muted))
            priority.append(3e12)
            owners.append(None)
            continue
        low, high = sorted((start / factor, end / factor))
        if horizontal:
            bar = ax.barh([at], [high - low], left=[low], height=BAR, color=colors[kind], zorder=2)[0]
        else:
            bar = ax.bar([at], [high - low], bottom=[low], width=BAR, color=colors[kind], zorder=2)[0]
        if data.show_labels:
            marks.append(_label(ax, at, high + pad, _amount(value, kind, options, data), horizontal, color=c.text,
                                 weight="bold" if kind == "total" else "normal"))
            priority.append((2e12 if kind == "total" else 0) + abs(value))  # the totals are left out last
            owners.append(bar)
    _steps(ax, spans, positions, factor, horizontal, theme)
    _axes(ax, data, theme, horizontal, (bottom * 1.15 if bottom < 0 else 0, top * (1.22 if horizontal else 1.14) or 1))
    names, size = upright or row_names(data.categories, figure, (min(3.2, figure.get_figwidth() * 0.3),))[::-1]
    (ax.set_yticks if horizontal else ax.set_xticks)(positions)
    labels = (ax.set_yticklabels if horizontal else ax.set_xticklabels)(names, fontsize=size)
    for label, role in zip(labels, data.category_roles):
        if role == "total":
            label.set_fontweight("bold")
    (ax.set_ylim if horizontal else ax.set_xlim)(-0.6, n - 0.4)
    figure.tight_layout(pad=0.4)
    make_room(figure, ax, marks, "x" if horizontal else "y")
    thin_ticks(figure, "x" if horizontal else "y")
    declutter(figure, marks, priority, owners)


def _upright_names(data: ChartData, width_in: float) -> tuple[list[str], float] | None:
    """Wrapped names and tick size (14 down to 12 pt) at which every word fits under its bar; None if none does."""
    slot_pt = (width_in - 0.9) * 72 / max(len(data.categories), 1)
    words = [w for name in data.categories for w in name.split()]
    for size in (TICK_PT, TICK_PT - 1, MIN_TICK_PT):
        names = [wrap_label(name, slot_pt / 72, size) for name in data.categories]
        if max((text_width_pt(w, size) for w in words), default=0) <= slot_pt * 0.92 and \
                max(len(name.split("\n")) for name in names) <= 3:
            return names, size
    return None


def _label(ax, at: float, level: float, text: str, horizontal: bool, color: str, weight: str = "normal"):
    if horizontal:
        return ax.text(level, at, f" {text}", ha="left", va="center", fontsize=LABEL_PT, color=color, fontweight=weight, zorder=3)
    return ax.text(at, level, text, ha="center", va="bottom", fontsize=LABEL_PT, color=color, fontweight=weight, zorder=3)


def _axes(ax, data: ChartData, theme: ThemeSpec, horizontal: bool, limits: tuple[float, float]) -> None:
    clean_axes(ax, theme, keep=("left",) if horizontal else ("bottom",))
    danish_ticks(ax.xaxis if horizontal else ax.yaxis)
    ax.grid(axis="x" if horizontal else "y", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    (ax.set_xlabel if horizontal else ax.set_ylabel)(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)
    (ax.set_xlim if horizontal else ax.set_ylim)(*limits)


def _spans(values, roles) -> list[tuple[float | None, float | None, str]]:
    """(start, end, kind) per bar: totals from zero, changes from the running total ('up' or 'down')."""
    spans, running = [], 0.0
    for value, role in zip(values, roles):
        if role == "total":
            spans.append((0.0, value, "total"))
            running = value if value is not None else running
        elif value is None:
            spans.append((running, None, "down"))
        else:
            spans.append((running, running + value, "down" if value < 0 else "up"))
            running += value
    return spans


def _steps(ax, spans, positions, factor: float, horizontal: bool, theme: ThemeSpec) -> None:
    """Dashed connectors from the end of one bar to the start of the next."""
    for i in range(len(spans) - 1):
        level = spans[i][1]
        if level is None or spans[i + 1][0] is None:
            continue
        a, b = positions[i], positions[i + 1]
        across = [a - BAR / 2, b + BAR / 2] if horizontal else [a + BAR / 2, b - BAR / 2]
        along = [level / factor] * 2
        ax.plot(along if horizontal else across, across if horizontal else along, color=theme.colors.muted,
                linewidth=1.0, linestyle=(0, (3, 2)), zorder=1)


def _amount(value: float, kind: str, options: WaterfallOptions, data: ChartData) -> str:
    """'412,0 mio. kr.' for totals, '−8,5 mio. kr.' / '+1,5 mio. kr.' for changes (true minus)."""
    signed = kind != "total"
    if data.unit != "kr.":
        return value_text(value, data) if not signed else fmt.number(value, data.decimals, signed=True, minus=fmt.MINUS)
    return fmt.money(value, None if options.scale else data.decimals, scale=options.scale, signed=signed, minus=fmt.MINUS)
