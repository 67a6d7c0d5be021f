"""Narrative rules: pure functions from shown values to one Danish sentence, worded by the phrasebook.

Every difference is computed from the values as shown on the slide (rounded to
the displayed precision), so a reader who subtracts the numbers on the slide
gets the number in the sentence. A rule that needs a missing value returns
Skipped with the reason instead of a sentence; one asked for a form its numbers
cannot take raises WrongForm, which the resolver turns into a located error.
Labels arrive as written inside a sentence; a label that starts one is raised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from briefing.danish import fmt
from briefing.danish.units import count_forms
from briefing.facts.narrative.nouns import is_count
from briefing.facts.narrative.ranking import extremes, rank
from briefing.facts.narrative.values import (
    Result,
    Sentence,
    Skipped,
    Value,
    WrongForm,
    check_relative_of_share,
    check_unit_named,
    difference_text,
    judgement,
    minus,
    missing,
    relative_percent,
    shared_unit_list,
    sign_of,
    start_of_sentence,
    tolerance_of,
    value_text,
    with_about,
)
from briefing.load.phrasebook import Phrasebook

__all__ = ["Value", "Sentence", "Skipped", "Result", "WrongForm", "compare", "change", "rank", "extremes",
           "share_of", "target", "scenario_summary", "Effect", "difference_text", "judgement"]

FRACTIONS = {2: "hver anden", 3: "hver tredje", 4: "hver fjerde", 5: "hver femte", 6: "hver sjette",
             7: "hver syvende", 8: "hver ottende", 9: "hver niende", 10: "hver tiende"}


# ---------------------------------------------------------------- comparison

def compare(subject: Value, benchmarks: Sequence[Value], book: Phrasebook, *, tolerance: float | None = None,
            noun: str | None = None, better: str | None = None, judge: bool = False, about: str | None = None,
            measure: str | None = None, relative=False, relative_decimals: int | None = None,
            form: str = "forskel", after_value: str | None = None) -> Result:
    """'Hedensted ligger 4,2 pct.point over RAR Østjylland', with several benchmarks and an on-par band.

    `measure` names what is compared in the subject's place ('Aktiveringsgraden ligger ...'); form 'niveauer'
    sets the levels side by side ('4,1 pct. mod 3,6 pct. og 3,0 pct. i henholdsvis X og Y')."""
    rule = "sammenligning"
    skipped = missing(rule, [subject, *benchmarks])
    if skipped:
        return skipped
    who = start_of_sentence(measure.strip()) if measure and measure.strip() else start_of_sentence(subject.label)
    if not noun:
        check_unit_named(subject, measure, "")
    tol = tolerance_of(tolerance)
    diffs = [minus(subject.shown, b.shown) for b in benchmarks]
    signs = [sign_of(d, tol) for d in diffs]
    variables = {"forskel": float(diffs[0]), "værdi": float(subject.shown), "benchmark": float(benchmarks[0].shown)}
    facts = (subject, *benchmarks)
    names = fmt.join_list([b.label for b in benchmarks])
    if form == "niveauer":
        variant = "niveauer" if len(benchmarks) > 1 else "niveauer_en"
        first = value_text(subject, book) + (f" {after_value.strip()}" if after_value and after_value.strip() else "")
        text = book.render(rule, variant, subject=who, subject_s=subject.possessive, value=first,
                           values=fmt.join_list([value_text(b, book) for b in benchmarks]), benchmarks=names)
        return Sentence(with_about(text, about), rule, facts, variables)
    if noun and len(benchmarks) == 1:
        check_relative_of_share(subject.unit, relative, "noun", book, rule)
        return _relative(subject, benchmarks[0], diffs[0], tol, book, noun, better, judge, facts, variables, about,
                         who, relative_decimals)
    # a difference of values shown with different precision is written with the finer one, never as 0,0
    texts = [difference_text(d.copy_abs(), subject.unit, max(subject.decimals, b.decimals), book, subject.scale,
                             subject.noun) for d, b in zip(diffs, benchmarks)]
    common = dict(subject=who, subject_s=subject.possessive)
    if len(benchmarks) == 1:
        variant = {1: "over", -1: "under", 0: "niveau"}[signs[0]]
        text = book.render(rule, variant, **common, difference=texts[0], benchmark=benchmarks[0].label)
    elif set(signs) == {0}:
        text = book.render(rule, "niveau", **common, benchmark=names)
    elif len(set(signs)) == 1 and len(set(texts)) == 1:
        text = book.render(rule, "flere_ens", **common, difference=texts[0],
                           direction="over" if signs[0] > 0 else "under", benchmarks=names)
    elif len(set(signs)) == 1:
        text = book.render(rule, "flere", **common, differences=shared_unit_list(texts, count_forms(subject.unit)),
                           direction="over" if signs[0] > 0 else "under", benchmarks=names)
    else:
        parts = [book.render(rule, {1: "del_over", -1: "del_under", 0: "del_niveau"}[s], difference=t, benchmark=b.label)
                 for s, t, b in zip(signs, texts, benchmarks)]
        text = book.render(rule, "blandet", **common, parts=fmt.join_list(parts))
    text = with_about(text, about)
    verdict = judgement(signs[0], better) if judge and len(benchmarks) == 1 else None
    if verdict:
        text = book.render(rule, verdict, sentence=text)
    return Sentence(text, rule, facts, variables)


def _relative(subject, benchmark, diff, tol, book, noun, better, judge, facts, variables, about, who,
              decimals) -> Result:
    rule = "sammenligning"
    if benchmark.shown == 0:
        return Skipped(rule, f"den relative forskel kan ikke beregnes, fordi {benchmark.label} er 0")
    percent, places = relative_percent(diff, benchmark.shown, decimals)
    sign = 0 if percent == 0 else sign_of(diff, tol)
    variables["forskel_pct"] = float(percent) * sign
    common = dict(subject=who, subject_s=subject.possessive)
    if sign == 0:
        text = book.render(rule, "niveau", **common, benchmark=benchmark.label)
    else:
        counted = "flere" if sign > 0 else "færre"  # '12 pct. flere ledige', not 'højere ledige'
        variant = f"relativ_{counted}" if is_count(noun, subject.unit) else (
            "relativ_over" if sign > 0 else "relativ_under")
        text = book.render(rule, variant, **common, percent=fmt.share(percent, places), noun=noun,
                           benchmark=benchmark.label)
    text = with_about(text, about)
    verdict = judgement(sign, better) if judge else None
    if verdict:
        text = book.render(rule, verdict, sentence=text)
    return Sentence(text, rule, facts, variables)


def deviation(subject: Value, reference: str, book: Phrasebook, *, tolerance: float | None = None,
              measure: str | None = None, about: str | None = None) -> Result:
    """A value that is itself a deviation (pct.point or per cent from a reference), negative or positive:
    'Hedensted ligger 1,7 pct.point under hele landet'."""
    skipped = missing("afvigelse", [subject])
    if skipped:
        return skipped
    who = start_of_sentence(measure.strip()) if measure and measure.strip() else start_of_sentence(subject.label)
    check_unit_named(subject, measure, "")
    sign = sign_of(subject.shown, tolerance_of(tolerance))
    size = value_text(replace(subject, value=float(subject.shown.copy_abs())), book)
    if subject.unit == "indeks":  # a deviation of an index is in index points, as any difference of one
        size = difference_text(subject.shown.copy_abs(), subject.unit, subject.decimals, book)
    variant = {1: "over", -1: "under", 0: "niveau"}[sign]
    text = book.render("sammenligning", variant, subject=who, subject_s=subject.possessive, difference=size,
                       benchmark=reference)
    return Sentence(with_about(text, about), "afvigelse", (subject,), {"forskel": float(subject.shown)})


# ---------------------------------------------------------------- change over time

def change(start: Value, end: Value, measure: str, book: Phrasebook, *, form: str = "fra_til",
           threshold: float | None = None, relative=False, relative_decimals: int | None = None,
           against: tuple[Value, Value] | None = None, against_label: str = "") -> Result:
    """'Andelen er steget fra 62,5 pct. i 3. kvt. 2019 til 73,6 pct. i 3. kvt. 2021', 'faldet med 22 personer'.

    `start` is the earlier period (the resolver orders them by date). With `against` (the same two periods
    elsewhere) the sentence adds that development: '... faldet med 4,5 pct. mod 6,1 pct. i Østdanmark'.
    An end value that is a forecast gives 'forventes at stige med ...'."""
    rule = "udvikling"
    skipped = missing(rule, [start, end, *(against or ())])
    if skipped:
        return skipped
    if relative:
        check_relative_of_share(end.unit, relative, "relative", book, rule)
    if against is not None:
        form = "med"
    diff, sign, amount = _movement(start, end, threshold, relative, relative_decimals, form, book)
    if isinstance(amount, Skipped):
        return amount
    values = dict(measure=start_of_sentence(measure), from_value=value_text(start, book), from_period=start.label,
                  to_value=value_text(end, book), to_period=end.label, change=amount)
    variables = {"forskel": float(diff), "fra": float(start.shown), "til": float(end.shown)}
    prefix = "prognose_" if end.forecast else ""
    if sign == 0:
        variant = "uændret"
    elif form == "med":
        variant = "steget_med" if sign > 0 else "faldet_med"
    else:
        variant = "steget" if sign > 0 else "faldet"
    text = book.render(rule, prefix + variant, **values)
    facts = (start, end)
    if against is not None:
        other_diff, other_sign, other_amount = _movement(*against, threshold, relative, relative_decimals, "med", book)
        if isinstance(other_amount, Skipped):
            return other_amount
        suffix = "mod_uændret" if other_sign == 0 else "mod_samme" if other_sign == sign else (
            "mod_steget" if other_sign > 0 else "mod_faldet")
        text += " " + book.render(rule, suffix, other_change=other_amount, benchmark=against_label)
        variables["forskel_andet_sted"] = float(other_diff)
        facts = (start, end, *against)
    return Sentence(text, rule, facts, variables)


def _movement(start: Value, end: Value, threshold, relative, relative_decimals, form, book):
    """The shown difference, its sign (0 inside the threshold) and the amount in words (Skipped if impossible)."""
    diff = minus(end.shown, start.shown)
    sign = sign_of(diff, tolerance_of(threshold))
    if sign == 0 or form != "med":
        return diff, sign, ""
    if relative:
        if start.shown == 0:
            return diff, sign, Skipped("udvikling", f"den relative ændring kan ikke beregnes, fordi {start.label} er 0")
        percent, places = relative_percent(diff, start.shown, relative_decimals)
        if percent == 0:  # never "steget med 0 pct."
            return diff, 0, ""
        return diff, sign, fmt.share(percent, places)
    return diff, sign, difference_text(diff.copy_abs(), end.unit, max(start.decimals, end.decimals), book, end.scale,
                                       end.noun)


# ---------------------------------------------------------------- shares and targets

def share_of(part: Value, whole: Value, book: Phrasebook, *, part_text: str, whole_text: str) -> Result:
    """'Virksomhedspraktik udgør 25,0 pct. af alle aktiverede – hver fjerde'."""
    rule = "andel"
    skipped = missing(rule, [part, whole])
    if skipped:
        return skipped
    if whole.shown <= 0:
        return Skipped(rule, f"andelen kan ikke beregnes, fordi {whole.label} er 0")
    share = fmt.round_half_up(part.shown / whole.shown * 100, 1)
    nearest = min(FRACTIONS, key=lambda k: abs(share - Decimal(100) / k))
    fraction = FRACTIONS[nearest] if abs(share - Decimal(100) / nearest) <= 1 else None
    values = dict(part=part_text[:1].upper() + part_text[1:], share=fmt.share(share, 1), whole=whole_text,
                  fraction=fraction or "")
    variant = "brøk" if fraction else "andel"
    return Sentence(book.render(rule, variant, **values), rule, (part, whole), {"andel": float(share)})


def target(value: Value, goal: float, book: Phrasebook, *, better: str = "højere") -> Result:
    """'Målet på 80 pct. er nået med 80,6 pct.' or '... ikke nået – med 76,9 pct. er der 3,1 pct.point til målet'."""
    rule = "mål"
    skipped = missing(rule, [value])
    if skipped:
        return skipped
    # The goal is written as the user wrote it ('80 pct.', '75,5 pct.', '29,05 pct.'), never rounded to the table's
    # decimals: 75,5 shown as 76 would make 75,6 look as if it met a ceiling of 75,5. A table in mio. kr. writes the
    # goal in mio. kr. with its own decimals: 1.500.000 is '1,5 mio. kr.'.
    goal_decimals = value.decimals if value.scale else _places(goal)
    goal_value = Value(value.label, float(goal), value.unit, goal_decimals, scale=value.scale, noun=value.noun)
    goal_shown = goal_value.shown
    reached = value.shown >= goal_shown if better != "lavere" else value.shown <= goal_shown
    gap = minus(goal_shown, value.shown).copy_abs()
    values = dict(target=value_text(goal_value, book), value=value_text(value, book),
                  gap=difference_text(gap, value.unit, max(value.decimals, goal_decimals), book, value.scale,
                                      value.noun))
    return Sentence(book.render(rule, "nået" if reached else "ikke_nået", **values), rule, (value,),
                    {"mangler": 0.0 if reached else float(gap)})


def _places(number: float) -> int:
    """The decimals a number was written with: 80 → 0, 75.5 → 1, 29.05 → 2 (floats by their shortest repr)."""
    exponent = Decimal(repr(float(number))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# ---------------------------------------------------------------- scenarios

@dataclass(frozen=True)
class Effect:
    """One consequence of a scenario against the baseline, already formatted for prose."""

    kind: str  # sparer, koster, flere, færre, styrker, svækker
    label: str
    amount: str = ""
    per: str = ""
    good: bool = True


def scenario_summary(scenario: str, effects: Sequence[Effect], book: Phrasebook, facts: Sequence[Value] = ()) -> Result:
    """'Strammere praksis sparer ca. 0,8 mio. kr. om året i ydelser, men kræver 260 flere sagsbehandlertimer ...'."""
    rule = "scenarie"
    if not effects:
        return Skipped(rule, f"{scenario} ændrer ingenting i forhold til udgangspunktet")
    parts = {True: [], False: []}
    for effect in effects:
        text = book.render(rule, effect.kind, amount=effect.amount, label=effect.label, per=effect.per)
        parts[effect.good].append(re.sub(" {2,}", " ", text).strip())  # an empty {per} leaves two spaces
    good, bad = fmt.join_list(parts[True]), fmt.join_list(parts[False])
    joined = f"{good}, men {bad}" if good and bad else good or bad
    text = book.render(rule, "opsummering", scenario=scenario, effects=joined)
    return Sentence(text, rule, tuple(facts), {"fordele": len(parts[True]), "ulemper": len(parts[False])})
