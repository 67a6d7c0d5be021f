"""The console: bare `briefing` is the help, usage errors name the option and the command's help, and no
command crashes on a console encoding that cannot show a character (a Windows console or redirect in cp1252)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.console import ERRORS, command_hint

REPO = Path(__file__).resolve().parents[1]


def _briefing(*args: str, cwd: Path, encoding: str = "cp1252") -> subprocess.CompletedProcess:
    """briefing in its own process, its output encoded as a Windows console or redirect would have it."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, env=env,
                          timeout=300)


def _text(raw: bytes) -> str:
    return raw.decode("cp1252")


def test_bare_briefing_shows_the_help_and_succeeds(tmp_path):
    result = _briefing(cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _text(result.stdout).startswith("Brug: briefing [TILVALG] KOMMANDO [ARGUMENTER]...")
    assert "Kommandoer:" in _text(result.stdout) and result.stderr == b""
    assert CliRunner().invoke(main, []).output == CliRunner().invoke(main, ["--help"]).output


@pytest.mark.parametrize(("args", "message"), [
    (["build", "--input"], "Fejl: tilvalget '--input' mangler sin værdi\nSe 'briefing build --help'.\n"),
    (["import", "--name"], "Fejl: tilvalget '--name' mangler sin værdi\nSe 'briefing import --help'.\n"),
    (["build", "--strict=ja"], "Fejl: tilvalget '--strict' tager ingen værdi\nSe 'briefing build --help'.\n"),
    (["check", "--foo"], "Fejl: ukendt tilvalg '--foo'\nSe 'briefing check --help'.\n"),
    (["diff", "a.pptx"], "Fejl: der mangler en værdi: NY.pptx\nSe 'briefing diff --help'.\n"),
    (["init", "a", "b"], "Fejl: for mange argumenter\nSe 'briefing init --help'.\n"),
    (["bild"], "Fejl: ukendt kommando 'bild'\nSe 'briefing --help'.\n"),
])
def test_usage_errors_name_the_option_and_that_commands_help(args, message):
    result = CliRunner().invoke(main, args)
    assert result.return_value == 2
    assert result.output == message


def test_characters_the_encoding_lacks_fall_back_to_plain_ones():
    assert "Andel: 17,1 → 18,0 ▲ −3 ≥ 2 ✓ 𝛼 … Æblegrød".encode("cp1252", ERRORS) == \
        "Andel: 17,1 -> 18,0 ^ -3 >= 2 v ? … Æblegrød".encode("cp1252")  # '…' is in cp1252: kept
    assert "→ æøå Ærø ½".encode("ascii", ERRORS) == b"-> aeoeaa Aeroe 1/2"  # not even Danish letters: no crash


@pytest.fixture(scope="module")
def two_decks(tmp_path_factory) -> tuple[Path, Path]:
    """The example deck, and one built after a number changed (the diff between them has '→' in it)."""
    from briefing.build import build

    root = tmp_path_factory.mktemp("decks")
    for folder in ("inputs", "themes"):
        shutil.copytree(REPO / folder, root / folder)
    build(root / "inputs", root / "gammel.pptx")
    table = root / "inputs" / "data" / "ydelsesmodtagere.yaml"
    table.write_text(table.read_text(encoding="utf-8").replace("2021K3: 66", "2021K3: 71", 1), encoding="utf-8")
    build(root / "inputs", root / "ny.pptx")
    return root / "gammel.pptx", root / "ny.pptx"


def test_diff_into_a_file_under_cp1252_writes_the_arrows_as_plain_text(two_decks, tmp_path):
    old, new = two_decks
    result = _briefing("diff", str(old), str(new), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = _text(result.stdout)
    assert " -> " in text and "→" not in text
    assert "66 -> 71" in text


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"], ["schema", "--output", "s"],
                                  ["init", "ny", "--kommune", "Vejle"], ["init", "eks", "--eksempel"]], ids=lambda a: " ".join(a))
def test_light_commands_print_under_cp1252(args, tmp_path):
    result = _briefing(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert _text(result.stdout) and not _text(result.stderr)


def test_check_build_and_import_print_under_cp1252(seeded_project):
    tmp_path = seeded_project
    (tmp_path / "inputs" / "slides" / "ubrugt.yaml").write_text("kind: punkter\ntitle: Ubrugt → med pil\n"
                                                                "bullets: [a]\n", encoding="utf-8")
    checked = _briefing("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "slides kan bygges" in _text(checked.stdout)
    built = _briefing("build", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "Færdig: " in _text(built.stdout) and "ubrugt.yaml" in _text(built.stderr)
    export = tmp_path / "udtraek.csv"
    export.write_text("Område;2021K3\nHedensted;12,5\nRAR Østjylland;13,0\n", encoding="utf-8")
    imported = _briefing("import", str(export), "--name", "udtraek", cwd=tmp_path)
    assert b"Traceback" not in imported.stderr and b"uventet fejl" not in imported.stderr + imported.stdout
    assert imported.returncode in (0, 1), imported.stderr


def test_init_hints_a_command_that_works_from_where_briefing_was_started(tmp_path, monkeypatch):
    venv_program = tmp_path / "venv" / "bin" / "briefing"
    venv_program.parent.mkdir(parents=True)
    venv_program.write_text("#!/bin/sh\n")
    venv_program.chmod(0o755)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert command_hint(str(venv_program)) == str(venv_program.resolve())  # not on PATH: the full path
    monkeypatch.setenv("PATH", f"{venv_program.parent}{os.pathsep}/usr/bin:/bin")
    assert command_hint(str(venv_program)) == "briefing"  # activated: the plain name works
    result = CliRunner().invoke(main, ["init", str(tmp_path / "mit projekt"), "--eksempel"])
    assert result.output.splitlines()[-2:] == [f"  cd '{tmp_path / 'mit projekt'}'", f"  {command_hint()} build"]
