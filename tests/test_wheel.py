"""The wheel works alone: built from a copy of the sources, installed into a fresh virtual environment, it
starts a project in an empty folder and builds it, with the example, phrasebook, theme and schemas it carries.
The new environment borrows the installed dependencies of this one (no download, no network)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("briefing", "inputs", "narratives", "themes", "schemas", "pyproject.toml", "setup.py", "MANIFEST.in",
           "README.md", "LICENSE")
RESOURCES = ("inputs/briefing.yaml", "narratives/phrasebook.yaml", "themes/default.yaml", "schemas/slide.schema.json")

pytestmark = pytest.mark.wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed in it (its dependencies seen through a path file)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in SOURCES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(
            ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__", "_data")}
                                          if (ROOT / name).is_dir() else {}))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(work / "dist"),
                    str(source)], check=True, capture_output=True, cwd=work)
    wheel = next((work / "dist").glob("*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    # Dependencies from this environment; its own .pth files (the editable briefing) are not read from there.
    (site / "borrowed.pth").write_text("\n".join({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
                                       + "\n", encoding="utf-8")
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)], check=True,
                   capture_output=True)
    imported = subprocess.run([str(python), "-c", "import briefing; print(briefing.__file__)"], check=True,
                              capture_output=True, text=True, cwd=work).stdout.strip()
    assert Path(imported).is_relative_to(site), imported  # the wheel's briefing, not the source checkout's
    return venv


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bindir / "briefing"), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          timeout=300)


def test_the_wheel_carries_the_example_phrasebook_theme_and_schemas(installed: Path):
    wheel = next(installed.parent.joinpath("dist").glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"briefing/_data/{name}" for name in RESOURCES} <= names
    assert wheel.name.startswith("briefing_beskaeftigelse-0.1.0-")
    shown = subprocess.run([sys.executable, "-m", "pip", "--python", str(installed / "bin" / "python"), "show", "-f",
                            "briefing-beskaeftigelse"], capture_output=True, text=True, check=True).stdout
    assert all(f"briefing/_data/{name}" in shown for name in RESOURCES), shown


def test_init_and_build_from_an_empty_folder_with_the_installed_wheel(installed: Path, tmp_path: Path):
    where = _run(installed, "--version", cwd=tmp_path)
    assert where.returncode == 0 and where.stdout.strip() == "briefing 0.1.0"
    made = _run(installed, "init", "proj", "--eksempel", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in (tmp_path / "proj").iterdir()) == [
        ".gitignore", "inputs", "narratives", "output", "schemas", "themes"]
    built = _run(installed, "build", cwd=tmp_path / "proj")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Præsentationen ligger i output/hedensted-beskaeftigelse.pptx" in built.stdout
    assert (tmp_path / "proj" / "output" / "hedensted-beskaeftigelse.pptx").stat().st_size > 100_000
    blank = _run(installed, "init", "tom", "--kommune", "Vejle", cwd=tmp_path)
    assert blank.returncode == 0, blank.stderr
    built = _run(installed, "build", cwd=tmp_path / "tom")
    assert built.returncode == 0, built.stdout + built.stderr


def test_a_project_with_only_inputs_builds_with_the_shipped_defaults(installed: Path, tmp_path: Path):
    assert _run(installed, "init", "proj", "--eksempel", cwd=tmp_path).returncode == 0
    for folder in ("narratives", "themes", "schemas"):
        shutil.rmtree(tmp_path / "proj" / folder)
    built = _run(installed, "build", cwd=tmp_path / "proj")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Færdig: " in built.stdout
