"""The build, read top to bottom: load, plan the slides (facts), draw the charts, assemble the deck, publish."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.errors import BriefingError, Location, Problem, Problems
from briefing.load.project import Project, load_project
from briefing.publish.guide import guide_markdown, guide_path
from briefing.publish.ledger import fact_ledger, ledger_path
from briefing.spec.kind import SlideKind


@dataclass(frozen=True)
class BuildOptions:
    """How to build: where to, for whom, how strictly, and with which slide kinds."""

    output: Path | None = None  # the deck's path (default: output/<name>.pptx)
    write: bool = True  # False: lay the deck out in memory only (briefing check)
    strict: bool = False  # warnings stop the build
    municipality: str | None = None  # build the same deck for another municipality
    cache: bool = True  # reuse charts by content and skip a rebuild whose inputs did not change
    parallel: bool = True  # draw charts in worker processes
    pdf: bool = False  # also make output/<name>.pdf with LibreOffice
    kinds: Mapping[str, SlideKind] | None = None  # None: the registered kinds (briefing.kinds.KINDS)


@dataclass
class BuildResult:
    path: Path | None
    slides: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    unchanged: bool = False
    data: bytes = b""  # the .pptx bytes, kept also when nothing is written, so check can inspect the deck
    theme: object = None  # the ThemeSpec the deck was laid out with
    pdf: Path | None = None  # the PDF handout, when asked for and LibreOffice made it
    findings: list[Problem] = field(default_factory=list)  # accessibility findings (check only)
    project: object = None  # the loaded Project the deck was built from (not for an unchanged build)


def build(inputs: Path, output: Path | None = None, *, write: bool = True, strict: bool = False,
          municipality: str | None = None, cache: bool = True, parallel: bool = True, pdf: bool = False,
          loaded: Project | None = None, workers=None, kinds: Mapping[str, SlideKind] | None = None) -> BuildResult:
    """Build the deck for the project in `inputs`; return where it went and what was noticed (see BuildOptions).

    A caller that loaded the project already (once, for a batch) passes it in `loaded`; one that could start the
    chart workers earlier passes them in `workers`. They are stopped when the build ends, however it ends. When
    LibreOffice cannot make the PDF, that is a warning and the deck still stands.
    """
    if output is not None and write:
        _check_output(Path(inputs), Path(output))
    options = BuildOptions(output, write, strict, municipality, cache, parallel, pdf, kinds)
    started = time.perf_counter()
    try:
        result = _build(Path(inputs), options, loaded, workers, started)
    finally:
        if workers is not None:
            workers.close()
    return add_pdf(result) if pdf and result.path is not None else result


SOURCE_FOLDERS = ("inputs", "themes", "narratives")  # what a deck is built from, never written over by it


def _check_output(inputs: Path, output: Path) -> None:
    """The deck goes to a .pptx file outside the folders it is built from: '--output inputs/briefing.yaml' would
    replace the deck's own file with the deck (and put its fact list and guide beside it)."""
    if output.suffix.lower() != ".pptx":
        raise BriefingError(Problem(f"præsentationen skal gemmes som en .pptx-fil, ikke '{output.name}'; "
                                    "skriv fx output/navn.pptx", field="--output"))
    try:
        target = output.resolve()
        root = inputs.resolve().parent
    except (OSError, RuntimeError):
        return  # the write itself reports a path that cannot be resolved
    for folder in SOURCE_FOLDERS:
        if (root / folder) in target.parents:
            raise BriefingError(Problem(f"'{output}' ligger i projektets {folder}/-mappe, som præsentationen bygges "
                                        "af; vælg en fil uden for den, fx output/navn.pptx", field="--output"))


def load(inputs: Path, municipality: str | None = None, kinds: Mapping[str, SlideKind] | None = None) -> Project:
    """The load stage with the registered slide kinds: the project read, validated and checked."""
    import functools

    from briefing.kinds.plan import check_plans

    kinds = _kinds(kinds)
    return load_project(inputs, municipality, kinds=kinds, check_plans=functools.partial(check_plans, kinds=kinds))


def _kinds(kinds: Mapping[str, SlideKind] | None) -> Mapping[str, SlideKind]:
    """The kinds asked for, else the registered ones; imported only when a deck is really built (an unchanged
    rebuild is answered before python-pptx and the slide kinds are loaded)."""
    if kinds is not None:
        return kinds
    from briefing.kinds import KINDS

    return KINDS


def _build(inputs: Path, options: BuildOptions, loaded: Project | None, workers, started: float) -> BuildResult:
    previous = _previous_build(inputs, options) if options.write and options.cache else None
    if previous is not None and previous.unchanged():
        return BuildResult(previous.target, previous.slides, time.perf_counter() - started, [], unchanged=True)
    own = None if workers is not None or not options.parallel else _chart_workers()
    try:
        project, contents, problems = _plan(inputs, options, loaded)
        target = Path(options.output) if options.output else project.root / "output" / f"{project.name}.pptx"
        from briefing.charts.cache import ChartCache
        from briefing.charts.render import draw_charts

        cache = ChartCache(target.parent, writable=options.write) if options.cache else None
        draw_charts(contents, project.theme.spec, cache, workers or own, reuse=options.cache)
        from briefing.deck.draw import DeckContext
        from briefing.deck.assemble import assemble_deck

        ctx = DeckContext(project.deck, project.theme.spec, project.theme.logo, list(problems.warnings),
                          project.theme.template, project.theme.layouts)
        data = assemble_deck(contents, ctx, _metadata(project), _kinds(options.kinds))
        if options.strict and ctx.warnings:  # laying out found text that does not fit: with --strict nothing is written
            raise BriefingError([replace(p, severity="fejl") for p in ctx.warnings])
    finally:
        if own is not None:
            own.close()
    if options.write:
        from briefing.publish.outputs import cache_warnings, forget_record, publish

        publish([(target, data), (ledger_path(target), fact_ledger(contents)),
                 (guide_path(target), guide_markdown(contents, project.deck).encode("utf-8"))])
        if previous is not None and not ctx.warnings and target == previous.target:
            previous.record.save(previous.fingerprint, data, len(contents))
        elif not options.cache:
            forget_record(target)  # --forfra: a record of an earlier build, damaged or not, no longer applies
        ctx.warnings.extend(cache_warnings(target))
    return BuildResult(target if options.write else None, len(contents), time.perf_counter() - started, ctx.warnings,
                       data=data, theme=project.theme.spec, project=project)


def _plan(inputs: Path, options: BuildOptions, loaded: Project | None):
    """Load (or take the loaded project for the municipality) and plan every slide: what a deck needs before its
    charts are drawn, with every error and (with strict) every warning raised."""
    project = (_for(loaded, options.municipality, _kinds(options.kinds)) if loaded is not None
               else load(inputs, options.municipality, options.kinds))
    problems = Problems()
    problems.extend(project.warnings)
    from briefing.kinds.plan import plan_slides

    contents = plan_slides(project, problems, _kinds(options.kinds))
    problems.raise_if_errors()
    if options.strict and problems.warnings:
        raise BriefingError([replace(p, severity="fejl") for p in problems.warnings])
    return project, contents, problems


def plan_only(inputs: Path, municipality: str | None, *, strict: bool = False, loaded: Project | None = None) -> None:
    """Raise what building the deck for `municipality` would raise before its charts are drawn, writing nothing:
    a batch asks this of every municipality before it writes any deck."""
    _plan(Path(inputs), BuildOptions(None, False, strict, municipality, True, False, False, None), loaded)


def _chart_workers():
    """Chart workers started now, before loading, so matplotlib is imported while the project loads; in a process
    that has drawn before, only when a chart is to be drawn."""
    from briefing.charts.workers import LateWorkers, drawn_before, start_workers

    return LateWorkers() if drawn_before() else start_workers()


def add_pdf(result: BuildResult) -> BuildResult:
    """Convert the written deck to PDF; an unchanged deck keeps a PDF that is already newer than it."""
    from briefing.publish.pdf import convert_to_pdf, pdf_path

    target = pdf_path(result.path)
    if result.unchanged and target.is_file() and target.stat().st_mtime >= result.path.stat().st_mtime:
        result.pdf = target
        return result
    result.pdf, problem = convert_to_pdf(result.path, target)
    if problem is not None:
        result.warnings.append(problem)
    return result


def _for(project: Project, municipality: str | None, kinds: Mapping[str, SlideKind]) -> Project:
    """A project already loaded (once, for a batch) made into the one for `municipality`."""
    from briefing.load.project import project_for

    return project_for(project, municipality, kinds) if municipality else project


@dataclass(frozen=True)
class PreviousBuild:
    """The record of the last build to this target, and the fingerprint of the inputs as they are now."""

    record: object  # charts.cache.BuildRecord
    fingerprint: str
    slides: int

    @property
    def target(self) -> Path:
        return self.record.target

    def unchanged(self) -> bool:
        return self.record.unchanged(self.fingerprint) and guide_path(self.target).is_file()


def _previous_build(inputs: Path, options: BuildOptions) -> PreviousBuild | None:
    """The last build to this target and the current inputs' fingerprint, when both can be known."""
    from briefing.charts.cache import BuildRecord, fingerprint
    from briefing.load.project import PACKAGE_ROOT, quick_name

    name = quick_name(inputs, options.municipality)
    if name is None:
        return None
    root = inputs.parent
    target = Path(options.output) if options.output else root / "output" / f"{name}.pptx"
    files = [p for folder in (inputs, root / "themes", root / "narratives", PACKAGE_ROOT / "themes",
                              PACKAGE_ROOT / "narratives") if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    from briefing.publish.outputs import recover

    recover(target)  # a set a killed build left half renamed is completed before anything compares with it
    record = BuildRecord(target)
    extra = f"{options.municipality}|{options.strict}|{target.resolve()}|{','.join(options.kinds or ())}"
    return PreviousBuild(record, fingerprint(files, extra), record.slides())


def check(inputs: Path, *, strict: bool = False) -> BuildResult:
    """Validate everything, lay out the deck in memory and check its accessibility, writing nothing.

    Accessibility findings are warnings in `result.findings`; with `strict` they are errors.
    """
    from briefing.deck.a11y import check_pptx
    from briefing.facts.typed import typed_numbers

    result = build(inputs, write=False, strict=strict)
    project = result.project  # numbers typed by hand that stand in a table the slide reads: suggest the reference
    result.warnings = result.warnings + [hint for entry in project.slides.values()
                                         for hint in typed_numbers(entry, project.tables)]
    findings = [Problem(f.message, severity="advarsel") for f in check_pptx(result.data, result.theme)]
    if strict and findings:
        raise BriefingError([replace(p, severity="fejl") for p in findings])
    result.findings = findings
    return result


def _metadata(project: Project) -> dict:
    deck = project.deck
    created = dt.datetime.combine(deck.date, dt.time(12, 0))
    return {"title": deck.title, "author": deck.author or f"{deck.municipality} Kommune",
            "subject": deck.meeting or "", "created": created}


__all__ = ["build", "check", "load", "BuildOptions", "BuildResult", "BriefingError", "Location"]
