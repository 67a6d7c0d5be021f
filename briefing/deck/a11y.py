"""Accessibility check of a laid-out deck (WCAG 2.1 AA, which the Danish web accessibility act asks for).

Pure functions over a python-pptx Presentation (and the theme): each check returns
Danish findings that name the slide, its title and the shape, so whoever fixes the
deck can find the spot. Nothing here changes the deck. `briefing check` prints the
findings as warnings; with --strict they fail the check.

What is checked, one function each:
  titles        every slide has a title, and no two slides share one
  alt text      pictures, charts and other objects carry a description, not a file name
  text sizes    no run is smaller than the theme's minimum (explicit sizes, table cells included)
  contrast      text against what lies behind it: 4,5:1, or 3:1 for large text
  chart colours the theme's series, highlight, reference and accent colours against the background: 3:1
  reading order the title is read first; footer and slide number last
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from briefing.danish import fmt
from briefing.spec.colors import contrast_ratio, ratio_text
from briefing.spec.models import ThemeSpec

TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
GRAPHICS_RATIO = 3.0
LARGE_PT = 18.0
LARGE_BOLD_PT = 14.0
WHITE = "#FFFFFF"

# Names deck.add_footer gives the footer and slide number; placeholders and slide-number fields count too.
FOOTER_NAMES = frozenset({"Kilde", "Sidefod", "Slidenummer"})
FOOTER_PLACEHOLDERS = frozenset({PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE})
TITLE_PLACEHOLDERS = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})

# Office and python-pptx put the picture's file name in the description; a real description never ends so.
FILE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", re.IGNORECASE)
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"  # Office's "mark as decorative" extension
FILLS = ("a:solidFill", "a:noFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")
SNIPPET = 30
NO_TITLE = "sliden har ingen titel; giv den en, så skærmlæsere og oversigten kan vise den"
TITLE_SNIPPET = 40


@dataclass(frozen=True)
class Finding:
    """One accessibility problem; `slide` is None for the theme as a whole."""

    slide: int | None
    title: str | None
    problem: str
    shape: str = ""

    @property
    def message(self) -> str:
        if self.slide is None:
            return f"temaet: {self.problem}"
        where = f"slide {self.slide} '{_shorten(self.title, TITLE_SNIPPET)}'" if self.title else f"slide {self.slide}"
        return f"{where}: {self.problem}"

    def __str__(self) -> str:
        return self.message


def check_deck(prs, theme: ThemeSpec) -> list[Finding]:
    """Every finding for the deck, the theme's first, then slide by slide in check order."""
    findings = check_chart_colors(theme)
    per_slide = (check_titles(prs) + check_alt_text(prs) + check_text_sizes(prs, theme.sizes.minimum)
                 + check_contrast(prs) + check_reading_order(prs))
    return findings + sorted(per_slide, key=lambda f: f.slide)


def check_pptx(data: bytes, theme: ThemeSpec) -> list[Finding]:
    """Findings for a deck given as .pptx bytes (the build keeps them in memory)."""
    return check_deck(Presentation(io.BytesIO(data)), theme)


# ---------------------------------------------------------------- titles

def check_titles(prs) -> list[Finding]:
    """Slides without a title, and slides whose title an earlier slide already has."""
    findings, seen = [], {}
    for number, slide in enumerate(prs.slides, start=1):
        title = slide_title(slide)
        if not title:
            findings.append(Finding(number, None, NO_TITLE))
            continue
        key = " ".join(title.split()).casefold()
        if key in seen:
            findings.append(Finding(number, title, f"titlen er også brugt på slide {seen[key]}; "
                                                   "giv hver slide sin egen titel"))
        else:
            seen[key] = number
    return findings


def slide_title(slide) -> str:
    """The text of the slide's title placeholder, '' when there is none."""
    shape = _title_shape(slide)
    return shape.text_frame.text.strip() if shape is not None else ""


def _title_shape(slide):
    for shape in slide.placeholders:
        if shape.placeholder_format.type in TITLE_PLACEHOLDERS:
            return shape
    return None


# ---------------------------------------------------------------- alt text

def check_alt_text(prs) -> list[Finding]:
    """Pictures, charts and other objects without a description, or described only by a file name."""
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide_title(slide)
        for shape in _walk(slide.shapes):
            noun = _object_noun(shape)
            if noun is None or _is_decorative(shape):
                continue
            descr = (shape._element.xpath("./*[1]/p:cNvPr")[0].get("descr") or "").strip()
            if not descr:
                problem = f"{noun} '{shape.name}' mangler alternativ tekst; skriv, hvad det viser"
            elif FILE_NAME.search(descr):
                problem = (f"{noun} '{shape.name}' har filnavnet '{descr}' som alternativ tekst; "
                           "skriv, hvad det viser")
            else:
                continue
            findings.append(Finding(number, title, problem, shape.name))
    return findings


def _object_noun(shape) -> str | None:
    """'billedet', 'diagrammet' or 'objektet' for shapes that need alt text; None for the rest.

    Tables are left out: their cells are real text that screen readers read cell by cell.
    """
    tag = shape._element.tag
    if tag == qn("p:pic"):
        return "billedet"
    if tag != qn("p:graphicFrame"):
        return None
    uri = shape._element.xpath("./a:graphic/a:graphicData/@uri")
    if uri and uri[0] == TABLE_URI:
        return None
    return "diagrammet" if uri and uri[0] == CHART_URI else "objektet"


def _is_decorative(shape) -> bool:
    exts = shape._element.xpath(f"./*[1]/p:cNvPr/a:extLst/a:ext[@uri='{DECORATIVE_URI}']")
    return any(child.get("val") in ("1", "true") for ext in exts for child in ext)


# ---------------------------------------------------------------- text sizes

def check_text_sizes(prs, minimum: float) -> list[Finding]:
    """Runs with an explicit size below the theme's minimum; one finding per shape and size."""
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title, seen = slide_title(slide), set()
        for shape, run in _runs(slide):
            size = run.size
            if size is None or size >= minimum or (shape.shape_id, size) in seen:
                continue
            seen.add((shape.shape_id, size))
            findings.append(Finding(number, title, f"teksten '{_shorten(run.text, SNIPPET)}' i '{shape.name}' er "
                                                   f"{_points(size)} pt; temaets mindste skriftstørrelse er "
                                                   f"{_points(minimum)} pt", shape.name))
    return findings


# ---------------------------------------------------------------- contrast

def check_contrast(prs) -> list[Finding]:
    """Text runs whose colour is too close to the background behind them.

    Only runs with their own colour are checked: an inherited colour would need the whole
    master/layout cascade, and every run the deck writes states its colour.
    """
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title, seen = slide_title(slide), set()
        for shape, run in _runs(slide):
            color = run.color
            background = run.background
            if color is None or background is None:
                continue
            needed = LARGE_TEXT_RATIO if run.is_large else TEXT_RATIO
            ratio = contrast_ratio(color, background)
            key = (shape.shape_id, color, background, needed)
            if ratio >= needed or key in seen:
                continue
            seen.add(key)
            findings.append(Finding(number, title, f"teksten '{_shorten(run.text, SNIPPET)}' i '{shape.name}' har "
                                                   f"kontrast {ratio_text(ratio)} mod baggrunden ({color} på "
                                                   f"{background}); mindst {ratio_text(needed)} kræves", shape.name))
    return findings


# ---------------------------------------------------------------- chart colours

def check_chart_colors(theme: ThemeSpec) -> list[Finding]:
    """Theme colours used for chart marks (bars, lines) need 3:1 against the background."""
    colors = theme.colors
    named = [(f"colors.series nr. {i}", c) for i, c in enumerate(colors.series, start=1)]
    named += [("colors.highlight", colors.highlight), ("colors.reference", colors.reference),
              ("colors.accent", colors.accent)]
    findings = []
    for name, color in named:
        ratio = contrast_ratio(color, colors.background)
        if ratio < GRAPHICS_RATIO:
            problem = (f"diagramfarven {name} ({color.upper()}) har kontrast {ratio_text(ratio)} mod baggrunden "
                       f"({colors.background.upper()}); mindst {ratio_text(GRAPHICS_RATIO)} kræves")
            findings.append(Finding(None, None, problem))
    return findings


# ---------------------------------------------------------------- reading order

def check_reading_order(prs) -> list[Finding]:
    """The title is the first shape a screen reader meets; footer and slide number come after the body."""
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title = slide_title(slide)
        shapes = list(slide.shapes)
        title_shape = _title_shape(slide)
        if title_shape is not None and shapes and shapes[0].shape_id != title_shape.shape_id:
            first = shapes[0].name
            findings.append(Finding(number, title, f"titlen står ikke først i læserækkefølgen ('{first}' kommer "
                                                   "før); skærmlæsere skal møde titlen først", first))
        footer = next((s for s in shapes if _is_footer(s)), None)
        if footer is None:
            continue
        after = [s for s in shapes[shapes.index(footer) + 1:] if not _is_footer(s)]
        if after:
            findings.append(Finding(number, title, f"sidefoden '{footer.name}' står før '{after[0].name}' i "
                                                   "læserækkefølgen; sidefod og slidenummer skal komme efter "
                                                   "indholdet", footer.name))
    return findings


def _is_footer(shape) -> bool:
    if shape.is_placeholder and shape.placeholder_format.type in FOOTER_PLACEHOLDERS:
        return True
    return shape.name in FOOTER_NAMES or bool(shape._element.xpath(".//a:fld[@type='slidenum']"))


# ---------------------------------------------------------------- text runs and what lies behind them

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


def _runs(slide) -> Iterator[tuple[object, Run]]:
    """Every text run (and field, like the slide number) on the slide, with its shape."""
    colors = _SchemeColors(slide)
    page = _slide_background(slide, colors)
    for shape, siblings in _walk_with_siblings(slide.shapes):
        behind = _behind(shape, siblings, colors, page)
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


def _behind(shape, siblings, colors, page) -> str | None:
    """The colour behind a shape: the topmost earlier sibling with a fill that covers it, else the page."""
    for other in reversed(siblings):
        if not _covers(other, shape):
            continue
        if other._element.tag == qn("p:pic"):
            return None
        fill = _own_fill(other._element, colors)
        if fill is not _NONE:
            return fill
    return page


def _covers(outer, inner) -> bool:
    try:
        box = (outer.left, outer.top, outer.width, outer.height)
        other = (inner.left, inner.top, inner.width, inner.height)
    except AttributeError:
        return False
    if None in box or None in other:
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


# ---------------------------------------------------------------- walking shapes

def _walk(shapes) -> Iterator[object]:
    for shape, _ in _walk_with_siblings(shapes):
        yield shape


def _walk_with_siblings(shapes) -> Iterator[tuple[object, list]]:
    """Every shape (inside groups too) with the shapes drawn before it in the same container."""
    before = []
    for shape in shapes:
        yield shape, list(before)
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            yield from _walk_with_siblings(shape.shapes)
        before.append(shape)


def _shorten(text: str | None, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2:]:  # end on a whole word when one is close
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _points(size: float) -> str:
    return fmt.number(size, 0 if size == int(size) else 1)
