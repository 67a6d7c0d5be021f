"""Danish formatting of numbers, units, names and dates for the briefing decks.

Every string that reaches the reader goes through this module, so a number reads
the same in a chart, a table and a sentence. The rules are in
``docs/danish-style.md``: decimal comma, thousands point, rounding half up, no
negative zero, and a no-break space (U+00A0) between a number and its unit.

Rounding is done here with :class:`decimal.Decimal` and ``ROUND_HALF_UP``; babel
(locale ``da_DK``) only lays out the digits of a value that is already rounded.
"""

from __future__ import annotations

import datetime
import functools
import math
import numbers
import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

__all__ = [
    "NBSP",
    "MINUS",
    "round_half_up",
    "number",
    "share",
    "points",
    "money",
    "weeks",
    "count",
    "ordinal",
    "number_word",
    "join_list",
    "genitive",
    "date",
    "month_name",
    "parse_number",
    "NO_BREAK_HYPHEN",
    "keep_together",
]

NBSP = "\u00a0"
MINUS = "\u2212"  # true minus for charts and tables
NO_BREAK_HYPHEN = "\u2011"  # inside a hyphenated name where text is laid out: "Høje‑Taastrup"

_LOCALE = Locale.parse("da_DK")  # parsed once: babel would parse the name again on every number

_MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)

_WORDS = ("nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv")

_SCALES = {"mio.": 6, "mia.": 9}  # power of ten per scale

# Markers jobindsats uses for suppressed or missing values (after stripping).
_MISSING = frozenset({"", ".", "..", "-", "\u2013", "\u2014", "x", "X"})
_NON_FINITE = frozenset({"nan", "snan", "inf", "infinity"})
# Spaces that may separate thousands: space, no-break space, thin and narrow no-break space.
_SPACES = " \u00a0\u2009\u202f"
_UNIT_SUFFIX = re.compile(r"\s*(%|pct\.?)$", re.IGNORECASE)
_NUMBERISH = re.compile(rf"[0-9.,{_SPACES}]+")


# --- rounding and the shared number layout -----------------------------------


def _to_decimal(value: float | int | Decimal) -> Decimal:
    """Return ``value`` as an exact, finite Decimal (floats via their shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, numbers.Real)):
        raise TypeError(f"{value!r} er ikke et tal")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, numbers.Integral):
        result = Decimal(int(value))
    else:
        # float.__repr__ also gives the short form for float subclasses (numpy.float64).
        result = Decimal(float.__repr__(float(value)))
    if not result.is_finite():
        raise ValueError(f"'{value}' er ikke et gyldigt tal (skal være et endeligt tal)")
    return result


def _check_decimals(decimals: int) -> None:
    """Raise unless ``decimals`` is a non-negative int."""
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"antal decimaler skal være et helt tal fra 0 og op, ikke {decimals!r}")


def round_half_up(value: float | int | Decimal, decimals: int) -> Decimal:
    """Return ``value`` rounded half up (away from zero) to ``decimals`` places.

    Floats are converted through their shortest repr, so 2.675 rounds to 2.68.
    The result has exactly ``decimals`` places and is never negative zero.
    """
    _check_decimals(decimals)
    exact = _to_decimal(value)
    with localcontext() as ctx:
        ctx.prec = max(28, exact.adjusted() + decimals + 5)
        rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


@functools.lru_cache(maxsize=32)
def _pattern(decimals: int) -> NumberPattern:
    """babel's pattern for a number with `decimals` places ("#,##0.0"), parsed once for each number of places."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))


def _digits(amount: Decimal, decimals: int) -> str:
    """Return the non-negative, already rounded ``amount`` laid out Danish style ("1.234,5")."""
    with localcontext() as ctx:
        ctx.prec = max(28, amount.adjusted() + decimals + 5)
        text = _pattern(decimals).apply(amount, _LOCALE, group_separator=False)
    integer, _, fraction = text.partition(",")
    # Groups of three from 1.000 on, by the house rule, whatever the CLDR data says about grouping.
    groups = [integer[max(0, end - 3) : end] for end in range(len(integer), 0, -3)]
    grouped = ".".join(reversed(groups))
    return f"{grouped},{fraction}" if fraction else grouped


def _signed(value: float | int | Decimal, decimals: int, signed: bool, minus: str) -> tuple[str, Decimal]:
    """Return the formatted number and its rounded value.

    Negatives get ``minus``; positives get "+" only when ``signed``; zero never has a sign.
    """
    rounded = round_half_up(value, decimals)
    text = _digits(rounded.copy_abs(), decimals)
    if rounded < 0:
        return minus + text, rounded
    if signed and rounded > 0:
        return "+" + text, rounded
    return text, rounded


def _with_unit(text: str, unit: str) -> str:
    """Return ``text`` and ``unit`` joined by a no-break space; spaces inside the unit become no-break too."""
    return f"{text}{NBSP}{unit.replace(' ', NBSP)}"


# --- numbers with units -------------------------------------------------------


def number(value: float | int | Decimal, decimals: int = 0, *, signed: bool = False, minus: str = "-") -> str:
    """Return ``value`` rounded half up with a decimal comma and thousands points: "1.234,5".

    Negatives start with ``minus`` (pass ``MINUS`` for charts); ``signed`` adds "+" to positives.
    """
    return _signed(value, decimals, signed, minus)[0]


def share(
    value: float | int | Decimal,
    decimals: int = 1,
    *,
    symbol: str = "pct.",
    signed: bool = False,
    minus: str = "-",
) -> str:
    """Return a share already given in percent (65.4 means 65,4 pct.): "65,4\xa0pct." or "65,4\xa0%"."""
    return _with_unit(number(value, decimals, signed=signed, minus=minus), symbol)


def points(
    value: float | int | Decimal,
    decimals: int = 1,
    *,
    unit: str = "pct.point",
    signed: bool = False,
    minus: str = "-",
) -> str:
    """Return a difference of shares in percentage points: "4,2\xa0pct.point" (or "procentpoint", "pct.-point")."""
    return _with_unit(number(value, decimals, signed=signed, minus=minus), unit)


def _auto_scale(amount: Decimal, decimals: int | None) -> str | None:
    """Return the largest scale (None, "mio.", "mia.") in which the rounded ``amount`` is at least 1."""
    size = amount.copy_abs()
    if round_half_up(size.scaleb(-6), 1 if decimals is None else decimals) >= 1000:
        return "mia."
    if round_half_up(size, 0 if decimals is None else decimals) >= 10**6:
        return "mio."
    return None


def money(
    value: float | int | Decimal,
    decimals: int | None = None,
    *,
    scale: str | None = None,
    signed: bool = False,
    minus: str = "-",
) -> str:
    """Return an amount in kroner: "1.234\xa0kr.", "2,5\xa0mio.\xa0kr.", "1,2\xa0mia.\xa0kr.".

    ``scale`` is None (kroner, 0 decimals by default), "mio." or "mia." (value divided by
    10**6 or 10**9, 1 decimal by default) or "auto" (the largest scale whose rounded value is
    at least 1, so 999.960.000 kr. becomes "1,0 mia. kr." rather than "1.000,0 mio. kr.").
    """
    amount = _to_decimal(value)
    if scale == "auto":
        scale = _auto_scale(amount, decimals)
    if scale is None:
        return _with_unit(number(amount, 0 if decimals is None else decimals, signed=signed, minus=minus), "kr.")
    if scale not in _SCALES:
        raise ValueError(f"ukendt skala {scale!r}: brug None, 'mio.', 'mia.' eller 'auto'")
    scaled = amount.scaleb(-_SCALES[scale])
    text = number(scaled, 1 if decimals is None else decimals, signed=signed, minus=minus)
    return _with_unit(text, f"{scale} kr.")


def _is_one(rounded: Decimal, decimals: int) -> bool:
    """Return True when the shown number is exactly "1" (or "-1"), which takes the singular."""
    return decimals == 0 and rounded.copy_abs() == 1


def weeks(value: float | int | Decimal, decimals: int = 1) -> str:
    """Return a duration in weeks: "72,6\xa0uger"; "1\xa0uge" when shown as exactly 1 without decimals."""
    text, rounded = _signed(value, decimals, False, "-")
    return _with_unit(text, "uge" if _is_one(rounded, decimals) else "uger")


def count(n: int | float | Decimal, singular: str, plural: str, *, decimals: int = 0) -> str:
    """Return a count with a noun that agrees with it: "1\xa0borger", "2\xa0borgere", "1.234\xa0borgere"."""
    text, rounded = _signed(n, decimals, False, "-")
    return _with_unit(text, singular if _is_one(rounded, decimals) else plural)


# --- words ---------------------------------------------------------------------


def _integer(n: int) -> int:
    """Return ``n`` if it is an integer (not a bool), else raise."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"{n!r} er ikke et helt tal")
    return int(n)


def ordinal(n: int) -> str:
    """Return the ordinal in digits with a point: 3 -> "3."."""
    return number(_integer(n)) + "."


def number_word(n: int, *, neuter: bool = False) -> str:
    """Return 0-12 as a Danish word ("tre"; 1 is "en", or "et" when ``neuter``); other integers as digits."""
    n = _integer(n)
    if n == 1 and neuter:
        return "et"
    if 0 <= n < len(_WORDS):
        return _WORDS[n]
    return number(n)


def join_list(items: Sequence[str], conjunction: str = "og") -> str:
    """Return the items as a Danish list, no comma before the conjunction: "a, b og c" ("" when empty)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def genitive(name: str) -> str:
    """Return the genitive of a name: "Vejle" -> "Vejles"; a name ending in s, x or z gets "'": "Horsens'"."""
    name = name.strip()
    if not name:
        raise ValueError("et tomt navn har ingen ejefald")
    return name + ("'" if name[-1].lower() in "sxz" else "s")


def month_name(month: int) -> str:
    """Return the lowercase Danish month name: 3 -> "marts"."""
    month = _integer(month)
    if not 1 <= month <= 12:
        raise ValueError(f"måned skal være 1-12, ikke {month}")
    return _MONTHS[month - 1]


def date(value: datetime.date, *, with_year: bool = True) -> str:
    """Return a date as "23. november 2020" (or "23. november" without the year)."""
    if not isinstance(value, datetime.date):
        raise TypeError(f"{value!r} er ikke en dato")
    text = f"{value.day}. {month_name(value.month)}"
    return f"{text} {value.year}" if with_year else text


# --- line breaks ---------------------------------------------------------------

# Units and count nouns that stay on the line of their number ("44,4 pct.", "1.234 kr.", "72,6 uger", "4.800
# personer"); the scale words take the "kr." after them along ("2,5 mio. kr.").
_UNITS = (r"pct\.-?point|procentpoint|pct\.?|%|‰|(?:mio|mia)\.(?:[ \u00a0]kr\.)?|kr\.|uger?|dage?|døgn|måneder|måned"
          r"|år|timer?|min\.|minutter|sek\.|personer|person|borgere?|modtagere?|forløb|sager?|kommuner?|stk\."
          r"|fuldtidspersoner|helårspersoner|pladser|pers\.")
_NUMBER = r"[−+-]?\d[\d.,]*"
_PERIOD_WORDS = r"kvt\.|kvartal|halvår|" + "|".join(_MONTHS)
# between a period's name and its year: "kvt. 2021", "november 2020" (a narrow table header may break here)
_PERIOD_YEAR = (re.compile(rf"(?<![\wæøå])({_PERIOD_WORDS})[ \u00a0]+(?=\d{{4}}(?!\d))", re.IGNORECASE), "\\1\u00a0")
_RULES = (
    # a number and its unit: "44,4 pct.", "2,5 mio. kr."
    (re.compile(rf"(?<![\w.,])({_NUMBER}) +(?=(?:{_UNITS})(?![\wæøå]))", re.IGNORECASE), "\\1\u00a0"),
    (re.compile(r"\b(mio\.|mia\.) +(?=kr\.)"), "\\1\u00a0"),
    # a period: "3. kvt. 2021", "1. halvår 2021", "23. november 2020", "november 2020"
    (re.compile(rf"(?<![\w.,])(\d{{1,2}}\.) +(?=(?:{_PERIOD_WORDS})(?![\wæøå]))", re.IGNORECASE), "\\1\u00a0"),
    _PERIOD_YEAR,
    # "nr. 3", "kl. 16.00", "pkt. 2", "§ 42"
    (re.compile(r"(?<![\wæøå])(nr\.|kl\.|pkt\.|§|side|tabel|bilag) +(?=\d)", re.IGNORECASE), "\\1\u00a0"),
    # a hyphenated name: "Høje-Taastrup", "Ringkøbing-Skjern", "Lyngby-Taarbæk"
    (re.compile(r"(?<!\w)([A-ZÆØÅ][\wæøåÆØÅ]*)-(?=[A-ZÆØÅ])"), "\\1\u2011"),
    # a word joined to a number: "covid-19", "19-årige" (never between two numbers: "2019-2021" is a range)
    (re.compile(r"(?<![\w-])([A-Za-zæøåÆØÅ]+)-(?=\d)|(?<![\w-])(\d+)-(?=[a-zæøå])"), lambda m: (m[1] or m[2]) + "\u2011"),
)


def _loosen(match: re.Match) -> str:
    """A breakable space between a period's name and its year, except in a range ("4. kvt. 2018-3. kvt. 2019"),
    whose pieces would read as nonsense apart."""
    before = match.string[max(0, match.start() - 5):match.start()]
    in_range = match.string[match.end() + 4:match.end() + 5] == "-" or re.search(r"-\d{1,2}\.[ \u00a0]$", before)
    return f"{match.group(1)}\u00a0" if in_range else f"{match.group(1)} "


def keep_together(text: str, *, hyphens: bool = True, period_year: bool = True) -> str:
    """Return ``text`` with no-break spaces and hyphens where Danish typesetting forbids a line break.

    Between a number and its unit ("44,4\xa0pct.", "2,5\xa0mio.\xa0kr."), inside a period
    ("3.\xa0kvt.\xa02021", "23.\xa0november\xa02020"), after "nr.", "kl." and "§" ("nr.\xa03"), and inside a
    hyphenated name ("Høje\u2011Taastrup") or a word joined to a number ("covid\u201119"; ``hyphens=False`` keeps
    the hyphens, for charts, which only break at spaces; ``period_year=False`` lets a narrow table header break
    between "3.\xa0kvt." and its year, never inside "3.\xa0kvt."). Applying it twice changes nothing; the text reads the same, only its line breaks differ.
    """
    rules = _RULES if hyphens else _RULES[:-2]
    if not period_year:  # a narrow table header: "3. kvt." stays whole, the year may go on the next line
        text = _PERIOD_YEAR[0].sub(_loosen, text)
        rules = tuple(rule for rule in rules if rule is not _PERIOD_YEAR)
    for pattern, replacement in rules:
        while True:  # a name with two hyphens, or joins that touch, need a second pass
            changed = pattern.sub(replacement, text)
            if changed == text:
                break
            text = changed
    return text


# --- parsing -------------------------------------------------------------------


def _group_pattern(decimal: str) -> re.Pattern[str]:
    """Return a regex for an unsigned number with ``decimal`` as decimal mark and well-formed groups."""
    thousands = re.escape("," if decimal == "." else ".") + f"|[{_SPACES}]"
    return re.compile(
        rf"(?P<int>[0-9]+|[1-9][0-9]{{0,2}}(?P<sep>{thousands})[0-9]{{3}}(?:(?P=sep)[0-9]{{3}})*)"
        rf"(?:{re.escape(decimal)}(?P<frac>[0-9]+))?"
    )


_PATTERNS = {",": _group_pattern(","), ".": _group_pattern(".")}


def _strip_sign(text: str) -> tuple[bool, str]:
    """Return whether ``text`` starts with a minus ("-" or U+2212) and the text after any sign."""
    if text[:1] in ("-", MINUS, "+"):
        return text[0] != "+", text[1:].lstrip()
    return False, text


def parse_number(text: str, *, decimal: str = ",") -> float | None:
    """Return the number in ``text`` as typed by Danish staff or found in exports, or None if missing.

    Accepts "76,3", "1.234,5", "12 345", "-2", "−2", "+4,2", a trailing "%" or "pct." (ignored);
    with ``decimal="."``: "76.3", "1,234.5". Jobindsats' suppression markers ("", ".", "..", "-",
    "–", "—", "x", "X") give None. Malformed groups, "nan", "inf" and garbage raise ValueError.
    """
    if not isinstance(text, str):
        raise TypeError(f"{text!r} er ikke en tekst")
    if decimal not in _PATTERNS:
        raise ValueError(f"decimaltegn skal være ',' eller '.', ikke {decimal!r}")
    stripped = text.strip()
    if stripped in _MISSING:
        return None
    negative, body = _strip_sign(_UNIT_SUFFIX.sub("", stripped))
    if body.lower() in _NON_FINITE:
        raise ValueError(f"'{stripped}' er ikke et gyldigt tal")
    match = _PATTERNS[decimal].fullmatch(body)
    if match is None:
        if body and _NUMBERISH.fullmatch(body) and any(c.isdigit() for c in body):
            raise ValueError(f"'{stripped}' er ikke et gyldigt tal")
        raise ValueError(f"'{stripped}' er ikke et tal (skriv fx 76{decimal}3)")
    digits = re.sub(r"[^0-9]", "", match["int"]) + "." + (match["frac"] or "0")
    result = float(digits)
    if math.isinf(result):
        raise ValueError(f"'{stripped}' er ikke et gyldigt tal (for stort)")
    return (-result if negative else result) + 0.0  # "+ 0.0" turns -0.0 into 0.0
