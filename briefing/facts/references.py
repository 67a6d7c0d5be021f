"""References from slide files to the data tables: tables, columns, series, periods and rows that must exist, and
tables whose shape fits the chart. Each slide kind calls the checks for what its files name (SlideKind.check).

`entry` is the slide's load.project.SlideEntry: its validated spec and its source document, for located messages.
"""

from __future__ import annotations

from briefing.errors import Problems, field_name, known_list, suggest
from briefing.facts.figures import category_column, stack_parts
from briefing.load.data import DataTable, select_rows
from briefing.load.paths import plain_name_problem


def check_chart_slide(entry, tables: dict[str, DataTable], problems: Problems) -> None:
    """A chart names its table, and in it columns, series, periods and rows; then the table's shape must fit the kind."""
    chart = entry.spec.chart
    table = _table(chart.table, ("chart", "table"), entry, tables, problems)
    if table is None:
        return
    found = len(problems.errors)
    for ref in chart.data_refs():
        REF_CHECKS[ref.what](ref, chart, table, entry, problems)
    _check_where(chart.where, ("chart", "where"), table, entry, problems)
    if len(problems.errors) == found:  # the shape checks need every name to exist
        for check in SHAPE_CHECKS.get(chart.kind, ()):
            check(chart, table, entry, problems)


def check_table_slide(entry, tables: dict[str, DataTable], problems: Problems) -> None:
    """A table slide names its table, the columns it shows and the rows it selects."""
    spec = entry.spec
    table = _table(spec.table, ("table",), entry, tables, problems)
    if table is None:
        return
    for i, column in enumerate(spec.columns or []):
        if column not in table.label_columns and table.find_value_column(column) is None:
            names = list(table.label_columns) + table.value_names()
            problems.add(f"ukendt kolonne '{column}'{suggest(column, names)} (findes: {', '.join(names)})",
                         entry.doc.location(("columns", i)), f"columns[{i + 1}]")
    _check_where(spec.where, ("where",), table, entry, problems)


# ---------------------------------------------------------------- KPI tiles read from a table

def check_tile(tile, path: tuple, entry, tables: dict[str, DataTable], problems: Problems) -> None:
    """A tile has its number typed in ('value') or read from one cell of a table; so has its comparison."""
    def add(message: str, where: tuple) -> None:
        problems.add(message, entry.doc.location(path + where), field_name(path + where))

    if tile.value is None and tile.table is None:
        add("angiv tallet med 'value' eller tabellen, det læses i, med 'table'", ())
        return
    if tile.value is not None and tile.table is not None:
        add("angiv enten tallet med 'value' eller tabellen med 'table', ikke begge", ("table",))
        return
    compare = tile.compare
    if compare is not None:
        from_table = compare.column is not None or bool(compare.where)
        if compare.value is None and not from_table:
            add("angiv tallet, der sammenlignes med: 'value', eller 'column' eller 'where' for at læse det i tabellen",
                ("compare",))
        elif compare.value is not None and from_table:
            add("angiv enten 'value' eller 'column'/'where', ikke begge", ("compare", "value"))
        elif compare.value is not None and compare.label is None:
            add("angiv med 'label', hvad der sammenlignes med, fx '3. kvt. 2019' eller 'RAR Østjylland'", ("compare",))
        elif from_table and tile.table is None:
            add("'column' og 'where' læser i nøgletallets tabel; angiv den med 'table' (eller skriv tallet i 'value')",
                ("compare",))
    if tile.table is None:
        return
    table = _table(tile.table, path + ("table",), entry, tables, problems)
    if table is None:
        return
    column = _tile_column(tile.column, path + ("column",), table, entry, problems)
    if column is not None and _tile_cell(tile.where, path + ("where",), column, table, entry, problems) and \
            compare is not None and compare.value is None:
        other = column if compare.column is None else _tile_column(compare.column, path + ("compare", "column"), table,
                                                                   entry, problems)
        if other is not None:
            _tile_cell({**tile.where, **compare.where}, path + ("compare", "where"), other, table, entry, problems)


def _tile_column(name: str | None, path: tuple, table: DataTable, entry, problems: Problems) -> int | None:
    if name is None:
        return table.latest_column()
    index = table.find_value_column(name)
    if index is None:
        names = table.value_names()
        problems.add(f"ukendt talkolonne '{name}'{suggest(name, names)} (talkolonner i '{table.name}': {', '.join(names)})",
                     entry.doc.location(path), field_name(path))
    return index


def _tile_cell(where: dict, path: tuple, column: int, table: DataTable, entry, problems: Problems) -> bool:
    """Exactly one row fits `where`, and its cell in `column` holds a number."""
    found = len(problems.errors)
    _check_where(where, path, table, entry, problems)
    if len(problems.errors) > found:
        return False
    rows = select_rows(table, where)
    if len(rows) > 1:
        problems.add(f"{len(rows)} rækker i '{table.name}' passer til udvalget; et nøgletal er ét tal, så vælg præcis "
                     "én række med flere kolonner i 'where'", entry.doc.location(path), field_name(path))
        return False
    if rows[0].values[column] is None:
        problems.add(f"tallet mangler i '{table.name}' (tom celle eller under diskretionsgrænsen) for "
                     f"{table.value_columns[column].label}; vælg en anden række eller kolonne, eller skriv tallet i "
                     "'value'", entry.doc.location(path), field_name(path))
        return False
    return True


def check_table_value(name: str, where: dict, column_name: str | None, path: tuple, entry, tables: dict[str, DataTable],
                      problems: Problems) -> bool:
    """One number read from a table (a scenario assumption): the table, its column and exactly one row exist."""
    table = _table(name, path + ("table",), entry, tables, problems)
    if table is None:
        return False
    column = _tile_column(column_name, path + ("column",), table, entry, problems)
    return column is not None and _tile_cell(where, path + ("where",), column, table, entry, problems)


# ---------------------------------------------------------------- chart references, one check per kind of name

def _chart_field(path: tuple) -> str:
    """'chart.series[2]' for ('chart', 'series', 1)."""
    return "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _ref_problem(message: str, ref, entry, problems: Problems) -> None:
    path = ("chart",) + ref.path
    problems.add(message, entry.doc.location(path), _chart_field(path))


def _check_label_ref(ref, chart, table: DataTable, entry, problems: Problems) -> None:
    _label_column(ref.name, ("chart",) + ref.path, table, entry, problems)


def _check_value_ref(ref, chart, table: DataTable, entry, problems: Problems) -> None:
    if table.find_value_column(ref.name) is None:
        names = table.value_names()
        noun = "serie" if ref.what == "series" else "talkolonne"
        _ref_problem(f"ukendt {noun} '{ref.name}'{suggest(ref.name, names)} (talkolonner i '{table.name}': {', '.join(names)})",
                     ref, entry, problems)


def _check_period_ref(ref, chart, table: DataTable, entry, problems: Problems) -> None:
    index = table.find_value_column(ref.name)
    periods = [c.label for c in table.value_columns if c.period is not None]
    known = f"(perioder i '{table.name}': {', '.join(periods) or 'ingen'})"
    if index is None:
        _ref_problem(f"ukendt periode '{ref.name}'{suggest(ref.name, table.value_names() + periods)} {known}", ref, entry, problems)
    elif table.value_columns[index].period is None:
        _ref_problem(f"kolonnen '{ref.name}' er ikke en periode {known}", ref, entry, problems)


def _check_row_ref(ref, chart, table: DataTable, entry, problems: Problems) -> None:
    column = chart.stack if ref.column_field == "stack" else category_column(chart, table)
    if column not in table.label_columns:
        return  # reported as an unknown text column already
    values = list(dict.fromkeys(_column_values(table, column, chart.where)))
    if ref.name not in values:
        _ref_problem(f"'{ref.name}' findes ikke i kolonnen '{column}'{suggest(ref.name, values)} (findes: {', '.join(values)})",
                     ref, entry, problems)


def _column_values(table: DataTable, column: str, where: dict[str, str]) -> list[str]:
    index = table.label_columns.index(column)
    return [row.labels[index] for row in select_rows(table, where)]


REF_CHECKS = {"label": _check_label_ref, "series": _check_value_ref, "value": _check_value_ref,
              "period": _check_period_ref, "row": _check_row_ref}


def _check_unique_categories(chart, table: DataTable, entry, problems: Problems) -> None:
    """Each category (with its part, for stacks in long form) must be one row, or the chart would hide some."""
    key_columns = [category_column(chart, table)] + ([chart.stack] if getattr(chart, "stack", None) else [])
    keys = list(zip(*(_column_values(table, c, chart.where) for c in key_columns)))
    repeated = list(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    if repeated:
        others = [c for c in table.label_columns if c not in key_columns and c not in chart.where]
        hint = f"; vælg rækker med where, fx efter {', '.join(others)}" if others else ""
        problems.add(f"'{' / '.join(repeated[0])}' står i flere rækker i '{table.name}'{hint}",
                     entry.doc.location(("chart", "where") if chart.where else ("chart", "table")),
                     "chart.where" if chart.where else "chart.table")


def _check_line_periods(chart, table: DataTable, entry, problems: Problems) -> None:
    periods = chart.periods or [c.name for c in table.value_columns if c.period is not None]
    if len(periods) < 2:
        problems.add(f"et linjediagram skal have mindst to perioder på x-aksen; '{table.name}' har "
                     f"{len(periods)} (talkolonner: {', '.join(table.value_names())})",
                     entry.doc.location(("chart", "table")), "chart.table")


def _check_stack_parts(chart, table: DataTable, entry, problems: Problems) -> None:
    parts = stack_parts(chart, table)
    if chart.neutral is not None and chart.neutral not in parts:
        problems.add(f"det neutrale svar '{chart.neutral}' er ikke blandt delene{suggest(chart.neutral, parts)} "
                     f"(delene: {', '.join(parts)})", entry.doc.location(("chart", "neutral")), "chart.neutral")
    if chart.rest is not None and table.unit != "pct.":
        problems.add(f"'rest' kan kun bruges, når tabellen er i pct.; '{table.name}' er i {table.unit}",
                     entry.doc.location(("chart", "rest")), "chart.rest")


SHAPE_CHECKS = {
    "rangering": (_check_unique_categories,),
    "linje": (_check_unique_categories, _check_line_periods),
    "stablet": (_check_unique_categories, _check_stack_parts),
    "kvadrant": (_check_unique_categories,),
    "vandfald": (_check_unique_categories,),
}


def _table(name: str, path: tuple, entry, tables: dict[str, DataTable], problems: Problems) -> DataTable | None:
    if name in tables:
        return tables[name]
    wrong = plain_name_problem(name, "inputs/data/")
    if wrong:
        problems.add(f"ukendt datatabel '{name}': {wrong}", entry.doc.location(path), field_name(path))
        return None
    data_dir = entry.doc.path.parent.parent / "data"
    if not (data_dir / f"{name}.yaml").is_file():
        problems.add(f"ukendt datatabel '{name}'{suggest(name, tables)} (findes i inputs/data/: {known_list(tables) or 'ingen'})",
                     entry.doc.location(path), field_name(path))
    return None


def _label_column(name: str, path: tuple, table: DataTable, entry, problems: Problems) -> bool:
    if name in table.label_columns:
        return True
    known = list(table.label_columns)
    problems.add(f"ukendt tekstkolonne '{name}'{suggest(name, known)} (tekstkolonner i '{table.name}': {', '.join(known)})",
                 entry.doc.location(path), field_name(path))
    return False


def _check_where(where: dict[str, str], path: tuple, table: DataTable, entry, problems: Problems) -> None:
    ok = True
    for column, value in where.items():
        if not _label_column(column, path + (column,), table, entry, problems):
            ok = False
            continue
        index = table.label_columns.index(column)
        values = list(dict.fromkeys(r.labels[index] for r in table.rows))
        if value not in values:
            ok = False
            problems.add(f"værdien '{value}' findes ikke i kolonnen '{column}'{suggest(value, values)} (findes: {', '.join(values)})",
                         entry.doc.location(path + (column,)), field_name(path + (column,)))
    if ok and not select_rows(table, where):
        problems.add(f"ingen rækker i '{table.name}' passer til udvalget", entry.doc.location(path), field_name(path))
