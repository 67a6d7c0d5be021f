"""Read a built deck back with python-pptx into plain data the tests can assert on."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE


def slide_texts(slide) -> list[str]:
    """Every text on a slide in shape order: text frames and table cells."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.extend(p.text for p in shape.text_frame.paragraphs if p.text)
        if shape.has_table:
            for row in shape.table.rows:
                texts.extend(cell.text for cell in row.cells)
    return texts


def dump(path: Path) -> list[dict]:
    prs = Presentation(str(path))
    slides = []
    for slide in prs.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else None
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        tables = [[[c.text for c in row.cells] for row in s.table.rows] for s in slide.shapes if s.has_table]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({
            "title": title,
            "texts": slide_texts(slide),
            "notes": notes,
            "alt": [p._element.nvPicPr.cNvPr.get("descr") for p in pictures],
            "tables": tables,
        })
    return slides
