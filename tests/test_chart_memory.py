"""Charts drawn once per process, and read from the project's cache by `check` without `check` writing. On a small
project with one chart: the example's charts go the same way."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

import pytest

import briefing.charts
from briefing.build import build, check
from briefing.charts import render
from briefing.charts.cache import CHART_THEME, DRAWN, DrawnCharts
from briefing.spec.chartdata import Series

from .hostile import small_project

CHARTS = 1  # chart slides in the small project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return small_project(tmp_path / "lille")


@pytest.fixture
def drawn(monkeypatch) -> list[int]:
    """The number of charts each build had to draw (here or in the workers), from a memory that starts empty."""
    counts: list[int] = []
    real_draw, real_known = render.draw_charts, render._known

    def counting(contents, theme, cache=None, workers=None, *, reuse=True):
        counts.append(0 if reuse else sum(c.chart_data is not None for c in contents))
        real_draw(contents, theme, cache, workers, reuse=reuse)

    def known(drawer, key, cache):
        png = real_known(drawer, key, cache)
        counts[-1] += png is None
        return png

    monkeypatch.setattr(render, "draw_charts", counting)
    monkeypatch.setattr(render, "_known", known)
    DRAWN.clear()
    return counts


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_second_build_in_the_same_process_draws_no_chart_and_fills_its_own_cache(project, tmp_path, drawn):
    first = build(project / "inputs", tmp_path / "a" / "deck.pptx", parallel=False)
    second = build(project / "inputs", tmp_path / "b" / "deck.pptx", parallel=False)
    assert drawn == [CHARTS, 0]
    assert second.data == first.data
    assert len(list((tmp_path / "b" / ".cache" / "charts").glob("*.png"))) == CHARTS


def test_forfra_draws_every_chart_again(project, tmp_path, drawn):
    build(project / "inputs", tmp_path / "a.pptx", parallel=False)
    build(project / "inputs", tmp_path / "b.pptx", parallel=False, cache=False)
    assert drawn == [CHARTS, CHARTS]


def test_a_replaced_drawing_function_draws_its_own_pictures(project, tmp_path, drawn, monkeypatch):
    build(project / "inputs", tmp_path / "a" / "deck.pptx", parallel=False)
    real = briefing.charts.draw_chart
    monkeypatch.setattr(briefing.charts, "draw_chart", lambda data, theme, size: real(data, theme, size))
    build(project / "inputs", tmp_path / "b" / "deck.pptx", parallel=False)
    assert drawn == [CHARTS, CHARTS]


def test_check_reads_the_charts_a_build_left_and_writes_nothing(project, drawn):
    build(project / "inputs", parallel=False)
    DRAWN.clear()  # as in a new process: only the cache on disk knows the charts
    before = _files(project / "output")
    result = check(project / "inputs")
    assert drawn == [CHARTS, 0]
    assert (result.warnings, result.findings) == ([], [])
    assert _files(project / "output") == before


def test_check_leaves_a_damaged_cache_alone_and_draws_the_chart(project, drawn):
    build(project / "inputs", parallel=False)
    DRAWN.clear()
    picture = sorted((project / "output" / ".cache" / "charts").glob("*.png"))[0]
    picture.write_bytes(picture.read_bytes()[:100])
    before = _files(project / "output")
    result = check(project / "inputs", strict=True)
    assert drawn == [CHARTS, 1]
    assert result.warnings == []
    assert _files(project / "output") == before


def test_a_build_repairs_a_damaged_copy_of_a_chart_it_holds_in_memory(project, drawn):
    build(project / "inputs", parallel=False)
    picture = sorted((project / "output" / ".cache" / "charts").glob("*.png"))[0]
    whole = picture.read_bytes()
    picture.write_bytes(whole[:100])
    deck = project / "inputs" / "briefing.yaml"
    deck.write_text(deck.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # so the deck is built again
    result = build(project / "inputs", parallel=False)
    assert drawn == [CHARTS, 0]
    assert [p.message for p in result.warnings] == ["filen i mellemlageret var beskadiget og er lavet forfra"]
    assert picture.read_bytes() == whole


def test_memory_drops_the_least_recently_used_pictures_beyond_its_limit():
    memory = DrawnCharts(limit=10)
    memory.put(None, "a", b"1234")
    memory.put(None, "b", b"1234")
    assert memory.get(None, "a") == b"1234"  # now b is the least recently used
    memory.put(None, "c", b"1234")
    assert (memory.get(None, "a"), memory.get(None, "b"), memory.get(None, "c")) == (b"1234", None, b"1234")
    memory.put(None, "huge", b"x" * 11)
    assert memory.get(None, "huge") is None
    assert memory.get("other drawer", "a") is None


def test_a_rebuild_in_a_process_that_drew_before_starts_workers_only_for_a_chart_to_draw(project, tmp_path,
                                                                                       drawn, monkeypatch):
    from briefing.charts import workers

    started = []
    real = workers.ChartWorkers
    monkeypatch.setattr(workers, "ChartWorkers", lambda *a, **k: started.append(1) or real(*a, **k))
    monkeypatch.setattr(workers, "usable_cores", lambda: 2)
    first = build(project / "inputs", tmp_path / "a.pptx")
    assert (drawn, len(started)) == ([CHARTS], 1)
    build(project / "inputs", tmp_path / "b.pptx")
    assert (drawn, len(started)) == ([CHARTS, 0], 1)  # every chart known: no worker started
    DRAWN.clear()
    DRAWN.put(None, "another project's chart", b"png")  # a process that drew before, but not these charts
    again = build(project / "inputs", tmp_path / "c" / "deck.pptx")
    assert (drawn, len(started)) == ([CHARTS, 0, CHARTS], 2)
    assert again.data == first.data


def test_late_workers_draw_here_when_no_process_can_start(monkeypatch):
    from briefing.charts import workers

    monkeypatch.setattr(workers, "start_workers", lambda: None)
    monkeypatch.setattr(workers, "draw_inline", lambda jobs: [f"png {job}".encode() for job in jobs])
    late = workers.LateWorkers()
    late.start(["a", "b"])
    assert (late.result(1), late.result(0)) == (b"png b", b"png a")
    late.close()


class _Recording:
    """A plain theme (as the workers get it) that notes the path of every value read from it."""

    def __init__(self, value, path: str, seen: set[str]):
        self._value, self._path, self._seen = value, path, seen

    def __getattr__(self, name: str):
        value = getattr(self._value, name)
        path = f"{self._path}.{name}" if self._path else name
        if isinstance(value, SimpleNamespace):
            return _Recording(value, path, self._seen)
        self._seen.add(path)
        return value


def _allowed(path: str) -> bool:
    fields = CHART_THEME
    for part in path.split("."):
        fields = fields.get(part) if isinstance(fields, dict) else None
        if fields is True:
            return True
    return False


def test_every_chart_kind_reads_only_the_theme_parts_its_cache_key_holds():
    from briefing.charts import draw_chart
    from briefing.charts.workers import plain_theme
    from briefing.spec.models import ThemeSpec

    from .test_charts import _data, _every_kind

    seen: set[str] = set()
    theme = _Recording(plain_theme(ThemeSpec()), "", seen)
    names = tuple(f"Modtagere af ydelse nummer {i} med et langt navn" for i in range(14))
    many = _data(categories=names, series=(Series("3. kvt. 2021", tuple(range(14)), "latest"),), variant="sorteret")
    for data in [*_every_kind(), many]:
        assert draw_chart(data, theme, (10, 4.5)).startswith(b"\x89PNG")
    assert {"colors.text", "dpi", "fonts.chart", "sizes.minimum"} <= seen  # the recording works
    assert [path for path in sorted(seen) if not _allowed(path)] == []


def test_a_new_logo_footer_template_or_slide_text_size_keeps_the_charts(project, tmp_path, drawn):
    build(project / "inputs", tmp_path / "a" / "deck.pptx", parallel=False)
    (project / "themes" / "default.yaml").write_text(
        'footer: "Hedensted Kommune"\nsizes:\n  title: 32\n  body: 22\nfonts:\n  heading: Georgia\n',
        encoding="utf-8")
    build(project / "inputs", tmp_path / "b" / "deck.pptx", parallel=False)
    (project / "themes" / "default.yaml").write_text('colors:\n  highlight: "#A33B00"\n', encoding="utf-8")
    build(project / "inputs", tmp_path / "c" / "deck.pptx", parallel=False)
    assert drawn == [CHARTS, 0, CHARTS]
