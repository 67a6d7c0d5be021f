"""The scenario slide (`kind: scenarie`): scenarios as columns, consequences as rows, differences with arrow,
sign and colour; the consequence model is computed by facts.scenario."""

from __future__ import annotations

from typing import Literal

from briefing.deck import ooxml
from briefing.deck.draw import CENTER, LEFT, DeckContext, SlideContent, add_footer, add_table, add_text, content_frame
from briefing.deck.layout import Box
from briefing.errors import Location
from briefing.spec.base import _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase
from briefing.spec.scenario import ScenarioSlideFields

class ScenarioSlide(SlideBase, ScenarioSlideFields):
    kind: Literal["scenarie"]
    lever: str | None = _text("Håndtagets korte navn på beslutningssliden, fx 'Sanktionspraksis'.", default=None)


HEADER_PT = 16


def check_assumptions(entry, tables, problems) -> None:
    """Assumptions read from a table name a table, a column and exactly one row with a number."""
    from briefing.facts.references import check_table_value

    for key, assumption in entry.spec.assumptions.items():
        if assumption.table is not None:
            check_table_value(assumption.table, assumption.where, assumption.column, ("assumptions", key), entry,
                              tables, problems)


def read_assumptions(spec, tables, locate, problems):
    """The spec with each assumption that names a table given its value from there (and the table as source)."""
    from briefing.load.data import select_rows

    update = {}
    for key, assumption in spec.assumptions.items():
        if assumption.table is None:
            continue
        table = tables[assumption.table]
        column = table.find_value_column(assumption.column) if assumption.column else table.latest_column()
        value = select_rows(table, assumption.where)[0].values[column]
        if assumption.low is not None and not assumption.low <= value <= assumption.high:
            problems.add(f"værdien i '{table.name}' ({fmt_number(value)}) ligger ikke mellem 'low' og 'high'",
                         locate(("assumptions", key, "low")), f"assumptions.{key}.low")
        source = assumption.source or f"{table.spec.source}, {table.value_columns[column].label}"
        update[key] = assumption.model_copy(update={"value": value, "source": source})
    return spec.model_copy(update={"assumptions": {**spec.assumptions, **update}}) if update else spec


def fmt_number(value: float) -> str:
    from briefing.danish import fmt

    return fmt.number(value, 0 if float(value).is_integer() else 1)


def plan_scenario(content: SlideContent, step) -> None:
    """Evaluate the consequence model; its table cells, summary sentences and assumption notes."""
    from briefing.facts.narrative import Skipped
    from briefing.facts.scenario import ScenarioError, compute
    from briefing.facts.scenario_text import assumption_notes, summaries, table_cells

    spec, project, entry, problems = content.spec, step.project, step.entry, step.problems
    spec = content.spec = read_assumptions(spec, project.tables, entry.doc.location, problems)

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
    notes = assumption_notes(spec, project.phrasebook.names)  # labels mid-line by the project's own names.yaml
    content.notes = "\n\n".join(p for p in (content.notes.strip(), notes) if p)


def scenario_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, content.extra.get("lead"))
    header, rows = content.extra["header"], content.extra["rows"]
    points = content.extra.get("points") or []
    table_height = body.height - (0.75 if points else 0)
    lines = sum(2 if any(c.detail for c in row) else 1 for row in rows) + 1.3
    size = max(theme.sizes.minimum, min(18, table_height * 72 / (lines * 1.55)))
    first = body.width * 0.3
    widths = [first] + [(body.width - first) / (len(header) - 1)] * (len(header) - 1)
    colors, font = theme.colors, theme.fonts.body
    size, header_pt = _whole_words(header, rows, widths, size, theme.sizes.minimum, font, content, ctx)
    cells = [[_cell([(text, colors.accent_text, True)], colors.table_header, header_pt, font, theme, j > 0)
              for j, text in enumerate(header)]]
    tones = {"good": colors.good, "bad": colors.bad, "neutral": colors.muted}
    for i, row in enumerate(rows, start=1):
        fill = colors.table_stripe if i % 2 == 0 else colors.background
        line = []
        for j, cell in enumerate(row):
            if j == 0:
                runs = [(cell.text, colors.text, True)]
            elif cell.detail:
                runs = [(cell.text, colors.text, False), (cell.detail, tones[cell.tone], True)]
            else:
                color = colors.text if cell.tone == "neutral" else tones[cell.tone]
                runs = [(cell.text, color, cell.tone != "neutral")]
            line.append(_cell(runs, fill, size, font, theme, j > 0))
        cells.append(line)
    heights = _row_heights(header, rows, widths, size, table_height, font, header_pt)
    add_table(slide, "Scenarietabel", body, widths, heights, cells)
    if points:
        add_text(slide, Box(body.left, body.top + table_height + 0.1, body.width, 0.65), points, ctx,
                 size=theme.sizes.body - 2, min_size=14, bullets=True, name="Opsummering", where="scenarie",
                 source=("narrative",))
    add_footer(slide, content, ctx)


CELL_MARGINS = (0.08, 0.08, 0.03, 0.03)  # left, right, top, bottom (inches)


def _whole_words(header, rows, widths, size: float, minimum: float, font: str, content, ctx) -> tuple[float, float]:
    """Sizes (cells, header) at which no word or number is wider than its column, down to the theme's minimum;
    what still is gets a warning at the field it comes from."""
    from briefing.danish.typeset import text_width_pt
    from briefing.deck.table import pieces

    def wide(texts, pt: float, bold) -> list[tuple[int, int, str]]:
        return [(i, j, p) for i, row in enumerate(texts) for j, (cell, w) in enumerate(zip(row, widths))
                for text, b in cell for p in pieces(text, True)
                if text_width_pt(p, pt, bold(j, b), font) > (w - 0.2) * 72]

    body = [[[(c.text, j == 0 or c.tone != "neutral"), (c.detail, True)] for j, c in enumerate(row)] for row in rows]
    head = [[[(text, True)] for text in header]]
    header_pt = float(HEADER_PT)
    while wide(head, header_pt, lambda j, b: True) and header_pt > minimum:
        header_pt -= 1
    while wide(body, size, lambda j, b: b) and size > minimum:
        size = max(minimum, size - 1)
    economy = len(getattr(content.spec, "economy", []) or [])
    for where, texts, pt, bold in (("header", head, header_pt, lambda j, b: True), ("body", body, size, lambda j, b: b)):
        for i, j, piece in wide(texts, pt, bold):
            if where == "header":
                source = ("scenarios", j - 1, "name") if j else ()
            elif j == 0:
                source = ("economy", i, "label") if i < economy else ("quality", i - economy, "label")
            else:
                source = ("scenarios", j - 1)
            shown = piece.replace("\u00a0", " ").replace("\u2011", "-")
            ctx.warn(f"i scenarietabellen er '{shown}' for bredt til sin kolonne ved {fmt_number(pt)} pt og ville blive "
                     "delt midt i; forkort det", source)
    return size, header_pt


def _row_heights(header, rows, widths, size: float, table_height: float, font: str,
                 header_pt: float = HEADER_PT) -> list[float]:
    """Each row as tall as its wrapped text (the header too, at its own size); the room left over is shared by
    the data rows, so the header is never as tall as a row with a difference under its value."""
    from briefing.danish.fmt import keep_together
    from briefing.danish.typeset import wrap_lines

    def needed(texts: list[list[str]], pt: float, bold: bool) -> float:
        lines = max(sum(len(wrap_lines(keep_together(t), (w - 0.2) * 72, pt, bold, font)) for t in cell)
                    for cell, w in zip(texts, widths))
        return (lines * pt * 1.2) / 72 + 0.12

    first = needed([[text] for text in header], header_pt, True)
    body = [needed([[c.text] + ([c.detail] if c.detail else []) for c in row], size, False) for row in rows]
    spare = max(0.0, table_height - first - sum(body)) / max(len(body), 1)
    return [first] + [h + spare for h in body]


def _cell(runs: list[tuple[str, str, bool]], fill: str, size: float, font: str, theme, centre: bool) -> ooxml.Cell:
    """One paragraph per run: the value, then its difference in a smaller size."""
    align = CENTER if centre else LEFT
    paragraphs = tuple(ooxml.paragraph([ooxml.Run(text, size if k == 0 else max(size - 2, theme.sizes.minimum), color, font,
                                                  bold)], align) for k, (text, color, bold) in enumerate(runs))
    return ooxml.Cell(paragraphs, fill, CELL_MARGINS)


KIND = SlideKind("scenarie", scenario_slide, ScenarioSlide, plan=plan_scenario, check=check_assumptions)
