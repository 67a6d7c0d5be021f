"""Waterfall: from today's amount through the effect of each lever to the scenario's amount.

The first and last bars stand on zero (the axis always starts at zero, so a change
looks as big as it is); each lever floats from the running total, a saving going
down and an extra cost going up, joined by thin dashed steps. Labels carry a sign
as well as the colour, so colour is never the only cue. Amounts of a million
kroner or more are shown in `mio. kr.` through the formatting module.
"""

from __future__ import annotations

from .. import fmt
from ..facts import ChartData, WaterfallOptions
from ..spec import ThemeSpec
from .base import LABEL_PT, TICK_PT, clean_axes, danish_ticks, value_text, wrap_label

BAR = 0.62
SCALES = {"mio.": 1_000_000, None: 1}


def draw_waterfall(figure, data: ChartData, theme: ThemeSpec) -> None:
    options: WaterfallOptions = data.options or WaterfallOptions()
    factor = SCALES[options.scale]
    ax = figure.add_subplot(1, 1, 1)
    values = data.series[0].values
    spans = _spans(values, data.category_roles)
    c = theme.colors
    colors = {"total": c.accent, "down": c.series[2], "up": c.highlight}
    top = max([max(a, b) / factor for a, b, _ in spans if a is not None] + [0])
    bottom = min([min(a, b) / factor for a, b, _ in spans if a is not None] + [0])
    pad = (top - bottom) * 0.02
    for i, ((start, end, kind), value) in enumerate(zip(spans, values)):
        if value is None:  # a gap, never a zero bar
            level = (start if start is not None else 0) / factor
            ax.text(i, level + pad, "–", ha="center", va="bottom", fontsize=LABEL_PT, color=c.muted, zorder=3)
            continue
        low, high = sorted((start / factor, end / factor))
        ax.bar([i], [high - low], bottom=[low], width=BAR, color=colors[kind], zorder=2)
        if data.show_labels:
            ax.text(i, high + pad, _amount(value, kind, options, data), ha="center", va="bottom", fontsize=LABEL_PT,
                    fontweight="bold" if kind == "total" else "normal", color=c.text, zorder=3)
    _steps(ax, spans, factor, theme)
    clean_axes(ax, theme, keep=("bottom",))
    danish_ticks(ax.yaxis)
    ax.grid(axis="y", color=c.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_ylabel(data.axis_label, fontsize=TICK_PT, color=c.text)
    ax.set_ylim(bottom * 1.15 if bottom < 0 else 0, top * 1.14 if top > 0 else 1)
    n = len(data.categories)
    ax.set_xlim(-0.6, n - 0.4)
    ax.set_xticks(range(n))
    slot = figure.get_figwidth() * 0.85 / max(n, 1)
    ax.set_xticklabels([wrap_label(name, slot) for name in data.categories], fontsize=TICK_PT)
    for label, role in zip(ax.get_xticklabels(), data.category_roles):
        if role == "total":
            label.set_fontweight("bold")
    figure.tight_layout(pad=0.4)


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


def _steps(ax, spans, factor: float, theme: ThemeSpec) -> None:
    """Dashed connectors from the end of one bar to the start of the next."""
    for i in range(len(spans) - 1):
        level = spans[i][1]
        if level is None or spans[i + 1][0] is None:
            continue
        ax.plot([i + BAR / 2, i + 1 - BAR / 2], [level / factor] * 2, color=theme.colors.muted, linewidth=1.0,
                linestyle=(0, (3, 2)), zorder=1)


def _amount(value: float, kind: str, options: WaterfallOptions, data: ChartData) -> str:
    """'412,0 mio. kr.' for totals, '−8,5 mio. kr.' / '+1,5 mio. kr.' for changes (true minus)."""
    signed = kind != "total"
    if data.unit != "kr.":
        return value_text(value, data) if not signed else fmt.number(value, data.decimals, signed=True, minus=fmt.MINUS)
    return fmt.money(value, None if options.scale else data.decimals, scale=options.scale, signed=signed, minus=fmt.MINUS)
