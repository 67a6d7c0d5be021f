"""Numbers typed by hand in free text that stand in a table the slide uses: `briefing check` suggests a reference.

A typed copy goes stale when the table is updated; a reference (facts/quotes.py) follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.danish import fmt
from briefing.errors import Problem, field_name
from briefing.facts.quotes import FREE_TEXT, _TOKEN
from briefing.load.data import DataTable

# A number as Danish text writes it: 1.234 or 4,1 or 65; not part of a longer word or number.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w,]|\.\d)|(?<![\w.,])\d+(?:,\d+)?(?![\w,]|\.\d)")
# What a number before these words is: a date, a period or an ordinal, not a value ("1. september", "3. kvt.").
_NOT_A_VALUE = re.compile(r"\.?\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                          r"december|kvt|kvartal|halvår|måned|min)", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """A table value as it is written, and the reference that reads it."""

    text: str
    reference: str


def table_cells(table: DataTable) -> list[Cell]:
    """Every number of the table as the deck writes it, with the reference to it."""
    counts: dict[str, int] = {}
    for row in table.rows:
        counts[row.labels[0]] = counts.get(row.labels[0], 0) + 1
    cells = []
    for row in table.rows:
        if counts[row.labels[0]] == 1:
            selection = row.labels[0]
        else:
            selection = "; ".join(f"{name}={label}" for name, label in zip(table.label_columns, row.labels) if label)
        for column, value in zip(table.value_columns, row.values):
            if value is not None:
                cells.append(Cell(fmt.number(value, table.decimals), f"{{{table.name} | {selection} | {column.name}}}"))
    return cells


def typed_numbers(entry, tables: dict[str, DataTable]) -> list[Problem]:
    """Warnings for numbers typed in the slide's free text that stand in a table the slide reads."""
    used = [tables[name] for name in dict.fromkeys(_table_names(entry.spec)) if name in tables]
    if not used:
        return []
    cells: dict[str, list[Cell]] = {}
    for table in used:
        for cell in table_cells(table):
            cells.setdefault(cell.text, []).append(cell)
    found = []
    for path, text in _free_texts(entry.spec, (), False):
        plain = _TOKEN.sub(lambda m: " " * len(m.group(0)), text)  # references are not typed numbers
        for match in _NUMBER.finditer(plain):
            typed = match.group(0)
            if _NOT_A_VALUE.match(plain, match.end()) or ("," not in typed and len(typed) < 2):
                continue  # a date, a period, or a single digit ("2 forløb")
            if "," not in typed and 1900 <= int(typed.replace(".", "")) <= 2100 and "." not in typed:
                continue  # a year
            matches = cells.get(typed)
            if matches:
                found.append(Problem(f"tallet {typed} står også i tabellen: skriv {matches[0].reference}, så teksten "
                                     "følger tabellen, når den opdateres", entry.doc.location(path), field_name(path),
                                     severity="advarsel"))
    return found


def _table_names(node):
    fields = getattr(type(node), "model_fields", None)
    if isinstance(node, (list, tuple)):
        for item in node:
            yield from _table_names(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from _table_names(item)
    elif fields is not None:
        for name in fields:
            value = getattr(node, name)
            if name == "table" and isinstance(value, str):
                yield value
            else:
                yield from _table_names(value)


def _free_texts(node, path: tuple, free: bool):
    if isinstance(node, str):
        if free:
            yield path, node
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _free_texts(item, path + (i,), free)
    elif isinstance(node, dict):
        for key, item in node.items():
            yield from _free_texts(item, path + (key,), free)
    elif getattr(type(node), "model_fields", None) is not None:
        for name in type(node).model_fields:
            yield from _free_texts(getattr(node, name), path + (name,), name in FREE_TEXT)
