"""Pure tests of the correctness core written from mutation testing (docs/mutation.md): each pins a behaviour a
surviving mutant changed without any other test noticing. Expected values are written out by hand."""

from __future__ import annotations

from briefing.danish.units import cell_text
from briefing.load.data import parse_cell


def test_a_suppressed_or_empty_cell_is_missing_and_shown_as_a_dash_never_zero():
    for raw in ("", ".", "..", "-", "–", "—", "x", "X", "  .  "):
        assert parse_cell(raw, raw) is None, raw
    assert parse_cell(None, None) is None
    assert cell_text(None, 1) == "–"
    assert cell_text(0.0, 1) == "0,0"
