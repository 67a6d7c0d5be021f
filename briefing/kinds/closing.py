"""The closing slide (`kind: afslutning`): next steps and contact."""

from __future__ import annotations

from typing import Literal

from briefing.deck.draw import DeckContext, SlideContent, add_logo, add_slide_number, add_text, full_background, on_colour, set_title
from briefing.deck.layout import CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.spec.base import Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class ClosingSlide(SlideBase):
    kind: Literal["afslutning"]
    title: Text = _text("Titel.", default="Tak for i dag")
    bullets: list[Text] = _text("Næste skridt eller hovedpointer.", default_factory=list, max_length=6)
    contact: str | None = _text("Kontaktoplysninger.", default=None)


def closing_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    white = on_colour(ctx)
    full_background(slide, theme.colors.accent, ctx)
    set_title(slide, spec.title, ctx, Box(MARGIN + 0.4, 1.2, CONTENT_W - 0.8, 1.3), color=white, size=44, min_size=30)
    if spec.bullets:
        add_text(slide, Box(MARGIN + 0.4, 2.8, CONTENT_W - 1.5, 2.8), spec.bullets, ctx, size=24, color=white, bullets=True,
                 space_after=8, name="Punkter", where="afslutning", source=("bullets",))
    if spec.contact:
        add_text(slide, Box(MARGIN + 0.4, 5.9, CONTENT_W - 0.8, 0.8), [spec.contact], ctx, size=18, color=white, name="Kontakt",
                 source=("contact",))
    add_logo(slide, ctx, Box(SLIDE_W - MARGIN - 2.0, 6.3, 2.0, 0.7))
    add_slide_number(slide, ctx, color=white)


KIND = SlideKind("afslutning", closing_slide, ClosingSlide)
