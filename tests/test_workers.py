"""Chart worker processes: same deck as drawing in one process, failures reported, nothing left running."""

from __future__ import annotations

import os
import time

import pytest
from click.testing import CliRunner

from briefing.charts import workers
from briefing.build import build
from briefing.cli import main
from briefing.spec.models import ThemeSpec

from .hostile import small_project

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="chart workers run on Linux only")


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name: state, ppid, pgrp, ...; None when gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return None


def _cmdline(pid: int) -> bytes | None:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return None


def _children() -> list[int]:
    """Live processes forked from this one, also those forked by a worker and left without a parent: a forked
    process keeps its parent's command line and process group. A sibling test process (pytest-xdist) shares both,
    so a process whose parent chain leads to this one's parent instead of to this one is left out."""
    me, group, command = os.getpid(), os.getpgrp(), _cmdline(os.getpid())
    stats = {int(e): _stat(int(e)) for e in os.listdir("/proc") if e.isdigit() and int(e) != me}
    candidates = {pid: st for pid, st in stats.items()
                  if st and int(st[2]) == group and st[0] != "Z" and _cmdline(pid) == command}

    def forked_here(pid: int) -> bool:
        parent = int(candidates[pid][1])
        while parent in candidates:  # up through the workers' own forks
            parent = int(candidates[parent][1])
        return parent != os.getppid()  # this one, or init or a subreaper that adopted an orphan

    return [pid for pid in candidates if forked_here(pid)]


def _no_children_within(seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while _children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _children()


def test_workers_give_the_same_deck_as_drawing_in_one_process(project, monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    in_workers = build(project / "inputs", project / "a.pptx", cache=False, parallel=True)
    in_process = build(project / "inputs", project / "b.pptx", cache=False, parallel=False)
    assert in_workers.path.read_bytes() == in_process.path.read_bytes()
    assert _no_children_within(5)


def test_cached_charts_give_the_same_deck_as_drawn_ones(project):
    from briefing.charts.cache import DRAWN

    DRAWN.clear()  # drawn here, not remembered from an earlier test
    drawn = build(project / "inputs", project / "a.pptx").path.read_bytes()
    DRAWN.clear()  # as in a new process
    cached = build(project / "inputs", project / "b.pptx").path.read_bytes()  # every chart from the cache now
    assert cached == drawn


def test_workers_started_early_are_stopped_when_the_inputs_are_wrong(project, monkeypatch):
    (project / "inputs" / "briefing.yaml").write_text("title: [\n", encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert _no_children_within(5)


def test_workers_are_stopped_when_nothing_changed(project, monkeypatch):
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    result = CliRunner().invoke(main, ["build"])
    assert "Ingen ændringer" in result.output
    assert _no_children_within(5)


def _broken_chart(*_args, **_kwargs):
    raise ZeroDivisionError("a bug in a chart builder")


def test_a_chart_that_fails_in_a_worker_gives_the_danish_message_and_keeps_the_old_deck(project, monkeypatch):
    monkeypatch.chdir(project)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    deck = project / "output" / "hedensted-beskaeftigelse.pptx"
    before = deck.read_bytes()
    monkeypatch.setattr("briefing.charts.draw_chart", _broken_chart)  # forked workers inherit the patch
    result = CliRunner().invoke(main, ["build", "--forfra"])
    assert result.exit_code == 2
    assert result.output.startswith("Der skete en uventet fejl i briefing. Den tidligere præsentation er ikke ændret.")
    assert deck.read_bytes() == before
    assert _no_children_within(5)


def _dying_chart(*_args, **_kwargs):
    os._exit(9)  # as if the worker were killed, e.g. by the kernel for want of memory


def test_a_worker_that_dies_is_noticed_instead_of_waited_for(project, monkeypatch):
    monkeypatch.setattr("briefing.charts.draw_chart", _dying_chart)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="stopped unexpectedly"):
        build(project / "inputs", project / "a.pptx", cache=False, parallel=True)
    assert time.monotonic() - started < 30
    assert not (project / "a.pptx").exists()
    assert _no_children_within(5)


def _slow_for_the_last_chart(data, theme, size):
    if data == "slow":
        time.sleep(workers.POLL * 4)
    return data.encode("ascii")


def test_a_worker_that_ran_out_of_jobs_is_not_taken_for_dead(monkeypatch):
    """One worker ends after its quick job while another still draws: waiting for the slow one must not fail."""
    monkeypatch.setattr("briefing.charts.draw_chart", _slow_for_the_last_chart)
    monkeypatch.setattr(workers, "POLL", 0.1)  # the same race in polls, in a fifth of the time
    pool = workers.ChartWorkers(workers=2)
    try:
        pool.start([("quick", ThemeSpec(), (1, 1)), ("slow", ThemeSpec(), (1, 1))])
        assert pool.result(1) == b"slow"
        assert pool.result(0) == b"quick"
    finally:
        pool.close()


def test_unused_workers_stop_at_once():
    pool = workers.start_workers()
    if pool is None:
        pytest.skip("one core: charts are drawn in the main process")
    pool.close()
    assert _no_children_within(5)


def test_the_chart_layer_loads_without_the_spec_models():
    """Workers start before the project loads; they must not need pydantic (slow to import) to draw."""
    import subprocess
    import sys

    code = ("import sys, pickle; import briefing.charts; from briefing.spec.chartdata import ChartData; "
            "print(sorted(m for m in ('pydantic', 'briefing.spec.models', 'pptx') if m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_workers_draw_from_a_plain_copy_of_the_theme(project):
    from briefing.kinds import KINDS
    from briefing.kinds.plan import plan_slides
    from briefing.charts import draw_chart
    from briefing.errors import Problems
    from briefing.build import load

    loaded = load(project / "inputs")
    content = next(c for c in plan_slides(loaded, Problems(), KINDS) if c.chart_data is not None)
    theme = loaded.theme.spec
    plain = workers.plain_theme(theme)
    assert plain.colors.highlight == theme.colors.highlight and plain.fonts.chart == list(theme.fonts.chart)
    assert draw_chart(content.chart_data, plain, (8, 4.3)) == draw_chart(content.chart_data, theme, (8, 4.3))


def test_a_refused_fork_draws_the_charts_in_the_main_process(project, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert workers.start_workers() is None
    root = small_project(project / "lille")  # one chart to draw is enough
    result = build(root / "inputs", root / "a.pptx", cache=False)
    assert result.path.is_file() and result.slides == 5


def _example_jobs(project) -> list[tuple]:
    from briefing.kinds import KINDS
    from briefing.kinds.plan import plan_slides
    from briefing.errors import Problems
    from briefing.build import load

    loaded = load(project / "inputs")
    return [(c.chart_data, loaded.theme.spec, (c.extra["chart_box"].width, c.extra["chart_box"].height))
            for c in plan_slides(loaded, Problems(), KINDS) if c.chart_data is not None]


def test_closing_while_charts_are_drawn_stops_every_worker(project):
    pool = workers.ChartWorkers(workers=2)
    pool.start(_example_jobs(project) * 3)
    pool.result(0)  # drawing has begun, in both workers
    pool.close()
    assert _no_children_within(2)


def test_workers_end_with_a_build_that_is_killed(tmp_path):
    """Killed outright (no finally runs), the build's workers must not live on."""
    import signal
    import subprocess
    import sys

    marker = f"briefing-kill-test-{tmp_path.name}"
    # The child waits until its workers run (the first one and one it forked), prints their pids, then dies.
    code = (f"# {marker}\nimport os, signal, time\nfrom briefing.charts.workers import ChartWorkers\n"
            "pool = ChartWorkers(workers=2)\nserver = pool._server.pid\n"
            "def children(pid):\n"
            "    found = []\n"
            "    for entry in os.listdir('/proc'):\n"
            "        try:\n"
            "            with open(f'/proc/{entry}/stat') as f:\n"
            "                if int(f.read().rsplit(') ', 1)[1].split()[1]) == pid:\n"
            "                    found.append(int(entry))\n"
            "        except (OSError, ValueError, IndexError):\n"
            "            pass\n"
            "    return found\n"
            "deadline = time.monotonic() + 30\n"
            "while not children(server) and time.monotonic() < deadline:\n"
            "    time.sleep(0.02)\n"
            "print(server, *children(server), flush=True)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True, text=True)
    workers_seen = [int(pid) for pid in done.stdout.split()]
    assert len(workers_seen) >= 2, (done.stdout, done.stderr)  # the first worker and one it forked were running

    def left() -> list[int]:
        found = []
        for entry in os.listdir("/proc"):
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if marker.encode() in f.read() or int(entry) in workers_seen:
                        found.append(int(entry))
            except (OSError, ValueError):
                pass
        return found

    deadline = time.monotonic() + 3
    while left() and time.monotonic() < deadline:
        time.sleep(0.05)
    remaining = left()
    for pid in remaining:  # tidy up before failing
        os.kill(pid, signal.SIGKILL)
    assert remaining == []


MAIN_PID = os.getpid()


def _slow_in_the_first_worker(data, theme, size):
    """The first worker (the main process's child) draws slowly; the worker it forked is done long before."""
    if os.getppid() == MAIN_PID:
        time.sleep(6 * workers.POLL)
    return f"png {data}".encode()


def test_a_worker_that_runs_out_of_jobs_while_another_still_draws_is_not_a_crash(monkeypatch):
    from briefing.spec.models import ThemeSpec

    monkeypatch.setattr("briefing.charts.draw_chart", _slow_in_the_first_worker)
    monkeypatch.setattr(workers, "POLL", 0.1)
    pool = workers.ChartWorkers(workers=2)
    try:
        theme = ThemeSpec()
        pool.start([(i, theme, (1, 1)) for i in range(6)])
        assert [pool.result(i) for i in range(6)] == [f"png {i}".encode() for i in range(6)]
    finally:
        pool.close()
    assert _no_children_within(5)
