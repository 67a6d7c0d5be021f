"""Where the shipped example project, phrasebook, theme and JSON Schemas are.

They are kept once, at the top of the repository (inputs/, narratives/, themes/, schemas/). A wheel carries a
copy in briefing/_data/ (made by setup.py when the wheel is built); a source checkout or an editable install
reads them where they are.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
RESOURCE_FOLDERS = ("inputs", "narratives", "themes", "schemas")


def resource_root() -> Path:
    """The folder that holds the shipped inputs/, narratives/, themes/ and schemas/."""
    bundled = PACKAGE / "_data"
    if (bundled / "narratives").is_dir():
        return bundled
    return PACKAGE.parent
