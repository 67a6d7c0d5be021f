"""Quadrant labels never overlap each other, a caption or a point, and stay inside the axes: a property over
clustered points and names of any length, in each font the theme may resolve to (the width differs per font,
so a placement tuned to one font must not overlap in another)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.text import Text

from briefing.charts import figure_for
from briefing.charts.quadrant import MARKER_PT
from briefing.spec.chartdata import ChartData, QuadrantOptions, Series
from briefing.spec.models import ThemeSpec

CAPTIONS = ("Lave udgifter, høj effekt", "Høje udgifter, høj effekt", "Lave udgifter, lav effekt",
            "Høje udgifter, lav effekt")
FONTS = [["DejaVu Sans"], ["Arial", "Liberation Sans", "DejaVu Sans"]]  # widest installed one, and the default


def _figure(names, xs, ys, font):
    data = ChartData(kind="kvadrant", title="Udgift og effekt", categories=tuple(names),
                     series=(Series("x", tuple(xs), "x"), Series("y", tuple(ys), "y")), unit="pct.", decimals=1,
                     axis_label="", source="Jobindsats.dk", period="3. kvt. 2021",
                     options=QuadrantOptions("Udgift", "Effekt", CAPTIONS))
    theme = ThemeSpec.model_validate({"fonts": {"chart": font}})
    figure = figure_for(data, theme, (10, 4.5))
    figure.canvas.draw()
    return figure


def _label_boxes(figure):
    renderer = figure.canvas.get_renderer()
    return [(t.get_text(), Text.get_window_extent(t, renderer)) for t in figure.axes[0].texts]


@st.composite
def clusters(draw):
    """Up to 9 points, most of them crowded around one spot, with names from 3 to 22 characters."""
    n = draw(st.integers(1, 9))
    cx = draw(st.floats(-20, 20, allow_nan=False))
    cy = draw(st.floats(-10, 10, allow_nan=False))
    xs = [cx + draw(st.floats(-1, 1, allow_nan=False)) for _ in range(n)]
    ys = [cy + draw(st.floats(-1, 1, allow_nan=False)) for _ in range(n)]
    words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåÆØÅ", min_size=3, max_size=22)
    names = draw(st.lists(words, min_size=n, max_size=n, unique=True))
    return names, xs, ys


@pytest.mark.parametrize("font", FONTS, ids=["dejavu", "default"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cluster=clusters())
def test_quadrant_labels_never_overlap_and_stay_inside(font, cluster):
    names, xs, ys = cluster
    figure = _figure(names, xs, ys, font)
    ax = figure.axes[0]
    renderer = figure.canvas.get_renderer()
    boxes = _label_boxes(figure)
    overlaps = [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:] if box.overlaps(other)]
    assert not overlaps
    axes_box = ax.get_window_extent(renderer)
    outside = [a for a, box in boxes if not (axes_box.contains(box.x0, box.y0) and axes_box.contains(box.x1, box.y1))]
    assert not outside
    r = MARKER_PT / 2 * figure.dpi / 72
    centres = [ax.transData.transform((x, y)) for x, y in zip(xs, ys)]
    on_a_point = [a for a, box in boxes if a not in CAPTIONS
                  for cx, cy in centres if box.x0 < cx + r and box.x1 > cx - r and box.y0 < cy + r and box.y1 > cy - r]
    assert not on_a_point
