"""Chart builders: what the figure contains, not just that it renders."""

from __future__ import annotations

import re

from matplotlib.colors import to_hex

from briefing.charts import draw_chart, figure_for
from briefing.facts import ChartData, Series
from briefing.spec import ThemeSpec

THEME = ThemeSpec()


def _data(**changes) -> ChartData:
    values = dict(
        kind="søjle", title="Andel aktiverede", categories=("Jobparat", "Aktivitetsparat", "Ressourceforløb"),
        series=(Series("3. kvt. 2019", (76.3, 44.4, None), "earlier"), Series("3. kvt. 2021", (53.0, 80.6, 80.1), "latest")),
        unit="pct.", decimals=1, axis_label="Pct.", source="Jobindsats.dk", period="3. kvt. 2019 og 3. kvt. 2021",
    )
    values.update(changes)
    return ChartData(**values)


def _texts(figure) -> list[str]:
    figure.canvas.draw()
    ax = figure.axes[0]
    ticks = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    return ticks + [t.get_text() for t in ax.texts]


def _bars(figure):
    return [p for p in figure.axes[0].patches if p.get_visible()]


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


def test_no_tick_or_label_uses_a_decimal_point():
    data = _data(series=(Series("2021", (0.25, 1.75, 2.5), "latest"),), decimals=2)
    figure = figure_for(data, THEME, (8, 4.5))
    texts = [t for t in _texts(figure) if t]
    assert texts and not any(re.search(r"\d\.\d", t) for t in texts)
    assert "0,25" in texts  # rounded half up from the data, with a decimal comma


def test_negative_values_get_a_true_minus():
    data = _data(series=(Series("Forskel", (-10.0, -22.0, 7.0), "other"),), decimals=0, unit="personer")
    texts = _texts(figure_for(data, THEME, (8, 4.5)))
    assert "\u221210" in texts and "\u221222" in texts and "7" in texts


def test_own_municipality_is_highlighted_and_region_is_dark():
    data = _data(categories=("Hedensted", "Favrskov", "RAR Østjylland"),
                 series=(Series("Sanktioner", (6.8, 9.4, 8.9), "other"),),
                 category_roles=("own", "peer", "region"))
    bars = _bars(figure_for(data, THEME, (8, 4.5)))
    colors = [to_hex(b.get_facecolor()).upper() for b in bars]
    assert colors == [THEME.colors.highlight, THEME.colors.series[0], THEME.colors.reference]


def test_long_category_names_lay_the_bars_down_instead_of_overlapping():
    names = ("Uddannelseshjælp, uddannelsesparat", "Kontanthjælp, aktivitetsparat", "Jobafklaringsforløb",
             "Ressourceforløb", "Uddannelseshjælp, aktivitetsparat", "Kontanthjælp, jobparat")
    data = _data(categories=names, series=(Series("2021", (1, 2, 3, 4, 5, 6), "latest"),), decimals=0)
    figure = figure_for(data, THEME, (8, 4.5))
    labels = [t.get_text().replace("\n", " ") for t in figure.axes[0].get_yticklabels()]
    assert labels == list(names)  # on the category axis, whole, top to bottom in the given order


def test_png_is_deterministic_and_has_no_software_metadata():
    first = draw_chart(_data(), THEME, (8, 4.5))
    second = draw_chart(_data(), THEME, (8, 4.5))
    assert first == second
    assert b"matplotlib" not in first.lower()
