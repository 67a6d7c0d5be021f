"""A chart with its generated sentences beside it (`kind: diagram`)."""

from __future__ import annotations

from typing import Literal

from briefing.deck.draw import DeckContext, SlideContent, add_chart, add_footer, add_text, content_frame
from briefing.deck.layout import BODY, BODY_NO_LEAD, CONTENT_W, Box
from briefing.kinds.common import narrate, source_line
from briefing.facts.references import check_chart_slide
from briefing.spec.base import Text, _text
from briefing.spec.chart import ChartSpec
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase
from briefing.spec.narrative import NarrativeItem


class ChartSlide(SlideBase):
    kind: Literal["diagram"]
    lead: str | None = _text("Slidens hovedbudskab i én linje (standard: den første automatiske sætning).", default=None)
    chart: ChartSpec
    narrative: list[NarrativeItem] = _text("Automatiske sætninger ud fra tallene.", default_factory=list, max_length=4)
    bullets: list[Text] = _text("Korte pointer ved siden af diagrammet.", default_factory=list, max_length=5)


def plan_chart(content: SlideContent, step) -> None:
    from briefing.facts.alttext import alt_text
    from briefing.facts.figures import chart_data

    spec, project = content.spec, step.project
    table = project.tables[spec.chart.table]
    narrate(content, spec, table, step)
    data = chart_data(spec.title, spec.chart, table, project.deck,
                      names=project.phrasebook.names if project.phrasebook is not None else None)
    lead = content.extra["lead"]
    sentences = content.extra["sentences"]
    points = [s.text for s in sentences if s.text != lead] + list(spec.bullets)
    content.extra["points"] = points
    body = BODY if lead else BODY_NO_LEAD
    width = body.width * (0.66 if points else 1.0)
    content.chart_data = data
    content.example = content.example or data.example
    content.extra["chart_box"] = Box(body.left, body.top, width, body.height - 0.05)
    finding = f" Hovedpointe: {sentences[0].text}." if sentences else ""
    left_out = f" {data.note}." if data.note else ""  # a sorted or shortened chart says so to a listener too
    content.extra["alt_text"] = alt_text(data) + left_out + finding
    content.footer = source_line(table, data.has_missing, data.note)


def chart_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    spec = content.spec
    body = content_frame(slide, content, ctx, spec.title, content.extra.get("lead"))
    chart_box = content.extra["chart_box"]
    add_chart(slide, content, chart_box, content.extra["alt_text"], ctx)
    points = content.extra.get("points", spec.bullets)
    if points:
        side = Box(chart_box.left + chart_box.width + 0.3, body.top + 0.2, CONTENT_W - chart_box.width - 0.3, body.height - 0.2)
        add_text(slide, side, points, ctx, size=ctx.theme.sizes.body, min_size=14, bullets=True, space_after=10,
                 name="Pointer", where="pointer ved diagrammet",
                 source=("narrative",) if getattr(spec, "narrative", None) else ("bullets",))
    add_footer(slide, content, ctx)


KIND = SlideKind("diagram", chart_slide, ChartSlide, plan=plan_chart, check=check_chart_slide)
