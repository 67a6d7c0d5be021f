"""Load stage: read the deck file, every slide spec, data table and the theme, and check references.

All problems from all files are collected and raised together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .data import DataTable, load_table, select_rows
from .errors import BriefingError, Location, Problem, Problems, known_list, suggest
from .source import SourceDoc, load_yaml
from .spec import ChartSlide, DeckSpec, SlideFile, TableSlide, TableSpec, ThemeSpec
from .validate import validate

DECK_FILE = "briefing.yaml"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent


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
        if self.deck.name:
            return self.deck.name
        return f"{self.deck.municipality}-{self.deck.date.isoformat()}".replace(" ", "-").lower()


def load_project(inputs: Path) -> Project:
    """Read and validate a whole briefing project from its inputs folder."""
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
    from .narrative.phrasebook import load_phrasebook

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
            return Theme(spec, path, _logo(spec, folder, doc, problems))
    if name == "default":
        return Theme(ThemeSpec(), None)
    known = sorted({p.stem for f in folders for p in _yaml_files(f)})
    where = deck_doc.location(("theme",)) if deck_doc else Location()
    problems.add(f"ukendt tema '{name}'{suggest(name, known)} (findes: {known_list(known) or 'ingen'})", where, "theme")
    return None


def _logo(spec: ThemeSpec, folder: Path, doc: SourceDoc, problems: Problems) -> Path | None:
    if spec.logo is None:
        return None
    path = (folder / spec.logo).resolve()
    if folder.resolve() not in path.parents:
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
    for name, entry in project.slides.items():
        if name not in used:
            problems.add(f"sliden '{name}' er ikke med i {DECK_FILE} og kommer ikke med i præsentationen", entry.doc.location(), warning=True)
        _check_slide_data(entry, project.tables, problems)


def _check_slide_data(entry: SlideEntry, tables: dict[str, DataTable], problems: Problems) -> None:
    spec = entry.spec
    if isinstance(spec, ChartSlide):
        chart = spec.chart
        table = _table(chart.table, ("chart", "table"), entry, tables, problems)
        if table is None:
            return
        if chart.categories is not None:
            _label_column(chart.categories, ("chart", "categories"), table, entry, problems)
        for i, series in enumerate(chart.series or []):
            if table.find_value_column(series) is None:
                names = table.value_names()
                problems.add(f"ukendt serie '{series}'{suggest(series, names)} (talkolonner i '{table.name}': {', '.join(names)})",
                             entry.doc.location(("chart", "series", i)), f"chart.series[{i + 1}]")
        _check_where(chart.where, ("chart", "where"), table, entry, problems)
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


def _table(name: str, path: tuple, entry: SlideEntry, tables: dict[str, DataTable], problems: Problems) -> DataTable | None:
    if name in tables:
        return tables[name]
    data_dir = entry.doc.path.parent.parent / "data"
    if not (data_dir / f"{name}.yaml").is_file():
        problems.add(f"ukendt datatabel '{name}'{suggest(name, tables)} (findes i inputs/data/: {known_list(tables) or 'ingen'})",
                     entry.doc.location(path), ".".join(path))
    return None


def _label_column(name: str, path: tuple, table: DataTable, entry: SlideEntry, problems: Problems) -> bool:
    if name in table.label_columns:
        return True
    known = list(table.label_columns)
    problems.add(f"ukendt tekstkolonne '{name}'{suggest(name, known)} (tekstkolonner i '{table.name}': {', '.join(known)})",
                 entry.doc.location(path), ".".join(path))
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
                         entry.doc.location(path + (column,)), ".".join(path + (column,)))
    if ok and not select_rows(table, where):
        problems.add(f"ingen rækker i '{table.name}' passer til udvalget", entry.doc.location(path), ".".join(path))
