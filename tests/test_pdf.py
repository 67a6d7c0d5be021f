"""`briefing build --pdf`: a PDF through LibreOffice when it is there, a clear Danish warning when it is not."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from briefing.cli import main
from briefing.publish.pdf import convert_to_pdf

from .test_build import EXPECTED_TITLES

DECK = "output/hedensted-beskaeftigelse.pptx"
MISSING = ("advarsel: output/hedensted-beskaeftigelse.pdf: PDF'en er ikke lavet, fordi LibreOffice ikke er "
           "installeret (programmet 'soffice' findes ikke). Præsentationen er bygget; installér LibreOffice (eller "
           "angiv, hvor det er, med BRIEFING_SOFFICE), eller "
           "gem som PDF fra PowerPoint")


def fake_libreoffice(folder: Path, script: str) -> Path:
    """A folder for PATH holding a 'soffice' that runs `script` instead of LibreOffice."""
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(0o755)
    return folder


def no_libreoffice(monkeypatch, tmp_path: Path) -> None:
    """Neither on PATH nor where the installers put it (this machine may well have it in /usr/lib)."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("BRIEFING_SOFFICE", raising=False)
    monkeypatch.setattr("briefing.publish.soffice._installed", lambda env, platform: iter(()))


def test_without_libreoffice_the_deck_is_built_and_a_warning_says_why(project, monkeypatch, tmp_path):
    no_libreoffice(monkeypatch, tmp_path)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert MISSING in result.output.splitlines()
    assert "Præsentationen ligger i output/hedensted-beskaeftigelse.pptx" in result.output
    assert "PDF'en ligger" not in result.output
    assert (project / DECK).is_file()
    assert not (project / "output" / "hedensted-beskaeftigelse.pdf").exists()


def test_an_old_pdf_is_called_out_as_old(tmp_path, monkeypatch):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"pptx")
    (tmp_path / "deck.pdf").write_bytes(b"%PDF old")
    no_libreoffice(monkeypatch, tmp_path)
    pdf, problem = convert_to_pdf(deck)
    assert pdf is None
    assert problem.message.endswith("gem som PDF fra PowerPoint. PDF'en, der ligger der, er fra en tidligere bygning")
    assert (tmp_path / "deck.pdf").read_bytes() == b"%PDF old"


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell for the stand-in program")
def test_a_failing_libreoffice_is_a_warning_and_leaves_no_pdf(tmp_path, monkeypatch):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"pptx")
    monkeypatch.setenv("PATH", f"{fake_libreoffice(tmp_path / 'bin', 'exit 3')}:/usr/bin:/bin")
    pdf, problem = convert_to_pdf(deck)
    assert pdf is None
    assert problem.render() == (f"advarsel: {tmp_path / 'deck.pdf'}: PDF'en er ikke lavet: LibreOffice stoppede med "
                                "fejlkode 3. Præsentationen er bygget")
    assert not (tmp_path / "deck.pdf").exists()


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell for the stand-in program")
def test_a_hanging_libreoffice_is_stopped_with_its_helpers(tmp_path, monkeypatch):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"pptx")
    helper_pid = tmp_path / "helper.pid"
    # The stand-in starts a helper, as soffice starts soffice.bin; both must be ended at the timeout.
    script = f"sleep 30 &\necho $! > {helper_pid}\nsleep 30"
    monkeypatch.setenv("PATH", f"{fake_libreoffice(tmp_path / 'bin', script)}:/usr/bin:/bin")
    started = time.monotonic()
    pdf, problem = convert_to_pdf(deck, timeout=1)
    assert time.monotonic() - started < 10
    assert pdf is None
    assert problem.message == "PDF'en er ikke lavet: LibreOffice blev ikke færdig på 1 sekunder. Præsentationen er bygget"
    pid = int(helper_pid.read_text())
    deadline = time.monotonic() + 5
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Whether the process runs (a zombie waiting to be reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(") ", 1)[1][:1] not in ("Z", "X")
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice and poppler are installed by .ci/run")
def test_build_pdf_converts_the_deck(project, monkeypatch):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("Præsentationen ligger i output/hedensted-beskaeftigelse.pptx\n"
                                  "PDF'en ligger i output/hedensted-beskaeftigelse.pdf\n")
    pdf = project / "output" / "hedensted-beskaeftigelse.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(Presentation(str(project / DECK)).slides)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info  # structure and alt texts for screen readers
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    # LibreOffice opened the whole deck: every slide's title is on its own page. pdftotext joins a word broken at
    # a hyphen at the end of a line ("covid-" / "19" -> "covid19"): compare without hyphens, spaces normalised.
    words = lambda s: " ".join(s.replace("\u00a0", " ").replace("\u2011", "").replace("-", "").split())  # noqa: E731
    pages = [words(page) for page in text.split("\f")]
    assert len(EXPECTED_TITLES) == len(Presentation(str(project / DECK)).slides)
    for number, (page, title) in enumerate(zip(pages, EXPECTED_TITLES), start=1):
        assert words(title) in page, f"slide {number}: '{title}' not on its page"

    # Nothing changed: the deck is not rebuilt and the PDF, newer than the deck, is not converted again.
    made = pdf.stat().st_mtime_ns
    again = CliRunner().invoke(main, ["build", "--pdf"])
    assert again.exit_code == 0, again.output
    assert again.output.startswith("Ingen ændringer siden sidste bygning")
    assert again.output.endswith("PDF'en ligger i output/hedensted-beskaeftigelse.pdf\n")
    assert pdf.stat().st_mtime_ns == made
