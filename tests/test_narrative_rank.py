"""Issue 14, second round: the rank and the comparison in one sentence, rank words bound to their noun, and the
unit word in every difference. Real tables in, the exact sentence out (numbers and units joined by U+00A0)."""

from __future__ import annotations

import pytest

from briefing.danish.units import COUNT_NOUNS, UNIT_HEADERS
from briefing.facts.narrative import RuleInputError, Skipped, write_sentence

from .test_narrative_cases import BOOK, DECK, ITEM, NB, places, say, table

SANCTIONS = {"Hedensted": 6.8, "Favrskov": 9.4, "Skanderborg": 8.1, "Ringkøbing-Skjern": 10.2, "Vejle": 7.4,
             "Horsens": 11.3, "RAR Østjylland": 8.9, "Hele landet": 9.6}
BOTH = ["RAR Østjylland", "Hele landet"]


def sanctions(**changes) -> list[dict]:
    return places(**{"2021": {**SANCTIONS, **changes}})


def rank(noun: str = "sanktioner", **item) -> dict:
    return {"rule": "rangering", "noun": noun, **item}


COMBINED = [
    ("first-from-the-bottom", sanctions(), rank(benchmarks=BOTH),
     "Hedensted har færrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og hele landet"),
    ("first-from-the-top", sanctions(Hedensted=12.0), rank(benchmarks=BOTH),
     "Hedensted har flest sanktioner af de seks kommuner og ligger over både RAR Østjylland og hele landet"),
    ("third-lowest-middle", sanctions(Hedensted=8.5), rank(benchmarks=BOTH),
     "Hedensted har tredjefærrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og hele landet"),
    ("second-highest", sanctions(Hedensted=10.5), rank(benchmarks=BOTH),
     "Hedensted har næstflest sanktioner af de seks kommuner og ligger over både RAR Østjylland og hele landet"),
    ("above-one-below-the-other", sanctions(Hedensted=9.2), rank(benchmarks=BOTH),
     "Hedensted har tredjefærrest sanktioner af de seks kommuner og ligger over RAR Østjylland og under hele landet"),
    ("tie-at-the-bottom", sanctions(Hedensted=7.4), rank(benchmarks=BOTH),
     "Hedensted har sammen med Vejle færrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og "
     "hele landet"),
    ("equal-differences", sanctions(**{"Hele landet": 8.9}), rank(benchmarks=BOTH),
     "Hedensted har færrest sanktioner af de seks kommuner og ligger under både RAR Østjylland og hele landet"),
    ("on-par-within-tolerance", sanctions(Hedensted=8.8), rank(benchmarks=BOTH, tolerance=0.2),
     "Hedensted har tredjefærrest sanktioner af de seks kommuner og ligger på niveau med RAR Østjylland og under "
     "hele landet"),
    ("on-par-with-both", sanctions(Hedensted=8.9, **{"Hele landet": 8.9}), rank(benchmarks=BOTH),
     "Hedensted har tredjefærrest sanktioner af de seks kommuner og ligger på niveau med både RAR Østjylland og "
     "hele landet"),
    ("one-reference-missing-is-left-out", sanctions(**{"Hele landet": None}), rank(benchmarks=BOTH),
     "Hedensted har færrest sanktioner af de seks kommuner og ligger under RAR Østjylland"),
    ("all-references-missing-is-the-rank-alone", sanctions(**{"Hele landet": None, "RAR Østjylland": None}),
     rank(benchmarks=BOTH), "Hedensted har færrest sanktioner af de seks kommuner"),
    ("share-noun-keeps-den", sanctions(), rank("sanktionsrate", benchmarks=BOTH),
     "Hedensted har den laveste sanktionsrate blandt de seks kommuner og ligger under både RAR Østjylland og "
     "hele landet"),
    ("exact-middle-has-no-rank-word", places(**{"2021": {"Favrskov": 3.0, "Hedensted": 2.0, "Horsens": 1.0,
                                                        "Hele landet": 2.5}}),
     rank("andel", benchmarks=["Hele landet"]),
     "Hedensted er nr. 2 af 3 kommuner målt på andel og ligger under hele landet"),
    ("reference-named-in-exclude-too", sanctions(), rank(benchmarks=["Hele landet"], exclude=["RAR Østjylland"]),
     "Hedensted har færrest sanktioner af de seks kommuner og ligger under hele landet"),
]


@pytest.mark.parametrize(("rows", "item", "expected"), [pytest.param(r, i, e, id=n) for n, r, i, e in COMBINED])
def test_rank_and_comparison_in_one_sentence(rows, item, expected):
    assert say(rows, item, unit="antal", decimals=1) == expected


def test_the_combined_sentence_lists_the_references_among_its_facts():
    result = write_sentence(ITEM.validate_python(rank(benchmarks=BOTH)), table(sanctions(), "antal", decimals=1),
                            DECK, BOOK)
    assert [f.label for f in result.facts][-2:] == ["RAR Østjylland", "hele landet"]
    assert (result.variables["over"], result.variables["under"]) == (0, 2)


def test_a_reference_that_is_not_a_row_is_a_located_message():
    with pytest.raises(RuleInputError) as caught:
        write_sentence(ITEM.validate_python(rank(benchmarks=["RAR Østjyland"])), table(sanctions(), "antal"), DECK, BOOK)
    assert caught.value.field == "benchmarks[1]"
    assert caught.value.message == (
        "'RAR Østjyland' er hverken en række eller en talkolonne (mente du 'RAR Østjylland'?) (rækker: Hedensted, "
        "Favrskov, Skanderborg, Ringkøbing-Skjern, Vejle, Horsens, RAR Østjylland, Hele landet; talkolonner: 2021)")


def test_the_subject_missing_gives_no_sentence():
    result = write_sentence(ITEM.validate_python(rank(benchmarks=BOTH)), table(sanctions(Hedensted=None), "antal"),
                            DECK, BOOK)
    assert isinstance(result, Skipped)


# ---------------------------------------------------------------- rank words bound to the noun

SEVEN = dict(zip(["Favrskov", "Horsens", "Vejle", "Odder", "Hedensted", "Syddjurs", "Samsø"], [7, 6, 5, 4, 3, 2, 1]))

BOUND = [
    # (noun, unit, Hedensted's value, expected)
    ("sanktioner", "antal", 7, "Hedensted har flest sanktioner af de syv kommuner"),
    ("sanktioner", "antal", 1, "Hedensted har færrest sanktioner af de syv kommuner"),
    ("sanktioner", "sanktion/sanktioner", 6, "Hedensted har næstflest sanktioner af de syv kommuner"),
    ("forløb", "forløb", 2, "Hedensted har næstfærrest forløb af de syv kommuner"),
    ("personer i job", "personer", 3, "Hedensted har tredjefærrest personer i job af de syv kommuner"),
    ("fuldtidspersoner", "fuldtidspersoner", 5, "Hedensted har tredjeflest fuldtidspersoner af de syv kommuner"),
    ("ledige pr. 1.000 indbyggere", "antal", 7, "Hedensted har flest ledige pr. 1.000 indbyggere af de syv kommuner"),
    ("ledighedsforløb", "antal", 2, "Hedensted har næstfærrest ledighedsforløb af de syv kommuner"),
    ("kontanthjælpsmodtagere i tilbud", "personer", 6,
     "Hedensted har næstflest kontanthjælpsmodtagere i tilbud af de syv kommuner"),
    ("fleksjob", "antal", 7, "Hedensted har flest fleksjob af de syv kommuner"),
    ("andel", "pct.", 7, "Hedensted har den højeste andel blandt de syv kommuner"),
    ("afgangsrate", "pct.", 1, "Hedensted har den laveste afgangsrate blandt de syv kommuner"),
    ("andel", "pct.", 3, "Hedensted har den tredjelaveste andel blandt de syv kommuner"),
    ("antal sanktioner pr. 100 modtagere", "antal", 1,
     "Hedensted har det laveste antal sanktioner pr. 100 modtagere blandt de syv kommuner"),
    ("aktiveringsniveau", "pct.", 6, "Hedensted har det næsthøjeste aktiveringsniveau blandt de syv kommuner"),
    ("udgifter pr. borger", "kr.", 7, "Hedensted har de højeste udgifter pr. borger blandt de syv kommuner"),
    ("sygedagpengeudgifter", "kr.", 2, "Hedensted har de næstlaveste sygedagpengeudgifter blandt de syv kommuner"),
]


@pytest.mark.parametrize(("noun", "unit", "own", "expected"), BOUND, ids=[f"{b[0]}-{b[2]}" for b in BOUND])
def test_the_rank_word_binds_to_the_noun(noun, unit, own, expected):
    assert say(places(**{"2021": seven_with(own)}), rank(noun), unit=unit) == expected


def seven_with(own: int) -> dict:
    """Seven municipalities valued 1-7, Hedensted at `own` (it swaps places with the one that had it)."""
    values = dict(SEVEN)
    values[next(k for k, v in SEVEN.items() if v == own)] = SEVEN["Hedensted"]
    values["Hedensted"] = own
    return values


def test_a_tie_binds_the_rank_word_too():
    rows = places(**{"2021": {"Favrskov": 5, "Horsens": 4, "Vejle": 3, "Hedensted": 1, "Odder": 1}})
    assert say(rows, rank("forløb"), unit="forløb") == "Hedensted har sammen med Odder færrest forløb af de fem kommuner"
    assert say(rows, rank("antal forløb"), unit="forløb") == \
        "Hedensted har sammen med Odder det laveste antal forløb blandt de fem kommuner"


EXTREMES = [
    ("sanktioner", "antal", "Horsens har flest sanktioner (11,3) og Hedensted færrest (6,8)"),
    ("antal sanktioner", "antal", "Horsens har det højeste antal sanktioner (11,3) og Hedensted det laveste (6,8)"),
    ("sanktionsrate", "antal", "Horsens har den højeste sanktionsrate (11,3) og Hedensted den laveste (6,8)"),
]


@pytest.mark.parametrize(("noun", "unit", "expected"), EXTREMES, ids=[e[0] for e in EXTREMES])
def test_extremes_bind_the_rank_word_to_the_noun(noun, unit, expected):
    rows = sanctions(**{"RAR Østjylland": None, "Hele landet": None})[:6]
    assert say(rows, {"rule": "ekstremer", "noun": noun}, unit=unit, decimals=1) == expected


def test_no_sentence_says_den_hoejeste_before_a_plural_count_noun():
    for noun in ("sanktioner", "personer", "forløb", "borgere", "modtagere", "sager"):
        for own in (1, 2, 3, 5, 6, 7):
            text = say(places(**{"2021": seven_with(own)}), rank(noun), unit="antal")
            assert "den " not in text and ("flest" in text or "færrest" in text), text


# ---------------------------------------------------------------- the unit word in every difference

COMPARE_TWO = {"rule": "sammenligning", "benchmarks": BOTH}
UNIT_CASES = [
    # every unit the table can have (danish/units.py), in a comparison with two references and a change
    ("pct.", {}, f"Hedensted ligger 2,1 og 2,8{NB}pct.point under henholdsvis RAR Østjylland og hele landet"),
    ("pct.point", {}, f"Hedensted ligger 2,1 og 2,8{NB}pct.point under henholdsvis RAR Østjylland og hele landet"),
    ("personer", {"decimals": 1},
     f"Hedensted ligger 2,1 og 2,8{NB}personer under henholdsvis RAR Østjylland og hele landet"),
    ("kr.", {"decimals": 1}, f"Hedensted ligger 2,1 og 2,8{NB}kr. under henholdsvis RAR Østjylland og hele landet"),
    ("uger", {}, f"Hedensted ligger 2,1 og 2,8{NB}uger under henholdsvis RAR Østjylland og hele landet"),
    ("fuldtidspersoner", {"decimals": 1},
     f"Hedensted ligger 2,1 og 2,8{NB}fuldtidspersoner under henholdsvis RAR Østjylland og hele landet"),
    ("indeks", {}, f"Hedensted ligger 2,1 og 2,8{NB}indekspoint under henholdsvis RAR Østjylland og hele landet"),
    ("sanktion/sanktioner", {"decimals": 1},
     f"Hedensted ligger 2,1 og 2,8{NB}sanktioner under henholdsvis RAR Østjylland og hele landet"),
    ("forløb", {"decimals": 1},
     f"Hedensted ligger 2,1 og 2,8{NB}forløb under henholdsvis RAR Østjylland og hele landet"),
]


def test_the_unit_cases_cover_every_unit():
    assert {u for u, _s, _e in UNIT_CASES} >= set(UNIT_HEADERS) - {"antal"} | set(COUNT_NOUNS)


@pytest.mark.parametrize(("unit", "spec", "expected"), UNIT_CASES, ids=[u for u, _s, _e in UNIT_CASES])
def test_every_difference_carries_its_unit(unit, spec, expected):
    rows = places(**{"2021": {"Hedensted": 6.8, "RAR Østjylland": 8.9, "Hele landet": 9.6}})
    assert say(rows, COMPARE_TWO, unit=unit, **spec) == expected


ANTAL = [
    # a plain count ('antal') takes the name of its column as the unit word ...
    ("column-names-the-measure", [{"kommune": k, "Sanktioner pr. 100": v} for k, v in SANCTIONS.items()],
     {**COMPARE_TWO, "measure": "sanktionsraten i Hedensted"},
     f"Sanktionsraten i Hedensted ligger 2,1 og 2,8{NB}sanktioner pr. 100 under henholdsvis RAR Østjylland og "
     "hele landet"),
    ("column-word-equal-differences", [{"kommune": k, "Ledige pr. 1.000": v} for k, v in
                                       {"Hedensted": 20.0, "RAR Østjylland": 22.5, "Hele landet": 22.5}.items()],
     COMPARE_TWO, f"Hedensted ligger 2,5{NB}ledige pr. 1.000 under både RAR Østjylland og hele landet"),
    ("column-word-one-reference", [{"kommune": k, "Sanktioner pr. 100": v} for k, v in SANCTIONS.items()],
     {"rule": "sammenligning"}, f"Hedensted ligger 2,1{NB}sanktioner pr. 100 under RAR Østjylland"),
    ("column-word-levels", [{"kommune": k, "Sanktioner pr. 100": v} for k, v in SANCTIONS.items()],
     {**COMPARE_TWO, "form": "niveauer"},
     f"Hedensted er 6,8{NB}sanktioner pr. 100 mod 8,9{NB}sanktioner pr. 100 og 9,6{NB}sanktioner pr. 100 i "
     "henholdsvis RAR Østjylland og hele landet"),
    ("column-word-target", [{"kommune": "Hedensted", "Sanktioner pr. 100": 6.8}],
     {"rule": "mål", "target": 6, "better": "lavere"},
     f"Målet på 6{NB}sanktioner pr. 100 er ikke nået – med 6,8{NB}sanktioner pr. 100 er der 0,8{NB}sanktioner "
     "pr. 100 til målet"),
    # ... and a change over time names its measure, so a plain number has its meaning
    ("change-names-its-measure", [{"ydelse": "I alt", "2019": 12.0, "2021": 9.5}],
     {"rule": "udvikling", "measure": "sanktionsraten", "form": "med"},
     "Sanktionsraten er faldet med 2,5 fra 2019 til 2021"),
]


@pytest.mark.parametrize(("rows", "item", "expected"), [pytest.param(r, i, e, id=n) for n, r, i, e in ANTAL])
def test_a_plain_count_gets_its_unit_word_or_its_measure(rows, item, expected):
    assert say(rows, item, unit="antal", decimals=1) == expected


@pytest.mark.parametrize("item", [{"rule": "sammenligning"}, {"rule": "sammenligning", "form": "niveauer"},
                                  {"rule": "afvigelse", "reference": "hele landet"}])
def test_a_plain_count_with_nothing_to_name_it_is_a_located_message(item):
    rows = places(**{"2021": {"Hedensted": 6.8, "RAR Østjylland": 8.9}})
    with pytest.raises(RuleInputError) as caught:
        write_sentence(ITEM.validate_python(item), table(rows, "antal", decimals=1), DECK, BOOK)
    assert caught.value.field == ""  # a field the user did not write is not named
    assert caught.value.message == (
        "tabellens enhed er 'antal', så tallet i sætningen ('ligger 12 over ...') står uden enhed og siger ikke, "
        "hvad der tælles; angiv 'measure' med det, der sammenlignes (fx 'antallet af sanktioner pr. 100 "
        "modtagere'), eller giv tabellen en tælleenhed som 'personer', 'forløb' eller 'sanktion/sanktioner'")


EVERY_UNIT = [u for u in UNIT_HEADERS if u != "antal"] + ["sanktion/sanktioner", "forløb/forløb"]
DIFFERENCE_ITEMS = {
    "sammenligning": ({"rule": "sammenligning", "benchmarks": BOTH}, None),
    "udvikling": ({"rule": "udvikling", "measure": "niveauet", "form": "med"}, None),
    "udvikling-mod": ({"rule": "udvikling", "measure": "niveauet", "benchmark": "RAR Østjylland"}, None),
    "afvigelse": ({"rule": "afvigelse", "reference": "hele landet"}, None),
    "mål": ({"rule": "mål", "target": 9}, None),
}


@pytest.mark.parametrize("unit", EVERY_UNIT + ["antal"])
@pytest.mark.parametrize("rule", list(DIFFERENCE_ITEMS))
def test_every_number_a_rule_prints_carries_its_unit_word(unit, rule):
    """Whatever the unit, no rule prints a bare number: each is followed by its unit (joined by U+00A0), or, for
    'antal', by what the column counts ('ledige pr. 1.000')."""
    import re

    item, _ = DIFFERENCE_ITEMS[rule]
    column = "Ledige pr. 1.000" if unit == "antal" else None
    if rule.startswith("udvikling"):
        table_rows = places(**{"2019": {"Hedensted": 6.8, "RAR Østjylland": 8.9}, "2021": {"Hedensted": 8.4,
                                                                                       "RAR Østjylland": 9.6}})
        if unit == "antal":
            item = {**item, "measure": "antallet af ledige pr. 1.000 indbyggere"}
        if rule == "udvikling":
            item = {**item, "where": {"sted": "Hedensted"}}
    else:
        values = {"Hedensted": 6.8, "RAR Østjylland": 8.9, "Hele landet": 9.6}
        table_rows = [{"sted": k, (column or "2021"): v} for k, v in values.items()]
    text = say(table_rows, item, unit=unit, decimals=1)
    if unit == "indeks" and rule == "mål":  # an index level is a bare number ('indeks 104'); the gap is not
        assert text.endswith(f"2,2{NB}indekspoint til målet"), text
        return
    numbers = [m for m in re.finditer(r"\d+(?:[.,]\d+)*", text)
               if not re.fullmatch(r"20\d\d", m[0]) and not text[:m.start()].endswith("pr. ")]
    assert numbers, text
    for number in numbers:
        after = text[number.end():]
        shared = re.match(r"(?: og |, )\d", after)  # '2,1 og 2,8 pct.point': the unit is said once, at the end
        assert after.startswith(NB) or shared or (rule.startswith("udvikling") and unit == "antal"), text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TENTHS = st.integers(min_value=0, max_value=200).map(lambda n: n / 10)


@settings(max_examples=60, deadline=None)
@given(own=TENTHS, region=TENTHS, country=TENTHS, others=st.lists(TENTHS, min_size=1, max_size=5))
def test_the_combined_sentence_tells_each_direction_as_the_numbers_show_it(own, region, country, others):
    """For any values, 'over'/'under'/'på niveau med' agree with the shown numbers, and the rank part is the rank
    sentence alone."""
    names = ["Favrskov", "Horsens", "Vejle", "Odder", "Samsø"][:len(others)]
    values = {"Hedensted": own, **dict(zip(names, others)), "RAR Østjylland": region, "Hele landet": country}
    table_rows = places(**{"2021": values})
    alone = say(table_rows, rank("andel"), unit="pct.")
    text = say(table_rows, rank("andel", benchmarks=BOTH), unit="pct.")
    assert text.startswith(alone + " og ligger ")

    def word(other):
        return "over" if own > other else "under" if own < other else "på niveau med"

    words = [word(region), word(country)]
    if words[0] == words[1]:
        expected = f"{words[0]} både RAR Østjylland og hele landet"
    else:
        expected = f"{words[0]} RAR Østjylland og {words[1]} hele landet"
    assert text == f"{alone} og ligger {expected}"


# ---------------------------------------------------------------- found by a generated hunt (2026-12-02)

TWELVE = {"Hedensted": 99_000, **{name: 50_000 + 1_000 * i for i, name in enumerate(
    ["Favrskov", "Skanderborg", "Ringkøbing-Skjern", "Vejle", "Horsens", "Odder", "Syddjurs", "Norddjurs", "Silkeborg",
     "Randers", "Viborg"])}}


def test_a_place_past_the_tenth_is_counted_from_the_end_asked_for():
    rows = places(**{"2021": TWELVE})
    assert say(rows, rank("udgifter", direction="lavest"), unit="kr.") == \
        "Hedensted er nr. 12 af 12 kommuner målt på udgifter"
    assert say(rows, rank("udgifter", direction="højest"), unit="kr.") == \
        "Hedensted har de højeste udgifter blandt de tolv kommuner"


def test_a_shared_place_past_the_tenth_is_counted_from_the_end_asked_for():
    values = {**{n: v - 70_000 for n, v in TWELVE.items()}, "Hedensted": 5, "Favrskov": 5, "Aarhus": -20, "Odense": -19}
    rows = places(**{"2021": values})
    assert say(rows, rank("udgifter", direction="lavest"), unit="kr.") == \
        "Hedensted har delt 13.-plads af 14 kommuner målt på udgifter sammen med Favrskov"


def test_the_extremes_leave_out_the_region_and_the_country_as_the_rank_does():
    rows = places(**{"2021": {"Hedensted": 3.0, "Favrskov": 3.2, "Skanderborg": 3.1, "RAR Østjylland": 4.0,
                              "Hele landet": 2.9}})
    assert say(rows, {"rule": "ekstremer", "noun": "ledighed"}) == \
        "Favrskov har den højeste ledighed (3,2\xa0pct.) og Hedensted den laveste (3,0\xa0pct.)"
    assert say(rows, rank("ledighed")) == "Hedensted har den laveste ledighed blandt de tre kommuner"
    assert say(rows, {"rule": "ekstremer", "noun": "ledighed", "exclude": []}) == \
        "RAR Østjylland har den højeste ledighed (4,0\xa0pct.) og hele landet den laveste (2,9\xa0pct.)"


@pytest.mark.parametrize("noun, expected", [
    ("sanktioner", "Hedensted ligger 1\xa0sanktion over RAR Østjylland"),
    ("personer i job", "Hedensted ligger 1\xa0person i job over RAR Østjylland"),
    ("kontanthjælpsmodtagere", "Hedensted ligger 1\xa0kontanthjælpsmodtager over RAR Østjylland"),
    ("Antal sanktioner", "Hedensted ligger 1\xa0sanktion over RAR Østjylland"),
])
def test_exactly_one_of_a_counted_noun_is_singular(noun, expected):
    rows = [{"sted": "Hedensted", noun: 12}, {"sted": "RAR Østjylland", noun: 11}]
    assert say(rows, {"rule": "sammenligning", "column": noun}, unit="antal") == expected


def test_more_than_one_stays_plural():
    rows = [{"sted": "Hedensted", "sanktioner": 13}, {"sted": "RAR Østjylland", "sanktioner": 11}]
    assert say(rows, {"rule": "sammenligning", "column": "sanktioner"}, unit="antal") == \
        "Hedensted ligger 2\xa0sanktioner over RAR Østjylland"


def test_the_group_is_kommuner_only_when_every_ranked_row_is_a_municipality():
    rows = places(**{"2021": {"Hedensted": 3.0, "Skanderborg": 2.0, "Øvrige kommuner": 4.0, "Trekantområdet": 5.0}})
    text = say(rows, rank("andel"))
    assert "kommuner" not in text and text.startswith("Hedensted har den næstlaveste andel blandt de fire"), text
    rows = places(**{"2021": {"Hedensted": 3.0, "Skanderborg": 2.0, "Favrskov": 4.0, "Vejle": 5.0}})
    assert say(rows, rank("andel")) == "Hedensted har den næstlaveste andel blandt de fire kommuner"


def test_a_rank_with_a_row_without_a_number_says_it_ranks_those_with_numbers():
    rows = places(**{"2021": {"Hedensted": 3.0, "Skanderborg": 2.0, "Favrskov": None, "Vejle": 5.0, "Odder": 4.0}})
    assert say(rows, rank("andel")) == "Hedensted har den næstlaveste andel blandt de fire kommuner med tal"
