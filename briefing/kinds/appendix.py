"""The appendix (`bilag`): the data tables behind the charts, made by the deck itself at its end."""

from __future__ import annotations

from briefing.danish.units import MISSING, header_text, value_header
from briefing.deck.draw import DeckContext, SlideContent
from briefing.deck.layout import BODY_NO_LEAD
from briefing.deck.table import column_pages, continued, data_table
from briefing.kinds.common import source_line
from briefing.spec.kind import SlideKind


APPENDIX_ROWS = 10


def appendix_slides(contents, project):
    """One table slide per data table behind the charts (split when long), so questions can be answered."""
    from briefing.spec.models import Section

    names = list(dict.fromkeys(c.spec.chart.table for c in contents if c.kind == "diagram"))
    if not names:
        return []
    section = Section(title="Bilag: tallene bag diagrammerne", label="Bilag", slides=["bilag"], divider=False)
    slides = []
    for name in names:
        table = project.tables[name]
        header = [header_text(name) for name in table.label_columns] + [
            value_header(c.label, table.measure.header, bool(c.period or len(table.value_columns) == 1))
            for c in table.value_columns]
        numeric = [False] * len(table.label_columns) + [True] * len(table.value_columns)
        rows = [list(r.labels) + [table.measure.digits(v) for v in r.values] for r in table.rows]
        pages = [rows[i:i + APPENDIX_ROWS] for i in range(0, len(rows), APPENDIX_ROWS)]
        theme = project.theme.spec
        columns = column_pages(header, rows, numeric, BODY_NO_LEAD.width, theme.sizes.minimum, theme.fonts.body)
        for page_no, page in enumerate(pages, start=1):
            title = f"Bilag: {table.spec.title}" + (f" ({page_no} af {len(pages)})" if len(pages) > 1 else "")
            for part, shown in enumerate(columns, start=1):  # a table too wide for one slide goes on ("fortsat")
                extra = {"title": continued(title, part, len(columns)), "header": [header[j] for j in shown],
                         "rows": [[row[j] for j in shown] for row in page], "numeric": [numeric[j] for j in shown],
                         "lead": None, "unit": table.unit}
                content = SlideContent("bilag", None, table.location, section=section, example=table.spec.example,
                                       extra=extra)
                content.footer = source_line(table, any(MISSING in row for row in extra["rows"]))
                slides.append(content)
    return slides


def appendix_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    data_table(slide, content, ctx, content.extra["title"])


KIND = SlideKind("bilag", appendix_slide)
