"""Chart layer: pure builders from ChartData and theme to PNG bytes, behind a registry of chart kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData
from briefing.charts.bar import draw_bar
from briefing.charts.base import build_figure, render_png
from briefing.charts.line import draw_line
from briefing.charts.quadrant import draw_quadrant
from briefing.charts.ranking import draw_ranking
from briefing.charts.stacked import draw_stacked
from briefing.charts.waterfall import draw_waterfall

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

Builder = Callable[..., None]

CHART_BUILDERS: dict[str, Builder] = {
    "søjle": draw_bar,
    "rangering": draw_ranking,
    "linje": draw_line,
    "stablet": draw_stacked,
    "kvadrant": draw_quadrant,
    "vandfald": draw_waterfall,
}


def draw_chart(data: ChartData, theme: ThemeSpec, size: tuple[float, float]) -> bytes:
    """Draw `data` with the builder for its kind and return PNG bytes (deterministic)."""
    return render_png(figure_for(data, theme, size), theme)


def figure_for(data: ChartData, theme: ThemeSpec, size: tuple[float, float]):
    """The matplotlib figure for `data`, drawn by the builder registered for its kind."""
    return build_figure(CHART_BUILDERS[data.kind], data, theme, size)
