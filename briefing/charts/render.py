"""Chart pictures for the planned slides: from the cache by content, else drawn by the workers or here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from briefing.charts.base import chart_fonts
from briefing.charts.cache import DRAWN, ChartCache, chart_key
from briefing.charts.workers import draw_inline


def draw_charts(contents, theme, cache: ChartCache | None = None, workers=None, *, reuse: bool = True) -> None:
    """Give every chart slide its PNG: one this process has drawn already or the cache on disk holds (by
    content), else drawn by the workers (the assembler waits for each when it places it) or, without workers,
    here. Without `reuse` (--forfra) every chart is drawn anew."""
    import briefing.charts

    drawer = briefing.charts.draw_chart  # as it is now: part of the key of the pictures kept in memory
    todo = []
    fonts = chart_fonts(theme) if reuse else ""
    for content in contents:
        if content.chart_data is None:
            continue
        box = content.extra["chart_box"]
        size = (box.width, box.height)
        key = _with_fonts(chart_key(content.chart_data, theme, size), fonts) if reuse else None
        png = _known(drawer, key, cache) if reuse else None
        if png is None:
            todo.append((content, key, (content.chart_data, theme, size)))
        else:
            content.charts["main"] = png
    jobs = [job for _content, _key, job in todo]
    if workers is not None and jobs:
        workers.start(jobs)
        for index, (content, key, _job) in enumerate(todo):
            content.charts["main"] = PendingChart(workers, index, cache, key, drawer if reuse else None)
        return
    for (content, key, _job), png in zip(todo, draw_inline(jobs)):
        content.charts["main"] = png
        _keep(drawer if reuse else None, key, png, cache)


def _known(drawer, key: str, cache: ChartCache | None) -> bytes | None:
    """The picture for `key` from this process's memory, else from the cache on disk (then kept in memory)."""
    png = DRAWN.get(drawer, key)
    if png is not None:
        if cache is not None:
            cache.keep(key, png)  # this project's cache holds every chart of its deck for the next process
        return png
    png = cache.get(key) if cache is not None else None
    if png is not None:
        DRAWN.put(drawer, key, png)
    return png


def _keep(drawer, key: str | None, png: bytes, cache: ChartCache | None) -> None:
    """Keep a drawn picture in memory (when reused at all) and in the cache on disk (when there is one)."""
    if drawer is not None:
        DRAWN.put(drawer, key, png)
    if cache is not None:
        cache.put(key, png)


def _with_fonts(key: str, fonts: str) -> str:
    """The cache key of a chart drawn with these font files: a newly installed font draws the chart anew."""
    return hashlib.sha256(f"{key}\0{fonts}".encode("utf-8")).hexdigest()


@dataclass
class PendingChart:
    """A chart a worker is drawing; `result()` waits for its PNG and keeps it (see _keep)."""

    workers: object
    index: int
    cache: object = None
    key: str | None = None
    drawer: object = None  # the drawing function when the picture is kept in memory

    def result(self) -> bytes:
        png = self.workers.result(self.index)
        _keep(self.drawer, self.key, png, self.cache)
        return png
