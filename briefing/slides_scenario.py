"""The scenario slide: scenarios as columns, consequences as rows, differences with arrow, sign and colour."""

from __future__ import annotations

from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Inches

from .deck import DeckContext, SlideContent, _run, add_footer, add_text, content_frame, rgb, slide_kind
from .layout import Box

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
    shape = slide.shapes.add_table(len(rows) + 1, len(header), Inches(body.left), Inches(body.top),
                                   Inches(body.width), Inches(table_height))
    shape.name = "Scenarietabel"
    table = shape.table
    first = body.width * 0.3
    for j in range(len(header)):
        table.columns[j].width = Inches(first if j == 0 else (body.width - first) / (len(header) - 1))
    for j, text in enumerate(header):
        _fill(table.cell(0, j), theme.colors.table_header)
        _write(table.cell(0, j), [(text, theme.colors.accent_text, True)], HEADER_PT, theme, j > 0)
    tones = {"good": theme.colors.good, "bad": theme.colors.bad, "neutral": theme.colors.muted}
    for i, row in enumerate(rows, start=1):
        for j, cell in enumerate(row):
            _fill(table.cell(i, j), theme.colors.table_stripe if i % 2 == 0 else theme.colors.background)
            if j == 0:
                runs = [(cell.text, theme.colors.text, True)]
            elif cell.detail:
                runs = [(cell.text, theme.colors.text, False), (cell.detail, tones[cell.tone], True)]
            else:
                color = theme.colors.text if cell.tone == "neutral" else tones[cell.tone]
                runs = [(cell.text, color, cell.tone != "neutral")]
            _write(table.cell(i, j), runs, size, theme, j > 0)
    if points:
        add_text(slide, Box(body.left, body.top + table_height + 0.1, body.width, 0.65), points, ctx,
                 size=theme.sizes.body - 2, min_size=14, bullets=True, name="Opsummering", where="scenarie")
    add_footer(slide, content, ctx)


def _fill(cell, color: str) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = rgb(color)


def _write(cell, runs: list[tuple[str, str, bool]], size: float, theme, centre: bool) -> None:
    cell.margin_left = cell.margin_right = Inches(0.08)
    cell.margin_top = cell.margin_bottom = Inches(0.03)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame = cell.text_frame
    frame.word_wrap = True
    for k, (text, color, bold) in enumerate(runs):
        paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER if centre else PP_ALIGN.LEFT
        _run(paragraph, text, size if k == 0 else max(size - 2, theme.sizes.minimum), color, theme.fonts.body, bold)
