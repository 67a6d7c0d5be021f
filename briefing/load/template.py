"""The municipality's own PowerPoint template (.pptx or .potx): layouts picked by name, placeholders filled.

Checked when the theme is loaded, so a missing layout or title placeholder is a
located error naming what the template offers, before anything is drawn.
"""

from __future__ import annotations

import io
from pathlib import Path


# The layout each slide role uses when the theme names none: English and Danish PowerPoint names.
DEFAULT_LAYOUTS = {
    "title": ("Title Slide", "Titelslide", "Titeldias"),
    "section": ("Section Header", "Sektionsoverskrift", "Afsnitsoverskrift"),
    "content": ("Title Only", "Kun titel"),
}


MAX_TEMPLATE_BYTES = 100_000_000


def read_template(path: Path) -> tuple[bytes, list[str]]:
    """The template as clean .pptx bytes (a .potx differs only in its main content type), and what was removed
    from it (macros, ActiveX, OLE objects, external links; see template_clean). Raises ZipLimitError past the zip
    limits, ValueError for a file that is no PowerPoint file."""
    from briefing.danish import fmt
    from briefing.load.template_clean import clean_template
    from briefing.load.zipsafe import ZipLimitError

    size = Path(path).stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        raise ZipLimitError(f"filen fylder {fmt.number(size // 1_000_000)} MB; højst "
                            f"{fmt.number(MAX_TEMPLATE_BYTES // 1_000_000)} MB er tilladt")
    data = Path(path).read_bytes()
    if not data.startswith(b"PK"):
        raise ValueError("filen er ikke en PowerPoint-skabelon (.pptx eller .potx)")
    return clean_template(data)


def open_presentation(data: bytes):
    """A presentation from template bytes with the template's own sample slides removed."""
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    slide_ids = prs.slides._sldIdLst
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def choose_layouts(prs, wanted: dict[str, str | None]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Layout name per role, and problems as (field, Danish message) naming what the template offers."""
    names = [layout.name for layout in prs.slide_layouts]
    chosen, problems = {}, []
    for role, defaults in DEFAULT_LAYOUTS.items():
        asked = wanted.get(role)
        candidates = [asked] if asked else list(defaults)
        found = next((n for n in candidates if n in names), None)
        if found is None:
            what = f"intet layout med navnet '{asked}'" if asked else f"intet af layoutene {', '.join(repr(d) for d in defaults)}"
            problems.append((f"layouts.{role}", f"skabelonen har {what} (layouts i skabelonen: {', '.join(names)})"))
            continue
        layout = next(layout for layout in prs.slide_layouts if layout.name == found)
        if not any(_is_title(ph) for ph in layout.placeholders):
            offered = ", ".join(ph.name for ph in layout.placeholders) or "ingen"
            problems.append((f"layouts.{role}", f"layoutet '{found}' har ingen titelpladsholder (pladsholdere: {offered})"))
            continue
        chosen[role] = found
    return chosen, problems


def _is_title(placeholder) -> bool:
    from pptx.enum.shapes import PP_PLACEHOLDER

    return placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def layout_for(prs, chosen: dict[str, str], role: str):
    """The template's layout chosen for a slide role: title, section or content."""
    name = chosen[role]
    return next(layout for layout in prs.slide_layouts if layout.name == name)
