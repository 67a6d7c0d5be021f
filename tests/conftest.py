"""Shared fixtures: a copy of the example project, and a built example deck."""

from __future__ import annotations

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
