"""Load stage: read the deck file, every slide spec, data table and the theme, and check references.

All problems from all files are collected and raised together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.load.data import DataTable, load_table, select_rows
from briefing.errors import BriefingError, Location, Problem, Problems, field_name, known_list, suggest
from briefing.load.source import SourceDoc, load_yaml
from briefing.spec.models import ChartSlide, DeckSpec, KpiSlide, SlideFile, TableSlide, TableSpec, ThemeSpec
from briefing.load.validate import validate

DECK_FILE = "briefing.yaml"
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class SlideEntry:
    name: str
    spec: Any
    doc: SourceDoc


@dataclass
class Theme:
    spec: ThemeSpec
    path: Path | None
    logo: Path | None = None
    template: bytes | None = None
    layouts: dict[str, str] = field(default_factory=dict)


@dataclass
class Project:
    root: Path
    inputs: Path
    deck: DeckSpec
    deck_doc: SourceDoc
    slides: dict[str, SlideEntry]
    tables: dict[str, DataTable]
    theme: Theme
    phrasebook: Any = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        """File stem of the built deck."""
        return deck_name(self.deck)


def slug(text: str) -> str:
    """'Ringkøbing-Skjern' -> 'ringkoebing-skjern': safe in file names on every system."""
    import re

    text = text.lower().translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", " ": "-"}))
    return re.sub(r"[^a-z0-9_.-]", "", text)


def deck_name(deck: DeckSpec) -> str:
    return deck.name or f"{slug(deck.municipality)}-{deck.date.isoformat()}"


def for_municipality(deck: DeckSpec, municipality: str) -> DeckSpec:
    """The same deck for another municipality: own name in title, subtitle and file name swapped."""
    old = deck.municipality
    if municipality == old:
        return deck
    swap = lambda text: text.replace(old, municipality) if text else text  # noqa: E731
    name = deck.name.replace(slug(old), slug(municipality)) if deck.name and slug(old) in deck.name else (
        f"{deck.name}-{slug(municipality)}" if deck.name else None)
    return deck.model_copy(update={"municipality": municipality, "title": swap(deck.title),
                                   "subtitle": swap(deck.subtitle), "name": name, "author": swap(deck.author)})


def quick_name(inputs: Path, municipality: str | None) -> str | None:
    """The deck's file stem read straight from briefing.yaml, or None when it cannot be known without a full load."""
    try:
        doc = load_yaml(Path(inputs) / DECK_FILE)
        deck, problems = validate(DeckSpec, doc)
    except BriefingError:
        return None
    if deck is None:
        return None
    return deck_name(for_municipality(deck, municipality) if municipality else deck)


def load_project(inputs: Path, municipality: str | None = None) -> Project:
    """Read and validate a whole briefing project from its inputs folder, optionally for another municipality."""
    inputs = Path(inputs)
    deck_path = inputs / DECK_FILE
    if not deck_path.is_file():
        where = "mappen findes ikke" if not inputs.is_dir() else f"mappen indeholder ingen {DECK_FILE}"
        raise BriefingError(Problem(f"{where}; angiv projektets inputs-mappe med --input", Location(inputs)))
    problems = Problems()
    deck_doc = _load(deck_path, problems)
    deck = None
    if deck_doc is not None:
        deck, found = validate(DeckSpec, deck_doc)
        problems.extend(found)
        if deck is not None and municipality:
            deck = for_municipality(deck, municipality)
    slides = _load_slides(inputs / "slides", problems)
    tables = _load_tables(inputs / "data", problems)
    theme = load_theme(inputs.parent, deck.theme if deck else "default", deck_doc, problems)
    phrasebook = _load_phrasebook(inputs.parent, problems)
    problems.raise_if_errors()
    assert deck is not None and deck_doc is not None and theme is not None
    project = Project(inputs.parent, inputs, deck, deck_doc, slides, tables, theme, phrasebook)
    check_references(project, problems)
    problems.raise_if_errors()
    project.warnings = problems.warnings
    return project


def _load(path: Path, problems: Problems) -> SourceDoc | None:
    try:
        return load_yaml(path)
    except BriefingError as exc:
        problems.extend(exc.problems)
        return None


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _load_slides(folder: Path, problems: Problems) -> dict[str, SlideEntry]:
    slides = {}
    for path in _yaml_files(folder):
        doc = _load(path, problems)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            problems.add("en slide-fil skal bestå af felter (nøgle: værdi), fx 'kind: punkter'", doc.location())
            continue
        wrapped, found = validate(SlideFile, doc, {"slide": doc.data}, prefix=("slide",))
        problems.extend(found)
        if wrapped is not None:
            slides[path.stem] = SlideEntry(path.stem, wrapped.slide, doc)
    return slides


def _load_tables(folder: Path, problems: Problems) -> dict[str, DataTable]:
    tables = {}
    for path in _yaml_files(folder):
        doc = _load(path, problems)
        if doc is None:
            continue
        spec, found = validate(TableSpec, doc)
        problems.extend(found)
        if spec is None:
            continue
        try:
            tables[path.stem] = load_table(path.stem, spec, doc, folder)
        except BriefingError as exc:
            problems.extend(exc.problems)
    return tables


PHRASEBOOK = Path("narratives") / "phrasebook.yaml"


def _load_phrasebook(root: Path, problems: Problems):
    """The project's own phrasebook if it has one, else the one shipped with briefing."""
    from briefing.load.phrasebook import load_phrasebook

    for path in (root / PHRASEBOOK, PACKAGE_ROOT / PHRASEBOOK):
        if path.is_file():
            try:
                return load_phrasebook(path)
            except BriefingError as exc:
                problems.extend(exc.problems)
                return None
    problems.add("formuleringsfilen narratives/phrasebook.yaml findes ikke", Location(root / PHRASEBOOK))
    return None


def theme_folders(root: Path) -> list[Path]:
    """Where themes are looked up: the project's own themes/, then the ones shipped with briefing."""
    folders = [root / "themes", PACKAGE_ROOT / "themes"]
    return [f for i, f in enumerate(folders) if f.is_dir() and f.resolve() not in [g.resolve() for g in folders[:i]]]


def load_theme(root: Path, name: str, deck_doc: SourceDoc | None, problems: Problems) -> Theme | None:
    folders = theme_folders(root)
    for folder in folders:
        path = folder / f"{name}.yaml"
        if path.is_file():
            doc = _load(path, problems)
            if doc is None:
                return None
            spec, found = validate(ThemeSpec, doc)
            problems.extend(found)
            if spec is None:
                return None
            theme = Theme(spec, path, _logo(spec, folder, doc, problems))
            from briefing.spec.colors import theme_contrast_problems

            for field_name, message in theme_contrast_problems(spec.colors):
                problems.add(message, doc.location(tuple(field_name.split("."))), field_name)
            _template(theme, folder, doc, problems)
            return theme
    if name == "default":
        return Theme(ThemeSpec(), None)
    known = sorted({p.stem for f in folders for p in _yaml_files(f)})
    where = deck_doc.location(("theme",)) if deck_doc else Location()
    problems.add(f"ukendt tema '{name}'{suggest(name, known)} (findes: {known_list(known) or 'ingen'})", where, "theme")
    return None


def _inside(folder: Path, name: str) -> Path | None:
    """`name` resolved inside `folder`, or None when it points out of it (../, absolute paths, symlinks)."""
    path = (folder / name).resolve()
    return path if folder.resolve() in path.parents else None


def _template(theme: Theme, folder: Path, doc: SourceDoc, problems: Problems) -> None:
    """Read the municipality's template and pick its layouts; problems name what the template offers."""
    spec = theme.spec
    if spec.template is None:
        return
    from briefing.load.template import choose_layouts, open_presentation, read_template

    where = doc.location(("template",))
    path = _inside(folder, spec.template)
    if path is None:
        problems.add("skabelonen skal ligge i themes/-mappen (ingen '../' eller fulde stier)", where, "template")
        return
    if path.suffix.lower() not in (".pptx", ".potx") or not path.is_file():
        present = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".pptx", ".potx"))
        problems.add(f"skabelonen '{spec.template}' findes ikke (skabeloner i themes/: {', '.join(present) or 'ingen'})",
                     where, "template")
        return
    try:
        data = read_template(path)
        prs = open_presentation(data)
    except Exception:  # a damaged file can fail deep inside python-pptx or zipfile
        problems.add("skabelonen kan ikke åbnes som PowerPoint-fil (.pptx eller .potx)", where, "template")
        return
    chosen, found = choose_layouts(prs, spec.layouts.model_dump())
    for name, message in found:
        problems.add(message, doc.location(tuple(name.split("."))), name)
    ratio = prs.slide_width / prs.slide_height
    if abs(ratio - 16 / 9) > 0.02:
        problems.add("skabelonen er ikke i 16:9-format; vælg en bredformat-skabelon", where, "template", warning=True)
    theme.template, theme.layouts = data, chosen


def _logo(spec: ThemeSpec, folder: Path, doc: SourceDoc, problems: Problems) -> Path | None:
    if spec.logo is None:
        return None
    path = _inside(folder, spec.logo)
    if path is None:
        problems.add("logoet skal ligge i themes/-mappen (ingen '../' eller fulde stier)", doc.location(("logo",)), "logo")
        return None
    if not path.is_file() or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        problems.add(f"logoet '{spec.logo}' findes ikke eller er ikke PNG/JPG", doc.location(("logo",)), "logo")
        return None
    return path


# ---------------------------------------------------------------- references

def check_references(project: Project, problems: Problems) -> None:
    """Check what files point at: slides named in the deck, tables, columns and rows named in slides."""
    used: dict[str, tuple[int, int]] = {}
    for s, section in enumerate(project.deck.sections):
        for i, name in enumerate(section.slides):
            where = project.deck_doc.location(("sections", s, "slides", i))
            field = f"sections[{s + 1}].slides[{i + 1}]"
            if name not in project.slides:
                slide_dir = project.inputs / "slides"
                if (slide_dir / f"{name}.yaml").is_file():
                    continue  # the file exists but had errors, reported already
                known = list(project.slides)
                problems.add(f"sliden '{name}' findes ikke i inputs/slides/{suggest(name, known)} (findes: {known_list(known)})", where, field)
            elif name in used:
                problems.add(f"sliden '{name}' er allerede brugt i sections[{used[name][0] + 1}]; en slide kan kun bruges én gang", where, field)
            else:
                used[name] = (s, i)
    _check_periods(project, problems)
    for name, entry in project.slides.items():
        if name not in used:
            problems.add(f"sliden '{name}' er ikke med i inputs/{DECK_FILE} og kommer ikke med i præsentationen", entry.doc.location(), warning=True)
        _check_slide_data(entry, project.tables, problems)


def _check_periods(project: Project, problems: Problems) -> None:
    """A period after the meeting date is a typo (2031K3 for 2021K3), never data."""
    from briefing.danish import fmt

    meeting = project.deck.date
    for table in project.tables.values():
        for index, column in enumerate(table.value_columns):
            if table.is_forecast(index):  # a forecast may lie after the meeting
                continue
            if column.period is not None and column.period.first_month > (meeting.year, meeting.month):
                problems.add(f"perioden {column.period.short} ligger efter mødedatoen {fmt.date(meeting)}; "
                             "tjek årstallet", table.location, column.name)


def _check_slide_data(entry: SlideEntry, tables: dict[str, DataTable], problems: Problems) -> None:
    spec = entry.spec
    if isinstance(spec, ChartSlide):
        chart = spec.chart
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
    elif isinstance(spec, TableSlide):
        table = _table(spec.table, ("table",), entry, tables, problems)
        if table is None:
            return
        for i, column in enumerate(spec.columns or []):
            if column not in table.label_columns and table.find_value_column(column) is None:
                names = list(table.label_columns) + table.value_names()
                problems.add(f"ukendt kolonne '{column}'{suggest(column, names)} (findes: {', '.join(names)})",
                             entry.doc.location(("columns", i)), f"columns[{i + 1}]")
        _check_where(spec.where, ("where",), table, entry, problems)
    elif isinstance(spec, KpiSlide):
        for i, tile in enumerate(spec.tiles):
            check_tile(tile, ("tiles", i), entry, tables, problems)


# ---------------------------------------------------------------- KPI tiles read from a table

def check_tile(tile, path: tuple, entry: SlideEntry, tables: dict[str, DataTable], problems: Problems) -> None:
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


def _tile_column(name: str | None, path: tuple, table: DataTable, entry: SlideEntry, problems: Problems) -> int | None:
    if name is None:
        return len(table.value_columns) - 1
    index = table.find_value_column(name)
    if index is None:
        names = table.value_names()
        problems.add(f"ukendt talkolonne '{name}'{suggest(name, names)} (talkolonner i '{table.name}': {', '.join(names)})",
                     entry.doc.location(path), field_name(path))
    return index


def _tile_cell(where: dict, path: tuple, column: int, table: DataTable, entry: SlideEntry, problems: Problems) -> bool:
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


# ---------------------------------------------------------------- chart references, one check per kind of name

def _chart_field(path: tuple) -> str:
    """'chart.series[2]' for ('chart', 'series', 1)."""
    return "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _ref_problem(message: str, ref, entry: SlideEntry, problems: Problems) -> None:
    path = ("chart",) + ref.path
    problems.add(message, entry.doc.location(path), _chart_field(path))


def _check_label_ref(ref, chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    _label_column(ref.name, ("chart",) + ref.path, table, entry, problems)


def _check_value_ref(ref, chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    if table.find_value_column(ref.name) is None:
        names = table.value_names()
        noun = "serie" if ref.what == "series" else "talkolonne"
        _ref_problem(f"ukendt {noun} '{ref.name}'{suggest(ref.name, names)} (talkolonner i '{table.name}': {', '.join(names)})",
                     ref, entry, problems)


def _check_period_ref(ref, chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    index = table.find_value_column(ref.name)
    periods = [c.label for c in table.value_columns if c.period is not None]
    known = f"(perioder i '{table.name}': {', '.join(periods) or 'ingen'})"
    if index is None:
        _ref_problem(f"ukendt periode '{ref.name}'{suggest(ref.name, table.value_names() + periods)} {known}", ref, entry, problems)
    elif table.value_columns[index].period is None:
        _ref_problem(f"kolonnen '{ref.name}' er ikke en periode {known}", ref, entry, problems)


def _check_row_ref(ref, chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    from briefing.facts.figures import category_column

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


def _check_unique_categories(chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    """Each category (with its part, for stacks in long form) must be one row, or the chart would hide some."""
    from briefing.facts.figures import category_column

    key_columns = [category_column(chart, table)] + ([chart.stack] if getattr(chart, "stack", None) else [])
    keys = list(zip(*(_column_values(table, c, chart.where) for c in key_columns)))
    repeated = list(dict.fromkeys(k for k in keys if keys.count(k) > 1))
    if repeated:
        others = [c for c in table.label_columns if c not in key_columns and c not in chart.where]
        hint = f"; vælg rækker med where, fx efter {', '.join(others)}" if others else ""
        problems.add(f"'{' / '.join(repeated[0])}' står i flere rækker i '{table.name}'{hint}",
                     entry.doc.location(("chart", "where") if chart.where else ("chart", "table")),
                     "chart.where" if chart.where else "chart.table")


def _check_line_periods(chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    periods = chart.periods or [c.name for c in table.value_columns if c.period is not None]
    if len(periods) < 2:
        problems.add(f"et linjediagram skal have mindst to perioder på x-aksen; '{table.name}' har "
                     f"{len(periods)} (talkolonner: {', '.join(table.value_names())})",
                     entry.doc.location(("chart", "table")), "chart.table")


def _check_stack_parts(chart, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
    from briefing.facts.figures import stack_parts

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


def _table(name: str, path: tuple, entry: SlideEntry, tables: dict[str, DataTable], problems: Problems) -> DataTable | None:
    if name in tables:
        return tables[name]
    data_dir = entry.doc.path.parent.parent / "data"
    if not (data_dir / f"{name}.yaml").is_file():
        problems.add(f"ukendt datatabel '{name}'{suggest(name, tables)} (findes i inputs/data/: {known_list(tables) or 'ingen'})",
                     entry.doc.location(path), field_name(path))
    return None


def _label_column(name: str, path: tuple, table: DataTable, entry: SlideEntry, problems: Problems) -> bool:
    if name in table.label_columns:
        return True
    known = list(table.label_columns)
    problems.add(f"ukendt tekstkolonne '{name}'{suggest(name, known)} (tekstkolonner i '{table.name}': {', '.join(known)})",
                 entry.doc.location(path), field_name(path))
    return False


def _check_where(where: dict[str, str], path: tuple, table: DataTable, entry: SlideEntry, problems: Problems) -> None:
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
