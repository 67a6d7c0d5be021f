"""Write stage: reproducible zip bytes, written atomically so a failed build never leaves half a deck."""

from __future__ import annotations

import errno
import io
import os
import tempfile
import zipfile
from pathlib import Path

from briefing.errors import Location, fail

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
STORED = (".png", ".jpg", ".jpeg")


class reproducible_zip:
    """A zip in memory whose entries all get the same timestamp and attributes, so equal content gives equal
    bytes. `write(name, blob)` takes a python-pptx PackURI or a plain member name; `data` is the finished zip."""

    def __enter__(self):
        self._buffer = io.BytesIO()
        self._zip = zipfile.ZipFile(self._buffer, "w", zipfile.ZIP_DEFLATED)
        return self

    def write(self, name, blob: bytes) -> None:
        member = getattr(name, "membername", name)
        info = zipfile.ZipInfo(member, date_time=FIXED_ZIP_TIME)
        # Pictures are compressed already: deflating them again only costs time.
        info.compress_type = zipfile.ZIP_STORED if member.lower().endswith(STORED) else zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, blob)

    def __exit__(self, *exc) -> None:
        self._zip.close()
        self.data = self._buffer.getvalue()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path` (write_temp) and rename it into place."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"mappen kan ikke oprettes eller skrives i ({os_reason(exc)})", Location(path.parent)) from None
    temp = write_temp(path, data, folder_problem="mappen kan ikke oprettes eller skrives i")
    try:
        os.replace(temp, path)
    except PermissionError:
        temp.unlink(missing_ok=True)
        raise fail("filen kan ikke overskrives; den er måske åben i PowerPoint eller et andet program. "
                   "Luk den og byg igen", Location(path)) from None
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise fail(f"filen kan ikke skrives ({os_reason(exc)})", Location(path)) from None


OS_REASONS = {
    errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "der er ikke mere plads i din kvote på drevet",
    errno.EACCES: "adgang nægtet",
    errno.EPERM: "handlingen er ikke tilladt",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.EISDIR: "det er en mappe, ikke en fil",
    errno.ENOTDIR: "en del af stien er en fil, ikke en mappe",
    errno.ENOENT: "filen eller mappen findes ikke",
    errno.EEXIST: "filen findes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.ELOOP: "genveje (symlinks) peger i ring",
    errno.EIO: "læse- eller skrivefejl på drevet",
    errno.EBUSY: "filen er i brug af et andet program",
    errno.EMFILE: "for mange åbne filer",
    errno.ETXTBSY: "filen er i brug af et andet program",
    errno.EFBIG: "filen er for stor",
}


def os_reason(exc: OSError) -> str:
    """The operating system's reason for `exc` in Danish (its own text is in English)."""
    return OS_REASONS.get(exc.errno, f"systemfejl {exc.errno}" if exc.errno else "systemfejl")


def write_temp(path: Path, data: bytes, *, folder_problem: str = "mappen kan ikke skrives i") -> Path:
    """`data` in a complete, flushed temporary file beside `path` (.<name>.<random>.tmp); the caller renames it."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise fail(f"{folder_problem} ({os_reason(exc)})", Location(path.parent)) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes owner-only files; a shared output folder needs more
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise fail(f"filen kan ikke skrives ({os_reason(exc)})", Location(path)) from None
    return temp


def fsync_folder(folder: Path) -> None:
    """Make renames in `folder` durable where the system allows it (not on Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
