"""Which font file renders a theme's family, so text is measured and charts are drawn in the slides' typeface.

A family that is not installed is stood in for by its metric-compatible twin (Liberation Sans for Arial and
Helvetica, Carlito for Calibri, ...), which PowerPoint and LibreOffice substitute the same way; when neither is
installed, DejaVu Sans from matplotlib (wider than all of them, so a fit found with it still fits).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

DEFAULT_FAMILY = "Arial"
FALLBACK_FAMILY = "DejaVu Sans"

# Families with the same advance widths as the family they stand in for.
METRIC_TWINS: dict[str, tuple[str, ...]] = {
    "arial": ("Liberation Sans", "Arimo"),
    "helvetica": ("Liberation Sans", "Arimo"),
    "liberation sans": ("Arial", "Arimo"),
    "arimo": ("Liberation Sans", "Arial"),
    "times new roman": ("Liberation Serif", "Tinos"),
    "liberation serif": ("Times New Roman", "Tinos"),
    "courier new": ("Liberation Mono", "Cousine"),
    "liberation mono": ("Courier New", "Cousine"),
    "calibri": ("Carlito",),
    "carlito": ("Calibri",),
    "cambria": ("Caladea",),
    "caladea": ("Cambria",),
}

_SUFFIXES = {False: ("regular", "", "book", "roman", "normal"), True: ("bold", "bd", "b")}
_EXTENSIONS = (".ttf", ".otf")


def font_dirs() -> list[Path]:
    """Where Linux, macOS and Windows keep installed fonts (system and user)."""
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts",
            Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    if sys.platform == "win32" or os.environ.get("WINDIR"):
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalnum())


@functools.lru_cache(maxsize=1)
def _installed() -> dict[str, Path]:
    """Installed font files by their normalised file name ('liberationsansbold'), first found wins."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        try:
            files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in _EXTENSIONS)
        except OSError:
            continue
        for path in files:
            found.setdefault(_key(path.stem), path)
    return found


def _bundled(bold: bool) -> Path:
    """matplotlib's DejaVu Sans, found without importing matplotlib (and numpy): rebuilds stay light."""
    import importlib.util

    package = Path(importlib.util.find_spec("matplotlib").origin).parent
    return package / "mpl-data" / "fonts" / "ttf" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def installed_file(family: str, bold: bool = False) -> Path | None:
    """The installed file of `family` (regular or bold), or None."""
    files = _installed()
    base = _key(family)
    for suffix in _SUFFIXES[bold]:
        if base + suffix in files:
            return files[base + suffix]
    return None


@functools.lru_cache(maxsize=64)
def rendering_family(family: str) -> str:
    """The family that will render `family` here: itself, its metric twin, or DejaVu Sans."""
    for name in (family, *METRIC_TWINS.get(family.strip().lower(), ())):
        if installed_file(name) is not None:
            return name
    return FALLBACK_FAMILY


@functools.lru_cache(maxsize=64)
def font_file(family: str, bold: bool = False) -> Path:
    """The font file text in `family` is measured and drawn with."""
    name = rendering_family(family)
    found = installed_file(name, bold) or installed_file(name)
    return found if found is not None and name != FALLBACK_FAMILY else _bundled(bold)


def same_metrics(first: str, second: str) -> bool:
    """True when two families set text with the same widths (equal, or metric twins)."""
    a, b = first.strip().lower(), second.strip().lower()
    return a == b or b in (t.lower() for t in METRIC_TWINS.get(a, ()))
