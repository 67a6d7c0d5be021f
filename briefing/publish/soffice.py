"""Where LibreOffice is: the setting BRIEFING_SOFFICE, then PATH, then where its installers put it.

The Windows installer does not add LibreOffice to PATH (it goes to C:\\Program Files\\LibreOffice\\program), nor
does the macOS disk image (/Applications/LibreOffice.app). BRIEFING_SOFFICE may name the program itself or the
folder it is installed in (the LibreOffice folder, its program folder, or LibreOffice.app).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

SETTING = "BRIEFING_SOFFICE"
PROGRAMS = ("soffice", "libreoffice")


def find_libreoffice(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """The LibreOffice program to run, or None when it is nowhere to be found."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    setting = env.get(SETTING, "").strip().strip('"')
    if setting:
        return next((str(p) for p in _in_setting(Path(setting).expanduser(), platform) if _runnable(p, platform)),
                    None)
    path = env.get("PATH")
    for name in PROGRAMS:
        found = shutil.which(name, path=path)
        if found:
            return found
    return next((str(p) for p in _installed(env, platform) if _runnable(p, platform)), None)


def setting_problem(env: Mapping[str, str] | None = None) -> str | None:
    """A Danish explanation when BRIEFING_SOFFICE is set but names no LibreOffice, else None."""
    env = os.environ if env is None else env
    setting = env.get(SETTING, "").strip()
    if setting and find_libreoffice(env) is None:
        return f"{SETTING} peger på '{setting}', men der er ingen LibreOffice (soffice) der"
    return None


def _program_names(platform: str) -> tuple[str, ...]:
    return ("soffice.exe", "soffice.com") if platform == "win32" else ("soffice", "libreoffice")


def _in_setting(setting: Path, platform: str) -> Iterator[Path]:
    yield setting
    for folder in (setting, setting / "program", setting / "Contents" / "MacOS"):
        for name in _program_names(platform):
            yield folder / name


def _installed(env: Mapping[str, str], platform: str) -> Iterator[Path]:
    """The places LibreOffice's own installers use on this kind of system, newest-looking folder first."""
    if platform == "win32":
        roots = [env.get(k) for k in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        roots += [str(Path(env["LOCALAPPDATA"]) / "Programs")] if env.get("LOCALAPPDATA") else []
        for root in dict.fromkeys(r for r in roots if r):
            for folder in sorted(Path(root).glob("LibreOffice*"), reverse=True):
                yield folder / "program" / "soffice.exe"
    elif platform == "darwin":
        homes = [Path("/Applications")] + ([Path(env["HOME"]) / "Applications"] if env.get("HOME") else [])
        for apps in homes:
            yield apps / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    else:
        yield Path("/usr/lib/libreoffice/program/soffice")
        for folder in sorted(Path("/opt").glob("libreoffice*"), reverse=True):
            yield folder / "program" / "soffice"
        yield Path("/snap/bin/libreoffice")


def _runnable(path: Path, platform: str) -> bool:
    try:
        return path.is_file() and (platform == "win32" or os.access(path, os.X_OK))
    except OSError:
        return False
