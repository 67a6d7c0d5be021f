"""Key figures (KPI tiles) as text: the number read from its table, its unit, and how it compares."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.danish import fmt
from briefing.danish.units import prose_value
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


def resolve_tile(tile, tables: dict[str, DataTable]):
    """The tile with its numbers filled in: read from the table it names (checked when the project loaded),
    with the table's unit and decimals unless the tile states its own."""
    if tile.table is None:
        return tile.model_copy(update={"unit": tile.unit or "antal"})
    table = tables[tile.table]
    column = table.find_value_column(tile.column) if tile.column else len(table.value_columns) - 1
    row = select_rows(table, tile.where)[0]
    update = {"value": row.values[column], "unit": tile.unit or table.unit,
              "decimals": tile.decimals if tile.decimals is not None else table.decimals}
    compare = tile.compare
    if compare is not None and compare.value is None:
        other = table.find_value_column(compare.column) if compare.column else column
        other_row = select_rows(table, {**tile.where, **compare.where})[0]
        label = compare.label or (table.value_columns[other].label if compare.column else ", ".join(compare.where.values()))
        update["compare"] = compare.model_copy(update={"value": other_row.values[other], "label": label})
    return tile.model_copy(update=update)


def kpi_tile(tile) -> Tile:
    """The texts of a KPI tile spec: Danish number with unit, change with arrow and words, and its tone."""
    tile = tile if tile.unit else tile.model_copy(update={"unit": "antal"})
    decimals = _tile_decimals(tile)
    value = _amount_text(tile.value, tile.unit, decimals)
    if tile.compare is None:
        return Tile(tile.label, value)
    against = tile.compare.against
    difference = fmt.round_half_up(tile.value, decimals or 0) - fmt.round_half_up(tile.compare.value, decimals or 0)
    direction = "up" if difference > 0 else "down" if difference < 0 else "same"
    if direction == "same":
        return Tile(tile.label, value, f"{ARROWS['same']} {SAME_WORDS[against]} {tile.compare.label}", "", "neutral", "same")
    amount = _amount_text(abs(float(difference)), "pct.point" if tile.unit == "pct." else tile.unit, decimals)
    change = f"{ARROWS[direction]} {amount} {CHANGE_WORDS[(against, direction)]} {tile.compare.label}"
    tone = "neutral" if tile.higher_is_better == "neutral" else (
        "good" if (direction == "up") == bool(tile.higher_is_better) else "bad")
    return Tile(tile.label, value, change, VERDICTS.get((against, tone), ""), tone, direction)


def _tile_decimals(tile) -> int | None:
    """As stated, else 1 for shares and weeks, 0 for counts; None lets kroner pick (1 in mio. kr., else 0)."""
    if tile.decimals is not None:
        return tile.decimals
    return {"pct.": 1, "pct.point": 1, "uger": 1, "kr.": None}.get(tile.unit, 0)


def _amount_text(value: float, unit: str, decimals: int | None) -> str:
    """A value in its unit, as in prose ('80,6 pct.', '132 personer'); kroner switch to mio. kr. from a million."""
    if unit == "kr.":
        return fmt.money(value, decimals, scale="auto")
    return prose_value(value, unit, decimals)
