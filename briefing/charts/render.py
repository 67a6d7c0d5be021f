"""Chart pictures for the planned slides: from the cache by content, else drawn by the workers or here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing.charts.base import chart_fonts
from briefing.charts.cache import ChartCache, chart_key
from briefing.charts.workers import draw_inline


def draw_charts(contents, theme, cache_root: Path | None = None, workers=None) -> None:
    """Give every chart slide its PNG: from the cache, else drawn by the workers (the assembler waits for each
    when it places it) or, without workers, drawn here."""
    cache = ChartCache(cache_root) if cache_root is not None else None
    todo = []
    fonts = chart_fonts(theme) if cache else ""
    for content in contents:
        if content.chart_data is None:
            continue
        box = content.extra["chart_box"]
        size = (box.width, box.height)
        key = _with_fonts(chart_key(content.chart_data, theme, size), fonts) if cache else None
        png = cache.get(key) if cache else None
        if png is None:
            todo.append((content, key, (content.chart_data, theme, size)))
        else:
            content.charts["main"] = png
    jobs = [job for _content, _key, job in todo]
    if workers is not None and jobs:
        workers.start(jobs)
        for index, (content, key, _job) in enumerate(todo):
            content.charts["main"] = PendingChart(workers, index, cache, key)
        return
    for (content, key, _job), png in zip(todo, draw_inline(jobs)):
        content.charts["main"] = png
        if cache:
            cache.put(key, png)


def _with_fonts(key: str, fonts: str) -> str:
    """The cache key of a chart drawn with these font files: a newly installed font draws the chart anew."""
    return hashlib.sha256(f"{key}\0{fonts}".encode("utf-8")).hexdigest()


@dataclass
class PendingChart:
    """A chart a worker is drawing; `result()` waits for its PNG and puts it in the cache."""

    workers: object
    index: int
    cache: object = None
    key: str | None = None

    def result(self) -> bytes:
        png = self.workers.result(self.index)
        if self.cache is not None:
            self.cache.put(self.key, png)
        return png
