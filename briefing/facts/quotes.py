"""References instead of copies: free text quotes a table value as `{tabel | række | kolonne}`.

The row is the value of the table's first text column (`Jobafklaringsforløb`) or `kolonne=værdi` pairs separated
by `;` (`målgruppe=Kontanthjælp, jobparat; status=Uddannelse`); the column is a number column or a period
(`2021K3`), the last one when left out. The value is written by the shared formatter in the table's unit
('4,1 pct.', '1.234 personer'). `{{` and `}}` write a literal brace; braces without a `|` inside stay as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.danish.units import prose_value
from briefing.errors import Location, Problems, field_name, known_list, suggest
from briefing.load.data import DataTable, select_rows

# The free-text fields a reference may stand in; strings in their lists and sub-sections count too.
FREE_TEXT = frozenset({"title", "subtitle", "lead", "bullets", "text", "sub", "notes", "note", "label", "questions",
                       "question", "decisions", "contact", "intro"})

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*\|[^{}]*)\}")


class QuoteError(Exception):
    """A reference that names what its table does not have; `offset` is where it starts in the text."""

    def __init__(self, message: str, offset: int = 0, table: str = ""):
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.table = table  # the unknown table's name, when that is the problem


@dataclass(frozen=True)
class Quote:
    """One value a text quoted: where it was read and how it was written."""

    table: str
    row: str
    column: str
    value: float
    text: str
    source: str = ""  # the table's, for the fact ledger
    period: str = ""  # the column's period ('3. kvt. 2021'), else the table's
    label: str = ""  # the column as shown

    def describe(self) -> str:
        """'Lolland, 3. kvt. 2025 = 1.041 personer' for the fact ledger."""
        return f"{self.row}, {self.label} = {self.text}" if self.label else f"{self.row} = {self.text}"


def expand(text: str, tables: dict[str, DataTable], quotes: list[Quote] | None = None) -> str:
    """The text with each reference replaced by its value; raises QuoteError for the first bad reference."""
    def replace(match: re.Match) -> str:
        if match.group(0) == "{{":
            return "{"
        if match.group(0) == "}}":
            return "}"
        quote = resolve(match.group(1), tables, match.start())
        if quotes is not None:
            quotes.append(quote)
        return quote.text

    rest = _TOKEN.sub(lambda match: " " * len(match.group(0)), text)  # what no token took, at its own place
    at = rest.find("{")
    if at >= 0 and "|" in rest[at:]:  # '{tabel | række' never closed, or '{tabel | {x} | kolonne}'
        raise QuoteError("henvisningen lukkes ikke med } eller har { } inde i sig; skriv den {tabel | række | "
                         "kolonne} (et { i teksten skrives {{)", at)
    return _TOKEN.sub(replace, text)


def resolve(reference: str, tables: dict[str, DataTable], offset: int = 0) -> Quote:
    """The value one reference (`tabel | række | kolonne`, without braces) stands for."""
    parts = [p.strip() for p in reference.split("|")]
    if len(parts) not in (2, 3) or not all(parts):
        raise QuoteError(f"henvisningen '{{{reference}}}' skal skrives {{tabel | række | kolonne}}, fx "
                         "{ydelsesmodtagere | Jobafklaringsforløb | 2021K3}", offset)
    name, row_text = parts[0], parts[1]
    table = tables.get(name)
    if table is None:
        raise QuoteError(f"ukendt datatabel '{name}' i henvisningen{suggest(name, tables)} "
                         f"(findes i inputs/data/: {known_list(tables) or 'ingen'})", offset, name)
    column = _column(table, parts[2] if len(parts) == 3 else None, offset)
    row = _row(table, row_text, offset)
    value = row.values[column]
    shown = table.value_columns[column]
    label = shown.label
    if value is None:
        raise QuoteError(f"tallet mangler i '{name}' for '{row_text}', {label} (tom celle eller under "
                         "diskretionsgrænsen); skriv teksten uden tallet", offset)
    # a table in mio. kr. is quoted in mio. kr. with its decimals, as its cells and chart labels show it
    text = table.measure.prose(value) if table.measure.scale else prose_value(value, table.unit, table.decimals)
    return Quote(name, row_text, table.value_columns[column].name, value, text,
                 table.spec.source, shown.period.short if shown.period else table.period_text, label)


def _column(table: DataTable, name: str | None, offset: int) -> int:
    if name is None:
        return table.latest_column()
    index = table.find_value_column(name)
    if index is None:
        names = table.value_names()
        raise QuoteError(f"ukendt talkolonne '{name}' i henvisningen{suggest(name, names)} "
                         f"(talkolonner i '{table.name}': {', '.join(names)})", offset)
    return index


def _row(table: DataTable, text: str, offset: int):
    if "=" in text:
        where = {}
        for pair in text.split(";"):
            key, _, value = pair.partition("=")
            key, value = key.strip(), value.strip()
            if key not in table.label_columns:
                known = list(table.label_columns)
                raise QuoteError(f"ukendt tekstkolonne '{key}' i henvisningen{suggest(key, known)} "
                                 f"(tekstkolonner i '{table.name}': {', '.join(known)})", offset)
            where[key] = value
    else:
        where = {table.label_columns[0]: text}
    rows = select_rows(table, where)
    if len(rows) != 1:
        column, value = next(((k, v) for k, v in where.items()
                              if not select_rows(table, {k: v})), next(iter(where.items())))
        if not rows:
            index = table.label_columns.index(column)
            known = list(dict.fromkeys(r.labels[index] for r in table.rows))
            raise QuoteError(f"rækken '{value}' findes ikke i kolonnen '{column}' i '{table.name}'"
                             f"{suggest(value, known)} (findes: {'; '.join(known)})", offset)
        raise QuoteError(f"{len(rows)} rækker i '{table.name}' passer til '{text}'; vælg præcis én række med "
                         "kolonne=værdi adskilt af ';', fx 'målgruppe=Uddannelseshjælp; status=Uddannelse'", offset)
    return rows[0]


def expand_spec(spec, tables: dict[str, DataTable], problems: Problems, locate, quotes: list[Quote] | None = None,
                broken: frozenset[str] = frozenset()):
    """The spec with the references in its free-text fields replaced; each bad one is a located problem
    (except a reference to a table in `broken`: its file exists but has errors, reported already)."""
    def walk(node, path: tuple, free: bool):
        if isinstance(node, str):
            if not free or "{" not in node and "}" not in node:
                return node
            try:
                return expand(node, tables, quotes)
            except QuoteError as exc:
                if exc.table and exc.table in broken:
                    return node
                where = locate(path) if locate else Location()
                if where.line and "\n" not in node and where.column:
                    where = Location(where.file, where.line, where.column + exc.offset)
                problems.add(exc.message, where, field_name(path))
                return node
        if isinstance(node, (list, tuple)):
            return type(node)(walk(item, path + (i,), free) for i, item in enumerate(node))
        fields = getattr(type(node), "model_fields", None)
        if fields is None:
            return node
        update = {}
        for name in fields:
            value = getattr(node, name)
            new = walk(value, path + (name,), name in FREE_TEXT)
            if new is not value and new != value:
                update[name] = new
        return node.model_copy(update=update) if update else node

    return walk(spec, (), False)
