"""The console: output that never fails on a terminal or file encoding that cannot show a character, and the
way to call `briefing` again that works from where it was started.

A Windows console or a redirect under cp1252 cannot write '→', '▲' or the true minus; Python would raise
UnicodeEncodeError in the middle of a message. Each such character is written as its nearest plain form
instead ('→' as '->', '▲' as '^'), and anything else as '?'.
"""

from __future__ import annotations

import codecs
import io
import os
import shlex
import shutil
import sys
import unicodedata
from pathlib import Path

ERRORS = "briefing-fallback"
FALLBACK = {
    "→": "->", "←": "<-", "↑": "^", "↓": "v", "▲": "^", "▼": "v", "►": ">", "◄": "<",
    "−": "-", "–": "-", "—": "-", "‑": "-", "…": "...", "≥": ">=", "≤": "<=", "≠": "!=", "×": "x",
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa",  # only where even these are missing
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "•": "*", "✓": "v", "✗": "x", "·": ".",
}


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    out = []
    for char in text:
        plain = FALLBACK.get(char)
        if plain is None:
            decomposed = unicodedata.normalize("NFKD", char).replace("\u2044", "/")  # ½: 1⁄2
            decomposed = decomposed.encode("ascii", "ignore").decode("ascii")
            plain = decomposed or "?"
        out.append(_encodable(plain, error.encoding))
    return "".join(out), error.end


def _encodable(text: str, encoding: str) -> str:
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        return "?" * len(text)


codecs.register_error(ERRORS, _fallback)


def safe_output() -> None:
    """Make stdout and stderr write what their encoding cannot show as its plain fallback, never raise."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            try:
                stream.reconfigure(errors=ERRORS)
            except (ValueError, io.UnsupportedOperation):  # closed or detached: nothing to make safe
                pass


def command_hint(argv0: str | None = None) -> str:
    """How to call briefing again from another folder: `briefing` where that finds this very program on
    PATH, else its full path (e.g. .venv/bin/briefing when the venv is not activated)."""
    argv0 = argv0 if argv0 is not None else sys.argv[0]
    program = Path(argv0)
    if program.name.startswith("briefing") and program.suffix in ("", ".exe"):
        found = shutil.which("briefing")
        if found and _same(Path(found), program):
            return "briefing"
        if program.exists():
            return quoted(str(program.resolve()))
    found = shutil.which("briefing")
    if found:
        return "briefing"
    return quoted(sys.executable) + " -m briefing"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.parent == Path("") and a.name == b.name)
    except OSError:
        return False


def quoted(text: str) -> str:
    """`text` as one word for the shell this system uses."""
    if os.name == "nt":
        return f'"{text}"' if " " in text else text
    return shlex.quote(text)
