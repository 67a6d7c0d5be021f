"""One rule for every path a project file names or a folder listing yields: resolved (symlinks followed) and
inside its folder before anything opens it.

A spec names files relative to a folder (`logo:` in themes/, `file:` in inputs/data/); slide and table names
are plain names. Nothing a user's file names may lead out of the project: no absolute path, no '..', no
symlink pointing elsewhere. Callers turn the reason returned here into a located Danish message.
"""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

NOT_RELATIVE = "ingen '../' eller fulde stier"
SYMLINK_OUT = "filen er en genvej (symlink), der peger ud af mappen; kopiér filen ind i stedet"
FOLDER_LINK_OUT = "mappen er en genvej (symlink), der peger ud af projektet; kopiér mappen ind i stedet"
_SEPARATORS = re.compile(r"[/\\]")


def within(folder: Path, path: Path) -> bool:
    """Whether `path`, with every symlink resolved, is `folder` itself or lies below it."""
    try:
        resolved, base = Path(path).resolve(), Path(folder).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return resolved == base or base in resolved.parents


def outside_reason(folder: Path, name: str) -> str | None:
    """Why `name`, as written in a file, does not name a file inside `folder`; None when it does."""
    text = str(name)
    parts = _SEPARATORS.split(text)
    if not text.strip() or "\0" in text or Path(text).is_absolute() or PureWindowsPath(text).anchor or ".." in parts:
        return NOT_RELATIVE
    path = Path(folder) / text
    if not within(folder, path) or path.resolve() == Path(folder).resolve():
        return SYMLINK_OUT if _is_link_somewhere(folder, parts) else NOT_RELATIVE
    return None


def resolve_inside(folder: Path, name: str) -> Path | None:
    """`name` resolved inside `folder`, or None when it leads out of it (see outside_reason)."""
    return None if outside_reason(folder, name) else (Path(folder) / name).resolve()


def _is_link_somewhere(folder: Path, parts: list[str]) -> bool:
    path = Path(folder)
    for part in parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def plain_name_problem(name: str, folder: str) -> str | None:
    """A slide or table name is the file's name without folder or '.yaml'; the Danish reason when it is not."""
    text = str(name)
    if _SEPARATORS.search(text) or text.startswith(".") or text.endswith((".yaml", ".yml")) or "\0" in text:
        bare = Path(_SEPARATORS.split(text)[-1]).stem if _SEPARATORS.split(text)[-1] else text
        hint = f", fx '{bare}'" if bare and not bare.startswith(".") else ""
        return f"skriv kun filens navn i {folder} uden mappe, '../', './' og '.yaml'{hint}"
    return None


def escaping_files(files: list[Path], root: Path) -> tuple[list[Path], list[Path]]:
    """Split files found in a project folder into those inside `root` and symlinks that lead out of it.

    A file that is no symlink lies where its folder lies, so only each folder and each symlink is resolved:
    resolving every file of a 40-file project was a quarter of its load time."""
    try:
        base = Path(root).resolve()
    except (OSError, RuntimeError):
        return [], list(files)
    folders: dict[Path, bool] = {}
    inside, out = [], []
    for path in files:
        path = Path(path)
        if path.is_symlink():
            kept = within(base, path)
        else:
            if path.parent not in folders:
                folders[path.parent] = within(base, path.parent)
            kept = folders[path.parent]
        (inside if kept else out).append(path)
    return inside, out
