"""KPI tiles (`kind: nøgletal`): big numbers as real text, never a picture of text.

Each tile reads top to bottom: the number with its unit, what it is, and how it
compares (arrow and words, e.g. "▲ 36,2 pct.point siden 3. kvt. 2019"), then the
verdict ("Forbedring", "Dårligere"). Colour follows the verdict, but the arrow and the
words carry the same meaning, so colour is never the only cue. The texts come from
facts.tiles.kpi_tile; this module places them. The tiles' numbers are read from the tables by
plan_tiles, and the references checked at load by check_tiles.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from briefing.deck.draw import BOTTOM, DeckContext, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.facts.tiles import Tile, kpi_tile, resolve_tile
from briefing.facts.references import check_tile
from briefing.danish.fmt import keep_together
from briefing.danish.typeset import fit_text, text_width_pt
from briefing.deck.layout import Box
from briefing.spec.base import Number, Spec, Text, Whole, _text, yes_no, yes_no_words
from briefing.spec.chart import Selection
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase, Unit


def _better(value: Any) -> Any:
    """'ja', 'nej' or 'neutral' (also true/false); anything else gets a message naming all three."""
    value = yes_no(value)
    if value not in (True, False, "neutral") or isinstance(value, int) and not isinstance(value, bool):
        raise PydanticCustomError("briefing", "skal være ja, nej eller neutral, ikke '{value}'", {"value": value})
    return value


# The same words in the editor: yes/no as a boolean or a word (ja, nej, ...), or 'neutral'.
_BETTER_SCHEMA = WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": [*yes_no_words(), "neutral"]}]})


class KpiComparison(Spec):
    value: Number | None = _text("Tallet, der sammenlignes med (eller 'column' eller 'where' for at læse det i tabellen).",
                                 default=None)
    label: Text | None = _text("Det, der sammenlignes med, fx '3. kvt. 2019' eller 'RAR Østjylland' (standard ved "
                               "'column': perioden, ved 'where': rækkens navn).", default=None)
    against: Literal["periode", "benchmark"] = _text(
        "En tidligere periode (vises 'siden ...') eller et benchmark (vises 'over/under ...').", default="periode")
    column: Text | None = _text("Læs tallet i en anden kolonne (periode) af samme række, fx 2019K3.", default=None)
    where: Selection = _text("Læs tallet i en anden række af tabellen, fx {kommune: RAR Østjylland}.",
                             default_factory=dict)


class KpiTile(Spec):
    label: Text = _text("Hvad tallet viser, fx 'Aktivitetsparate i tilbud, 3. kvt. 2021'.")
    value: Number | None = _text("Tallet (eller 'table' for at læse det i en datatabel).", default=None)
    table: Text | None = _text("Datatabel, tallet læses i: filnavn i inputs/data/ uden endelse.", default=None)
    where: Selection = _text("Rækken i tabellen: kolonne: værdi, så præcis én række passer.", default_factory=dict)
    column: Text | None = _text("Kolonnen (perioden) i tabellen, fx 2021K3 (standard: den sidste).", default=None)
    unit: Unit | None = _text("Enhed for tallet (standard: tabellens, ellers antal).", default=None)
    decimals: Whole | None = _text("Antal decimaler (standard: tabellens, ellers 1 for pct. og uger, ellers 0).",
                                 default=None, ge=0, le=3)
    compare: KpiComparison | None = _text("Sammenligning med en tidligere periode eller et benchmark.", default=None)
    higher_is_better: Annotated[Union[bool, Literal["neutral"]], BeforeValidator(_better), _BETTER_SCHEMA] = _text(
        "Er et højere tal bedre? ja, nej eller neutral (bestemmer farven på ændringen).", default="neutral")


class KpiSlide(SlideBase):
    kind: Literal["nøgletal"]
    lead: str | None = _text("Slidens hovedbudskab i én linje.", default=None)
    tiles: list[KpiTile] = _text("Nøgletallene, ét pr. felt.", min_length=1, max_length=8)
    source: str | None = _text("Kilde, der vises i bunden.", default=None)


GAP = 0.3  # between tiles, inches
PAD = 0.25  # inside a tile
LABEL_PT = 18  # what a tile's number shows, at most
# Darker than the chart palette so the text keeps 4,5:1 contrast on the tile's light background.
TONE_COLORS = {"good": "#1E6B4A", "bad": "#B42318"}


def tone_color(tone: str, ctx: DeckContext) -> str:
    return TONE_COLORS.get(tone, ctx.theme.colors.muted)


def number_size(text: str, width_in: float, largest: float = 40, smallest: float = 20, font: str | None = None) -> float:
    """The largest size at which the number and its unit stay on one line.

    They are joined by a no-break space, so PowerPoint would break inside the unit ('persone/r') rather
    than between number and unit; the general text fitter would wrap at that space.
    """
    size = largest
    while size > smallest and not _fits(text, size, width_in, font):
        size -= 1
    return size


def _fits(text: str, size: float, width_in: float, font: str | None) -> bool:
    return text_width_pt(keep_together(text), size, True, font) <= width_in * 72 - 6


TWO_LINES_PT = 24  # a number over its unit: two lines of this size fill the number's place


def value_lines(text: str, width_in: float, font: str | None = None, smallest: float = 20) -> tuple[list[str], float]:
    """The number and its unit on one line at the largest size that fits; where even `smallest` is too wide (a long
    unit such as 'fuldtidspersoner' in a narrow tile), the unit goes on a line of its own rather than being broken
    inside the word by PowerPoint."""
    size = number_size(text, width_in, smallest=smallest, font=font)
    number, space, unit = text.partition("\xa0")
    if _fits(text, size, width_in, font) or not space:
        return [text], size
    size = TWO_LINES_PT
    while size > 12 and not all(_fits(line, size, width_in, font) for line in (number, unit)):
        size -= 1
    return [number, unit], size


def tile_grid(body: Box, count: int) -> list[Box]:
    """Boxes for `count` tiles: one row up to four, else two rows, filled left to right."""
    per_row = count if count <= 4 else math.ceil(count / 2)
    rows = math.ceil(count / per_row)
    width = (body.width - GAP * (per_row - 1)) / per_row
    height = min(3.8, (body.height - GAP * (rows - 1)) / rows)
    return [Box(body.left + (i % per_row) * (width + GAP), body.top + (i // per_row) * (height + GAP), width, height)
            for i in range(count)]


def check_tiles(entry, tables, problems) -> None:
    for i, tile in enumerate(entry.spec.tiles):
        check_tile(tile, ("tiles", i), entry, tables, problems)


def plan_tiles(content: SlideContent, step) -> None:
    project = step.project
    # The tiles' references were checked when the project loaded (for another municipality, --kommune or --alle,
    # after its names were swapped in, load/swap.py).
    content.extra["tiles"] = [resolve_tile(tile, project.tables, project.phrasebook, project.deck)
                              for tile in content.spec.tiles]
    tables = project.tables
    if any(t.table in tables and tables[t.table].spec.example for t in content.spec.tiles):
        content.example = True  # a number read from example data is marked as such, as on charts


def kpi_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    spec = content.spec
    body = content_frame(slide, content, ctx, spec.title, spec.lead)
    tiles = [kpi_tile(t) for t in content.extra["tiles"]]  # numbers read from their tables (facts.resolve_tile)
    boxes = tile_grid(body, len(tiles))
    # One size for every label, the largest at which each fits its tile: side by side, they read as one row.
    font = ctx.theme.fonts.body
    label_size = min(fit_text([t.label], b.width - 2 * PAD - 0.04, _label_height(t, b) - 0.04, LABEL_PT, 14,
                              font=font).size for t, b in zip(tiles, boxes))
    # And one size for every value: tiles whose numbers differ in size look like they differ in weight.
    values = [value_lines(t.value, b.width - 2 * PAD, font=font) for t, b in zip(tiles, boxes)]
    value_size = min(size for _lines, size in values)
    for number, (tile, box, (lines, _size)) in enumerate(zip(tiles, boxes, values), 1):
        _tile(slide, tile, box, number, ctx, label_size, value_size, lines)
    add_footer(slide, content, ctx)


def _label_height(tile: Tile, box: Box) -> float:
    return box.height - PAD * 2 - 0.95 - (1.25 if tile.change else 0)


def _tile(slide, tile: Tile, box: Box, number: int, ctx: DeckContext, label_size: float = 18,
          value_size: float | None = None, value_lines: list[str] | None = None) -> None:
    """One tile, its shapes added in reading order: background, number, label, change, verdict."""
    colors = ctx.theme.colors
    tone = tone_color(tile.tone, ctx)
    add_rect(slide, box, colors.table_stripe, name=f"Nøgletal {number}")
    add_rect(slide, Box(box.left, box.top, box.width, 0.08), tone if tile.change else colors.accent,
             name=f"Nøgletal {number} streg")
    inner = box.width - 2 * PAD
    top = box.top + PAD
    where = f"nøgletal {number}"
    size = value_size or number_size(tile.value, inner, font=ctx.theme.fonts.body)
    add_text(slide, Box(box.left + PAD, top, inner, 0.85), value_lines or [tile.value], ctx, size=size, min_size=size,
             bold=True,
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


KIND = SlideKind("nøgletal", kpi_slide, KpiSlide, plan=plan_tiles, check=check_tiles)
