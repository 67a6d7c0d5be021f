"""Every zip briefing opens (template, XLSX, a deck to compare) is opened with limits: how many parts, how
much it inflates to. A part's real size is counted while it is read, so a header that lies does not help.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefing.danish import fmt

MAX_PARTS = 5_000
MAX_UNCOMPRESSED = 200_000_000  # bytes, all parts together
CHUNK = 1 << 20


class ZipLimitError(ValueError):
    """A zip past a limit; the message is Danish and names the limit."""


def _mb(size: int) -> str:
    return f"{fmt.number(size // 1_000_000)} MB"


def check_zip(source: bytes | Path) -> None:
    """Raise ZipLimitError when the zip has too many parts or inflates past the limit; zipfile.BadZipFile when it
    is no zip. Reads every part through, counting, and keeps nothing."""
    read_members(source, keep=False)


def read_members(source: bytes | Path, *, keep: bool = True) -> dict[str, bytes]:
    """The parts of a zip by name, read within the limits (see check_zip)."""
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else open(source, "rb")
    try:
        with zipfile.ZipFile(stream) as archive:
            items = archive.infolist()
            if len(items) > MAX_PARTS:
                raise ZipLimitError(f"filen har {fmt.number(len(items))} dele; højst {fmt.number(MAX_PARTS)} er tilladt")
            declared = sum(item.file_size for item in items)
            if declared > MAX_UNCOMPRESSED:
                raise ZipLimitError(f"filen fylder {_mb(declared)} udpakket; højst {_mb(MAX_UNCOMPRESSED)} er tilladt")
            members, total = {}, 0
            for item in items:
                parts = []
                with archive.open(item) as part:
                    while True:
                        chunk = part.read(CHUNK)
                        if not chunk:
                            break
                        total += len(chunk)
                        if total > MAX_UNCOMPRESSED:
                            raise ZipLimitError(f"filen fylder mere end {_mb(MAX_UNCOMPRESSED)} udpakket; højst "
                                                f"{_mb(MAX_UNCOMPRESSED)} er tilladt")
                        if keep:
                            parts.append(chunk)
                if keep:
                    members[item.filename] = b"".join(parts)
            return members
    finally:
        stream.close()
