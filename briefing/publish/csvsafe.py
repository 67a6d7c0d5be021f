"""CSV cells a spreadsheet would run as a formula are neutralised (OWASP "CSV injection"): a cell starting with
=, +, -, @, tab or carriage return gets a leading apostrophe, which Excel and LibreOffice show as text. A plain
number such as -5,2 is left as it is."""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[-+]?\d[\d.,]*( ?%)?$")


def safe_cell(value):
    """`value` as it may stand in a CSV cell that a spreadsheet opens."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS) or _NUMBER.match(value):
        return value
    return "'" + value


def safe_row(values) -> list:
    return [safe_cell(v) for v in values]
