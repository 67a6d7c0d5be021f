"""Recommendations with their status (`kind: anbefalinger`)."""

from __future__ import annotations

from typing import Literal

from briefing.deck import ooxml
from briefing.deck.draw import MIDDLE, DeckContext, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.deck.layout import CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.spec.base import Spec, Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


STATUSES = ("gennemført", "igangsat", "løbende", "ikke startet")


class Recommendation(Spec):
    text: Text = _text("Anbefalingen.")
    status: Literal["gennemført", "igangsat", "løbende", "ikke startet"] = _text("Status.")
    note: str | None = _text("Kort status i én linje.", default=None)


class RecommendationsSlide(SlideBase):
    kind: Literal["anbefalinger"]
    lead: str | None = _text("Kort indledning.", default=None)
    items: list[Recommendation] = _text("Anbefalingerne med status.", min_length=1, max_length=10)
    source: str | None = _text("Kilde, der vises i bunden.", default=None)


STATUS_COLORS = {"gennemført": "#2F7F5F", "igangsat": "#00557F", "løbende": "#6B4C9A", "ikke startet": "#55606E"}


STATUS_MARKS = {"gennemført": "✓ Gennemført", "igangsat": "▶ Igangsat", "løbende": "↻ Løbende", "ikke startet": "○ Ikke startet"}


def recommendations_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, spec.lead)
    row_h = body.height / len(spec.items)
    for i, item in enumerate(spec.items, start=1):
        top = body.top + (i - 1) * row_h
        add_text(slide, Box(MARGIN, top, 0.5, row_h - 0.06), [f"{i}."], ctx, size=18, bold=True, color=theme.colors.accent,
                 anchor=MIDDLE, name=f"Nummer {i}")
        add_text(slide, Box(MARGIN + 0.55, top, CONTENT_W - 3.0, row_h - 0.06), [item.text], ctx, size=19, min_size=14,
                 anchor=MIDDLE, name=f"Anbefaling {i}", where="anbefalinger", source=("items", i - 1, "text"))
        add_rect(slide, Box(SLIDE_W - MARGIN - 2.3, top + 0.06, 2.3, row_h - 0.16), STATUS_COLORS[item.status],
                 "roundRect", name=f"Status {i}", label=ooxml.Run(STATUS_MARKS[item.status], 15, "#FFFFFF", theme.fonts.body,
                                                                  bold=True))
        add_rect(slide, Box(MARGIN, top + row_h - 0.02, CONTENT_W, 0.01), theme.colors.grid)
    add_footer(slide, content, ctx)


KIND = SlideKind("anbefalinger", recommendations_slide, RecommendationsSlide)
