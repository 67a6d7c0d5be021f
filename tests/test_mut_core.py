"""Pure tests of the correctness core written from mutation testing (docs/mutation.md): each pins a behaviour that
a surviving mutant changed without any other test noticing. Expected values are written out by hand, never
computed by the code under test; numbers and units are joined by a no-break space (U+00A0, written \\xa0)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from briefing.danish.units import Measure, cell_text, header_text, value_header
from briefing.facts.narrative.rules import Sentence, Skipped, Value, compare, deviation, extremes, share_of, target
from briefing.facts.scenario import range_text
from briefing.load.data import parse_cell
from briefing.load.phrasebook import load_phrasebook

REPO = Path(__file__).resolve().parent.parent
BOOK = load_phrasebook(REPO / "narratives" / "phrasebook.yaml")
PROCENTPOINT = replace(BOOK, point_unit="procentpoint")
MISSING = "mangler en værdi (tal under diskretionsgrænsen eller ikke oplyst)"
H, R, L = "Hedensted", "RAR Østjylland", "hele landet"


def pct(label: str, value: float | None, decimals: int = 1) -> Value:
    return Value(label, value, "pct.", decimals)


def points(label: str, value: float | None) -> Value:
    return Value(label, value, "pct.point", 1)


def persons(label: str, value: float | None, decimals: int = 0) -> Value:
    return Value(label, value, "personer", decimals)


def with_template(rule: str, variant: str, template: str):
    return replace(BOOK, templates={**BOOK.templates, rule: {**BOOK.templates[rule], variant: template}})


# ---------------------------------------------------------------- missing values


def test_a_suppressed_or_empty_cell_is_missing_and_shown_as_a_dash_never_zero():
    for raw in ("", ".", "..", "-", "–", "—", "x", "X", "  .  "):
        assert parse_cell(raw, raw) is None, raw
    assert parse_cell(None, None) is None
    assert cell_text(None, 1) == "–"
    assert cell_text(0.0, 1) == "0,0"
    assert Measure("kr.", 1, "mio.").digits(None) == "–"


def test_a_cell_that_is_no_number_says_so_with_what_was_written():
    with pytest.raises(ValueError, match="^'SAND' er ikke et tal$"):
        parse_cell(True, "SAND")
    with pytest.raises(ValueError, match="^'True' er ikke et tal$"):
        parse_cell(True, None)
    with pytest.raises(ValueError, match="^'inf' er ikke et gyldigt tal$"):
        parse_cell(float("inf"), None)


def test_a_negative_table_cell_has_a_true_minus():
    assert cell_text(-1.25, 1) == "\u22121,3"
    assert cell_text(-4, 0) == "\u22124"


# ---------------------------------------------------------------- table headers


@pytest.mark.parametrize("label, unit, expected", [
    ("3. kvt. 2021", "pct.", "3. kvt. 2021 (pct.)"),
    ("ledige", "personer", "Ledige (personer)"),
    ("indeks", "antal", "Indeks"),  # 'antal' says nothing and is left out
    ("2021", "timer", "2021 (timer)"),  # a unit the table knows no header for is written as it is
])
def test_a_value_column_header_has_its_unit_once(label, unit, expected):
    assert value_header(label, unit) == expected


def test_headers_start_with_a_capital_and_keep_the_rest():
    assert value_header("ledige", "personer", with_unit=False) == "Ledige"
    assert header_text("område") == "Område"
    assert header_text("øvrige ydelser") == "Øvrige ydelser"
    assert header_text("") == ""


# ---------------------------------------------------------------- narrative rules


def test_a_goal_where_lower_is_better_is_reached_when_the_value_is_exactly_the_goal():
    result = target(pct(H, 10.0), 10, BOOK, better="lavere")
    assert result == Sentence("Målet på 10\xa0pct. er nået med 10,0\xa0pct.", "mål", (pct(H, 10.0),))
    assert result.variables == {"mangler": 0.0}
    past = target(pct(H, 80.6), 80, BOOK)
    assert past.text == "Målet på 80\xa0pct. er nået med 80,6\xa0pct."
    assert past.variables == {"mangler": 0.0}  # a goal passed lacks nothing, however far past
    missed = target(pct(H, 76.9), 80, BOOK)
    assert missed.text == "Målet på 80\xa0pct. er ikke nået – med 76,9\xa0pct. er der 3,1\xa0pct.point til målet"
    assert (missed.rule, missed.facts, missed.variables) == ("mål", (pct(H, 76.9),), {"mangler": 3.1})


def test_a_deviation_gives_its_sentence_rule_facts_and_signed_difference():
    subject = points(H, -1.7)
    result = deviation(subject, L, BOOK)
    assert result == Sentence("Hedensted ligger 1,7\xa0pct.point under hele landet", "afvigelse", (subject,))
    assert result.variables == {"forskel": -1.7}
    assert deviation(subject, L, PROCENTPOINT).text == "Hedensted ligger 1,7\xa0procentpoint under hele landet"
    assert deviation(points(H, 0.3), L, BOOK, tolerance=0.5).text == "Hedensted ligger på niveau med hele landet"
    assert deviation(points(H, 0.6), L, BOOK, tolerance=0.5).text == "Hedensted ligger 0,6\xa0pct.point over hele landet"
    assert deviation(subject, L, BOOK, about="i 3. kvt. 2021").text == (
        "Hedensted ligger 1,7\xa0pct.point under hele landet i 3. kvt. 2021")


def test_a_missing_deviation_is_skipped_with_the_reason():
    assert deviation(points(H, None), L, BOOK) == Skipped("afvigelse", f"{H} {MISSING}")


def test_the_genitive_in_a_worded_sentence_is_the_subjects_not_the_measures():
    book = with_template("sammenligning", "under", "{subject} ({subject_s} tal) ligger {difference} under {benchmark}")
    assert deviation(points(H, -1.7), L, book, measure="afvigelsen").text == (
        "Afvigelsen (Hedensteds tal) ligger 1,7\xa0pct.point under hele landet")
    book = with_template("sammenligning", "relativ_over", "{subject_s} {noun} er {percent} højere end {benchmark}s")
    assert compare(persons(H, 150), [persons(R, 100)], book, noun="ledighed").text == (
        "Hedensteds ledighed er 50\xa0pct. højere end RAR Østjyllands")
    book = with_template("sammenligning", "relativ_over", "{subject} ({subject_s} tal) er {percent} højere end "
                                                          "{benchmark}s")
    assert compare(persons(H, 150), [persons(R, 100)], book, noun="ledighed", measure="ledigheden").text == (
        "Ledigheden (Hedensteds tal) er 50\xa0pct. højere end RAR Østjyllands")


def test_a_relative_comparison_is_judged_only_when_asked():
    subject, benchmark = persons(H, 150), persons(R, 100)
    plain = compare(subject, [benchmark], BOOK, noun="ledighed", better="lavere")
    assert plain.text == "Hedensted har 50\xa0pct. højere ledighed end RAR Østjylland"
    judged = compare(subject, [benchmark], BOOK, noun="ledighed", better="lavere", judge=True)
    assert judged.text == "Hedensted har 50\xa0pct. højere ledighed end RAR Østjylland – et dårligere resultat"
    assert (judged.rule, judged.facts) == ("sammenligning", (subject, benchmark))
    assert judged.variables["forskel_pct"] == 50.0
    asked = compare(subject, [benchmark], BOOK, noun="ledighed", relative_decimals=1)
    assert asked.text == "Hedensted har 50,0\xa0pct. højere ledighed end RAR Østjylland"


@pytest.mark.parametrize("part, whole, expected", [
    (24, 100, "Virksomhedspraktik udgør 24,0\xa0pct. af alle aktiverede – hver fjerde"),  # 1 from 25: still a quarter
    (23, 100, "Virksomhedspraktik udgør 23,0\xa0pct. af alle aktiverede"),  # 2 from 25: no fraction
    (106, 1000, "Virksomhedspraktik udgør 10,6\xa0pct. af alle aktiverede – hver niende"),  # nearer 11,1 than 10
    (3, 6, "Virksomhedspraktik udgør 50,0\xa0pct. af alle aktiverede – hver anden"),
])
def test_a_share_names_the_nearest_fraction_within_one_point(part, whole, expected):
    assert share_of(persons("virksomhedspraktik", part), persons("alle", whole), BOOK, part_text="virksomhedspraktik",
                    whole_text="alle aktiverede").text == expected


def test_a_share_of_a_whole_under_one_is_still_a_share():
    part, whole = Value("a", 0.3, "antal", 1), Value("b", 0.6, "antal", 1)
    result = share_of(part, whole, BOOK, part_text="a", whole_text="b")
    assert result == Sentence("A udgør 50,0\xa0pct. af b – hver anden", "andel", (part, whole))


def test_a_share_carries_its_rule_facts_and_the_share_rounded_to_one_decimal():
    part, whole = persons("a", 1), persons("alle", 3)
    result = share_of(part, whole, BOOK, part_text="a", whole_text="alle")
    assert result == Sentence("A udgør 33,3\xa0pct. af alle – hver tredje", "andel", (part, whole))
    assert result.variables == {"andel": 33.3}
    assert share_of(part, persons("alle", 0), BOOK, part_text="a", whole_text="alle") == Skipped(
        "andel", "andelen kan ikke beregnes, fordi alle er 0")


def test_extremes_carry_the_highest_and_lowest_shown_values():
    values = (pct("Odder", 52.64), pct("Vejle", 78.4), pct("Horsens", 60.0), pct("Samsø", None))
    result = extremes(values, BOOK, noun="andel")
    assert result == Sentence("Vejle har den højeste andel (78,4\xa0pct.) og Odder den laveste (52,6\xa0pct.)",
                              "ekstremer", values[:3])
    assert result.variables == {"højest": 78.4, "lavest": 52.6}


# ---------------------------------------------------------------- scenario ranges


@pytest.mark.parametrize("args, expected", [
    ((1_200_000, 1_800_000, "kr."), "1,2-1,8\xa0mio.\xa0kr."),
    ((1_234_000, 1_876_000, "kr.", 2), "1,23-1,88\xa0mio.\xa0kr."),  # the decimals asked for
    ((400_000, 600_000, "kr.", None, 2_000_000), "0,4-0,6\xa0mio.\xa0kr."),  # the row's scale, not the range's own
    ((400_000, 600_000, "kr."), "400.000-600.000\xa0kr."),
    ((200, 260, "timer"), "200-260\xa0timer"),
    ((2, 3, ""), "2-3"),  # no unit: no trailing space
])
def test_a_range_has_both_ends_in_full_and_the_unit_once(args, expected):
    assert range_text(*args) == expected


# ---------------------------------------------------------------- scenario summary and shared units


def test_a_scenario_summary_joins_gains_and_costs_with_men_and_counts_them():
    from briefing.facts.narrative.rules import Effect, scenario_summary

    effects = [Effect("sparer", "i ydelser", "0,8\xa0mio.\xa0kr.", "om året"),
               Effect("flere", "sagsbehandlertimer", "260", good=False),
               Effect("sparer", "i administration", "0,1\xa0mio.\xa0kr.")]  # an empty {per}: no double space
    result = scenario_summary("Strammere praksis", effects, BOOK)
    assert result == Sentence("Strammere praksis sparer ca. 0,8\xa0mio.\xa0kr. om året i ydelser og sparer ca. "
                              "0,1\xa0mio.\xa0kr. i administration, men kræver 260 flere sagsbehandlertimer",
                              "scenarie", ())
    assert result.variables == {"fordele": 2, "ulemper": 1}
    only_costs = scenario_summary("Lempeligere", [Effect("koster", "i ydelser", "0,3\xa0mio.\xa0kr.", good=False)], BOOK)
    assert (only_costs.text, only_costs.variables) == ("Lempeligere koster ca. 0,3\xa0mio.\xa0kr. i ydelser",
                                                       {"fordele": 0, "ulemper": 1})
    only_gains = scenario_summary("Som i dag", [Effect("styrker", "fremmødet")], BOOK)
    assert only_gains.text == "Som i dag vurderes at styrke fremmødet"


def test_a_scenario_that_changes_nothing_writes_no_sentence_and_says_why():
    from briefing.facts.narrative.rules import scenario_summary

    assert scenario_summary("Som i dag", [], BOOK) == Skipped(
        "scenarie", "Som i dag ændrer ingenting i forhold til udgangspunktet")


SANKTION = ("sanktion", "sanktioner")


@pytest.mark.parametrize("texts, forms, expected", [
    (["1,7\xa0pct.point", "3,9\xa0pct.point"], None, "1,7 og 3,9\xa0pct.point"),
    (["1\xa0mio.\xa0kr.", "2\xa0mio.\xa0kr.", "3\xa0mio.\xa0kr."], None, "1, 2 og 3\xa0mio.\xa0kr."),
    (["1,7", "3,9"], None, "1,7 og 3,9"),  # no unit at all: nothing to share
    (["1\xa0sanktion", "3\xa0sanktioner"], SANKTION, "1 og 3\xa0sanktioner"),
    (["1\xa0sanktion", "1\xa0sanktion"], SANKTION, "1 og 1\xa0sanktion"),
    (["1\xa0sanktion", "3"], SANKTION, "1\xa0sanktion og 3"),  # one without a unit: each as written
    (["1\xa0sanktion", "3\xa0sanktioner", "5"], SANKTION, "1\xa0sanktion, 3\xa0sanktioner og 5"),
    (["1,7\xa0pct.", "3\xa0personer"], ("person", "personer"), "1,7\xa0pct. og 3\xa0personer"),  # two units
    (["1,7\xa0pct.", "3\xa0personer"], None, "1,7\xa0pct. og 3\xa0personer"),
])
def test_numbers_in_a_list_share_their_unit_only_when_it_is_one(texts, forms, expected):
    from briefing.facts.narrative.values import shared_unit_list

    assert shared_unit_list(texts, forms) == expected


@pytest.mark.parametrize("unit, forms", [("personer", ("person", "personer")), ("sanktion/sanktioner", SANKTION),
                                         ("pct.", None), ("antal", None)])
def test_a_count_unit_has_its_singular_and_plural(unit, forms):
    from briefing.danish.units import count_forms

    assert count_forms(unit) == forms
