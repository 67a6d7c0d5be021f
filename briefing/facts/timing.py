"""Meeting time: minutes per section (stated or shared out by slide count) and clock times."""

from __future__ import annotations

import datetime as dt

from briefing.danish import fmt
from briefing.spec.models import DeckSpec


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
    current = _start(deck)
    if current is None or any(m is None for m in minutes):
        return [None] * len(minutes)
    out = []
    for m in minutes:
        end = current + dt.timedelta(minutes=round(m or 0))
        out.append(f"kl. {current:%H.%M}-{end:%H.%M}")
        current = end
    return out


def minutes_text(minutes: float) -> str:
    return f"{fmt.number(minutes, 0)}{fmt.NBSP}min."


# Relative time a slide of each kind takes; discussion and scenarios are where the meeting spends its time.
SLIDE_WEIGHTS = {"titel": 0.5, "dagsorden": 0.5, "afsnit": 0.5, "punkter": 1.0, "diagram": 1.5, "tabel": 1.5,
                 "nøgletal": 1.0, "anbefalinger": 1.5, "scenarie": 2.5, "drøftelse": 3.0, "beslutninger": 2.0,
                 "afslutning": 0.5, "bilag": 0.0}


def assign_slide_minutes(contents, deck: DeckSpec, minutes: list[float | None]) -> None:
    """Share each section's minutes among its slides by weight (a slide's own `minutes:` wins); set clock times."""
    by_section: dict[int, list] = {}
    for content in contents:
        by_section.setdefault(id(content.section), []).append(content)
    start = _start(deck)
    for section, section_minutes_ in zip(deck.sections, minutes):
        slides = by_section.get(id(section), [])
        if section_minutes_ is None or not slides:
            continue
        fixed = {id(c): c.spec.minutes for c in slides if c.spec is not None and getattr(c.spec, "minutes", None)}
        left = max(section_minutes_ - sum(fixed.values()), 0)
        weights = {id(c): SLIDE_WEIGHTS.get(c.kind, 1.0) for c in slides if id(c) not in fixed}
        total = sum(weights.values()) or 1
        for c in slides:
            c.extra["minutes"] = fixed.get(id(c), left * weights.get(id(c), 0) / total)
    if start is None:
        return
    elapsed = 0.0
    for content in contents:
        span = content.extra.get("minutes")
        if span is None:
            return
        # Round the running clock, not each slide, so the clock times add up to the section's times.
        first, last = round(elapsed), round(elapsed + span)
        begin, end = start + dt.timedelta(minutes=first), start + dt.timedelta(minutes=last)
        content.extra["shown_minutes"] = last - first
        content.extra["slide_clock"] = f"kl. {begin:%H.%M}-{end:%H.%M}"
        elapsed += span


def _start(deck: DeckSpec) -> dt.datetime | None:
    if deck.start is None:
        return None
    hours, mins = (int(x) for x in deck.start.replace(":", ".").split("."))
    return dt.datetime(2000, 1, 1, hours, mins)
