"""A data table on a slide, with its sentences under it: shared by the table and appendix kinds."""

from __future__ import annotations

from briefing.deck import ooxml
from briefing.deck.draw import LEFT, RIGHT, DeckContext, SlideContent, add_footer, add_table, add_text, content_frame
from briefing.deck.layout import Box


def data_table(slide, content: SlideContent, ctx: DeckContext, title: str) -> None:
    theme = ctx.theme
    body = content_frame(slide, content, ctx, title, content.extra.get("lead"))
    header, rows, numeric = content.extra["header"], content.extra["rows"], content.extra["numeric"]
    points = content.extra.get("points") or []  # sentences besides the lead: under the table
    space = body.height - (POINTS_H + 0.1 if points else 0)
    widths = column_widths(body.width, numeric)
    size, heights = fit_table(header, rows, widths, space, theme.sizes.minimum, theme.fonts.body)
    if sum(heights) > space:
        ctx.warn(f"tabellen på sliden '{title}' er for lang; vælg færre rækker med 'where' eller færre kolonner med 'columns'")
    colors, font = theme.colors, theme.fonts.body
    align = [RIGHT if n else LEFT for n in numeric]
    cells = [[_cell(text, size, colors.accent_text, colors.table_header, font, align[j], bold=True)
              for j, text in enumerate(header)]]
    for i, row in enumerate(rows, start=1):
        fill = colors.table_stripe if i % 2 == 0 else colors.background
        cells.append([_cell(text, size, colors.text, fill, font, align[j]) for j, text in enumerate(row)])
    add_table(slide, "Tabel", body, widths, heights, cells)
    if points:
        top = body.top + min(sum(heights), space) + 0.1
        add_text(slide, Box(body.left, top, body.width, POINTS_H), points, ctx, size=theme.sizes.body - 2, min_size=14,
                 bullets=True, name="Pointer", where="sætninger under tabellen", source=("narrative",))
    add_footer(slide, content, ctx)


POINTS_H = 0.75  # room for one or two sentences under a table


def column_widths(total: float, numeric: list[bool]) -> list[float]:
    """Text columns share 42 % of the width (60 % when there is one number column), numbers the rest."""
    n_label = sum(1 for n in numeric if not n)
    n_number = len(numeric) - n_label
    label_share = 0.42 if n_number > 1 else 0.6
    if not n_label or not n_number:
        return [total / len(numeric)] * len(numeric)
    return [total * (label_share / n_label if not n else (1 - label_share) / n_number) for n in numeric]


def fit_table(header: list[str], rows: list[list[str]], widths: list[float], height: float, minimum: float,
              font: str | None = None):
    """Largest font (20 pt down to the minimum) at which every row, wrapped, fits the height and no word is wider
    than its column (it would be split mid-word, '(pct.' over ')'); row heights in inches."""
    from briefing.danish.fmt import keep_together
    from briefing.danish.typeset import text_width_pt, wrap_lines, words

    table = [[keep_together(text) for text in row] for row in [header] + rows]  # as the cells will be set
    size = 20.0
    while True:
        heights = []
        for k, row in enumerate(table):
            lines = max(len(wrap_lines(text, (w - 0.18) * 72, size, k == 0, font)) for text, w in zip(row, widths))
            heights.append((lines * size * 1.2 + 8) / 72)
        words_fit = all(text_width_pt(word, size, k == 0, font) <= (w - 0.18) * 72
                        for k, row in enumerate(table) for text, w in zip(row, widths) for word in words(text))
        if (sum(heights) <= height and words_fit) or size <= minimum:
            return size, heights
        size -= 1


CELL_MARGINS = (0.08, 0.08, 0.02, 0.02)  # left, right, top, bottom (inches)


def _cell(text: str, size: float, color: str, fill: str, font: str, align: str, bold: bool = False) -> ooxml.Cell:
    return ooxml.Cell((ooxml.paragraph([ooxml.Run(text, size, color, font, bold)], align),), fill, CELL_MARGINS)
