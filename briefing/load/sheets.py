"""The cells of a table file: CSV (Danish `;` with decimal comma, or `,` with decimal point) and XLSX (saved
results, per cent cells as the share shown), each cell with its place; data.py makes the table of them."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

from briefing.danish import fmt, numbers
from briefing.errors import BriefingError, Location, Problem, known_list
from briefing.load.source import SourceDoc

MAX_ROWS = 10_000
Cell = tuple[Any, str | None, Location]  # value, raw text, place


def read_csv(path: Path) -> tuple[list[str], list[list[Cell]]]:
    from briefing.load.encoding import decode_csv

    text = decode_csv(path)
    lines = [line for line in text.split("\n")]
    first = next((line for line in lines if line.strip()), "")
    delimiter = max([";", "\t", ","], key=first.count)
    decimal = "." if delimiter == "," else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    cells: list[list[Cell]] = []
    next_line = 1
    for record in reader:  # a quoted field may hold line breaks: a record starts where the one before ended
        line_no, next_line = next_line, reader.line_num + 1
        if not any(c.strip() for c in record):
            continue
        if header is None:
            header = [c.strip() for c in record]
            continue
        cells.append([(value, value, Location(path, line_no, col)) for col, value in enumerate(record, start=1)])
        if len(cells) > MAX_ROWS:
            raise BriefingError(Problem(f"tabellen har mere end {fmt.number(MAX_ROWS)} rækker", Location(path, line_no, 1)))
    if header is None:
        raise BriefingError(Problem("filen er tom", Location(path, 1, 1)))
    width = len(header)
    for row in cells:
        if len(row) != width:
            raise BriefingError(Problem(f"rækken har {len(row)} felter, men overskriften har {width} (skilletegn '{delimiter}')", row[0][2]))
    return header, [[(v, raw if decimal == "," else _to_comma(raw), loc) for v, raw, loc in row] for row in cells]


class Ambiguous(str):
    """A cell such as '4.812' in a CSV whose decimal sign is a point: refused where a number is read."""


def _to_comma(raw: str | None) -> str | None:
    """Rewrite a decimal-point number ('1,234.5') into the Danish form ('1.234,5') for one parser; a number that
    could be either ('4.812') is kept as written, to be refused (numbers.point_thousands_problem)."""
    if raw is None:
        return None
    if numbers.point_thousands_problem(raw):
        return Ambiguous(raw)
    return raw.translate(str.maketrans({",": ".", ".": ","}))


def read_xlsx(path: Path, sheet: str | None, doc: SourceDoc) -> tuple[list[str], list[list[Cell]]]:
    from openpyxl import load_workbook  # only needed for XLSX tables

    from briefing.load.zipsafe import ZipLimitError, check_zip

    try:
        check_zip(path)
        book = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)  # to tell a formula from an empty cell
    except ZipLimitError as exc:
        raise BriefingError(Problem(f"filen kan ikke bruges: {exc}", Location(path))) from None
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise BriefingError(Problem("filen kan ikke læses som XLSX (Excel)", Location(path))) from None
    readers = []  # the sheets' row readers: each holds the file open until it is closed
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise BriefingError(Problem(f"arket '{sheet}' findes ikke (findes: {known_list(book.sheetnames)})", doc.location(("sheet",)), "sheet"))
        readers = [(workbook[sheet] if sheet else first_visible(workbook)).iter_rows(values_only=values)
                   for workbook, values in ((book, False), (formulas, True))]
        header: list[str] | None = None
        cells: list[list[Cell]] = []
        for row_no, (shown, raw) in enumerate(zip(*readers), start=1):
            record = tuple(percent_value(c.value, getattr(c, "number_format", None)) for c in shown)
            _refuse_unsaved_formulas(path, row_no, record, raw)
            if not any(v is not None and str(v).strip() for v in record):
                continue
            if header is None:
                header = [str(v).strip() if v is not None else "" for v in record]
                while header and not header[-1]:
                    header.pop()
                continue
            record = record[: len(header)]
            cells.append([(v, v if isinstance(v, str) else None, Location(path, row_no, col)) for col, v in enumerate(record, start=1)])
            if len(cells) > MAX_ROWS:
                raise BriefingError(Problem(f"tabellen har mere end {fmt.number(MAX_ROWS)} rækker", Location(path, row_no, 1)))
    finally:
        for reader in readers:  # a table refused part way has not read its sheet to the end
            reader.close()
        book.close()
        formulas.close()
    if header is None:
        raise BriefingError(Problem("arket er tomt", Location(path, 1, 1)))
    return header, cells


def first_visible(workbook):
    """The sheet a table without 'sheet:' is read from: the first one Excel shows, never a hidden one (an old copy
    kept out of sight would give its numbers silently)."""
    return next((ws for ws in workbook.worksheets if ws.sheet_state == "visible"), workbook.worksheets[0])


def percent_value(value: Any, number_format: str | None) -> Any:
    """A number cell formatted as per cent holds the fraction (0.763 shown as 76,3 %): the share is 76.3, as the
    sheet shows it and as every other table writes it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (number_format or ""):
        return float(Decimal(repr(value)) * 100) if isinstance(value, float) else value * 100
    return value


def _refuse_unsaved_formulas(path: Path, row_no: int, record: tuple, raw: tuple) -> None:
    """A formula whose result Excel never saved reads as an empty cell: say so, not 'under diskretionsgrænsen'."""
    for col, (value, formula) in enumerate(zip(record, raw), start=1):
        if value is None and isinstance(formula, str) and formula.startswith("="):
            raise BriefingError(Problem(
                f"cellen er en formel ({formula[:40]}) uden gemt resultat, så tallet kan ikke læses; åbn filen i "
                "Excel, gem den, og prøv igen (eller indsæt tallene som værdier)", Location(path, row_no, col)))
