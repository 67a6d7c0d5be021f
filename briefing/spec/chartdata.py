"""What a chart shows, as plain frozen dataclasses: the facts stage makes them, the chart builders draw them.

Kept apart from facts.py, with nothing but the standard library, so that chart worker
processes can receive and draw them without importing the rest of briefing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    role: str = "other"  # own, region, country, peer, earlier, latest, rest, other


@dataclass(frozen=True)
class Reference:
    """A benchmark drawn as a line across a ranking (region, country)."""

    name: str
    value: float | None
    role: str


@dataclass(frozen=True)
class RankingOptions:
    references: tuple[Reference, ...] = ()
    descending: bool = True


@dataclass(frozen=True)
class StackOptions:
    diverging: bool = False
    neutral: int | None = None  # index of the neutral part; None centres between the two middle parts
    rest: str | None = None  # name of the remainder part (the last series), if any


@dataclass(frozen=True)
class QuadrantOptions:
    x_label: str
    y_label: str
    captions: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None)  # TL, TR, BL, BR


@dataclass(frozen=True)
class WaterfallOptions:
    scale: str | None = None  # "mio." when the amounts are shown in millions of kroner


@dataclass(frozen=True)
class ChartData:
    """Everything a chart builder needs: what to draw and how to label it."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str
    decimals: int
    axis_label: str
    source: str
    period: str
    example: bool = False
    show_labels: bool = True
    category_roles: tuple[str, ...] = ()
    options: object = None
    variant: str = ""  # a named variant of the kind, e.g. "divergerende"
    note: str = ""  # shown under the chart, e.g. that a long ranking shows only its ends
    spoken: tuple[tuple[str, str], ...] = ()  # names as written inside a sentence (alt text): ('Hele landet', 'hele landet')

    def say(self, name: str) -> str:
        """A category or series name as written inside a sentence."""
        return dict(self.spoken).get(name, name)

    @property
    def has_missing(self) -> bool:
        references = getattr(self.options, "references", ())
        return any(v is None for s in self.series for v in s.values) or any(r.value is None for r in references)
