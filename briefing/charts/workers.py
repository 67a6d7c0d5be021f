"""Chart workers: processes that draw charts while the main process loads the project and assembles the deck.

Importing matplotlib takes longer than loading and planning the whole example. So a
build starts one worker before anything is loaded. It imports and warms up the chart
layer once, then forks the other workers from itself (they inherit all of it). The
main process hands out the jobs as soon as the slides are planned, assembles the deck
meanwhile and waits only at a chart that is not drawn yet. When every chart is
cached, the workers are stopped unused.

The workers import only the chart layer (matplotlib, chartdata, fmt), not pydantic or
the spec models: jobs carry plain data. Used on Linux with at least two cores;
elsewhere, or when the system refuses another process, charts are drawn in the main
process (`draw_inline`).
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import queue
import signal
import sys
import traceback
from collections.abc import Sequence
from types import SimpleNamespace

POLL = 0.5  # seconds between checks that the other side is still alive
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent ends
STOP = "stop"


def can_fork() -> bool:
    """Forking a process that has loaded matplotlib is safe on Linux. macOS offers fork too, but its system
    libraries are not made for it (Python starts processes there with spawn); Windows has no fork."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def usable_cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def start_workers() -> ChartWorkers | None:
    """Chart workers, where processes can be forked and there are two cores or more; else None."""
    if not can_fork() or usable_cores() < 2:
        return None
    try:
        return ChartWorkers()
    except OSError:  # e.g. a limit on processes: the charts are drawn here instead, only slower
        return None


def draw_inline(jobs: Sequence[tuple]) -> list[bytes]:
    from briefing.charts import draw_chart

    return [draw_chart(*job) for job in jobs]


class ChartWorkers:
    """Started at once; `start(jobs)` hands out (data, theme, size) jobs, `result(i)` waits for one PNG."""

    def __init__(self, workers: int | None = None):
        context = multiprocessing.get_context("fork")
        self._workers = workers or usable_cores()
        self._jobs = context.Queue()
        self._results = context.Queue()
        self._done: dict[int, bytes] = {}
        self._forked: list[int] = []
        self._stopped: set[int] = set()  # forked workers that ended after their share of the jobs
        self._suspects: set[int] = set()  # forked workers seen gone without word that they stopped
        self._closed = False
        # Not a daemon: daemonic processes may not fork the further workers.
        self._server = context.Process(target=_serve, args=(self._jobs, self._results, self._workers, os.getpid()))
        self._server.start()
        atexit.register(self.close)  # also when the build is interrupted before it could close them

    def start(self, jobs: Sequence[tuple]) -> None:
        """Hand out the (data, theme, size) jobs, then a stop for every worker."""
        plain = {}
        for index, (data, theme, size) in enumerate(jobs):
            if id(theme) not in plain:
                plain[id(theme)] = plain_theme(theme)
            self._jobs.put((index, (data, plain[id(theme)], size)))
        for _ in range(self._workers):
            self._jobs.put(STOP)

    def result(self, index: int) -> bytes:
        """The PNG of job `index`, waiting for it if needed; a worker's failure is raised here."""
        while index not in self._done:
            try:
                message = self._results.get(timeout=POLL)
            except queue.Empty:
                if not self._server.is_alive():
                    raise RuntimeError(f"the chart worker stopped unexpectedly (exit code {self._server.exitcode})")
                self._check_forked()
                continue
            kind, key, value = message
            if kind == "forked":
                self._forked = value
            elif kind == "stopped":
                self._stopped.add(value)
            elif kind == "error":
                raise RuntimeError(f"drawing chart {key} failed in a worker:\n{value}")
            elif kind == "died":
                raise RuntimeError(f"a chart worker stopped unexpectedly (exit code {value})")
            else:
                self._done[key] = value
        return self._done[index]

    def _check_forked(self) -> None:
        """Raise when a forked worker is gone without having stopped. A worker that ran out of jobs says so on the
        results queue before it ends, but that word may still be on its way when the process is seen gone: a
        worker counts as died only when it is still gone, unannounced, one poll later."""
        gone = {pid for pid in self._forked if pid not in self._stopped and not _alive(pid)}
        if gone & self._suspects:
            raise RuntimeError("a chart worker stopped unexpectedly")
        self._suspects = gone

    def close(self) -> None:
        """Stop every worker at once; used or not, finished or interrupted. Closing twice does nothing."""
        atexit.unregister(self.close)
        if self._closed:
            return
        self._closed = True
        if self._server.is_alive():
            self._server.terminate()  # its handler stops the workers it forked, then it ends (_serve)
        # Waits for the process itself: join(timeout) would wait until the forked workers, which share its
        # exit pipe, had ended too.
        self._server.join()
        for q in (self._jobs, self._results):
            q.close()
            q.cancel_join_thread()  # never block the build on data nobody will read


class LateWorkers:
    """Chart workers started only when there is a chart to draw. For a process that has drawn before (a batch,
    `check` then `build`, the test suite): matplotlib is imported already, so nothing is gained by starting early,
    and a build whose every chart is known starts no process at all. Where no worker can start, drawn here."""

    def __init__(self):
        self._workers: ChartWorkers | None = None
        self._drawn: list[bytes] | None = None

    def start(self, jobs: Sequence[tuple]) -> None:
        self._workers = start_workers()
        if self._workers is None:
            self._drawn = draw_inline(jobs)
        else:
            self._workers.start(jobs)

    def result(self, index: int) -> bytes:
        return self._drawn[index] if self._drawn is not None else self._workers.result(index)

    def close(self) -> None:
        if self._workers is not None:
            self._workers.close()


def drawn_before() -> bool:
    """Whether this process has built a deck with charts before (or imported matplotlib's drawing itself): then a
    rebuild probably knows most charts, and a late start costs little."""
    from briefing.charts.cache import DRAWN

    return len(DRAWN) > 0 or "matplotlib.backends.backend_agg" in sys.modules


def _serve(jobs, results, workers: int, parent: int) -> None:
    """The first worker: import and warm up the chart layer once, fork the other workers from itself, draw."""
    _die_with(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _detach_output()
    forked: list = []
    signal.signal(signal.SIGTERM, lambda *_: _stop(forked))
    from briefing.charts.base import warm_up

    warm_up()
    context = multiprocessing.get_context("fork")
    for _ in range(workers - 1):
        process = context.Process(target=_forked_work, args=(jobs, results, os.getpid()), daemon=True)
        try:
            process.start()
        except OSError:  # the system refuses more processes: draw with the workers there are
            break
        forked.append(process)
    if forked:
        results.put(("forked", None, [process.pid for process in forked]))
    _work(jobs, results, parent)
    for process in forked:
        process.join()
        if process.exitcode:
            results.put(("died", None, process.exitcode))


def plain_theme(theme) -> SimpleNamespace:
    """The theme as nested namespaces of plain values, read the same way (theme.colors.text): a worker can
    unpickle it without importing pydantic and the spec models, which keeps its start short."""

    def convert(value):
        return SimpleNamespace(**{k: convert(v) for k, v in value.items()}) if isinstance(value, dict) else value

    return convert(theme.model_dump())


def _alive(pid: int) -> bool:
    """Whether a worker the first worker forked still runs (a dead one it has not reaped yet is a zombie)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(") ", 1)[1][:1] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def _detach_output() -> None:
    """Workers print nothing (failures travel on the results queue). Holding the terminal's or a pipe's output
    open would make a caller that reads the output wait until the last worker ended, not the build."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)


def _stop(forked: list) -> None:
    """The first worker's answer to terminate(): stop the workers it forked, then itself, at once."""
    for process in forked:
        try:
            process.kill()
        except (OSError, ValueError):  # already gone
            pass
    os._exit(0)


def _die_with(parent: int) -> None:
    """Have the kernel end this worker when the process that started it ends, however that ends (killed, out of
    memory, crashed): no worker is ever left behind without its build."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # _next still notices a parent that is gone, within POLL seconds
    if os.getppid() != parent:  # the parent ended before the line above took effect
        os._exit(0)


def _forked_work(jobs, results, parent: int) -> None:
    """A worker forked by the first one: it ends on terminate() like any process, not by the first's handler."""
    _die_with(parent)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _work(jobs, results, parent)


def _work(jobs, results, parent: int) -> None:
    """Draw jobs until told to stop; give up when the process that started this one is gone."""
    from briefing.charts import draw_chart

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        job = _next(jobs, parent)
        if job == STOP:
            results.put(("stopped", None, os.getpid()))  # not a death: the main process may be waiting on others
            return
        if job is None:
            return
        index, (data, theme, size) = job
        try:
            results.put(("png", index, draw_chart(data, theme, size)))
        except Exception:  # noqa: BLE001  (reported to the main process, which raises it)
            results.put(("error", index, traceback.format_exc()))


def _next(jobs, parent: int):
    """The next message, or None once the process that started this one is gone (no orphan waits forever)."""
    while True:
        try:
            return jobs.get(timeout=POLL)
        except queue.Empty:
            if os.getppid() != parent:
                return None
