"""Dates as Danes write them, day first, in briefing.yaml's `date:`."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("text, expected", [
    ("14-01-2026", (2026, 1, 14)), ("14.01.2026", (2026, 1, 14)), ("6/12/2021", (2021, 12, 6)),
    ("14. januar 2026", (2026, 1, 14)), ("14. jan. 2026", (2026, 1, 14)), ("1 december 2026", (2026, 12, 1)),
    ("  29.  November  2021 ", (2021, 11, 29)), ("2026-01-14", None), ("næste mandag", None),
    ("14. jamuar 2026", None), ("14. ja 2026", None),
])
def test_a_date_is_read_day_first_as_danes_write_it(text, expected):
    import datetime as dt

    from briefing.danish.periods import read_date

    assert read_date(text) == (dt.date(*expected) if expected else None)


@pytest.mark.parametrize("text, message", [
    ("31-02-2026", "februar 2026 har ikke en 31. dag"),
    ("29. februar 2025", "februar 2025 har ikke en 29. dag"),
    ("12/31/2021", "der er ingen måned 31 (dagen skrives først: 14-01-2026)"),
])
def test_a_date_that_does_not_exist_is_told_why(text, message):
    from briefing.danish.periods import read_date

    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        read_date(text)
