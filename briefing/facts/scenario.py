"""The consequence model behind scenario slides: assumptions, scenarios that change them, formulas.

Pure computation with the safe expression language (no eval): every formula is
evaluated per scenario with units checked, and uncertain assumptions (low/high)
are carried through as a range of results.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from briefing.danish import fmt
from briefing.facts.narrative.expr import ExpressionError, Quantity, Unit, evaluate, names, parse
from briefing.spec.scenario import RATINGS, ScenarioSlideFields, parse_change

MAX_UNCERTAIN = 6  # 2**6 corners at most


class ScenarioError(Exception):
    """A located problem in a scenario spec: `path` is relative to the slide file, `column` within a formula."""

    def __init__(self, message: str, path: tuple, column: int = 0):
        super().__init__(message)
        self.message = message
        self.path = path
        self.column = column


@dataclass(frozen=True)
class Outcome:
    value: float
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class EconomyResult:
    label: str
    unit: str
    decimals: int | None
    better: str
    per: str | None
    phrase: str | None
    outcomes: dict[str, Outcome]


@dataclass(frozen=True)
class ScenarioModel:
    baseline: str
    names: tuple[str, ...]
    phrases: dict[str, str]
    economy: tuple[EconomyResult, ...]
    quality: tuple  # QualityRow specs, ratings checked


def compute(spec: ScenarioSlideFields) -> ScenarioModel:
    """Evaluate every economy formula for every scenario; raise ScenarioError at the first problem."""
    names_ = tuple(s.name for s in spec.scenarios)
    _check_names(spec, names_)
    trees = []
    for i, row in enumerate(spec.economy):
        try:
            tree = parse(row.formula)
        except ExpressionError as exc:
            raise ScenarioError(str(exc), ("economy", i, "formula"), exc.column) from None
        unknown = [n for n in names(tree) if n not in spec.assumptions]
        if unknown:
            known = ", ".join(spec.assumptions)
            raise ScenarioError(f"ukendt forudsætning '{unknown[0]}' i formlen (kendte: {known})", ("economy", i, "formula"))
        trees.append(tree)
    economy = []
    for i, (row, tree) in enumerate(zip(spec.economy, trees)):
        outcomes = {s.name: _outcome(spec, s, tree, row.unit, ("economy", i, "formula")) for s in spec.scenarios}
        economy.append(EconomyResult(row.label, row.unit, row.decimals, row.better, row.per, row.phrase, outcomes))
    baseline = next(s.name for s in spec.scenarios if s.baseline)
    phrases = {s.name: s.phrase or s.name for s in spec.scenarios}
    return ScenarioModel(baseline, names_, phrases, tuple(economy), tuple(spec.quality))


def _check_names(spec: ScenarioSlideFields, scenario_names: tuple[str, ...]) -> None:
    from briefing.errors import known_list, suggest

    for s, scenario in enumerate(spec.scenarios):
        for key in scenario.changes:
            if key not in spec.assumptions:
                raise ScenarioError(f"ukendt forudsætning '{key}'{suggest(key, spec.assumptions)} "
                                    f"(kendte: {', '.join(spec.assumptions)})", ("scenarios", s, "changes", key))
    for q, row in enumerate(spec.quality):
        for name in row.ratings:
            if name not in scenario_names:
                raise ScenarioError(f"ukendt scenarie '{name}'{suggest(name, scenario_names)} "
                                    f"(scenarier: {', '.join(scenario_names)})", ("quality", q, "ratings", name))
        missing = [n for n in scenario_names if n not in row.ratings]
        if missing:
            raise ScenarioError(f"vurderingen mangler for {fmt.join_list(missing)} (skala: {', '.join(RATINGS)})",
                                ("quality", q, "ratings"))
    for i, name in enumerate(spec.summary or []):
        if name not in scenario_names:
            raise ScenarioError(f"ukendt scenarie '{name}'{suggest(name, scenario_names)} (scenarier: {known_list(scenario_names)})",
                                ("summary", i))


def _environment(spec: ScenarioSlideFields, scenario, corner: dict[str, float]) -> dict[str, Quantity]:
    env = {}
    for key, assumption in spec.assumptions.items():
        value = corner.get(key, assumption.value)
        if key in scenario.changes:
            kind, amount = parse_change(scenario.changes[key])
            value = value * (1 + amount) if kind == "relative" else amount
        env[key] = Quantity(value, Unit.parse(assumption.unit))
    return env


def _evaluate(spec, scenario, tree, unit: str, path: tuple, corner: dict[str, float]) -> float:
    try:
        result = evaluate(tree, _environment(spec, scenario, corner))
    except ExpressionError as exc:
        raise ScenarioError(f"{exc} (scenariet '{scenario.name}')", path, exc.column) from None
    got = result.unit if isinstance(result, Quantity) else Unit()
    if isinstance(result, bool):
        raise ScenarioError("formlen skal give et tal, ikke ja/nej", path)
    if got != Unit.parse(unit):
        raise ScenarioError(f"formlen giver enheden '{got}', men rækken har enheden '{Unit.parse(unit)}'", path)
    return result.value if isinstance(result, Quantity) else float(result)


def _outcome(spec, scenario, tree, unit: str, path: tuple) -> Outcome:
    value = _evaluate(spec, scenario, tree, unit, path, {})
    uncertain = {k: (a.low, a.high) for k, a in spec.assumptions.items()
                 if a.low is not None and not _overridden(scenario, k)}
    if not uncertain:
        return Outcome(value)
    keys = list(uncertain)[:MAX_UNCERTAIN]
    corners = [dict(zip(keys, combo)) for combo in itertools.product(*(uncertain[k] for k in keys))]
    results = [_evaluate(spec, scenario, tree, unit, path, c) for c in corners]
    return Outcome(value, min(results), max(results))


def _overridden(scenario, key: str) -> bool:
    return key in scenario.changes and parse_change(scenario.changes[key])[0] == "absolute"


# ---------------------------------------------------------------- formatting

def _scale(unit: str, magnitude: float, decimals: int | None) -> tuple[float, str, int]:
    """Divisor, unit text and decimals for a value of this magnitude: kr. above a million becomes mio. kr."""
    if unit == "kr." and magnitude >= 1_000_000:
        return 1_000_000, f"mio.{fmt.NBSP}kr.", 1 if decimals is None else decimals
    return 1, _unit_word(unit, magnitude), 0 if decimals is None else decimals


def _unit_word(unit: str, amount: float) -> str:
    singular = {"timer": "time", "personer": "person", "sanktioner": "sanktion", "uger": "uge", "borgere": "borger"}
    return singular.get(unit, unit) if amount == 1 else unit


def row_magnitude(result: EconomyResult) -> float:
    """One scale per row, so every scenario's value in a row reads in the same unit (kr. or mio. kr.)."""
    return max(abs(v) for o in result.outcomes.values() for v in (o.value, o.low, o.high) if v is not None)


def quantity_text(value: float, unit: str, decimals: int | None = None, *, signed: bool = False,
                  magnitude: float | None = None) -> str:
    """'1,2 mio. kr.', '260 timer', '+0,3 mio. kr.' (signed, true minus for tables)."""
    divisor, word, places = _scale(unit, abs(value) if magnitude is None else magnitude, decimals)
    if word != f"mio.{fmt.NBSP}kr.":
        # '1 time', but '1,0 timer': only a number shown as exactly 1 without decimals takes the singular (as fmt.count)
        word = _unit_word(unit, abs(float(fmt.round_half_up(value, places))) if places == 0 else 0)
    number = fmt.number(value / divisor, places, signed=signed, minus=fmt.MINUS if signed else "-")
    return f"{number}{fmt.NBSP}{word}" if word else number


def range_text(low: float, high: float, unit: str, decimals: int | None = None, magnitude: float | None = None) -> str:
    """'1,2-1,8 mio. kr.': both ends in full, the unit once. With a negative end the hyphen would read as a
    minus ('-263.200--15.200'), so the ends get a true minus and 'til' between them: '−263.200 til −15.200 kr.'."""
    divisor, word, places = _scale(unit, max(abs(low), abs(high)) if magnitude is None else magnitude, decimals)
    ends = [fmt.number(end / divisor, places, minus=fmt.MINUS) for end in (low, high)]
    text = f"{ends[0]} til {ends[1]}" if any(e.startswith(fmt.MINUS) for e in ends) else "-".join(ends)
    return f"{text}{fmt.NBSP}{word}" if word else text


def outcome_text(outcome: Outcome, unit: str, decimals: int | None = None, magnitude: float | None = None) -> str:
    if outcome.low is not None and outcome.high is not None and outcome.low != outcome.high:
        return range_text(outcome.low, outcome.high, unit, decimals, magnitude)
    return quantity_text(outcome.value, unit, decimals, magnitude=magnitude)


def shown_difference(result: EconomyResult, name: str, baseline: str) -> float:
    """The difference as a reader computes it from the two shown values (rounded at their scale)."""
    base, other = result.outcomes[baseline].value, result.outcomes[name].value
    divisor, _word, places = _scale(result.unit, row_magnitude(result), result.decimals)
    shown = fmt.round_half_up(other / divisor, places) - fmt.round_half_up(base / divisor, places)
    return float(shown) * divisor
