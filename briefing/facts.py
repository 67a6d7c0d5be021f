"""Compute-facts stage: turn a slide's spec and its data table into plain values for charts and text.

Pure functions: no drawing, no python-pptx.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import DataTable, select_rows
from .spec import BarChart, DeckSpec

AXIS_LABELS = {"pct.": "Pct.", "pct.point": "Pct.point", "antal": "Antal", "personer": "Personer", "kr.": "Kr.", "uger": "Uger"}


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    role: str = "other"  # own, region, country, peer, earlier, latest, other


@dataclass(frozen=True)
class ChartData:
    """Everything a chart builder needs: what to draw and how to label it."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str
    decimals: int
    axis_label: str
    source: str
    period: str
    example: bool = False
    show_labels: bool = True
    category_roles: tuple[str, ...] = ()

    @property
    def has_missing(self) -> bool:
        return any(v is None for s in self.series for v in s.values)


def chart_data(title: str, spec: BarChart, table: DataTable, deck: DeckSpec) -> ChartData:
    """Select the rows and series a bar chart spec asks for."""
    rows = select_rows(table, spec.where)
    category_column = spec.categories or next(
        (c for c in table.label_columns if c not in spec.where), table.label_columns[0]
    )
    cat_index = table.label_columns.index(category_column)
    wanted = spec.series or table.value_names()
    indices = [table.find_value_column(name) for name in wanted]
    columns = [table.value_columns[i] for i in indices if i is not None]
    series = tuple(
        Series(column.label, tuple(row.values[i] for row in rows), _role(column.name, n, len(columns), deck, column.period is not None))
        for n, (i, column) in enumerate(zip([i for i in indices if i is not None], columns))
    )
    return ChartData(
        kind=spec.kind,
        title=title,
        categories=tuple(row.labels[cat_index] for row in rows),
        series=series,
        unit=table.unit,
        decimals=table.decimals,
        axis_label=spec.axis or AXIS_LABELS[table.unit],
        source=table.spec.source,
        period=table.period_text,
        example=table.spec.example,
        show_labels=spec.labels,
        category_roles=tuple(_role(row.labels[cat_index], 0, 0, deck, False) for row in rows),
    )


def _role(name: str, position: int, count: int, deck: DeckSpec, is_period: bool) -> str:
    comparison = deck.comparison
    if name == deck.municipality:
        return "own"
    if name == comparison.region:
        return "region"
    if name == comparison.country:
        return "country"
    if name in comparison.peers:
        return "peer"
    if is_period:
        return "latest" if position == count - 1 else "earlier"
    return "other"
