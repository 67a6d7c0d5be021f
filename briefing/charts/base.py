"""Shared chart styling: theme colours and fonts, Danish tick labels, deterministic PNG output."""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.danish import fmt
from briefing.spec.chartdata import ChartData, Series

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

LABEL_PT = 13  # data labels; never below 12 pt at slide size
TICK_PT = 14
LEGEND_PT = 14
WARM_FONTS = ("Arial", "Liberation Sans", "DejaVu Sans")  # the default theme's chart fonts, warmed up in advance
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_COMPRESSION = 3  # zlib level (see png_bytes)


@functools.lru_cache(maxsize=8)
def resolve_font(candidates: tuple[str, ...]) -> str:
    """The family charts are drawn in: the first of `candidates` that is installed or has an installed metric
    twin (Liberation Sans for Arial), registered with matplotlib from the very files text is measured with, so
    charts and slides share one typeface and a font installed after matplotlib built its cache is still found."""
    from matplotlib import font_manager

    from briefing.danish.fonts import font_file

    family = chart_family(candidates)
    for path in sorted({str(font_file(family, bold)) for bold in (False, True)}):
        font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=str(font_file(family))).get_name()


def chart_family(candidates: tuple[str, ...]) -> str:
    """The first of `candidates` that renders as itself or its metric twin, as that family (no matplotlib)."""
    from briefing.danish.fonts import FALLBACK_FAMILY, rendering_family

    for name in candidates:
        family = rendering_family(name)
        if family != FALLBACK_FAMILY or name.lower() == FALLBACK_FAMILY.lower():
            return family
    return FALLBACK_FAMILY


def chart_fonts(theme: ThemeSpec) -> str:
    """The font files a theme's charts are drawn with (part of a cached chart's key)."""
    from briefing.danish.fonts import font_file

    family = chart_family(tuple(theme.fonts.chart))
    return " ".join(str(font_file(family, bold)) for bold in (False, True))


def build_figure(builder: Callable[..., None], data: ChartData, theme: ThemeSpec, size: tuple[float, float]):
    """Run a builder on a fresh Agg figure of `size` inches; return the figure (tests inspect it)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from briefing.danish.typeset import measuring

    with matplotlib.rc_context(_style(theme)), measuring(resolve_font(tuple(theme.fonts.chart))):
        figure = Figure(figsize=size, dpi=theme.dpi, facecolor=theme.colors.background)
        FigureCanvasAgg(figure)
        builder(figure, data, theme)
        # The builders lay out once (tight_layout), which leaves a placeholder layout engine behind; with it,
        # every later draw would first run a second, invisible layout pass.
        figure.set_layout_engine(None)
    return figure


def render_png(figure, theme: ThemeSpec) -> bytes:
    """PNG bytes of a figure, drawn once; equal charts give equal bytes (no timestamps, no software name)."""
    import matplotlib
    import numpy

    with matplotlib.rc_context(_style(theme)):
        figure.canvas.draw()
    return png_bytes(numpy.asarray(figure.canvas.buffer_rgba()), theme.dpi, getattr(figure, "briefing_notes", ()))


def png_bytes(rgba, dpi: int, notes=()) -> bytes:
    """An RGB PNG of the pixels (height x width x 4 array; the background is opaque, so alpha is dropped).

    Rows are left unfiltered and deflated at level 3: charts are flat colour, which deflate finds as long
    runs. On the example's charts that is as small as Pillow's adaptive filtering at level 6 in a third of
    the time (level 6 here would save another fifth of the bytes for three times the time), and the deck
    stores the pictures without deflating them a second time.
    """
    import numpy

    height, width = rgba.shape[:2]
    rows = numpy.empty((height, width * 3 + 1), dtype=numpy.uint8)
    rows[:, 0] = 0  # each row starts with its filter type: 0, none
    rows[:, 1:] = rgba[:, :, :3].reshape(height, width * 3)
    per_metre = int(dpi / 0.0254 + 0.5)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits per channel, RGB, no interlace
    from briefing.charts.labels import NOTE_KEY

    texts = b"".join(_chunk(b"tEXt", NOTE_KEY.encode("latin-1") + b"\0" + note.encode("latin-1")) for note in notes)
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
            + texts + _chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESSION)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def warm_up(fonts: tuple[str, ...] = WARM_FONTS) -> None:
    """Import everything drawing needs and draw a little text in the likely chart font, normal and bold, so a
    worker process forked after this draws its first chart as fast as its last."""
    import matplotlib.lines  # noqa: F401
    import matplotlib.ticker  # noqa: F401
    import numpy  # noqa: F401
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(1, 1), dpi=20)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    axes.bar([0], [1])
    family = resolve_font(tuple(fonts))
    for weight in ("normal", "bold"):
        axes.text(0, 0.5, "Æble 1,5", family=family, fontweight=weight)
    figure.canvas.draw()


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
    from briefing.danish.typeset import wrap_lines

    # Breaks only at ordinary spaces, never inside a number with its unit or a period ("3. kvt. 2021").
    kept = fmt.keep_together(text, hyphens=False)
    return "\n".join(line.replace(fmt.NBSP, " ") for line in wrap_lines(kept, width_in * 72 * 0.95, font_pt))


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


# ---------------------------------------------------------------- colours

def _luminance(color: str) -> float:
    from matplotlib.colors import to_rgb

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in to_rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: str, theme: ThemeSpec) -> str:
    """Colour for a label drawn on `fill`: white where it reads (4,5:1), else the theme's text colour."""
    return "#FFFFFF" if contrast("#FFFFFF", fill) >= 4.5 else theme.colors.text


def readable_text(color: str, theme: ThemeSpec) -> str:
    """`color` for text on the background if it reads (4,5:1), else the theme's text colour."""
    return color if contrast(color, theme.colors.background) >= 4.5 else theme.colors.text


def lighter(color: str, theme: ThemeSpec, share: float) -> str:
    """`color` mixed `share` of the way towards the background, but never below 3:1 contrast against it."""
    from matplotlib.colors import to_hex, to_rgb

    base, back = to_rgb(color), to_rgb(theme.colors.background)
    for step in range(int(share * 100), -1, -1):
        mix = to_hex(tuple(c + (b - c) * step / 100 for c, b in zip(base, back))).upper()
        if contrast(mix, theme.colors.background) >= 3.0:
            return mix
    return color


def part_colors(theme: ThemeSpec) -> list[str]:
    """Distinct colours for the parts of a whole (statuses, answers), strongest first, without repeats."""
    c = theme.colors
    return list(dict.fromkeys([c.accent, *c.series[1:], c.highlight, c.reference, c.muted]))


PLACE_ROLES = ("own", "region", "country")


def place_color(role: str, theme: ThemeSpec) -> str:
    """Colour of a bar or point for a place: own municipality highlighted, region and country dark."""
    c = theme.colors
    return {"own": c.highlight, "region": c.reference, "country": c.muted}.get(role, c.series[0])


# ---------------------------------------------------------------- shared drawing

def clean_axes(ax, theme: ThemeSpec, keep: tuple[str, ...] = ()) -> None:
    """Background and spines: only the sides in `keep` are drawn, in the muted colour."""
    ax.set_facecolor(theme.colors.background)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(side in keep)
        ax.spines[side].set_color(theme.colors.muted)
    ax.tick_params(axis="both", length=0, labelsize=TICK_PT, pad=6)


def danish_ticks(axis, absolute: bool = False, bins: int = 5) -> None:
    """Tick labels through the formatting module (never matplotlib's); `absolute` drops the sign."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(FuncFormatter(lambda v, _pos: tick_text(abs(v) if absolute else v, axis)))


def halo(theme: ThemeSpec) -> dict:
    """A background patch behind a label, so reference lines and grid never cut through its letters."""
    return dict(boxstyle="square,pad=0.1", facecolor=theme.colors.background, edgecolor="none", alpha=0.9)


def legend_above(ax, handles, labels, available_in: float, handle_length: float = 1.2, ncol: int | None = None) -> None:
    """A frameless legend over the axes, read row by row, with as many columns as fit `available_in` inches."""
    from briefing.danish.typeset import text_width_pt

    widths = [text_width_pt(label, LEGEND_PT) + 26 + handle_length * LEGEND_PT for label in labels]
    ncol = min(ncol or len(labels), len(labels))
    while ncol > 1 and max(sum(widths[i:i + ncol]) for i in range(0, len(widths), ncol)) > available_in * 72:
        ncol -= 1
    # matplotlib fills a legend column by column; reorder so it reads left to right, line by line.
    rows = -(-len(labels) // ncol)
    order = [r * ncol + c for c in range(ncol) for r in range(rows) if r * ncol + c < len(labels)]
    ax.legend([handles[i] for i in order], [labels[i] for i in order], loc="lower left", bbox_to_anchor=(0, 1.0),
              ncol=ncol, frameon=False, fontsize=LEGEND_PT, handlelength=handle_length, borderaxespad=0.3,
              columnspacing=1.2)


AXIS_PT = 52  # height of the value axis' numbers and caption under lying bars, with the margins
LEGEND_ROW_PT = 24


def row_names(categories, figure, widths: tuple[float, ...], smallest: float = 6,
              legend_rows: int = 0) -> tuple[float, list[str]]:
    """Category names beside lying bars: wrapped at word boundaries (on lines of `widths` inches, narrowest
    first), as large as lets neighbours never overlap (many categories: smaller, and on fewer, wider lines),
    never below `smallest` points."""
    # the height left for the rows: less the value axis, its caption and the legend above
    room_pt = (figure.get_figheight() * 72 - AXIS_PT - legend_rows * LEGEND_ROW_PT) / max(len(categories), 1)
    names: list[str] = list(categories)
    smallest = int(round(smallest))
    for size in range(TICK_PT, smallest - 1, -1):
        for width in widths:
            names = [wrap_label(c, width, size) for c in categories]
            lines = max((name.count("\n") + 1 for name in names), default=1)
            if lines * size * 1.25 <= room_pt:
                return float(size), names
    return float(smallest), names


def tick_labels_width_in(labels: list[str], font_pt: float = TICK_PT) -> float:
    """Width of the widest (wrapped) tick label, in inches, with the tick padding."""
    from briefing.danish.typeset import text_width_pt

    lines = [line for label in labels for line in label.split("\n")]
    return (max((text_width_pt(line, font_pt) for line in lines), default=0) + 12) / 72


def axes_size_pt(ax) -> tuple[float, float]:
    """Width and height of the axes in points (after layout)."""
    box = ax.get_position()
    figure = ax.get_figure()
    return box.width * figure.get_figwidth() * 72, box.height * figure.get_figheight() * 72


def spread(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """Move label positions apart so neighbours are at least `gap` apart, keeping them within [low, high].

    Labels keep their order; a crowded group is pushed up from below, then back down from the top.
    """
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = [positions[i] for i in order]
    for k in range(len(placed)):
        floor = low if k == 0 else placed[k - 1] + gap
        placed[k] = max(placed[k], floor)
    for k in range(len(placed) - 1, -1, -1):
        ceiling = high if k == len(placed) - 1 else placed[k + 1] - gap
        placed[k] = min(placed[k], ceiling)
    result = [0.0] * len(positions)
    for k, i in enumerate(order):
        result[i] = placed[k]
    return result
