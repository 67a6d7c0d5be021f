"""Data tables: inline YAML rows, CSV (Danish `;` with decimal comma, or `,` with decimal point) and XLSX.

A table is text columns (labels) and number columns (values). Suppressed
jobindsats values (`.`, `..`, `-`, empty) become None, never zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.danish import fmt, numbers
from briefing.errors import BriefingError, Location, Problem, known_list, suggest
from briefing.danish.units import Measure
from briefing.danish.periods import Period, join_periods, parse_period
from briefing.load.guard import text_problem
from briefing.load.sheets import Ambiguous, Cell, read_csv, read_xlsx
from briefing.load.source import SourceDoc
from briefing.spec.models import TableSpec

MAX_COLUMNS = 200


@dataclass(frozen=True)
class Column:
    name: str
    period: Period | None = None

    @property
    def label(self) -> str:
        """Header as shown to readers: periods the Danish way, other names as written."""
        return self.period.short if self.period else self.name


@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    location: Location = field(default_factory=Location, compare=False)


@dataclass(frozen=True)
class DataTable:
    name: str
    spec: TableSpec
    location: Location
    label_columns: tuple[str, ...]
    value_columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def unit(self) -> str:
        return self.spec.unit

    @property
    def decimals(self) -> int:
        return self.spec.shown_decimals

    @property
    def measure(self) -> Measure:
        """The one formatter of this table's numbers: cells, chart labels, key figures and sentences."""
        return Measure(self.spec.unit, self.decimals, self.spec.scale if self.spec.unit == "kr." else None)

    def is_forecast(self, index: int) -> bool:
        """Whether a number column holds a forecast (named in the table's `forecast:`)."""
        column = self.value_columns[index]
        for name in self.spec.forecast:
            if name == column.name or (column.period is not None and _safe_period(name) == column.period):
                return True
        return False

    def time_order(self) -> list[int]:
        """The indices of the period columns, earliest first, whatever the order of the columns."""
        return sorted((i for i, c in enumerate(self.value_columns) if c.period is not None),
                      key=lambda i: self.value_columns[i].period)

    def latest_column(self) -> int:
        """The column read when none is named: the latest period that is not a forecast, whatever the column order
        (what has happened, for sentences, tiles, references and charts of one value), else the last column."""
        order = self.time_order()
        actual = [i for i in order if not self.is_forecast(i)]
        return (actual or order)[-1] if order else len(self.value_columns) - 1

    @property
    def periods(self) -> list[Period]:
        return [c.period for c in self.value_columns if c.period is not None]

    @property
    def period_text(self) -> str:
        """The period the table covers, as stated or from its period columns."""
        if self.spec.period:
            period = _safe_period(self.spec.period)
            return period.short if period else self.spec.period
        periods = sorted(set(self.periods))
        if len(periods) > 2 and all(p.kind != "range" for p in periods):  # nine quarters are told as their span, in time order: '3. kvt. 2023-3. kvt. 2025'
            return f"{periods[0].short}-{periods[-1].short}"
        return join_periods(periods)

    def find_value_column(self, name: str) -> int | None:
        """Index of a number column by its name or by the period it stands for ('2021K3' = '3. kvt. 2021')."""
        for i, column in enumerate(self.value_columns):
            if column.name == name:
                return i
        period = _safe_period(name)
        if period is not None:
            for i, column in enumerate(self.value_columns):
                if column.period == period:
                    return i
        return None

    def value_names(self) -> list[str]:
        return [c.name for c in self.value_columns]


def _safe_period(text: str) -> Period | None:
    try:
        return parse_period(text)
    except ValueError:
        return None


def load_table(name: str, spec: TableSpec, doc: SourceDoc, data_dir: Path) -> DataTable:
    """Read the rows a table spec points at and return the DataTable, or raise located problems."""
    if spec.rows is not None:
        header, cells = _rows_from_yaml(spec, doc)
    else:
        header, cells = _rows_from_file(spec, doc, data_dir)
    return _build_table(name, spec, doc, header, cells)




def _rows_from_yaml(spec: TableSpec, doc: SourceDoc) -> tuple[list[str], list[list[Cell]]]:
    rows = spec.rows or []
    header = _yaml_header(spec, doc)
    problems = []
    cells: list[list[Cell]] = []
    for i, row in enumerate(rows):
        problem = _row_problem(spec, header, row)
        if problem:
            problems.append(Problem(problem, doc.location(("rows", i)), f"rows[{i + 1}]"))
            if spec.columns is None and isinstance(row, list):
                break  # one row told how to write them all; the others have the same mistake
            continue
        keys = header if isinstance(row, dict) else range(len(header))
        cells.append([(row[k], doc.raw.get(("rows", i, k)), doc.location(("rows", i, k))) for k in keys])
    if problems:
        raise BriefingError(problems)
    return header, cells


def _yaml_header(spec: TableSpec, doc: SourceDoc) -> list[str]:
    """The column names: from `columns:` when rows are lists, else every field name in the order first met."""
    if spec.columns is not None:
        doubled = next((name for i, name in enumerate(spec.columns) if name in spec.columns[:i]), None)
        if doubled is not None:
            raise BriefingError([Problem(f"kolonnen '{doubled}' står to gange; hver kolonne skal have sit eget navn",
                                         doc.location(("columns",)), "columns")])
        return list(spec.columns)
    header: list[str] = []
    for row in spec.rows or []:
        for key in row if isinstance(row, dict) else ():
            if key not in header:
                header.append(key)
    return header


def _row_problem(spec: TableSpec, header: list[str], row: dict | list) -> str | None:
    if spec.columns is None and isinstance(row, list):
        return ("rækken er skrevet som en liste uden kolonnenavne: skriv navnene én gang, fx 'columns: [kommune, "
                "andel]' over 'rows:', eller skriv hver række med felter: '- kommune: Lolland' og 'andel: 27,4' "
                "på hver sin linje")
    if spec.columns is not None and isinstance(row, dict):
        return ("rækken er skrevet med felter, men tabellen har 'columns': skriv den som en liste i kolonnernes "
                f"rækkefølge ({', '.join(header)}), eller fjern 'columns'")
    if isinstance(row, list) and len(row) != len(header):
        return (f"rækken har {len(row)} værdier, men 'columns' har {len(header)} ({', '.join(header)}); en tekst "
                "med komma skal i anførselstegn inde i [ ], fx [\"Kontanthjælp, jobparat\", \"38,2\"]")
    missing = [h for h in header if isinstance(row, dict) and h not in row]
    if missing:
        return f"rækken mangler kolonnen '{missing[0]}' (alle rækker skal have de samme kolonner)"
    return None


def _resolve_data_file(spec: TableSpec, doc: SourceDoc, data_dir: Path) -> Path:
    from briefing.load.paths import outside_reason

    where = doc.location(("file",))
    reason = outside_reason(data_dir, spec.file or "")
    if reason:
        raise BriefingError(Problem(f"filen skal ligge i inputs/data/ ({reason})", where, "file"))
    target = (data_dir / spec.file).resolve()
    if not target.is_file():
        present = sorted(p.name for p in data_dir.iterdir() if p.suffix.lower() in (".csv", ".xlsx"))
        raise BriefingError(Problem(f"filen '{spec.file}' findes ikke{suggest(spec.file, present)} (findes: {known_list(present) or 'ingen'})", where, "file"))
    return target


def _rows_from_file(spec: TableSpec, doc: SourceDoc, data_dir: Path) -> tuple[list[str], list[list[Cell]]]:
    path = _resolve_data_file(spec, doc, data_dir)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xlsx":
        return read_xlsx(path, spec.sheet, doc)
    raise BriefingError(Problem(f"filtypen '{suffix}' kendes ikke (tilladte: .csv, .xlsx)", doc.location(("file",)), "file"))


def parse_cell(value: Any, raw: str | None) -> float | None:
    """Return the number in a cell, None for a suppressed or empty cell; raise ValueError in Danish.

    Text cells (CSV, YAML rows, text in XLSX) are read by the one Danish number reader on the text as written."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"'{raw or value}' er ikke et tal")
    if isinstance(value, (int, float)) and raw is None:  # a real number cell in XLSX
        if not math.isfinite(value):
            raise ValueError(f"'{value}' er ikke et gyldigt tal")
        return float(value)
    if isinstance(raw, Ambiguous):
        raise ValueError(numbers.point_thousands_problem(raw))
    return numbers.read_number(raw if raw is not None else str(value), missing=True)


def _unknown_forecasts(spec: TableSpec, doc: SourceDoc, columns: list[Column]) -> list[Problem]:
    """Every column named in `forecast:` must be a number column (by name or by the period it stands for)."""
    problems = []
    names = [c.name for c in columns]
    for i, wanted in enumerate(spec.forecast):
        period = _safe_period(wanted)
        if wanted in names or (period is not None and any(c.period == period for c in columns)):
            continue
        problems.append(Problem(f"prognosekolonnen '{wanted}' findes ikke i tabellen{suggest(wanted, names)} "
                                f"(talkolonner: {', '.join(names)})", doc.location(("forecast", i)),
                                f"forecast[{i + 1}]"))
    return problems


def _build_table(name: str, spec: TableSpec, doc: SourceDoc, header: list[str], cells: list[list[Cell]]) -> DataTable:
    problems: list[Problem] = []
    where = doc.location(("file",) if spec.file else ("rows",))
    for column_name in header:
        wrong = text_problem(column_name)
        if wrong:
            raise BriefingError(Problem(f"kolonneoverskriften: {wrong}", where))
    if len(header) > MAX_COLUMNS:
        raise BriefingError(Problem(f"tabellen har mere end {MAX_COLUMNS} kolonner", where))
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates or "" in header:
        what = f"kolonnen '{duplicates[0]}' står to gange" if duplicates else "en kolonne mangler en overskrift"
        raise BriefingError(Problem(what, cells[0][0][2] if cells else where))
    label_names = spec.labels or header[:1]
    for label in label_names:
        if label not in header:
            problems.append(Problem(f"ukendt kolonne '{label}'{suggest(label, header)} (findes: {known_list(header)})", doc.location(("labels",)), "labels"))
    if problems:
        raise BriefingError(problems)
    value_names = [h for h in header if h not in label_names]
    if not value_names:
        raise BriefingError(Problem("tabellen har ingen talkolonner", where))
    columns = []
    for column_name in value_names:
        try:
            columns.append(Column(column_name, parse_period(column_name)))
        except ValueError as exc:
            problems.append(Problem(f"kolonnen '{column_name}': {exc}", where))
    problems.extend(_unknown_forecasts(spec, doc, columns))
    rows = []
    for record in cells:
        by_name = dict(zip(header, record))
        labels = tuple("" if by_name[n][0] is None else str(by_name[n][0]).strip() for n in label_names)
        for label_name, label in zip(label_names, labels):
            wrong = text_problem(label)
            if wrong:
                problems.append(Problem(wrong, by_name[label_name][2], label_name))
        values = []
        for column_name in value_names:
            value, raw, loc = by_name[column_name]
            try:
                number = parse_cell(value, raw)
            except ValueError as exc:
                problems.append(Problem(f"{exc}", loc, f"{column_name}"))
                number = None
            problem = _implausible(number, spec.unit)
            if problem:
                problems.append(Problem(problem, loc, column_name))
            values.append(number)
        rows.append(Row(labels, tuple(values), record[0][2]))
    if problems:
        raise BriefingError(problems)
    if not rows:
        raise BriefingError(Problem("tabellen har ingen rækker", where))
    return DataTable(name, spec, doc.location(), tuple(label_names), tuple(columns), tuple(rows))


MAX_MAGNITUDE = 1e12  # larger than any municipal budget in kroner: surely a typo


def _implausible(number: float | None, unit: str) -> str | None:
    """A Danish message when a value cannot be right for its unit."""
    if number is None:
        return None
    if abs(number) > MAX_MAGNITUDE:
        return f"tallet {fmt.number(number)} er urimeligt stort; tjek om der mangler et komma"
    if unit == "pct." and not 0 <= number <= 100:
        return f"en andel i pct. skal ligge mellem 0 og 100, ikke {fmt.number(number, 1)}"
    if unit in ("personer", "uger") and number < 0:
        return f"{'et antal personer' if unit == 'personer' else 'en varighed'} kan ikke være negativ, ikke {fmt.number(number, 1)}"
    return None


def select_rows(table: DataTable, where: Mapping[str, str]) -> list[Row]:
    """Rows whose label columns match every `column: value` in `where`."""
    index = {name: i for i, name in enumerate(table.label_columns)}
    return [r for r in table.rows if all(r.labels[index[k]] == v for k, v in where.items())]
