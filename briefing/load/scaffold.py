"""`briefing init`: a new briefing project made from the example."""

from __future__ import annotations

import shutil
from pathlib import Path

from briefing.errors import Location, fail
from briefing.load.project import DECK_FILE, PACKAGE_ROOT

PROJECT_FOLDERS = ("inputs", "themes", "narratives", "schemas")


def example_root() -> Path:
    """The folder holding the example project shipped with briefing (inside the wheel, or the source checkout)."""
    if (PACKAGE_ROOT / "inputs" / DECK_FILE).is_file():
        return PACKAGE_ROOT
    raise fail(f"eksempelprojektet følger ikke med denne installation af briefing (ledte i {PACKAGE_ROOT}); "
               "installér briefing igen")


def create_project(target: Path) -> None:
    """Copy the example's inputs, themes, phrasebook and schemas into `target`."""
    target = Path(target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise fail("mappen findes allerede og er ikke tom; vælg en ny mappe", Location(target))
    source = example_root()
    target.mkdir(parents=True, exist_ok=True)
    for folder in PROJECT_FOLDERS:
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "output").mkdir(exist_ok=True)
    (target / ".gitignore").write_text("output/\n", encoding="utf-8")
