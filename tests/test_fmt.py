"""Tests for briefing.danish.fmt: Danish numbers, units, words, dates and number parsing."""

from __future__ import annotations

import datetime
import math
import re
from decimal import Decimal

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.danish import fmt
from briefing.danish.fmt import (
    MINUS,
    NBSP,
    count,
    date,
    genitive,
    join_list,
    money,
    month_name,
    number,
    number_word,
    ordinal,
    parse_number,
    points,
    round_half_up,
    share,
    weeks,
)

N = NBSP


# --- round_half_up ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0.25, 1, "0.3"),
        (0.35, 1, "0.4"),
        (2.5, 0, "3"),
        (3.5, 0, "4"),
        (-2.5, 0, "-3"),
        (2.675, 2, "2.68"),
        (1.005, 2, "1.01"),
        (0.05, 1, "0.1"),
        (-0.05, 1, "-0.1"),
        (0.045, 2, "0.05"),
        (-0.04, 1, "0.0"),
        (-0.0, 2, "0.00"),
        (7, 2, "7.00"),
        (Decimal("1.2345"), 3, "1.235"),
        (Decimal("-1.2345"), 3, "-1.235"),
        (1234567.891, 0, "1234568"),
        (1e20, 0, "100000000000000000000"),
        (5e-324, 3, "0.000"),
        (-5e-324, 3, "0.000"),
    ],
)
def test_round_half_up(value, decimals, expected):
    result = round_half_up(value, decimals)
    assert str(result) == expected
    assert not result.is_signed() or result < 0


def test_round_half_up_handles_the_largest_float():
    result = round_half_up(1.7976931348623157e308, 3)
    assert result == Decimal("1.7976931348623157e308")
    assert result.as_tuple().exponent == -3


@pytest.mark.parametrize("decimals", [-1, 1.5, True])
def test_round_half_up_rejects_bad_decimals(decimals):
    with pytest.raises(ValueError, match="antal decimaler"):
        round_half_up(1.0, decimals)


# --- number ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "kwargs", "expected"),
    [
        # plain layout, decimal comma, thousands point from four digits on
        (0, 0, {}, "0"),
        (7, 0, {}, "7"),
        (65.4, 1, {}, "65,4"),
        (999, 0, {}, "999"),
        (1000, 0, {}, "1.000"),
        (1234, 0, {}, "1.234"),
        (1234.5, 1, {}, "1.234,5"),
        (12345.6, 1, {}, "12.345,6"),
        (110000, 0, {}, "110.000"),
        (1234567.891, 0, {}, "1.234.568"),
        (1234567.891, 2, {}, "1.234.567,89"),
        (999999.5, 0, {}, "1.000.000"),
        (1e12, 0, {}, "1.000.000.000.000"),
        (Decimal("1234.5"), 2, {}, "1.234,50"),
        (3, 2, {}, "3,00"),
        # rounding half up at the edges
        (0.25, 1, {}, "0,3"),
        (2.5, 0, {}, "3"),
        (0.5, 0, {}, "1"),
        (1.5, 0, {}, "2"),
        (2.675, 2, {}, "2,68"),
        (1.005, 2, {}, "1,01"),
        (0.05, 1, {}, "0,1"),
        (-0.05, 1, {}, "-0,1"),
        (-2.5, 0, {}, "-3"),
        (0.449, 1, {}, "0,4"),
        (0.45, 1, {}, "0,5"),
        (999.95, 1, {}, "1.000,0"),
        # negatives and negative zero
        (-3, 0, {}, "-3"),
        (-3.0, 0, {}, "-3"),
        (-1234.5, 1, {}, "-1.234,5"),
        (-0.04, 1, {}, "0,0"),
        (-0.4, 0, {}, "0"),
        (-0.0, 0, {}, "0"),
        (-0.0, 2, {}, "0,00"),
        (Decimal("-0"), 1, {}, "0,0"),
        (-0.004, 2, {"minus": MINUS}, "0,00"),
        # true minus
        (-3, 0, {"minus": MINUS}, "\u22123"),
        (-1234.56, 1, {"minus": MINUS}, "\u22121.234,6"),
        # signed output
        (4.2, 1, {"signed": True}, "+4,2"),
        (1234, 0, {"signed": True}, "+1.234"),
        (-4.2, 1, {"signed": True}, "-4,2"),
        (-4.2, 1, {"signed": True, "minus": MINUS}, "\u22124,2"),
        (0, 1, {"signed": True}, "0,0"),
        (0.04, 1, {"signed": True}, "0,0"),
        (-0.04, 1, {"signed": True}, "0,0"),
        (0.05, 1, {"signed": True}, "+0,1"),
    ],
)
def test_number(value, decimals, kwargs, expected):
    assert number(value, decimals, **kwargs) == expected


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("Infinity")])
@pytest.mark.parametrize(
    "formatter",
    [number, share, points, money, weeks, lambda v: count(v, "borger", "borgere")],
)
def test_formatters_reject_non_finite(formatter, value):
    with pytest.raises(ValueError, match="er ikke et gyldigt tal"):
        formatter(value)


@pytest.mark.parametrize("value", ["12", None, True, [1]])
def test_number_rejects_non_numbers(value):
    with pytest.raises(TypeError, match="er ikke et tal"):
        number(value)


# --- units -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: share(65.4), f"65,4{N}pct."),
        (lambda: share(65.44), f"65,4{N}pct."),
        (lambda: share(65.45), f"65,5{N}pct."),
        (lambda: share(65.4, symbol="%"), f"65,4{N}%"),
        (lambda: share(100, 0), f"100{N}pct."),
        (lambda: share(12.345, 2), f"12,35{N}pct."),
        (lambda: share(-0.04), f"0,0{N}pct."),
        (lambda: share(4.2, signed=True, symbol="%"), f"+4,2{N}%"),
        (lambda: share(-4.2, minus=MINUS, symbol="%"), f"\u22124,2{N}%"),
        (lambda: points(4.2), f"4,2{N}pct.point"),
        (lambda: points(-1.25), f"-1,3{N}pct.point"),
        (lambda: points(4.2, unit="procentpoint"), f"4,2{N}procentpoint"),
        (lambda: points(4.2, unit="pct.-point"), f"4,2{N}pct.-point"),
        (lambda: points(4.2, signed=True), f"+4,2{N}pct.point"),
        (lambda: points(0.0, signed=True), f"0,0{N}pct.point"),
        (lambda: points(-0.03, signed=True, minus=MINUS), f"0,0{N}pct.point"),
        (lambda: points(-3.0, 0, minus=MINUS), f"\u22123{N}pct.point"),
        (lambda: money(1234), f"1.234{N}kr."),
        (lambda: money(1234.5), f"1.235{N}kr."),
        (lambda: money(1234.5, 2), f"1.234,50{N}kr."),
        (lambda: money(-500), f"-500{N}kr."),
        (lambda: money(2_500_000, scale="mio."), f"2,5{N}mio.{N}kr."),
        (lambda: money(2_450_000, scale="mio."), f"2,5{N}mio.{N}kr."),
        (lambda: money(2_449_999, scale="mio."), f"2,4{N}mio.{N}kr."),
        (lambda: money(2_500_000, 2, scale="mio."), f"2,50{N}mio.{N}kr."),
        (lambda: money(1_234_000_000, scale="mio."), f"1.234,0{N}mio.{N}kr."),
        (lambda: money(1_200_000_000, scale="mia."), f"1,2{N}mia.{N}kr."),
        (lambda: money(-1_250_000_000, scale="mia.", minus=MINUS), f"\u22121,3{N}mia.{N}kr."),
        (lambda: money(40_000, scale="mio."), f"0,0{N}mio.{N}kr."),
        (lambda: money(-40_000, scale="mio."), f"0,0{N}mio.{N}kr."),
        (lambda: money(3_000_000, scale="mio.", signed=True), f"+3,0{N}mio.{N}kr."),
        (lambda: money(Decimal("2500000"), scale="mio."), f"2,5{N}mio.{N}kr."),
        (lambda: money(999_999, scale="auto"), f"999.999{N}kr."),
        (lambda: money(999_999.4, scale="auto"), f"999.999{N}kr."),
        (lambda: money(999_999.5, scale="auto"), f"1,0{N}mio.{N}kr."),
        (lambda: money(1_000_000, scale="auto"), f"1,0{N}mio.{N}kr."),
        (lambda: money(-2_500_000, scale="auto"), f"-2,5{N}mio.{N}kr."),
        (lambda: money(999_940_000, scale="auto"), f"999,9{N}mio.{N}kr."),
        (lambda: money(999_960_000, scale="auto"), f"1,0{N}mia.{N}kr."),
        (lambda: money(1_000_000_000, scale="auto"), f"1,0{N}mia.{N}kr."),
        (lambda: money(1.2e9, scale="auto"), f"1,2{N}mia.{N}kr."),
        (lambda: money(1234, 2, scale="auto"), f"1.234,00{N}kr."),
        (lambda: money(2_345_678, 2, scale="auto"), f"2,35{N}mio.{N}kr."),
        (lambda: weeks(72.6), f"72,6{N}uger"),
        (lambda: weeks(72.65), f"72,7{N}uger"),
        (lambda: weeks(1, 0), f"1{N}uge"),
        (lambda: weeks(1.4, 0), f"1{N}uge"),
        (lambda: weeks(1), f"1,0{N}uger"),
        (lambda: weeks(2, 0), f"2{N}uger"),
        (lambda: weeks(0, 0), f"0{N}uger"),
        (lambda: weeks(1234.56), f"1.234,6{N}uger"),
        (lambda: count(1, "borger", "borgere"), f"1{N}borger"),
        (lambda: count(2, "borger", "borgere"), f"2{N}borgere"),
        (lambda: count(0, "borger", "borgere"), f"0{N}borgere"),
        (lambda: count(1234, "borger", "borgere"), f"1.234{N}borgere"),
        (lambda: count(1, "kommune", "kommuner"), f"1{N}kommune"),
        (lambda: count(3, "kommune", "kommuner"), f"3{N}kommuner"),
        (lambda: count(-1, "person", "personer"), f"-1{N}person"),
        (lambda: count(2.5, "time", "timer", decimals=1), f"2,5{N}timer"),
        (lambda: count(1.0, "time", "timer", decimals=1), f"1,0{N}timer"),
        (lambda: count(110_000, "ledig", "ledige"), f"110.000{N}ledige"),
    ],
)
def test_units(call, expected):
    assert call() == expected


def test_every_unit_is_joined_by_a_no_break_space_only():
    outputs = [
        share(1.5),
        share(1.5, symbol="%"),
        points(1.5),
        money(1500),
        money(1.5e6, scale="mio."),
        money(1.5e9, scale="mia."),
        weeks(1.5),
        count(2, "borger", "borgere"),
    ]
    for text in outputs:
        assert " " not in text, text
        assert NBSP in text, text


def test_money_rejects_unknown_scale():
    with pytest.raises(ValueError, match="ukendt skala"):
        money(1, scale="mill.")


# --- words ---------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "expected"), [(1, "1."), (3, "3."), (12, "12."), (1234, "1.234.")])
def test_ordinal(n, expected):
    assert ordinal(n) == expected


def test_ordinal_rejects_non_integers():
    with pytest.raises(TypeError):
        ordinal(3.5)


@pytest.mark.parametrize(
    ("n", "neuter", "expected"),
    [
        (0, False, "nul"),
        (1, False, "en"),
        (1, True, "et"),
        (2, False, "to"),
        (2, True, "to"),
        (3, False, "tre"),
        (4, False, "fire"),
        (5, False, "fem"),
        (6, False, "seks"),
        (7, False, "syv"),
        (8, False, "otte"),
        (9, False, "ni"),
        (10, False, "ti"),
        (11, False, "elleve"),
        (12, False, "tolv"),
        (13, False, "13"),
        (1234, False, "1.234"),
        (-2, False, "-2"),
    ],
)
def test_number_word(n, neuter, expected):
    assert number_word(n, neuter=neuter) == expected


@pytest.mark.parametrize(
    ("items", "conjunction", "expected"),
    [
        ([], "og", ""),
        (["a"], "og", "a"),
        (["a", "b"], "og", "a og b"),
        (["a", "b", "c"], "og", "a, b og c"),
        (["Favrskov", "Skanderborg", "Ringkøbing-Skjern"], "og", "Favrskov, Skanderborg og Ringkøbing-Skjern"),
        (["a", "b", "c", "d"], "eller", "a, b, c eller d"),
        (("x", "y"), "eller", "x eller y"),
    ],
)
def test_join_list(items, conjunction, expected):
    assert join_list(items, conjunction) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hedensted", "Hedensteds"),
        ("Vejle", "Vejles"),
        ("Horsens", "Horsens'"),
        ("Aarhus", "Aarhus'"),
        ("Fax", "Fax'"),
        ("Fredericia", "Fredericias"),
        ("RAR Østjylland", "RAR Østjyllands"),
        ("Ringkøbing-Skjern", "Ringkøbing-Skjerns"),
        ("Ikast-Brande", "Ikast-Brandes"),
        ("Sorø", "Sorøs"),
        ("Roskilde", "Roskildes"),
        ("Lemvig", "Lemvigs"),
    ],
)
def test_genitive(name, expected):
    assert genitive(name) == expected


def test_genitive_rejects_empty_name():
    with pytest.raises(ValueError):
        genitive(" ")


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        (1, "januar"),
        (2, "februar"),
        (3, "marts"),
        (4, "april"),
        (5, "maj"),
        (6, "juni"),
        (7, "juli"),
        (8, "august"),
        (9, "september"),
        (10, "oktober"),
        (11, "november"),
        (12, "december"),
    ],
)
def test_month_name(month, expected):
    assert month_name(month) == expected
    assert format_date(datetime.date(2020, month, 1), "MMMM", locale="da_DK") == expected


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_rejects_out_of_range(month):
    with pytest.raises(ValueError, match="måned skal være 1-12"):
        month_name(month)


@pytest.mark.parametrize(
    ("value", "with_year", "expected"),
    [
        (datetime.date(2020, 11, 23), True, "23. november 2020"),
        (datetime.date(2020, 11, 23), False, "23. november"),
        (datetime.date(2023, 3, 1), True, "1. marts 2023"),
        (datetime.datetime(2024, 5, 9, 14, 30), True, "9. maj 2024"),
    ],
)
def test_date(value, with_year, expected):
    assert date(value, with_year=with_year) == expected


def test_date_matches_babel():
    value = datetime.date(2020, 11, 23)
    assert date(value) == format_date(value, "d. MMMM y", locale="da_DK")


# --- parse_number -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("76,3", ",", 76.3),
        ("1.234", ",", 1234.0),
        ("1.234,5", ",", 1234.5),
        ("1.234.567,89", ",", 1234567.89),
        ("12 345", ",", 12345.0),
        (f"12{N}345", ",", 12345.0),
        ("12\u202f345,5", ",", 12345.5),
        ("1234", ",", 1234.0),
        ("1234,5", ",", 1234.5),
        ("0,5", ",", 0.5),
        ("0", ",", 0.0),
        ("-0", ",", 0.0),
        ("-2", ",", -2.0),
        ("\u22122", ",", -2.0),
        ("\u2212 1.234,5", ",", -1234.5),
        ("+4,2", ",", 4.2),
        ("  76,3  ", ",", 76.3),
        (f"{N}76,3{N}", ",", 76.3),
        ("65,4%", ",", 65.4),
        ("65,4 %", ",", 65.4),
        (f"65,4{N}%", ",", 65.4),
        ("65,4 pct.", ",", 65.4),
        ("65,4 PCT.", ",", 65.4),
        ("-1,3 pct", ",", -1.3),
        ("007", ",", 7.0),
        ("76.3", ".", 76.3),
        ("1,234", ".", 1234.0),
        ("1,234.5", ".", 1234.5),
        ("1,234,567.5", ".", 1234567.5),
        ("12 345.5", ".", 12345.5),
        ("-2.5", ".", -2.5),
        ("\u22122.5%", ".", -2.5),
    ],
)
def test_parse_number(text, decimal, expected):
    result = parse_number(text, decimal=decimal)
    assert result == expected
    assert math.copysign(1.0, result) == math.copysign(1.0, expected)


@pytest.mark.parametrize("text", ["", " ", ".", "..", "-", "\u2013", "\u2014", "x", "X", f" {N}.{N} ", " - "])
def test_parse_number_missing_markers(text):
    assert parse_number(text) is None
    assert parse_number(text, decimal=".") is None


@pytest.mark.parametrize(
    ("text", "decimal", "message"),
    [
        ("1.23,4", ",", "'1.23,4' er ikke et gyldigt tal"),
        ("76.3", ",", "'76.3' er ikke et gyldigt tal"),
        ("1.2345", ",", "'1.2345' er ikke et gyldigt tal"),
        ("1.234.56", ",", "'1.234.56' er ikke et gyldigt tal"),
        ("1.234 567", ",", "'1.234 567' er ikke et gyldigt tal"),
        ("0.123", ",", "'0.123' er ikke et gyldigt tal"),
        ("1,2,3", ",", "'1,2,3' er ikke et gyldigt tal"),
        (",5", ",", "',5' er ikke et gyldigt tal"),
        ("5,", ",", "'5,' er ikke et gyldigt tal"),
        ("12  345", ",", "'12  345' er ikke et gyldigt tal"),
        ("76,3", ".", "'76,3' er ikke et gyldigt tal"),
        ("1,23.4", ".", "'1,23.4' er ikke et gyldigt tal"),
        ("nan", ",", "'nan' er ikke et gyldigt tal"),
        ("NaN", ",", "'NaN' er ikke et gyldigt tal"),
        ("inf", ",", "'inf' er ikke et gyldigt tal"),
        ("-Infinity", ",", "'-Infinity' er ikke et gyldigt tal"),
        ("1" + "0" * 400, ",", "er ikke et gyldigt tal (for stort)"),
        ("abc", ",", "'abc' er ikke et tal (skriv fx 76,3)"),
        ("abc", ".", "'abc' er ikke et tal (skriv fx 76.3)"),
        ("12 kr.", ",", "'12 kr.' er ikke et tal (skriv fx 76,3)"),
        ("1e5", ",", "'1e5' er ikke et tal (skriv fx 76,3)"),
        ("--2", ",", "'--2' er ikke et tal (skriv fx 76,3)"),
        ("%", ",", "'%' er ikke et tal (skriv fx 76,3)"),
        ("\u2212", ",", "'\u2212' er ikke et tal (skriv fx 76,3)"),
        ("\u20132", ",", "'\u20132' er ikke et tal (skriv fx 76,3)"),
        ("...", ",", "'...' er ikke et tal (skriv fx 76,3)"),
    ],
)
def test_parse_number_rejects(text, decimal, message):
    with pytest.raises(ValueError) as error:
        parse_number(text, decimal=decimal)
    assert message in str(error.value)


def test_parse_number_exact_messages():
    with pytest.raises(ValueError) as error:
        parse_number("abc")
    assert str(error.value) == "'abc' er ikke et tal (skriv fx 76,3)"
    with pytest.raises(ValueError) as error:
        parse_number("1.23,4")
    assert str(error.value) == "'1.23,4' er ikke et gyldigt tal"
    with pytest.raises(ValueError) as error:
        parse_number("nan")
    assert str(error.value) == "'nan' er ikke et gyldigt tal"


def test_parse_number_rejects_bad_arguments():
    with pytest.raises(ValueError, match="decimaltegn"):
        parse_number("1", decimal=";")
    with pytest.raises(TypeError):
        parse_number(12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (share(65.4), 65.4),
        (share(-65.4, symbol="%", minus=MINUS), -65.4),
        (number(-1234.5, 1, minus=MINUS), -1234.5),
        (number(4.2, 1, signed=True), 4.2),
        (number(1234567.891, 2), 1234567.89),
    ],
)
def test_parse_number_reads_formatted_output(text, expected):
    assert parse_number(text) == expected


# --- properties ---------------------------------------------------------------------------

_NEGATIVE_ZERO = re.compile(r"^[-\u2212]0(,0*)?$")
_SHORT_GROUP = re.compile(r"\.\d{0,2}(?!\d)")


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(x=st.floats(allow_nan=False, allow_infinity=False), d=st.integers(min_value=0, max_value=3))
def test_number_round_trips_through_parse_number(x, d):
    text = number(x, d)
    assert parse_number(text) == float(round_half_up(x, d))
    assert not _NEGATIVE_ZERO.match(text)
    assert not _SHORT_GROUP.search(text)
    assert " " not in text


def test_module_exports():
    assert fmt.NBSP == "\u00a0"
    assert fmt.MINUS == "\u2212"
    assert set(fmt.__all__) <= set(dir(fmt))


# --- pinned by mutation testing (docs/mutation.md) ------------------------------------------


@pytest.mark.parametrize("value, decimals, expected", [
    # the scale is chosen on the amount rounded to the decimals asked for, not to a fixed number of decimals
    (999_940_000, 0, "1\xa0mia.\xa0kr."),  # 999,94 mio. shown without decimals is 1.000 mio.: so 1 mia.
    (999_940_000, 1, "999,9\xa0mio.\xa0kr."),
    (999_999.994, 2, "999.999,99\xa0kr."),  # 999.999,99 kr. is under a million as shown
    (999_999.996, 2, "1,00\xa0mio.\xa0kr."),
])
def test_auto_scale_looks_at_the_amount_as_it_will_be_rounded(value, decimals, expected):
    assert money(value, decimals, scale="auto") == expected


def test_the_messages_of_a_wrong_name_or_date_are_danish():
    with pytest.raises(ValueError, match="^et tomt navn har ingen ejefald$"):
        fmt.genitive("")
    with pytest.raises(TypeError, match="^'x' er ikke en dato$"):
        fmt.date("x")


def test_keep_together_joins_units_periods_names_and_number_words_in_one_text():
    text = "Høje-Taastrup har 44,4 pct. og 2,5 mio. kr. i 3. kvt. 2021 og 23. november 2020 (nr. 3), covid-19-smittede"
    assert fmt.keep_together(text) == (
        "Høje\u2011Taastrup har 44,4\xa0pct. og 2,5\xa0mio.\xa0kr. i 3.\xa0kvt.\xa02021 og 23.\xa0november\xa02020 "
        "(nr.\xa03), covid\u201119\u2011smittede")
    # charts break only at spaces: their hyphens stay, the no-break spaces are the same
    assert fmt.keep_together(text, hyphens=False) == (
        "Høje-Taastrup har 44,4\xa0pct. og 2,5\xa0mio.\xa0kr. i 3.\xa0kvt.\xa02021 og 23.\xa0november\xa02020 "
        "(nr.\xa03), covid-19-smittede")


def test_a_negative_number_of_weeks_in_prose_has_a_hyphen_minus():
    assert fmt.weeks(-2.5) == "-2,5\xa0uger"
    assert fmt.weeks(-1, 0) == "-1\xa0uge"


@pytest.mark.parametrize("text, expected", [
    ("3. kvt. 2021", "3.\xa0kvt. 2021"),  # a narrow header may break before the year, never inside "3. kvt."
    ("Antal 3.\xa0kvt.\xa02021", "Antal 3.\xa0kvt. 2021"),  # a no-break space already there is loosened too
    ("marts 2023", "marts 2023"),
    ("november 2020 og 44,4 pct.", "november 2020 og 44,4\xa0pct."),  # the other rules still hold
    ("4. kvt. 2018-3. kvt. 2019", "4.\xa0kvt.\xa02018-3.\xa0kvt.\xa02019"),  # a range stays whole: apart it is nonsense
    ("1.-3. kvt. 2021", "1.-3.\xa0kvt.\xa02021"),
    ("Høje-Taastrup 2021", "Høje\u2011Taastrup 2021"),
])
def test_a_period_may_break_before_its_year_in_a_narrow_header_except_in_a_range(text, expected):
    assert fmt.keep_together(text, period_year=False) == expected
