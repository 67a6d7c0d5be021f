"""Text fitting: pick the largest font size at which text wraps inside its box, measured with the font that
will render it (see briefing.danish.fonts), and never break a word, a number with its unit or a name."""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from briefing.danish.fmt import keep_together
from briefing.danish.fonts import DEFAULT_FAMILY, font_file

LINE_SPACING = 1.2
NO_BREAK = "\u00a0\u2011"  # characters a line is never broken at (no-break space, no-break hyphen)

# The family charts measure with while a figure is built (set by charts.base.build_figure); slides pass theirs.
_FAMILY: contextvars.ContextVar[str] = contextvars.ContextVar("measuring_family", default=DEFAULT_FAMILY)


@contextlib.contextmanager
def measuring(family: str) -> Iterator[None]:
    """Measure text in `family` (or the font that stands in for it) inside the block."""
    token = _FAMILY.set(family)
    try:
        yield
    finally:
        _FAMILY.reset(token)


@functools.lru_cache(maxsize=128)
def _font(size_tenths: int, bold: bool, family: str):
    from PIL import ImageFont

    # Measure at 10x the point size in "pixels" so widths come out in tenths of a point.
    return ImageFont.truetype(str(font_file(family, bold)), size_tenths)


@functools.lru_cache(maxsize=65536)  # a table tries every size from 20 pt down: each its own key
def _width(text: str, size_pt: float, bold: bool, family: str) -> float:
    font = _font(int(round(size_pt * 10)), bold, family)
    try:
        return font.getlength(text) / 10
    except (OSError, RuntimeError):  # the text layout library refuses some control characters (U+0085): skip them
        return font.getlength("".join(c for c in text if c.isprintable() or c == " ")) / 10


def measuring_family() -> str:
    """The family text is measured in now (set by `measuring`)."""
    return _FAMILY.get()


def text_width_pt(text: str, size_pt: float, bold: bool = False, font: str | None = None) -> float:
    """Width of `text` in points at `size_pt`, in `font` (default: the family being measured)."""
    return _width(text, size_pt, bold, font or _FAMILY.get())


def wrap_lines(text: str, width_pt: float, size_pt: float, bold: bool = False, font: str | None = None) -> list[str]:
    """Greedy word wrap of one paragraph; a word longer than the line stands on its own line (never split).

    Only ordinary spaces break: a no-break space keeps a number and its unit or a period together.
    """
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold, font) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def words(text: str) -> list[str]:
    """The unbreakable pieces of `text`: split at ordinary spaces only."""
    return [w for w in text.split(" ") if w]


@dataclass(frozen=True)
class Fit:
    size: float
    lines: int
    fits: bool
    words_fit: bool = True  # False: a word is wider than the box even at the smallest size


def fit_text(paragraphs: Sequence[str], width_in: float, height_in: float, max_pt: float, min_pt: float,
             bold: bool = False, spacing_pt: float = 0.0, indent_in: float = 0.0, font: str | None = None) -> Fit:
    """Largest size from `max_pt` down to `min_pt` at which all paragraphs fit the box, no word wider than a line.

    A word wider than the box would be split mid-word by PowerPoint ('persone/r'): the size shrinks for it, and
    where even `min_pt` is too large the fit is reported as not fitting (`words_fit` False), never split.
    """
    paragraphs = [keep_together(p) for p in paragraphs]  # measured as it will be set (ooxml.run_xml)
    size = max_pt
    pieces = {word for p in paragraphs for word in words(p)}
    while True:
        width = (width_in - indent_in) * 72 - 2
        lines = sum(len(wrap_lines(p, width, size, bold, font)) for p in paragraphs)
        height = lines * size * LINE_SPACING + spacing_pt * max(len(paragraphs) - 1, 0)
        words_fit = all(text_width_pt(w, size, bold, font) <= width for w in pieces)
        fits = height <= height_in * 72 and words_fit
        if fits or size <= min_pt:
            return Fit(size, lines, fits, words_fit)
        size = max(min_pt, size - 1)


# ---------------------------------------------------------------- prose (speaker notes)

import re  # noqa: E402

# "%" after a number in running text ("+50 %", "12,5%"); prose writes "pct."
_PERCENT = re.compile(r"(\d)[ \u00a0]?%(?![\wæøå])")
# A hyphen used as a minus: before a digit, at the start of a word ("-3", "(-0,2"), never in a range ("2019-2021",
# "16.00-16.01"), a date or a word ("covid-19")
_HYPHEN_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(\[/:;=]))-(?=\d)", re.MULTILINE)


def prose(text: str) -> str:
    """Running text (speaker notes) as the slides set it: 'pct.' for '%', a true minus (U+2212) for a hyphen
    used as one, and the no-break rules of fmt.keep_together."""
    text = _PERCENT.sub("\\1\u00a0pct.", text).replace("pct..", "pct.")  # "steg 5%." ends on the abbreviation's point
    text = _HYPHEN_MINUS.sub("\u2212", text)
    return keep_together(text)


def prose_problems(text: str) -> list[tuple[str, str, str]]:
    """What in `text` breaks the Danish style of running text, in order: (what, as written, as it should be),
    `what` 'pct.' for a '%' after a number, 'minus' for a hyphen used as a minus."""
    found, taken = [], []
    for match in re.finditer(r"(?:(?<=^)|(?<=[\s(\[/:;=]))[+\-\u2212]?\d[\d.,]*[ \u00a0]?%(?![\wæøå])|\d[\d.,]*[ \u00a0]?%(?![\wæøå])",
                             text, re.MULTILINE):
        written = match.group(0)
        found.append((match.start(), "pct.", written, _HYPHEN_MINUS.sub("\u2212", _PERCENT.sub("\\1 pct.", written))))
        taken.append(range(match.start(), match.end()))
    for match in _HYPHEN_MINUS.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        written = re.match(r"-\d[\d.,]*\d|-\d", text[match.start():]).group(0)
        found.append((match.start(), "minus", written, "\u2212" + written[1:]))
    return [(what, written, right) for _, what, written, right in sorted(found)]
