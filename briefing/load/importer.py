"""Import stage: turn a jobindsats.dk export (XLSX or CSV) into a data table under inputs/data/.

A real export has a few title and metadata lines ("Periode: ...", "Udtrukket: 23-11-2021"),
then a header of one row, or two (area or period above, measure below), then one row per
group: text columns first, numbers after. The importer finds the header, names the columns,
reads the numbers (suppressed cells become missing, never zero) and writes a Danish CSV plus
its table YAML. Both are read back with the normal loader before anything is written, so an
imported table always passes `briefing check`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefing.danish import fmt
from briefing.load.data import MAX_COLUMNS, MAX_ROWS, DataTable, load_table, parse_cell
from briefing.errors import BriefingError, Location, Problem
from briefing.danish.periods import Period, join_periods, parse_period
from briefing.load.source import MAX_FILE_BYTES, load_yaml
from briefing.spec.models import TableSpec
from briefing.load.validate import validate
from briefing.files import write_atomic

SOURCE = "Jobindsats.dk"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schemas/table.schema.json"
SUFFIXES = (".csv", ".xlsx")

# Units found in header and title texts, tried in order: "Andel personer" is a share, not persons.
_UNIT_PATTERNS = (
    ("pct.point", re.compile(r"pct\.?\s*-?\s*point|procentpoint")),
    ("pct.", re.compile(r"\bpct\b|%|\bprocent|\bandel")),
    ("uger", re.compile(r"\buger?\b")),
    ("kr.", re.compile(r"\bkr\b|\bkroner|\bbeløb")),
    ("personer", re.compile(r"\bpersoner\b")),
    ("antal", re.compile(r"\bantal\b")),
)
# Unit markers that are dropped from column names: "Andel (pct.)", "Hedensted, pct.".
_UNIT_IN_NAME = re.compile(r"\s*\((?:pct\.?|%|procent|antal|personer|uger|kr\.?|pct\.?\s*-?\s*point)\)|[,\s]+(?:pct\.?|%)$",
                           re.IGNORECASE)
# Metadata lines whose key says they hold the extraction date.
_DATE_KEYS = ("udtr", "dato", "hentet", "opdater", "trukket")
_PERIOD_KEY = re.compile(r"^\s*periode\s*:\s*(.+)$", re.IGNORECASE)
_DMY = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})\b")
_MONTHS = {fmt.month_name(i): i for i in range(1, 13)}
_NAME = re.compile(r"[\w\-]{1,80}")
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


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


@dataclass(frozen=True)
class ImportResult:
    """What `import_export` wrote: the table's name, its two files, and what it holds."""

    name: str
    table_path: Path
    data_path: Path
    table: DataTable
    extracted: dt.date | None

    @property
    def missing(self) -> int:
        """How many cells are suppressed or empty."""
        return sum(v is None for row in self.table.rows for v in row.values)


def import_export(source: Path, inputs: Path, name: str | None = None, *, overwrite: bool = False) -> ImportResult:
    """Read a jobindsats export and write it as inputs/data/<name>.csv and <name>.yaml; return what was written."""
    source = Path(source)
    name = _table_name(source, name)
    data_dir = _data_dir(Path(inputs))
    table_path, data_path = data_dir / f"{name}.yaml", data_dir / f"{name}.csv"
    if not overwrite:
        _refuse_existing(name, table_path, data_path)
    grid, decimal = read_grid(source)
    parsed = parse_export(grid, decimal, source)
    csv_text = _csv_text(parsed)
    yaml_text = _yaml_text(parsed, name, source.name)
    _check_loads(name, yaml_text, csv_text, data_dir)
    write_atomic(data_path, csv_text.encode("utf-8"))
    write_atomic(table_path, yaml_text.encode("utf-8"))
    return ImportResult(name, table_path, data_path, _load(name, table_path, data_dir), parsed.extracted)


# ---------------------------------------------------------------- target

def _table_name(source: Path, name: str | None) -> str:
    """The given name, checked, or one made from the file name ('Ydelser på kontanthjælp.xlsx' -> 'ydelser-paa-kontanthjaelp')."""
    if name is None:
        slug = re.sub(r"[^a-z0-9]+", "-", source.stem.lower().translate(_TRANSLITERATE)).strip("-")
        return slug[:80] or "tabel"
    if not _NAME.fullmatch(name):
        raise BriefingError(Problem(f"navnet '{name}' må kun indeholde bogstaver, tal, '-' og '_'", field="--name"))
    return name


def _data_dir(inputs: Path) -> Path:
    if not inputs.is_dir():
        raise BriefingError(Problem("mappen findes ikke; angiv projektets inputs-mappe med --input", Location(inputs)))
    return inputs / "data"


def _refuse_existing(name: str, *paths: Path) -> None:
    for path in paths:
        if path.exists():
            raise BriefingError(Problem(f"tabellen '{name}' findes allerede; brug --overwrite for at erstatte den "
                                        "eller --name for at vælge et andet navn", Location(path)))


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
    for record in reader:
        line = reader.line_num
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
        for row_no, row in enumerate(book.worksheets[0].iter_rows(), start=1):
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
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if is_number and "%" in (getattr(cell, "number_format", "") or ""):
        return value * 100
    return value


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


# ---------------------------------------------------------------- finding the table

@dataclass
class ParsedExport:
    """The table found in an export, ready to be written."""

    title: str
    unit: str
    label_names: list[str]
    value_names: list[str]
    rows: list[tuple[list[str], list[float | None]]]
    period: str | None
    extracted: dt.date | None
    metadata: list[str]
    footnotes: list[str]


def parse_export(grid: Grid, decimal: str, path: Path) -> ParsedExport:
    """Find metadata, header and rows in the export; raise located Danish problems for what cannot be read."""
    first = _first_data_row(grid, decimal, path)
    header_at = _previous_filled(grid, first)
    if header_at is None:
        raise BriefingError(Problem("der står ingen overskrift over tallene; forventede kolonnenavne som '2021K3' i rækken ovenover",
                                    grid[first][0].location))
    last = _last_data_row(grid, first)
    body = [row for row in grid[first : last + 1] if any(c.value is not None for c in row)]
    start = _first_value_column(body, decimal)
    upper_at = _upper_header(grid, header_at, start)
    upper = _filled_right(grid[upper_at], start) if upper_at is not None else None
    meta_end = upper_at if upper_at is not None else header_at
    metadata = [_line_text(row) for row in grid[:meta_end] if any(c.value is not None for c in row)]
    footnotes = [_line_text(row) for row in grid[last + 1 :] if any(c.value is not None for c in row)]
    return _assemble(grid[header_at], upper, start, body, decimal, metadata, footnotes, path)


def _is_number(cell: Cell, decimal: str) -> bool:
    """True for a cell holding a count or share: a real number or number text, not a year or period."""
    value = cell.value
    if value is None or isinstance(value, (bool, dt.date, dt.datetime)):
        return False
    try:
        number = _parse_value(value, decimal)
    except ValueError:
        return False
    if number is None:
        return False
    try:
        return parse_period(cell.text) is None  # a header of years ("2019", "2021") is not a row of numbers
    except ValueError:
        return False


def _is_text(cell: Cell, decimal: str) -> bool:
    return cell.value is not None and not _is_number(cell, decimal) and not isinstance(cell.value, (int, float))


def _first_data_row(grid: Grid, decimal: str, path: Path) -> int:
    """Index of the first row that starts with a text and holds a number: where the table's body begins."""
    for index, row in enumerate(grid):
        filled = [c for c in row if c.value is not None]
        if filled and _is_text(filled[0], decimal) and any(_is_number(c, decimal) for c in filled[1:]):
            return index
    raise BriefingError(Problem("fandt ingen tabel i filen: ingen række har en tekst efterfulgt af tal "
                                "(er det et udtræk fra Jobindsats.dk?)", Location(path)))


def _previous_filled(grid: Grid, index: int) -> int | None:
    for above in range(index - 1, -1, -1):
        if any(c.value is not None for c in grid[above]):
            return above
    return None


def _last_data_row(grid: Grid, first: int) -> int:
    """Index of the last row of the table; the lines below it are footnotes."""
    last = first
    for index in range(first, len(grid)):
        if not _is_footnote(grid[index]):
            last = index
    return last


def _is_footnote(row: list[Cell]) -> bool:
    """True for an empty row or a note such as "Anm.: ..." or "Kilde:;Jobindsats.dk".

    A group label inside the table looks alike; it is kept, as only the lines after the last row count.
    """
    filled = [c for c in row if c.value is not None]
    return not filled or filled[0] is row[0] and (len(filled) == 1 or row[0].text.endswith(":"))


def _first_value_column(body: Grid, decimal: str) -> int:
    """Index of the first column holding a number in any row: the columns before it are labels."""
    found = [next(i for i, c in enumerate(row) if _is_number(c, decimal)) for row in body if any(_is_number(c, decimal) for c in row)]
    return max(1, min(found))  # a label that looks like a number ("15") must not leave the table without labels


def _upper_header(grid: Grid, header_at: int, start: int) -> int | None:
    """Index of a second header row right above the header (area or period over each column), if there is one.

    It has cells only above the number columns; a title or "Periode: ..." line starts in the first column.
    """
    if header_at == 0:
        return None
    row = grid[header_at - 1]
    if any(c.value is not None for c in row[:start]) or all(c.value is None for c in row[start:]):
        return None
    return header_at - 1


def _filled_right(row: list[Cell], start: int) -> list[Cell]:
    """The row with empty cells after `start` taken from the left: a merged cell spans the columns under it."""
    filled = list(row)
    for col in range(start + 1, len(filled)):
        if filled[col].value is None and filled[col - 1].value is not None:
            filled[col] = Cell(filled[col - 1].value, filled[col].location)
    return filled


def _line_text(row: list[Cell]) -> str:
    """A metadata line as one text; a date cell keeps its day."""
    parts = [c.value.strftime("%d-%m-%Y") if isinstance(c.value, (dt.date, dt.datetime)) else c.text for c in row if c.value is not None]
    return " ".join(parts)


# ---------------------------------------------------------------- columns, units and rows

def _assemble(header: list[Cell], upper: list[Cell] | None, start: int, body: Grid, decimal: str,
              metadata: list[str], footnotes: list[str], path: Path) -> ParsedExport:
    if len(header) > MAX_COLUMNS:
        raise BriefingError(Problem(f"tabellen har mere end {MAX_COLUMNS} kolonner", header[0].location))
    if len(body) > MAX_ROWS:
        raise BriefingError(Problem(f"tabellen har mere end {fmt.number(MAX_ROWS)} rækker", body[MAX_ROWS][0].location))
    label_names = _label_names(header[:start])
    levels = [level for level in (upper, header) if level is not None]
    value_names, measure, common_period = _value_names(levels, start)
    _check_unique(label_names + value_names, header)
    unit = _unit(levels, start, measure, metadata, header[start].location)
    rows = _rows(body, start, value_names, decimal, unit)
    title = _title(metadata, measure, path)
    return ParsedExport(title, unit, label_names, value_names, rows, _period(value_names, common_period, metadata),
                        _extraction_date(metadata), metadata, footnotes)


def _label_names(cells: list[Cell]) -> list[str]:
    """Names of the text columns; pivot exports often leave them blank, so those get 'kategori', 'kategori 2'."""
    names = []
    for i, cell in enumerate(cells, start=1):
        names.append(cell.text or ("kategori" if i == 1 else f"kategori {i}"))
    return names


def _strip_unit(text: str) -> str:
    return _UNIT_IN_NAME.sub("", text).strip(" ,")


def _safe_period(text: str) -> Period | None:
    try:
        return parse_period(text)
    except ValueError:
        return None


def _value_names(levels: list[list[Cell]], start: int) -> tuple[list[str], str, str | None]:
    """Names of the number columns, the measure shared by all of them, and a period shared by all.

    A header level that is the same over every number column (the measure, "Antal personer", or
    one period) says what the table holds, not which column is which, so it is left out of the
    names when another level tells the columns apart.
    """
    texts = [[c.text for c in level[start:]] for level in levels]
    varying = [t for t in texts if len(set(t)) > 1] or texts[-1:]
    common = [t[0] for t in texts if t not in varying and t[0]]
    common_period = next((c for c in common if _safe_period(c)), None)
    measure = [c for c in common if c != common_period]
    parts: list[list[str]] = [[] for _ in texts[0]]
    for level in varying:
        names, shared = _without_shared_words(level)
        measure += [shared] if shared else []
        for i, name in enumerate(names):
            parts[i].append(name)
    names = [_column_name(p) for p in parts]
    if len(names) == 1 and not _safe_period(names[0]):
        measure.append(names[0])
    return names, " ".join(measure), common_period


def _without_shared_words(texts: list[str]) -> tuple[list[str], str]:
    """Texts without the words they all begin or end with, and those words:
    "Hedensted Status 1 mdr. efter afsluttet forløb, pct." -> "Hedensted".

    Only two or more shared words are dropped, so "RAR Østjylland" and "RAR Sydjylland" stay whole,
    and periods are kept whole: "3. kvt 2019" and "3. kvt 2021" share "3. kvt" but are different columns.
    """
    if len(texts) < 2 or any(not t or _safe_period(t) for t in texts):
        return texts, ""
    words = [_strip_unit(t).split() for t in texts]
    shortest = min(len(w) for w in words)
    head = 0
    while head < shortest - 1 and len({w[head] for w in words}) == 1:
        head += 1
    tail = 0
    while tail < shortest - head - 1 and len({w[-tail - 1] for w in words}) == 1:
        tail += 1
    if head + tail < 2:
        return texts, ""
    shared = words[0][:head] + words[0][len(words[0]) - tail :]
    return [" ".join(w[head : len(w) - tail]) for w in words], " ".join(shared)


def _column_name(parts: list[str]) -> str:
    """One column's name from its header parts; a period next to other words is written the Danish way."""
    parts = [_strip_unit(p) for p in parts if p]
    if len(parts) == 1:
        return parts[0]
    words = []
    periods = []
    for part in parts:
        period = _safe_period(part)
        (periods if period else words).append(period.short if period else part)
    return " ".join(words + periods)


def _check_unique(names: list[str], header: list[Cell]) -> None:
    seen: set[str] = set()
    for name, cell in zip(names, header):
        if not name:
            raise BriefingError(Problem("kolonnen har ingen overskrift", cell.location))
        if name in seen:
            raise BriefingError(Problem(f"kolonnen '{name}' står to gange; giv kolonnerne forskellige navne", cell.location))
        seen.add(name)


def unit_of(text: str) -> str | None:
    """The table unit a Danish header or title names: '(pct.)' and 'Andel' -> 'pct.', 'Antal personer' -> 'personer'."""
    lower = text.lower()
    for unit, pattern in _UNIT_PATTERNS:
        if pattern.search(lower):
            return unit
    return None


def _unit(levels: list[list[Cell]], start: int, measure: str, metadata: list[str], where: Location) -> str:
    """The unit from the number columns' headers (they must agree), else from the title lines, else 'antal'."""
    found: dict[str, str] = {}
    for col in range(start, len(levels[0])):
        header = " ".join(level[col].text for level in levels)
        unit = unit_of(header)
        if unit is not None:
            found.setdefault(unit, header)
    if len(found) > 1:
        units = ", ".join(f"{unit} i '{header}'" for unit, header in found.items())
        raise BriefingError(Problem(f"kolonnerne har forskellige enheder ({units}); en tabel har én enhed, "
                                    "så hent tallene som ét udtræk pr. enhed", where))
    if found:
        return next(iter(found))
    for text in [measure, *metadata]:
        unit = unit_of(text)
        if unit is not None:
            return unit
    return "antal"


def _parse_value(value: Any, decimal: str) -> float | None:
    """The number in a cell, None when suppressed or empty; ValueError with a Danish reason otherwise."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        raise ValueError("cellen er en dato, ikke et tal")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return parse_cell(value, None)
    text = str(value)
    if decimal == ".":
        return fmt.parse_number(text, decimal=".")
    return parse_cell(text, text)


def _rows(body: Grid, start: int, value_names: list[str], decimal: str, unit: str) -> list[tuple[list[str], list[float | None]]]:
    """Labels and numbers of every row; all unreadable cells are reported together."""
    problems = []
    rows = []
    previous: list[str] = []
    for row in body:
        labels = _labels(row[:start], previous)
        previous = labels
        values = []
        for cell, name in zip(row[start:], value_names):
            try:
                number = _parse_value(cell.value, decimal)
            except ValueError as exc:
                problems.append(Problem(str(exc), cell.location, name))
                number = None
            if number is not None and unit == "pct." and not 0 <= number <= 100:
                problems.append(Problem(f"en andel i pct. skal ligge mellem 0 og 100, ikke {fmt.number(number, 1)}", cell.location, name))
            values.append(number)
        rows.append((labels, values))
    if problems:
        raise BriefingError(problems)
    return rows


def _labels(cells: list[Cell], previous: list[str]) -> list[str]:
    """A row's text cells. A blank group label repeats the one above (pivot exports write it once);
    a period is written the Danish way, since codes are never shown to readers."""
    labels = []
    for i, cell in enumerate(cells):
        text = cell.text
        if not text and i < len(cells) - 1 and previous:
            text = previous[i]
        period = _safe_period(text) if text else None
        labels.append(period.short if period else text)
    return labels


# ---------------------------------------------------------------- metadata

def _is_key_line(line: str) -> bool:
    """True for a metadata line such as 'Periode: 2021K3' or 'Udtrukket: 23-11-2021', as opposed to a title."""
    key, colon, _ = line.partition(":")
    return bool(colon) and len(key.split()) <= 3 and not key.strip().lower().startswith(("antal", "andel"))


def _title(metadata: list[str], measure: str, path: Path) -> str:
    for line in metadata:
        if not _is_key_line(line) and line.strip().lower().rstrip(".") not in ("jobindsats.dk", "jobindsats"):
            return line
    return _strip_unit(measure) or path.stem


def _period(value_names: list[str], common_period: str | None, metadata: list[str]) -> str | None:
    """The `period:` of a table whose columns are not periods: a period over all columns, or the 'Periode:' line."""
    if value_names and all(_safe_period(n) for n in value_names):
        return None  # the columns themselves are the periods
    if common_period:
        return common_period
    for line in metadata:
        match = _PERIOD_KEY.match(line)
        if match and _safe_period(match.group(1).strip()):
            return match.group(1).strip()
    return None


def _extraction_date(metadata: list[str]) -> dt.date | None:
    for line in metadata:
        if any(key in line.lower() for key in _DATE_KEYS):
            found = _find_date(line)
            if found:
                return found
    return None


def _find_date(text: str) -> dt.date | None:
    """The first date written as 23-11-2021, 23.11.2021, 2021-11-23 or 23. november 2021."""
    candidates = []
    for match in _DMY.finditer(text):
        candidates.append((match.start(), int(match[3]), int(match[2]), int(match[1])))
    for match in _YMD.finditer(text):
        candidates.append((match.start(), int(match[1]), int(match[2]), int(match[3])))
    for match in _DAY_MONTH.finditer(text.lower()):
        if match[2] in _MONTHS:
            candidates.append((match.start(), int(match[3]), _MONTHS[match[2]], int(match[1])))
    for _, year, month, day in sorted(candidates):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- writing

def _number_text(value: float | None) -> str:
    """A number the way the CSV loader reads it: decimal comma, no thousands points; '.' for suppressed."""
    if value is None:
        return "."
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text.replace(".", ",")


def _decimals(parsed: ParsedExport) -> int | None:
    """`decimals:` when the numbers have more decimals than the unit shows by default (at most 3)."""
    most = 0
    for _, values in parsed.rows:
        for value in values:
            if value is not None:
                fraction = _number_text(value).partition(",")[2]
                most = max(most, len(fraction))
    default = 1 if parsed.unit in ("pct.", "pct.point", "uger") else 0
    return min(most, 3) if most > default else None


def _csv_text(parsed: ParsedExport) -> str:
    header = parsed.label_names + parsed.value_names
    line = ";".join(header)
    if line.count(",") >= line.count(";"):
        # The loader guesses the separator from the header line; commas must not outnumber semicolons.
        header = [h.replace(",", "") for h in header]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for labels, values in parsed.rows:
        writer.writerow(labels + [_number_text(v) for v in values])
    return out.getvalue()


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def _yaml_text(parsed: ParsedExport, name: str, source_name: str) -> str:
    lines = [SCHEMA_COMMENT, _comment(f"Importeret fra {source_name} med 'briefing import'.")]
    if parsed.extracted:
        lines.append(_comment(f"Udtrukket fra {SOURCE}: {fmt.date(parsed.extracted)}."))
    else:
        lines.append(_comment("Udtræksdatoen står ikke i filen; skriv den her, når du kender den."))
    periods = [p for p in (_safe_period(n) for n in parsed.value_names) if p]
    if periods:
        lines.append(_comment(f"Perioder: {join_periods(periods)}."))
    # Keep every other line of the export, so nothing it said about the numbers is lost.
    lines += [_comment(f"Fra udtrækket: {line}") for line in parsed.metadata + parsed.footnotes if line != parsed.title]
    fields: dict[str, Any] = {"title": parsed.title, "source": SOURCE}
    if parsed.period:
        fields["period"] = parsed.period
    fields["unit"] = parsed.unit
    decimals = _decimals(parsed)
    if decimals is not None:
        fields["decimals"] = decimals
    fields["labels"] = parsed.label_names
    fields["file"] = f"{name}.csv"
    body = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    return "\n".join(lines) + "\n" + body


def _load(name: str, table_path: Path, data_dir: Path) -> DataTable:
    """The table as the normal loader reads it; located problems if it cannot."""
    doc = load_yaml(table_path)
    spec, problems = validate(TableSpec, doc)
    if spec is None:
        raise BriefingError(problems)
    return load_table(name, spec, doc, data_dir)


def _check_loads(name: str, yaml_text: str, csv_text: str, data_dir: Path) -> None:
    """Load the new table from a temporary folder before writing it, so a written table always passes `briefing check`."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        (folder / f"{name}.yaml").write_text(yaml_text, encoding="utf-8")
        (folder / f"{name}.csv").write_text(csv_text, encoding="utf-8")
        try:
            _load(name, folder / f"{name}.yaml", folder)
        except BriefingError as exc:
            # Point at the files that would have been written, not at the temporary copies.
            moved = [Problem(p.message, _moved(p.location, folder, data_dir), p.field, p.severity) for p in exc.problems]
            raise BriefingError(moved) from None


def _moved(location: Location, old: Path, new: Path) -> Location:
    if location.file is None or location.file.parent != old:
        return location
    return Location(new / location.file.name, location.line, location.column)


__all__ = ["import_export", "read_grid", "parse_export", "unit_of", "ImportResult", "ParsedExport"]
