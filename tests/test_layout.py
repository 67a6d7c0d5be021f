"""Layout that holds for any municipality's data: 200+ seeded random but realistic charts, tiles, titles and
tables, checked by geometry (matplotlib's text extents, the fitter's measured boxes): no overlap, no
clipping, no word broken, no text outside its box."""

from __future__ import annotations

import random

import pytest

from briefing.charts import figure_for
from briefing.danish import fmt
from briefing.danish.fmt import keep_together
from briefing.danish.typeset import fit_text, text_width_pt, wrap_lines
from briefing.spec.chartdata import (
    ChartData,
    QuadrantOptions,
    RankingOptions,
    Reference,
    Series,
    StackOptions,
    WaterfallOptions,
)
from briefing.spec.models import ThemeSpec

THEME = ThemeSpec(dpi=72)  # geometry is the same at any resolution; 72 dpi draws fastest
SEED = 17
PLACES = ["Høje-Taastrup", "Ringkøbing-Skjern", "Lyngby-Taarbæk", "Vestegnskommunerne i alt", "Hele landet",
          "RAR Hovedstaden", "Albertslund", "Brøndby", "Ishøj", "Fanø", "Aarhus", "Horsens"]
GROUPS = ["Dagpenge", "Kontanthjælp, jobparat", "Kontanthjælp, aktivitetsparat", "Uddannelseshjælp, uddannelsesparat",
          "Uddannelseshjælp, aktivitetsparat", "Sygedagpenge", "Jobafklaringsforløb", "Ressourceforløb", "Fleksjob",
          "Ledighedsydelse", "Revalidering", "Førtidspension"]
WORDS = ["borgere", "med", "job", "i", "virksomhedspraktik", "og", "løntilskud", "over", "30", "år", "uden",
         "uddannelse", "ledige", "kvinder", "mænd", "3. kvt. 2021", "nytteindsats", "forløb", "på", "ydelse"]
PERIODS = ["3. kvt. 2019", "3. kvt. 2021", "2020", "4. kvt. 2020-3. kvt. 2021", "marts 2023"]


def _label(rng: random.Random, longest: int = 60) -> str:
    pick = rng.random()
    if pick < 0.35:
        return rng.choice(PLACES)
    if pick < 0.7:
        return rng.choice(GROUPS)
    text = rng.choice(GROUPS + PLACES)
    while len(text) < rng.randint(10, longest):
        text += " " + rng.choice(WORDS)
    return text[:longest].rstrip() if len(text) > longest else text


def _unique(rng, n, make):
    seen: list[str] = []
    while len(seen) < n:
        text = make()
        if text in seen:
            text = f"{text} {len(seen) + 1}"
        seen.append(text)
    return tuple(seen)


def _chart(rng: random.Random) -> tuple[ChartData, tuple[float, float]]:
    n_cat, n_ser = rng.randint(2, 30), rng.randint(1, 4)
    magnitude = rng.choice([10, 100, 1000, 100_000, 1_000_000])
    signed = rng.random() < 0.25  # deviations: some negative
    decimals = rng.choice([0, 1]) if magnitude <= 1000 else 0
    series = []
    names = _unique(rng, n_ser, lambda: rng.choice(PLACES + PERIODS))
    for i, name in enumerate(names):
        values = tuple(None if rng.random() < 0.05 else
                       round(rng.uniform(-magnitude if signed else 0, magnitude), decimals) for _ in range(n_cat))
        series.append(Series(name, values, "own" if i == 0 and rng.random() < 0.5 else "other"))
    data = ChartData(kind="søjle", title="Diagram", categories=_unique(rng, n_cat, lambda: _label(rng)),
                     series=tuple(series), unit="personer", decimals=decimals, axis_label="Personer",
                     source="Jobindsats.dk", period="3. kvt. 2021")
    size = rng.choice([(7.4, 4.3), (11.9, 4.6), (6.0, 4.0), (8.5, 3.6)])
    return data, size


def _overlap(a, b, slack=0.5) -> bool:
    return a.x0 < b.x1 - slack and b.x0 < a.x1 - slack and a.y0 < b.y1 - slack and b.y0 < a.y1 - slack


def _inside(box, frame, slack=0.5) -> bool:
    return box.x0 >= frame.x0 - slack and box.x1 <= frame.x1 + slack and box.y0 >= frame.y0 - slack \
        and box.y1 <= frame.y1 + slack


def _shown_ticks(ax) -> list:
    """Tick labels matplotlib draws: visible, with text, at a tick inside the axis' limits."""
    shown = []
    for axis, labels in ((ax.xaxis, ax.get_xticklabels()), (ax.yaxis, ax.get_yticklabels())):
        low, high = sorted(axis.get_view_interval())
        shown += [t for loc, t in zip(axis.get_ticklocs(), labels)
                  if t.get_visible() and t.get_text() and low - 1e-9 <= loc <= high + 1e-9]
    return shown


def check_chart_geometry(figure, data: ChartData) -> None:
    from matplotlib.text import Text

    figure.draw_without_rendering()  # every position, no pixels
    renderer = figure.canvas.get_renderer()
    frame = figure.bbox
    ax = figure.axes[0]
    ticks = _shown_ticks(ax)
    values = [t for t in ax.texts if t.get_visible() and t.get_text().strip()]
    legend = ax.get_legend()
    legend_box = legend.get_window_extent(renderer) if legend is not None else None
    boxes = {id(t): Text.get_window_extent(t, renderer) for t in ticks + values}  # an annotation's text, not its arrow
    references = [line.get_window_extent(renderer).padded(1.5) for line in ax.lines
                  if getattr(line, "briefing_reference", False)]
    for t in ticks + values:  # no clipping: every text inside the picture
        assert _inside(boxes[id(t)], frame), f"'{t.get_text()}' sticks out of the picture"
    if legend_box is not None:
        assert _inside(legend_box, frame, 1.0), "the legend is clipped"
    for i, a in enumerate(values):  # value labels collide with nothing
        for b in values[i + 1:]:
            assert not _overlap(boxes[id(a)], boxes[id(b)]), f"labels '{a.get_text()}' and '{b.get_text()}' overlap"
        for t in ticks:
            assert not _overlap(boxes[id(a)], boxes[id(t)]), f"label '{a.get_text()}' covers '{t.get_text()}'"
        if legend_box is not None:
            assert not _overlap(boxes[id(a)], legend_box), f"label '{a.get_text()}' covers the legend"
        for line in references:
            assert not _overlap(boxes[id(a)], line, 0), f"a reference line runs through '{a.get_text()}'"
    for axis_ticks in (ax.get_xticklabels(), ax.get_yticklabels()):  # neighbouring names never overlap
        shown = [t for t in axis_ticks if id(t) in boxes]
        for i, a in enumerate(shown):
            for b in shown[i + 1:]:
                assert not _overlap(boxes[id(a)], boxes[id(b)]), f"'{a.get_text()}' and '{b.get_text()}' overlap"
    shown_names = [t.get_text() for t in ax.get_yticklabels() + ax.get_xticklabels()
                   if t.get_text() and not t.get_text()[:1].isdigit() and t.get_text()[:1] not in "−-"]
    for name in shown_names:  # wrapped at word boundaries only: joined again, the lines are the name
        assert name.replace("\n", " ") in data.categories, f"'{name}' is not a category name broken at spaces"


CHART_CASES = 42  # with 8 of each other kind, 70 rows of tiles, titles and tables (3 each), 30 wide tables: 322


def test_random_bar_charts_hold_their_layout():
    rng = random.Random(SEED)
    for case in range(CHART_CASES):
        data, size = _chart(rng)
        figure = figure_for(data, THEME, size)
        try:
            check_chart_geometry(figure, data)
        except AssertionError as error:
            raise AssertionError(f"case {case}: {len(data.categories)} categories x {len(data.series)} series "
                                 f"at {size}: {error}") from None


def _other_chart(rng: random.Random, kind: str) -> ChartData:
    """A realistic chart of `kind`: 2-30 names up to 60 characters, values up to 1.000.000, some missing."""
    magnitude = rng.choice([10, 100, 1000, 100_000, 1_000_000])
    decimals = rng.choice([0, 1]) if magnitude <= 1000 else 0
    common = dict(title="Diagram", unit="personer", decimals=decimals, axis_label="Personer", source="Jobindsats.dk",
                  period="3. kvt. 2021")

    def values(n, reach, signed=False):
        return tuple(None if rng.random() < 0.05 else round(rng.uniform(-reach if signed else 0, reach), decimals)
                     for _ in range(n))

    if kind == "rangering":
        n = rng.randint(2, 30)
        references = tuple(Reference(name, rng.uniform(0, magnitude), role) for name, role in
                           [("RAR Hovedstaden", "region"), ("Hele landet", "country")][:rng.randint(0, 2)])
        return ChartData(kind=kind, categories=_unique(rng, n, lambda: _label(rng)),
                         series=(Series("Værdi", values(n, magnitude, rng.random() < 0.2)),),
                         category_roles=tuple("own" if i == rng.randint(0, n) else "other" for i in range(n)),
                         options=RankingOptions(references), **common)
    if kind == "stablet":
        n, k, diverging = rng.randint(2, 14), rng.randint(2, 5), rng.random() < 0.4
        shares = [[rng.random() for _ in range(k)] for _ in range(n)]
        names = (["Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig"] if diverging
                 else ["I job", "Under uddannelse", "Offentlig forsørgelse", "Andet", "Ukendt"])[:k]
        series = tuple(Series(names[j], tuple(None if rng.random() < 0.03 else round(100 * row[j] / sum(row), 1)
                                              for row in shares)) for j in range(k))
        common.update(unit="pct.", decimals=1, axis_label="Pct.")
        return ChartData(kind=kind, categories=_unique(rng, n, lambda: _label(rng)), series=series,
                         options=StackOptions(diverging, k // 2 if diverging and k % 2 else None), **common)
    if kind == "linje":
        n, k = rng.randint(2, 16), rng.randint(1, 6)
        level = rng.uniform(0, magnitude)
        series = tuple(Series(name, tuple(None if rng.random() < 0.05 else round(level * rng.uniform(0.8, 1.2), decimals)
                                          for _ in range(n)), "own" if i == 0 else "other")
                       for i, name in enumerate(_unique(rng, k, lambda: rng.choice(PLACES))))
        return ChartData(kind=kind, categories=tuple(QUARTERS[:n]), series=series, **common)
    if kind == "vandfald":
        n = rng.randint(3, 12)
        steps = [round(rng.uniform(magnitude, 3 * magnitude))] + [round(rng.uniform(-magnitude, magnitude) / 3)
                                                                 for _ in range(n - 2)]
        common.update(unit="kr.")
        return ChartData(kind=kind, categories=_unique(rng, n, lambda: _label(rng, 30)),
                         series=(Series("Beløb", tuple(steps + [sum(steps)])),),
                         category_roles=("total",) + ("change",) * (n - 2) + ("total",),
                         options=WaterfallOptions("mio." if magnitude >= 1_000_000 else None), **common)
    n = rng.randint(3, 12)
    common.update(unit="pct.", decimals=1)
    return ChartData(kind=kind, categories=_unique(rng, n, lambda: rng.choice(PLACES + GROUPS)),
                     series=(Series("x", values(n, 30, True), "x"), Series("y", values(n, 30, True), "y")),
                     options=QuadrantOptions("Udgift", "Effekt", ("Lave udgifter, høj effekt", "Høje udgifter, høj effekt",
                                                                  "Lave udgifter, lav effekt", "Høje udgifter, lav effekt")),
                     category_roles=tuple("own" if i == 0 else "other" for i in range(n)), **common)


QUARTERS = [f"{q}. kvt. {y}" for y in range(2016, 2024) for q in range(1, 5)]
OTHER_CASES = 8


@pytest.mark.parametrize("kind", ["rangering", "stablet", "linje", "vandfald", "kvadrant"])
def test_random_charts_of_every_kind_hold_their_layout(kind):
    rng = random.Random(f"{SEED}-{kind}")
    for case in range(OTHER_CASES):
        data = _other_chart(rng, kind)
        size = rng.choice([(7.4, 4.3), (11.9, 4.6), (6.0, 4.0), (8.5, 3.6)])
        try:
            check_chart_geometry(figure_for(data, THEME, size), data)
        except AssertionError as error:
            raise AssertionError(f"{kind} case {case}: {len(data.categories)} categories x {len(data.series)} series "
                                 f"at {size}: {error}") from None


def test_crowded_labels_are_left_out_and_the_picture_says_so():
    from briefing.charts import draw_chart
    from briefing.deck.draw import chart_notes, left_out_note

    data = ChartData(kind="søjle", title="t", categories=tuple(GROUPS[:9]), series=tuple(
        Series(name, tuple(float(v) for v in values)) for name, values in [
            ("Høje-Taastrup", (1420, 410, 14, 10, 230, 890, 260, 330, 4800)),
            ("Vestegnskommunerne i alt", (1380, 395, 14, 10, 240, 870, 255, 320, 4650)),
            ("Lyngby-Taarbæk", (1010, 120, 10, 9, 60, 560, 140, 190, 2900))]),
        unit="personer", decimals=0, axis_label="Personer", source="s", period="p")
    figure = figure_for(data, THEME, (7.4, 4.3))
    check_chart_geometry(figure, data)
    shown = [t for t in figure.axes[0].texts if t.get_visible()]
    assert 0 < len(shown) < 27
    png = draw_chart(data, THEME, (7.4, 4.3))
    left_out = 27 - len(shown)
    assert chart_notes(png) == [f"labels-left-out={left_out}/27"]
    assert left_out_note(png) == f" Af pladshensyn er {left_out} af 27 tal ikke skrevet på diagrammet."


# ---------------------------------------------------------------- tiles, titles, tables

def _value(rng: random.Random) -> str:
    value = rng.uniform(0, 1_000_000) if rng.random() < 0.5 else rng.uniform(0, 100)
    return rng.choice([fmt.share(min(value, 100)), fmt.count(round(value), "person", "personer"),
                       fmt.money(value * 1000, scale="auto"), fmt.weeks(value / 1000)])


def _assert_box_holds(paragraphs, width_in, fit, bold=False, font=None):
    """No line of the fitted text is wider than the box, and every line is made of whole pieces."""
    width = width_in * 72 - 2
    for paragraph in paragraphs:
        kept = keep_together(paragraph)
        lines = wrap_lines(kept, width, fit.size, bold, font)
        assert " ".join(lines) == kept  # only ordinary spaces were broken
        if fit.words_fit:
            assert all(text_width_pt(line, fit.size, bold, font) <= width for line in lines), lines


def test_random_tiles_titles_and_tables_fit_without_broken_words():
    from briefing.deck.layout import TITLE
    from briefing.kinds.kpi import number_size

    rng = random.Random(SEED + 1)
    for _case in range(70):
        # a row of tiles: one value size, each value on one line in its tile
        count = rng.randint(1, 4)
        width = (11.9 - 0.25 * (count - 1)) / count - 0.5
        values = [_value(rng) for _ in range(count)]
        size = min(number_size(v, width) for v in values)
        for v in values:
            fits_line = text_width_pt(keep_together(v), size, True) <= width * 72 - 6
            assert fits_line or size == 20, (v, size)
        # a title with names and periods
        title = f"{_label(rng)} i {rng.choice(PLACES)} fra {rng.choice(PERIODS)}"
        fit = fit_text([title], TITLE.width - 0.1, TITLE.height - 0.05, 30, 22, bold=True)
        _assert_box_holds([title], TITLE.width - 0.1, fit, bold=True)
        assert "Høje-" not in " ".join(wrap_lines(keep_together(title), (TITLE.width - 0.1) * 72 - 2, fit.size, True))
        # a table
        n_cols = rng.randint(2, 5)
        header = ["Område"] + [rng.choice(PERIODS) for _ in range(n_cols - 1)]
        rows = [[_label(rng, 40)] + [_value(rng) for _ in range(n_cols - 1)] for _ in range(rng.randint(2, 8))]
        _check_table(header, rows, [False] + [True] * (n_cols - 1), 4.5)


def _check_table(header, rows, numeric, height, width=11.9, minimum=12):
    """Set as the deck sets it: no piece broken, every line inside its cell, every row as tall as its text."""
    from briefing.deck.table import PAD, cell_lines, fit_table, row_height

    fit = fit_table(header, rows, numeric, width, height, minimum)
    assert abs(sum(fit.widths) - width) < 1e-6
    assert fit.words_fit, (header, fit)
    for k, row in enumerate([header] + rows):
        for text, w in zip(row, fit.widths):
            lines = cell_lines(text, w, fit.size, k == 0, fit.period_year)
            assert " ".join(lines) == keep_together(text, period_year=fit.period_year or k)  # broken at spaces only
            assert row_height(len(lines), fit.size) <= fit.heights[k] + 1e-9  # the row holds its text
            for line in lines:  # nothing leaves its cell
                assert text_width_pt(line, fit.size, k == 0) <= (w - PAD) * 72 + 1e-6, (line, w, fit.size)
            if k == 0 and fit.period_year is False:  # a period breaks only between "kvt." and its year
                assert not any(line.endswith(("3.", "kvt")) for line in lines), lines
    return fit


def test_generated_wide_tables_never_break_a_number_or_period_and_go_on_over_slides():
    from briefing.deck.table import column_pages

    rng = random.Random(SEED + 2)
    quarters = [f"{q}. kvt. {y}" for y in range(2019, 2023) for q in range(1, 5)]
    pages_seen = set()
    for _case in range(30):
        n_periods = rng.randint(2, 12)
        unit = rng.choice([" (pct.)", " (personer)", " (kr.)", ""])
        header = [rng.choice(["Område", "Målgruppe", "Kommune"])] + [p + unit for p in quarters[:n_periods]]
        magnitude = rng.choice([100, 10_000, 1_000_000])
        rows = [[_label(rng)] + [fmt.number(rng.uniform(-magnitude / 10, magnitude), rng.choice([0, 1]),
                                            minus=fmt.MINUS) for _ in range(n_periods)]
                for _ in range(rng.randint(2, 10))]
        numeric = [False] + [True] * n_periods
        pages = column_pages(header, rows, numeric, 11.9, 12)
        pages_seen.add(len(pages))
        assert [j for page in pages for j in page if j] == list(range(1, n_periods + 1))  # each number column once
        assert all(page[0] == 0 for page in pages)  # the label column on every slide
        for page in pages:
            _check_table([header[j] for j in page], [[row[j] for j in page] for row in rows],
                         [numeric[j] for j in page], 5.05)
    assert pages_seen >= {1, 2}  # some tables had to go on over a second slide


def test_a_narrow_period_header_breaks_after_kvt_not_inside_the_year():
    from briefing.deck.table import cell_lines, fit_table

    header = ["Område"] + [f"{q}. kvt. {y} (pct.)" for y in (2019, 2020, 2021) for q in (1, 2, 3, 4)][2:11]
    rows = [["Hedensted"] + ["44,4"] * 9, ["RAR Østjylland"] + ["41,2"] * 9, ["Hele landet"] + ["39,8"] * 9]
    fit = fit_table(header, rows, [False] + [True] * 9, 12.133, 5.05, 12)
    assert fit.period_year is False and fit.words_fit and fit.size == 20
    assert cell_lines(header[1], fit.widths[1], fit.size, True, False) == ["3.\u00a0kvt.", "2019", "(pct.)"]
    assert fit.widths[1:] == (fit.widths[1],) * 9  # the number columns alike


@pytest.mark.parametrize("name", ["Høje-Taastrup", "Ringkøbing-Skjern", "Lyngby-Taarbæk"])
def test_a_hyphenated_name_is_never_broken_at_its_hyphen(name):
    title = f"Beskæftigelsesindsatsen i {name}"
    lines = wrap_lines(keep_together(title), text_width_pt("Beskæftigelsesindsatsen i " + name[:5], 30, True), 30, True)
    assert lines[-1] == keep_together(name)
