"""The helpers every slide kind draws with: titles, text boxes with fitted sizes, rectangles, tables, pictures,
footers with source and slide number; and what a slide is drawn from (SlideContent) and into (DeckContext)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Inches

from briefing.charts.labels import LABELS_LEFT_OUT, NAMES_LEFT_OUT, NOTE_KEY
from briefing.deck import ooxml
from briefing.errors import Location, Problem, field_name
from briefing.danish.typeset import fit_text
from briefing.deck.layout import (
    BADGE,
    BODY,
    BODY_NO_LEAD,
    FOOTER,
    LEAD,
    MARGIN,
    NUMBER,
    TITLE,
    Box,
)
from briefing.spec.models import ThemeSpec

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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
    locate: Callable[[tuple], Location] | None = None  # where a field of the slide's spec is in its file


@dataclass
class DeckContext:
    deck: object
    theme: ThemeSpec
    logo: object = None
    warnings: list[Problem] = field(default_factory=list)
    template: bytes | None = None
    layouts: dict = field(default_factory=dict)
    current: Location = field(default_factory=Location)  # the slide file being drawn, for located warnings
    locate: Callable[[tuple], Location] | None = None  # the place of a field in that file
    number: int = 0  # the number of the slide being drawn
    charts: list = field(default_factory=list)  # chart pictures placed after every slide is built (add_chart)
    images: dict = field(default_factory=dict)  # image parts by SHA-1 of their bytes
    names: object = None  # PartNames of the presentation being built
    notes_tree: object = None  # the first notes slide's shapes, copied for the others (see set_notes)

    def warn(self, message: str, source: tuple = ()) -> None:
        """A warning at the slide's file, at the field `source` (a path like ('items', 0, 'text')) when known."""
        if source and self.locate is not None:
            self.warnings.append(Problem(message, self.locate(source), field_name(source), severity="advarsel"))
        else:
            self.warnings.append(Problem(message, self.current, severity="advarsel"))


# ---------------------------------------------------------------- primitives

# Alignment and anchoring as DrawingML writes them.
LEFT, CENTER, RIGHT = "l", "ctr", "r"
TOP, MIDDLE, BOTTOM = "t", "ctr", "b"


@dataclass(frozen=True)
class Line:
    """A paragraph of a text box that differs from the rest: a sub-point (level 1) or a bold line."""

    text: str
    level: int = 0
    bold: bool | None = None


def rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#"))


def _new_id(slide) -> int:
    """The next free shape id; assemble_deck turns on python-pptx's counting, so this is not a search."""
    return slide.shapes._next_shape_id


def _append(slide, xml: str):
    """Parse one shape written by ooxml and put it on top of the slide's shapes."""
    element = parse_xml(xml)
    slide.shapes._spTree.insert_element_before(element, "p:extLst")
    return element


def _bullet(size: float, level: int = 0) -> ooxml.Bullet:
    """A hanging bullet sized to the text; sub-points are indented further and get a dash."""
    hang = int(ooxml.points(size) * 1.1)
    return ooxml.Bullet(hang + level * ooxml.emu(0.4), hang, "–" if level else "•")


def add_text(slide, box: Box, paragraphs: Sequence[str | Line], ctx: DeckContext, *, size: float,
             min_size: float | None = None, color: str | None = None, bold: bool = False, align: str = LEFT,
             anchor: str = TOP, bullets: bool = False, space_after: float = 0, where: str = "", name: str | None = None,
             source: tuple = ()):
    """A text box whose font size is the largest (<= size) at which the text fits; warns if it cannot, at the
    spec field `source` the text comes from (else at the slide's file)."""
    theme = ctx.theme
    min_size = min_size or theme.sizes.minimum
    lines = [p if isinstance(p, Line) else Line(p) for p in paragraphs]
    indent = (size * 1.1 / 72) if bullets else 0
    fit = fit_text([line.text for line in lines], box.width - 0.04, box.height - 0.04, size, min_size, bold,
                   space_after, indent, font=theme.fonts.body)
    if not fit.words_fit:
        ctx.warn(f"et ord eller et tal med enhed er bredere end sin plads{(' (' + where + ')') if where else ''} og "
                 "ville blive delt midt i; forkort det", source)
    elif not fit.fits:
        ctx.warn(f"teksten er for lang til sin plads{(' (' + where + ')') if where else ''}; forkort den", source)
    color = color or theme.colors.text
    xml = [ooxml.paragraph([ooxml.Run(line.text, fit.size, color, theme.fonts.body, bold if line.bold is None else line.bold)],
                           align, space_after, _bullet(fit.size, line.level) if bullets else None) for line in lines]
    return _append(slide, ooxml.text_box(_new_id(slide), name, box, xml, anchor))


def add_rect(slide, box: Box, color: str, geometry: str = "rect", name: str | None = None,
             label: ooxml.Run | None = None):
    """A filled shape without outline or shadow (rect, roundRect, ellipse), optionally with a centred label."""
    text = [ooxml.paragraph([label], CENTER)] if label else []
    return _append(slide, ooxml.filled_shape(_new_id(slide), name, box, geometry, color, text))


def add_table(slide, name: str, box: Box, widths: Sequence[float], heights: Sequence[float],
              rows: Sequence[Sequence[ooxml.Cell]]):
    return _append(slide, ooxml.table(_new_id(slide), name, box.left, box.top, widths, heights, rows))


def _fill_placeholder(placeholder, box: Box, paragraph: str, anchor: str) -> None:
    """Move a title or subtitle placeholder to `box` and give it one paragraph of fitted text."""
    placeholder.left, placeholder.top, placeholder.width, placeholder.height = (
        Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    element = placeholder._element
    body = parse_xml(f"<p:sp {ooxml.NAMESPACES}>{ooxml.text_body([paragraph], anchor)}</p:sp>")[0]
    old = element.find(qn("p:txBody"))
    if old is None:
        element.append(body)
    else:
        element.replace(old, body)


def set_title(slide, text: str, ctx: DeckContext, box: Box = TITLE, *, color: str | None = None, size: float | None = None,
              min_size: float = 22, source: tuple = ("title",)):
    """Fill the slide's real title placeholder (outline view and screen readers read it) at a fitted size."""
    theme = ctx.theme
    size = size or theme.sizes.title
    fit = fit_text([text], box.width - 0.1, box.height - 0.05, size, min_size, bold=True, font=theme.fonts.heading)
    if not fit.fits:
        ctx.warn(f"titlen '{text[:40]}…' er for lang; forkort den", source)
    run = ooxml.Run(text, fit.size, color or theme.colors.accent, theme.fonts.heading, bold=True)
    _fill_placeholder(slide.shapes.title, box, ooxml.paragraph([run]), BOTTOM if box is TITLE else MIDDLE)


def add_subtitle(slide, text: str, box: Box, color: str, ctx: DeckContext) -> None:
    """The subtitle in the layout's subtitle placeholder when it has one (outline view reads it), else a text box."""
    from pptx.enum.shapes import PP_PLACEHOLDER

    placeholder = next((p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE), None)
    if placeholder is None:
        add_text(slide, box, [text], ctx, size=24, color=color, name="Undertitel")
        return
    _fill_placeholder(placeholder, box, ooxml.paragraph([ooxml.Run(text, 24, color, ctx.theme.fonts.body)]), TOP)


def remove_empty_placeholders(slide) -> None:
    """Placeholders the slide did not use would show 'Klik for at tilføje tekst' while editing: remove them."""
    tree = slide.shapes._spTree
    for shape in tree.findall(qn("p:sp")):
        if shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}") is not None and \
                not "".join(shape.itertext()).strip():
            tree.remove(shape)


def chart_png(content: SlideContent, name: str = "main") -> bytes:
    """A chart's PNG; one that a worker process is still drawing is waited for here."""
    png = content.charts[name]
    return png if isinstance(png, bytes) else png.result()


def add_chart(slide, content: SlideContent, box: Box, alt_text: str, ctx: DeckContext, name: str = "Diagram") -> None:
    """Reserve the chart's place in the slide's reading order; its picture is put there once every slide is
    built (place_charts), so the deck is assembled while worker processes still draw. Always so, cached or
    not, so the deck's bytes never depend on which chart was ready first."""
    marker = etree.Comment(name)
    slide.shapes._spTree.insert_element_before(marker, "p:extLst")
    ctx.charts.append((slide, marker, content, box, alt_text, name))


def place_charts(ctx: DeckContext) -> None:
    if ctx.charts:
        mixed_typefaces(ctx)
    for slide, marker, content, box, alt_text, name in ctx.charts:
        png = chart_png(content)
        note = left_out_note(png)
        if note:  # the layout audit: say where, so the author can shorten names or choose fewer categories
            where = content.locate(("chart",)) if content.locate is not None else content.location
            what = "tal" if " tal " in note else "navne"
            ctx.warnings.append(Problem(f"diagrammet har ikke plads til alle sine {what} ({note.strip()}); vælg færre "
                                        "kategorier eller serier, eller vis tallene i en tabel", where, "chart",
                                        severity="advarsel"))
        picture = add_picture(slide, png, box, alt_text + note, name, ctx)
        marker.getparent().replace(marker, picture)
    ctx.charts.clear()


def mixed_typefaces(ctx: DeckContext) -> None:
    """The layout audit's font check: charts drawn in another typeface than the slides' text look pasted in."""
    from briefing.charts.base import chart_family
    from briefing.danish.fonts import rendering_family, same_metrics

    fonts = ctx.theme.fonts
    chart, body = chart_family(tuple(fonts.chart)), rendering_family(fonts.body)
    if not same_metrics(chart, body) and chart != body:
        ctx.warnings.append(Problem(
            f"diagrammerne tegnes med skriften '{chart}', men teksten på slides sættes med '{fonts.body}'; sæt "
            f"fonts.chart i temaet til '{fonts.body}', så hele præsentationen har én skrifttype",
            severity="advarsel"))


def chart_notes(png: bytes) -> list[str]:
    """What a chart left out (charts.labels writes it into the PNG as tEXt chunks before the pixels)."""
    import struct

    notes, at = [], len(PNG_SIGNATURE)
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            break
        if kind == b"tEXt":
            key, _, text = png[at + 8:at + 8 + length].partition(b"\0")
            if key == NOTE_KEY.encode("latin-1"):
                notes.append(text.decode("latin-1"))
        at += 12 + length
    return notes


def left_out_note(png: bytes) -> str:
    """A sentence for the alt text when the chart had to leave value labels out, so a listener knows."""
    text = ""
    for note in chart_notes(png):
        key, _, counts = note.partition("=")
        if key in (LABELS_LEFT_OUT, NAMES_LEFT_OUT):
            dropped, total = (int(n) for n in counts.split("/"))
            what = "tal" if key == LABELS_LEFT_OUT else "navne"
            text += f" Af pladshensyn er {dropped} af {total} {what} ikke skrevet på diagrammet."
    return text


def add_picture(slide, blob: bytes, box: Box, alt_text: str, name: str, ctx: DeckContext):
    """A PNG or JPEG picture stretched to `box`; equal pictures share one image part, as python-pptx does
    (without its walks over the whole package for every picture)."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.parts.image import ImagePart

    digest = hashlib.sha1(blob).hexdigest()
    image = ctx.images.get(digest)
    if image is None:
        if blob.startswith(PNG_SIGNATURE):  # every chart: no need to read the picture to know its type
            extension, content_type = "png", "image/png"
        else:  # a logo: its type from its contents, whatever its file is called
            from pptx.parts.image import Image

            found = Image.from_blob(blob)
            extension, content_type = found.ext, found.content_type
        partname = ctx.names.next(f"/ppt/media/image%d.{extension}")
        image = ImagePart(partname, content_type, slide.part.package, blob)
        ctx.images[digest] = image
    r_id = slide.part.relate_to(image, RT.IMAGE)
    return _append(slide, ooxml.picture(_new_id(slide), name, alt_text, r_id, box))


def add_slide_number(slide, ctx: DeckContext, color: str | None = None) -> None:
    """Slide number as a real field, so it stays right if slides are moved in PowerPoint."""
    run = ooxml.Run("", ctx.theme.sizes.small, color or ctx.theme.colors.muted, ctx.theme.fonts.body)
    _append(slide, ooxml.text_box(_new_id(slide), "Slidenummer", NUMBER,
                                  [ooxml.slide_number_paragraph(ctx.number, run)], MIDDLE))


def add_footer(slide, content: SlideContent, ctx: DeckContext) -> None:
    parts = [p for p in (content.footer, ctx.theme.footer) if p]
    if parts:
        add_text(slide, FOOTER, ["  ·  ".join(parts)], ctx, size=ctx.theme.sizes.small, color=ctx.theme.colors.muted,
                 anchor=MIDDLE, name="Kilde", where="sidefod", source=("source",) if content.footer else ())
    add_slide_number(slide, ctx)


def add_example_badge(slide, ctx: DeckContext) -> None:
    add_rect(slide, BADGE, ctx.theme.colors.example, "roundRect", name="Eksempeldata",
             label=ooxml.Run("Eksempeldata", 14, "#FFFFFF", ctx.theme.fonts.body, bold=True))


def add_logo(slide, ctx: DeckContext, box: Box) -> None:
    """The theme's logo at the box's height, as wide as its proportions make it."""
    if ctx.logo is None:
        return
    from pptx.parts.image import Image

    blob = ctx.logo.read_bytes()
    width, height = Image.from_blob(blob).size
    add_picture(slide, blob, Box(box.left, box.top, box.height * width / height, box.height), "Logo", "Logo", ctx)


def on_colour(ctx: DeckContext) -> str:
    """Text colour on title, section and closing slides: white on our accent, the text colour on a template."""
    return ctx.theme.colors.text if ctx.template is not None else ctx.theme.colors.accent_text


def content_frame(slide, content: SlideContent, ctx: DeckContext, title: str, lead: str | None) -> Box:
    """Title, optional lead line, example badge; returns the box left for the body."""
    set_title(slide, title, ctx)
    add_rect(slide, Box(MARGIN, TITLE.bottom + 0.05, 0.9, 0.06), ctx.theme.colors.accent, name="Streg")
    if content.example:
        add_example_badge(slide, ctx)
    if lead:
        source = ("lead",) if lead == getattr(content.spec, "lead", None) else ("narrative",)
        add_text(slide, LEAD, [lead], ctx, size=ctx.theme.sizes.lead, min_size=16, where="lead", name="Budskab",
                 source=source)
        return BODY
    return BODY_NO_LEAD


def full_background(slide, color: str, ctx: DeckContext | None = None) -> None:
    """A coloured slide; with a municipal template its own layout background is kept instead."""
    if ctx is not None and ctx.template is not None:
        return
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = rgb(color)
