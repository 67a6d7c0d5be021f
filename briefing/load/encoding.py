"""Reading a CSV whose encoding nobody chose: UTF-8 (with or without BOM) or Excel's Windows-1252, and a located
message naming the real problem otherwise (UTF-16 from Excel's "Unicode-tekst", NUL bytes, mixed encodings)."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import Location, fail
from briefing.load.source import read_bytes

SAVE_AS = "gem den i Excel som 'CSV UTF-8 (kommasepareret)' eller 'CSV (semikolonsepareret)'"


def decode_csv(path: Path) -> str:
    """The text of the CSV at `path`, newlines as \\n; a located Danish error when it cannot be read as text."""
    raw = read_bytes(path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:400].count(b"\0") > len(raw[:400]) // 4:
        raise fail(f"filen er gemt som UTF-16 (Excels 'Unicode-tekst'); {SAVE_AS}", Location(path, 1, 1))
    if b"\0" in raw:
        raise fail("filen indeholder et NUL-tegn (tegn 0), som en CSV-fil ikke kan have; den er måske "
                   f"beskadiget; {SAVE_AS}", _place(raw, raw.index(b"\0"), path))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if any(ord(c) > 127 for c in raw.decode("utf-8", errors="ignore")):
            raise fail("linjen er ikke gemt som UTF-8, men resten af filen er (blandede tegnsæt, fx en linje "
                       "indsat fra et andet program); skriv æ, ø og å i linjen igen, eller gem hele filen som UTF-8",
                       _place(raw, exc.start, path)) from None
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV (semikolonsepareret)"
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _place(raw: bytes, offset: int, path: Path) -> Location:
    line = raw[:offset].count(b"\n") + 1
    return Location(path, line, offset - (raw.rfind(b"\n", 0, offset) + 1) + 1)
