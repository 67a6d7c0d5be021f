"""Questions for the committee (`kind: drøftelse`)."""

from __future__ import annotations

from typing import Literal

from briefing.deck import ooxml
from briefing.deck.draw import DeckContext, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.deck.layout import CONTENT_W, MARGIN, Box
from briefing.spec.base import Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class DiscussionSlide(SlideBase):
    kind: Literal["drøftelse"]
    title: Text = _text("Titel.", default="Til drøftelse")
    questions: list[Text] = _text("Spørgsmål til udvalget.", min_length=1, max_length=6)


def discussion_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, None)
    add_rect(slide, Box(MARGIN, body.top, 1.4, 1.4), theme.colors.accent, "ellipse", name="Spørgsmålstegn",
             label=ooxml.Run("?", 60, theme.colors.accent_text, theme.fonts.heading, bold=True))
    questions = [f"{i}. {q}" for i, q in enumerate(spec.questions, start=1)]
    add_text(slide, Box(MARGIN + 2.0, body.top, CONTENT_W - 2.0, body.height), questions, ctx, size=26, min_size=18,
             space_after=18, name="Spørgsmål", where="drøftelse", source=("questions",))
    add_footer(slide, content, ctx)


KIND = SlideKind("drøftelse", discussion_slide, DiscussionSlide)
