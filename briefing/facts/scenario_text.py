"""Compute-facts stage for scenario slides: the consequence table's cells, the summary sentences, the notes."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.danish import fmt
from briefing.danish.units import PEOPLE_UNITS
from briefing.facts.narrative.rules import Effect, Sentence, Skipped, Value, scenario_summary
from briefing.facts.scenario import (
    EconomyResult,
    ScenarioModel,
    outcome_text,
    quantity_text,
    row_magnitude,
    shown_difference,
)

RATING_VALUES = {"--": -2, "-": -1, "0": 0, "+": 1, "++": 2}
RATING_TEXT = {"--": "−− meget dårligere", "-": "− dårligere", "0": "0 uændret", "+": "+ bedre", "++": "++ meget bedre"}


@dataclass(frozen=True)
class Cell:
    """A table cell: main text, an optional second line, and a tone: good, bad or neutral."""

    text: str
    detail: str = ""
    tone: str = "neutral"


def table_cells(model: ScenarioModel) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of the consequence table: economy rows with differences, then quality ratings."""
    header = ["Konsekvens"] + [f"{n} (udgangspunkt)" if n == model.baseline else n for n in model.names]
    rows = []
    for result in model.economy:
        magnitude = table_magnitude(model, result)
        text = outcome_text(result.outcomes[model.baseline], result.unit, result.decimals, magnitude)
        cells = [Cell(_row_label(result, text.partition(fmt.NBSP)[2]))]
        for name in model.names:
            text = outcome_text(result.outcomes[name], result.unit, result.decimals, magnitude)
            cell = Cell(text) if name == model.baseline else _difference_cell(text, result, name, model.baseline,
                                                                               magnitude)
            cells.append(Cell(_bare(cell.text), _bare(cell.detail), cell.tone))  # the unit is in the row's name
        rows.append(cells)
    for row in model.quality:
        cells = [Cell(row.label[:1].upper() + row.label[1:])]
        for name in model.names:
            rating = row.ratings[name]
            value = RATING_VALUES[rating]
            cells.append(Cell(RATING_TEXT[rating], tone="good" if value > 0 else "bad" if value < 0 else "neutral"))
        rows.append(cells)
    return header, rows


# A row that counts people says its unit with any of these words ('Borgere i job' needs no '(personer)').
PEOPLE_WORDS = ("person", "borger", "modtager", "ledig", "deltager", "elev", "unge")


def _row_label(result: EconomyResult, shown_unit: str) -> str:
    """The row's name with its unit once, as the cells show it ('Udgift til tilbud (mio. kr. om året)'); no unit
    where the name already says it ('Sagsbehandlertimer', 'Borgere i job'), and the cells hold bare numbers."""
    import re

    label, unit = result.label, result.unit
    core = unit.rstrip(".").lower()
    says = bool(core) and re.search(rf"{re.escape(core)}(?![a-zæøå])", label.lower()) is not None
    if unit in PEOPLE_UNITS:
        says = says or any(word in label.lower() for word in PEOPLE_WORDS)
    caption = " ".join(part for part in ("" if says else (shown_unit if shown_unit.endswith("kr.") else unit),
                                         result.per or "") if part)
    return f"{label} ({caption})" if caption else label


def _bare(text: str) -> str:
    """A cell's number without the unit its row's name states: '82-147 personer' -> '82-147'."""
    return text.partition(fmt.NBSP)[0]


def table_magnitude(model: ScenarioModel, result: EconomyResult) -> float:
    """The scale a row is shown in: amounts of money in the table's largest scale (mio. kr. when another row is),
    unless that would round the row to nothing, so no cell has false precision ('202.800-283.920 kr.' beside
    '0,3 mio. kr.')."""
    own = row_magnitude(result)
    if "kr" not in result.unit or own < 100_000:
        return own
    return max([own] + [row_magnitude(r) for r in model.economy if r.unit == result.unit])


def _difference_cell(text: str, result: EconomyResult, name: str, baseline: str, magnitude: float) -> Cell:
    diff = shown_difference(result, name, baseline)
    if diff == 0:
        return Cell(text, "= som i dag")
    arrow = "▲" if diff > 0 else "▼"
    amount = quantity_text(diff, result.unit, result.decimals, signed=True, magnitude=magnitude)
    good = diff < 0 if result.better == "lavere" else diff > 0
    return Cell(text, f"{arrow} {amount}", "good" if good else "bad")


def summaries(model: ScenarioModel, wanted: list[str] | None, book) -> list[Sentence | Skipped]:
    """One sentence per summarised scenario (default: the first and the last that are not the baseline)."""
    others = [n for n in model.names if n != model.baseline]
    names = wanted or list(dict.fromkeys([others[-1], others[0]]))
    return [scenario_summary(model.phrases[n], effects(model, n), book, facts(model, n, book.names)) for n in names]


MAX_ECONOMY_EFFECTS = 2


def effects(model: ScenarioModel, name: str) -> list[Effect]:
    """The trade-off in a few words: the first economy effects (rounded, 'ca.'), then quality, merged by direction."""
    found = []
    for result in model.economy:
        if len(found) == MAX_ECONOMY_EFFECTS:
            break
        diff = shown_difference(result, name, model.baseline)
        if diff == 0:
            continue
        good = diff < 0 if result.better == "lavere" else diff > 0
        label = result.phrase or result.label[:1].lower() + result.label[1:]
        if result.unit == "kr.":
            # the difference as the table shows it (its scale and decimals), so sentence and cell agree
            amount = quantity_text(abs(diff), result.unit, result.decimals, magnitude=row_magnitude(result))
            if result.better == "lavere":  # a cost is saved or added
                kind = "sparer" if diff < 0 else "koster"
            else:  # money where more is better (refusion, sparede ydelser) is more or less money, never 'flere'
                kind = "giver_mere" if diff > 0 else "giver_mindre"
            found.append(Effect(kind, label, amount, result.per or "", good))
        else:
            amount = fmt.number(abs(diff), result.decimals or 0)
            # A count where more is better (borgere i job) is gained or lost; one where less is better (timer) is
            # required or freed.
            if result.better == "højere" or result.unit in PEOPLE_UNITS:  # people are gained or lost, not freed
                kind = "giver_flere" if diff > 0 else "giver_færre"
            else:
                kind = "flere" if diff > 0 else "færre"
            found.append(Effect(kind, label, amount, result.per or "", good))
    better, worse = [], []
    for row in model.quality:
        delta = RATING_VALUES[row.ratings[name]] - RATING_VALUES[row.ratings[model.baseline]]
        if delta:
            (better if delta > 0 else worse).append(row.phrase or row.label)
    if better:
        found.append(Effect("styrker", fmt.join_list(better), good=True))
    if worse:
        found.append(Effect("svækker", fmt.join_list(worse), good=False))
    return found


def facts(model: ScenarioModel, name: str, names=None) -> list[Value]:
    """The numbers a summary rests on, for notes and the fact ledger."""
    values = []
    for result in model.economy:
        for scenario in (model.baseline, name):
            outcome = result.outcomes[scenario]
            text = outcome_text(outcome, result.unit, result.decimals, row_magnitude(result))
            values.append(Value(f"{result.label}, {_mid(scenario, names)}", outcome.value, result.unit, result.decimals or 0,
                                source="Beregning på forudsætninger (se noter)", display=text))
    return values


def assumption_notes(spec, names=None) -> str:
    """'Forudsætninger:' with value, range and source of each, then each scenario's changes and quality reasons."""
    lines = ["Forudsætninger:"]
    for assumption in spec.assumptions.values():
        decimals = 0 if float(assumption.value).is_integer() else 2
        text = f"• {assumption.label}: {fmt.number(assumption.value, decimals)}"
        text += f" {assumption.unit}" if assumption.unit else ""
        if assumption.low is not None:
            text += f" (spænd {fmt.number(assumption.low, decimals)}-{fmt.number(assumption.high, decimals)})"
        if assumption.source:
            text += f". Kilde: {assumption.source}"
        lines.append(text)
    changes = [s for s in spec.scenarios if s.changes]
    if changes:
        lines.append("Scenarierne ændrer:")
        for scenario in changes:
            parts = [f"{_mid(spec.assumptions[k].label, names) if i else spec.assumptions[k].label} {_change_text(v)}"
                     for i, (k, v) in enumerate(scenario.changes.items())]
            lines.append(f"• {scenario.name}: {fmt.join_list(parts)}")
    reasons = [q for q in spec.quality if q.reason]
    if reasons:
        lines.append("Vurderinger:")
        lines.extend(f"• {q.label[:1].upper() + q.label[1:]}: {q.reason}" for q in reasons)
    return "\n".join(lines)


def _mid(label: str, names=None) -> str:
    """A label inside a line: lower-case first letter unless an acronym or a name ('som i dag', 'RAR Østjylland'),
    by the project's names registry when given."""
    from briefing.load.names import default_names

    return (names or default_names()).running(label)


def _change_text(change) -> str:
    from briefing.spec.scenario import parse_change

    kind, amount = parse_change(str(change))
    if kind == "relative":  # prose: direction in words and "pct.", never "+50 %" or "-30 %" (danish-style.md)
        percent = abs(float(amount)) * 100
        if fmt.round_half_up(percent, 1).is_zero():
            return "uændret"
        decimals = 0 if fmt.round_half_up(percent, 1) == fmt.round_half_up(percent, 0) else 1
        return f"{'øges' if amount > 0 else 'mindskes'} med {fmt.share(percent, decimals)}"
    return f"sat til {fmt.number(amount, 0 if float(amount).is_integer() else 2)}"
