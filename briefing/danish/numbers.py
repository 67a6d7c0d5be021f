"""The one reader for numbers a person types: in YAML files (slides, scenarios, targets, themes, data rows)
and in CSV/XLSX text cells.

It works on the text as written, never on what YAML made of it, and follows the
Danish rule in ``docs/danish-style.md``: a point groups thousands, a comma marks
decimals. ``40.000`` is forty thousand, ``1.234,5`` is 1234.5, ``6,5`` and ``0,30``
are decimals. Anything that could be read two ways, or that only a programmer
writes, is refused with a Danish message that shows the right form:

- a decimal point (``57.8``, ``1.5``): "brug decimalkomma, fx 57,8";
- ``.inf``, ``.nan``, ``inf``: not a finite number;
- exponents (``1e309``, ``1.0e+3``): write the digits out;
- hex, octal and binary (``0x10``, ``0o17``, ``0b101``), underscores (``1_000``)
  and clock-like ``1:30``.

A point followed by exactly three digits groups thousands (``1.500`` is 1500), as
in data tables; two or four digits after a point can only be a decimal point.
"""

from __future__ import annotations

import re

from briefing.danish import fmt

__all__ = ["read_number", "read_whole", "NUMBER_PATTERN", "CHANGE_PATTERN"]

# What an editor's JSON Schema accepts as a number written as text: a subset of what read_number takes, in the
# regex dialect both JSON Schema (ECMA-262) and Python read alike (no \\d or \\s, which differ for non-ASCII).
_SIGN = "[+\\-\u2212]?"
_UNSIGNED = "([0-9]+|[1-9][0-9]{0,2}(\\.[0-9]{3})+|[1-9][0-9]{0,2}( [0-9]{3})+)(,[0-9]+)?"
NUMBER_PATTERN = f"^ *{_SIGN} *{_UNSIGNED} *(%|pct\\.?)? *$"
# A change in a scenario written as a signed percent: '+25 %', '-2,5 pct.'.
CHANGE_PATTERN = f"^ *[+\\-\u2212] *{_UNSIGNED} *(%|pct\\.?) *$"

_MISSING = frozenset({"", ".", "..", "-", "\u2013", "\u2014", "x", "X"})  # as fmt.parse_number: jobindsats' markers
_NON_FINITE = re.compile(r"^[+\-−]?\.?(inf|infinity|nan)$", re.IGNORECASE)
_EXPONENT = re.compile(r"^[+\-−]?(\d[\d.,]*|[.,]\d+)[eE][+\-]?\d+$")
_PREFIXED = re.compile(r"^[+\-−]?0[xXoObB][0-9a-fA-F_]*$")
_POINT_DECIMAL = re.compile(r"^([+\-−]?)(\d*)\.(\d*)$")
_SEXAGESIMAL = re.compile(r"^[+\-−]?\d+(:[0-5]?\d)+(\.\d*)?$")


_POINT_THOUSANDS = re.compile(r"[+\-−]?[1-9]\d{0,2}(\.\d{3})+")


def point_thousands_problem(text: str) -> str | None:
    """In a file whose decimal sign is a point (a CSV with ',' between its fields), '4.812' may be the Danish
    forty-eight hundred and twelve or 4,812: the reason it is refused, or None for any other text."""
    cleaned = str(text).strip()
    if not _POINT_THOUSANDS.fullmatch(cleaned):
        return None
    return (f"'{cleaned}' kan læses på to måder i en fil med komma mellem felterne (hvor punktum er decimaltegn): "
            f"skriv {cleaned.replace('.', '')} uden tusindtalspunktum, eller gem filen med semikolon mellem felterne "
            "(i Excel: 'CSV (semikolonsepareret)'), så punktum læses som tusindtalspunktum")


def read_number(text: str, *, missing: bool = False) -> float | None:
    """The number in `text` as a Danish reader reads it; raise ValueError with a Danish message.

    With ``missing=True`` (data cells) the suppression markers of jobindsats (``""``, ``.``,
    ``..``, ``-``) give None; elsewhere a number is required.
    """
    if not isinstance(text, str):
        raise TypeError(f"{text!r} er ikke en tekst")
    stripped = text.strip()
    if stripped in _MISSING:
        if missing:
            return None
        raise ValueError("skal være et tal (skriv fx 76,3)" if not stripped else f"'{stripped}' er ikke et tal (skriv fx 76,3)")
    _refuse_programmer_forms(stripped)
    return fmt.parse_number(stripped)


def read_whole(text: str) -> int:
    """A whole number written by a person ('3', '1.000'); raise ValueError in Danish otherwise."""
    value = read_number(text)
    assert value is not None  # read_number without missing=True never gives None
    if not value.is_integer():
        raise ValueError(f"skal være et helt tal, ikke '{text.strip()}'")
    return int(value)


def _refuse_programmer_forms(text: str) -> None:
    """The forms YAML or Python read as numbers that no Danish reader would: each with the right way to write it."""
    if _NON_FINITE.match(text):
        raise ValueError(f"'{text}' er ikke et tal; skriv et endeligt tal med cifre, fx 76,3")
    if _EXPONENT.match(text):
        raise ValueError(f"'{text}': skriv tallet ud med cifre (ingen e-notation), fx 1.000.000")
    if _PREFIXED.match(text):
        raise ValueError(f"'{text}': skriv tallet med almindelige cifre 0-9 (ikke hexadecimalt, oktalt eller binært)")
    if "_" in text and re.fullmatch(r"[+\-−]?[\d_.,]+", text):
        shown = fmt.number(float(text.replace("_", ""))) if re.fullmatch(r"[+\-−]?[\d_]+", text) else "1.000"
        raise ValueError(f"'{text}': understregning er ikke tilladt i et tal; skriv tusinder med punktum, fx {shown}")
    if _SEXAGESIMAL.match(text):
        raise ValueError(f"'{text}' er ikke et tal; skriv et tal som 76,3 (et klokkeslæt skal stå i anførselstegn)")
    match = _POINT_DECIMAL.match(text)
    if match and len(match[3]) != 3 or match and not match[2]:
        sign, whole, fraction = match[1], match[2] or "0", match[3] or "0"
        raise ValueError(f"'{text}': brug decimalkomma, fx {sign}{whole},{fraction} (punktum bruges til tusinder)")
