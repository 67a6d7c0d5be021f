"""Assemble stage: the presentation (the municipality's template or our 16:9 one), every slide drawn by its kind's
layout (briefing/kinds/, with the helpers in deck/draw.py), speaker notes, and the zipped .pptx bytes."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping

from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Inches

from briefing.deck import ooxml
from briefing.deck.package import finish_package
from briefing.deck.layout import (
    SLIDE_H,
    SLIDE_W,
)
from briefing.spec.kind import SlideKind
from briefing.spec.models import ThemeSpec
from briefing.deck.draw import DeckContext, SlideContent, place_charts, remove_empty_placeholders

LAYOUT_TITLE = 0
LAYOUT_TITLE_ONLY = 5


# ---------------------------------------------------------------- presentation

def new_presentation(theme: ThemeSpec, template: bytes | None = None):
    """The municipality's template, or a 16:9 presentation whose master and layouts are stretched to the wide
    format and use the theme fonts."""
    if template is not None:
        from briefing.load.template import open_presentation

        return open_presentation(template)
    prs = Presentation()
    old_width = prs.slide_width
    prs.slide_width = Inches(SLIDE_W)
    prs.slide_height = Inches(SLIDE_H)
    factor = prs.slide_width / old_width
    # Only positions a master or layout states itself: a layout placeholder without one inherits the
    # master's, which is stretched already (stretching the inherited value too would push it off the slide).
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for transform in owner._element.iter(qn("a:xfrm")):
            offset, extent = transform.find(qn("a:off")), transform.find(qn("a:ext"))
            if offset is not None and extent is not None:
                offset.set("x", str(int(int(offset.get("x")) * factor)))
                extent.set("cx", str(int(int(extent.get("cx")) * factor)))
    _set_theme_fonts(prs, theme)
    return prs


def _set_theme_fonts(prs, theme: ThemeSpec) -> None:
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    part = prs.slide_master.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    for element, font in (("majorFont", theme.fonts.heading), ("minorFont", theme.fonts.body)):  # escaped, never spliced raw
        xml = re.sub(rf'(<a:{element}>\s*<a:latin typeface=")[^"]*', lambda m, f=font: m.group(1) + ooxml.xml_attr(f), xml)
    part._blob = xml.encode("utf-8")


def set_language(prs, lang: str = "da-DK") -> None:
    """Mark the default text language as Danish, so spell checking and screen readers use Danish."""
    for owner in [prs.slide_master]:
        for element in owner._element.iter(qn("a:defRPr")):
            element.set("lang", lang)


def _layout(prs, role: str, ctx: DeckContext):
    """The layout a slide of this role (title, section, content) is drawn on."""
    if ctx.template is not None:
        from briefing.load.template import layout_for

        return layout_for(prs, ctx.layouts, role)
    return prs.slide_layouts[LAYOUT_TITLE if role == "title" else LAYOUT_TITLE_ONLY]


def set_notes(slide, text: str, ctx: DeckContext) -> None:
    """Speaker notes on a notes page of the notes master's shapes: cloned from the master once, copied for the
    other slides (the same XML as python-pptx makes, without its walks over the whole package)."""
    from pptx.opc.constants import CONTENT_TYPE as CT
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml.slide import CT_NotesSlide
    from pptx.parts.slide import NotesSlidePart

    from briefing.danish.typeset import prose

    text = prose(text.strip())  # typeset as the slides are: 'pct.', a true minus, no-break spaces
    if not text:
        return
    part = slide.part
    master = part.package.presentation_part.notes_master_part
    notes = NotesSlidePart(ctx.names.next("/ppt/notesSlides/notesSlide%d.xml"), CT.PML_NOTES_SLIDE, part.package,
                           CT_NotesSlide.new())
    notes.relate_to(master, RT.NOTES_MASTER)
    notes.relate_to(part, RT.SLIDE)
    part.relate_to(notes, RT.NOTES_SLIDE)
    c_sld = notes._element.find(qn("p:cSld"))
    if ctx.notes_tree is None:
        notes.notes_slide.clone_master_placeholders(master.notes_master)
        ctx.notes_tree = copy.deepcopy(c_sld.find(qn("p:spTree")))
    else:
        c_sld.replace(c_sld.find(qn("p:spTree")), copy.deepcopy(ctx.notes_tree))
    for shape in c_sld.find(qn("p:spTree")).iter(qn("p:sp")):
        placeholder = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if placeholder is not None and placeholder.get("type") == "body":
            body = shape.find(qn("p:txBody"))
            for old in body.findall(qn("a:p")):
                body.remove(old)
            body.extend(parse_xml(f"<p:txBody {ooxml.NAMESPACES}>{ooxml.notes_paragraphs(text)}</p:txBody>"))
            return


def notes_style(text: str, ctx: DeckContext) -> None:
    """The layout audit of the notes an author wrote: '%' in running text, a hyphen used as a minus (the deck's
    notes are typeset right whatever; the warning is so the YAML file reads the same)."""
    from briefing.danish.typeset import prose_problems

    for what, written, right in prose_problems(text):
        if what == "pct.":
            ctx.warn(f"noterne skriver '{written}'; i løbende tekst skrives '{right}'", ("notes",))
        else:
            ctx.warn(f"noterne bruger bindestreg som minus i '{written}'; skriv '{right}' med et rigtigt minus, eller "
                     f"sig det med ord (fx 'faldet med {written[1:]}')", ("notes",))


class PartNames:
    """Free part names, from one walk over the package instead of python-pptx's walk for every new part."""

    def __init__(self, package):
        self._used = {str(part.partname) for part in package.iter_parts()}

    def next(self, template: str):
        from pptx.opc.packuri import PackURI

        number = 1
        while template % number in self._used:
            number += 1
        self._used.add(template % number)
        return PackURI(template % number)


# ---------------------------------------------------------------- assemble

def assemble_deck(contents: list[SlideContent], ctx: DeckContext, metadata: dict, kinds: Mapping[str, SlideKind]) -> bytes:
    """Draw every slide with its kind's layout and return the .pptx bytes."""
    prs = new_presentation(ctx.theme, ctx.template)
    ctx.names = PartNames(prs.part.package)
    for number, content in enumerate(contents, start=1):
        kind = kinds[content.kind]
        layout = _layout(prs, kind.role, ctx)
        slide = prs.slides.add_slide(layout)
        slide.shapes.turbo_add_enabled = True  # count shape ids instead of searching the slide for each new shape
        ctx.current, ctx.locate, ctx.number = content.location, content.locate, number
        kind.layout(slide, content, ctx)
        remove_empty_placeholders(slide)
        notes_style(getattr(content.spec, "notes", None) or "", ctx)
        set_notes(slide, content.notes, ctx)
    place_charts(ctx)
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
    finish_package(prs)  # truthful app.xml, no template thumbnail (deck/package.py)
    return package_bytes(prs)


def package_bytes(prs) -> bytes:
    """The .pptx bytes, zipped once with fixed timestamps (write.reproducible_zip) in python-pptx's part order."""
    from pptx.opc.serialized import PackageWriter

    from briefing.files import reproducible_zip

    package = prs.part.package
    with reproducible_zip() as archive:
        writer = PackageWriter(None, package._rels, tuple(package.iter_parts()))
        # PackageWriter's steps with our zip as the physical writer: python-pptx's own zips with the clock's time.
        writer._write_content_types_stream(archive)
        writer._write_pkg_rels(archive)
        writer._write_parts(archive)
    return archive.data
