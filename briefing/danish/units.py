"""How a value of each table unit is written: in table cells, on axes and in prose."""

from __future__ import annotations

from briefing.danish import fmt

MISSING = "–"
UNIT_HEADERS = {"pct.": "pct.", "pct.point": "pct.point", "antal": "antal", "personer": "personer", "kr.": "kr.", "uger": "uger"}


def cell_text(value: float | None, decimals: int) -> str:
    """A table cell: digits only (the unit is in the header), true minus, `–` for missing."""
    if value is None:
        return MISSING
    return fmt.number(value, decimals, minus=fmt.MINUS)


def prose_value(value: float, unit: str, decimals: int) -> str:
    """A value in running text: '65,4 pct.', '1.234 kr.', '72,6 uger', '22 personer'."""
    if unit == "pct.":
        return fmt.share(value, decimals)
    if unit == "pct.point":
        return fmt.points(value, decimals)
    if unit == "kr.":
        if abs(value) >= 1_000_000:  # millions always carry one decimal: 1.540.000 kr. is 1,5 mio. kr., not 2
            return fmt.money(value, max(decimals, 1), scale="auto")
        return fmt.money(value, decimals)
    if unit == "uger":
        return fmt.weeks(value, decimals)
    if unit == "personer":
        return fmt.count(value, "person", "personer", decimals=decimals)
    return fmt.number(value, decimals)
