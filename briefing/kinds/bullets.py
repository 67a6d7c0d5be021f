"""Bullet points (`kind: punkter`), with optional sub-points."""

from __future__ import annotations

from typing import Literal

from briefing.deck.draw import DeckContext, Line, SlideContent, add_footer, add_text, content_frame
from briefing.spec.base import Spec, Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class Bullet(Spec):
    text: Text = _text("Punktets tekst.")
    sub: list[Text] = _text("Underpunkter.", default_factory=list)


class BulletsSlide(SlideBase):
    kind: Literal["punkter"]
    lead: str | None = _text("Kort indledning over punkterne.", default=None)
    bullets: list[Text | Bullet] = _text("Punkterne.", min_length=1, max_length=8)
    source: str | None = _text("Kilde, der vises i bunden.", default=None)


def bullets_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    spec = content.spec
    body = content_frame(slide, content, ctx, spec.title, spec.lead)
    lines = []
    for item in spec.bullets:
        if isinstance(item, str):
            lines.append(Line(item))
        else:
            lines.append(Line(item.text))
            lines.extend(Line(sub, level=1) for sub in item.sub)
    add_text(slide, body, lines, ctx, size=ctx.theme.sizes.body + 2, bullets=True, space_after=10,
             name="Punkter", where=str(content.location.file.name if content.location.file else ""), source=("bullets",))
    add_footer(slide, content, ctx)


KIND = SlideKind("punkter", bullets_slide, BulletsSlide)
