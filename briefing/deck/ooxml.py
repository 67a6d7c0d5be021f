"""Slide XML written in one piece: runs, paragraphs, text boxes, shapes, tables and notes as strings.

python-pptx sets the same XML one attribute at a time through proxy objects; on the
example that made assembly the slowest stage of a rebuild (about 1 s, most of it in
the appendix tables). Here each shape is written as one string and parsed once by the
caller. The XML is the same as python-pptx writes, so PowerPoint, LibreOffice and
python-pptx read it back alike. Pure functions; no python-pptx import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefing.danish.fmt import keep_together

NAMESPACES = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
EMU_PER_INCH = 914400
EMU_PER_POINT = 12700
EMU_PER_CENTIPOINT = 127
INSET = 18288  # 0,02 in on every side of a text box: text sits where the fitter measured it
TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"  # PowerPoint's "Medium Style 2 - Accent 1"
SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
LANGUAGE = "da-DK"

# python-pptx's default names for unnamed shapes, so unnamed shapes read as before.
DEFAULT_NAMES = {"rect": "Rectangle", "roundRect": "Rounded Rectangle", "ellipse": "Oval"}

_CONTROL = re.compile("[\x00-\x08\x0B-\x1F\uFFFE\uFFFF]")  # and the two non-characters XML cannot hold
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def escape(value: str) -> str:
    """Text or attribute value: XML special characters escaped; control characters and U+FFFE/U+FFFF, which XML
    cannot hold, written as PowerPoint's `_xHHHH_` (python-pptx writes control characters the same way)."""
    value = _CONTROL.sub(lambda m: "_x%04X_" % ord(m.group()), str(value))
    return re.sub(r'[&<>"]', lambda m: _ESCAPES[m.group()], value)


def emu(inches: float) -> int:
    return int(inches * EMU_PER_INCH)


def points(size: float) -> int:
    """A length in points as EMU."""
    return int(size * EMU_PER_POINT)


def centipoints(size: float) -> int:
    """Font sizes and spacing are stored in hundredths of a point."""
    return points(size) // EMU_PER_CENTIPOINT


def color(hex_color: str) -> str:
    return hex_color.lstrip("#").upper()


@dataclass(frozen=True)
class Run:
    text: str
    size: float
    color: str
    font: str
    bold: bool = False
    period_year: bool = True  # False: the line may break between a period's name and its year (narrow headers)


@dataclass(frozen=True)
class Bullet:
    """A hanging bullet: the text starts `margin` EMU in, the bullet hangs `hang` EMU left of it."""

    margin: int
    hang: int
    char: str = "•"


def run_properties(run: Run) -> str:
    return (f'<a:rPr sz="{centipoints(run.size)}" b="{int(run.bold)}" lang="{LANGUAGE}"><a:solidFill>'
            f'<a:srgbClr val="{color(run.color)}"/></a:solidFill><a:latin typeface="{escape(run.font)}"/></a:rPr>')


def run_xml(run: Run) -> str:
    """A run of slide text, with no-break spaces and hyphens where Danish typesetting wants them (fmt)."""
    return f"<a:r>{run_properties(run)}<a:t>{escape(keep_together(run.text, period_year=run.period_year))}</a:t></a:r>"


def paragraph(runs: Iterable[Run], align: str = "l", space_after: float = 0, bullet: Bullet | None = None) -> str:
    """An `a:p` with its alignment (l, ctr, r), space after (points) and optional bullet."""
    attributes = f' algn="{align}"' + (f' marL="{bullet.margin}" indent="{-bullet.hang}"' if bullet else "")
    children = f'<a:spcAft><a:spcPts val="{centipoints(space_after)}"/></a:spcAft>' if space_after else ""
    if bullet:
        children += f'<a:buChar char="{escape(bullet.char)}"/>'
    properties = f"<a:pPr{attributes}>{children}</a:pPr>" if children else f"<a:pPr{attributes}/>"
    return f"<a:p>{properties}{''.join(run_xml(r) for r in runs)}</a:p>"


def slide_number_paragraph(number: int, run: Run, align: str = "r") -> str:
    """A paragraph holding the slide number as a field, so it stays right when slides are moved."""
    return (f'<a:p><a:pPr algn="{align}"/><a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum">{run_properties(run)}'
            f"<a:t>{number}</a:t></a:fld></a:p>")


def _insets() -> str:
    return f'lIns="{INSET}" rIns="{INSET}" tIns="{INSET}" bIns="{INSET}"'


def text_body(paragraphs: Sequence[str], anchor: str = "t", *, shape: bool = False) -> str:
    """`p:txBody` with wrapping on, no autofit (the fitter chose the size) and the fixed insets."""
    lead = 'rtlCol="0" ' if shape else ""
    return (f'<p:txBody><a:bodyPr {lead}anchor="{anchor}" wrap="square" {_insets()}><a:noAutofit/></a:bodyPr>'
            f"<a:lstStyle/>{''.join(paragraphs)}</p:txBody>")


def _transform(left: int, top: int, width: int, height: int) -> str:
    return f'<a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'


def text_box(shape_id: int, name: str | None, box, paragraphs: Sequence[str], anchor: str = "t") -> str:
    """A text box (`txBox="1"`) at `box` (inches)."""
    name = name or f"TextBox {shape_id - 1}"
    return (f'<p:sp {NAMESPACES}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{escape(name)}"/><p:cNvSpPr txBox="1"/>'
            f"<p:nvPr/></p:nvSpPr><p:spPr>{_transform(*_emu_box(box))}"
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>{text_body(paragraphs, anchor)}</p:sp>')


def picture(shape_id: int, name: str, description: str, r_id: str, box) -> str:
    """A picture of the image related as `r_id`, stretched to `box`, with its alternative text."""
    return (f'<p:pic {NAMESPACES}><p:nvPicPr><p:cNvPr id="{shape_id}" name="{escape(name)}" descr="{escape(description)}"/>'
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{_transform(*_emu_box(box))}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


_SHAPE_STYLE = ('<p:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="3">'
                '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="2"><a:schemeClr val="accent1"/>'
                '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="lt1"/></a:fontRef></p:style>')


# Office's "mark as decorative" (PowerPoint's accessibility checker and PDF/UA tagging leave such shapes out).
DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
              '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
              '</a:ext></a:extLst>')


def filled_shape(shape_id: int, name: str | None, box, geometry: str, fill: str,
                 paragraphs: Sequence[str] = (), anchor: str = "ctr") -> str:
    """A filled preset shape (rect, roundRect, ellipse) without outline or shadow, optionally holding text."""
    name = name or f"{DEFAULT_NAMES.get(geometry, 'Shape')} {shape_id - 1}"
    if paragraphs:
        body = text_body(paragraphs, anchor, shape=True)
        properties = f'<p:cNvPr id="{shape_id}" name="{escape(name)}"/>'
    else:  # a rule, bar or panel without text: decorative, so screen readers and accessibility checkers skip it
        body = '<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p><a:pPr algn="ctr"/></a:p></p:txBody>'
        properties = f'<p:cNvPr id="{shape_id}" name="{escape(name)}">{DECORATIVE}</p:cNvPr>'
    return (f'<p:sp {NAMESPACES}><p:nvSpPr>{properties}<p:cNvSpPr/><p:nvPr/>'
            f"</p:nvSpPr><p:spPr>{_transform(*_emu_box(box))}<a:prstGeom prst=\"{geometry}\"><a:avLst/></a:prstGeom>"
            f'<a:solidFill><a:srgbClr val="{color(fill)}"/></a:solidFill><a:ln><a:noFill/></a:ln><a:effectLst/>'
            f"</p:spPr>{_SHAPE_STYLE}{body}</p:sp>")


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    fill: str
    margins: tuple[float, float, float, float]  # left, right, top, bottom in inches


def table(shape_id: int, name: str, left: float, top: float, widths: Sequence[float], heights: Sequence[float],
          rows: Sequence[Sequence[Cell]]) -> str:
    """A table frame; the frame is as wide and high as its columns and rows (inches), as PowerPoint keeps it."""
    column_emu = [emu(w) for w in widths]
    row_emu = [emu(h) for h in heights]
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in column_emu)
    body = "".join(f'<a:tr h="{h}">{"".join(_cell(c) for c in row)}</a:tr>' for h, row in zip(row_emu, rows))
    return (f'<p:graphicFrame {NAMESPACES}><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{escape(name)}"/>'
            f'<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{emu(left)}" y="{emu(top)}"/><a:ext cx="{sum(column_emu)}" cy="{sum(row_emu)}"/></p:xfrm>'
            f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
            f'<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>{TABLE_STYLE}</a:tableStyleId></a:tblPr>'
            f"<a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>")


def _cell(cell: Cell) -> str:
    left, right, top, bottom = (emu(m) for m in cell.margins)
    return (f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>{"".join(cell.paragraphs)}</a:txBody>'
            f'<a:tcPr marL="{left}" marR="{right}" marT="{top}" marB="{bottom}" anchor="ctr">'
            f'<a:solidFill><a:srgbClr val="{color(cell.fill)}"/></a:solidFill></a:tcPr></a:tc>')


def notes_paragraphs(text: str) -> str:
    """Speaker notes as plain paragraphs, one per line; a vertical tab is a line break, as in PowerPoint."""
    out = []
    for line in text.split("\n"):
        pieces = [f"<a:r><a:t>{escape(piece)}</a:t></a:r>" if piece else "" for piece in line.split("\v")]
        out.append(f"<a:p>{'<a:br/>'.join(pieces)}</a:p>" if line else "<a:p/>")
    return "".join(out)


def _emu_box(box) -> tuple[int, int, int, int]:
    return emu(box.left), emu(box.top), emu(box.width), emu(box.height)


def xml_attr(text: str) -> str:
    """`text` escaped for an XML attribute value in double quotes: the only way text enters XML as a string."""
    from xml.sax.saxutils import escape

    return escape(str(text), {'"': "&quot;", "'": "&apos;"})
