"""PDF handout through LibreOffice, when it is installed.

LibreOffice runs headless with a throwaway user profile, so it neither clashes with a
LibreOffice the user has open nor leaves settings behind, and converts into a
temporary folder; the PDF is then written atomically next to the deck, so a failed
conversion never leaves half a PDF or destroys the previous one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

from briefing.errors import Location, Problem
from briefing.files import os_reason, write_atomic
from briefing.publish.soffice import find_libreoffice, setting_problem

TIMEOUT_SECONDS = 240  # a 40-slide deck takes 10-30 s; a first start of LibreOffice can take far longer

MISSING = ("PDF'en er ikke lavet, fordi LibreOffice ikke er installeret (programmet 'soffice' findes ikke). "
           "Præsentationen er bygget; installér LibreOffice (eller angiv, hvor det er, med BRIEFING_SOFFICE), "
           "eller gem som PDF fra PowerPoint")


STALE = "PDF'en, der ligger der, er fra en tidligere bygning"


def pdf_path(deck_path: Path) -> Path:
    """The PDF sits next to the deck: output/<name>.pdf."""
    return deck_path.with_suffix(".pdf")


def convert_to_pdf(deck: Path, target: Path | None = None, *,
                   timeout: float = TIMEOUT_SECONDS) -> tuple[Path | None, Problem | None]:
    """Convert `deck` to PDF; return (the PDF, None), or (None, a Danish warning) when it cannot be done."""
    target = target or pdf_path(deck)
    program = find_libreoffice()
    if program is None:
        wrong = setting_problem()
        return None, _warning(f"PDF'en er ikke lavet: {wrong}. Præsentationen er bygget" if wrong else MISSING, target)
    with tempfile.TemporaryDirectory(prefix="briefing-pdf-") as temp:
        folder = Path(temp)
        failure = _run_libreoffice(program, deck, folder, timeout)
        produced = folder / "out" / f"{deck.stem}.pdf"
        if failure is None and not (produced.is_file() and produced.stat().st_size):
            failure = "LibreOffice skrev ingen PDF"
        if failure is not None:
            return None, _warning(f"PDF'en er ikke lavet: {failure}. Præsentationen er bygget", target)
        write_atomic(target, produced.read_bytes())
    return target, None


# A tagged PDF (PDF/UA structure: headings, reading order, the pictures' alt texts) for screen readers; the
# JSON form of filter options is read by LibreOffice 7.4 and later.
PDF_FILTER = 'pdf:impress_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


def _run_libreoffice(program: str, deck: Path, folder: Path, timeout: float) -> str | None:
    """Run the conversion; a Danish reason when it failed, else None."""
    profile = (folder / "profile").as_uri()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", PDF_FILTER,
               "--outdir", str(folder / "out"), str(deck)]
    # A session of its own, so a timeout can end LibreOffice's helper processes too, not just the launcher.
    try:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
    except OSError as exc:
        return f"LibreOffice kunne ikke startes ({os_reason(exc)})"
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        return f"LibreOffice blev ikke færdig på {int(timeout)} sekunder"
    if code != 0:
        return f"LibreOffice stoppede med fejlkode {code}"
    return None


def _stop(process: subprocess.Popen) -> None:
    if hasattr(os, "killpg"):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:  # Windows has no process groups to signal
        process.kill()
    process.wait()


def _warning(message: str, target: Path) -> Problem:
    if target.is_file():  # an old PDF next to a new deck would be taken for the current one
        message += f". {STALE}"
    return Problem(message, Location(target), severity="advarsel")
