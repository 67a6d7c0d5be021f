"""Key figures (KPI tiles) as text: the number read from its table, its unit, and how it compares."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.danish.units import Measure
from briefing.load.data import DataTable, select_rows

ARROWS = {"up": "▲", "down": "▼", "same": "●"}
CHANGE_WORDS = {  # (against, direction) -> how the comparison reads after the amount
    ("periode", "up"): "siden", ("periode", "down"): "siden",
    ("benchmark", "up"): "over", ("benchmark", "down"): "under",
}
SAME_WORDS = {"periode": "uændret siden", "benchmark": "på niveau med"}
VERDICTS = {("periode", "good"): "Forbedring", ("periode", "bad"): "Forværring",
            ("benchmark", "good"): "Bedre", ("benchmark", "bad"): "Dårligere"}


@dataclass(frozen=True)
class Tile:
    """One KPI tile as text: the number, what it is, and how it compares (direction, and good or bad)."""

    label: str
    value: str
    change: str = ""  # "▲ 36,2 pct.point siden 3. kvt. 2019"
    verdict: str = ""  # "Forbedring", "Forværring", "Bedre", "Dårligere"; empty when neutral or unchanged
    tone: str = "neutral"  # good, bad, neutral: picks the colour, which is never the only cue
    direction: str = ""  # up, down, same


def resolve_tile(tile, tables: dict[str, DataTable], book=None, deck=None):
    """The tile with its numbers filled in: read from the table it names (checked when the project loaded),
    with the table's unit and decimals unless the tile states its own. By default the latest period, whatever
    the order of the columns; a comparison with another period is always told from the earlier one."""
    if tile.table is None:
        return tile.model_copy(update={"unit": tile.unit or "antal"})
    table = tables[tile.table]
    column = table.find_value_column(tile.column) if tile.column else table.latest_column()
    row = select_rows(table, tile.where)[0]
    kroner_by_scale = table.unit == "kr." and tile.decimals is None and not table.measure.scale
    update = {"value": row.values[column], "unit": tile.unit or table.unit,
              "decimals": tile.decimals if tile.decimals is not None else None if kroner_by_scale else table.decimals}
    compare = tile.compare
    if compare is not None and compare.value is None:
        other = table.find_value_column(compare.column) if compare.column else column
        other_row = select_rows(table, {**tile.where, **compare.where})[0]
        mine, theirs = table.value_columns[column].period, table.value_columns[other].period
        if compare.against == "periode" and mine is not None and theirs is not None and theirs > mine:
            row, other_row, column, other = other_row, row, other, column  # 'siden' looks back in time
            update["value"] = row.values[column]
        label = compare.label or (table.value_columns[other].label if compare.column else
                                  ", ".join(_running(v, table, book, deck) for v in compare.where.values()))
        update["compare"] = compare.model_copy(update={"value": other_row.values[other], "label": label})
    return tile.model_copy(update=update)


def _running(label: str, table: DataTable, book, deck) -> str:
    """A row name after 'over'/'under' on a tile, as written inside a sentence ('hele landet'), by the project's
    names registry."""
    from briefing.load.names import default_names, proper_names

    names = book.names if book is not None else default_names()
    return names.running(label, table.spec.names, proper_names(deck) if deck is not None else frozenset())


def kpi_tile(tile) -> Tile:
    """The texts of a KPI tile spec: Danish number with unit, change with arrow and words, and its tone.

    The change is the difference of the two numbers as shown (same unit, decimals and scale)."""
    tile = tile if tile.unit else tile.model_copy(update={"unit": "antal"})
    measure = _tile_measure(tile)
    value = measure.prose(measure.shown(tile.value))
    if tile.compare is None:
        return Tile(tile.label, value)
    against = tile.compare.against
    difference = measure.shown(tile.value) - measure.shown(tile.compare.value)
    direction = "up" if difference > 0 else "down" if difference < 0 else "same"
    if direction == "same":
        return Tile(tile.label, value, f"{ARROWS['same']} {SAME_WORDS[against]} {tile.compare.label}", "", "neutral", "same")
    amount = measure.difference(difference.copy_abs())
    change = f"{ARROWS[direction]} {amount} {CHANGE_WORDS[(against, direction)]} {tile.compare.label}"
    tone = "neutral" if tile.higher_is_better == "neutral" else (
        "good" if (direction == "up") == bool(tile.higher_is_better) else "bad")
    return Tile(tile.label, value, change, VERDICTS.get((against, tone), ""), tone, direction)


def _tile_measure(tile) -> Measure:
    """As stated, else 1 decimal for shares and weeks, 0 for counts; kroner from a million in mio. kr. (1 decimal)."""
    decimals = tile.decimals
    if tile.unit == "kr.":
        sizes = [abs(v) for v in (tile.value, getattr(tile.compare, "value", None)) if v is not None]
        scale = "mia." if max(sizes) >= 999_950_000 else "mio." if max(sizes) >= 999_999.5 else None
        return Measure("kr.", decimals if decimals is not None else (1 if scale else 0), scale)
    if decimals is None:
        decimals = {"pct.": 1, "pct.point": 1, "uger": 1, "indeks": 1}.get(tile.unit, 0)
    return Measure(tile.unit, decimals)
