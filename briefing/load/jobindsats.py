"""Finding the table in a jobindsats.dk export: the header of one or two rows, the text and number columns, the
unit, the rows (suppressed cells become missing, never zero), and the title, period and extraction date from
the metadata lines above the table."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from briefing.danish import fmt, numbers
from briefing.load.grid import Cell, Grid
from briefing.load.data import MAX_COLUMNS, parse_cell
from briefing.load.sheets import MAX_ROWS
from briefing.errors import BriefingError, Location, Problem
from briefing.danish.periods import Period, parse_period

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


def safe_period(text: str) -> Period | None:
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
    common_period = next((c for c in common if safe_period(c)), None)
    measure = [c for c in common if c != common_period]
    parts: list[list[str]] = [[] for _ in texts[0]]
    for level in varying:
        names, shared = _without_shared_words(level)
        measure += [shared] if shared else []
        for i, name in enumerate(names):
            parts[i].append(name)
    names = [_column_name(p) for p in parts]
    if len(names) == 1 and not safe_period(names[0]):
        measure.append(names[0])
    return names, " ".join(measure), common_period


def _without_shared_words(texts: list[str]) -> tuple[list[str], str]:
    """Texts without the words they all begin or end with, and those words:
    "Hedensted Status 1 mdr. efter afsluttet forløb, pct." -> "Hedensted".

    Only two or more shared words are dropped, so "RAR Østjylland" and "RAR Sydjylland" stay whole,
    and periods are kept whole: "3. kvt 2019" and "3. kvt 2021" share "3. kvt" but are different columns.
    """
    if len(texts) < 2 or any(not t or safe_period(t) for t in texts):
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
        period = safe_period(part)
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
                ambiguous = numbers.point_thousands_problem(cell.value) if decimal == "." and isinstance(
                    cell.value, str) else None
                if ambiguous:
                    raise ValueError(ambiguous)
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
        period = safe_period(text) if text else None
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
    if value_names and all(safe_period(n) for n in value_names):
        return None  # the columns themselves are the periods
    if common_period:
        return common_period
    for line in metadata:
        match = _PERIOD_KEY.match(line)
        if match and safe_period(match.group(1).strip()):
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
