"""Caching so rebuilds are cheap: charts keyed by a hash of what they show, and whole-build fingerprints.

The cache lives in output/.cache/ (git-ignored with output/); deleting it is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from briefing import __version__

CACHE_DIR = ".cache"


@functools.lru_cache(maxsize=1)
def _code() -> str:
    """Hash of briefing's own code, so a changed tool never reuses old pictures or skips a needed rebuild."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parents[1].rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _matplotlib_version() -> str:
    from importlib.metadata import version

    return version("matplotlib")  # read from metadata: importing matplotlib costs a rebuild ~0,3 s


# The parts of the theme a chart is drawn with; a new logo, footer, template or slide text size keeps every chart.
# tests/test_chart_memory.py draws every chart kind with a theme that records what is read, against this list.
CHART_THEME = {"colors": True, "dpi": True, "fonts": {"chart": True}, "sizes": {"minimum": True}}


def chart_theme(theme) -> dict:
    """The parts of `theme` (a ThemeSpec) the charts are drawn with (CHART_THEME)."""
    return theme.model_dump(include=CHART_THEME, mode="json")


def chart_key(data, theme, size: tuple[float, float]) -> str:
    """Hash of everything a chart's pixels depend on: its data, the theme's chart parts, the size, the code and
    versions."""
    payload = repr((data, json.dumps(chart_theme(theme), sort_keys=True), tuple(round(v, 4) for v in size),
                    __version__, _matplotlib_version(), _code()))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


DAMAGED: dict[Path, list[Path]] = {}  # output folder -> damaged cache files found (and removed) this build


def _damaged(folder: Path, path: Path) -> None:
    """Note a damaged cache file for the build's warnings and remove it so it is rewritten."""
    DAMAGED.setdefault(Path(folder), []).append(path)
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def damaged_files(folder: Path) -> list[Path]:
    """The damaged cache files found below output folder `folder` since the last call (they were rebuilt)."""
    return DAMAGED.pop(Path(folder), [])


def png_is_whole(data: bytes) -> bool:
    """Whether `data` is a PNG that decodes completely (a truncated or garbled file does not)."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG":
                return False
            image.load()
        return True
    except Exception:  # Pillow raises many kinds for a damaged picture
        return False


class ChartCache:
    """PNGs by chart key, each with the SHA-256 of its bytes beside it; nothing is reused unverified."""

    def __init__(self, folder: Path, writable: bool = True):
        self.output = Path(folder)
        self.folder = Path(folder) / CACHE_DIR / "charts"
        self.writable = writable  # `check` only reads: it writes nothing, not even here
        if writable:
            sweep_leftovers(self.folder)
            sweep_leftovers(self.folder.parent)

    def _files(self, key: str) -> tuple[Path, Path]:
        """The picture and the file with its SHA-256."""
        return self.folder / f"{key}.png", self.folder / f"{key}.sha256"

    def get(self, key: str) -> bytes | None:
        path, digest = self._files(key)
        try:
            png = path.read_bytes()
        except OSError:
            return None
        if _stored_digest(digest) != hashlib.sha256(png).hexdigest() or not png_is_whole(png):
            if self.writable:  # a reader leaves the repair (and its warning) to the next build
                _damaged(self.output, path)
                _damaged_quietly(digest)
            return None
        return png

    def keep(self, key: str, png: bytes) -> None:
        """Make sure the cache holds `png` (known good: drawn in this process) for `key`; a different or damaged
        copy on disk is noted as damaged and written again."""
        if not self.writable:
            return
        path, digest = self._files(key)
        try:
            held = path.read_bytes()
        except FileNotFoundError:
            self.put(key, png)
            return
        except OSError:
            held = None
        if held != png or _stored_digest(digest) != hashlib.sha256(png).hexdigest():
            _damaged(self.output, path)
            self.put(key, png)

    def put(self, key: str, png: bytes) -> None:
        if not self.writable:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, blob in ((f"{key}.png", png), (f"{key}.sha256", hashlib.sha256(png).hexdigest().encode())):
                temp = self.folder / f".{name}.{os.getpid()}.tmp"
                temp.write_bytes(blob)
                os.replace(temp, self.folder / name)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


class DrawnCharts:
    """The chart pictures this process drew or read, by drawing function and key, up to `limit` bytes (the least
    recently used go first): a process that builds again (a batch, `check` then `build`, the test suite) draws
    an unchanged chart once. The drawing function is part of the key, so a replaced one draws its own pictures."""

    def __init__(self, limit: int = 16 * 2**20):  # about 150 of the example's charts
        from collections import OrderedDict

        self.limit = limit
        self._pictures: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = 0

    def get(self, drawer, key: str) -> bytes | None:
        png = self._pictures.get((drawer, key))
        if png is not None:
            self._pictures.move_to_end((drawer, key))
        return png

    def put(self, drawer, key: str, png: bytes) -> None:
        if (drawer, key) in self._pictures or len(png) > self.limit:
            return
        self._pictures[(drawer, key)] = png
        self._size += len(png)
        while self._size > self.limit:
            _, dropped = self._pictures.popitem(last=False)
            self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._pictures)

    def clear(self) -> None:
        self._pictures.clear()
        self._size = 0


DRAWN = DrawnCharts()


def _stored_digest(path: Path) -> str:
    """The SHA-256 written beside a picture; '' when it cannot be read (the picture then counts as damaged)."""
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, ValueError):
        return ""


LEFTOVER_AGE = 600  # seconds: a temporary file this old belongs to no build still running


def sweep_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files (.<name>.<pid>.tmp) that killed builds left in a cache folder. Only old ones: a
    build running beside this one (a batch on every core) may be writing its own right now."""
    import time

    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AGE:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            pass  # gone already, or not ours to remove: the next build tries again
    return removed


def _damaged_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def fingerprint(paths: Iterable[Path], extra: str = "") -> str:
    """Hash of the contents of all input files (sorted by path), the tool version and `extra`."""
    digest = hashlib.sha256(f"{__version__}\0{_code()}\0{extra}".encode("utf-8"))
    for path in sorted({Path(p).resolve() for p in paths}):
        digest.update(str(path).encode("utf-8") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()


class BuildRecord:
    """What the last build of a deck was made from, to skip a rebuild when nothing changed. A record that
    cannot be read is noted as damaged and treated as absent; the next save rewrites it."""

    def __init__(self, target: Path):
        self.path = target.parent / CACHE_DIR / "builds" / f"{target.name}.json"
        self.target = target
        self._record = self._read()

    def _read(self) -> dict:
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            record = None
        valid = isinstance(record, dict) and isinstance(record.get("fingerprint"), str) and \
            isinstance(record.get("deck"), str) and type(record.get("slides")) is int and record["slides"] >= 0
        if not valid:
            if self.path.exists():
                _damaged(self.target.parent, self.path)
            return {}
        return record

    def unchanged(self, print_: str) -> bool:
        if not self._record:
            return False
        try:
            current = hashlib.sha256(self.target.read_bytes()).hexdigest()
        except OSError:
            return False
        return self._record.get("fingerprint") == print_ and self._record.get("deck") == current

    def slides(self) -> int:
        return int(self._record.get("slides", 0))

    def save(self, print_: str, deck: bytes, slides: int) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"fingerprint": print_, "deck": hashlib.sha256(deck).hexdigest(), "slides": slides}
            temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
            temp.write_text(json.dumps(data), encoding="utf-8")
            os.replace(temp, self.path)
        except OSError:
            pass

    def forget(self) -> None:
        """Remove the record (a build without the cache made a deck it does not describe)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
