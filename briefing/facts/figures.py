"""Compute-facts stage: turn a slide's spec and its data table into plain values for charts and text.

Pure functions: no drawing, no python-pptx. `chart_data` dispatches on the chart
kind through CHART_FACTS; every kind returns the same ChartData, with the few
things only that kind needs in `options`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.danish import fmt
from briefing.spec.chartdata import (
    ChartData,
    QuadrantOptions,
    RankingOptions,
    Reference,
    Series,
    StackOptions,
    WaterfallOptions,
)
from briefing.load.data import DataTable, Row, select_rows
from briefing.spec.models import DeckSpec
from briefing.facts.alttext import describe_chart

AXIS_LABELS = {"pct.": "Pct.", "pct.point": "Pct.point", "antal": "Antal", "personer": "Personer", "kr.": "Kr.", "uger": "Uger"}


def axis_label(table: DataTable) -> str:
    """The value axis caption: 'Pct.', 'Mio. kr.', 'Sanktioner'."""
    header = table.measure.header
    return AXIS_LABELS.get(header, header[:1].upper() + header[1:])
MILLION = 1_000_000

FactsBuilder = Callable[[str, object, DataTable, DeckSpec], ChartData]


def chart_data(title: str, spec, table: DataTable, deck: DeckSpec, names=None) -> ChartData:
    """The ChartData for a chart spec of any kind, computed by the kind's facts function.

    A table shown in mio. kr. gives its chart values in millions, so labels read as the table's cells."""
    data = CHART_FACTS[spec.kind](title, spec, table, deck)
    power = table.measure.power
    if power and spec.kind != "vandfald":  # the waterfall writes its amounts with the scale itself
        def scaled(values):
            return tuple(None if v is None else float(fmt._to_decimal(v).scaleb(-power)) for v in values)

        options = data.options
        if isinstance(options, RankingOptions):
            options = replace(options, references=tuple(replace(r, value=scaled((r.value,))[0])
                                                        for r in options.references))
        data = replace(data, series=tuple(replace(s, values=scaled(s.values)) for s in data.series), options=options)
    return replace(data, spoken=spoken_names(data, table, deck, names))


# ---------------------------------------------------------------- shared selection helpers

def category_column(spec, table: DataTable) -> str:
    """The text column holding the categories: as named, or the first one not fixed by `where`."""
    return spec.categories or next((c for c in table.label_columns if c not in spec.where), table.label_columns[0])


def _labels(rows: list[Row], table: DataTable, column: str) -> list[str]:
    index = table.label_columns.index(column)
    return [row.labels[index] for row in rows]


def _value_index(table: DataTable, name: str | None, default: int | None = None) -> int:
    """The named column; unnamed, the latest period (`default` None) or the column at `default`."""
    if name:
        return table.find_value_column(name)
    return table.latest_column() if default is None else default % len(table.value_columns)


def _common(title: str, spec, table: DataTable, **fields) -> ChartData:
    """ChartData with the fields every kind fills the same way."""
    values = dict(kind=spec.kind, title=title, unit=table.unit, decimals=table.decimals,
                  axis_label=getattr(spec, "axis", None) or axis_label(table), source=table.spec.source,
                  period=table.period_text, example=table.spec.example, show_labels=spec.labels)
    values.update(fields)
    return ChartData(**values)


def _place_role(name: str, deck: DeckSpec) -> str:
    """What a place is to this deck: the own municipality, the region, the country, a peer or another."""
    comparison = deck.comparison
    if name == deck.municipality:
        return "own"
    if name == comparison.region:
        return "region"
    if name == comparison.country:
        return "country"
    if name in comparison.peers:
        return "peer"
    return "other"


def _series_role(column, latest, deck: DeckSpec) -> str:
    """A number column's role: a place as above, or for period columns the latest (by date) against the earlier ones."""
    role = _place_role(column.name, deck)
    if role == "other" and column.period is not None:
        return "latest" if column.period == latest else "earlier"
    return role


# ---------------------------------------------------------------- one function per kind

def _bar_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """Grouped bars: one series per number column, one group per row."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    wanted = spec.series or table.value_names()
    indices = [i for i in (table.find_value_column(name) for name in wanted) if i is not None]
    if not spec.series:  # period columns in time order, whatever the order in the table
        periods = sorted((i for i in indices if table.value_columns[i].period is not None),
                         key=lambda i: table.value_columns[i].period)
        slots = iter(periods)
        indices = [next(slots) if table.value_columns[i].period is not None else i for i in indices]
    columns = [table.value_columns[i] for i in indices]
    latest = max((c.period for c in columns if c.period is not None), default=None)
    series = tuple(
        Series(column.label, tuple(row.values[i] for row in rows), _series_role(column, latest, deck))
        for i, column in zip(indices, columns)
    )
    roles = tuple(_place_role(name, deck) for name in names)
    if _many_long(names):
        return _ranked_bars(_common(title, spec, table, categories=tuple(names), series=series, category_roles=roles))
    return _common(title, spec, table, categories=tuple(names), series=series, category_roles=roles)


MANY_CATEGORIES = 12  # more groups than this with long names: the bars lie down, sorted (a ranked layout)
LONG_NAME = 12  # characters
MAX_SORTED = 14  # rows a slide's chart holds with names at the theme's minimum size
SORTED_ENDS = 6
ONE_LINE = 45  # characters of a name that stand on one line beside the bars at the minimum size


def _many_long(names: list[str]) -> bool:
    return len(names) > MANY_CATEGORIES and max(len(name) for name in names) > LONG_NAME


def _ranked_bars(data: ChartData) -> ChartData:
    """Many groups with long names: sorted from largest to smallest by the own municipality's (or the latest, or
    the last) series, missing values last; past MAX_SORTED the two ends and the own and compared places."""
    key = next((i for i, s in enumerate(data.series) if s.role in ("own", "latest")), len(data.series) - 1)
    values = data.series[key].values
    order = sorted(range(len(data.categories)), key=lambda i: (values[i] is None, -(values[i] or 0)))
    note = "Sorteret fra størst til mindst" + (f" efter {data.series[key].name}" if len(data.series) > 1 else "")
    lines = 1 if max(len(name) for name in data.categories) <= ONE_LINE else 2  # a name on one line or two
    if len(order) > MAX_SORTED // lines:
        ends = SORTED_ENDS // lines
        keep = set(order[:ends]) | set(order[-ends:]) | {
            i for i in order if data.category_roles[i] in ("own", "peer", "region", "country")}
        note += (f". Viser de {fmt.number_word(ends)} største og mindste af {fmt.number(len(order))} "
                 "samt egen kommune og sammenlignelige kommuner")
        order = [i for i in order if i in keep]
    return replace(data, categories=tuple(data.categories[i] for i in order),
                   series=tuple(replace(s, values=tuple(s.values[i] for i in order)) for s in data.series),
                   category_roles=tuple(data.category_roles[i] for i in order), variant="sorteret", note=note)


def _ranking_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """Places sorted by one value; region and country become reference lines unless asked to stay bars."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    index = _value_index(table, spec.value)
    entries = [(name, row.values[index], _place_role(name, deck)) for name, row in zip(names, rows)]
    as_lines = spec.reference == "linjer"
    references = tuple(Reference(n, v, r) for n, v, r in entries if as_lines and r in ("region", "country"))
    bars = [e for e in entries if not (as_lines and e[2] in ("region", "country"))]
    descending = spec.order == "faldende"
    # Missing values go last whatever the order: they are shown as a gap, not ranked.
    bars.sort(key=lambda e: (e[1] is None, -(e[1] or 0) if descending else (e[1] or 0)))
    bars, note = _ends_of_long_ranking(bars)
    column = table.value_columns[index]
    return _common(title, spec, table, categories=tuple(e[0] for e in bars), note=note,
                   series=(Series(column.label, tuple(e[1] for e in bars), "other"),),
                   category_roles=tuple(e[2] for e in bars),
                   period=column.period.short if column.period else table.period_text,
                   options=RankingOptions(references, descending))


MAX_RANKED = 25  # more bars than this cannot be read on a slide
RANKING_ENDS = 8


def _ends_of_long_ranking(bars: list) -> tuple[list, str]:
    """A long ranking keeps its two ends plus the own municipality and its peers, in rank order."""
    if len(bars) <= MAX_RANKED:
        return bars, ""
    keep = {i for i in range(RANKING_ENDS)} | {len(bars) - 1 - i for i in range(RANKING_ENDS)}
    keep |= {i for i, bar in enumerate(bars) if bar[2] in ("own", "peer", "region", "country")}
    shown = [bar for i, bar in enumerate(bars) if i in keep]
    from briefing.danish import fmt

    note = (f"Viser de {fmt.number_word(RANKING_ENDS)} øverste og nederste af {fmt.number(len(bars))} "
            "samt egen kommune og sammenlignelige kommuner")
    return shown, note


def _line_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """One line per row over the period columns, which are put in time order."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    by_name = dict(zip(names, rows))
    chosen = list(spec.lines) if spec.lines else names
    indices = [table.find_value_column(p) for p in spec.periods] if spec.periods else [
        i for i, c in enumerate(table.value_columns) if c.period is not None]
    indices.sort(key=lambda i: table.value_columns[i].period)
    periods = [table.value_columns[i].period for i in indices]
    series = tuple(Series(name, tuple(by_name[name].values[i] for i in indices), _place_role(name, deck))
                   for name in chosen)
    span = table.spec.period or (f"{periods[0].short}-{periods[-1].short}" if len(periods) > 1 else table.period_text)
    return _common(title, spec, table, categories=tuple(p.short for p in periods), series=series,
                   category_roles=tuple(s.role for s in series), period=span)


def _stacked_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """Shares per part for each bar; counts are turned into shares, a remainder part fills up to 100 pct."""
    categories, parts, grid = (_long_grid if spec.stack else _wide_grid)(spec, table)
    is_share = table.unit == "pct."
    if not is_share:
        grid = [_shares(row) for row in grid]
    series = [Series(part, tuple(row[j] for row in grid), "other") for j, part in enumerate(parts)]
    if spec.rest and is_share:
        rest = tuple(None if None in row else max(0.0, 100 - sum(row)) for row in grid)
        series.append(Series(spec.rest, rest, "rest"))
    neutral = parts.index(spec.neutral) if spec.neutral else (len(parts) // 2 if len(parts) % 2 else None)
    return _common(title, spec, table, categories=tuple(categories), series=tuple(series), unit="pct.",
                   decimals=table.decimals if is_share else 0, axis_label=spec.axis or "Pct.",
                   category_roles=tuple(_place_role(c, deck) for c in categories),
                   options=StackOptions(spec.diverging, neutral if spec.diverging else None,
                                        spec.rest if is_share else None),
                   variant="divergerende" if spec.diverging else "")


def _wide_grid(spec, table: DataTable) -> tuple[list[str], list[str], list[list[float | None]]]:
    """Parts are number columns: one bar per row."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    indices = [table.find_value_column(p) for p in spec.parts] if spec.parts else list(range(len(table.value_columns)))
    parts = [table.value_columns[i].label for i in indices]
    return names, parts, [[row.values[i] for i in indices] for row in rows]


def _long_grid(spec, table: DataTable) -> tuple[list[str], list[str], list[list[float | None]]]:
    """Parts are the values of the `stack` text column: one row per bar and part (like jobindsats exports)."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    stacks = _labels(rows, table, spec.stack)
    index = _value_index(table, spec.value)
    categories = list(dict.fromkeys(names))
    parts = list(spec.parts) if spec.parts else list(dict.fromkeys(stacks))
    cell = {(n, s): row.values[index] for n, s, row in zip(names, stacks, rows)}
    return categories, parts, [[cell.get((c, p)) for p in parts] for c in categories]


def stack_parts(spec, table: DataTable) -> list[str]:
    """The names of a stacked chart's parts, in order, as the legend shows them."""
    return (_long_grid if spec.stack else _wide_grid)(spec, table)[1]


def _shares(values: list[float | None]) -> list[float | None]:
    """Counts as percentages of their sum; with a count missing no share can be known."""
    if None in values or not sum(values):
        return [None] * len(values)
    total = sum(values)
    return [100 * v / total for v in values]


def _quadrant_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """Two number columns as x and y of labelled points."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    x_col = table.value_columns[table.find_value_column(spec.x)]
    y_col = table.value_columns[table.find_value_column(spec.y)]
    x = Series(x_col.label, tuple(row.values[table.find_value_column(spec.x)] for row in rows), "x")
    y = Series(y_col.label, tuple(row.values[table.find_value_column(spec.y)] for row in rows), "y")
    q = spec.quadrants
    options = QuadrantOptions(spec.x_axis or x_col.label, spec.y_axis or y_col.label,
                              (q.top_left, q.top_right, q.bottom_left, q.bottom_right))
    return _common(title, spec, table, categories=tuple(names), series=(x, y), axis_label=options.y_label,
                   category_roles=tuple(_place_role(n, deck) for n in names), options=options)


def _waterfall_facts(title: str, spec, table: DataTable, deck: DeckSpec) -> ChartData:
    """The first row is where we start, the others are changes; the result is their sum (unknown if one is missing)."""
    rows = select_rows(table, spec.where)
    names = _labels(rows, table, category_column(spec, table))
    index = _value_index(table, spec.value, 0)
    values = [row.values[index] for row in rows]
    result = None if None in values else sum(values)
    amounts = [v for v in values + [result] if v is not None]
    scale = table.measure.scale or (
        "mio." if table.unit == "kr." and max((abs(v) for v in amounts), default=0) >= MILLION else None)
    axis = spec.axis or (f"{scale.capitalize()} kr." if scale else axis_label(table))
    roles = ("total",) + ("change",) * (len(values) - 1) + ("total",)
    return _common(title, spec, table, categories=tuple(names) + (spec.total,),
                   series=(Series(table.value_columns[index].label, tuple(values) + (result,), "other"),),
                   axis_label=axis, category_roles=roles, options=WaterfallOptions(scale),
                   note=_rounding_note(values, result, table, scale))


ROUNDING_NOTE = "Beløbene summerer ikke præcist til resultatet på grund af afrunding"


def _rounding_note(values: list, result: float | None, table: DataTable, scale: str | None) -> str:
    """Said under a waterfall whose shown steps do not add up to its shown result (398,1 − 12,4 − 8,8 + 3,5 shown
    with the result 380,5): rounded as the chart writes them (one decimal in mio. or mia. kr.)."""
    if result is None:
        return ""
    from briefing.danish.units import Measure

    scaled = bool(scale) and table.unit == "kr."
    shown = Measure(table.unit, 1 if scaled else table.decimals, scale if scaled else None).shown
    return ROUNDING_NOTE if sum(shown(v) for v in values) != shown(result) else ""


CHART_FACTS: dict[str, FactsBuilder] = {
    "søjle": _bar_facts,
    "rangering": _ranking_facts,
    "linje": _line_facts,
    "stablet": _stacked_facts,
    "kvadrant": _quadrant_facts,
    "vandfald": _waterfall_facts,
}

# ---------------------------------------------------------------- names in the alt text

def spoken_names(data: ChartData, table: DataTable, deck: DeckSpec, names=None) -> tuple[tuple[str, str], ...]:
    """How the chart's category and series names are written inside a sentence (for the alt text), by the
    project's names registry (`names`; the shipped one when not given)."""
    from briefing.load.names import default_names, proper_names

    names, proper = names or default_names(), proper_names(deck)
    options = data.options
    labels = list(data.categories) + [s.name for s in data.series] + [r.name for r in getattr(options, "references", ())]
    labels += [getattr(options, "y_label", None)] if getattr(options, "y_label", None) else []
    return tuple((n, names.running(n, table.spec.names, proper)) for n in dict.fromkeys(labels))


__all__ = [
    "ChartData", "Series", "Reference", "RankingOptions", "StackOptions", "QuadrantOptions", "WaterfallOptions",
    "CHART_FACTS", "chart_data", "category_column", "stack_parts", "describe_chart", "spoken_names",
]
