"""Meeting time: minutes per section, clock times, and the share each slide gets."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from briefing.spec.models import DeckSpec
from briefing.facts.timing import assign_slide_minutes, clock_ranges, section_minutes


def _deck(**changes) -> DeckSpec:
    data = {"title": "T", "municipality": "Hedensted", "date": dt.date(2021, 12, 6), "start": "16.00", "minutes": 90,
            "sections": [{"title": "A", "minutes": 10, "slides": ["a"]},
                         {"title": "B", "slides": ["b1", "b2", "b3"]},
                         {"title": "C", "slides": ["c"]}]}
    data.update(changes)
    return DeckSpec.model_validate(data)


def test_open_sections_share_what_is_left_by_slide_count():
    assert section_minutes(_deck()) == [10, 60.0, 20.0]


def test_stated_minutes_are_kept_when_there_is_no_total():
    assert section_minutes(_deck(minutes=None)) == [10, None, None]


def test_clock_ranges_follow_the_start_time():
    deck = _deck()
    assert clock_ranges(deck, section_minutes(deck)) == ["kl. 16.00-16.10", "kl. 16.10-17.10", "kl. 17.10-17.30"]
    assert clock_ranges(_deck(start=None), [10, 60, 20]) == [None, None, None]


def _slide(kind: str, section, minutes=None):
    return SimpleNamespace(kind=kind, section=section, spec=SimpleNamespace(minutes=minutes), extra={})


def test_slides_share_their_section_by_weight_and_clock_times_add_up():
    deck = _deck()
    a, b, c = deck.sections
    slides = [_slide("punkter", a), _slide("diagram", b), _slide("drøftelse", b), _slide("diagram", b, minutes=12),
              _slide("afslutning", c)]
    assign_slide_minutes(slides, deck, section_minutes(deck))
    assert [round(s.extra["minutes"], 2) for s in slides] == [10.0, 16.0, 32.0, 12.0, 20.0]
    assert [s.extra["slide_clock"] for s in slides] == [
        "kl. 16.00-16.10", "kl. 16.10-16.26", "kl. 16.26-16.58", "kl. 16.58-17.10", "kl. 17.10-17.30"]
    assert sum(s.extra["shown_minutes"] for s in slides) == 90
