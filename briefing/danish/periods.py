"""Reporting periods: parsing the many ways they are written, and writing them Danish style.

Jobindsats and Danmarks Statistik label columns with codes such as ``2021K3``, ``2023M03``
or ``3kv20-2kv21``; staff type ``3. kvt. 21`` or ``Q3 2021``. :func:`parse_period` reads them
all into a :class:`Period`, which prints as ``3. kvt. 2021`` (short) or ``3. kvartal 2021``
(long). Codes are accepted in input but never printed to the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefing.danish.fmt import join_list, month_name

__all__ = ["Period", "parse_period", "join_periods"]

_KINDS = ("year", "half", "quarter", "month", "range")
# Months covered by one unit of each kind, and how many units make a year.
_MONTHS_PER = {"half": 6, "quarter": 3, "month": 1}
_UNITS_PER_YEAR = {"half": 2, "quarter": 4, "month": 12}
_UNIT_NAMES = {"half": "halvår", "quarter": "kvartal", "month": "måned"}
_YEAR_RANGE = (1900, 2100)


class _InvalidPeriod(ValueError):
    """A period whose parts are out of range; ``reason`` is a Danish explanation."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"ugyldig periode: {reason}")
        self.reason = reason


def _unit_problem(kind: str, year: object, number: object) -> str | None:
    """Return why a year, half, quarter or month is invalid, or None when it is valid."""
    if isinstance(year, bool) or not isinstance(year, int) or not _YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]:
        return f"år skal være {_YEAR_RANGE[0]}-{_YEAR_RANGE[1]}"
    if kind == "year":
        return None if number is None else "et år har intet nummer"
    top = _UNITS_PER_YEAR[kind]
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= top:
        return f"{_UNIT_NAMES[kind]} skal være 1-{top}"
    return None


def _range_problem(start: object, end: object) -> str | None:
    """Return why a range from ``start`` to ``end`` is invalid, or None when it is valid."""
    if not (isinstance(start, Period) and isinstance(end, Period)):
        return "et interval skal have en start- og en slutperiode"
    if start.kind != end.kind or start.kind not in ("quarter", "month"):
        return "et interval skal gå fra kvartal til kvartal eller fra måned til måned"
    if end < start:
        return "intervallets slutning må ikke ligge før starten"
    return None


@dataclass(frozen=True, order=True)
class Period:
    """A year, half-year, quarter, month, or a range of quarters or of months.

    ``kind`` is "year", "half", "quarter", "month" or "range". ``year`` and ``number`` (the half,
    quarter or month, 1-based; None for a year) are set for single periods; ``start`` and ``end``
    (both quarters or both months) for a range. Periods sort chronologically by first month,
    then by last month. Build them with the ``of_*`` class methods or :func:`parse_period`.
    """

    _first: int = field(init=False, repr=False)  # months since year 0 of the first month
    _last: int = field(init=False, repr=False)  # same for the last month
    kind: str
    year: int | None = None
    number: int | None = None
    start: Period | None = None
    end: Period | None = None

    def __post_init__(self) -> None:
        """Validate the parts and compute the sort keys; raise ValueError (Danish) if invalid."""
        if self.kind not in _KINDS:
            raise _InvalidPeriod(f"art skal være en af {', '.join(_KINDS)}")
        if self.kind == "range":
            problem = _range_problem(self.start, self.end)
        elif self.start is not None or self.end is not None:
            problem = "kun et interval har start og slut"
        else:
            problem = _unit_problem(self.kind, self.year, self.number)
        if problem:
            raise _InvalidPeriod(problem)
        first, last = self._months()
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_last", last)

    def _months(self) -> tuple[int, int]:
        """Return the first and last month, counted as year * 12 + month - 1."""
        if self.kind == "range":
            return self.start._first, self.end._last
        if self.kind == "year":
            return self.year * 12, self.year * 12 + 11
        size = _MONTHS_PER[self.kind]
        first = self.year * 12 + (self.number - 1) * size
        return first, first + size - 1

    @property
    def first_month(self) -> tuple[int, int]:
        """(year, month) of the period's first month."""
        return divmod(self._first, 12)[0], self._first % 12 + 1

    @classmethod
    def of_year(cls, year: int) -> Period:
        """Return the calendar year ``year``."""
        return cls("year", year)

    @classmethod
    def of_half(cls, year: int, half: int) -> Period:
        """Return half-year ``half`` (1-2) of ``year``."""
        return cls("half", year, half)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> Period:
        """Return quarter ``quarter`` (1-4) of ``year``."""
        return cls("quarter", year, quarter)

    @classmethod
    def of_month(cls, year: int, month: int) -> Period:
        """Return month ``month`` (1-12) of ``year``."""
        return cls("month", year, month)

    @classmethod
    def of_range(cls, start: Period, end: Period) -> Period:
        """Return the range from ``start`` to ``end`` (both quarters or both months, end not before start)."""
        return cls("range", start=start, end=end)

    @property
    def code(self) -> str:
        """Return the canonical code: "2021", "2021H1", "2021K3", "2023M03", "2020K3-2021K2"."""
        if self.kind == "range":
            return f"{self.start.code}-{self.end.code}"
        if self.kind == "year":
            return str(self.year)
        letter = {"half": "H", "quarter": "K", "month": "M"}[self.kind]
        return f"{self.year}{letter}{self.number:0{2 if self.kind == 'month' else 1}d}"

    def _text(self, quarter_word: str) -> str:
        """Return the reader's form, with ``quarter_word`` ("kvt." or "kvartal") for quarters."""
        if self.kind == "range":
            return f"{self.start._text(quarter_word)}-{self.end._text(quarter_word)}"
        if self.kind == "year":
            return str(self.year)
        if self.kind == "month":
            return f"{month_name(self.number)} {self.year}"
        word = "halvår" if self.kind == "half" else quarter_word
        return f"{self.number}. {word} {self.year}"

    @property
    def short(self) -> str:
        """Return the short form: "2021", "1. halvår 2021", "3. kvt. 2021", "marts 2023", "3. kvt. 2020-2. kvt. 2021"."""
        return self._text("kvt.")

    @property
    def long(self) -> str:
        """Return the long form: "3. kvartal 2021", "3. kvartal 2020-2. kvartal 2021" (others as ``short``)."""
        return self._text("kvartal")

    def __str__(self) -> str:
        """Return the short form."""
        return self.short


# --- parsing -------------------------------------------------------------------

_Y = r"(?P<y>\d{4}|\d{2})"  # four-digit year, or two digits meaning 20xx
_N = r"(?P<n>\d+)"
_MONTH_WORDS = {name: i for i in range(1, 13) for name in (month_name(i), month_name(i)[:3])} | {"sept": 9}

# (kind, pattern) tried in order against the normalised text; each is matched in full.
_SINGLE = (
    ("year", re.compile(r"(?P<y>\d{4})")),
    ("half", re.compile(rf"(?P<y>\d{{4}})\s*-?\s*h\s*{_N}")),
    ("half", re.compile(rf"h\s*{_N}\s*-?\s*{_Y}")),
    ("half", re.compile(rf"{_N}\s*\.?\s*halvår\s*\.?\s*{_Y}")),
    ("quarter", re.compile(rf"(?P<y>\d{{4}})\s*-?\s*[kq]\s*{_N}")),
    ("quarter", re.compile(rf"[kq]\s*{_N}\s*-?\s*{_Y}")),
    ("quarter", re.compile(rf"{_N}\s*\.?\s*(?:kvartal|kvt|kv)\s*\.?\s*{_Y}")),
    ("month", re.compile(rf"(?P<y>\d{{4}})\s*m\s*{_N}")),
    ("month", re.compile(r"(?P<y>\d{4})\s*-\s*(?P<n>\d{1,2})")),
    ("month", re.compile(rf"(?P<name>[a-zæøå]+)\s*\.?\s*{_Y}")),
)
_MOVING_ANNUAL = re.compile(r"\d{4}\s*qmat\s*\d+")


def _normalise(text: str) -> str:
    """Return ``text`` lowercased, with dashes as "-" and runs of any whitespace as one space."""
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    return " ".join(text.split())


def _year(digits: str) -> int:
    """Return the year written as ``digits``; two digits mean 20xx."""
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _match_single(text: str) -> tuple[str, int, int | None] | None:
    """Return (kind, year, number) for a single period written as ``text``, or None."""
    for kind, pattern in _SINGLE:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        if kind == "month" and "name" in groups:
            if groups["name"] not in _MONTH_WORDS:
                continue
            return kind, _year(groups["y"]), _MONTH_WORDS[groups["name"]]
        if kind == "year" and not _YEAR_RANGE[0] <= int(groups["y"]) <= _YEAR_RANGE[1]:
            return None  # a bare four-digit number outside the year range is a count, not a year
        number = int(groups["n"]) if "n" in groups else None
        return kind, _year(groups["y"]), number
    return None


def _match_range(text: str) -> tuple[tuple[str, int, int | None], tuple[str, int, int | None]] | None:
    """Return the two single periods of a range "start-end" written as ``text``, or None."""
    for position, char in enumerate(text):
        if char != "-":
            continue
        left, right = _match_single(text[:position].strip()), _match_single(text[position + 1 :].strip())
        if left and right:
            return left, right
    return None


def parse_period(text: str) -> Period | None:
    """Return the period written as ``text``, or None when the text is not a period at all.

    Accepts codes ("2021K3", "2021-Q3", "2023M03", "2023-03", "2021H1"), words ("3. kvt. 21",
    "3. kvartal 2021", "Q3 2021", "marts 2023", "mar 2023", "1. halvår 2021"), bare years
    ("2021") and ranges ("3kv20-2kv21", "2020K3-2021K2", "3. kvt. 2020-2. kvt. 2021").
    Case, spaces and points are optional; two-digit years mean 20xx. A text that looks like a
    period but has parts out of range raises ValueError with a Danish message naming what is
    allowed ("'2021K5' er ikke en gyldig periode: kvartal skal være 1-4"). A bare four-digit
    number outside 1900-2100 is taken as a number, not a period, and gives None.
    """
    if not isinstance(text, str):
        raise TypeError(f"{text!r} er ikke en tekst")
    normal = _normalise(text)
    if _MOVING_ANNUAL.fullmatch(normal):
        raise ValueError(f"'{text.strip()}' er ikke en gyldig periode: løbende år (QMAT) understøttes ikke")
    try:
        single = _match_single(normal)
        if single:
            return Period(*single)
        pair = _match_range(normal)
        if pair:
            return Period.of_range(Period(*pair[0]), Period(*pair[1]))
    except _InvalidPeriod as error:
        raise ValueError(f"'{text.strip()}' er ikke en gyldig periode: {error.reason}") from None
    return None


def join_periods(periods: Sequence[Period]) -> str:
    """Return the periods' short forms as a Danish list in the given order, duplicates dropped.

    [2019K3, 2021K3] -> "3. kvt. 2019 og 3. kvt. 2021".
    """
    return join_list(list(dict.fromkeys(period.short for period in periods)))


_NUMERIC_DATE = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_WORDED_DATE = re.compile(r"^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})$")


def read_date(text: str):
    """A date as Danes write it, day first: '14-01-2026', '14.01.2026', '14/1/2026', '14. januar 2026',
    '14. jan. 2026'; the ISO form '2026-01-14' is left to the caller. None when the text is none of these;
    ValueError (Danish) for a day the month does not have."""
    import datetime as dt

    text = " ".join(text.strip().lower().split())
    numeric, worded = _NUMERIC_DATE.match(text), _WORDED_DATE.match(text)
    if numeric:
        day, month, year = (int(part) for part in numeric.groups())
    elif worded:
        names = [month_name(m) for m in range(1, 13)]
        word = worded.group(2)
        month = next((i for i, name in enumerate(names, 1) if name == word or (len(word) >= 3 and name.startswith(word))),
                     None)
        if month is None:
            return None
        day, year = int(worded.group(1)), int(worded.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise ValueError(f"der er ingen måned {month} (dagen skrives først: 14-01-2026)") from None
        raise ValueError(f"{month_name(month)} {year} har ikke en {day}. dag") from None
