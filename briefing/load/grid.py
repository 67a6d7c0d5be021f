"""Reading an export file into a grid of cells, each with its place in the file: CSV (any of the encodings and
separators Excel and jobindsats.dk write) or XLSX."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from briefing.danish import fmt
from briefing.errors import BriefingError, Location, Problem
from briefing.load.sheets import MAX_ROWS, first_visible, percent_value
from briefing.load.source import MAX_FILE_BYTES
SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Cell:
    """One cell of the export with its place in the file (row and column, 1-based)."""

    value: Any
    location: Location

    @property
    def text(self) -> str:
        """The cell as text: whitespace collapsed, whole numbers without '.0', dates as '2021-03'."""
        value = self.value
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, (dt.datetime, dt.date)):
            return f"{value.year}-{value.month:02d}"  # a month column stored as a date
        return " ".join(str(value).split())


# ---------------------------------------------------------------- reading

Grid = list[list[Cell]]


def read_grid(path: Path) -> tuple[Grid, str]:
    """Every cell of the file as rows of equal width, and the decimal mark its text numbers use."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        hint = "; gem den som .xlsx i Excel" if suffix == ".xls" else ""
        raise BriefingError(Problem(f"filtypen '{suffix}' kendes ikke (tilladte: {', '.join(SUFFIXES)}){hint}", Location(path)))
    if not path.is_file():
        raise BriefingError(Problem("filen findes ikke", Location(path)))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise BriefingError(Problem(f"filen er for stor; højst {MAX_FILE_BYTES // 1_000_000} MB er tilladt", Location(path)))
    grid, decimal = _read_csv(path) if suffix == ".csv" else (_read_xlsx(path), ",")
    grid = _trim(grid, path)
    if not grid:
        raise BriefingError(Problem("filen er tom", Location(path)))
    return grid, decimal


def _decode(raw: bytes) -> str:
    """Text of a CSV as saved by the site or by Excel: UTF-8 (with or without BOM), UTF-16, else Windows-1252."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_csv(path: Path) -> tuple[Grid, str]:
    text = _decode(path.read_bytes())
    # Title lines have no separators, and labels such as "Kontanthjælp, jobparat" hold commas,
    # so a semicolon anywhere decides; a comma file uses the decimal point.
    delimiter = ";" if ";" in text else "\t" if "\t" in text else ","
    decimal = "." if delimiter == "," else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    grid = []
    next_line = 1
    for record in reader:  # a record starts where the one before ended (a quoted field may hold line breaks)
        line, next_line = next_line, reader.line_num + 1
        grid.append([Cell(value.strip() or None, Location(path, line, col)) for col, value in enumerate(record, start=1)])
    return grid, decimal


def _read_xlsx(path: Path) -> Grid:
    from openpyxl import load_workbook  # only needed for XLSX exports

    from briefing.load.zipsafe import ZipLimitError, check_zip

    try:
        check_zip(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # exports often lack a default style; harmless
            book = load_workbook(path, data_only=True, read_only=True)  # streamed: rows are counted as they come
    except ZipLimitError as exc:
        raise BriefingError(Problem(f"filen kan ikke bruges: {exc}", Location(path))) from None
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise BriefingError(Problem("filen kan ikke læses som XLSX (Excel)", Location(path))) from None
    try:
        grid = []
        for row_no, row in enumerate(first_visible(book).iter_rows(), start=1):
            if row_no > MAX_ROWS + MAX_HEADER_LINES:
                raise BriefingError(Problem(f"tabellen har mere end {fmt.number(MAX_ROWS)} rækker",
                                            Location(path, row_no, 1)))
            grid.append([Cell(_xlsx_value(cell), Location(path, row_no, col)) for col, cell in enumerate(row, start=1)])
        return grid
    finally:
        book.close()


MAX_HEADER_LINES = 200  # title, notes and header lines above and below the rows of an export


def _xlsx_value(cell) -> Any:
    """A cell's value; a share formatted as percent (0.763 shown as 76,3 %) becomes 76.3, as jobindsats writes it."""
    value = cell.value
    if isinstance(value, str):
        value = value.strip() or None
    return percent_value(value, getattr(cell, "number_format", None))


def _trim(grid: Grid, path: Path) -> Grid:
    """Rows of equal width, without empty rows at the end or empty columns at either side."""
    filled = [c.location.column for row in grid for c in row if c.value is not None]
    if not filled:
        return []
    first, last = min(filled), max(filled)
    rows = [list(row) for row in grid]
    while all(c.value is None for c in rows[-1]):
        rows.pop()
    trimmed = []
    for number, row in enumerate(rows, start=1):
        line = row[0].location.line if row else number  # a blank CSV line has no cells to tell its number
        row += [Cell(None, Location(path, line, col)) for col in range(len(row) + 1, last + 1)]
        trimmed.append(row[first - 1 : last])
    return trimmed
