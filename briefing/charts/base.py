"""Shared chart styling: theme colours and fonts, Danish tick labels, deterministic PNG output."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

from .. import fmt
from ..facts import ChartData, Series
from ..spec import ThemeSpec

LABEL_PT = 13  # data labels; never below 12 pt at slide size
TICK_PT = 14
LEGEND_PT = 14


@functools.lru_cache(maxsize=8)
def resolve_font(candidates: tuple[str, ...]) -> str:
    """First installed font family among `candidates`; looked up once per process."""
    from matplotlib import font_manager

    for name in candidates:
        try:
            font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
            return name
        except ValueError:
            continue
    return "DejaVu Sans"


def build_figure(builder: Callable[..., None], data: ChartData, theme: ThemeSpec, size: tuple[float, float]):
    """Run a builder on a fresh Agg figure of `size` inches; return the figure (tests inspect it)."""
    import matplotlib

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_style(theme)):
        figure = Figure(figsize=size, dpi=theme.dpi, facecolor=theme.colors.background)
        FigureCanvasAgg(figure)
        builder(figure, data, theme)
    return figure


def render_png(figure, theme: ThemeSpec) -> bytes:
    """PNG bytes of a figure, without software metadata, so equal charts give equal bytes."""
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_style(theme)):
        figure.savefig(buffer, format="png", dpi=theme.dpi, facecolor=theme.colors.background, metadata={"Software": None})
    return buffer.getvalue()


def _style(theme: ThemeSpec) -> dict:
    colors = theme.colors
    return {
        "font.family": resolve_font(tuple(theme.fonts.chart)),
        "font.size": TICK_PT,
        "text.color": colors.text,
        "axes.edgecolor": colors.grid,
        "axes.labelcolor": colors.text,
        "xtick.color": colors.text,
        "ytick.color": colors.text,
        "axes.unicode_minus": True,
    }


def series_colors(series: tuple[Series, ...], theme: ThemeSpec) -> list[str]:
    """Colour per series: own municipality in the highlight colour, region/country dark, others from the palette."""
    c = theme.colors
    fixed = {"own": c.highlight, "latest": c.accent, "region": c.reference, "country": c.muted, "earlier": c.series[0]}
    palette = iter([col for col in c.series if col not in fixed.values()] + list(c.series))
    return [fixed.get(s.role) or next(palette) for s in series]


def category_colors(data: ChartData, theme: ThemeSpec) -> list[str] | None:
    """Per-bar colours when the categories are places: own municipality highlighted, region and country dark."""
    c = theme.colors
    roles = data.category_roles
    if not any(r in ("own", "region", "country") for r in roles):
        return None
    fixed = {"own": c.highlight, "region": c.reference, "country": c.muted}
    return [fixed.get(r, c.series[0]) for r in roles]


def wrap_label(text: str, width_in: float, font_pt: float = TICK_PT) -> str:
    """Wrap a category name to the width available for it, instead of shrinking it."""
    from ..fit import wrap_lines

    return "\n".join(wrap_lines(text, width_in * 72 * 0.95, font_pt))


def style_value_axis(ax, data: ChartData, theme: ThemeSpec, horizontal: bool = False) -> None:
    """Danish value axis: ticks via the formatting module, light grid, no chart junk."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis = ax.xaxis if horizontal else ax.yaxis
    ax.set_facecolor(theme.colors.background)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.spines["left" if horizontal else "bottom"].set_visible(True)
    ax.spines["left" if horizontal else "bottom"].set_color(theme.colors.muted)
    axis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: tick_text(v, axis)))
    ax.grid(axis="x" if horizontal else "y", color=theme.colors.grid, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="both", length=0, labelsize=TICK_PT, pad=6)
    (ax.set_xlabel if horizontal else ax.set_ylabel)(data.axis_label, fontsize=TICK_PT, color=theme.colors.text)


def tick_text(value: float, axis) -> str:
    """Tick label with exactly the decimals the tick spacing needs (2,5 stays 2,5), true minus sign."""
    from decimal import Decimal

    ticks = axis.get_majorticklocs()
    step = float(abs(ticks[1] - ticks[0])) if len(ticks) > 1 else 1.0
    exponent = Decimal(repr(round(step, 6))).normalize().as_tuple().exponent
    return fmt.number(value, max(0, -int(exponent)), minus=fmt.MINUS)


def value_text(value: float, data: ChartData) -> str:
    return fmt.number(value, data.decimals, minus=fmt.MINUS)
