"""100 % stacked horizontal bars, and the diverging variant for Likert scales.

Plain: the parts of each bar from left to right, e.g. status one month after a
course. When a part is missing (suppressed), its size is unknown: the rest of the
bar up to 100 is drawn as an outlined, unfilled gap marked `–`, never filled in.

Diverging: agreeing answers to the right of zero, disagreeing ones to the left,
the neutral answer split across zero. Ticks show shares without a sign on both
sides, and the total share on each side is written at the bar's ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData, StackOptions
from briefing.danish.typeset import text_width_pt
from briefing.charts.labels import declutter, keep_legend_inside, make_room, thin_ticks
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    axes_size_pt,
    clean_axes,
    danish_ticks,
    legend_above,
    lighter,
    part_colors,
    row_names,
    text_on,
    tick_labels_width_in,
    value_text,
)

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

BAR = 0.62
WHOLE = 100.0


def draw_stacked(figure, data: ChartData, theme: ThemeSpec) -> None:
    options: StackOptions = data.options or StackOptions()
    ax = figure.add_subplot(1, 1, 1)
    rows = list(range(len(data.categories)))[::-1]  # first category on top
    colors = (_likert_colors if options.diverging else _plain_colors)(data, theme)
    draw = _diverging_segments if options.diverging else _plain_segments
    segments = draw(ax, data, options, rows, colors, theme)
    clean_axes(ax, theme)
    ax.grid(axis="x", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_yticks(rows)
    name_pt, names = row_names(data.categories, figure, (min(3.2, figure.get_figwidth() * 0.3),), legend_rows=2)
    ax.set_yticklabels(names, fontsize=name_pt)
    legend_room = figure.get_figwidth() - tick_labels_width_in(names) - 0.2
    handles = [segments[s.name] for s in data.series if s.name in segments]
    parts = [s.name for s in data.series if s.name in segments]
    if options.diverging:
        handles, parts = handles[::-1], parts[::-1]  # the legend reads like the bars: disagree left, agree right
    legend_above(ax, handles, parts, legend_room)
    figure.tight_layout(pad=0.4)
    keep_legend_inside(figure, ax, lambda: figure.tight_layout(pad=0.4),
                       lambda ncol: legend_above(ax, handles, parts, legend_room, ncol=ncol))
    totals = list(ax.texts)  # the side totals and the '–' of unknown parts: written whatever their place
    make_room(figure, ax, totals)
    thin_ticks(figure, "x")
    inside = _segment_labels(ax, data, theme) if data.show_labels else []
    # the totals and dashes first, then the largest parts; each part's label may lie on its own segment
    labels = totals + [label for label, _ in inside]
    priority = [2e9] * len(totals) + [abs(bar.briefing_value) for _, bar in inside]
    declutter(figure, labels, priority, [None] * len(totals) + [bar for _, bar in inside])


def _plain_colors(data: ChartData, theme: ThemeSpec) -> list[str]:
    palette = part_colors(theme)
    parts = [s for s in data.series if s.role != "rest"]
    colors = [palette[i % len(palette)] for i in range(len(parts))]
    return colors + [theme.colors.series[0]] * (len(data.series) - len(parts))


def _likert_colors(data: ChartData, theme: ThemeSpec) -> list[str]:
    """Agreeing answers in shades of the accent, disagreeing in shades of the highlight, neutral grey."""
    n = len(data.series)
    neutral = data.options.neutral
    half = neutral if neutral is not None else n // 2
    agree = [lighter(theme.colors.accent, theme, 0.55 * i / max(half - 1, 1)) for i in range(half)]
    start = half + (1 if neutral is not None else 0)
    disagree = [lighter(theme.colors.highlight, theme, 0.55 * i / max(n - start - 1, 1)) for i in range(n - start)][::-1]
    return agree + ([theme.colors.series[0]] if neutral is not None else []) + disagree


def _segment(ax, row: int, left: float, width: float, color: str, name: str, value: float, theme: ThemeSpec):
    """One part of a bar, edged in the background colour so neighbouring parts stay apart."""
    bar = ax.barh([row], [width], left=[left], height=BAR, color=color, edgecolor=theme.colors.background,
                  linewidth=1.0, label=name, zorder=2)[0]
    bar.briefing_value = value  # what the label shows
    bar.briefing_part = name  # which part it is (tests and legend)
    return bar


def _plain_segments(ax, data: ChartData, options: StackOptions, rows, colors, theme: ThemeSpec) -> dict:
    handles = {}
    for i, row in enumerate(rows):
        left = 0.0
        for series, color in zip(data.series, colors):
            value = series.values[i]
            if value is None:
                continue
            handles[series.name] = _segment(ax, row, left, value, color, series.name, value, theme)
            left += value
        if any(s.values[i] is None for s in data.series) and left < WHOLE:
            _unknown(ax, row, left, WHOLE - left, theme)
    danish_ticks(ax.xaxis)
    ax.set_xlim(0, WHOLE)
    return handles


def _unknown(ax, row: int, left: float, width: float, theme: ThemeSpec) -> None:
    """The part of a bar whose size is not known: outlined, not filled, marked with a dash."""
    ax.barh([row], [width], left=[left], height=BAR, facecolor=theme.colors.background, edgecolor=theme.colors.muted,
            linewidth=1.2, linestyle=(0, (4, 3)), zorder=1)
    ax.text(left + width / 2, row, "–", ha="center", va="center", fontsize=LABEL_PT, color=theme.colors.muted, zorder=3)


def _diverging_segments(ax, data: ChartData, options: StackOptions, rows, colors, theme: ThemeSpec) -> dict:
    n, k = len(data.series), options.neutral
    agree = list(range(k if k is not None else n // 2))
    disagree = list(range((k + 1) if k is not None else n // 2, n))
    handles, reach_right, reach_left = {}, 0.0, 0.0

    def put(j: int, row: int, left: float, width: float) -> None:
        series = data.series[j]
        handles[series.name] = _segment(ax, row, left, width, colors[j], series.name, series.values[rows.index(row)],
                                        theme)

    for i, row in enumerate(rows):
        values = [s.values[i] for s in data.series]
        half = (values[k] or 0) / 2 if k is not None else 0.0
        right, left = half, -half
        if k is not None and values[k] is not None:
            put(k, row, -half, 2 * half)  # the neutral answer straddles zero
        for j in reversed(agree):  # mildest agreement next to the centre
            if values[j] is not None:
                put(j, row, right, values[j])
                right += values[j]
        for j in disagree:
            if values[j] is not None:
                left -= values[j]
                put(j, row, left, values[j])
        _side_totals(ax, row, left, right, [values[j] for j in agree], [values[j] for j in disagree], data, theme)
        reach_right, reach_left = max(reach_right, right), max(reach_left, -left)
    ax.axvline(0, color=theme.colors.text, linewidth=1.2, zorder=1.5)  # behind the bars: shows between them
    # Each side as wide as its longest bar plus room for the total; zero need not be in the middle.
    room = (reach_right + reach_left) * 0.08 + 1
    ax.set_xlim(-(reach_left + room), reach_right + room)
    danish_ticks(ax.xaxis, absolute=True, bins=8)
    return handles


def _side_totals(ax, row: int, left: float, right: float, agree, disagree, data: ChartData, theme: ThemeSpec) -> None:
    """The share agreeing and disagreeing, in bold outside the bar ends ('–' when a part is missing)."""
    for end, parts, ha in ((right, agree, "left"), (left, disagree, "right")):
        text = "–" if None in parts else value_text(sum(parts), data)
        ax.text(end, row, f" {text} ", ha=ha, va="center", fontsize=LABEL_PT, fontweight="bold", color=theme.colors.text,
                zorder=3)


def _segment_labels(ax, data: ChartData, theme: ThemeSpec) -> list:
    """The share inside each segment wide enough to hold it (after layout, when widths are known), with its bar."""
    width_pt, _ = axes_size_pt(ax)
    low, high = ax.get_xlim()
    per_unit = width_pt / (high - low)
    labels = []
    for bar in [p for p in ax.patches if hasattr(p, "briefing_value")]:
        text = value_text(bar.briefing_value, data)
        if bar.get_width() * per_unit < text_width_pt(text, LABEL_PT) + 6:
            continue
        labels.append((ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2, text, ha="center",
                               va="center", fontsize=LABEL_PT, color=_label_color(bar, theme), zorder=3), bar))
    return labels


def _label_color(bar, theme: ThemeSpec) -> str:
    from matplotlib.colors import to_hex

    return text_on(to_hex(bar.get_facecolor()), theme)
