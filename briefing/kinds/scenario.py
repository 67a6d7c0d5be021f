"""The scenario slide: scenarios as columns, consequences as rows, differences with arrow, sign and colour."""

from __future__ import annotations

from briefing.deck import ooxml
from briefing.deck.assemble import (
    CENTER,
    LEFT,
    DeckContext,
    SlideContent,
    add_footer,
    add_table,
    add_text,
    content_frame,
    slide_kind,
)
from briefing.deck.layout import Box

HEADER_PT = 16


@slide_kind("scenarie")
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
    cells = [[_cell([(text, colors.accent_text, True)], colors.table_header, HEADER_PT, font, theme, j > 0)
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
    # Rows share the table's height evenly, as PowerPoint lays out a new table.
    heights = [table_height / (len(rows) + 1)] * (len(rows) + 1)
    add_table(slide, "Scenarietabel", body, widths, heights, cells)
    if points:
        add_text(slide, Box(body.left, body.top + table_height + 0.1, body.width, 0.65), points, ctx,
                 size=theme.sizes.body - 2, min_size=14, bullets=True, name="Opsummering", where="scenarie",
                 source=("narrative",))
    add_footer(slide, content, ctx)


CELL_MARGINS = (0.08, 0.08, 0.03, 0.03)  # left, right, top, bottom (inches)


def _cell(runs: list[tuple[str, str, bool]], fill: str, size: float, font: str, theme, centre: bool) -> ooxml.Cell:
    """One paragraph per run: the value, then its difference in a smaller size."""
    align = CENTER if centre else LEFT
    paragraphs = tuple(ooxml.paragraph([ooxml.Run(text, size if k == 0 else max(size - 2, theme.sizes.minimum), color, font,
                                                  bold)], align) for k, (text, color, bold) in enumerate(runs))
    return ooxml.Cell(paragraphs, fill, CELL_MARGINS)
