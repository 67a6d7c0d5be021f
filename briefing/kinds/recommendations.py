"""Recommendations with their status (`kind: anbefalinger`).

Items are numbered automatically (a number the user typed, "1. Indsats" or "1) Indsats", is not doubled); a
`note:` is shown in a smaller muted line under its item and in the speaker notes; items can be grouped by area
(`group:` on an item, or `groups:` each with its `items:`), with a heading per group; items that do not fit
continue on a further slide titled "(fortsat)".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from briefing.deck import ooxml
from briefing.deck.draw import MIDDLE, DeckContext, SlideContent, add_footer, add_rect, add_text, content_frame
from briefing.deck.layout import BODY, BODY_NO_LEAD, CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.spec.base import Spec, Text, _text
from briefing.spec.kind import SlideKind
from briefing.spec.models import SlideBase


STATUSES = ("gennemført", "igangsat", "løbende", "ikke startet")


class Recommendation(Spec):
    text: Text = _text("Anbefalingen (nummereres automatisk; skriv ikke selv '1.').")
    status: Literal["gennemført", "igangsat", "løbende", "ikke startet"] = _text("Status.")
    note: str | None = _text("Kort bemærkning i én linje: vises under anbefalingen og i noterne.", default=None)
    group: str | None = _text("Området, anbefalingen hører til: anbefalinger med samme område står under én overskrift.",
                              default=None)


class RecommendationGroup(Spec):
    title: Text = _text("Områdets overskrift.")
    items: list[Recommendation] = _text("Anbefalingerne i området.", min_length=1)


class RecommendationsSlide(SlideBase):
    kind: Literal["anbefalinger"]
    lead: str | None = _text("Kort indledning.", default=None)
    items: list[Recommendation] | None = _text("Anbefalingerne med status (flere end der er plads til fortsætter på "
                                               "næste slide).", default=None, min_length=1)
    groups: list[RecommendationGroup] | None = _text("Anbefalingerne delt i områder med en overskrift hver "
                                                     "(i stedet for 'items').", default=None, min_length=1)
    source: str | None = _text("Kilde, der vises i bunden.", default=None)

    @field_validator("groups")
    @classmethod
    def _not_both(cls, groups, info: ValidationInfo):
        if groups is not None and info.data.get("items") is not None:
            raise PydanticCustomError("briefing", "angiv enten 'items' eller 'groups', ikke begge")
        return groups

    @model_validator(mode="after")
    def _items_or_groups(self) -> "RecommendationsSlide":
        if self.items is None and self.groups is None:
            raise PydanticCustomError("briefing", "angiv anbefalingerne under 'items' (eller 'groups' med områder)")
        return self


STATUS_COLORS = {"gennemført": "#2F7F5F", "igangsat": "#00557F", "løbende": "#6B4C9A", "ikke startet": "#55606E"}


STATUS_MARKS = {"gennemført": "✓ Gennemført", "igangsat": "▶ Igangsat", "løbende": "↻ Løbende", "ikke startet": "○ Ikke startet"}

# A number typed before the text ("1. ", "2) ", "3 - "), unless it is part of a date or period ("1. september").
PERIOD_WORDS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                "november", "december", "kvartal", "halvår")
_TYPED_NUMBER = re.compile(r"^\s*\d{1,3}\s*(?:\)|\.(?!\s*(?:" + "|".join(PERIOD_WORDS) + r")\b))\s*(?=\S)", re.IGNORECASE)

# Row heights in units of one plain item: a note adds a line, a group heading is a short row.
ITEM, NOTE, HEADING = 1.0, 0.5, 0.7
MIN_UNIT, MAX_UNIT = 0.48, 1.1  # inches per unit: below this text no longer fits; above it rows look empty


@dataclass(frozen=True)
class Row:
    """One row of a recommendations slide: a group heading (item is None) or a numbered item."""

    text: str
    source: tuple
    number: int = 0
    item: Recommendation | None = None

    @property
    def units(self) -> float:
        if self.item is None:
            return HEADING
        return ITEM + (NOTE if self.item.note else 0)


def without_number(text: str) -> str:
    """The item's text without a number the user typed in front ("1. Indsats" -> "Indsats")."""
    return _TYPED_NUMBER.sub("", text, count=1)


def recommendation_rows(spec: RecommendationsSlide) -> list[Row]:
    """Headings and numbered items in the order shown; `group:` on items gathers them by first appearance."""
    if spec.groups is not None:
        blocks = [(g.title, ("groups", g_i, "title"), [(item, ("groups", g_i, "items", i)) for i, item in enumerate(g.items)])
                  for g_i, g in enumerate(spec.groups)]
    else:
        by_group: dict[str | None, list] = {}
        for i, item in enumerate(spec.items or []):
            by_group.setdefault(item.group, []).append((item, ("items", i)))
        blocks = [(group, ("items", items[0][1][1], "group") if group else (), items) for group, items in by_group.items()]
    rows, number = [], 0
    for heading, where, items in blocks:
        if heading:
            rows.append(Row(heading, where))
        for item, path in items:
            number += 1
            rows.append(Row(without_number(item.text), path, number, item))
    return rows


def pages(rows: list[Row], first_capacity: float, capacity: float) -> list[list[Row]]:
    """Rows shared out over slides; a heading is never last on a slide, and is repeated where its group goes on."""
    out: list[list[Row]] = [[]]
    heading: Row | None = None
    room = first_capacity
    for i, row in enumerate(rows):
        need = row.units + (rows[i + 1].units if row.item is None and i + 1 < len(rows) else 0)
        if out[-1] and sum(r.units for r in out[-1]) + need > room:
            out.append([])
            room = capacity
            if row.item is not None and heading is not None:
                out[-1].append(Row(f"{heading.text} (fortsat)", heading.source))
        if row.item is None:
            heading = row
        out[-1].append(row)
    return out


def plan_recommendations(content: SlideContent, step) -> list[SlideContent]:
    """The rows of the slide, further slides for what does not fit, and the notes on the items in the notes."""
    spec = content.spec
    rows = recommendation_rows(spec)
    shared = pages(rows, (BODY if spec.lead else BODY_NO_LEAD).height / MIN_UNIT, BODY_NO_LEAD.height / MIN_UNIT)
    # One row height on every page: the last page's few rows drawn at the largest height stood out (a badge three
    # times as tall as on the page before).
    heights = [(BODY if spec.lead and number == 0 else BODY_NO_LEAD).height for number in range(len(shared))]
    unit = min(min(height / sum(r.units for r in page), MAX_UNIT) for height, page in zip(heights, shared))
    more = []
    for page_number, page in enumerate(shared):
        if page_number == 0:
            page_content = content
        else:
            page_content = SlideContent(content.kind, spec.model_copy(update={"title": f"{spec.title} (fortsat)", "lead": None,
                                                                              "minutes": None, "notes": None}),
                                        content.location, section=content.section, section_index=content.section_index,
                                        example=content.example, locate=content.locate, footer=content.footer)
            more.append(page_content)
        page_content.extra["rows"] = page
        page_content.extra["unit"] = unit
        remarks = [f"• {row.number}. {row.text}: {row.item.note}" for row in page if row.item is not None and row.item.note]
        if remarks:
            block = "Bemærkninger til anbefalingerne:\n" + "\n".join(remarks)
            page_content.notes = f"{page_content.notes.strip()}\n\n{block}" if page_content.notes.strip() else block
    return more


def recommendations_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, spec.lead)
    rows = content.extra["rows"]
    unit = min(body.height / sum(r.units for r in rows), MAX_UNIT, content.extra.get("unit", MAX_UNIT))
    top = body.top
    for row in rows:
        height = row.units * unit
        if row.item is None:
            add_text(slide, Box(MARGIN, top, CONTENT_W, height - 0.04), [row.text], ctx, size=17, min_size=13, bold=True,
                     color=theme.colors.accent, anchor=MIDDLE, name="Område", where="anbefalinger", source=row.source)
            top += height
            continue
        i, item = row.number, row.item
        text_h = ITEM * unit
        add_text(slide, Box(MARGIN, top, 0.5, text_h - 0.06), [f"{i}."], ctx, size=18, bold=True, color=theme.colors.accent,
                 anchor=MIDDLE, name=f"Nummer {i}")
        add_text(slide, Box(MARGIN + 0.55, top, CONTENT_W - 3.0, text_h - 0.06), [row.text], ctx, size=19, min_size=14,
                 anchor=MIDDLE, name=f"Anbefaling {i}", where="anbefalinger", source=row.source + ("text",))
        if item.note:
            add_text(slide, Box(MARGIN + 0.55, top + text_h - 0.1, CONTENT_W - 3.0, NOTE * unit), [item.note], ctx,
                     size=14, min_size=11, color=theme.colors.muted, name=f"Bemærkning {i}", where="anbefalinger",
                     source=row.source + ("note",))
        add_rect(slide, Box(SLIDE_W - MARGIN - 2.3, top + 0.06, 2.3, text_h - 0.16), STATUS_COLORS[item.status],
                 "roundRect", name=f"Status {i}", label=ooxml.Run(STATUS_MARKS[item.status], 15, "#FFFFFF", theme.fonts.body,
                                                                  bold=True))
        add_rect(slide, Box(MARGIN, top + height - 0.02, CONTENT_W, 0.01), theme.colors.grid)
        top += height
    add_footer(slide, content, ctx)


KIND = SlideKind("anbefalinger", recommendations_slide, RecommendationsSlide, plan=plan_recommendations)
