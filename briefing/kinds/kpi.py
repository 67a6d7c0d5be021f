"""KPI tiles (`kind: nøgletal`): big numbers as real text, never a picture of text.

Each tile reads top to bottom: the number with its unit, what it is, and how it
compares (arrow and words, e.g. "▲ 36,2 pct.point siden 3. kvt. 2019"), then the
verdict ("Forbedring", "Dårligere"). Colour follows the verdict, but the arrow and the
words carry the same meaning, so colour is never the only cue. The texts come from
facts.kpi_tile; this module only places them.
"""

from __future__ import annotations

import math

from briefing.deck.assemble import (
    BOTTOM,
    DeckContext,
    SlideContent,
    add_footer,
    add_rect,
    add_text,
    content_frame,
    slide_kind,
)
from briefing.facts.figures import Tile, kpi_tile
from briefing.danish.typeset import fit_text, text_width_pt
from briefing.deck.layout import Box

GAP = 0.3  # between tiles, inches
PAD = 0.25  # inside a tile
LABEL_PT = 18  # what a tile's number shows, at most
# Darker than the chart palette so the text keeps 4,5:1 contrast on the tile's light background.
TONE_COLORS = {"good": "#1E6B4A", "bad": "#B42318"}


def tone_color(tone: str, ctx: DeckContext) -> str:
    return TONE_COLORS.get(tone, ctx.theme.colors.muted)


def number_size(text: str, width_in: float, largest: float = 40, smallest: float = 24) -> float:
    """The largest size at which the number and its unit stay on one line.

    They are joined by a no-break space, so PowerPoint would break inside the unit rather
    than between number and unit; the general text fitter would wrap at that space.
    """
    size = largest
    while size > smallest and text_width_pt(text, size, bold=True) > width_in * 72 - 6:
        size -= 1
    return size


def tile_grid(body: Box, count: int) -> list[Box]:
    """Boxes for `count` tiles: one row up to four, else two rows, filled left to right."""
    per_row = count if count <= 4 else math.ceil(count / 2)
    rows = math.ceil(count / per_row)
    width = (body.width - GAP * (per_row - 1)) / per_row
    height = min(3.8, (body.height - GAP * (rows - 1)) / rows)
    return [Box(body.left + (i % per_row) * (width + GAP), body.top + (i // per_row) * (height + GAP), width, height)
            for i in range(count)]


@slide_kind("nøgletal")
def kpi_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    spec = content.spec
    body = content_frame(slide, content, ctx, spec.title, spec.lead)
    tiles = [kpi_tile(t) for t in content.extra["tiles"]]  # numbers read from their tables (facts.resolve_tile)
    boxes = tile_grid(body, len(tiles))
    # One size for every label, the largest at which each fits its tile: side by side, they read as one row.
    label_size = min(fit_text([t.label], b.width - 2 * PAD - 0.04, _label_height(t, b) - 0.04, LABEL_PT, 14).size
                     for t, b in zip(tiles, boxes))
    for number, (tile, box) in enumerate(zip(tiles, boxes), 1):
        _tile(slide, tile, box, number, ctx, label_size)
    add_footer(slide, content, ctx)


def _label_height(tile: Tile, box: Box) -> float:
    return box.height - PAD * 2 - 0.95 - (1.25 if tile.change else 0)


def _tile(slide, tile: Tile, box: Box, number: int, ctx: DeckContext, label_size: float = 18) -> None:
    """One tile, its shapes added in reading order: background, number, label, change, verdict."""
    colors = ctx.theme.colors
    tone = tone_color(tile.tone, ctx)
    add_rect(slide, box, colors.table_stripe, name=f"Nøgletal {number}")
    add_rect(slide, Box(box.left, box.top, box.width, 0.08), tone if tile.change else colors.accent,
             name=f"Nøgletal {number} streg")
    inner = box.width - 2 * PAD
    top = box.top + PAD
    where = f"nøgletal {number}"
    size = number_size(tile.value, inner)
    add_text(slide, Box(box.left + PAD, top, inner, 0.85), [tile.value], ctx, size=size, min_size=size, bold=True,
             color=colors.accent, anchor=BOTTOM, name=f"Nøgletal {number} tal", where=where,
             source=("tiles", number - 1, "value"))
    top += 0.95
    add_text(slide, Box(box.left + PAD, top, inner, _label_height(tile, box)), [tile.label], ctx, size=label_size,
             min_size=14,
             name=f"Nøgletal {number} tekst", where=where, source=("tiles", number - 1, "label"))
    if not tile.change:
        return
    top = box.top + box.height - PAD - 1.2
    add_text(slide, Box(box.left + PAD, top, inner, 0.8), [tile.change], ctx, size=17, min_size=14, bold=True,
             color=tone, anchor=BOTTOM, name=f"Nøgletal {number} ændring", where=where,
             source=("tiles", number - 1, "compare"))
    if tile.verdict:
        add_text(slide, Box(box.left + PAD, top + 0.82, inner, 0.38), [tile.verdict], ctx, size=16, min_size=14,
                 bold=True, color=tone, name=f"Nøgletal {number} vurdering", where=where,
                 source=("tiles", number - 1, "compare"))
