"""Section dividers (`afsnit`), one per section of briefing.yaml that has `divider: ja`."""

from __future__ import annotations

from briefing.deck.draw import DeckContext, SlideContent, add_slide_number, add_text, full_background, on_colour, set_title
from briefing.deck.layout import CONTENT_W, MARGIN, Box
from briefing.facts.timing import minutes_text
from briefing.spec.kind import SlideKind


def section_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme = ctx.theme
    section = content.section
    white = on_colour(ctx)
    full_background(slide, theme.colors.accent, ctx)
    label = section.label or f"Del {content.section_index}"
    add_text(slide, Box(MARGIN + 0.4, 1.6, 8, 0.6), [label], ctx, size=24, color=white, bold=True, name="Mærke")
    set_title(slide, section.title, ctx, Box(MARGIN + 0.4, 2.3, CONTENT_W - 0.8, 1.8), color=white, size=40, min_size=28)
    if section.intro:
        add_text(slide, Box(MARGIN + 0.4, 4.3, CONTENT_W - 2.0, 1.3), [section.intro], ctx, size=22, color=white,
                 name="Intro", where=f"afsnittet '{section.title}'", source=("intro",))
    minutes = content.extra.get("section_minutes")
    clock = content.extra.get("clock")
    if minutes:
        text = minutes_text(minutes) + (f"  ·  {clock}" if clock else "")
        add_text(slide, Box(MARGIN + 0.4, 5.9, 8, 0.5), [text], ctx, size=18, color=white, name="Tid")
    add_slide_number(slide, ctx, color=white)


def _title(content, deck) -> str:
    return content.section.title


KIND = SlideKind("afsnit", section_slide, role="section")
