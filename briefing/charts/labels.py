"""Chart labels that hold for any data: after layout, value labels that would collide with each other, with the
tick labels, the legend, the axis title or a neighbouring bar, or that would leave the picture, are first set
smaller and then left out (least important first); the legend is kept inside the picture. What was left out
is written into the PNG (a tEXt chunk) so the slide's alt text can say so (deck.draw.place_charts)."""

from __future__ import annotations

from collections.abc import Sequence

SMALLEST_LABEL_PT = 12  # value labels are set this small before any is left out (never below 12 pt on a slide)
NOTE_KEY = "briefing-note"  # PNG tEXt keyword of what the chart left out
LABELS_LEFT_OUT = "labels-left-out"
NAMES_LEFT_OUT = "names-left-out"  # names of points (quadrant) rather than numbers


def _boxes_overlap(a, b, slack: float = 0.5) -> bool:
    return a.x0 < b.x1 - slack and b.x0 < a.x1 - slack and a.y0 < b.y1 - slack and b.y0 < a.y1 - slack


def _inside(box, outer, slack: float = 0.5) -> bool:
    return box.x0 >= outer.x0 - slack and box.x1 <= outer.x1 + slack and box.y0 >= outer.y0 - slack \
        and box.y1 <= outer.y1 + slack


def fixed_texts(figure) -> list:
    """Extents of the texts that stay whatever happens: tick labels, axis titles, legend."""
    renderer = figure.canvas.get_renderer()
    boxes = []
    for ax in figure.axes:
        ticks = ax.get_xticklabels() + ax.get_yticklabels()
        for text in [*ticks, ax.xaxis.label, ax.yaxis.label]:
            if text.get_visible() and text.get_text().strip():
                boxes.append(text.get_window_extent(renderer))
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            boxes.append(legend.get_window_extent(renderer))
    return boxes


def declutter(figure, labels: Sequence, priority: Sequence[float], bars: Sequence = (), avoid: Sequence = (),
              key: str = LABELS_LEFT_OUT) -> int:
    """Make `labels` (matplotlib Text) collide with nothing; returns how many were left out.

    `priority` orders them (highest kept first); `bars[i]` is the bar label i belongs to (it may touch its
    own bar, never another one); `avoid` are further artists no label may touch (reference lines). What was
    left out is noted under `key` for the alt text.
    """
    if not labels:
        return 0
    renderer = figure.canvas.get_renderer()
    # What the labels must keep clear of does not move when the labels are set smaller: measured once.
    obstacles = fixed_texts(figure) + [_extent(a, renderer) for a in avoid if a.get_visible()]
    bar_boxes = [bar.get_window_extent(renderer) if bar is not None and bar.get_visible() else None for bar in bars]
    if _place(figure, labels, priority, obstacles, bar_boxes, dry_run=True) == 0:
        return 0
    for label in labels:
        label.set_fontsize(min(label.get_fontsize(), SMALLEST_LABEL_PT))
    dropped = _place(figure, labels, priority, obstacles, bar_boxes, dry_run=False)
    if dropped:
        note(figure, key, dropped, len(labels))
    return dropped


def note(figure, key: str, dropped: int, total: int) -> None:
    """Record in the picture that `dropped` of `total` labels were left out (deck.draw reads it for the alt text)."""
    figure.briefing_notes = [*getattr(figure, "briefing_notes", []), f"{key}={dropped}/{total}"]


def _extent(artist, renderer):
    """An artist's box; a label's own text only (an annotation's extent would include its arrow)."""
    from matplotlib.text import Text

    if isinstance(artist, Text):
        if hasattr(artist, "update_positions"):
            artist.update_positions(renderer)
        return Text.get_window_extent(artist, renderer)
    box = artist.get_window_extent(renderer)
    width = getattr(artist, "get_linewidth", lambda: 0)()  # a line's box has no width: give it its stroke's
    return box.padded(width * renderer.points_to_pixels(1) / 2 + 0.5) if width else box


def _place(figure, labels, priority, obstacles: list, bar_boxes: list, dry_run: bool) -> int:
    renderer = figure.canvas.get_renderer()
    frame = figure.bbox
    kept: list = []
    dropped = 0
    for i in sorted(range(len(labels)), key=lambda i: (-priority[i], i)):
        label = labels[i]
        if not label.get_visible():
            continue
        box = _extent(label, renderer)
        clash = (not _inside(box, frame) or any(_boxes_overlap(box, o) for o in obstacles + kept)
                 or any(b is not None and j != i and _boxes_overlap(box, b, 1.0) for j, b in enumerate(bar_boxes)))
        if clash:
            dropped += 1
            if dry_run:
                return dropped
            label.set_visible(False)
        else:
            kept.append(box)
    return dropped


def make_room(figure, ax, labels: Sequence, axis: str = "x", most: float = 2.0) -> None:
    """Widen the value axis (`axis` 'x' or 'y') so the labels past the bar ends lie inside the axes, clear of the
    tick labels and the picture's edge: labels are moved in rather than left out, while the data keep at least
    1/`most` of the axis (what still does not fit is left to declutter)."""
    renderer = figure.canvas.get_renderer()
    get, put = (ax.get_xlim, ax.set_xlim) if axis == "x" else (ax.get_ylim, ax.set_ylim)
    first_low, first_high = get()
    for _ in range(4):
        boxes = [_extent(label, renderer) for label in labels if label.get_visible()]
        if not boxes:
            return
        inner = ax.get_window_extent(renderer)
        start, end = (inner.x0, inner.x1) if axis == "x" else (inner.y0, inner.y1)
        reach_low = min(b.x0 if axis == "x" else b.y0 for b in boxes)
        reach_high = max(b.x1 if axis == "x" else b.y1 for b in boxes)
        over_low, over_high = max(0.0, start - reach_low + 2), max(0.0, reach_high - end + 2)
        if over_low <= 2.5 and over_high <= 2.5:
            return
        low, high = get()
        per_pixel = (high - low) / max(end - start, 1)
        low = low - over_low * per_pixel if over_low > 2.5 else low
        high = high + over_high * per_pixel if over_high > 2.5 else high
        if high - low > most * (first_high - first_low):
            return
        put(low, high)


def keep_legend_inside(figure, ax, relayout=None, rebuild=None) -> None:
    """Move a legend that sticks out of the picture back in (it is anchored to the axes, which start after the
    tick labels); one wider than the picture is rebuilt with fewer columns by `rebuild(ncol)`."""
    for _ in range(6):
        legend = ax.get_legend()
        if legend is None:
            return
        renderer = figure.canvas.get_renderer()
        box, frame = legend.get_window_extent(renderer), figure.bbox
        if _inside(box, frame, 1.0):
            return
        columns = legend._ncols if hasattr(legend, "_ncols") else legend._ncol
        if box.width > frame.width - 4 and rebuild is not None and columns > 1:
            rebuild(columns - 1)
            if relayout is not None:
                relayout()
            continue
        axes_box = ax.get_window_extent(renderer)
        x = (frame.x0 + 2 - axes_box.x0) / axes_box.width if box.x1 > frame.x1 or box.x0 < frame.x0 else 0
        anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
        legend.set_bbox_to_anchor((x, anchor.y0), transform=ax.transAxes)
        if box.y1 > frame.y1 and relayout is not None:
            relayout()
        if _inside(legend.get_window_extent(renderer), frame, 1.0):
            return


def thin_ticks(figure, value_axis: str | None = None) -> None:
    """Value-axis tick labels that stick out of the picture are left out, and when neighbours collide (large
    numbers on a narrow axis) only every second (third, ...) is shown. With `value_axis` ('x' or 'y') only that
    axis: the category names on the other were sized to fit and are never thinned."""
    renderer = figure.canvas.get_renderer()
    frame = figure.bbox
    for ax in figure.axes:
        chosen = {"x": [ax.get_xticklabels()], "y": [ax.get_yticklabels()]}.get(value_axis or "",
                                                                             [ax.get_xticklabels(), ax.get_yticklabels()])
        for ticks in chosen:
            shown = [t for t in ticks if t.get_visible() and t.get_text()]
            for t in shown:
                if not _inside(t.get_window_extent(renderer), frame):
                    t.set_visible(False)
            shown = [t for t in shown if t.get_visible()]
            boxes = [t.get_window_extent(renderer) for t in shown]
            step = 1
            while step < len(shown) and any(_boxes_overlap(boxes[i], boxes[i + step], -4)
                                            for i in range(0, len(shown) - step, step)):
                step += 1
            for i, t in enumerate(shown):
                t.set_visible(i % step == 0)
