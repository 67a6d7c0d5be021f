"""Tests for briefing.danish.periods: parsing period labels and writing them Danish style."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.danish.periods import Period, join_periods, parse_period

Q = Period.of_quarter
M = Period.of_month


# --- parsing: every accepted form ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # quarters
        ("2021K3", "2021K3"),
        ("2021k3", "2021K3"),
        ("2021-Q3", "2021K3"),
        ("2021Q3", "2021K3"),
        ("2021q3", "2021K3"),
        ("2021 K3", "2021K3"),
        ("Q3 2021", "2021K3"),
        ("q3 2021", "2021K3"),
        ("K3 2021", "2021K3"),
        ("3. kvt. 2021", "2021K3"),
        ("3. kvt 2021", "2021K3"),
        ("3.kvt 2021", "2021K3"),
        ("3.kvt. 21", "2021K3"),
        ("3. KVT. 2021", "2021K3"),
        ("3 kvt 2021", "2021K3"),
        ("3. kv. 21", "2021K3"),
        ("3kv21", "2021K3"),
        ("3. kvartal 2021", "2021K3"),
        ("3.kvartal 21", "2021K3"),
        ("3.  kvartal   2021", "2021K3"),
        ("  3. kvt. 2021  ", "2021K3"),
        ("3.\u00a0kvt.\u00a02021", "2021K3"),
        ("1. kvt. 1900", "1900K1"),
        ("4. kvt. 2100", "2100K4"),
        # months
        ("2023M03", "2023M03"),
        ("2023m3", "2023M03"),
        ("2023M12", "2023M12"),
        ("2023-03", "2023M03"),
        ("2023-3", "2023M03"),
        ("marts 2023", "2023M03"),
        ("Marts 2023", "2023M03"),
        ("mar 2023", "2023M03"),
        ("mar. 2023", "2023M03"),
        ("maj 2023", "2023M05"),
        ("sep 23", "2023M09"),
        ("sept. 2023", "2023M09"),
        ("december 2020", "2020M12"),
        ("januar 2024", "2024M01"),
        # years and halves
        ("2021", "2021"),
        (" 2021 ", "2021"),
        ("1900", "1900"),
        ("2100", "2100"),
        ("2021H1", "2021H1"),
        ("2021h2", "2021H2"),
        ("2021-H1", "2021H1"),
        ("H1 2021", "2021H1"),
        ("1. halvår 2021", "2021H1"),
        ("2.halvår 21", "2021H2"),
        ("1. HALVÅR 2021", "2021H1"),
        # moving periods and ranges
        ("3kv20-2kv21", "2020K3-2021K2"),
        ("4kv18-3kv19", "2018K4-2019K3"),
        ("1kv19-4kv19", "2019K1-2019K4"),
        ("3KV20-2KV21", "2020K3-2021K2"),
        ("2020K3-2021K2", "2020K3-2021K2"),
        ("2020K3 - 2021K2", "2020K3-2021K2"),
        ("2020K3\u20132021K2", "2020K3-2021K2"),
        ("2020-Q3-2021-Q2", "2020K3-2021K2"),
        ("3. kvt. 2020-2. kvt. 2021", "2020K3-2021K2"),
        ("3. kvartal 2020 - 2. kvartal 2021", "2020K3-2021K2"),
        ("2021K3-2021K3", "2021K3-2021K3"),
        ("2023M01-2023M06", "2023M01-2023M06"),
        ("2023-01-2023-06", "2023M01-2023M06"),
        ("januar 2023-juni 2023", "2023M01-2023M06"),
    ],
)
def test_parse_period_accepts(text, code):
    period = parse_period(text)
    assert period is not None
    assert period.code == code
    assert parse_period(period.code) == period
    assert parse_period(period.short) == period
    assert parse_period(period.long) == period


@pytest.mark.parametrize(
    "text",
    [
        "Hedensted",
        "Tilbud i alt",
        "Antal personer",
        "RAR Østjylland",
        "",
        "   ",
        "Kommune",
        "Andel (pct.)",
        "12",
        "76,3",
        "5000",
        "1899",
        "2101",
        "1000-2000",
        "16-24 år",
        "3. maj 2021",
        "2021K3 (foreløbig)",
        "Kvartal",
        "marts",
        "mandag 2023",
    ],
)
def test_parse_period_returns_none_for_non_periods(text):
    assert parse_period(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2021K5", "'2021K5' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("2021K0", "'2021K0' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("2021-Q5", "'2021-Q5' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("Q0 2021", "'Q0 2021' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("13. kvt. 2021", "'13. kvt. 2021' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("5. kvartal 21", "'5. kvartal 21' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("5kv20-2kv21", "'5kv20-2kv21' er ikke en gyldig periode: kvartal skal være 1-4"),
        ("2023M13", "'2023M13' er ikke en gyldig periode: måned skal være 1-12"),
        ("2023M00", "'2023M00' er ikke en gyldig periode: måned skal være 1-12"),
        ("2023-13", "'2023-13' er ikke en gyldig periode: måned skal være 1-12"),
        ("2021H3", "'2021H3' er ikke en gyldig periode: halvår skal være 1-2"),
        ("3. halvår 2021", "'3. halvår 2021' er ikke en gyldig periode: halvår skal være 1-2"),
        ("1850K1", "'1850K1' er ikke en gyldig periode: år skal være 1900-2100"),
        ("3. kvt. 2101", "'3. kvt. 2101' er ikke en gyldig periode: år skal være 1900-2100"),
        ("2200M01", "'2200M01' er ikke en gyldig periode: år skal være 1900-2100"),
        (
            "2kv21-3kv20",
            "'2kv21-3kv20' er ikke en gyldig periode: intervallets slutning må ikke ligge før starten",
        ),
        (
            "2021K3-2021K2",
            "'2021K3-2021K2' er ikke en gyldig periode: intervallets slutning må ikke ligge før starten",
        ),
        (
            "2020K3-2021M05",
            "'2020K3-2021M05' er ikke en gyldig periode: "
            "et interval skal gå fra kvartal til kvartal eller fra måned til måned",
        ),
        (
            "2020-2021",
            "'2020-2021' er ikke en gyldig periode: "
            "et interval skal gå fra kvartal til kvartal eller fra måned til måned",
        ),
        ("2023QMAT04", "'2023QMAT04' er ikke en gyldig periode: løbende år (QMAT) understøttes ikke"),
    ],
)
def test_parse_period_rejects_invalid_periods(text, message):
    with pytest.raises(ValueError) as error:
        parse_period(text)
    assert str(error.value) == message


def test_parse_period_rejects_non_text():
    with pytest.raises(TypeError):
        parse_period(2021)


# --- writing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "code", "short", "long"),
    [
        (Period.of_year(2021), "2021", "2021", "2021"),
        (Period.of_half(2021, 1), "2021H1", "1. halvår 2021", "1. halvår 2021"),
        (Period.of_half(2021, 2), "2021H2", "2. halvår 2021", "2. halvår 2021"),
        (Q(2021, 3), "2021K3", "3. kvt. 2021", "3. kvartal 2021"),
        (Q(2019, 1), "2019K1", "1. kvt. 2019", "1. kvartal 2019"),
        (M(2023, 3), "2023M03", "marts 2023", "marts 2023"),
        (M(2020, 11), "2020M11", "november 2020", "november 2020"),
        (
            Period.of_range(Q(2020, 3), Q(2021, 2)),
            "2020K3-2021K2",
            "3. kvt. 2020-2. kvt. 2021",
            "3. kvartal 2020-2. kvartal 2021",
        ),
        (
            Period.of_range(M(2023, 1), M(2023, 6)),
            "2023M01-2023M06",
            "januar 2023-juni 2023",
            "januar 2023-juni 2023",
        ),
    ],
)
def test_period_texts(period, code, short, long):
    assert period.code == code
    assert period.short == short
    assert period.long == long
    assert str(period) == short


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Q(2021, 5), "kvartal skal være 1-4"),
        (lambda: M(2021, 0), "måned skal være 1-12"),
        (lambda: Period.of_half(2021, 3), "halvår skal være 1-2"),
        (lambda: Period.of_year(1899), "år skal være 1900-2100"),
        (lambda: Q(2021, True), "kvartal skal være 1-4"),
        (lambda: Period("week", 2021, 3), "art skal være en af"),
        (lambda: Period.of_range(Q(2021, 2), Q(2021, 1)), "intervallets slutning"),
        (lambda: Period.of_range(Period.of_year(2020), Period.of_year(2021)), "kvartal til kvartal"),
        (lambda: Period.of_range(Q(2020, 1), M(2021, 1)), "kvartal til kvartal"),
        (lambda: Period("quarter", 2021, 3, start=Q(2021, 1)), "kun et interval"),
    ],
)
def test_period_validates(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_periods_sort_chronologically():
    periods = [
        Q(2021, 2),
        Period.of_year(2020),
        M(2021, 1),
        Q(2020, 4),
        Period.of_range(Q(2020, 3), Q(2021, 2)),
        Period.of_half(2020, 2),
    ]
    assert [p.code for p in sorted(periods)] == [
        "2020",
        "2020H2",
        "2020K3-2021K2",
        "2020K4",
        "2021M01",
        "2021K2",
    ]


def test_period_is_frozen_and_hashable():
    period = Q(2021, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        period.year = 2022  # type: ignore[misc]
    assert period == parse_period("3. kvt. 21")
    assert len({period, parse_period("2021K3"), Q(2021, 4)}) == 2
    assert dataclasses.replace(period, number=4) == Q(2021, 4)


# --- join_periods -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], ""),
        (["2021K3"], "3. kvt. 2021"),
        (["2019K3", "2021K3"], "3. kvt. 2019 og 3. kvt. 2021"),
        (["2021K3", "2019K3"], "3. kvt. 2021 og 3. kvt. 2019"),
        (["2019K3", "2021K3", "2019K3"], "3. kvt. 2019 og 3. kvt. 2021"),
        (["2019", "2020H1", "2023M03"], "2019, 1. halvår 2020 og marts 2023"),
        (["3kv20-2kv21", "3kv21-2kv22"], "3. kvt. 2020-2. kvt. 2021 og 3. kvt. 2021-2. kvt. 2022"),
    ],
)
def test_join_periods(codes, expected):
    assert join_periods([parse_period(code) for code in codes]) == expected


# ---------------------------------------------------------------- pinned by mutation testing (docs/mutation.md)


def test_periods_sort_by_first_month_then_last_month():
    p = parse_period
    periods = [p("2021K3"), p("2021M02"), p("2021M01-2022M01"), p("2021"), p("2021H1"), p("2021M01-2021M03"),
               p("2021K1"), p("2021M01"), p("2021M01-2021M12")]
    assert [x.code for x in sorted(periods)] == [
        "2021M01", "2021K1", "2021M01-2021M03", "2021H1", "2021M01-2021M12", "2021", "2021M01-2022M01", "2021M02",
        "2021K3"]
    assert p("2021").first_month == (2021, 1)
    assert p("2021K3").first_month == (2021, 7)


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "\u2212"])
def test_a_range_may_be_written_with_any_dash(dash):
    assert parse_period(f"2020K3{dash}2021K2") == parse_period("2020K3-2021K2")
    assert parse_period(f"2020K3 {dash} 2021K2").code == "2020K3-2021K2"


@pytest.mark.parametrize("make, message", [
    (lambda: Period("uge", 2021), "art skal være en af year, half, quarter, month, range"),
    (lambda: Period("year", 2021, 3), "et år har intet nummer"),
    (lambda: Period("year", 2021, start=Period.of_quarter(2021, 1)), "kun et interval har start og slut"),
    (lambda: Period("range", start=Period.of_quarter(2021, 1)), "et interval skal have en start- og en slutperiode"),
    (lambda: Period("range", end=Period.of_quarter(2021, 1)), "et interval skal have en start- og en slutperiode"),
])
def test_a_wrong_period_says_what_is_wrong(make, message):
    with pytest.raises(ValueError) as caught:
        make()
    assert str(caught.value) == f"ugyldig periode: {message}"


def test_a_period_must_be_read_from_text():
    with pytest.raises(TypeError) as caught:
        parse_period(2021)
    assert str(caught.value) == "2021 er ikke en tekst"
