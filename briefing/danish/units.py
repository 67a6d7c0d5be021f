"""How a value of each table unit is written: in table cells, on axes and in prose.

A `Measure` is the one formatter of a measure (unit, decimals, scale): table cells,
chart labels, key figures and sentences all write its values through it, so a
number reads the same wherever it stands on a slide, and a difference is always
taken between the values as shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from briefing.danish import fmt

MISSING = "–"
UNIT_HEADERS = {"pct.": "pct.", "pct.point": "pct.point", "antal": "antal", "personer": "personer", "kr.": "kr.",
                "uger": "uger", "fuldtidspersoner": "fuldtidspersoner", "indeks": "indeks"}
SHARE_UNITS = ("pct.", "pct.point")
SCALES = {"mio.": 6, "mia.": 9}
# units that count something: (singular, plural)
COUNT_NOUNS = {"personer": ("person", "personer"), "fuldtidspersoner": ("fuldtidsperson", "fuldtidspersoner")}
PEOPLE_UNITS = ("personer", "fuldtidspersoner", "borgere", "person", "fuldtidsperson", "borger")


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
    forms = count_forms(unit)
    if forms is not None:
        return fmt.count(value, *forms, decimals=decimals)
    return fmt.number(value, decimals)


def count_forms(unit: str) -> tuple[str, str] | None:
    """The singular and plural a count unit is written with: 'personer' -> ('person', 'personer'), and a unit
    with its own, 'sanktion/sanktioner' -> ('sanktion', 'sanktioner'); None for other units."""
    if unit in COUNT_NOUNS:
        return COUNT_NOUNS[unit]
    if "/" in unit:
        singular, plural = unit.split("/", 1)
        return singular, plural
    return None


@dataclass(frozen=True)
class Measure:
    """How one measure is shown: its unit, decimals and scale ('mio.' shows 2.540.000 kr. as 2,5 mio. kr.)."""

    unit: str = "antal"
    decimals: int = 0
    scale: str | None = None

    @property
    def power(self) -> int:
        return SCALES[self.scale] if self.scale else 0

    def shown(self, value: float | Decimal) -> Decimal:
        """The value as the slide shows it, rounded in its scale, in the table's own units (kroner)."""
        return fmt.round_half_up(fmt._to_decimal(value).scaleb(-self.power), self.decimals).scaleb(self.power)

    def digits(self, value: float | Decimal | None, *, minus: str = fmt.MINUS, signed: bool = False) -> str:
        """Digits only, as in a table cell or a chart label: '2,5' for 2.540.000 kr. in mio. kr."""
        if value is None:
            return MISSING
        return fmt.number(fmt._to_decimal(value).scaleb(-self.power), self.decimals, minus=minus, signed=signed)

    @property
    def header(self) -> str:
        """The unit as a column header says it: 'pct.', 'mio. kr.', 'sanktioner'."""
        if self.scale:
            return f"{self.scale} kr."
        if "/" in self.unit:
            return self.unit.split("/", 1)[1]
        return UNIT_HEADERS.get(self.unit, self.unit)

    def prose(self, value: float | Decimal, *, point_unit: str = "pct.point") -> str:
        """A value in running text, as shown on the slide: '65,4 pct.', '1.234.000 kr.', '2,5 mio. kr.'."""
        if self.unit == "kr.":
            if self.scale:
                return fmt.money(value, self.decimals, scale=self.scale)
            return fmt.money(value, self.decimals)
        if self.unit == "pct.point":
            return fmt.points(value, self.decimals, unit=point_unit)
        return prose_value(float(value), self.unit, self.decimals)

    def difference(self, amount: Decimal, *, point_unit: str = "pct.point", decimals: int | None = None) -> str:
        """A non-negative difference of two shown values: shares give percentage points, indices index points."""
        places = self.decimals if decimals is None else decimals
        if self.unit in SHARE_UNITS:
            return fmt.points(amount, places, unit=point_unit)
        if self.unit == "indeks":
            return fmt.points(amount, places, unit="indekspoint")
        return Measure(self.unit, places, self.scale).prose(amount, point_unit=point_unit)
