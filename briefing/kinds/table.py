"""A data table with its generated sentences (`kind: tabel`)."""

from __future__ import annotations

from typing import Literal

from briefing.danish.units import MISSING, header_text, value_header
from briefing.deck.draw import DeckContext, SlideContent
from briefing.deck.layout import BODY_NO_LEAD
from briefing.deck.table import column_pages, continued, data_table
from briefing.kinds.common import narrate, source_line
from briefing.facts.references import check_table_slide
from briefing.spec.base import Text, _text
from briefing.spec.chart import Selection
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase
from briefing.spec.narrative import NarrativeItem


class TableSlide(SlideBase):
    kind: Literal["tabel"]
    lead: str | None = _text("Slidens hovedbudskab i én linje (standard: den første automatiske sætning).", default=None)
    narrative: list[NarrativeItem] = _text("Automatiske sætninger ud fra tallene.", default_factory=list, max_length=4)
    table: Text = _text("Datatabel: filnavn i inputs/data/ uden endelse.")
    columns: list[Text] | None = _text("Kolonner, der vises (standard: alle).", default=None)
    where: Selection = _text("Vælg rækker: kolonne: værdi.", default_factory=dict)


def plan_table(content: SlideContent, step) -> list[SlideContent]:
    from briefing.load.data import select_rows

    spec, project = content.spec, step.project
    table = project.tables[spec.table]
    narrate(content, spec, table, step)
    lead = content.extra["lead"]
    content.extra["points"] = [s.text for s in content.extra["sentences"] if s.text != lead]
    rows = select_rows(table, spec.where)
    names = spec.columns or ([c for c in table.label_columns if c not in spec.where] + table.value_names())
    header, numeric, getters = [], [], []
    for name in names:
        if name in table.label_columns:
            index = table.label_columns.index(name)
            header.append(header_text(name))
            numeric.append(False)
            getters.append(lambda row, i=index: row.labels[i])
        else:
            index = table.find_value_column(name)
            column = table.value_columns[index]
            header.append(value_header(column.label, table.measure.header, bool(column.period)))
            numeric.append(True)
            getters.append(lambda row, i=index: table.measure.digits(row.values[i]))
    cells = [[get(row) for get in getters] for row in rows]
    has_missing = any(MISSING == c for row in cells for c in row)
    content.example = content.example or table.spec.example
    content.extra.update(header=header, rows=cells, numeric=numeric)
    content.footer = source_line(table, has_missing)
    return continue_wide(content, step)


def continue_wide(content: SlideContent, step) -> list[SlideContent]:
    """A table too wide for one slide keeps its first columns here and goes on over '(fortsat)' slides, the
    label columns repeated on each; the sentences stay on the first."""
    header, cells, numeric = (content.extra[k] for k in ("header", "rows", "numeric"))
    theme = step.project.theme.spec
    pages = column_pages(header, cells, numeric, BODY_NO_LEAD.width, theme.sizes.minimum, theme.fonts.body)
    more = []
    for part, shown in enumerate(pages, start=1):
        page = content
        if part > 1:
            spec = content.spec.model_copy(update={"title": continued(content.spec.title, part, len(pages)),
                                                   "lead": None, "minutes": None, "notes": None})
            page = SlideContent(content.kind, spec, content.location, section=content.section,
                                section_index=content.section_index, example=content.example, locate=content.locate)
            more.append(page)
        rows = [[row[j] for j in shown] for row in cells]
        page.extra.update(header=[header[j] for j in shown], rows=rows, numeric=[numeric[j] for j in shown])
        page.footer = source_line(step.project.tables[content.spec.table], any(MISSING in row for row in rows))
    return more


def table_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    data_table(slide, content, ctx, content.spec.title)


KIND = SlideKind("tabel", table_slide, TableSlide, plan=plan_table, check=check_table_slide)
