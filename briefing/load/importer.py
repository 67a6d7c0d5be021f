"""Import stage: turn a jobindsats.dk export (XLSX or CSV) into a data table under inputs/data/.

A real export has a few title and metadata lines ("Periode: ...", "Udtrukket: 23-11-2021"),
then a header of one row, or two (area or period above, measure below), then one row per
group: text columns first, numbers after. The importer finds the header, names the columns,
reads the numbers (suppressed cells become missing, never zero) and writes a Danish CSV plus
its table YAML. Both are read back with the normal loader before anything is written, so an
imported table always passes `briefing check`.
"""


from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from briefing.danish import fmt
from briefing.load.grid import read_grid
from briefing.load.jobindsats import ParsedExport, parse_export, safe_period
from briefing.load.data import DataTable, load_table
from briefing.errors import BriefingError, Location, Problem
from briefing.danish.periods import join_periods
from briefing.load.source import load_yaml
from briefing.spec.models import TableSpec
from briefing.load.validate import validate
from briefing.files import write_atomic

SOURCE = "Jobindsats.dk"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schemas/table.schema.json"

# Units found in header and title texts, tried in order: "Andel personer" is a share, not persons.
_NAME = re.compile(r"[\w\-]{1,80}")
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


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
    periods = [p for p in (safe_period(n) for n in parsed.value_names) if p]
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


__all__ = ["import_export", "ImportResult"]
