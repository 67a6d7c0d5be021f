"""Shared fixtures: a copy of the example project, and a built example deck."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the example project (inputs and themes); returns its root."""
    for folder in ("inputs", "themes"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


@pytest.fixture(scope="session")
def example_deck(tmp_path_factory) -> Path:
    """The example deck built once per test session."""
    from briefing.build import build

    out = tmp_path_factory.mktemp("deck") / "example.pptx"
    build(REPO / "inputs", out)
    return out


@pytest.fixture(scope="session")
def example_charts(example_deck) -> Path:
    """The chart cache the session's example build left (output/.cache/charts next to its deck)."""
    return example_deck.parent / ".cache" / "charts"


@pytest.fixture
def seeded_project(project: Path, example_charts: Path) -> Path:
    """The example project with its charts in output/.cache already, as after a first build: for tests that run
    the command line in a new process about something other than drawing (each would draw all 12 charts)."""
    shutil.copytree(example_charts, project / "output" / ".cache" / "charts")
    return project


def example_part(root: Path, slides: list[str], tables: list[str]) -> Path:
    """The example cut down to `slides` (each keeps its section; a section left without slides goes) and the data
    `tables` (with their CSV files), every kept file byte for byte: for tests about one field in a few files, which
    would otherwise read all 40 of the example's files in every case."""
    shutil.copytree(REPO / "themes", root / "themes")
    for folder, names in (("slides", slides), ("data", tables)):
        (root / "inputs" / folder).mkdir(parents=True)
        for name in names:
            for path in (REPO / "inputs" / folder).glob(f"{name}.*"):
                shutil.copy(path, root / "inputs" / folder)
    deck = (REPO / "inputs" / "briefing.yaml").read_text(encoding="utf-8")
    head, _, sections = deck.partition("\nsections:\n")
    kept = []
    for block in re.split(r"\n(?=  - )", sections.strip("\n")):
        match = re.search(r"^ +slides: \[(.*)\]$", block, re.MULTILINE)
        names = [name for name in match[1].split(", ") if name in slides]
        if names:
            kept.append(block[:match.start(1)] + ", ".join(names) + block[match.end(1):])
    (root / "inputs" / "briefing.yaml").write_text(f"{head}\nsections:\n" + "\n".join(kept) + "\n", encoding="utf-8")
    return root
