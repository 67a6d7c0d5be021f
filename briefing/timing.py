"""Meeting time: minutes per section (stated or shared out by slide count) and clock times."""

from __future__ import annotations

import datetime as dt

from . import fmt
from .spec import DeckSpec


def section_minutes(deck: DeckSpec) -> list[float | None]:
    """Minutes per section; sections without minutes share what is left of the meeting by slide count."""
    stated = [s.minutes for s in deck.sections]
    if deck.minutes is None or all(m is not None for m in stated):
        return stated
    left = deck.minutes - sum(m for m in stated if m is not None)
    open_slides = sum(len(s.slides) for s, m in zip(deck.sections, stated) if m is None)
    if left <= 0 or open_slides == 0:
        return stated
    return [m if m is not None else left * len(s.slides) / open_slides for s, m in zip(deck.sections, stated)]


def clock_ranges(deck: DeckSpec, minutes: list[float | None]) -> list[str | None]:
    """'kl. 16.00-16.25' per section when the deck has a start time and every section has minutes."""
    if deck.start is None or any(m is None for m in minutes):
        return [None] * len(minutes)
    hours, mins = (int(x) for x in deck.start.replace(":", ".").split("."))
    current = dt.datetime(2000, 1, 1, hours, mins)
    out = []
    for m in minutes:
        end = current + dt.timedelta(minutes=round(m or 0))
        out.append(f"kl. {current:%H.%M}-{end:%H.%M}")
        current = end
    return out


def minutes_text(minutes: float) -> str:
    return f"{fmt.number(minutes, 0)}{fmt.NBSP}min."
