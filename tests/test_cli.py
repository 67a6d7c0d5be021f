"""The command line: Danish help, version, init, schema; usage errors without tracebacks."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing import __version__
from briefing.cli import main


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"briefing {__version__}\n"


def test_help_is_danish():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert result.output.startswith("Brug: briefing [TILVALG] KOMMANDO [ARGUMENTER]...\n")
    lines = result.output.splitlines()
    for line in ("Tilvalg:", "Kommandoer:", "  build   Byg præsentationen til output/."):
        assert line in lines
    assert any(line.startswith("  check   Kontrollér") for line in lines)
    assert "Options" not in result.output and "Show this message" not in result.output


def test_unknown_option_and_command_are_answered_in_danish():
    runner = CliRunner()
    option = runner.invoke(main, ["build", "--foo"])
    command = runner.invoke(main, ["bild"])
    assert option.output == "Fejl: ukendt tilvalg '--foo'\nSe 'briefing build --help'.\n"
    assert command.output == "Fejl: ukendt kommando 'bild'\nSe 'briefing --help'.\n"


def test_missing_inputs_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--input", "mangler"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "mangler: mappen findes ikke; angiv projektets inputs-mappe med --input"


def test_init_makes_a_project_that_builds(tmp_path, monkeypatch):
    runner = CliRunner()
    target = tmp_path / "vejle"
    result = runner.invoke(main, ["init", str(target), "--eksempel"])
    assert result.exit_code == 0, result.output
    assert (target / "inputs" / "briefing.yaml").is_file()
    assert (target / "themes" / "default.yaml").is_file()
    monkeypatch.chdir(target)
    built = runner.invoke(main, ["build"])
    assert built.exit_code == 0, built.output
    assert (target / "output" / "hedensted-beskaeftigelse.pptx").is_file()


def test_init_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "mappen findes allerede og er ikke tom; vælg en ny mappe" in result.output


def test_schema_describes_slide_kinds_for_editors(tmp_path):
    result = CliRunner().invoke(main, ["schema", "--output", str(tmp_path)])
    assert result.exit_code == 0
    slide = json.loads((tmp_path / "slide.schema.json").read_text(encoding="utf-8"))
    assert sorted(slide["discriminator"]["mapping"]) == [
        "afslutning", "anbefalinger", "beslutninger", "dagsorden", "diagram", "drøftelse", "nøgletal", "punkter",
        "scenarie", "tabel", "titel"]
    deck = json.loads((tmp_path / "briefing.schema.json").read_text(encoding="utf-8"))
    assert deck["additionalProperties"] is False
    assert deck["properties"]["municipality"]["description"] == "Egen kommune, fx 'Hedensted'."


def test_committed_schemas_are_up_to_date(tmp_path):
    from importlib.metadata import version
    from pathlib import Path

    import pytest

    repo = Path(__file__).resolve().parent.parent
    pinned = next(line.split("==")[1] for line in (repo / "constraints.txt").read_text(encoding="utf-8").splitlines()
                  if line.lower().startswith("pydantic=="))
    if version("pydantic") != pinned:  # e.g. make test-lowest: pydantic 2.6 spells some schemas differently
        pytest.skip(f"the committed schemas are written with the pinned pydantic {pinned}, not {version('pydantic')}")
    result = CliRunner().invoke(main, ["schema", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (repo / "schemas").glob("*.json"))
    assert len(list(tmp_path.iterdir())) >= 6
    for path in tmp_path.iterdir():
        assert (repo / "schemas" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"schemas/{path.name} is stale: run `make schema`")


@pytest.mark.parametrize("name, message", [
    ("Aalborg Kommune", "--kommune: skriv kun navnet uden 'Kommune', fx 'Aalborg'"),
    ("Ålborg", "--kommune: 'Ålborg' er ikke en kommune i narratives/names.yaml (mente du 'Aalborg'?)"),
    ("RAR Nordjylland", "--kommune: 'RAR Nordjylland' er ikke en kommune; skriv en af de 98 kommuner, fx Vejle"),
])
def test_init_and_build_take_only_a_municipality_for_kommune(tmp_path, monkeypatch, name, message):
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(main, ["init", "ny", "--kommune", name])
    assert made.exit_code == 1 and made.output.splitlines()[0] == message
    assert not (tmp_path / "ny").exists()
    assert CliRunner().invoke(main, ["init", "ny", "--kommune", "Aalborg"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "ny")
    built = CliRunner().invoke(main, ["build", "--kommune", name])
    assert built.exit_code == 1 and built.output.splitlines()[0] == message
