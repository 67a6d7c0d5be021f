"""Slide builders, one per slide kind, registered in deck.SLIDE_BUILDERS."""

from __future__ import annotations

from briefing.danish import fmt
from briefing.deck import ooxml
from briefing.deck.assemble import (
    LEFT,
    MIDDLE,
    RIGHT,
    DeckContext,
    Line,
    SlideContent,
    add_chart,
    add_footer,
    add_logo,
    add_rect,
    add_slide_number,
    add_subtitle,
    add_table,
    add_text,
    content_frame,
    full_background,
    on_colour,
    set_title,
    slide_kind,
)
from briefing.danish.typeset import fit_text
from briefing.deck.layout import CONTENT_W, MARGIN, SLIDE_W, Box
from briefing.facts.timing import minutes_text

# ---------------------------------------------------------------- title, divider, closing

@slide_kind("titel")
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


@slide_kind("afsnit")
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


@slide_kind("afslutning")
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


# ---------------------------------------------------------------- agenda

@slide_kind("dagsorden")
def agenda_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme = ctx.theme
    body = content_frame(slide, content, ctx, content.spec.title, None)
    rows = content.extra["agenda"]
    row_h = min(0.85, body.height / max(len(rows), 1))
    # One size for the labels (Del 1, Afrunding ...): the largest at which every one fits its column.
    label_size = min((fit_text([label], 1.5 - 0.04, row_h - 0.09, 20, 14, bold=True).size for label, *_ in rows),
                     default=20)
    for i, (label, title, minutes, clock) in enumerate(rows):
        top = body.top + i * row_h
        add_rect(slide, Box(MARGIN, top + row_h - 0.03, CONTENT_W, 0.015), theme.colors.grid)
        add_text(slide, Box(MARGIN, top, 1.5, row_h - 0.05), [label], ctx, size=label_size, color=theme.colors.accent, bold=True,
                 anchor=MIDDLE, name=f"Punkt {i + 1}")
        add_text(slide, Box(MARGIN + 1.6, top, CONTENT_W - 5.0, row_h - 0.05), [title], ctx, size=22, anchor=MIDDLE,
                 name=f"Emne {i + 1}", where="dagsorden")
        when = "  ·  ".join(t for t in (minutes_text(minutes) if minutes else "", clock or "") if t)
        add_text(slide, Box(SLIDE_W - MARGIN - 3.3, top, 3.3, row_h - 0.05), [when], ctx, size=18, color=theme.colors.muted,
                 align=RIGHT, anchor=MIDDLE, name=f"Tid {i + 1}")
    add_footer(slide, content, ctx)


# ---------------------------------------------------------------- text slides

@slide_kind("punkter")
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


@slide_kind("drøftelse")
def discussion_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    theme, spec = ctx.theme, content.spec
    body = content_frame(slide, content, ctx, spec.title, None)
    add_rect(slide, Box(MARGIN, body.top, 1.4, 1.4), theme.colors.accent, "ellipse", name="Spørgsmålstegn",
             label=ooxml.Run("?", 60, theme.colors.accent_text, theme.fonts.heading, bold=True))
    questions = [f"{i}. {q}" for i, q in enumerate(spec.questions, start=1)]
    add_text(slide, Box(MARGIN + 2.0, body.top, CONTENT_W - 2.0, body.height), questions, ctx, size=26, min_size=18,
             space_after=18, name="Spørgsmål", where="drøftelse", source=("questions",))
    add_footer(slide, content, ctx)


STATUS_COLORS = {"gennemført": "#2F7F5F", "igangsat": "#00557F", "løbende": "#6B4C9A", "ikke startet": "#55606E"}
STATUS_MARKS = {"gennemført": "✓ Gennemført", "igangsat": "▶ Igangsat", "løbende": "↻ Løbende", "ikke startet": "○ Ikke startet"}


@slide_kind("anbefalinger")
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


# ---------------------------------------------------------------- chart and table

@slide_kind("diagram")
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


@slide_kind("bilag")
def appendix_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    _data_table(slide, content, ctx, content.extra["title"])


@slide_kind("tabel")
def table_slide(slide, content: SlideContent, ctx: DeckContext) -> None:
    _data_table(slide, content, ctx, content.spec.title)


def _data_table(slide, content: SlideContent, ctx: DeckContext, title: str) -> None:
    theme = ctx.theme
    body = content_frame(slide, content, ctx, title, content.extra.get("lead"))
    header, rows, numeric = content.extra["header"], content.extra["rows"], content.extra["numeric"]
    points = content.extra.get("points") or []  # sentences besides the lead: under the table
    space = body.height - (POINTS_H + 0.1 if points else 0)
    widths = _column_widths(body.width, numeric)
    size, heights = _fit_table(header, rows, widths, space, theme.sizes.minimum)
    if sum(heights) > space:
        ctx.warn(f"tabellen på sliden '{title}' er for lang; vælg færre rækker med 'where' eller færre kolonner med 'columns'")
    colors, font = theme.colors, theme.fonts.body
    align = [RIGHT if n else LEFT for n in numeric]
    cells = [[_cell(text, size, colors.accent_text, colors.table_header, font, align[j], bold=True)
              for j, text in enumerate(header)]]
    for i, row in enumerate(rows, start=1):
        fill = colors.table_stripe if i % 2 == 0 else colors.background
        cells.append([_cell(text, size, colors.text, fill, font, align[j]) for j, text in enumerate(row)])
    add_table(slide, "Tabel", body, widths, heights, cells)
    if points:
        top = body.top + min(sum(heights), space) + 0.1
        add_text(slide, Box(body.left, top, body.width, POINTS_H), points, ctx, size=theme.sizes.body - 2, min_size=14,
                 bullets=True, name="Pointer", where="sætninger under tabellen", source=("narrative",))
    add_footer(slide, content, ctx)


POINTS_H = 0.75  # room for one or two sentences under a table


def _column_widths(total: float, numeric: list[bool]) -> list[float]:
    """Text columns share 42 % of the width (60 % when there is one number column), numbers the rest."""
    n_label = sum(1 for n in numeric if not n)
    n_number = len(numeric) - n_label
    label_share = 0.42 if n_number > 1 else 0.6
    if not n_label or not n_number:
        return [total / len(numeric)] * len(numeric)
    return [total * (label_share / n_label if not n else (1 - label_share) / n_number) for n in numeric]


def _fit_table(header: list[str], rows: list[list[str]], widths: list[float], height: float, minimum: float):
    """Largest font (20 pt down to the minimum) at which every row, wrapped, fits the height and no word is wider
    than its column (it would be split mid-word, '(pct.' over ')'); row heights in inches."""
    from briefing.danish.typeset import text_width_pt, wrap_lines

    size = 20.0
    while True:
        heights = []
        for k, row in enumerate([header] + rows):
            lines = max(len(wrap_lines(text, (w - 0.18) * 72, size, bold=k == 0)) for text, w in zip(row, widths))
            heights.append((lines * size * 1.2 + 8) / 72)
        words_fit = all(text_width_pt(word, size, bold=k == 0) <= (w - 0.18) * 72
                        for k, row in enumerate([header] + rows) for text, w in zip(row, widths) for word in text.split(" "))
        if (sum(heights) <= height and words_fit) or size <= minimum:
            return size, heights
        size -= 1


CELL_MARGINS = (0.08, 0.08, 0.02, 0.02)  # left, right, top, bottom (inches)


def _cell(text: str, size: float, color: str, fill: str, font: str, align: str, bold: bool = False) -> ooxml.Cell:
    return ooxml.Cell((ooxml.paragraph([ooxml.Run(text, size, color, font, bold)], align),), fill, CELL_MARGINS)


@slide_kind("beslutninger")
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
        panel = Box(left, body.top, body.width - width, body.height)
        add_rect(slide, panel, theme.colors.table_stripe, name="Håndtag, baggrund")
        add_text(slide, Box(left + 0.25, body.top + 0.15, panel.width - 0.5, 0.5), ["Håndtag i scenarierne"], ctx,
                 size=20, bold=True, color=theme.colors.accent, name="Håndtag, overskrift")
        lines = []
        for lever, options in levers:
            lines.append(Line(lever, bold=True))
            lines.append(Line(" · ".join(options)))
        add_text(slide, Box(left + 0.25, body.top + 0.75, panel.width - 0.5, body.height - 0.9), lines, ctx,
                 size=18, min_size=13, space_after=6, name="Håndtag", where="håndtag")
    add_footer(slide, content, ctx)
