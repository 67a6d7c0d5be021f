"""What the committee is asked to decide (`kind: beslutninger`), beside the levers of the scenario slides."""

from __future__ import annotations

from typing import Literal

from briefing.deck.draw import DeckContext, Line, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.danish.typeset import LINE_SPACING, fit_text
from briefing.deck.layout import Box
from briefing.spec.base import Flag, Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


class DecisionsSlide(SlideBase):
    kind: Literal["beslutninger"]
    title: Text = _text("Titel.", default="Udvalget bedes tage stilling til")
    decisions: list[Text] = _text("Beslutningspunkter eller prioriteringer for udvalget.", min_length=1, max_length=6)
    levers: Flag = _text("Vis håndtagene fra scenarie-sliderne (ja/nej).", default=True)


def collect_levers(content: SlideContent, contents: list[SlideContent]) -> None:
    """The scenario slides' levers, once every slide is planned."""
    levers = [_lever(c) for c in contents if c.kind == "scenarie" and "header" in c.extra]
    content.extra["levers"] = levers if content.spec.levers else []


def _lever(content) -> tuple[str, list[str]]:
    """A scenario slide as a lever for the decisions slide: its short name and its options."""
    spec = content.spec
    options = [f"{s.name} (udgangspunkt)" if s.baseline and not _names_today(s.name) else s.name for s in spec.scenarios]
    return spec.lever or spec.title, options


def _names_today(name: str) -> bool:
    return any(word in name.lower() for word in ("i dag", "nuværende", "uændret"))


def decisions_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, None)
    levers = content.extra.get("levers") or []
    width = body.width * (0.55 if levers else 1.0)
    decisions = [f"{i}. {d}" for i, d in enumerate(spec.decisions, start=1)]
    add_text(slide, Box(body.left, body.top, width - 0.3, body.height), decisions, ctx, size=24, min_size=16,
             space_after=14, name="Beslutningspunkter", where="beslutninger", source=("decisions",))
    if levers:
        left = body.left + width
        lines = []
        for lever, options in levers:
            lines.append(Line(lever, bold=True))
            lines.append(Line(" · ".join(options)))
        # The panel is as tall as its text needs (measured as add_text will fit it), never a mostly empty box.
        inner = body.width - width - 0.5
        fit = fit_text([line.text for line in lines], inner - 0.04, body.height - 0.94, 18, 13, True, 6,
                       font=theme.fonts.body)
        text_height = (fit.lines * fit.size * LINE_SPACING + 6 * (len(lines) - 1)) / 72 + 0.1
        panel = Box(left, body.top, body.width - width, min(body.height, 0.75 + text_height + 0.2))
        add_rect(slide, panel, theme.colors.table_stripe, name="Håndtag, baggrund")
        add_text(slide, Box(left + 0.25, body.top + 0.15, panel.width - 0.5, 0.5), ["Håndtag i scenarierne"], ctx,
                 size=20, bold=True, color=theme.colors.accent, name="Håndtag, overskrift")
        add_text(slide, Box(left + 0.25, body.top + 0.75, panel.width - 0.5, min(body.height - 0.9, text_height)), lines,
                 ctx, size=18, min_size=13, space_after=6, name="Håndtag", where="håndtag")
    add_footer(slide, content, ctx)


KIND = SlideKind("beslutninger", decisions_slide, DecisionsSlide, finish=collect_levers)
