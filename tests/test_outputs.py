"""The output set (deck, fact ledger, drejebog) is put in place as one: a failure leaves the old set, a kill at
any moment leaves the old set or (once the next build finishes the journal) the new one, never a mix."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.publish import outputs
from briefing.publish.outputs import journal_path, publish, recover

REPO = Path(__file__).resolve().parent.parent
NAMES = ("lille.pptx", "lille-fakta.csv", "lille-drejebog.md")


def _files(folder: Path, tag: str) -> list[tuple[Path, bytes]]:
    return [(folder / name, f"{tag}: {name}\n".encode() * 1000) for name in NAMES]


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _old_set(tmp_path: Path) -> Path:
    folder = tmp_path / "output"
    publish(_files(folder, "gammel"))
    return folder


@pytest.mark.parametrize("failing", [1, 2, 3, 4])
def test_a_failed_rename_puts_the_old_set_back(tmp_path, monkeypatch, failing):
    folder = _old_set(tmp_path)
    before = _state(folder)
    calls = []
    real = os.replace

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace)
    with pytest.raises(BriefingError) as caught:
        publish(_files(folder, "ny"))
    monkeypatch.undo()
    assert "(disken er fuld); de tidligere filer er ikke ændret" in caught.value.problems[0].message
    assert "No space" not in caught.value.render()
    assert _state(folder) == before  # also: no temporary file, backup or journal left


def test_a_file_that_cannot_be_written_leaves_the_old_set(tmp_path):
    folder = _old_set(tmp_path)
    (folder / "lille-drejebog.md").unlink()
    (folder / "lille-drejebog.md").mkdir()
    before = _state(folder)
    with pytest.raises(BriefingError) as caught:
        publish(_files(folder, "ny"))
    assert caught.value.problems[0].message.startswith("der ligger en mappe med det navn, filen skal have")
    assert caught.value.problems[0].location.file == folder / "lille-drejebog.md"
    assert _state(folder) == before


KILL = """
import os, sys
from pathlib import Path
from briefing.publish import outputs
from briefing import files
what, nth, folder = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
count = [0]
def dying(real):
    def call(*args):
        count[0] += 1
        if count[0] == nth:
            os._exit(9)
        return real(*args)
    return call
if what == "replace":
    outputs.os.replace = dying(os.replace)
else:
    files.os.fsync = dying(os.fsync)
outputs.publish([(folder / name, f"ny: {name}\\n".encode() * 1000) for name in
                 ("lille.pptx", "lille-fakta.csv", "lille-drejebog.md")])
"""

# (what is cut short, at which call): three file writes, then the journal, then the three renames
MOMENTS = [("fsync", 1), ("fsync", 2), ("fsync", 3), ("fsync", 4), ("replace", 1), ("replace", 2), ("replace", 3),
           ("replace", 4)]


@pytest.mark.parametrize("what,nth", MOMENTS)
def test_a_kill_at_any_moment_leaves_one_whole_set(tmp_path, what, nth):
    folder = _old_set(tmp_path)
    old = _state(folder)
    done = subprocess.run([sys.executable, "-c", KILL, what, str(nth), str(folder)], cwd=REPO, capture_output=True)
    assert done.returncode == 9, done.stderr
    journal = journal_path(folder / "lille.pptx").exists()
    if not journal:
        assert {n: b for n, b in _state(folder).items() if n in NAMES} == {n: old[n] for n in NAMES}
    recover(folder / "lille.pptx")  # what the next build does first
    now = {n: _state(folder)[n] for n in NAMES}
    tags = {b.split(b":")[0] for b in now.values()}
    assert len(tags) == 1, tags  # all old or all new
    assert tags == ({b"ny"} if journal else {b"gammel"})
    publish(_files(folder, "tredje"))  # the next build sweeps what the killed one left
    assert sorted(_state(folder)) == sorted(NAMES)


def test_a_killed_cli_build_is_finished_or_undone_by_the_next(tmp_path):
    """The real pipeline: a build killed between renaming the deck and the ledger; the next build (here with the
    same inputs) completes a consistent set, equal to an undisturbed build's."""
    from tests.hostile import small_project

    root = small_project(tmp_path / "projekt")
    run = [sys.executable, "-m", "briefing.cli", "build", "--input", str(root / "inputs")]
    assert subprocess.run(run, cwd=root, capture_output=True).returncode == 0
    slide = root / "inputs" / "slides" / "formaal.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("Formålet er", "Målet er"), encoding="utf-8")
    killer = KILL.split("outputs.publish(")[0] + "from briefing.cli import main\nsys.argv = ['briefing', 'build', " \
        f"'--input', {str(root / 'inputs')!r}]\nmain()\n"
    killed = subprocess.run([sys.executable, "-c", killer, "replace", "3", str(root / "output")], cwd=root,
                            capture_output=True)
    assert killed.returncode == 9, killed.stderr
    assert subprocess.run(run, cwd=root, capture_output=True).returncode == 0
    reference = small_project(tmp_path / "uforstyrret")
    slide = reference / "inputs" / "slides" / "formaal.yaml"
    slide.write_text(slide.read_text(encoding="utf-8").replace("Formålet er", "Målet er"), encoding="utf-8")
    assert subprocess.run([sys.executable, "-m", "briefing.cli", "build", "--input", str(reference / "inputs")],
                          cwd=reference, capture_output=True).returncode == 0

    def digest(folder: Path) -> dict[str, str]:
        return {n: hashlib.sha256((folder / "output" / n).read_bytes()).hexdigest() for n in NAMES}

    assert digest(root) == digest(reference)
    assert not [p.name for p in (root / "output").iterdir() if p.name.startswith(".") and p.name != ".cache"]


def test_old_leftover_cache_temp_files_are_swept_and_fresh_ones_kept(tmp_path):
    import os

    from briefing.charts.cache import ChartCache, sweep_leftovers

    charts = tmp_path / ".cache" / "charts"
    charts.mkdir(parents=True)
    old = [charts / ".abc.png.123.tmp", tmp_path / ".cache" / ".record.json.99.tmp"]
    fresh, kept = charts / ".def.png.456.tmp", charts / "abc.png"
    for path in (*old, fresh, kept):
        path.write_bytes(b"x")
    for path in (*old, kept):
        os.utime(path, (1_000_000, 1_000_000))  # long ago
    ChartCache(tmp_path)
    assert [p.exists() for p in (*old, fresh, kept)] == [False, False, True, True]
    assert sweep_leftovers(charts, now=os.stat(fresh).st_mtime + 601) == [fresh]
