"""Text fitting: pick the largest font size at which text wraps inside its box.

Measures with DejaVu Sans (shipped with matplotlib), which is wider than Arial
and Liberation Sans, so a fit found here also fits in PowerPoint and Impress.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

LINE_SPACING = 1.2


@functools.lru_cache(maxsize=64)
def _font(size_tenths: int, bold: bool):
    import importlib.util
    from pathlib import Path

    from PIL import ImageFont

    # Find matplotlib's bundled font without importing matplotlib (and numpy): rebuilds stay light.
    package = Path(importlib.util.find_spec("matplotlib").origin).parent
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = package / "mpl-data" / "fonts" / "ttf" / name
    # Measure at 10x the point size in "pixels" so widths come out in tenths of a point.
    return ImageFont.truetype(str(path), size_tenths)


@functools.lru_cache(maxsize=4096)
def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of `text` in points at `size_pt`."""
    font = _font(int(round(size_pt * 10)), bold)
    try:
        return font.getlength(text) / 10
    except (OSError, RuntimeError):  # the text layout library refuses some control characters (U+0085): skip them
        return font.getlength("".join(c for c in text if c.isprintable() or c == " ")) / 10


def wrap_lines(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Greedy word wrap of one paragraph; a word longer than the line stands on its own line."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):  # only ordinary spaces break; a no-break space keeps number and unit together
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


@dataclass(frozen=True)
class Fit:
    size: float
    lines: int
    fits: bool


def fit_text(paragraphs: Sequence[str], width_in: float, height_in: float, max_pt: float, min_pt: float,
             bold: bool = False, spacing_pt: float = 0.0, indent_in: float = 0.0) -> Fit:
    """Largest size from `max_pt` down to `min_pt` at which all paragraphs fit the box."""
    size = max_pt
    words = {word for p in paragraphs for word in p.split(" ")}
    while True:
        width = (width_in - indent_in) * 72 - 2
        lines = sum(len(wrap_lines(p, width, size, bold)) for p in paragraphs)
        height = lines * size * LINE_SPACING + spacing_pt * max(len(paragraphs) - 1, 0)
        fits = height <= height_in * 72
        # A word wider than the box would be split mid-word ('kontanthjælpsmodta-gere'): shrink for it too, but
        # do not call the text too long for it at the smallest size: these metrics are wider than Arial's.
        if (fits and all(text_width_pt(w, size, bold) <= width for w in words)) or size <= min_pt:
            return Fit(size, lines, fits)
        size = max(min_pt, size - 1)
