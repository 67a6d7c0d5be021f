"""How a value of each table unit is written: in table cells, on axes and in prose."""

from __future__ import annotations

from briefing.danish import fmt

MISSING = "–"
UNIT_HEADERS = {"pct.": "pct.", "pct.point": "pct.point", "antal": "antal", "personer": "personer", "kr.": "kr.", "uger": "uger"}


def header_text(name: str) -> str:
    """A column header starts with a capital, as a label column's name in a data file often does not ('område')."""
    return name[:1].upper() + name[1:]


def value_header(label: str, unit: str, with_unit: bool = True) -> str:
    """A value column's header with the table's unit once ('3. kvt. 2021 (pct.)'); 'antal' says nothing and is
    left out ('Indeks', not 'Indeks (antal)')."""
    suffix = UNIT_HEADERS.get(unit, unit)
    return header_text(f"{label} ({suffix})" if with_unit and suffix != "antal" else label)


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
