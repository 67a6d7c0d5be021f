"""A data table on a slide, with its sentences under it: shared by the table and appendix kinds.

Columns are as wide as their contents ask (never narrower than their widest unbreakable piece: a number, a
word, "3. kvt."), one font size for the whole table, and a header may break between a period's name and its
year ("3. kvt." over "2019") when a period kept whole would cost more than a little size. A table whose pieces
cannot fit at the theme's smallest size goes on over more slides (column_pages), never with a piece split.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from briefing.deck import ooxml
from briefing.deck.draw import LEFT, RIGHT, DeckContext, SlideContent, add_footer, add_table, add_text, content_frame
from briefing.deck.layout import Box

MAX_SIZE = 20.0
PAD = 0.18  # inches of a cell's width its text cannot use: the cell margins and a little air
KEEP_PERIODS = 2  # points of size a table gives up to keep the periods in its header whole
LINE = 1.2


@dataclass(frozen=True)
class TableFit:
    """How a table is set: one size, column widths and row heights (inches)."""

    size: float
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    period_year: bool = True  # False: the header may break between a period's name and its year
    words_fit: bool = True  # False: some piece is wider than its column even at the smallest size
    fits: bool = True  # False: too tall for its space, or words_fit is False


def data_table(slide, content: SlideContent, ctx: DeckContext, title: str) -> None:
    theme = ctx.theme
    body = content_frame(slide, content, ctx, title, content.extra.get("lead"))
    header, rows, numeric = content.extra["header"], content.extra["rows"], content.extra["numeric"]
    points = content.extra.get("points") or []  # sentences besides the lead: under the table
    space = body.height - (POINTS_H + 0.1 if points else 0)
    fit = fit_table(header, rows, numeric, body.width, space, theme.sizes.minimum, theme.fonts.body)
    if not fit.words_fit:
        where = ("columns",) if content.spec is not None and hasattr(content.spec, "columns") else ()
        for piece, column in too_wide(header, rows, fit, theme.fonts.body):
            ctx.warn(f"i tabellen på sliden '{title}' er '{piece}' i kolonnen '{column}' for bredt til kolonnen ved "
                     f"{_points(fit.size)} pt og ville blive delt midt i; forkort det, eller vælg færre kolonner med "
                     "'columns'", where)
    elif sum(fit.heights) > space:
        ctx.warn(f"tabellen på sliden '{title}' er for lang; vælg færre rækker med 'where' eller færre kolonner med 'columns'")
    colors, font, size = theme.colors, theme.fonts.body, fit.size
    align = [RIGHT if n else LEFT for n in numeric]
    cells = [[_cell(text, size, colors.accent_text, colors.table_header, font, align[j], bold=True,
                    period_year=fit.period_year) for j, text in enumerate(header)]]
    for i, row in enumerate(rows, start=1):
        fill = colors.table_stripe if i % 2 == 0 else colors.background
        cells.append([_cell(text, size, colors.text, fill, font, align[j]) for j, text in enumerate(row)])
    add_table(slide, "Tabel", body, fit.widths, fit.heights, cells)
    if points:
        top = body.top + min(sum(fit.heights), space) + 0.1
        add_text(slide, Box(body.left, top, body.width, POINTS_H), points, ctx, size=theme.sizes.body - 2, min_size=14,
                 bullets=True, name="Pointer", where="sætninger under tabellen", source=("narrative",))
    add_footer(slide, content, ctx)


POINTS_H = 0.75  # room for one or two sentences under a table


def pieces(text: str, header: bool, period_year: bool = True) -> list[str]:
    """The unbreakable pieces of a cell as it will be set."""
    return list(_pieces(text, header, period_year))


def cell_lines(text: str, width: float, size: float, header: bool, period_year: bool = True,
               font: str | None = None) -> list[str]:
    """The lines a cell's text wraps to in a column `width` inches wide."""
    from briefing.danish.typeset import measuring_family

    return list(_cell_lines(text, width, size, header, period_year, font or measuring_family()))  # family in the key


# A table is tried at every size from 20 pt down, and its widths again and again: the same cells each time.
@functools.lru_cache(maxsize=16384)
def _pieces(text: str, header: bool, period_year: bool) -> tuple[str, ...]:
    from briefing.danish.fmt import keep_together
    from briefing.danish.typeset import words

    return tuple(words(keep_together(text, period_year=period_year or not header)))


@functools.lru_cache(maxsize=16384)
def _kept(text: str) -> str:
    """A cell's text as it will be set: asked for at every size and width a table tries."""
    from briefing.danish.fmt import keep_together

    return keep_together(text)


@functools.lru_cache(maxsize=65536)
def _cell_lines(text: str, width: float, size: float, header: bool, period_year: bool,
                font: str) -> tuple[str, ...]:
    from briefing.danish.fmt import keep_together
    from briefing.danish.typeset import wrap_lines

    text = keep_together(text, period_year=period_year or not header)
    return tuple(wrap_lines(text, (width - PAD) * 72, size, header, font))


def row_height(lines: int, size: float) -> float:
    return (lines * size * LINE + 8) / 72


def _column_widths(table: list[list[str]], numeric: list[bool], total: float, size: float, period_year: bool,
                   font: str | None) -> tuple[float, ...] | None:
    """Widths that give every column at least its widest piece and share the rest by what each asks for
    (its cells on one line, its header on two); number columns alike where there is room. None when the pieces
    alone are wider than `total`."""
    from briefing.danish.typeset import text_width_pt

    need, want = [], []
    for j in range(len(table[0])):
        column = [(row[j], k == 0) for k, row in enumerate(table)]
        need.append(max(text_width_pt(p, size, h, font) for text, h in column for p in pieces(text, h, period_year)
                        or [""]) / 72 + PAD)
        want.append(max(text_width_pt(_kept(text), size, h, font) / (2 if h else 1) for text, h in column)
                    / 72 + PAD)
        want[-1] = max(want[-1], need[-1])
    if sum(need) > total + 1e-9:
        return None
    numbers = [j for j, n in enumerate(numeric) if n]
    if len(numbers) > 1:  # number columns of one width read as one grid
        alike = [max(need[j] for j in numbers), max(want[j] for j in numbers)]
        if sum(need) - sum(need[j] for j in numbers) + alike[0] * len(numbers) <= total:
            for j in numbers:
                need[j], want[j] = alike
    if sum(want) <= total:
        return tuple(w * total / sum(want) for w in want)
    spare, asked = total - sum(need), sum(w - n for w, n in zip(want, need))
    return tuple(n + spare * (w - n) / asked for w, n in zip(want, need))


def _attempt(table, numeric, total, height, size, period_year, font) -> TableFit | None:
    widths = _column_widths(table, numeric, total, size, period_year, font)
    if widths is None:
        return None
    heights = tuple(row_height(max(len(cell_lines(text, w, size, k == 0, period_year, font))
                                   for text, w in zip(row, widths)), size) for k, row in enumerate(table))
    return TableFit(size, widths, heights, period_year, True, sum(heights) <= height + 1e-9)


def _largest(table, numeric, width, height, sizes, period_year, font) -> TableFit | None:
    """The first of `sizes` (largest first) at which the table fits, None when none does."""
    for size in sizes:
        fit = _attempt(table, numeric, width, height, size, period_year, font)
        if fit is not None and fit.fits:
            return fit
    return None


def fit_table(header: list[str], rows: list[list[str]], numeric: list[bool], width: float, height: float,
              minimum: float, font: str | None = None) -> TableFit:
    """The largest size (20 pt down to `minimum`) at which every piece fits its column and the rows fit `height`.

    Periods in the header are kept whole unless breaking them after "kvt." lets the table be more than
    KEEP_PERIODS points larger. Where nothing fits, the smallest size: too tall (fits False) or, when a piece is
    wider than any column could be, words_fit False (the plan should have split the columns: column_pages).
    """
    table = [list(header)] + [list(r) for r in rows]
    sizes = [MAX_SIZE - step for step in range(int(MAX_SIZE - minimum) + 1)]
    whole = _largest(table, numeric, width, height, sizes, True, font)
    # Broken periods win only at a size more than KEEP_PERIODS above the whole ones: only those are tried.
    larger = [size for size in sizes if whole is None or size > whole.size + KEEP_PERIODS]
    broken = _largest(table, numeric, width, height, larger, False, font)
    if broken is not None:
        return broken
    if whole is not None:
        return whole
    for period_year in (True, False):
        fit = _attempt(table, numeric, width, height, minimum, period_year, font)
        if fit is not None:
            return fit  # too tall: the caller warns
    # pieces wider than the table: columns as wide as their pieces, scaled down (the caller warns)
    from briefing.danish.typeset import text_width_pt

    need = [max(text_width_pt(p, minimum, k == 0, font) for k, row in enumerate(table) for p in pieces(row[j], k == 0, False)
                or [""]) / 72 + PAD for j in range(len(header))]
    widths = tuple(n * width / sum(need) for n in need)
    heights = tuple(row_height(max(len(cell_lines(text, w, minimum, k == 0, False, font)) for text, w in zip(row, widths)),
                               minimum) for k, row in enumerate(table))
    return TableFit(minimum, widths, heights, False, False, False)


def too_wide(header: list[str], rows: list[list[str]], fit: TableFit, font: str | None = None) -> list[tuple[str, str]]:
    """(piece, column header) of the widest piece too wide for its column at the table's size, per column."""
    from briefing.danish.typeset import text_width_pt

    out = []
    for j, width in enumerate(fit.widths):
        room = (width - PAD) * 72
        wide = [(text_width_pt(p, fit.size, k == 0, font), p) for k, row in enumerate([header] + rows)
                for p in pieces(row[j], k == 0, fit.period_year) if text_width_pt(p, fit.size, k == 0, font) > room]
        if wide:
            out.append((max(wide)[1].replace("\u00a0", " ").replace("\u2011", "-"), header[j]))
    return out


def _points(size: float) -> str:
    from briefing.danish import fmt

    return fmt.number(size, 0 if size == int(size) else 1)


def column_pages(header: list[str], rows: list[list[str]], numeric: list[bool], width: float, minimum: float,
                 font: str | None = None) -> list[list[int]]:
    """The columns of each slide a table is set on: all on one when every piece fits its column at `minimum`,
    else the label columns on every slide with as many number columns as fit, shared out evenly."""
    labels = [j for j, n in enumerate(numeric) if not n]
    values = [j for j, n in enumerate(numeric) if n]
    table = [list(header)] + [list(r) for r in rows]

    def fits(columns: list[int]) -> bool:
        return _column_widths([[row[j] for j in columns] for row in table], [numeric[j] for j in columns], width,
                              minimum, False, font) is not None

    if not values or fits(labels + values):
        return [list(range(len(header)))]
    greedy: list[list[int]] = [[]]
    for j in values:
        if greedy[-1] and not fits(labels + greedy[-1] + [j]):
            greedy.append([])
        greedy[-1].append(j)
    count = len(greedy)
    per = math.ceil(len(values) / count)
    even = [values[i:i + per] for i in range(0, len(values), per)]
    chosen = even if len(even) == count and all(fits(labels + page) for page in even) else greedy
    return [sorted(labels + page) for page in chosen]


def continued(title: str, page: int, pages: int) -> str:
    """The title of slide `page` (from 1) of a table set on `pages` slides."""
    if page == 1:
        return title
    return f"{title} (fortsat)" if pages == 2 else f"{title} (fortsat, {page} af {pages})"


CELL_MARGINS = (0.08, 0.08, 0.02, 0.02)  # left, right, top, bottom (inches)


def _cell(text: str, size: float, color: str, fill: str, font: str, align: str, bold: bool = False,
          period_year: bool = True) -> ooxml.Cell:
    run = ooxml.Run(text, size, color, font, bold, period_year)
    return ooxml.Cell((ooxml.paragraph([run], align),), fill, CELL_MARGINS)
