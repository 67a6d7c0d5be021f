"""Load stage: read the deck file, every slide spec, data table and the theme, and check references.

All problems from all files are collected and raised together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from collections.abc import Callable, Mapping
from typing import Any

from briefing.load.data import DataTable, load_table
from briefing.errors import BriefingError, Location, Problem, Problems, known_list, suggest
from briefing.load.paths import FOLDER_LINK_OUT, SYMLINK_OUT, escaping_files, plain_name_problem, within
from briefing.load.source import SourceDoc, load_yaml
from briefing.load.swap import name_swapper, swap_names
from briefing.load.theme import PACKAGE_ROOT, Theme, load_collecting as _load, load_theme, yaml_files as _yaml_files
from briefing.load.theme import theme_folders  # noqa: F401  (re-exported: where themes are looked up)
from briefing.load.validate import validate
from briefing.spec.kind import SlideKind, slide_file_model
from briefing.spec.models import DeckSpec, TableSpec, ThemeSpec

DECK_FILE = "briefing.yaml"


@dataclass
class SlideEntry:
    name: str
    spec: Any
    doc: SourceDoc


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
    """The same deck for another municipality: the two names swapped in every text (load/swap.py), and the file
    name made the other's."""
    old = deck.municipality
    if municipality == old:
        return deck
    name = deck.name.replace(slug(old), slug(municipality)) if deck.name and slug(old) in deck.name else (
        f"{deck.name}-{slug(municipality)}" if deck.name else None)
    swapped = swap_names(deck, name_swapper(old, municipality))
    return swapped.model_copy(update={"municipality": municipality, "name": name})


def project_for(project: "Project", municipality: str, kinds: Mapping[str, SlideKind]) -> "Project":
    """A project loaded once (for a batch) seen from another municipality, its references checked again: a row
    the home municipality has may be missing for the other."""
    home = project.deck_doc.data["municipality"]  # the names were checked where they stand (batch.municipalities)
    swapped = replace(project, deck=for_municipality(project.deck, municipality),
                      slides=slides_for(project.slides, home, municipality))
    problems = Problems()
    check_references(swapped, problems, kinds)
    problems.raise_if_errors()
    return swapped


def _check_municipality(name: str, names) -> None:
    """--kommune and --alle build decks for municipalities only: 'RAR Østjylland' would be compared with itself."""
    from briefing.load.names import municipality_problem

    problem = municipality_problem(name, names)
    if problem:
        raise BriefingError(Problem(problem, field="--kommune"))


def slides_for(slides: Mapping[str, SlideEntry], home: str, municipality: str) -> dict[str, SlideEntry]:
    """The slides seen from another municipality: home and the other swapped in every text they hold."""
    if home == municipality:
        return dict(slides)
    swap = name_swapper(home, municipality)
    return {name: replace(entry, spec=swap_names(entry.spec, swap)) for name, entry in slides.items()}


def quick_name(inputs: Path, municipality: str | None) -> str | None:
    """The deck's file stem read straight from briefing.yaml, or None when it cannot be known without a full load."""
    if not within(Path(inputs).parent, Path(inputs) / DECK_FILE):
        return None
    try:
        doc = load_yaml(Path(inputs) / DECK_FILE)
        deck, problems = validate(DeckSpec, doc)
    except BriefingError:
        return None
    if deck is None:
        return None
    return deck_name(for_municipality(deck, municipality) if municipality else deck)


def load_project(inputs: Path, municipality: str | None = None, *, kinds: Mapping[str, SlideKind],
                 check_plans: Callable[[Project, Problems], None] | None = None) -> Project:
    """Read and validate a whole briefing project from its inputs folder, optionally for another municipality.

    Slide files are validated against the models of `kinds` (briefing.kinds.KINDS) and their references
    checked by each kind's check step, also when other files have format errors, so all errors come in one round.
    `check_plans(project, problems)` is run on the sound part of a project with errors, for the references
    only the plan stage can check (the build passes the kinds' plan steps)."""
    inputs = Path(inputs)
    deck_path = inputs / DECK_FILE
    if not deck_path.is_file():
        where = "mappen findes ikke" if not inputs.is_dir() else f"mappen indeholder ingen {DECK_FILE}"
        raise BriefingError(Problem(f"{where}; angiv projektets inputs-mappe med --input", Location(inputs)))
    if not within(inputs.parent, deck_path):
        raise BriefingError(Problem(SYMLINK_OUT.replace("mappen", "projektet"), Location(deck_path)))
    problems = Problems()
    deck_doc = _load(deck_path, problems)
    deck = None
    if deck_doc is not None:
        deck, found = validate(DeckSpec, deck_doc)
        problems.extend(found)
        if deck is not None and municipality:
            deck = for_municipality(deck, municipality)
    slides = _load_slides(inputs / "slides", slide_file_model(kinds), problems)
    if deck is not None and municipality:
        slides = slides_for(slides, deck_doc.data["municipality"], municipality)
    tables = _load_tables(inputs / "data", problems)
    theme = load_theme(inputs.parent, deck.theme if deck else "default", deck_doc, problems)
    phrasebook = _load_phrasebook(inputs.parent, problems)
    if municipality is not None and phrasebook is not None:
        _check_municipality(municipality, phrasebook.names)
    if deck is None or deck_doc is None:  # without the deck no slide can be placed, but each slide's references can
        for entry in slides.values():
            _check_slide(entry, tables, problems, kinds)
        problems.raise_if_errors()
    assert deck is not None and deck_doc is not None
    project = Project(inputs.parent, inputs, deck, deck_doc, slides, tables, theme or Theme(ThemeSpec(), None), phrasebook)
    check_references(project, problems, kinds)
    if problems.errors and check_plans is not None and phrasebook is not None:
        # The references only a plan step can check (narrative rows, phrasebook), for the slides that are sound,
        # so a build shows its format, reference and plan errors in one round.
        check_plans(_sound(project, problems), problems)
    problems.raise_if_errors()
    project.warnings = problems.warnings
    return project


def _project_files(folder: Path, problems: Problems) -> list[Path]:
    """The YAML files of inputs/slides/ or inputs/data/; a symlink leading out of the project is refused unread.
    A folder that leads out is one refusal, not one for each of its files, and stops the load: none of them is read."""
    root = folder.parent.parent
    if folder.is_dir() and not within(root, folder):
        raise BriefingError(Problem(FOLDER_LINK_OUT, Location(folder)))
    inside, out = escaping_files(_yaml_files(folder), root)
    for path in out:
        problems.add(f"{SYMLINK_OUT.replace('mappen', 'projektet')}", Location(path))
    return _one_per_name(inside, problems)


def _one_per_name(files: list[Path], problems: Problems) -> list[Path]:
    """A slide or table is named by its file's name without '.yaml': 'varighed.yaml' beside 'varighed.yml' would
    let one silently replace the other, so both are refused."""
    by_name: dict[str, list[Path]] = {}
    for path in files:
        by_name.setdefault(path.stem, []).append(path)
    for name, paths in by_name.items():
        if len(paths) > 1:
            for path in paths[1:]:
                problems.add(f"to filer hedder '{name}' ({' og '.join(p.name for p in paths)}); slet eller omdøb den "
                             "ene, så det er klart, hvilken der gælder", Location(path))
    return [paths[0] for paths in by_name.values() if len(paths) == 1]


def _sound(project: Project, problems: Problems) -> Project:
    """The project without the slides that have errors, and with only those in its sections."""
    broken = {p.location.file for p in problems.errors}
    slides = {name: entry for name, entry in project.slides.items() if entry.doc.path not in broken}
    sections = [s.model_copy(update={"slides": [n for n in s.slides if n in slides]}) for s in project.deck.sections]
    return replace(project, slides=slides, deck=project.deck.model_copy(update={"sections": sections}))


def _load_slides(folder: Path, slide_file: type, problems: Problems) -> dict[str, SlideEntry]:
    slides = {}
    for path in _project_files(folder, problems):
        doc = _load(path, problems)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            problems.add("en slide-fil skal bestå af felter (nøgle: værdi), fx 'kind: punkter'", doc.location())
            continue
        wrapped, found = validate(slide_file, doc, {"slide": doc.data}, prefix=("slide",))
        problems.extend(found)
        if wrapped is not None:
            slides[path.stem] = SlideEntry(path.stem, wrapped.slide, doc)
    return slides


def _load_tables(folder: Path, problems: Problems) -> dict[str, DataTable]:
    tables = {}
    for path in _project_files(folder, problems):
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
    from briefing.load.phrasebook import load_phrasebook, with_project_names

    for path in (root / PHRASEBOOK, PACKAGE_ROOT / PHRASEBOOK):
        if path.is_file() and path.parents[1] == root and not within(root, path):
            problems.add(SYMLINK_OUT.replace("mappen", "projektet"), Location(path))
            return None
        if path.is_file():
            try:
                return with_project_names(load_phrasebook(path), root)
            except BriefingError as exc:
                problems.extend(exc.problems)
                return None
    problems.add("formuleringsfilen narratives/phrasebook.yaml findes ikke", Location(root / PHRASEBOOK))
    return None


# ---------------------------------------------------------------- references

def check_references(project: Project, problems: Problems, kinds: Mapping[str, SlideKind]) -> None:
    """Check what files point at: slides named in the deck; each kind checks the tables, columns and rows its
    slides name."""
    used: dict[str, tuple[int, int]] = {}
    for s, section in enumerate(project.deck.sections):
        for i, name in enumerate(section.slides):
            where = project.deck_doc.location(("sections", s, "slides", i))
            field = f"sections[{s + 1}].slides[{i + 1}]"
            wrong = plain_name_problem(name, "inputs/slides/")
            if wrong:
                problems.add(f"ukendt slide '{name}': {wrong}", where, field)
                continue
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
        _check_slide(entry, project.tables, problems, kinds)


def _check_slide(entry: SlideEntry, tables: dict[str, DataTable], problems: Problems,
                 kinds: Mapping[str, SlideKind]) -> None:
    check = kinds[entry.spec.kind].check
    if check is not None:
        check(entry, tables, problems)


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
