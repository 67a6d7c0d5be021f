"""The build, read top to bottom: load, compute facts, draw charts, assemble, write."""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.errors import BriefingError, Location, Problem, Problems
from briefing.publish.guide import guide_markdown, guide_path
from briefing.deck.layout import BODY, BODY_NO_LEAD, Box
from briefing.load.project import Project, load_project
from briefing.spec.models import ChartSlide, ScenarioSlide, TableSlide
from briefing.facts.timing import assign_slide_minutes, clock_ranges, section_minutes
from briefing.danish.units import MISSING

MISSING_NOTE = f"{MISSING} = tal mangler eller er under diskretionsgrænsen"


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


def build(inputs: Path, output: Path | None = None, *, write: bool = True, strict: bool = False,
          municipality: str | None = None, cache: bool = True, parallel: bool = True,
          pdf: bool = False, loaded: Project | None = None, workers=None) -> BuildResult:
    """Build the deck for the project in `inputs`; return where it went and what was noticed.

    With `municipality`, the same inputs make the deck for another municipality (its
    highlight and sentences follow). With `cache`, charts are reused by content and a
    rebuild whose inputs did not change at all is skipped. With `pdf`, LibreOffice also
    makes output/<name>.pdf; when it cannot, that is a warning and the deck still stands.
    With `parallel`, charts are drawn by worker processes (see workers.py); a caller that
    could start them earlier passes them in `workers`. They are stopped when the build
    ends, however it ends.
    """
    started = time.perf_counter()
    try:
        result = _build(Path(inputs), output, write, strict, municipality, cache, parallel, loaded, workers, started)
    finally:
        if workers is not None:
            workers.close()
    return add_pdf(result) if pdf and result.path is not None else result


def _build(inputs: Path, output, write, strict, municipality, cache, parallel, loaded, workers, started) -> BuildResult:
    record = _unchanged_record(inputs, output, municipality, strict) if write and cache else None
    if record is not None and record[0].unchanged(record[1]) and guide_path(record[0].target).is_file():
        return BuildResult(record[0].target, record[2], time.perf_counter() - started, [], unchanged=True)
    own = None if workers is not None or not parallel else _chart_workers()
    try:
        project = _for(loaded, municipality) if loaded is not None else load_project(inputs, municipality=municipality)
        problems = Problems()
        problems.extend(project.warnings)
        contents = plan_slides(project, problems)
        problems.raise_if_errors()
        if strict and problems.warnings:
            raise BriefingError([replace(p, severity="fejl") for p in problems.warnings])
        target = Path(output) if output else project.root / "output" / f"{project.name}.pptx"
        draw_charts(contents, project, target.parent if cache and write else None, workers or own)
        from briefing.deck.assemble import DeckContext, assemble_deck
        from briefing.files import write_atomic

        ctx = DeckContext(project.deck, project.theme.spec, project.theme.logo, list(problems.warnings),
                          project.theme.template, project.theme.layouts)
        data = assemble_deck(contents, ctx, _metadata(project))
        if strict and ctx.warnings:  # laying out found text that does not fit: with --strict nothing is written
            raise BriefingError([replace(p, severity="fejl") for p in ctx.warnings])
    finally:
        if own is not None:
            own.close()
    if write:
        write_atomic(target, data)
        write_atomic(ledger_path(target), fact_ledger(contents))
        write_atomic(guide_path(target), guide_markdown(contents, project.deck).encode("utf-8"))
        if record is not None and not ctx.warnings and target == record[0].target:
            record[0].save(record[1], data, len(contents))
    return BuildResult(target if write else None, len(contents), time.perf_counter() - started, ctx.warnings,
                       data=data, theme=project.theme.spec)


def _chart_workers():
    """Chart workers started now, before loading, so matplotlib is imported while the project loads."""
    from briefing.charts.workers import start_workers

    return start_workers()


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


def _for(project: Project, municipality: str | None) -> Project:
    """A project already loaded (once, for a batch) made into the one for `municipality`."""
    from dataclasses import replace as copy

    from briefing.load.project import for_municipality

    return copy(project, deck=for_municipality(project.deck, municipality)) if municipality else project


def _unchanged_record(inputs: Path, output: Path | None, municipality: str | None, strict: bool):
    """The record of the last build to this target and the current inputs' fingerprint, when both can be known."""
    from briefing.charts.cache import BuildRecord, fingerprint
    from briefing.load.project import PACKAGE_ROOT, quick_name

    name = quick_name(inputs, municipality)
    if name is None:
        return None
    root = inputs.parent
    target = Path(output) if output else root / "output" / f"{name}.pptx"
    files = [p for folder in (inputs, root / "themes", root / "narratives", PACKAGE_ROOT / "themes",
                              PACKAGE_ROOT / "narratives") if folder.is_dir() for p in folder.rglob("*") if p.is_file()]
    record = BuildRecord(target)
    return record, fingerprint(files, f"{municipality}|{strict}|{target.resolve()}"), record.slides()


def ledger_path(deck_path: Path) -> Path:
    """The fact ledger sits next to the deck: output/<name>-fakta.csv."""
    return deck_path.with_name(f"{deck_path.stem}-fakta.csv")


def check(inputs: Path, *, strict: bool = False) -> BuildResult:
    """Validate everything, lay out the deck in memory and check its accessibility, writing nothing.

    Accessibility findings are warnings in `result.findings`; with `strict` they are errors.
    """
    from briefing.deck.a11y import check_pptx

    result = build(inputs, write=False, strict=strict)
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


# ---------------------------------------------------------------- facts per slide

def plan_slides(project: Project, problems: Problems):
    """The ordered slides with everything computed that the assembler needs; problems are collected."""
    from briefing.deck.assemble import SlideContent

    deck = project.deck
    minutes = section_minutes(deck)
    clocks = clock_ranges(deck, minutes)
    agenda = [(s.label or "", s.title, m, c) for s, m, c in zip(deck.sections, minutes, clocks)]
    contents = []
    part = 0
    for s, section in enumerate(deck.sections):
        if section.divider:
            part += 1
            where = project.deck_doc.location(("sections", s))
            contents.append(SlideContent("afsnit", None, where, section=section, section_index=part,
                                         extra={"section_minutes": minutes[s], "clock": clocks[s]},
                                         locate=functools.partial(_in_section, project.deck_doc, s)))
        for name in section.slides:
            entry = project.slides[name]
            spec = entry.spec
            content = SlideContent(spec.kind, spec, entry.doc.location(), section=section, section_index=part,
                                   notes=spec.notes or "", example=spec.example, locate=entry.doc.location)
            content.footer = getattr(spec, "source", None) and f"Kilde: {spec.source}" or ""
            if spec.kind == "dagsorden":
                content.extra["agenda"] = agenda
            elif spec.kind == "nøgletal":
                content.extra["tiles"] = _kpi_tiles(spec, project, entry, problems)
            elif isinstance(spec, ChartSlide):
                _narrate(content, spec, project.tables[spec.chart.table], project, entry, problems)
                _chart_facts(content, spec, project)
            elif isinstance(spec, TableSlide):
                _narrate(content, spec, project.tables[spec.table], project, entry, problems)
                lead = content.extra["lead"]
                content.extra["points"] = [s.text for s in content.extra["sentences"] if s.text != lead]
                _table_facts(content, spec, project)
            elif isinstance(spec, ScenarioSlide):
                _scenario_facts(content, spec, project, entry, problems)
            contents.append(content)
    levers = [_lever(c) for c in contents if c.kind == "scenarie" and "header" in c.extra]
    for content in contents:
        if content.kind == "beslutninger":
            content.extra["levers"] = levers if content.spec.levers else []
    if deck.appendix:
        contents.extend(appendix_slides(contents, project))
    for number, content in enumerate(contents, start=1):
        content.number = number
    assign_slide_minutes(contents, project.deck, minutes)
    for content, following in zip(contents, contents[1:] + [None]):
        content.notes = compose_notes(content, slide_title(following, project) if following else None)
    return contents


def _kpi_tiles(spec, project: Project, entry, problems: Problems) -> list:
    """The tiles with their numbers read from the tables. A deck built for another municipality (--kommune,
    --alle) reads that municipality's row where a tile names the deck's own municipality; that row is checked
    here as the own one's was when the project loaded."""
    from briefing.facts.figures import resolve_tile
    from briefing.load.project import check_tile

    home, own = (project.deck_doc.data or {}).get("municipality"), project.deck.municipality
    tiles = []
    for i, tile in enumerate(spec.tiles):
        if tile.table is not None and home and home != own:
            tile = _swap_place(tile, home, own)
            found = len(problems.errors)
            check_tile(tile, ("tiles", i), entry, project.tables, problems)
            if len(problems.errors) > found:
                continue
        tiles.append(resolve_tile(tile, project.tables))
    return tiles


def _swap_place(tile, home: str, own: str):
    def swap(where: dict) -> dict:
        return {column: own if value == home else value for column, value in where.items()}

    compare = tile.compare.model_copy(update={"where": swap(tile.compare.where)}) if tile.compare else None
    return tile.model_copy(update={"where": swap(tile.where), "compare": compare})


def _in_section(deck_doc, index: int, path: tuple) -> Location:
    """Where a field of section `index` is in briefing.yaml: a divider slide's texts come from there."""
    return deck_doc.location(("sections", index, *path))


def _lever(content) -> tuple[str, list[str]]:
    """A scenario slide as a lever for the decisions slide: its short name and its options."""
    spec = content.spec
    options = [f"{s.name} (udgangspunkt)" if s.baseline and not _names_today(s.name) else s.name for s in spec.scenarios]
    return spec.lever or spec.title, options


def _names_today(name: str) -> bool:
    return any(word in name.lower() for word in ("i dag", "nuværende", "uændret"))


APPENDIX_ROWS = 10


def appendix_slides(contents, project: Project):
    """One table slide per data table behind the charts (split when long), so questions can be answered."""
    from briefing.deck.assemble import SlideContent
    from briefing.spec.models import Section

    names = list(dict.fromkeys(c.spec.chart.table for c in contents if c.kind == "diagram"))
    if not names:
        return []
    section = Section(title="Bilag: tallene bag diagrammerne", label="Bilag", slides=["bilag"], divider=False)
    slides = []
    for name in names:
        table = project.tables[name]
        header = list(table.label_columns) + [
            f"{c.label} ({table.measure.header})" if c.period or len(table.value_columns) == 1 else c.label
            for c in table.value_columns]
        numeric = [False] * len(table.label_columns) + [True] * len(table.value_columns)
        rows = [list(r.labels) + [table.measure.digits(v) for v in r.values] for r in table.rows]
        pages = [rows[i:i + APPENDIX_ROWS] for i in range(0, len(rows), APPENDIX_ROWS)]
        for page_no, page in enumerate(pages, start=1):
            title = f"Bilag: {table.spec.title}" + (f" ({page_no} af {len(pages)})" if len(pages) > 1 else "")
            content = SlideContent("bilag", None, table.location, section=section, example=table.spec.example,
                                   extra={"title": title, "header": header, "rows": page, "numeric": numeric,
                                          "lead": None, "unit": table.unit})
            content.footer = _source_line(table, any(MISSING in row for row in page))
            slides.append(content)
    return slides


def slide_title(content, project: Project) -> str:
    """The title a slide will show, for 'Næste:' in the notes."""
    if content.kind == "afsnit":
        return content.section.title
    if content.kind == "bilag":
        return content.extra["title"]
    if content.kind == "titel":
        return content.spec.title or project.deck.title
    return content.spec.title


def _narrate(content, spec, table, project: Project, entry, problems: Problems) -> None:
    """Run the slide's narrative items; the first sentence is the lead unless the slide has its own."""
    from briefing.facts.narrative import RuleInputError, Skipped, write_sentence

    sentences = []
    for i, item in enumerate(spec.narrative):
        item_table = project.tables.get(item.table or table.name)
        path = ("narrative", i)
        if item_table is None:
            known = list(project.tables)
            problems.add(f"ukendt datatabel '{item.table}' (findes: {', '.join(sorted(known))})",
                         entry.doc.location(path + ("table",)), f"narrative[{i + 1}].table")
            continue
        try:
            result = write_sentence(item, item_table, project.deck, project.phrasebook)
        except RuleInputError as exc:
            field_path = path + tuple(p for p in re.split(r"[.\[\]]", exc.field) if p and not p.isdigit())
            where = entry.doc.location(field_path)
            if exc.column and where.line:
                where = Location(where.file, where.line, where.column + exc.column - 1)
            problems.add(exc.message, where, f"narrative[{i + 1}]" + (f".{exc.field}" if exc.field else ""))
            continue
        if isinstance(result, Skipped):
            problems.add(f"sætningen ({result.rule}) er udeladt: {result.reason}", entry.doc.location(path),
                         f"narrative[{i + 1}]", warning=True)
        elif result is not None:
            sentences.append(result)
    content.extra["sentences"] = sentences
    content.extra["lead"] = spec.lead or (sentences[0].text if sentences else None)


def _source_line(table, has_missing: bool, note: str = "") -> str:
    parts = [f"Kilde: {table.spec.source}" + (f", {table.period_text}" if table.period_text else "")]
    if note:
        parts.append(note)
    if table.spec.note:
        parts.append(table.spec.note)
    if has_missing:
        parts.append(MISSING_NOTE)
    if table.spec.example:
        parts.append("Eksempeldata, ikke rigtige tal")
    return ". ".join(parts)


def _chart_facts(content, spec: ChartSlide, project: Project) -> None:
    from briefing.facts.figures import chart_data

    table = project.tables[spec.chart.table]
    data = chart_data(spec.title, spec.chart, table, project.deck)
    lead = content.extra["lead"]
    sentences = content.extra["sentences"]
    points = [s.text for s in sentences if s.text != lead] + list(spec.bullets)
    content.extra["points"] = points
    body = BODY if lead else BODY_NO_LEAD
    width = body.width * (0.66 if points else 1.0)
    content.chart_data = data
    content.example = content.example or data.example
    content.extra["chart_box"] = Box(body.left, body.top, width, body.height - 0.05)
    finding = f" Hovedpointe: {sentences[0].text}." if sentences else ""
    content.extra["alt_text"] = alt_text(data) + finding
    content.footer = _source_line(table, data.has_missing, data.note)


def _table_facts(content, spec: TableSlide, project: Project) -> None:
    from briefing.load.data import select_rows

    table = project.tables[spec.table]
    rows = select_rows(table, spec.where)
    names = spec.columns or ([c for c in table.label_columns if c not in spec.where] + table.value_names())
    header, numeric, getters = [], [], []
    for name in names:
        if name in table.label_columns:
            index = table.label_columns.index(name)
            header.append(name)
            numeric.append(False)
            getters.append(lambda row, i=index: row.labels[i])
        else:
            index = table.find_value_column(name)
            column = table.value_columns[index]
            header.append(f"{column.label} ({table.measure.header})" if column.period else f"{column.label}")
            numeric.append(True)
            getters.append(lambda row, i=index: table.measure.digits(row.values[i]))
    cells = [[get(row) for get in getters] for row in rows]
    has_missing = any(MISSING == c for row in cells for c in row)
    content.example = content.example or table.spec.example
    content.extra.update(header=header, rows=cells, numeric=numeric)
    content.footer = _source_line(table, has_missing)


def _scenario_facts(content, spec: ScenarioSlide, project: Project, entry, problems: Problems) -> None:
    """Evaluate the consequence model; its table cells, summary sentences and assumption notes."""
    from briefing.facts.narrative import Skipped
    from briefing.facts.scenario import ScenarioError, compute
    from briefing.facts.scenario_text import assumption_notes, summaries, table_cells

    try:
        model = compute(spec)
    except ScenarioError as exc:
        where = entry.doc.location(exc.path)
        if exc.column and where.line:
            where = Location(where.file, where.line, where.column + exc.column - 1)
        field = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in exc.path).lstrip(".")
        problems.add(exc.message, where, field)
        return
    sentences = []
    for result in summaries(model, spec.summary, project.phrasebook):
        if isinstance(result, Skipped):
            problems.add(f"opsummeringen er udeladt: {result.reason}", entry.doc.location(("summary",)), "summary",
                         warning=True)
        else:
            sentences.append(result)
    header, rows = table_cells(model)
    lead = spec.lead or (sentences[0].text if sentences else None)
    content.extra.update(header=header, rows=rows, sentences=sentences, lead=lead,
                         points=[s.text for s in sentences if s.text != lead])
    content.footer = "Beregning på forudsætninger; forudsætninger og kilder står i noterne"
    if spec.example:
        content.footer += ". Eksempeldata, ikke rigtige tal"
    content.notes = "\n\n".join(p for p in (content.notes.strip(), assumption_notes(spec)) if p)


def compose_notes(content, following: str | None) -> str:
    """Speaker notes in a fixed order: key message, talking points, numbers behind it, question, time."""
    from briefing.danish import fmt
    from briefing.facts.timing import minutes_text

    parts = []
    lead = content.extra.get("lead")
    if lead:
        parts.append(f"Budskab: {lead}")
    if content.notes.strip():
        parts.append(content.notes.strip())
    sentences = content.extra.get("sentences") or []
    if sentences:
        lines = ["Tal bag sætningerne:"]
        for sentence in sentences:
            lines.append(f"• {sentence.text}: " + "; ".join(v.describe() for v in sentence.facts))
        parts.append("\n".join(lines))
    if content.footer:
        parts.append(content.footer)
    questions = list(getattr(content.spec, "questions", None) or [])
    question = getattr(content.spec, "question", None)
    if question:
        questions.insert(0, question)
    if questions:
        parts.append("Spørgsmål til udvalget:\n" + "\n".join(f"• {q}" for q in questions))
    timing = []
    if content.extra.get("minutes"):
        shown = content.extra.get("shown_minutes", round(content.extra["minutes"]))
        clock = content.extra.get("slide_clock")
        length = f"ca. {minutes_text(shown)}" if shown >= 1 else "under 1 min."
        timing.append(f"Tid: {length}" + (f" ({clock})" if clock and shown >= 1 else ""))
    if following:
        timing.append(f"Næste: {following}")
    if timing:
        parts.append("\n".join(timing))
    return "\n\n".join(parts).replace(fmt.NBSP + fmt.NBSP, fmt.NBSP)


LEDGER_HEADER = ["slide", "slidetitel", "regel", "sætning", "tal", "kilde", "periode", "tabel"]


def fact_ledger(contents) -> bytes:
    """CSV (semicolons, UTF-8 with BOM for Excel) of every generated sentence and the numbers it rests on."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(LEDGER_HEADER)
    for content in contents:
        for sentence in content.extra.get("sentences") or []:
            facts = sentence.facts
            writer.writerow([content.number, getattr(content.spec, "title", ""), sentence.rule, sentence.text,
                             "; ".join(v.describe() for v in facts),
                             ", ".join(dict.fromkeys(v.source for v in facts if v.source)),
                             ", ".join(dict.fromkeys(v.period for v in facts if v.period)),
                             ", ".join(dict.fromkeys(v.table for v in facts if v.table))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


CHART_NAMES = {
    "søjle": "Søjlediagram",
    "rangering": "Rangeret søjlediagram",
    "linje": "Linjediagram",
    "stablet": "Stablet søjlediagram (100 pct.)",
    "stablet/divergerende": "Divergerende søjlediagram",
    "kvadrant": "Punktdiagram med kvadranter",
    "vandfald": "Vandfaldsdiagram",
}


def alt_text(data) -> str:
    """Danish alt text: kind, title, what is compared (facts.describe_chart), period and source."""
    from briefing.facts.figures import describe_chart

    kind = CHART_NAMES.get(f"{data.kind}/{data.variant}", CHART_NAMES[data.kind])
    source = f"Kilde: {data.source}" + (f", {data.period}" if data.period else "")
    return " ".join(_sentence(part) for part in (f"{kind}: {data.title}", describe_chart(data), source))


def _sentence(text: str) -> str:
    """End with exactly one full stop, also after an abbreviation such as 'mio. kr.'."""
    return text if text.endswith(".") else f"{text}."


# ---------------------------------------------------------------- draw

def draw_charts(contents, project: Project, cache_root: Path | None = None, workers=None) -> None:
    """Give every chart slide its PNG: from the cache, else drawn by the workers (the assembler waits for each
    when it places it) or, without workers, drawn here."""
    from briefing.charts.cache import ChartCache, chart_key
    from briefing.charts.workers import draw_inline

    theme = project.theme.spec
    cache = ChartCache(cache_root) if cache_root is not None else None
    todo = []
    for content in contents:
        if content.chart_data is None:
            continue
        box = content.extra["chart_box"]
        size = (box.width, box.height)
        key = chart_key(content.chart_data, theme, size) if cache else None
        png = cache.get(key) if cache else None
        if png is None:
            todo.append((content, key, (content.chart_data, theme, size)))
        else:
            content.charts["main"] = png
    jobs = [job for _content, _key, job in todo]
    if workers is not None and jobs:
        workers.start(jobs)
        for index, (content, key, _job) in enumerate(todo):
            content.charts["main"] = PendingChart(workers, index, cache, key)
        return
    for (content, key, _job), png in zip(todo, draw_inline(jobs)):
        content.charts["main"] = png
        if cache:
            cache.put(key, png)


@dataclass
class PendingChart:
    """A chart a worker is drawing; `result()` waits for its PNG and puts it in the cache."""

    workers: object
    index: int
    cache: object = None
    key: str | None = None

    def result(self) -> bytes:
        png = self.workers.result(self.index)
        if self.cache is not None:
            self.cache.put(self.key, png)
        return png


__all__ = ["build", "check", "BuildResult", "BriefingError", "Location"]
