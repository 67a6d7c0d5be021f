"""What lies behind a text run: the run's own colour, size and text, and the fill it is drawn on (its shape's, a
shape beneath it, the slide's background, or the layout's and master's), for the contrast check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

LARGE_PT = 18.0
LARGE_BOLD_PT = 14.0
WHITE = "#FFFFFF"
FILLS = ("a:solidFill", "a:noFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")


@dataclass(frozen=True)
class Run:
    """One piece of text with its explicit formatting and the background colour behind it."""

    text: str
    size: float | None  # points; None when inherited
    bold: bool
    color: str | None  # '#RRGGBB'; None when inherited or not a plain colour
    background: str | None  # None when it cannot be known (gradient, picture)

    @property
    def is_large(self) -> bool:
        """WCAG large text: 18 pt, or 14 pt bold."""
        return self.size is not None and (self.size >= LARGE_PT or (self.bold and self.size >= LARGE_BOLD_PT))


def runs(slide) -> Iterator[tuple[object, Run]]:
    """Every text run (and field, like the slide number) on the slide, with its shape."""
    colors = _SchemeColors(slide)
    page = _slide_background(slide, colors)
    boxes: dict[int, tuple | None] = {}  # each shape's rectangle read once: python-pptx reads it from the XML
    for shape, siblings in walk_with_siblings(slide.shapes):
        behind = _behind(shape, siblings, colors, page, boxes)
        if shape.has_text_frame:
            own = _own_fill(shape._element, colors)
            yield from _text_runs(shape._element.txBody, behind if own is _NONE else own, colors, shape)
        if getattr(shape, "has_table", False):
            for cell in shape._element.iter(qn("a:tc")):
                fill = _fill_color(cell.find(qn("a:tcPr")), colors)
                yield from _text_runs(cell.find(qn("a:txBody")), behind if fill is _NONE else fill, colors, shape)


def _text_runs(body, background, colors, shape) -> Iterator[tuple[object, Run]]:
    if body is None:
        return
    for element in body.iter(qn("a:r"), qn("a:fld")):
        text = "".join(t.text or "" for t in element.iter(qn("a:t")))
        if not text.strip():
            continue
        props = element.find(qn("a:rPr"))
        size = props.get("sz") if props is not None else None
        bold = props is not None and props.get("b") in ("1", "true")
        color = _fill_color(props, colors) if props is not None else _NONE
        yield shape, Run(text, int(size) / 100 if size else None, bold, None if color is _NONE else color, background)


_NONE = object()  # "no fill of its own": look further down


def _fill_color(props, colors) -> str | None | object:
    """The solid colour of a properties element; _NONE when it has no fill, None when the fill is not plain."""
    if props is None:
        return _NONE
    for tag in FILLS:
        fill = props.find(qn(tag))
        if fill is None:
            continue
        if tag == "a:solidFill":
            return colors.resolve(fill)
        return _NONE if tag == "a:noFill" else None
    return _NONE


def _own_fill(element, colors) -> str | None | object:
    """A shape's own fill: its spPr, else the fill its style refers to (autoshapes drawn with defaults)."""
    sp_pr = element.find(qn("p:spPr"))
    fill = _fill_color(sp_pr, colors)
    if fill is not _NONE or sp_pr is not None and sp_pr.find(qn("a:noFill")) is not None:
        return fill
    ref = element.find(f"{qn('p:style')}/{qn('a:fillRef')}")
    if ref is not None and ref.get("idx") not in (None, "0"):
        return colors.resolve(ref)
    return _NONE


def _behind(shape, siblings, colors, page, boxes: dict[int, tuple | None]) -> str | None:
    """The colour behind a shape: the topmost earlier sibling with a fill that covers it, else the page."""
    inner = _box(shape, boxes)
    for other in reversed(siblings):
        if not _covers(_box(other, boxes), inner):
            continue
        if other._element.tag == qn("p:pic"):
            return None
        fill = _own_fill(other._element, colors)
        if fill is not _NONE:
            return fill
    return page


def _box(shape, boxes: dict[int, tuple | None]) -> tuple | None:
    """The shape's (left, top, width, height), None when it has no full position of its own."""
    key = id(shape._element)
    if key not in boxes:
        try:
            box = (shape.left, shape.top, shape.width, shape.height)
        except AttributeError:
            box = None
        boxes[key] = None if box is None or None in box else box
    return boxes[key]


def _covers(box: tuple | None, other: tuple | None) -> bool:
    if box is None or other is None:
        return False
    slack = 9144  # 0,01 inch: shapes placed from rounded inches
    return (box[0] - slack <= other[0] and box[1] - slack <= other[1]
            and other[0] + other[2] <= box[0] + box[2] + slack and other[1] + other[3] <= box[1] + box[3] + slack)


def _slide_background(slide, colors) -> str | None:
    """The slide's own background fill, else its layout's, else its master's, else white."""
    for owner in (slide, slide.slide_layout, slide.slide_layout.slide_master):
        bg = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if bg is None:
            continue
        props = bg.find(qn("p:bgPr"))
        if props is not None:
            fill = _fill_color(props, colors)
            return WHITE if fill is _NONE else fill
        ref = bg.find(qn("p:bgRef"))
        if ref is not None:
            return colors.resolve(ref)
    return WHITE


class _SchemeColors:
    """Resolves a colour element (srgbClr, schemeClr, sysClr) to '#RRGGBB' using the slide's theme."""

    MAPPED = ("bg1", "tx1", "bg2", "tx2")

    def __init__(self, slide):
        master = slide.slide_layout.slide_master
        clr_map = master._element.find(qn("p:clrMap"))
        self.mapping = {k: clr_map.get(k) for k in self.MAPPED} if clr_map is not None else {}
        self.scheme = {}
        try:
            theme = parse_xml(master.part.part_related_by(RT.THEME).blob)
        except KeyError:
            return
        for scheme in theme.iter(qn("a:clrScheme")):
            for entry in scheme:
                self.scheme[entry.tag.split("}")[1]] = _plain(entry)

    def resolve(self, holder) -> str | None:
        """The colour inside `holder`; None when it is modified (tints, shades) and so not plain."""
        for child in holder:
            if len(child):
                return None  # lumMod, tint, alpha ...: not worth guessing
            if child.tag == qn("a:schemeClr"):
                name = child.get("val")
                return self.scheme.get(self.mapping.get(name, name))
            return _plain(child)
        return None


def _plain(element) -> str | None:
    for child in [element, *element]:
        if child.tag == qn("a:srgbClr"):
            return "#" + child.get("val").upper()
        if child.tag == qn("a:sysClr"):
            return "#" + (child.get("lastClr") or "000000").upper()
    return None


def walk(shapes) -> Iterator[object]:
    for shape, _ in walk_with_siblings(shapes):
        yield shape


def walk_with_siblings(shapes) -> Iterator[tuple[object, list]]:
    """Every shape (inside groups too) with the shapes drawn before it in the same container."""
    before = []
    for shape in shapes:
        yield shape, list(before)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from walk_with_siblings(shape.shapes)
        before.append(shape)
