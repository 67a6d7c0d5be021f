"""Scatter with quadrants: e.g. deviation of cost against deviation of effect from a comparison group.

Dashed zero lines split the plane; the axes are symmetric around zero so the four
quadrants are the same size and a caption ("Høje udgifter, lav effekt") sits in
each corner. Every point is labelled; a label tries the places around its point in
turn, nearest first and then ever further out on a leader line, and takes the first
that overlaps no other label, point or caption and stays inside the axes. The boxes
are measured with the font matplotlib actually found, so a wider fallback font moves
labels rather than making them overlap. Points without both values cannot be placed:
they are named under the chart instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.spec.chartdata import ChartData, QuadrantOptions
from briefing.charts.labels import NAMES_LEFT_OUT, note
from briefing.charts.base import (
    LABEL_PT,
    TICK_PT,
    clean_axes,
    danish_ticks,
    halo,
    place_color,
    readable_text,
    wrap_label,
)

if TYPE_CHECKING:
    from briefing.spec.models import ThemeSpec

MARKER_PT = 11  # marker diameter
DIRECTIONS = [((1, 0), "left", "center"), ((-1, 0), "right", "center"), ((0, 1), "center", "bottom"),
              ((0, -1), "center", "top"), ((0.8, 0.8), "left", "bottom"), ((-0.8, 0.8), "right", "bottom"),
              ((0.8, -0.8), "left", "top"), ((-0.8, -0.8), "right", "top")]
# Places around a point, nearest first: next to it, then further out with a thin leader line.
PLACES = [((dx * r, dy * r), ha, va) for r in (9, 26, 44) for (dx, dy), ha, va in DIRECTIONS]
FAR_STEP_PT = 16  # past PLACES: rings this much further apart ...
FAR_DIRECTIONS = 16  # ... with this many directions each, until a ring lies wholly outside the axes
GAP_PT = 1.5  # free space kept between a label and anything else
CORNERS = [(0.015, 0.985, "left", "top"), (0.985, 0.985, "right", "top"),
           (0.015, 0.015, "left", "bottom"), (0.985, 0.015, "right", "bottom")]


def draw_quadrant(figure, data: ChartData, theme: ThemeSpec) -> None:
    options: QuadrantOptions = data.options
    ax = figure.add_subplot(1, 1, 1)
    xs, ys = data.series[0].values, data.series[1].values
    points = [(name, x, y, role) for name, x, y, role in zip(data.categories, xs, ys, _roles(data))
              if x is not None and y is not None]
    for name, x, y, role in points:
        ax.scatter([x], [y], s=MARKER_PT ** 2, color=_point_color(role, theme), edgecolors="#FFFFFF", linewidths=1.2,
                   zorder=4, label=name)
    ax.axhline(0, color=theme.colors.muted, linewidth=1.3, linestyle=(0, (6, 4)), zorder=2)
    ax.axvline(0, color=theme.colors.muted, linewidth=1.3, linestyle=(0, (6, 4)), zorder=2)
    clean_axes(ax, theme)
    danish_ticks(ax.xaxis)
    danish_ticks(ax.yaxis)
    ax.grid(color=theme.colors.grid, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_xlim(*_symmetric([p[1] for p in points]))
    ax.set_ylim(*_symmetric([p[2] for p in points]))
    width = figure.get_figwidth() * 0.8
    ax.set_xlabel(wrap_label(options.x_label, width) + _missing_note(data, width), fontsize=TICK_PT, color=theme.colors.text)
    ax.set_ylabel(wrap_label(options.y_label, figure.get_figheight() * 0.8), fontsize=TICK_PT, color=theme.colors.text)
    captions = _captions(ax, options, theme)
    figure.tight_layout(pad=0.4)
    if data.show_labels:
        _label_points(figure, ax, points, captions, theme)


def _roles(data: ChartData) -> tuple[str, ...]:
    return data.category_roles or ("other",) * len(data.categories)


def _point_color(role: str, theme: ThemeSpec) -> str:
    return place_color(role, theme) if role in ("own", "region", "country") else theme.colors.accent


def _symmetric(values: list[float]) -> tuple[float, float]:
    reach = max((abs(v) for v in values), default=0) * 1.3 or 1.0
    return -reach, reach


def _missing_note(data: ChartData, width_in: float) -> str:
    xs, ys = data.series[0].values, data.series[1].values
    missing = [name for name, x, y in zip(data.categories, xs, ys) if x is None or y is None]
    if not missing:
        return ""
    return "\n" + wrap_label(f"Ikke vist, tal mangler (–): {', '.join(missing)}", width_in)


def _captions(ax, options: QuadrantOptions, theme: ThemeSpec) -> list:
    texts = []
    for caption, (x, y, ha, va) in zip(options.captions, CORNERS):
        if caption:
            texts.append(ax.text(x, y, caption, transform=ax.transAxes, ha=ha, va=va, fontsize=LABEL_PT,
                                 fontweight="bold", color=theme.colors.muted, zorder=3))
    return texts


def _label_points(figure, ax, points, captions: list, theme: ThemeSpec) -> None:
    """Place each label at the first spot around its point that overlaps nothing placed before."""
    renderer = figure.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    occupied = [c.get_window_extent(renderer) for c in captions] + [_marker_box(ax, x, y, figure) for _, x, y, _ in points]
    pixels = figure.dpi / 72
    dropped = 0
    for name, x, y, role in points:
        style = dict(fontsize=LABEL_PT, fontweight="bold" if role == "own" else "normal",
                     color=readable_text(_point_color(role, theme), theme), zorder=5, bbox=halo(theme))
        probe = _annotate(ax, name, x, y, PLACES[0], style, theme)
        size = _text_box(probe, renderer)  # width and height in the font actually used
        probe.remove()
        anchor = ax.transData.transform((x, y))
        reach = (axes_box.width + axes_box.height) / pixels  # no ring further out than this can lie inside
        chosen = None
        for place in _places(reach):
            box = _box_at(anchor, place, size.width, size.height, pixels)
            if not (axes_box.contains(box.x0, box.y0) and axes_box.contains(box.x1, box.y1)):
                continue
            padded = box.padded(GAP_PT * pixels)
            if not any(padded.overlaps(other) for other in occupied):
                chosen = place
                break
        if chosen is None:  # nowhere free (more names than the plane holds): left out, and the alt text says so
            dropped += 1
            continue
        label = _annotate(ax, name, x, y, chosen, style, theme)
        occupied.append(_text_box(label, renderer))
    if dropped:
        note(figure, NAMES_LEFT_OUT, dropped, len(points))


def _places(reach_pt: float):
    """PLACES, then rings of FAR_DIRECTIONS places each FAR_STEP_PT further out, up to `reach_pt`."""
    import math

    yield from PLACES
    radius = max(math.hypot(dx, dy) for (dx, dy), _, _ in PLACES)
    while radius < reach_pt:
        radius += FAR_STEP_PT
        for i in range(FAR_DIRECTIONS):
            angle = 2 * math.pi * i / FAR_DIRECTIONS
            dx, dy = math.cos(angle), math.sin(angle)
            ha = "left" if dx > 0.3 else "right" if dx < -0.3 else "center"
            va = "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"
            yield (dx * radius, dy * radius), ha, va


def _box_at(anchor, place, width: float, height: float, pixels: float):
    """The display box a label of `width` x `height` pixels gets at `place` (offset in points, alignment)."""
    from matplotlib.transforms import Bbox

    (dx, dy), ha, va = place
    x, y = anchor[0] + dx * pixels, anchor[1] + dy * pixels
    x0 = {"left": x, "right": x - width, "center": x - width / 2}[ha]
    y0 = {"bottom": y, "top": y - height, "center": y - height / 2}[va]
    return Bbox.from_bounds(x0, y0, width, height)


def _text_box(label, renderer):
    """The label's own box, without its leader line (Annotation's extent would include the line)."""
    from matplotlib.text import Text

    label.update_positions(renderer)  # an annotation places its text only when drawn
    return Text.get_window_extent(label, renderer)


def _annotate(ax, name: str, x: float, y: float, place, style: dict, theme: ThemeSpec):
    (dx, dy), ha, va = place
    far = abs(dx) + abs(dy) > 12
    leader = dict(arrowstyle="-", color=theme.colors.muted, linewidth=0.8, shrinkA=0, shrinkB=6) if far else None
    return ax.annotate(name, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, arrowprops=leader,
                       **style)


def _marker_box(ax, x: float, y: float, figure):
    from matplotlib.transforms import Bbox

    cx, cy = ax.transData.transform((x, y))
    r = MARKER_PT / 2 * figure.dpi / 72
    return Bbox.from_extents(cx - r, cy - r, cx + r, cy + r)
