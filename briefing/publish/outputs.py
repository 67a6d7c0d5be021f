"""The outputs of one build (deck, fact ledger, drejebog) are put in place as one set.

Everything is rendered before this module is called. Then every file is written to a temporary file beside
its target and flushed to disk; only when all are complete is a journal written that lists them, and then
they are renamed into place, the deck first. A failure before the journal leaves the old set untouched; a
failure during the renames puts the old files back. A kill during the renames leaves the journal, and the
next build (or `recover`) finishes the renames, so the folder holds the whole old set or the whole new
one, never a mix. Temporary files an interrupted build left behind are removed.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from briefing.errors import BriefingError, Location, Problem, fail
from briefing.files import fsync_folder, os_reason, write_temp

JOURNAL_SUFFIX = ".saetter.json"


def cache_warnings(deck: Path) -> list[Problem]:
    """One warning per damaged file in output/.cache that this build found, threw away and made again."""
    from briefing.charts.cache import damaged_files

    return [Problem("filen i mellemlageret var beskadiget og er lavet forfra", Location(path), severity="advarsel")
            for path in dict.fromkeys(damaged_files(deck.parent))]


def forget_record(deck: Path) -> None:
    from briefing.charts.cache import BuildRecord

    BuildRecord(deck).forget()
    from briefing.charts.cache import damaged_files

    damaged_files(deck.parent)  # reading it to remove it is no news


def journal_path(deck: Path) -> Path:
    """The journal of a set being put in place: output/.<deck>.saetter.json."""
    return deck.with_name(f".{deck.name}{JOURNAL_SUFFIX}")


def publish(files: list[tuple[Path, bytes]]) -> None:
    """Write `files` (the deck first) as one set, or raise a located Danish error with the old set in place."""
    deck = files[0][0]
    folder = deck.parent
    _make_folder(folder)
    recover(deck)
    sweep(folder, [path for path, _ in files])
    _refuse_folders(files)
    temps: list[Path] = []
    try:
        for path, data in files:
            temps.append(write_temp(path, data))
        journal = journal_path(deck)
        entries = [[temp.name, path.name] for temp, (path, _) in zip(temps, files)]
        journal_temp = write_temp(journal, json.dumps(entries).encode("utf-8"))
        temps.append(journal_temp)
        os.replace(journal_temp, journal)
        temps.pop()
        fsync_folder(folder)
    except BriefingError:
        _remove(temps)
        raise
    except OSError as exc:
        _remove(temps)
        raise _write_error(exc, folder) from None
    _put_in_place(deck, [(temp, path) for temp, (path, _) in zip(temps, files)])


def recover(deck: Path) -> bool:
    """Finish the renames of a set a killed build had completed; True when there was one to finish."""
    journal = journal_path(deck)
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))
        pairs = [(deck.with_name(str(temp)), deck.with_name(str(target))) for temp, target in entries]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, TypeError):  # a damaged journal: nothing was renamed from it that can be trusted
        journal.unlink(missing_ok=True)
        return False
    for temp, target in pairs:
        if "/" in temp.name or temp.parent != deck.parent or target.parent != deck.parent:
            continue  # a journal names only files in its own folder
        if temp.is_file():
            os.replace(temp, target)
    journal.unlink(missing_ok=True)
    fsync_folder(deck.parent)
    return True


def sweep(folder: Path, targets: list[Path]) -> list[Path]:
    """Remove temporary files that an interrupted build left beside `targets` (.<name>.*.tmp, .<name>.*.old)."""
    removed = []
    names = {t.name for t in targets} | {journal_path(targets[0]).name} if targets else set()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not name.startswith(".") or not name.endswith((".tmp", ".old")):
            continue
        if any(name.startswith(f".{target}.") for target in names) and entry.is_file() and not entry.is_symlink():
            entry.unlink(missing_ok=True)
            removed.append(entry)
    return removed


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise fail(f"mappen kan ikke oprettes ({os_reason(exc)})", Location(folder)) from None


def _refuse_folders(files: list[tuple[Path, bytes]]) -> None:
    problems = [Problem("der ligger en mappe med det navn, filen skal have; flyt eller omdøb mappen og byg igen",
                        Location(path)) for path, _ in files if path.is_dir()]
    if problems:
        raise BriefingError(problems)


def _put_in_place(deck: Path, pairs: list[tuple[Path, Path]]) -> None:
    """Rename every temporary file over its target; on failure put back what was there and raise."""
    token = secrets.token_hex(4)
    backups: list[tuple[Path, Path | None]] = []
    done: list[Path] = []
    try:
        for temp, target in pairs:
            backups.append((target, _backup(target, token)))
        for temp, target in pairs:
            os.replace(temp, target)
            done.append(target)
    except OSError as exc:
        for target, backup in backups:
            if target in done and backup is not None:
                os.replace(backup, target)
            elif target in done:
                target.unlink(missing_ok=True)
        _remove([temp for temp, _ in pairs] + [b for _, b in backups if b is not None])
        journal_path(deck).unlink(missing_ok=True)
        raise _write_error(exc, deck.parent, pairs[len(done)][1]) from None  # the file that could not be replaced
    journal_path(deck).unlink(missing_ok=True)
    _remove([b for _, b in backups if b is not None])
    fsync_folder(deck.parent)


def _backup(target: Path, token: str) -> Path | None:
    """A hard link to the file `target` holds now, so it can be put back; None when there is none."""
    if not target.is_file():
        return None
    backup = target.with_name(f".{target.name}.{token}.old")
    try:
        os.link(target, backup)
    except OSError:
        backup.write_bytes(target.read_bytes())  # a file system without hard links
    return backup


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _write_error(exc: OSError, folder: Path, path: Path | None = None) -> BriefingError:
    where = Location(path or folder)
    if isinstance(exc, PermissionError) and path is not None and path.is_file():
        # What Windows answers while PowerPoint (or Excel, for the fact list) has the file open.
        return fail("filen kan ikke overskrives; den er måske åben i PowerPoint eller et andet program. Luk den og "
                    "byg igen (de tidligere filer er ikke ændret)", where)
    return fail(f"præsentationen og dens filer kan ikke skrives ({os_reason(exc)}); de tidligere filer er "
                "ikke ændret", where)
