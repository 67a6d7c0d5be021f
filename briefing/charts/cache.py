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


def chart_key(data, theme, size: tuple[float, float]) -> str:
    """Hash of everything a chart's pixels depend on: its data, the theme, the size, the code and versions."""
    payload = repr((data, theme.model_dump_json(), tuple(round(v, 4) for v in size), __version__,
                    _matplotlib_version(), _code()))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ChartCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder) / CACHE_DIR / "charts"

    def get(self, key: str) -> bytes | None:
        path = self.folder / f"{key}.png"
        try:
            return path.read_bytes()
        except OSError:
            return None

    def put(self, key: str, png: bytes) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temp = self.folder / f".{key}.{os.getpid()}.tmp"
            temp.write_bytes(png)
            os.replace(temp, self.folder / f"{key}.png")
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


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
    """What the last build of a deck was made from, to skip a rebuild when nothing changed."""

    def __init__(self, target: Path):
        self.path = target.parent / CACHE_DIR / "builds" / f"{target.name}.json"
        self.target = target

    def unchanged(self, print_: str) -> bool:
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            current = hashlib.sha256(self.target.read_bytes()).hexdigest()
        except (OSError, ValueError):
            return False
        return record.get("fingerprint") == print_ and record.get("deck") == current

    def slides(self) -> int:
        try:
            return int(json.loads(self.path.read_text(encoding="utf-8")).get("slides", 0))
        except (OSError, ValueError):
            return 0

    def save(self, print_: str, deck: bytes, slides: int) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = {"fingerprint": print_, "deck": hashlib.sha256(deck).hexdigest(), "slides": slides}
            self.path.write_text(json.dumps(data), encoding="utf-8")
        except OSError:
            pass
