"""A data table with its generated sentences (`kind: tabel`)."""

from __future__ import annotations

from typing import Literal

from briefing.danish.units import MISSING, header_text, value_header
from briefing.deck.draw import DeckContext, SlideContent
from briefing.deck.table import data_table
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


def plan_table(content: SlideContent, step) -> None:
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


def table_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    data_table(slide, content, ctx, content.spec.title)


KIND = SlideKind("tabel", table_slide, TableSlide, plan=plan_table, check=check_table_slide)
