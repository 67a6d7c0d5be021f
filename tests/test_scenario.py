"""Scenario consequence model: formulas with units, ranges, the table cells and the summary sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.load.phrasebook import load_phrasebook
from briefing.facts.scenario import ScenarioError, compute, range_text
from briefing.facts.scenario_text import summaries, table_cells
from briefing.spec.scenario import ScenarioSlideFields

REPO = Path(__file__).resolve().parent.parent
BOOK = load_phrasebook(REPO / "narratives" / "phrasebook.yaml")
NB = "\xa0"


def _spec(**changes) -> ScenarioSlideFields:
    data = {
        "assumptions": {
            "sanktioner": {"value": 100, "unit": "sanktioner", "label": "Sanktioner pr. år", "source": "STAR"},
            "fradrag": {"value": 10000, "unit": "kr./sanktion", "label": "Fradrag pr. sanktion"},
            "timer": {"value": 2, "unit": "timer/sanktion", "label": "Timer pr. sag"},
            "ydelser": {"value": 2000000, "unit": "kr.", "label": "Ydelser uden sanktioner"},
        },
        "scenarios": [
            {"name": "Lempeligere", "changes": {"sanktioner": "-50 %"}},
            {"name": "I dag", "baseline": True},
            {"name": "Strammere", "phrase": "En strammere praksis", "changes": {"sanktioner": 180}},
        ],
        "economy": [
            {"label": "Udbetalte ydelser", "formula": "ydelser - sanktioner * fradrag", "unit": "kr.", "per": "om året",
             "phrase": "i ydelser"},
            {"label": "Sagsbehandlertimer", "formula": "sanktioner * timer", "unit": "timer", "phrase": "sagsbehandlertimer"},
        ],
        "quality": [
            {"label": "borgeroplevelse", "phrase": "borgeroplevelsen",
             "ratings": {"Lempeligere": "+", "I dag": "0", "Strammere": "--"}},
        ],
    }
    data.update(changes)
    return ScenarioSlideFields.model_validate(data)


def test_formulas_are_evaluated_per_scenario():
    spec = _spec(economy=[{"label": "Timer", "formula": "sanktioner * timer", "unit": "timer"}])
    model = compute(spec)
    outcomes = model.economy[0].outcomes
    assert {name: o.value for name, o in outcomes.items()} == {"Lempeligere": 100.0, "I dag": 200.0, "Strammere": 360.0}


def test_adding_kroner_to_hours_is_a_located_error():
    spec = _spec(economy=[{"label": "Rod", "formula": "sanktioner * fradrag + sanktioner * timer", "unit": "kr."}])
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert caught.value.message == ("kan ikke lægge kr. og time sammen eller trække dem fra hinanden "
                                    "(scenariet 'Lempeligere')")
    assert caught.value.path == ("economy", 0, "formula")


def test_result_unit_must_match_the_row():
    spec = _spec(economy=[{"label": "Timer", "formula": "sanktioner * timer", "unit": "kr."}])
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert caught.value.message == "formlen giver enheden 'time', men rækken har enheden 'kr.'"


def test_unknown_assumption_lists_the_known_ones():
    spec = _spec(economy=[{"label": "X", "formula": "sanktioner * fradragg", "unit": "kr."}])
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert caught.value.message == "ukendt forudsætning 'fradragg' i formlen (kendte: sanktioner, fradrag, timer, ydelser)"


def test_division_by_zero_is_an_error_not_inf():
    spec = _spec(economy=[{"label": "X", "formula": "fradrag / (sanktioner - sanktioner)", "unit": "kr./sanktion"}])
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert caught.value.message == "division med nul (scenariet 'Lempeligere')"


@pytest.mark.parametrize("formula, message, column", [
    ("sanktioner.__class__", "navne med '__' er ikke tilladt", 12),
    ("__import__('os')", "navne med '__' er ikke tilladt", 1),
    ("(lambda: 1)()", "kun funktionerne abs, min, max, rund kan kaldes, ved navn", 1),
    ("[s for s in sanktioner]", "lister og løkker er ikke tilladt", 1),
    ("9 ** 9 ** 9", "eksponenten er for stor (højst 64) (scenariet 'Lempeligere')", 1),
    ("(" * 60 + "1" + ")" * 60, "udtrykket er indlejret for dybt (højst 25 niveauer)", 0),
])
def test_formulas_cannot_escape_the_expression_language(formula, message, column):
    spec = _spec(economy=[{"label": "X", "formula": formula, "unit": "kr."}])
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert (caught.value.message, caught.value.path, caught.value.column) == (message, ("economy", 0, "formula"), column)


def test_unknown_assumption_in_changes_and_missing_rating():
    with pytest.raises(ScenarioError) as caught:
        compute(_spec(scenarios=[{"name": "A", "baseline": True}, {"name": "B", "changes": {"sanktionr": "+5 %"}}],
                      quality=[]))
    assert caught.value.message == ("ukendt forudsætning 'sanktionr' (mente du 'sanktioner'?) "
                                    "(kendte: sanktioner, fradrag, timer, ydelser)")
    with pytest.raises(ScenarioError) as caught:
        compute(_spec(quality=[{"label": "x", "ratings": {"I dag": "0", "Strammere": "-"}}]))
    assert caught.value.message == "vurderingen mangler for Lempeligere (skala: --, -, 0, +, ++)"


def test_ranges_are_carried_through():
    spec = _spec(assumptions={
        "sanktioner": {"value": 100, "low": 80, "high": 130, "unit": "sanktioner", "label": "S"},
        "fradrag": {"value": 10000, "unit": "kr./sanktion", "label": "F"},
        "timer": {"value": 2, "unit": "timer/sanktion", "label": "T"},
        "ydelser": {"value": 2000000, "unit": "kr.", "label": "Y"},
    })
    model = compute(spec)
    today = model.economy[1].outcomes["I dag"]
    assert (today.low, today.value, today.high) == (160.0, 200.0, 260.0)
    assert model.economy[1].outcomes["Strammere"].low is None  # set to an absolute value: no longer uncertain
    assert range_text(1_200_000, 1_800_000, "kr.") == f"1,2-1,8{NB}mio.{NB}kr."
    assert range_text(-263_200, -15_200, "kr.") == f"\u2212263.200 til \u221215.200{NB}kr."
    assert range_text(-15_200, 40_000, "kr.") == f"\u221215.200 til 40.000{NB}kr."
    assert range_text(-0.04, 2, "timer", 1) == f"0,0-2,0{NB}timer"  # no negative zero, so no 'til'


def test_table_cells_with_differences_sign_arrow_and_tone():
    header, rows = table_cells(compute(_spec()))
    assert header == ["Konsekvens", "Lempeligere", "I dag (udgangspunkt)", "Strammere"]
    as_text = [[(c.text, c.detail, c.tone) for c in row] for row in rows]
    assert as_text == [
        # the unit once, in the row's name; the cells bare numbers (and no '(timer)' after 'Sagsbehandlertimer')
        [(f"Udbetalte ydelser (mio.{NB}kr. om året)", "", "neutral"),
         ("1,5", "▲ +0,5", "bad"), ("1,0", "", "neutral"), ("0,2", "▼ \u22120,8", "good")],
        [("Sagsbehandlertimer", "", "neutral"),
         ("100", "▼ \u2212100", "good"), ("200", "", "neutral"), ("360", "▲ +160", "bad")],
        [("Borgeroplevelse", "", "neutral"),
         ("+ bedre", "", "good"), ("0 uændret", "", "neutral"), ("−− meget dårligere", "", "bad")],
    ]


def test_summary_sentence_weighs_the_trade_off():
    sentences = summaries(compute(_spec()), ["Strammere"], BOOK)
    assert [s.text for s in sentences] == [
        f"En strammere praksis sparer ca. 0,8{NB}mio.{NB}kr. om året i ydelser, men kræver 160 flere "
        "sagsbehandlertimer og vurderes at svække borgeroplevelsen"
    ]
    assert [v.describe() for v in sentences[0].facts][:2] == [
        # issue 14: the scenario's name inside the line in its sentence form (was 'I dag', 'Strammere')
        f"Udbetalte ydelser, i dag = 1,0{NB}mio.{NB}kr.", f"Udbetalte ydelser, strammere = 0,2{NB}mio.{NB}kr."]


def test_default_summaries_are_the_outer_scenarios():
    sentences = summaries(compute(_spec()), None, BOOK)
    assert sentences[1].text == (f"Lempeligere frigør 100 sagsbehandlertimer og vurderes at styrke borgeroplevelsen, "
                                 f"men koster ca. 0,5{NB}mio.{NB}kr. om året i ydelser")


def test_exactly_one_baseline_is_required():
    with pytest.raises(Exception) as caught:
        _spec(scenarios=[{"name": "A"}, {"name": "B"}])
    assert "præcis ét scenarie skal have 'baseline: ja' (fandt 0)" in str(caught.value)


@pytest.mark.parametrize("label, unit, per, expected", [
    ("Borgere i job efter forløb", "personer", None, "Borgere i job efter forløb"),
    ("Antal i job", "personer", None, "Antal i job (personer)"),
    ("Sagsbehandlertimer", "timer", "om året", "Sagsbehandlertimer (om året)"),
    ("Ekstra udgift", "kr.", None, "Ekstra udgift (kr.)"),
    ("Kroner til tilbud", "sager", None, "Kroner til tilbud (sager)"),
])
def test_a_row_states_its_unit_once_and_not_where_its_name_says_it(label, unit, per, expected):
    spec = _spec(economy=[{"label": label, "formula": "sanktioner * timer", "unit": unit, "per": per}],
                 assumptions={"sanktioner": {"value": 100, "unit": unit, "label": "S"},
                              "timer": {"value": 2, "unit": "", "label": "T"}})
    header, rows = table_cells(compute(spec))
    assert rows[0][0].text == expected
    assert [c.text for c in rows[0][1:]] == ["100", "200", "360"]


# ---------------------------------------------------------------- pinned by mutation testing (docs/mutation.md)

from briefing.facts.scenario import EconomyResult, Outcome, outcome_text, quantity_text, shown_difference  # noqa: E402


def _error(spec) -> tuple[str, tuple]:
    with pytest.raises(ScenarioError) as caught:
        compute(spec)
    assert str(caught.value) == caught.value.message
    return caught.value.message, caught.value.path


def test_every_scenario_error_points_at_the_field_to_correct():
    assert _error(_spec(scenarios=[{"name": "A", "baseline": True}, {"name": "B", "changes": {"sanktionr": "+5 %"}}],
                        quality=[]))[1] == ("scenarios", 1, "changes", "sanktionr")
    assert _error(_spec(quality=[{"label": "x", "ratings": {"Lempeligere": "+", "I dag": "0", "Stramere": "-"}}])) == (
        "ukendt scenarie 'Stramere' (mente du 'Strammere'?) (scenarier: Lempeligere, I dag, Strammere)",
        ("quality", 0, "ratings", "Stramere"))
    assert _error(_spec(quality=[{"label": "x", "ratings": {"I dag": "0", "Strammere": "-"}}]))[1] == (
        "quality", 0, "ratings")
    assert _error(_spec(summary=["Lempeligere", "Stramere"])) == (
        "ukendt scenarie 'Stramere' (mente du 'Strammere'?) (scenarier: I dag, Lempeligere, Strammere)",
        ("summary", 1))
    assert _error(_spec(economy=[{"label": "X", "formula": "sanktioner * fradrg", "unit": "kr."}])) == (
        "ukendt forudsætning 'fradrg' i formlen (kendte: sanktioner, fradrag, timer, ydelser)",
        ("economy", 0, "formula"))
    assert _error(_spec(economy=[{"label": "X", "formula": "sanktioner > 5", "unit": "sanktioner"}])) == (
        "formlen skal give et tal, ikke ja/nej", ("economy", 0, "formula"))
    assert _error(_spec(economy=[{"label": "X", "formula": "sanktioner * timer", "unit": "kr."}])) == (
        "formlen giver enheden 'time', men rækken har enheden 'kr.'", ("economy", 0, "formula"))


def test_an_error_at_the_low_end_of_a_range_points_at_the_formula():
    spec = _spec(assumptions={
        "sanktioner": {"value": 100, "low": 0, "high": 130, "unit": "sanktioner", "label": "S"},
        "fradrag": {"value": 10000, "unit": "kr./sanktion", "label": "F"},
        "timer": {"value": 2, "unit": "timer/sanktion", "label": "T"},
        "ydelser": {"value": 2000000, "unit": "kr.", "label": "Y"},
    }, economy=[{"label": "X", "formula": "ydelser / sanktioner", "unit": "kr./sanktion"}])
    assert _error(spec) == ("division med nul (scenariet 'Lempeligere')", ("economy", 0, "formula"))


def test_a_rows_decimals_are_kept_in_the_model():
    spec = _spec(economy=[{"label": "Timer", "formula": "sanktioner * timer", "unit": "timer", "decimals": 1}])
    assert compute(spec).economy[0].decimals == 1


@pytest.mark.parametrize("args, kwargs, expected", [
    ((1, "timer"), {}, f"1{NB}time"),
    ((1, "personer"), {}, f"1{NB}person"),
    ((1, "sanktioner"), {}, f"1{NB}sanktion"),
    ((1, "uger"), {}, f"1{NB}uge"),
    ((1, "borgere"), {}, f"1{NB}borger"),
    ((2, "borgere"), {}, f"2{NB}borgere"),
    ((1.4, "timer"), {}, f"1{NB}time"),  # shown as 1
    ((1, "timer", 1), {}, f"1,0{NB}timer"),  # 1,0 takes the plural, as fmt.count: '1,0 timer'
    ((1_000_000, "kr."), {}, f"1,0{NB}mio.{NB}kr."),  # a million is already millions
    ((999_999, "kr."), {}, f"999.999{NB}kr."),
    ((1_234_000, "kr.", 2), {}, f"1,23{NB}mio.{NB}kr."),
    ((2_000_000, "timer"), {}, f"2.000.000{NB}timer"),  # only kroner get a scale
    ((400_000, "kr."), {"magnitude": 2_000_000}, f"0,4{NB}mio.{NB}kr."),  # the row's scale
    ((-300_000, "kr."), {}, f"-300.000{NB}kr."),
    ((-300_000, "kr."), {"signed": True}, f"\u2212300.000{NB}kr."),
    ((300_000, "kr."), {"signed": True}, f"+300.000{NB}kr."),
    ((5, ""), {}, "5"),
    ((1, "kr."), {}, f"1{NB}kr."),  # a unit with no singular of its own keeps its word
])
def test_a_quantity_has_its_unit_in_the_number_and_scale_shown(args, kwargs, expected):
    assert quantity_text(*args, **kwargs) == expected


@pytest.mark.parametrize("outcome, args, expected", [
    (Outcome(1_500_000, 1_200_000, 1_800_000), ("kr.",), f"1,2-1,8{NB}mio.{NB}kr."),
    (Outcome(1_500_000, 1_234_000, 1_876_000), ("kr.", 2), f"1,23-1,88{NB}mio.{NB}kr."),
    (Outcome(500_000, 400_000, 600_000), ("kr.", None, 2_000_000), f"0,4-0,6{NB}mio.{NB}kr."),
    (Outcome(1_500_000, 1_500_000, 1_500_000), ("kr.",), f"1,5{NB}mio.{NB}kr."),  # no range when both ends agree
    (Outcome(1_500_000, None, 1_800_000), ("kr.",), f"1,5{NB}mio.{NB}kr."),
    (Outcome(1_500_000, 1_200_000, None), ("kr.",), f"1,5{NB}mio.{NB}kr."),
    (Outcome(1_512_000), ("kr.", 2), f"1,51{NB}mio.{NB}kr."),
    (Outcome(500_000), ("kr.", None, 2_000_000), f"0,5{NB}mio.{NB}kr."),
])
def test_an_outcome_is_a_range_only_when_it_has_two_different_ends(outcome, args, expected):
    assert outcome_text(outcome, *args) == expected


def test_a_difference_is_taken_between_the_values_as_shown_at_the_rows_decimals():
    result = EconomyResult("X", "kr.", 2, "lavere", None, None,
                           {"I dag": Outcome(1_004_000), "Strammere": Outcome(1_236_000)})
    assert shown_difference(result, "Strammere", "I dag") == pytest.approx(240_000)  # 1,24 - 1,00 mio.
    result = EconomyResult("X", "timer", None, "lavere", None, None, {"I dag": Outcome(10.4), "Strammere": Outcome(12.6)})
    assert shown_difference(result, "Strammere", "I dag") == 3.0  # 13 - 10


def test_money_where_more_is_better_is_more_or_less_money_as_the_table_shows_it():
    """A refund is 'mere'/'mindre' money in its scale, never '1.250.000 flere'; the amount is the table's difference
    (1,56 → 2,81 is 1,25, not rounded again to 1,30)."""
    spec = _spec(economy=[{"label": "Refusion", "formula": "sanktioner * fradrag * 1.5625", "unit": "kr.",
                           "better": "højere", "decimals": 2, "per": "om året", "phrase": "i refusion"}], quality=[])
    strammere, lempeligere = (s.text for s in summaries(compute(spec), ["Strammere", "Lempeligere"], BOOK))
    assert strammere == f"En strammere praksis giver ca. 1,25{NB}mio.{NB}kr. mere om året i refusion"
    assert lempeligere == f"Lempeligere giver ca. 0,78{NB}mio.{NB}kr. mindre om året i refusion"
    assert [c.text for c in table_cells(compute(spec))[1][0]] == [f"Refusion (mio.{NB}kr. om året)", "0,78", "1,56", "2,81"]


@pytest.mark.parametrize("text", ["--40 %", "- -40 %", "+-40 %", "−-40 %", "+ +40 pct."])
def test_a_change_with_two_signs_is_refused_not_turned_around(text):
    from briefing.spec.scenario import parse_change

    with pytest.raises(ValueError) as caught:
        parse_change(text)
    assert str(caught.value) == f"'{text}' har to fortegn; skriv ét, fx '-40 %' eller '+40 %'"


def test_a_change_with_one_sign_keeps_it():
    from briefing.spec.scenario import parse_change

    assert [parse_change(t) for t in ("-40 %", "+40 %", "− 12,5 %")] == [
        ("relative", -0.4), ("relative", 0.4), ("relative", -0.125)]
