"""Assemble stage: the only module that talks to python-pptx.

Each slide kind has a builder in SLIDE_BUILDERS; all share the helpers here for
titles, text boxes with fitted sizes, footers with source and slide number, and notes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from .errors import Location, Problem
from .fit import fit_text
from .layout import BADGE, BODY, BODY_NO_LEAD, FOOTER, LEAD, MARGIN, NUMBER, SLIDE_H, SLIDE_W, TITLE, Box
from .spec import ThemeSpec

LAYOUT_TITLE = 0
LAYOUT_TITLE_ONLY = 5


@dataclass
class SlideContent:
    """What the assembler needs for one slide, computed by the earlier stages."""

    kind: str
    spec: object
    location: Location
    number: int = 0
    section: object = None
    section_index: int = 0
    charts: dict[str, bytes] = field(default_factory=dict)
    chart_data: object = None
    table: object = None
    footer: str = ""
    notes: str = ""
    example: bool = False
    extra: dict = field(default_factory=dict)


@dataclass
class DeckContext:
    deck: object
    theme: ThemeSpec
    logo: object = None
    warnings: list[Problem] = field(default_factory=list)
    template: bytes | None = None
    layouts: dict = field(default_factory=dict)
    current: Location = field(default_factory=Location)  # the slide file being drawn, for located warnings

    def warn(self, message: str) -> None:
        self.warnings.append(Problem(message, self.current, severity="advarsel"))


SlideBuilder = Callable[[object, SlideContent, DeckContext], None]
SLIDE_BUILDERS: dict[str, SlideBuilder] = {}


def slide_kind(name: str) -> Callable[[SlideBuilder], SlideBuilder]:
    def register(builder: SlideBuilder) -> SlideBuilder:
        SLIDE_BUILDERS[name] = builder
        return builder
    return register


# ---------------------------------------------------------------- presentation

def new_presentation(theme: ThemeSpec, template: bytes | None = None):
    """The municipality's template, or a 16:9 presentation whose master and layouts are stretched to the wide
    format and use the theme fonts."""
    if template is not None:
        from .template import open_presentation

        return open_presentation(template)
    prs = Presentation()
    old_width = prs.slide_width
    prs.slide_width = Inches(SLIDE_W)
    prs.slide_height = Inches(SLIDE_H)
    factor = prs.slide_width / old_width
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in owner.shapes:
            if shape.left is not None and shape.width is not None:
                shape.left = Emu(int(shape.left * factor))
                shape.width = Emu(int(shape.width * factor))
    _set_theme_fonts(prs, theme)
    return prs


def _set_theme_fonts(prs, theme: ThemeSpec) -> None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    xml = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*', rf"\g<1>{theme.fonts.heading}", xml)
    xml = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*', rf"\g<1>{theme.fonts.body}", xml)
    part._blob = xml.encode("utf-8")


def set_language(prs, lang: str = "da-DK") -> None:
    """Mark the default text language as Danish, so spell checking and screen readers use Danish."""
    for owner in [prs.slide_master]:
        for element in owner._element.iter(qn("a:defRPr")):
            element.set("lang", lang)


# ---------------------------------------------------------------- primitives

def rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _box(slide, box: Box):
    return slide.shapes.add_textbox(Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))


def _prepare(frame, anchor=MSO_ANCHOR.TOP) -> None:
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.02)
    frame.margin_top = frame.margin_bottom = Inches(0.02)


def _run(paragraph, text: str, size: float, color: str, font: str, bold: bool = False):
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = rgb(color)
    run.font._rPr.set("lang", "da-DK")
    return run


def _bullet(paragraph, char: str = "•", level: int = 0, size: float = 20) -> None:
    """Give a text-box paragraph a hanging bullet (text boxes have none by default)."""
    indent = int(Pt(size) * 1.1) + level * Inches(0.35)
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-int(Pt(size) * 1.1)))
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    bu = p_pr.makeelement(qn("a:buChar"), {"char": char})
    p_pr.append(bu)


def add_text(slide, box: Box, paragraphs: Sequence[str], ctx: DeckContext, *, size: float, min_size: float | None = None,
             color: str | None = None, bold: bool = False, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP,
             bullets: bool = False, space_after: float = 0, where: str = "", name: str | None = None):
    """A text box whose font size is the largest (<= size) at which the text fits; warns if it cannot."""
    theme = ctx.theme
    min_size = min_size or theme.sizes.minimum
    indent = (size * 1.1 / 72) if bullets else 0
    fit = fit_text(list(paragraphs), box.width - 0.04, box.height - 0.04, size, min_size, bold, space_after, indent)
    if not fit.fits:
        ctx.warn(f"teksten er for lang til sin plads{(' (' + where + ')') if where else ''}; forkort den")
    shape = _box(slide, box)
    if name:
        shape.name = name
    frame = shape.text_frame
    _prepare(frame, anchor)
    for i, text in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if space_after:
            paragraph.space_after = Pt(space_after)
        if bullets:
            _bullet(paragraph, size=fit.size)
        _run(paragraph, text, fit.size, color or theme.colors.text, theme.fonts.body, bold)
    return shape


def add_rect(slide, box: Box, color: str, shape_type=MSO_SHAPE.RECTANGLE, name: str | None = None):
    shape = slide.shapes.add_shape(shape_type, Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(color)
    shape.line.fill.background()
    shape.shadow.inherit = False
    if name:
        shape.name = name
    return shape


def set_title(slide, text: str, ctx: DeckContext, box: Box = TITLE, *, color: str | None = None, size: float | None = None,
              min_size: float = 22):
    """Fill the slide's real title placeholder (outline view and screen readers read it) at a fitted size."""
    theme = ctx.theme
    size = size or theme.sizes.title
    fit = fit_text([text], box.width - 0.1, box.height - 0.05, size, min_size, bold=True)
    if not fit.fits:
        ctx.warn(f"titlen '{text[:40]}…' er for lang; forkort den")
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = (Inches(v) for v in (box.left, box.top, box.width, box.height))
    frame = title.text_frame
    _prepare(frame, MSO_ANCHOR.BOTTOM if box is TITLE else MSO_ANCHOR.MIDDLE)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _run(paragraph, text, fit.size, color or theme.colors.accent, theme.fonts.heading, bold=True)
    return title


def add_subtitle(slide, text: str, box: Box, color: str, ctx: DeckContext) -> None:
    """The subtitle in the layout's subtitle placeholder when it has one (outline view reads it), else a text box."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    placeholder = next((p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if placeholder is None:
        add_text(slide, box, [text], ctx, size=24, color=color, name="Undertitel")
        return
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
        Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    frame = placeholder.text_frame
    _prepare(frame)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _run(paragraph, text, 24, color, ctx.theme.fonts.body)


def remove_empty_placeholders(slide) -> None:
    """Placeholders the slide did not use would show 'Klik for at tilføje tekst' while editing: remove them."""
    for placeholder in list(slide.placeholders):
        if placeholder.has_text_frame and not placeholder.text_frame.text.strip():
            placeholder._element.getparent().remove(placeholder._element)


def add_picture(slide, png: bytes, box: Box, alt_text: str, name: str):
    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    c_nv_pr = picture._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", alt_text)
    c_nv_pr.set("name", name)
    return picture


def add_slide_number(slide, ctx: DeckContext, color: str | None = None) -> None:
    """Slide number as a real field, so it stays right if slides are moved in PowerPoint."""
    shape = _box(slide, NUMBER)
    shape.name = "Slidenummer"
    frame = shape.text_frame
    _prepare(frame, MSO_ANCHOR.MIDDLE)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT
    run = _run(paragraph, "", ctx.theme.sizes.small, color or ctx.theme.colors.muted, ctx.theme.fonts.body)
    r = run._r
    fld = r.makeelement(qn("a:fld"), {"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})
    fld.append(r.find(qn("a:rPr")))
    text = fld.makeelement(qn("a:t"), {})
    text.text = str(slide_number(slide))
    fld.append(text)
    r.addprevious(fld)
    r.getparent().remove(r)


def slide_number(slide) -> int:
    slides = slide.part.package.presentation_part.presentation.slides
    return list(slides).index(slide) + 1


def add_footer(slide, content: SlideContent, ctx: DeckContext) -> None:
    parts = [p for p in (content.footer, ctx.theme.footer) if p]
    if parts:
        add_text(slide, FOOTER, ["  ·  ".join(parts)], ctx, size=ctx.theme.sizes.small, color=ctx.theme.colors.muted,
                 anchor=MSO_ANCHOR.MIDDLE, name="Kilde", where="sidefod")
    add_slide_number(slide, ctx)


def add_example_badge(slide, ctx: DeckContext) -> None:
    badge = add_rect(slide, BADGE, ctx.theme.colors.example, MSO_SHAPE.ROUNDED_RECTANGLE, name="Eksempeldata")
    frame = badge.text_frame
    _prepare(frame, MSO_ANCHOR.MIDDLE)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.CENTER
    _run(paragraph, "Eksempeldata", 14, "#FFFFFF", ctx.theme.fonts.body, bold=True)


def add_logo(slide, ctx: DeckContext, box: Box) -> None:
    if ctx.logo is not None:
        picture = slide.shapes.add_picture(str(ctx.logo), Inches(box.left), Inches(box.top), height=Inches(box.height))
        picture._element.nvPicPr.cNvPr.set("descr", "Logo")


def _layout(prs, kind: str, ctx: DeckContext):
    if ctx.template is not None:
        from .template import layout_for

        return layout_for(prs, ctx.layouts, kind)
    return prs.slide_layouts[LAYOUT_TITLE if kind == "titel" else LAYOUT_TITLE_ONLY]


def on_colour(ctx: DeckContext) -> str:
    """Text colour on title, section and closing slides: white on our accent, the text colour on a template."""
    return ctx.theme.colors.text if ctx.template is not None else ctx.theme.colors.accent_text


def set_notes(slide, text: str) -> None:
    if text:
        slide.notes_slide.notes_text_frame.text = text.strip()


def content_frame(slide, content: SlideContent, ctx: DeckContext, title: str, lead: str | None) -> Box:
    """Title, optional lead line, example badge; returns the box left for the body."""
    set_title(slide, title, ctx)
    add_rect(slide, Box(MARGIN, TITLE.bottom + 0.05, 0.9, 0.06), ctx.theme.colors.accent, name="Streg")
    if content.example:
        add_example_badge(slide, ctx)
    if lead:
        add_text(slide, LEAD, [lead], ctx, size=ctx.theme.sizes.lead, min_size=16, where="lead", name="Budskab")
        return BODY
    return BODY_NO_LEAD


def full_background(slide, color: str, ctx: DeckContext | None = None) -> None:
    """A coloured slide; with a municipal template its own layout background is kept instead."""
    if ctx is not None and ctx.template is not None:
        return
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = rgb(color)


# ---------------------------------------------------------------- assemble

def assemble_deck(contents: list[SlideContent], ctx: DeckContext, metadata: dict) -> bytes:
    """Build every slide with its kind's builder and return the .pptx bytes."""
    prs = new_presentation(ctx.theme, ctx.template)
    for content in contents:
        layout = _layout(prs, content.kind, ctx)
        slide = prs.slides.add_slide(layout)
        ctx.current = content.location
        SLIDE_BUILDERS[content.kind](slide, content, ctx)
        remove_empty_placeholders(slide)
        set_notes(slide, content.notes)
    set_language(prs)
    props = prs.core_properties
    props.title = metadata.get("title", "")
    props.author = metadata.get("author", "")
    props.subject = metadata.get("subject", "")
    props.language = "da-DK"
    props.last_modified_by = metadata.get("author", "")
    props.revision = 1
    if "created" in metadata:
        props.created = props.modified = metadata["created"]
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


from . import slides as _slides  # noqa: E402,F401  (registers the slide builders)
from . import slides_scenario as _slides_scenario  # noqa: E402,F401
from . import slides_kpi as _slides_kpi  # noqa: E402,F401
