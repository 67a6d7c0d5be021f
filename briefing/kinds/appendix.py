"""The appendix (`bilag`): the data tables behind the charts, made by the deck itself at its end."""

from __future__ import annotations

from briefing.danish.units import MISSING, UNIT_HEADERS, header_text, value_header
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
        unit = UNIT_HEADERS.get(table.measure.header, table.measure.header)
        once = len(table.value_columns) > 2 and unit != "antal"  # many columns of one unit: the unit in the title
        header = [header_text(name) for name in table.label_columns] + [
            value_header(c.label, table.measure.header, not once and bool(c.period or len(table.value_columns) == 1))
            for c in table.value_columns]
        numeric = [False] * len(table.label_columns) + [True] * len(table.value_columns)
        rows = [list(r.labels) + [table.measure.digits(v) for v in r.values] for r in table.rows]
        theme = project.theme.spec
        pages = row_pages(header, rows, numeric, theme)
        columns = column_pages(header, rows, numeric, BODY_NO_LEAD.width, theme.sizes.minimum, theme.fonts.body)
        for page_no, page in enumerate(pages, start=1):
            said = unit.rstrip(".").lower() in table.spec.title.lower()  # 'Personer pr. målgruppe' says it already
            title = f"Bilag: {table.spec.title}" + (f" ({unit})" if once and not said else "") + (
                f" ({page_no} af {len(pages)})" if len(pages) > 1 else "")
            for part, shown in enumerate(columns, start=1):  # a table too wide for one slide goes on ("fortsat")
                extra = {"title": continued(title, part, len(columns)), "header": [header[j] for j in shown],
                         "rows": [[row[j] for j in shown] for row in page], "numeric": [numeric[j] for j in shown],
                         "lead": None, "unit": table.unit}
                content = SlideContent("bilag", None, table.location, section=section, example=table.spec.example,
                                       extra=extra)
                content.footer = source_line(table, any(MISSING in row for row in extra["rows"]))
                slides.append(content)
    return slides


READABLE_PT = 14  # an appendix page is split before its rows would be set smaller than this


def row_pages(header, rows, numeric, theme) -> list[list]:
    """The rows shared evenly over as few slides as hold them at READABLE_PT or more (at most APPENDIX_ROWS a
    slide when even that is not enough)."""
    from briefing.deck.table import fit_table

    for count in range(1, max(1, -(-len(rows) // APPENDIX_ROWS)) + 1):
        per = -(-len(rows) // count)
        pages = [rows[i:i + per] for i in range(0, len(rows), per)] or [rows]
        fits = [fit_table(header, page, numeric, BODY_NO_LEAD.width, BODY_NO_LEAD.height, READABLE_PT,
                          theme.fonts.body) for page in pages]
        if all(f.fits for f in fits):
            return pages
    return [rows[i:i + APPENDIX_ROWS] for i in range(0, len(rows), APPENDIX_ROWS)] or [rows]


def appendix_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    data_table(slide, content, ctx, content.extra["title"])


KIND = SlideKind("bilag", appendix_slide)
