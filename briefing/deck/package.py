"""The deck's own package metadata, told truthfully instead of python-pptx's template leftovers.

python-pptx starts from a template saved by PowerPoint for Mac in 4:3: its docProps/app.xml says "On-screen Show
(4:3)", 0 slides and "Microsoft Macintosh PowerPoint", core.xml says "generated using python-pptx", and the
package carries that template's blank white 4:3 thumbnail, which Explorer and SharePoint show as the preview.
Here app.xml is written from the deck itself and the thumbnail is dropped (no thumbnail is better than a wrong
one; drawing the title slide would need LibreOffice).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from briefing import __version__

APPLICATION = "briefing"
FORMATS = {(16, 9): "Widescreen", (4, 3): "On-screen Show (4:3)", (16, 10): "On-screen Show (16:10)"}
WIDESCREEN = (12192000, 6858000)  # PowerPoint's 16:9, 13,333 x 7,5 in, in EMU
EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
BOILERPLATE = ("generated using python-pptx",)


# Named slide sizes (ST_SlideSizeType) and their size: a name that does not match the size is dropped.
SIZE_TYPES = {"screen4x3": (9144000, 6858000), "screen16x9": (9144000, 5143500), "screen16x10": (9144000, 5715000)}


def finish_package(prs) -> None:
    """Write truthful app properties; drop the template's thumbnail, its python-pptx description and a slide size
    name ('screen4x3') that the size no longer has."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.oxml.ns import qn

    package = prs.part.package
    for rId, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(rId)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_xml(prs)
    for description in prs.core_properties._element.findall(qn("dc:description")):
        if (description.text or "") in BOILERPLATE + ("",):
            description.getparent().remove(description)
    size = prs.part._element.find(qn("p:sldSz"))
    named = SIZE_TYPES.get(size.get("type")) if size is not None else None
    if named is not None and named != (int(size.get("cx")), int(size.get("cy"))):
        del size.attrib["type"]


def presentation_format(width: int, height: int) -> str:
    """PowerPoint's name for the slide format, e.g. 'Widescreen' for 16:9; 'Custom' for any other."""
    for (w, h), name in FORMATS.items():
        if abs(width * h - height * w) <= max(width, height) * h // 1000:
            return name
    return "Custom"


def app_xml(prs) -> bytes:
    """docProps/app.xml for the deck as it is: this program, its slide format, slides and notes."""
    slides = list(prs.slides)
    notes = sum(1 for slide in slides if slide.has_notes_slide)
    hidden = sum(1 for slide in slides if slide._element.get("show") in ("0", "false"))
    fields = [
        ("Application", f"{APPLICATION} {__version__}"),
        ("PresentationFormat", presentation_format(prs.slide_width, prs.slide_height)),
        ("Slides", str(len(slides))),
        ("Notes", str(notes)),
        ("HiddenSlides", str(hidden)),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
    ]
    body = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in fields)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{EXTENDED_NS}" xmlns:vt="{VT_NS}">{body}</Properties>').encode("utf-8")
