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
from dataclasses import dataclass

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from briefing.danish import fmt
from briefing.deck.backdrop import runs as _runs
from briefing.deck.backdrop import walk as _walk
from briefing.spec.colors import contrast_ratio, ratio_text
from briefing.spec.models import ThemeSpec

TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
GRAPHICS_RATIO = 3.0

# Names deck.add_footer gives the footer and slide number; placeholders and slide-number fields count too.
FOOTER_NAMES = frozenset({"Kilde", "Sidefod", "Slidenummer"})
FOOTER_PLACEHOLDERS = frozenset({PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE})
TITLE_PLACEHOLDERS = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE})

# Office and python-pptx put the picture's file name in the description; a real description never ends so.
FILE_NAME = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$", re.IGNORECASE)
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"  # Office's "mark as decorative" extension
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
    runs = [list(_runs(slide)) for slide in prs.slides]  # read once: the size and the contrast check both walk them
    per_slide = (check_titles(prs) + check_alt_text(prs) + check_text_sizes(prs, theme.sizes.minimum, runs=runs)
                 + check_contrast(prs, runs=runs) + check_reading_order(prs))
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
            if not descr and noun == "figuren":
                problem = (f"figuren '{shape.name}' har hverken tekst eller alternativ tekst; skriv, hvad den viser, "
                           "eller markér den som dekorativ")
            elif not descr:
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
    if tag in (qn("p:sp"), qn("p:cxnSp")):  # a rule, bar or panel: text speaks for itself; without, decorative
        return None if "".join(shape._element.itertext()).strip() else "figuren"
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

def check_text_sizes(prs, minimum: float, *, runs: list[list] | None = None) -> list[Finding]:
    """Runs with an explicit size below the theme's minimum; one finding per shape and size. `runs`: each
    slide's runs when the caller read them already."""
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title, seen = slide_title(slide), set()
        for shape, run in runs[number - 1] if runs is not None else _runs(slide):
            size = run.size
            if size is None or size >= minimum or (shape.shape_id, size) in seen:
                continue
            seen.add((shape.shape_id, size))
            findings.append(Finding(number, title, f"teksten '{_shorten(run.text, SNIPPET)}' i '{shape.name}' er "
                                                   f"{_points(size)} pt; temaets mindste skriftstørrelse er "
                                                   f"{_points(minimum)} pt", shape.name))
    return findings


# ---------------------------------------------------------------- contrast

def check_contrast(prs, *, runs: list[list] | None = None) -> list[Finding]:
    """Text runs whose colour is too close to the background behind them.

    Only runs with their own colour are checked: an inherited colour would need the whole
    master/layout cascade, and every run the deck writes states its colour. `runs` as for check_text_sizes.
    """
    findings = []
    for number, slide in enumerate(prs.slides, start=1):
        title, seen = slide_title(slide), set()
        for shape, run in runs[number - 1] if runs is not None else _runs(slide):
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
