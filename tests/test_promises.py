"""The README's promises, each pinned by a test that fails when the promise breaks.

Where a promise is about the command line, it goes through the real CLI (click's runner or a subprocess).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from briefing.cli import main

REPO = Path(__file__).resolve().parent.parent
MISSING_NOTE = "– = tal mangler eller er under diskretionsgrænsen"


def _run(project: Path, *args: str):
    """`briefing ARGS` run in the project folder, as a user would."""
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


def _slides(path: Path):
    return list(Presentation(str(path)).slides)


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


# ---------------------------------------------------------------- "vises som –, aldrig som 0"

def test_suppressed_cells_show_a_dash_never_zero_with_the_footnote(example_deck):
    """The example's jobindsats tables hold 7 suppressed cells, on 4 appendix slides."""
    per_slide = {}
    for slide in _slides(example_deck):
        cells = [c.text for shape in slide.shapes if shape.has_table for row in shape.table.rows for c in row.cells]
        if "–" in cells:
            footer = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame and s.name == "Kilde")
            per_slide[_title(slide)] = (cells.count("–"), MISSING_NOTE in footer)
    assert sorted(per_slide.values()) == [(1, True), (1, True), (2, True), (3, True)]
    assert all(title.startswith("Bilag: ") for title in per_slide)


# ---------------------------------------------------------------- "den tidligere præsentation står urørt"

def _change_one_number(project: Path) -> None:
    table = project / "inputs" / "data" / "ydelsesmodtagere.yaml"
    text = table.read_text(encoding="utf-8")
    assert "    2019K3: 76\n" in text
    table.write_text(text.replace("    2019K3: 76\n", "    2019K3: 77\n", 1), encoding="utf-8")


def test_a_rebuild_replaces_the_deck_instead_of_writing_into_it(project):
    """A reader holding the old deck (here a hard link to it) keeps the old bytes: the new deck is written beside
    it and renamed into place, so a build that fails halfway never leaves a half-written deck."""
    deck = project / "output" / "hedensted-beskaeftigelse.pptx"
    assert _run(project, "build").exit_code == 0
    old = deck.read_bytes()
    held = project / "held.pptx"
    os.link(deck, held)
    _change_one_number(project)
    assert _run(project, "build").exit_code == 0
    assert deck.read_bytes() != old
    assert held.read_bytes() == old


def test_a_deck_that_cannot_be_replaced_says_it_may_be_open_in_powerpoint(project, monkeypatch):
    assert _run(project, "build").exit_code == 0
    deck = project / "output" / "hedensted-beskaeftigelse.pptx"
    old = deck.read_bytes()
    _change_one_number(project)

    replace = os.replace

    def locked(src, dst):  # what Windows answers while PowerPoint has the deck open
        if Path(dst).resolve() == deck.resolve():
            raise PermissionError(13, "Permission denied", str(dst))
        return replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    result = _run(project, "build")
    assert result.exit_code == 1
    assert ("filen kan ikke overskrives; den er måske åben i PowerPoint eller et andet program. Luk den og byg igen"
            in result.output)
    assert "inputs" not in result.output.split(":")[0] and "hedensted-beskaeftigelse.pptx" in result.output.split(":")[0]
    assert deck.read_bytes() == old


# ---------------------------------------------------------------- build options through the CLI

@pytest.mark.parametrize("target, message", [
    ("inputs/briefing.yaml", "præsentationen skal gemmes som en .pptx-fil, ikke 'briefing.yaml'; skriv fx "
                             "output/navn.pptx"),
    ("output/hedensted-beskaeftigelse-fakta.csv", "præsentationen skal gemmes som en .pptx-fil, ikke "
                                                  "'hedensted-beskaeftigelse-fakta.csv'; skriv fx output/navn.pptx"),
    ("inputs/data/x.pptx", "'inputs/data/x.pptx' ligger i projektets inputs/-mappe, som præsentationen bygges af; "
                           "vælg en fil uden for den, fx output/navn.pptx"),
    ("themes/skabelon.PPTX", "'themes/skabelon.PPTX' ligger i projektets themes/-mappe, som præsentationen bygges "
                             "af; vælg en fil uden for den, fx output/navn.pptx"),
])
def test_build_output_never_writes_over_the_files_the_deck_is_built_from(project, target, message):
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = _run(project, "build", "--output", target)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"--output: {message}"
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


def test_build_output_writes_the_deck_where_asked(project):
    result = _run(project, "build", "--output", "andet/min.pptx")
    assert result.exit_code == 0, result.output
    assert (project / "andet" / "min.pptx").is_file()
    assert (project / "andet" / "min-fakta.csv").is_file()
    assert (project / "andet" / "min-drejebog.md").is_file()
    assert not (project / "output" / "hedensted-beskaeftigelse.pptx").exists()


def test_build_kommune_builds_the_deck_for_that_municipality(tmp_path):
    from tests.test_batch import _project

    _project(tmp_path)
    result = _run(tmp_path, "build", "--kommune", "Skanderborg")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "output").glob("*.pptx")) == ["skanderborg-benchmark.pptx"]
    slide = _slides(tmp_path / "output" / "skanderborg-benchmark.pptx")[0]
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    assert "Skanderborg har den laveste sanktionsrate blandt de tre kommuner" in "\n".join(texts)


def test_build_input_reads_the_project_in_another_folder(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = _run(elsewhere, "build", "--input", str(project / "inputs"))
    assert result.exit_code == 0, result.output
    assert (project / "output" / "hedensted-beskaeftigelse.pptx").is_file()


@pytest.mark.parametrize("command", [[sys.executable, "-m", "briefing"], [str(Path(sys.executable).parent / "briefing")]])
def test_the_module_and_the_console_script_both_run(command, tmp_path):
    if not Path(command[0]).exists():
        pytest.skip("the console script is not installed beside this Python")
    done = subprocess.run(command + ["--version"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("briefing ")


# ---------------------------------------------------------------- "Ordlyden ... kan rettes der"

def test_the_projects_own_phrasebook_is_used_and_a_change_to_it_rebuilds(project):
    own = project / "narratives" / "phrasebook.yaml"
    own.parent.mkdir()
    shipped = (REPO / "narratives" / "phrasebook.yaml").read_text(encoding="utf-8")
    assert "ligger {difference} over" in shipped
    own.write_text(shipped.replace("ligger {difference} over", "ligger hele {difference} over"), encoding="utf-8")
    deck = project / "output" / "hedensted-beskaeftigelse.pptx"
    assert _run(project, "build").exit_code == 0
    texts = _all_text(deck)
    assert "ligger hele " in texts
    own.write_text(shipped.replace("ligger {difference} over", "ligger hele hele {difference} over"), encoding="utf-8")
    result = _run(project, "build")
    assert result.exit_code == 0
    assert "Ingen ændringer" not in result.output
    assert "ligger hele hele " in _all_text(deck)


def _all_text(path: Path) -> str:
    parts = []
    for slide in _slides(path):
        parts += [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(parts)


# ---------------------------------------------------------------- slide numbers

def test_every_slide_but_the_title_shows_its_own_number(example_deck):
    slides = _slides(example_deck)
    shown = {i: s.text_frame.text for i, slide in enumerate(slides, start=1) for s in slide.shapes
             if s.has_text_frame and s.name == "Slidenummer"}
    assert len(slides) == 41
    assert shown == {i: str(i) for i in range(2, 42)}
