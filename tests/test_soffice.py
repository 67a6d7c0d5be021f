"""LibreOffice is found where its installers put it on Windows and macOS, not only on PATH, and the setting
BRIEFING_SOFFICE points at any other place; tested on fake install trees."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.publish import soffice
from briefing.publish.soffice import find_libreoffice, setting_problem


def _program(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_windows_program_files_is_searched_when_path_has_no_soffice(tmp_path):
    program = _program(tmp_path / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    env = {"PATH": str(tmp_path / "empty"), "ProgramFiles": str(tmp_path / "Program Files")}
    assert find_libreoffice(env, "win32") == str(program)


def test_windows_32_bit_and_per_user_installs_are_found(tmp_path):
    env = {"PATH": "", "ProgramFiles": str(tmp_path / "pf"), "ProgramFiles(x86)": str(tmp_path / "pf86"),
           "LOCALAPPDATA": str(tmp_path / "local")}
    assert find_libreoffice(env, "win32") is None
    user = _program(tmp_path / "local" / "Programs" / "LibreOffice" / "program" / "soffice.exe")
    assert find_libreoffice(env, "win32") == str(user)
    older = _program(tmp_path / "pf86" / "LibreOffice 5" / "program" / "soffice.exe")
    assert find_libreoffice(env, "win32") == str(older)  # Program Files (x86) comes before the user's folder


def test_macos_applications_folders_are_searched(tmp_path, monkeypatch):
    home = tmp_path / "home"
    env = {"PATH": "", "HOME": str(home)}
    assert find_libreoffice(env, "darwin") is None
    program = _program(home / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert find_libreoffice(env, "darwin") == str(program)


def test_path_comes_before_the_install_folders(tmp_path):
    on_path = _program(tmp_path / "bin" / "soffice")
    _program(tmp_path / "pf" / "LibreOffice" / "program" / "soffice.exe")
    assert find_libreoffice({"PATH": str(tmp_path / "bin"), "ProgramFiles": str(tmp_path / "pf")}, "linux") == \
        str(on_path)


@pytest.mark.parametrize("points_at", ["program", "program folder", "install folder", "app"])
def test_the_setting_may_name_the_program_or_the_folder_it_is_installed_in(tmp_path, points_at):
    app = tmp_path / "Min LibreOffice.app"
    mac = _program(app / "Contents" / "MacOS" / "soffice")
    install = tmp_path / "LibreOffice"
    program = _program(install / "program" / "soffice")
    setting, expected = {"program": (program, program), "program folder": (program.parent, program),
                         "install folder": (install, program), "app": (app, mac)}[points_at]
    _program(tmp_path / "bin" / "soffice")  # the setting wins over PATH
    env = {"BRIEFING_SOFFICE": str(setting), "PATH": str(tmp_path / "bin")}
    assert find_libreoffice(env, "linux") == str(expected)
    assert setting_problem(env) is None


def test_a_setting_that_names_no_libreoffice_says_so_in_danish(project, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_SOFFICE", str(tmp_path / "ingen"))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert (f"advarsel: output/hedensted-beskaeftigelse.pdf: PDF'en er ikke lavet: BRIEFING_SOFFICE peger på "
            f"'{tmp_path / 'ingen'}', men der er ingen LibreOffice (soffice) der. Præsentationen er bygget"
            ) in result.output.splitlines()


def test_the_pdf_is_made_with_libreoffice_from_its_install_folder(project, tmp_path, monkeypatch):
    """A stand-in soffice in a Windows-like install tree, not on PATH, is the one that converts."""
    script = ('while [ "$1" != "--outdir" ]; do shift; done; mkdir -p "$2"; '
              'printf "%%PDF-1.4" > "$2/hedensted-beskaeftigelse.pdf"')
    _program(tmp_path / "pf" / "LibreOffice" / "program" / "soffice").write_text(f"#!/bin/sh\n{script}\n")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.setattr(soffice, "_installed", lambda env, platform: iter(
        [tmp_path / "pf" / "LibreOffice" / "program" / "soffice"]))
    monkeypatch.setattr(soffice.shutil, "which", lambda name, path=None: None)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build", "--pdf"])
    assert result.exit_code == 0, result.output
    assert (project / "output" / "hedensted-beskaeftigelse.pdf").read_bytes() == b"%PDF-1.4"
