"""The agenda (`kind: dagsorden`): the sections with their minutes and clock times."""

from __future__ import annotations

from typing import Literal

from briefing.deck.draw import MIDDLE, RIGHT, DeckContext, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.danish.typeset import fit_text
from briefing.deck.layout import CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.facts.timing import minutes_text
from briefing.spec.base import Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class AgendaSlide(SlideBase):
    kind: Literal["dagsorden"]
    title: Text = _text("Titel.", default="Dagsorden")


def plan_agenda(content: SlideContent, step) -> None:
    content.extra["agenda"] = list(step.agenda)


def agenda_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme = ctx.theme
    body = content_frame(slide, content, ctx, content.spec.title, None)
    rows = content.extra["agenda"]
    row_h = min(0.85, body.height / max(len(rows), 1))
    # One size for the labels (Del 1, Afrunding ...): the largest at which every one fits its column.
    label_size = min((fit_text([label], 1.5 - 0.04, row_h - 0.09, 20, 14, bold=True, font=theme.fonts.body).size for label, *_ in rows),
                     default=20)
    for i, (label, title, minutes, clock) in enumerate(rows):
        top = body.top + i * row_h
        add_rect(slide, Box(MARGIN, top + row_h - 0.03, CONTENT_W, 0.015), theme.colors.grid)
        if label:  # an empty text box would be an object without text for screen readers
            add_text(slide, Box(MARGIN, top, 1.5, row_h - 0.05), [label], ctx, size=label_size, color=theme.colors.accent,
                     bold=True, anchor=MIDDLE, name=f"Punkt {i + 1}")
        add_text(slide, Box(MARGIN + 1.6, top, CONTENT_W - 5.0, row_h - 0.05), [title], ctx, size=22, anchor=MIDDLE,
                 name=f"Emne {i + 1}", where="dagsorden")
        when = "  ·  ".join(t for t in (minutes_text(minutes) if minutes else "", clock or "") if t)
        add_text(slide, Box(SLIDE_W - MARGIN - 3.3, top, 3.3, row_h - 0.05), [when], ctx, size=18, color=theme.colors.muted,
                 align=RIGHT, anchor=MIDDLE, name=f"Tid {i + 1}")
    add_footer(slide, content, ctx)


KIND = SlideKind("dagsorden", agenda_slide, AgendaSlide, plan=plan_agenda)
