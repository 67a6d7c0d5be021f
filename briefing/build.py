"""The build, read top to bottom: load, compute facts, draw charts, assemble, write."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BriefingError, Location, Problem
from .layout import BODY, BODY_NO_LEAD, Box
from .project import Project, load_project
from .spec import ChartSlide, TableSlide
from .timing import clock_ranges, section_minutes
from .units import MISSING, UNIT_HEADERS, cell_text

MISSING_NOTE = f"{MISSING} = tal mangler eller er under diskretionsgrænsen"


@dataclass
class BuildResult:
    path: Path | None
    slides: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)


def build(inputs: Path, output: Path | None = None, *, write: bool = True) -> BuildResult:
    """Build the deck for the project in `inputs`; return where it went and what was noticed."""
    started = time.perf_counter()
    project = load_project(inputs)
    contents = plan_slides(project)
    draw_charts(contents, project)
    from .deck import DeckContext, assemble_deck
    from .write import normalize_zip, write_atomic

    ctx = DeckContext(project.deck, project.theme.spec, project.theme.logo, list(project.warnings))
    data = normalize_zip(assemble_deck(contents, ctx, _metadata(project)))
    target = output or project.root / "output" / f"{project.name}.pptx"
    if write:
        write_atomic(target, data)
    return BuildResult(target if write else None, len(contents), time.perf_counter() - started, ctx.warnings)


def check(inputs: Path) -> BuildResult:
    """Validate everything and lay out the deck in memory, writing nothing."""
    return build(inputs, write=False)


def _metadata(project: Project) -> dict:
    deck = project.deck
    created = dt.datetime.combine(deck.date, dt.time(12, 0))
    return {"title": deck.title, "author": deck.author or f"{deck.municipality} Kommune",
            "subject": deck.meeting or "", "created": created}


# ---------------------------------------------------------------- facts per slide

def plan_slides(project: Project):
    """The ordered slides with everything computed that the assembler needs."""
    from .deck import SlideContent

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
                                         extra={"minutes": minutes[s], "clock": clocks[s]}))
        for name in section.slides:
            entry = project.slides[name]
            spec = entry.spec
            content = SlideContent(spec.kind, spec, entry.doc.location(), section=section, section_index=part,
                                   notes=spec.notes or "", example=spec.example)
            content.footer = getattr(spec, "source", None) and f"Kilde: {spec.source}" or ""
            if spec.kind == "dagsorden":
                content.extra["agenda"] = agenda
            elif isinstance(spec, ChartSlide):
                _chart_facts(content, spec, project)
            elif isinstance(spec, TableSlide):
                _table_facts(content, spec, project)
            contents.append(content)
    return contents


def _source_line(table, has_missing: bool) -> str:
    parts = [f"Kilde: {table.spec.source}" + (f", {table.period_text}" if table.period_text else "")]
    if table.spec.note:
        parts.append(table.spec.note)
    if has_missing:
        parts.append(MISSING_NOTE)
    if table.spec.example:
        parts.append("Eksempeldata, ikke rigtige tal")
    return ". ".join(parts)


def _chart_facts(content, spec: ChartSlide, project: Project) -> None:
    from .facts import chart_data

    table = project.tables[spec.chart.table]
    data = chart_data(spec.title, spec.chart, table, project.deck)
    body = BODY if spec.lead else BODY_NO_LEAD
    width = body.width * (0.66 if spec.bullets else 1.0)
    content.chart_data = data
    content.example = content.example or data.example
    content.extra["chart_box"] = Box(body.left, body.top, width, body.height - 0.05)
    content.extra["alt_text"] = alt_text(data)
    content.footer = _source_line(table, data.has_missing)
    content.notes = _with_source(content.notes, content.footer)


def _table_facts(content, spec: TableSlide, project: Project) -> None:
    from .data import select_rows

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
            header.append(f"{column.label} ({UNIT_HEADERS[table.unit]})" if column.period else f"{column.label}")
            numeric.append(True)
            getters.append(lambda row, i=index: cell_text(row.values[i], table.decimals))
    cells = [[get(row) for get in getters] for row in rows]
    has_missing = any(MISSING == c for row in cells for c in row)
    content.example = content.example or table.spec.example
    content.extra.update(header=header, rows=cells, numeric=numeric)
    content.footer = _source_line(table, has_missing)
    content.notes = _with_source(content.notes, content.footer)


def _with_source(notes: str, footer: str) -> str:
    return f"{notes.rstrip()}\n\n{footer}".strip() if footer else notes.rstrip()


def alt_text(data) -> str:
    """Danish alt text: kind, what is compared, over what, period and source."""
    from . import fmt

    series = fmt.join_list([s.name for s in data.series])
    categories = fmt.join_list(list(data.categories))
    kind = "Søjlediagram"
    text = f"{kind}: {data.title}. {data.axis_label} for {categories}"
    if len(data.series) > 1:
        text += f", {series}"
    text += f". Kilde: {data.source}" + (f", {data.period}" if data.period else "") + "."
    return text


# ---------------------------------------------------------------- draw

def draw_charts(contents, project: Project) -> None:
    """Draw every chart to PNG bytes; the assembler only places them."""
    from .charts import draw_chart

    theme = project.theme.spec
    for content in contents:
        if content.chart_data is not None:
            box = content.extra["chart_box"]
            content.charts["main"] = draw_chart(content.chart_data, theme, (box.width, box.height))


__all__ = ["build", "check", "BuildResult", "BriefingError", "Location"]
