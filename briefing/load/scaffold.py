"""`briefing init`: a new briefing project made from the example."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from briefing.errors import Location, fail
from briefing.files import os_reason
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
    staging = _staging(target)
    try:  # made complete beside the target, then renamed: a failure leaves no half project
        for folder in PROJECT_FOLDERS:
            if (source / folder).is_dir():
                shutil.copytree(source / folder, staging / folder, ignore=shutil.ignore_patterns("__pycache__"))
        (staging / "output").mkdir(exist_ok=True)
        (staging / ".gitignore").write_text("output/\n", encoding="utf-8")
        if target.is_dir():
            target.rmdir()  # empty, checked above
        os.replace(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise fail(f"projektet kan ikke oprettes her ({os_reason(exc)})", Location(target)) from None


def _staging(target: Path) -> Path:
    """An empty folder beside `target` to build the project in."""
    parent = target.parent
    blocking = next((p for p in [parent, *parent.parents] if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise fail("mappen kan ikke oprettes, fordi en del af stien er en fil, ikke en mappe", Location(blocking))
    try:
        parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".ny", dir=parent))
    except OSError as exc:
        raise fail(f"mappen kan ikke oprettes ({os_reason(exc)})", Location(target)) from None
