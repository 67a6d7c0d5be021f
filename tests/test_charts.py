"""Chart builders: what the figure contains, not just that it renders.

Per kind: the facts (order, selection, shares, running totals) and the figure (bar
sizes, point positions, Danish tick texts, the highlight colour, gaps for missing
values). Then properties every kind shares, and the located Danish errors for chart
specs that point at columns, rows or periods that do not exist.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from matplotlib.colors import to_hex

from briefing.charts import CHART_BUILDERS, draw_chart, figure_for
from briefing.spec.chart import (
    CHART_MODELS,
    LineChart,
    QuadrantChart,
    RankingChart,
    StackedChart,
    WaterfallChart,
)
from briefing.load.data import Column, DataTable, Row
from briefing.errors import BriefingError, Location
from briefing.facts.figures import (
    ChartData,
    QuadrantOptions,
    RankingOptions,
    Reference,
    Series,
    StackOptions,
    WaterfallOptions,
    chart_data,
)
from briefing.danish.periods import parse_period
from briefing.spec.models import DeckSpec, TableSpec, ThemeSpec

THEME = ThemeSpec()
MINUS = "\u2212"
DECK = DeckSpec.model_validate(dict(
    title="Briefing", municipality="Hedensted", date="2021-12-06",
    comparison=dict(region="RAR Østjylland", country="Hele landet", peers=["Favrskov", "Skanderborg"]),
    sections=[dict(title="Del 1", slides=["a"])],
))


# ---------------------------------------------------------------- helpers

def _data(**changes) -> ChartData:
    values = dict(
        kind="søjle", title="Andel aktiverede", categories=("Jobparat", "Aktivitetsparat", "Ressourceforløb"),
        series=(Series("3. kvt. 2019", (76.3, 44.4, None), "earlier"), Series("3. kvt. 2021", (53.0, 80.6, 80.1), "latest")),
        unit="pct.", decimals=1, axis_label="Pct.", source="Jobindsats.dk", period="3. kvt. 2019 og 3. kvt. 2021",
    )
    values.update(changes)
    return ChartData(**values)


def _table(labels: tuple[str, ...], values: tuple[str, ...], rows: list[tuple], unit: str = "pct.", **spec) -> DataTable:
    """A data table built in memory: `rows` are label texts followed by numbers (None = suppressed)."""
    table_spec = TableSpec(title="Tabel", source="Jobindsats.dk", unit=unit, rows=[], **spec)
    columns = tuple(Column(name, parse_period(name)) for name in values)
    n = len(labels)
    return DataTable("tabel", table_spec, Location(), labels, columns,
                     tuple(Row(tuple(r[:n]), tuple(None if v is None else float(v) for v in r[n:])) for r in rows))


def _ax(figure):
    figure.canvas.draw()
    return figure.axes[0]


def _texts(figure) -> list[str]:
    """Every text in the figure a reader sees: ticks, data labels, legend, axis labels."""
    ax = _ax(figure)
    texts = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    texts += [t.get_text().strip() for t in ax.texts]
    texts += [ax.get_xlabel(), ax.get_ylabel()]
    if ax.get_legend() is not None:
        texts += [t.get_text() for t in ax.get_legend().get_texts()]
    return [t for t in texts if t]


def _bars(figure):
    return [p for p in _ax(figure).patches if p.get_visible()]


def _hex(color) -> str:
    return to_hex(color).upper()


def _overlaps(artists, figure) -> list[tuple[str, str]]:
    from matplotlib.text import Text

    renderer = figure.canvas.get_renderer()
    boxes = [(a.get_text(), Text.get_window_extent(a, renderer)) for a in artists]  # text only, no leader line
    return [(a, b) for i, (a, box) in enumerate(boxes) for b, other in boxes[i + 1:] if box.overlaps(other)]


# ---------------------------------------------------------------- søjle (grouped bars)

def test_bar_heights_and_danish_labels():
    figure = figure_for(_data(), THEME, (8, 4.5))
    heights = sorted(round(b.get_height(), 1) for b in _bars(figure))
    assert heights == [44.4, 53.0, 76.3, 80.1, 80.6]
    texts = _texts(figure)
    assert {"76,3", "53,0", "44,4", "80,6", "80,1"} <= set(texts)
    assert ["Jobparat", "Aktivitetsparat", "Ressourceforløb"] == [t.get_text() for t in figure.axes[0].get_xticklabels()]


def test_missing_value_is_a_gap_with_a_dash_never_a_zero_bar():
    figure = figure_for(_data(), THEME, (8, 4.5))
    assert len(_bars(figure)) == 5
    assert "–" in _texts(figure)


def test_negative_values_get_a_true_minus():
    data = _data(series=(Series("Forskel", (-10.0, -22.0, 7.0), "other"),), decimals=0, unit="personer")
    texts = _texts(figure_for(data, THEME, (8, 4.5)))
    assert f"{MINUS}10" in texts and f"{MINUS}22" in texts and "7" in texts


def test_own_municipality_is_highlighted_and_region_is_dark():
    data = _data(categories=("Hedensted", "Favrskov", "RAR Østjylland"),
                 series=(Series("Sanktioner", (6.8, 9.4, 8.9), "other"),),
                 category_roles=("own", "peer", "region"))
    colors = [_hex(b.get_facecolor()) for b in _bars(figure_for(data, THEME, (8, 4.5)))]
    assert colors == [THEME.colors.highlight, THEME.colors.series[0], THEME.colors.reference]


def test_long_category_names_lay_the_bars_down_instead_of_overlapping():
    names = ("Uddannelseshjælp, uddannelsesparat", "Kontanthjælp, aktivitetsparat", "Jobafklaringsforløb",
             "Ressourceforløb", "Uddannelseshjælp, aktivitetsparat", "Kontanthjælp, jobparat")
    data = _data(categories=names, series=(Series("2021", (1, 2, 3, 4, 5, 6), "latest"),), decimals=0)
    figure = figure_for(data, THEME, (8, 4.5))
    labels = [t.get_text().replace("\n", " ") for t in figure.axes[0].get_yticklabels()]
    assert labels == list(names)  # on the category axis, whole, top to bottom in the given order


# ---------------------------------------------------------------- rangering

SANCTIONS = _table(("kommune",), ("Sanktioner pr. 100",), [
    ("Hedensted", 6.8), ("Favrskov", 9.4), ("Horsens", 11.3), ("RAR Østjylland", 8.9), ("Vejle", None),
    ("Hele landet", 9.6),
], unit="antal", decimals=1)


def _ranking(**spec) -> ChartData:
    return chart_data("Sanktioner", RankingChart.model_validate(dict(kind="rangering", table="tabel", **spec)),
                      SANCTIONS, DECK)


def test_ranking_facts_sort_descending_with_missing_last_and_references_apart():
    data = _ranking()
    assert data.categories == ("Horsens", "Favrskov", "Hedensted", "Vejle")
    assert data.series[0].values == (11.3, 9.4, 6.8, None)
    assert data.category_roles == ("other", "peer", "own", "other")
    assert data.options.references == (Reference("RAR Østjylland", 8.9, "region"), Reference("Hele landet", 9.6, "country"))
    assert data.has_missing


def test_ranking_ascending_and_references_as_bars():
    data = _ranking(order="stigende", reference="søjler")
    assert data.categories == ("Hedensted", "RAR Østjylland", "Favrskov", "Hele landet", "Horsens", "Vejle")
    assert data.options.references == ()
    colors = [_hex(b.get_facecolor()) for b in _bars(figure_for(data, THEME, (10, 4.5)))]
    assert colors == [THEME.colors.highlight, THEME.colors.reference, THEME.colors.series[0], THEME.colors.muted,
                      THEME.colors.series[0]]  # Vejle is a gap: no bar


def test_ranking_figure_bars_top_down_own_highlighted_and_bold_reference_lines():
    figure = figure_for(_ranking(), THEME, (10, 4.5))
    ax = _ax(figure)
    bars = sorted(_bars(figure), key=lambda b: -b.get_y())  # top first
    assert [round(b.get_width(), 1) for b in bars] == [11.3, 9.4, 6.8]
    assert [_hex(b.get_facecolor()) for b in bars] == [THEME.colors.series[0], THEME.colors.series[0], THEME.colors.highlight]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Horsens", "Favrskov", "Hedensted", "Vejle"]
    own = ax.get_yticklabels()[2]
    assert own.get_fontweight() == "bold"  # not colour alone
    assert [list(line.get_xdata()) for line in ax.lines] == [[8.9, 8.9], [9.6, 9.6]]
    assert [line.get_linestyle() for line in ax.lines] == ["-", "--"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["RAR Østjylland: 8,9", "Hele landet: 9,6"]
    assert "–" in _texts(figure)  # Vejle is a visible gap
    assert not _overlaps(ax.texts, figure)


def test_ranking_reference_without_a_value_is_named_with_a_dash_and_counts_as_missing():
    data = _data(kind="rangering", categories=("Hedensted",), series=(Series("x", (6.8,)),), category_roles=("own",),
                 options=RankingOptions((Reference("RAR Østjylland", None, "region"),)))
    assert data.has_missing
    figure = figure_for(data, THEME, (8, 4.5))
    assert [t.get_text() for t in _ax(figure).get_legend().get_texts()] == ["RAR Østjylland: –"]
    assert not _ax(figure).lines


# ---------------------------------------------------------------- linje

QUARTERS = _table(("område",), ("2021K1", "2020K3", "2020K4", "2021K2"), [
    ("Hedensted", 58.9, 35.8, 52.3, 71.4),
    ("RAR Østjylland", 50.2, 37.1, None, 55.7),
    ("Favrskov", 40.0, 30.0, 35.0, 45.0),
])


def _line(**spec) -> ChartData:
    return chart_data("Aktiverede", LineChart.model_validate(dict(kind="linje", table="tabel", **spec)), QUARTERS, DECK)


def test_line_facts_put_periods_in_time_order_with_danish_labels():
    data = _line()
    assert data.categories == ("3. kvt. 2020", "4. kvt. 2020", "1. kvt. 2021", "2. kvt. 2021")
    assert data.series[0] == Series("Hedensted", (35.8, 52.3, 58.9, 71.4), "own")
    assert data.series[1] == Series("RAR Østjylland", (37.1, None, 50.2, 55.7), "region")
    assert data.period == "3. kvt. 2020-2. kvt. 2021"


def test_line_facts_choose_lines_and_periods():
    data = _line(lines=["RAR Østjylland", "Hedensted"], periods=["2021K2", "2020K3"])
    assert data.categories == ("3. kvt. 2020", "2. kvt. 2021")
    assert [s.name for s in data.series] == ["RAR Østjylland", "Hedensted"]
    assert data.series[1].values == (35.8, 71.4)


def test_line_figure_gap_for_missing_own_emphasised_and_end_labels_apart():
    figure = figure_for(_line(), THEME, (10, 4.5))
    ax = _ax(figure)
    own, region, peer = ax.lines
    assert list(own.get_ydata()) == [35.8, 52.3, 58.9, 71.4]
    assert math.isnan(region.get_ydata()[1])  # a break in the line, never a zero
    assert _hex(own.get_color()) == THEME.colors.highlight
    assert own.get_linewidth() > max(region.get_linewidth(), peer.get_linewidth())
    assert region.get_linestyle() == "--"  # references differ by dash pattern too
    assert [t.get_text().replace("\n", " ") for t in ax.get_xticklabels()] == [
        "3. kvt. 2020", "4. kvt. 2020", "1. kvt. 2021", "2. kvt. 2021"]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["Hedensted: 71,4", "RAR Østjylland: 55,7", "Favrskov: 45,0"]
    assert ax.texts[0].get_fontweight() == "bold"
    assert not _overlaps(ax.texts, figure)


def test_line_end_labels_of_close_values_are_spread_apart():
    data = _data(kind="linje", categories=("2019", "2020", "2021"),
                 series=(Series("Hedensted", (50, 60, 70.0), "own"), Series("RAR Østjylland", (50, 60, 70.2), "region"),
                         Series("Hele landet", (50, 60, 69.9), "country")))
    figure = figure_for(data, THEME, (8, 4.5))
    assert not _overlaps(_ax(figure).texts, figure)


def test_line_with_many_periods_thins_tick_labels_but_keeps_the_latest():
    categories = tuple(f"{q}. kvt. {y}" for y in range(2015, 2022) for q in range(1, 5))
    data = _data(kind="linje", categories=categories, series=(Series("Hedensted", tuple(range(len(categories))), "own"),))
    ticks = [t.get_text().replace("\n", " ") for t in _ax(figure_for(data, THEME, (8, 4.5))).get_xticklabels()]
    assert ticks[-1] == "4. kvt. 2021" and len(ticks) < len(categories)


# ---------------------------------------------------------------- stablet

STATUS = _table(("målgruppe", "status"), ("RAR Østjylland", "Hedensted"), [
    ("Jobparat", "Job", 68.2, 64.5), ("Jobparat", "Uddannelse", 7.4, 8.3), ("Jobparat", "Fleksjob", 0.1, None),
    ("Aktivitetsparat", "Job", 15.7, 17.8), ("Aktivitetsparat", "Uddannelse", 5.1, 4.1),
    ("Aktivitetsparat", "Fleksjob", 5.9, 23.3),
])
SURVEY = _table(("udsagn",), ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig"), [
    ("Respekt", 46.1, 32.3, 9.5, 7.0, 5.1), ("Breve", 21.4, 31.2, 17.9, 16.3, 13.2),
])


def _stacked(table: DataTable, **spec) -> ChartData:
    return chart_data("Status", StackedChart.model_validate(dict(kind="stablet", table="tabel", **spec)), table, DECK)


def test_stacked_long_form_pivots_parts_and_adds_the_rest_up_to_100():
    data = _stacked(STATUS, categories="målgruppe", stack="status", value="Hedensted", rest="Øvrige")
    assert data.categories == ("Jobparat", "Aktivitetsparat")
    assert [s.name for s in data.series] == ["Job", "Uddannelse", "Fleksjob", "Øvrige"]
    assert data.series[2].values == (None, 23.3)
    rest = data.series[3]
    assert rest.role == "rest" and rest.values[0] is None  # unknown: a part is suppressed
    assert round(rest.values[1], 1) == 54.8


def test_stacked_counts_become_shares_and_a_missing_count_hides_the_whole_bar():
    counts = _table(("gruppe",), ("Ja", "Nej"), [("A", 30, 10), ("B", 5, None)], unit="personer")
    data = _stacked(counts)
    assert data.unit == "pct."
    assert data.series[0].values == (75.0, None) and data.series[1].values == (25.0, None)


def test_stacked_figure_segments_start_where_the_previous_ends_and_unknown_is_outlined():
    data = _stacked(STATUS, categories="målgruppe", stack="status", value="Hedensted", rest="Øvrige")
    figure = figure_for(data, THEME, (10, 4.5))
    ax = _ax(figure)
    top = sorted([b for b in ax.patches if hasattr(b, "briefing_value") and b.get_y() > 0.5], key=lambda b: b.get_x())
    assert [(round(b.get_x(), 1), round(b.get_width(), 1)) for b in top] == [(0.0, 64.5), (64.5, 8.3)]
    unknown = [b for b in ax.patches if not hasattr(b, "briefing_value") and b.get_y() > 0.5]
    assert [(round(b.get_x(), 1), round(b.get_width(), 1)) for b in unknown] == [(72.8, 27.2)]
    assert _hex(unknown[0].get_facecolor()) == THEME.colors.background and unknown[0].get_linestyle() not in ("-", "solid")
    assert "–" in _texts(figure)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Job", "Uddannelse", "Fleksjob", "Øvrige"]
    assert {"64,5", "23,3", "54,8"} <= set(_texts(figure))
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "20", "40", "60", "80", "100"]


def test_stacked_legend_reads_row_by_row_in_part_order():
    parts = ("Lønmodtagerbeskæftigelse", "Uddannelse", "Fleksjob", "Ledighedsydelse", "Førtidspension", "Øvrige")
    data = _data(kind="stablet", categories=("Jobparat",), series=tuple(Series(p, (10.0,)) for p in parts),
                 options=StackOptions())
    legend = _ax(figure_for(data, THEME, (6, 4.5))).get_legend()
    assert legend._ncols < len(parts)  # wrapped over lines to fit the width
    texts = [t.get_text() for t in legend.get_texts()]
    columns = legend._ncols
    rows = -(-len(parts) // columns)
    reading = [texts[c * rows + r] for r in range(rows) for c in range(columns) if c * rows + r < len(texts)]
    assert [t for t in reading if t] == list(parts)


def test_diverging_likert_is_centred_on_the_neutral_answer():
    data = _stacked(SURVEY, diverging=True)
    assert data.variant == "divergerende" and data.options.neutral == 2
    figure = figure_for(data, THEME, (10, 4.5))
    ax = _ax(figure)
    top = {b.briefing_part: b for b in ax.patches if hasattr(b, "briefing_value") and b.get_y() > 0.5}
    neutral = top["Hverken enig eller uenig"]
    assert round(neutral.get_x(), 2) == -4.75 and round(neutral.get_width(), 2) == 9.5
    assert round(top["Delvis enig"].get_x(), 2) == 4.75  # mild agreement next to the centre
    assert round(top["Helt enig"].get_x(), 2) == round(4.75 + 32.3, 2)
    assert round(top["Delvis uenig"].get_x(), 2) == round(-4.75 - 7.0, 2)
    assert round(top["Helt uenig"].get_x(), 2) == round(-4.75 - 7.0 - 5.1, 2)
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert not any(MINUS in t or "-" in t for t in ticks) and ticks.count("20") == 2  # shares on both sides
    assert {"78,4", "12,1", "52,6", "29,5"} <= set(_texts(figure))  # totals agreeing and disagreeing
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(legend) == set(SURVEY.value_names())
    colors = [_hex(top[name].get_facecolor()) for name in SURVEY.value_names()]
    assert colors[0] == THEME.colors.accent and colors[-1] == THEME.colors.highlight
    assert colors[2] == THEME.colors.series[0]


def test_diverging_with_an_even_scale_splits_between_the_middle_answers():
    data = _data(kind="stablet", categories=("A",), series=(Series("Enig", (60.0,)), Series("Uenig", (40.0,))),
                 options=StackOptions(diverging=True, neutral=None), variant="divergerende")
    ax = _ax(figure_for(data, THEME, (8, 4.5)))
    spans = sorted((round(b.get_x(), 1), round(b.get_width(), 1)) for b in ax.patches if hasattr(b, "briefing_value"))
    assert spans == [(-40.0, 40.0), (0.0, 60.0)]


def test_every_likert_colour_keeps_3_to_1_contrast_against_the_background():
    from briefing.charts.base import contrast
    from briefing.charts.stacked import _likert_colors

    data = _stacked(SURVEY, diverging=True)
    assert all(contrast(c, THEME.colors.background) >= 3.0 for c in _likert_colors(data, THEME))


# ---------------------------------------------------------------- kvadrant

COST_EFFECT = _table(("målgruppe",), ("Udgift", "Effekt"), [
    ("Jobparat", -6.0, -3.7), ("Aktivitetsparat", 14.0, 2.1), ("Jobafklaring", 18.0, -0.2),
    ("Ressourceforløb", 9.0, None),
], unit="pct.point")
QUADRANTS = dict(top_left="Lave udgifter, høj effekt", top_right="Høje udgifter, høj effekt",
                 bottom_left="Lave udgifter, lav effekt", bottom_right="Høje udgifter, lav effekt")


def _quadrant() -> ChartData:
    spec = QuadrantChart.model_validate(dict(kind="kvadrant", table="tabel", x="Udgift", y="Effekt",
                                             x_axis="Udgift pr. borger (pct.)", quadrants=QUADRANTS))
    return chart_data("Udgift og effekt", spec, COST_EFFECT, DECK)


def test_quadrant_points_sit_at_their_values_with_dashed_zero_lines_and_captions():
    data = _quadrant()
    assert data.options == QuadrantOptions("Udgift pr. borger (pct.)", "Effekt", tuple(QUADRANTS.values()))
    figure = figure_for(data, THEME, (10, 4.5))
    ax = _ax(figure)
    points = [tuple(float(v) for v in c.get_offsets()[0]) for c in ax.collections]
    assert points == [(-6.0, -3.7), (14.0, 2.1), (18.0, -0.2)]  # Ressourceforløb has no effect value
    horizontal, vertical = ax.lines
    assert list(horizontal.get_ydata()) == [0, 0] and list(vertical.get_xdata()) == [0, 0]
    assert horizontal.get_linestyle() == vertical.get_linestyle() == "--"
    left, right = ax.get_xlim()
    assert left == -right and right > 18  # symmetric: four equal quadrants
    texts = _texts(figure)
    assert set(QUADRANTS.values()) <= set(texts)
    assert {"Jobparat", "Aktivitetsparat", "Jobafklaring"} <= set(texts)
    assert "Ikke vist, tal mangler (–): Ressourceforløb" in ax.get_xlabel().replace("\n", " ")
    assert f"{MINUS}10" in texts  # true minus on the deviation axis


def test_quadrant_labels_never_overlap_each_other_or_the_captions():
    names = tuple(f"Målgruppe {i}" for i in range(8))
    xs = tuple(10.0 + 0.3 * i for i in range(8))
    ys = tuple(5.0 + 0.2 * i for i in range(8))
    data = _data(kind="kvadrant", categories=names, series=(Series("x", xs, "x"), Series("y", ys, "y")),
                 options=QuadrantOptions("x", "y", tuple(QUADRANTS.values())))
    figure = figure_for(data, THEME, (10, 4.5))
    assert not _overlaps(_ax(figure).texts, figure)


def test_quadrant_highlights_the_own_municipality():
    data = _data(kind="kvadrant", categories=("Hedensted", "Vejle"),
                 series=(Series("x", (1.0, -1.0), "x"), Series("y", (1.0, 2.0), "y")),
                 category_roles=("own", "other"), options=QuadrantOptions("x", "y"))
    ax = _ax(figure_for(data, THEME, (8, 4.5)))
    assert [_hex(c.get_facecolor()[0]) for c in ax.collections] == [THEME.colors.highlight, THEME.colors.accent]


# ---------------------------------------------------------------- vandfald

LEVERS = _table(("trin",), ("Beløb",), [
    ("I dag", 38_400_000), ("Tidlig indsats", -3_200_000), ("Kortere forløb", -2_100_000), ("Screening", 900_000),
], unit="kr.")


def _waterfall(table: DataTable = LEVERS) -> ChartData:
    spec = WaterfallChart.model_validate(dict(kind="vandfald", table="tabel", total="Scenarie"))
    return chart_data("Udgift", spec, table, DECK)


def test_waterfall_facts_sum_the_changes_into_the_result_in_millions():
    data = _waterfall()
    assert data.categories == ("I dag", "Tidlig indsats", "Kortere forløb", "Screening", "Scenarie")
    assert data.series[0].values == (38_400_000, -3_200_000, -2_100_000, 900_000, 34_000_000)
    assert data.category_roles == ("total", "change", "change", "change", "total")
    assert data.options == WaterfallOptions("mio.") and data.axis_label == "Mio. kr."


def test_waterfall_bars_float_from_the_running_total_with_signed_money_labels():
    figure = figure_for(_waterfall(), THEME, (10, 4.5))
    ax = _ax(figure)
    bars = sorted(_bars(figure), key=lambda b: b.get_x())
    spans = [(round(b.get_y(), 1), round(b.get_y() + b.get_height(), 1)) for b in bars]
    assert spans == [(0.0, 38.4), (35.2, 38.4), (33.1, 35.2), (33.1, 34.0), (0.0, 34.0)]
    colors = [_hex(b.get_facecolor()) for b in bars]
    c = THEME.colors
    assert colors == [c.accent, c.series[2], c.series[2], c.highlight, c.accent]
    assert [t.get_text() for t in ax.texts] == [
        "38,4\xa0mio.\xa0kr.", f"{MINUS}3,2\xa0mio.\xa0kr.", f"{MINUS}2,1\xa0mio.\xa0kr.", "+0,9\xa0mio.\xa0kr.",
        "34,0\xa0mio.\xa0kr."]
    assert ax.get_ylim()[0] == 0  # the value axis starts at zero
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["0", "10", "20"]
    assert len(ax.lines) == 4  # dashed steps between the bars


def test_waterfall_missing_change_leaves_gaps_and_no_result():
    table = _table(("trin",), ("Beløb",), [("I dag", 100), ("A", None), ("B", -10)], unit="personer")
    data = _waterfall(table)
    assert data.series[0].values == (100, None, -10, None)
    figure = figure_for(data, THEME, (8, 4.5))
    assert len(_bars(figure)) == 2
    assert _texts(figure).count("–") == 2


def test_waterfall_lies_down_when_a_long_word_does_not_fit_under_its_bar():
    table = _table(("trin",), ("Beløb",), [("Udgift i dag", 100), ("Funktionsnedsættelsesscreeningerne", -10),
                                           ("Beskæftigelsesindsatsforbedringer", 5)], unit="personer")
    figure = figure_for(_waterfall(table), THEME, (5, 4.5))
    ax = _ax(figure)
    assert [t.get_text() for t in ax.get_yticklabels()][1] == "Funktionsnedsættelsesscreeningerne"
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "Scenarie"  # still read top to bottom
    upright = figure_for(_waterfall(), THEME, (12, 4.5))
    assert _ax(upright).get_xticklabels()[0].get_text().replace("\n", " ") == "I dag"


# ---------------------------------------------------------------- every kind

def _every_kind() -> list[ChartData]:
    return [_data(), _ranking(), _line(), _stacked(STATUS, categories="målgruppe", stack="status", value="Hedensted",
                                                   rest="Øvrige"),
            _stacked(SURVEY, diverging=True), _quadrant(), _waterfall()]


def test_every_chart_kind_has_a_builder_and_a_spec_model():
    kinds = {model.model_fields["kind"].annotation.__args__[0] for model in CHART_MODELS}
    assert kinds == set(CHART_BUILDERS) == {d.kind for d in _every_kind()}


@pytest.mark.parametrize("data", _every_kind(), ids=lambda d: d.kind + (f"-{d.variant}" if d.variant else ""))
def test_no_tick_or_label_uses_a_decimal_point(data):
    figure = figure_for(data, THEME, (10, 4.5))
    texts = _texts(figure)
    assert texts and not [t for t in texts if re.search(r"\d\.\d", t)]
    assert not [t for t in texts if re.search(r"(^|\s)-\d", t)]  # negatives take a true minus


def test_no_decimal_point_with_two_decimals_and_rounding_half_up():
    data = _data(series=(Series("2021", (0.25, 1.75, 2.5), "latest"),), decimals=2)
    texts = _texts(figure_for(data, THEME, (8, 4.5)))
    assert not any(re.search(r"\d\.\d", t) for t in texts)
    assert "0,25" in texts


@pytest.mark.parametrize("data", _every_kind(), ids=lambda d: d.kind + (f"-{d.variant}" if d.variant else ""))
def test_no_text_under_12_pt_at_slide_size(data):
    ax = _ax(figure_for(data, THEME, (10, 4.5)))
    texts = ax.get_xticklabels() + ax.get_yticklabels() + ax.texts + [ax.xaxis.label, ax.yaxis.label]
    texts += ax.get_legend().get_texts() if ax.get_legend() else []
    assert min(t.get_fontsize() for t in texts if t.get_text()) >= 12


@pytest.mark.parametrize("data", _every_kind(), ids=lambda d: d.kind + (f"-{d.variant}" if d.variant else ""))
def test_png_is_deterministic_and_has_no_software_metadata(data):
    first = draw_chart(data, THEME, (8, 4.5))
    second = draw_chart(data, THEME, (8, 4.5))
    assert first == second
    assert b"matplotlib" not in first.lower()


def test_alt_text_names_the_kind_and_what_is_compared():
    from briefing.facts.alttext import alt_text

    assert alt_text(_line()) == (
        "Linjediagram: Aktiverede. Pct. for Hedensted, RAR Østjylland og Favrskov fra 3. kvt. 2020 til 2. kvt. 2021. "
        "2. kvt. 2021: Hedensted 71,4, RAR Østjylland 55,7 og Favrskov 45,0. Kilde: Jobindsats.dk, "
        "3. kvt. 2020-2. kvt. 2021.")
    assert alt_text(_waterfall()) == (
        # issue 14: names inside the sentence in their sentence form (was 'Fra I dag ... over Tidlig indsats')
        "Vandfaldsdiagram: Udgift. Fra i dag 38,4\xa0mio.\xa0kr. over tidlig indsats \u22123,2\xa0mio.\xa0kr., "
        "kortere forløb \u22122,1\xa0mio.\xa0kr. og screening +0,9\xa0mio.\xa0kr. til scenarie 34,0\xa0mio.\xa0kr. "
        "Kilde: Jobindsats.dk.")
    assert alt_text(_stacked(SURVEY, diverging=True)).startswith(
        "Divergerende søjlediagram: Status. Svarfordeling i pct. fra helt enig til helt uenig for 2 udsagn. "
        "Andel enige: respekt 78,4 og breve 52,6.")
    assert "Høje udgifter, lav effekt: jobafklaring" in alt_text(_quadrant())  # issue 14: sentence form


# ---------------------------------------------------------------- located errors for chart specs

def _slide(project: Path, name: str, chart: str) -> None:
    """Write a chart slide and put it in the deck, so it is checked like any other slide."""
    (project / "inputs" / "slides" / f"{name}.yaml").write_text(
        f"kind: diagram\ntitle: Test af {name}\nchart:\n{chart}", encoding="utf-8")
    deck = project / "inputs" / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8").replace("[anbefalinger,", f"[{name}, anbefalinger,", 1),
                    encoding="utf-8")


def _errors(project: Path) -> list[str]:
    from briefing.build import load

    with pytest.raises(BriefingError) as caught:
        load(project / "inputs")
    return caught.value.render(project).splitlines()


CHART_ERRORS = [
    ("ranking-unknown-value",
     "  kind: rangering\n  table: sanktioner\n  value: Sanktioner pr 100\n",
     "inputs/slides/x.yaml:6:10: chart.value: ukendt talkolonne 'Sanktioner pr 100' (mente du 'Sanktioner pr. 100'?) "
     "(talkolonner i 'sanktioner': Sanktioner pr. 100)"),
    ("ranking-unknown-category-column",
     "  kind: rangering\n  table: sanktioner\n  categories: kommuner\n",
     "inputs/slides/x.yaml:6:15: chart.categories: ukendt tekstkolonne 'kommuner' (mente du 'kommune'?) "
     "(tekstkolonner i 'sanktioner': kommune)"),
    ("ranking-repeated-categories",
     "  kind: rangering\n  table: aktivering-andel\n",
     "inputs/slides/x.yaml:5:10: chart.table: 'Kontanthjælp, jobparat' står i flere rækker i 'aktivering-andel'; "
     "vælg rækker med where, fx efter tilbud"),
    ("line-unknown-line",
     "  kind: linje\n  table: aktivering-kvartal\n  lines: [Hedensted, RAR Østjyland]\n",
     "inputs/slides/x.yaml:6:22: chart.lines[2]: 'RAR Østjyland' findes ikke i kolonnen 'område' "
     "(mente du 'RAR Østjylland'?) (findes: Hedensted, RAR Østjylland, Hele landet)"),
    ("line-unknown-period",
     "  kind: linje\n  table: aktivering-kvartal\n  periods: [2019K3, 2021K4]\n",
     "inputs/slides/x.yaml:6:21: chart.periods[2]: ukendt periode '2021K4' (mente du '2021K3'?) "
     "(perioder i 'aktivering-kvartal': 3. kvt. 2019, 4. kvt. 2019, 1. kvt. 2020, 2. kvt. 2020, 3. kvt. 2020, "
     "4. kvt. 2020, 1. kvt. 2021, 2. kvt. 2021, 3. kvt. 2021)"),
    ("line-column-not-a-period",
     "  kind: linje\n  table: borgerundersoegelse\n  periods: [Helt enig]\n",
     "inputs/slides/x.yaml:6:13: chart.periods[1]: kolonnen 'Helt enig' er ikke en periode "
     "(perioder i 'borgerundersoegelse': ingen)"),
    ("line-needs-two-periods",
     "  kind: linje\n  table: sanktioner\n",
     "inputs/slides/x.yaml:5:10: chart.table: et linjediagram skal have mindst to perioder på x-aksen; "
     "'sanktioner' har 0 (talkolonner: Sanktioner pr. 100)"),
    ("stacked-unknown-stack-column",
     "  kind: stablet\n  table: status-efter-forloeb\n  categories: målgruppe\n  stack: statuss\n",
     "inputs/slides/x.yaml:7:10: chart.stack: ukendt tekstkolonne 'statuss' (mente du 'status'?) "
     "(tekstkolonner i 'status-efter-forloeb': målgruppe, status)"),
    ("stacked-unknown-part-in-long-form",
     "  kind: stablet\n  table: status-efter-forloeb\n  categories: målgruppe\n  stack: status\n"
     "  parts: [Lønmodtagerbeskæftigelse, Fleksjobb]\n",
     "inputs/slides/x.yaml:8:37: chart.parts[2]: 'Fleksjobb' findes ikke i kolonnen 'status' (mente du 'Fleksjob'?) "
     "(findes: Lønmodtagerbeskæftigelse, Uddannelse, Fleksjob, Ledighedsydelse, Førtidspension)"),
    ("stacked-unknown-part-column",
     "  kind: stablet\n  table: borgerundersoegelse\n  parts: [Helt enig, Meget enig]\n",
     "inputs/slides/x.yaml:6:22: chart.parts[2]: ukendt talkolonne 'Meget enig' (mente du 'Helt enig'?) "
     "(talkolonner i 'borgerundersoegelse': Helt enig, Delvis enig, Hverken enig eller uenig, Delvis uenig, Helt uenig)"),
    ("stacked-neutral-not-a-part",
     "  kind: stablet\n  table: borgerundersoegelse\n  diverging: ja\n  neutral: Ved ikke\n",
     "inputs/slides/x.yaml:7:12: chart.neutral: det neutrale svar 'Ved ikke' er ikke blandt delene "
     "(delene: Helt enig, Delvis enig, Hverken enig eller uenig, Delvis uenig, Helt uenig)"),
    ("stacked-rest-needs-shares",
     "  kind: stablet\n  table: aktivering-antal\n  categories: målgruppe\n  stack: tilbud\n  rest: Øvrige\n",
     "inputs/slides/x.yaml:8:9: chart.rest: 'rest' kan kun bruges, når tabellen er i pct.; "
     "'aktivering-antal' er i personer"),
    ("quadrant-unknown-axis-column",
     "  kind: kvadrant\n  table: udgift-effekt\n  x: Udgift\n  y: Andel i job\n",
     "inputs/slides/x.yaml:6:6: chart.x: ukendt talkolonne 'Udgift' (talkolonner i 'udgift-effekt': "
     "Udgift pr. borger, Andel i job)"),
    ("waterfall-unknown-value",
     "  kind: vandfald\n  table: udgift-scenarie\n  value: Belob\n",
     "inputs/slides/x.yaml:6:10: chart.value: ukendt talkolonne 'Belob' (mente du 'Beløb'?) "
     "(talkolonner i 'udgift-scenarie': Beløb)"),
]


@pytest.mark.parametrize("chart, expected", [c[1:] for c in CHART_ERRORS], ids=[c[0] for c in CHART_ERRORS])
def test_chart_spec_pointing_at_something_missing_gets_a_located_danish_error(project, chart, expected):
    _slide(project, "x", chart)
    assert _errors(project) == [expected]


def test_every_example_chart_kind_passes_the_reference_check(project):
    from briefing.build import load

    kinds = {entry.spec.chart.kind for entry in load(project / "inputs").slides.values()
             if entry.spec.kind == "diagram"}
    assert kinds == set(CHART_BUILDERS)


def test_a_long_ranking_shows_its_ends_and_the_own_municipality(tmp_path):
    from briefing.facts.figures import chart_data
    from briefing.build import load

    import shutil
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    for folder in ("inputs", "themes"):
        shutil.copytree(repo / folder, tmp_path / folder)
    rows = "".join(f"  - kommune: Kommune {i:02d}\n    '2021': {i},5\n" for i in range(1, 41))
    rows += "  - kommune: Hedensted\n    '2021': 20,0\n"
    (tmp_path / "inputs" / "data" / "mange.yaml").write_text(
        "title: Mange\nsource: S\nperiod: '2021'\ndecimals: 1\nrows:\n" + rows, encoding="utf-8")
    project = load(tmp_path / "inputs")
    from briefing.spec.chart import RankingChart

    spec = RankingChart.model_validate({"kind": "rangering", "table": "mange"})
    data = chart_data("Mange", spec, project.tables["mange"], project.deck)
    assert len(data.categories) == 17
    assert data.categories[:2] == ("Kommune 40", "Kommune 39") and data.categories[-1] == "Kommune 01"
    assert "Hedensted" in data.categories
    assert data.note == "Viser de otte øverste og nederste af 41 samt egen kommune og sammenlignelige kommuner"


def test_png_holds_exactly_the_drawn_pixels_at_the_theme_resolution():
    import io

    import numpy
    from PIL import Image
    from pptx.parts.image import Image as PptxImage

    from briefing.charts.base import render_png

    figure = figure_for(_every_kind()[0], THEME, (8, 4.5))
    png = render_png(figure, THEME)
    drawn = numpy.asarray(figure.canvas.buffer_rgba())[:, :, :3]
    with Image.open(io.BytesIO(png)) as image:
        assert image.mode == "RGB" and image.size == (1600, 900)
        assert numpy.array_equal(numpy.asarray(image), drawn)
    assert PptxImage.from_blob(png).dpi == (THEME.dpi, THEME.dpi)  # PowerPoint places it at its real size


@pytest.mark.parametrize("first", [None, 12.0])
def test_every_series_keeps_its_legend_swatch_even_when_its_first_value_is_missing(first):
    data = _data(series=(Series("3. kvt. 2019", (76.3, 44.4, 60.0), "earlier"),
                         Series("3. kvt. 2021", (first, 80.6, 80.1), "latest")))
    figure = figure_for(data, THEME, (8, 4.5))
    legend = figure.axes[0].get_legend()
    swatches = legend.get_patches()
    assert [t.get_text() for t in legend.get_texts()] == ["3. kvt. 2019", "3. kvt. 2021"]
    assert all(p.get_visible() for p in swatches)
    assert len({_hex(p.get_facecolor()) for p in swatches}) == 2


def test_a_waterfall_whose_shown_steps_miss_its_shown_result_says_it_is_rounding():
    """398,1 − 12,4 − 8,8 + 3,5 is 380,4 as shown, the result 380,45 shows as 380,5: the source line says why."""
    from briefing.facts.figures import ROUNDING_NOTE, _rounding_note
    from tests.test_narrative_cases import table

    rows = [{"trin": "a", "2025": 1}]
    kroner = table(rows, unit="kr.", scale="mio.")
    steps = [398_100_000, -12_400_000, -8_750_000, 3_500_000]
    assert _rounding_note(steps, sum(steps), kroner, "mio.") == ROUNDING_NOTE
    even = [398_100_000, -12_400_000, -8_700_000, 3_500_000]
    assert _rounding_note(even, sum(even), kroner, "mio.") == ""
    assert _rounding_note(steps, None, kroner, "mio.") == ""  # a missing step: no result is shown
    persons = table(rows, unit="personer")
    assert _rounding_note([10.4, 10.4], 20.8, persons, None) == ROUNDING_NOTE  # 10 + 10 shown against 21
