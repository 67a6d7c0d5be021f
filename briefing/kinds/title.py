"""The title slide (`kind: titel`): municipality, title, meeting and date on the accent colour."""

from __future__ import annotations

from typing import Literal

from briefing.danish import fmt
from briefing.deck.draw import DeckContext, SlideContent, add_logo, add_rect, add_subtitle, add_text, full_background, on_colour, set_title
from briefing.deck.layout import CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.spec.base import _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class TitleSlide(SlideBase):
    kind: Literal["titel"]
    title: str | None = _text("Titel (standard: præsentationens titel).", default=None)
    subtitle: str | None = _text("Undertitel (standard: præsentationens undertitel).", default=None)


def title_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    deck, theme = ctx.deck, ctx.theme
    spec = content.spec
    full_background(slide, theme.colors.accent, ctx)
    white = on_colour(ctx)
    add_text(slide, Box(MARGIN + 0.4, 0.9, 8, 0.5), [f"{deck.municipality} Kommune"], ctx, size=20, color=white, bold=True,
             name="Kommune")
    set_title(slide, spec.title or deck.title, ctx, Box(MARGIN + 0.4, 2.2, CONTENT_W - 1.4, 1.9), color=white, size=44, min_size=30,
              source=("title",) if spec.title else ())
    subtitle = spec.subtitle or deck.subtitle
    if subtitle:
        add_subtitle(slide, subtitle, Box(MARGIN + 0.4, 4.2, CONTENT_W - 1.4, 1.0), white, ctx)
    meeting = ", ".join(p for p in (deck.meeting, fmt.date(deck.date)) if p)
    add_rect(slide, Box(MARGIN + 0.4, 5.6, 1.2, 0.06), theme.colors.accent_text)
    add_text(slide, Box(MARGIN + 0.4, 5.8, 9, 0.9), [meeting] + ([deck.author] if deck.author else []), ctx, size=20,
             color=white, name="Møde")
    add_logo(slide, ctx, Box(SLIDE_W - MARGIN - 2.0, 0.7, 2.0, 0.8))


KIND = SlideKind("titel", title_slide, TitleSlide, role="title")
