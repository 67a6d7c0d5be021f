"""Narrative rules: pure functions from shown values to one Danish sentence, worded by the phrasebook.

Every difference is computed from the values as shown on the slide (rounded to
the displayed precision), so a reader who subtracts the numbers on the slide
gets the number in the sentence. A rule that needs a missing value returns
Skipped with the reason instead of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from briefing.danish import fmt
from briefing.danish.units import prose_value
from briefing.load.phrasebook import Phrasebook

SHARE_UNITS = ("pct.", "pct.point")
FRACTIONS = {2: "hver anden", 3: "hver tredje", 4: "hver fjerde", 5: "hver femte", 6: "hver sjette",
             7: "hver syvende", 8: "hver ottende", 9: "hver niende", 10: "hver tiende"}


@dataclass(frozen=True)
class Value:
    """One number as it stands on the slide, with where it came from."""

    label: str
    value: float | None
    unit: str = "antal"
    decimals: int = 1
    source: str = ""
    period: str = ""
    table: str = ""
    context: str = ""
    display: str = ""  # preformatted text for units the table formatter does not know (e.g. 'timer')

    @property
    def shown(self) -> Decimal:
        return fmt.round_half_up(self.value, self.decimals)

    @property
    def text(self) -> str:
        return self.display or prose_value(float(self.shown), self.unit, self.decimals)

    def describe(self) -> str:
        """'Hedensted, Kontanthjælp, aktivitetsparat = 17,8 pct.' for notes and the fact ledger."""
        name = ", ".join(p for p in (self.label, self.context) if p)
        return f"{name} = {self.text if self.value is not None else 'mangler'}"


@dataclass(frozen=True)
class Sentence:
    text: str
    rule: str
    facts: tuple[Value, ...]
    variables: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Skipped:
    rule: str
    reason: str


Result = Sentence | Skipped


def _missing(rule: str, values: Sequence[Value]) -> Skipped | None:
    for v in values:
        if v.value is None:
            where = f" ({v.context})" if v.context else ""
            return Skipped(rule, f"{v.label}{where} mangler en værdi (tal under diskretionsgrænsen eller ikke oplyst)")
    return None


def difference_text(amount: Decimal, unit: str, decimals: int, book: Phrasebook) -> str:
    """A non-negative difference in the unit a reader expects: shares give percentage points."""
    if unit in SHARE_UNITS:
        return fmt.points(amount, decimals, unit=book.point_unit)
    return prose_value(float(amount), unit, decimals)


def _value_text(value: Value, book: Phrasebook) -> str:
    """A shown value in prose; a value in percentage points uses the phrasebook's point unit."""
    if value.unit == "pct.point" and not value.display:
        return fmt.points(value.shown, value.decimals, unit=book.point_unit)
    return value.text


def _minus(a: Decimal, b: Decimal) -> Decimal:
    """a - b exactly: the default context (28 digits) would round the difference of very large values.

    Take its size with copy_abs(), not abs(), which rounds to the context again.
    """
    with localcontext() as ctx:
        ctx.prec = max(28, max(a.adjusted(), b.adjusted()) - min(a.as_tuple().exponent, b.as_tuple().exponent) + 2)
        return a - b


def _sign(amount: Decimal, tolerance: Decimal) -> int:
    if amount.copy_abs() <= tolerance:
        return 0
    return 1 if amount > 0 else -1


def _tolerance(value: float | None) -> Decimal:
    return Decimal(repr(float(value))) if value is not None else Decimal(0)


def judgement(sign: int, better: str | None) -> str | None:
    """'bedre' or 'dårligere' for a difference of this sign, when the measure has a good direction."""
    if sign == 0 or better not in ("højere", "lavere"):
        return None
    good = sign > 0 if better == "højere" else sign < 0
    return "bedre" if good else "dårligere"


def _shared_unit_list(texts: list[str]) -> str:
    """'1,7 og 3,9 pct.point' rather than repeating the unit after every number."""
    suffixes = {t.split(fmt.NBSP, 1)[1] if fmt.NBSP in t else "" for t in texts}
    if len(suffixes) == 1 and "" not in suffixes:
        suffix = suffixes.pop()
        numbers = [t.split(fmt.NBSP, 1)[0] for t in texts]
        return f"{fmt.join_list(numbers)}{fmt.NBSP}{suffix}"
    return fmt.join_list(texts)


# ---------------------------------------------------------------- comparison

def compare(subject: Value, benchmarks: Sequence[Value], book: Phrasebook, *, tolerance: float | None = None,
            noun: str | None = None, better: str | None = None, judge: bool = False, about: str | None = None) -> Result:
    """'Hedensted ligger 4,2 pct.point over RAR Østjylland', with several benchmarks and an on-par band."""
    rule = "sammenligning"
    skipped = _missing(rule, [subject, *benchmarks])
    if skipped:
        return skipped
    tol = _tolerance(tolerance)
    diffs = [_minus(subject.shown, b.shown) for b in benchmarks]
    signs = [_sign(d, tol) for d in diffs]
    variables = {"forskel": float(diffs[0]), "værdi": float(subject.shown), "benchmark": float(benchmarks[0].shown)}
    facts = (subject, *benchmarks)
    if noun and subject.unit not in SHARE_UNITS and len(benchmarks) == 1:
        return _relative(subject, benchmarks[0], diffs[0], tol, book, noun, better, judge, facts, variables, about)
    # a difference of values shown with different precision is written with the finer one, never as 0,0
    texts = [difference_text(d.copy_abs(), subject.unit, max(subject.decimals, b.decimals), book)
             for d, b in zip(diffs, benchmarks)]
    if len(benchmarks) == 1:
        variant = {1: "over", -1: "under", 0: "niveau"}[signs[0]]
        text = book.render(rule, variant, subject=subject.label, difference=texts[0], benchmark=benchmarks[0].label)
    elif set(signs) == {0}:
        text = book.render(rule, "niveau", subject=subject.label, benchmark=fmt.join_list([b.label for b in benchmarks]))
    elif len(set(signs)) == 1:
        text = book.render(rule, "flere", subject=subject.label, differences=_shared_unit_list(texts),
                           direction="over" if signs[0] > 0 else "under",
                           benchmarks=fmt.join_list([b.label for b in benchmarks]))
    else:
        parts = [book.render(rule, {1: "del_over", -1: "del_under", 0: "del_niveau"}[s], difference=t, benchmark=b.label)
                 for s, t, b in zip(signs, texts, benchmarks)]
        text = book.render(rule, "blandet", subject=subject.label, parts=fmt.join_list(parts))
    text = _with_about(text, about)
    verdict = judgement(signs[0], better) if judge and len(benchmarks) == 1 else None
    if verdict:
        text = book.render(rule, verdict, sentence=text)
    return Sentence(text, rule, facts, variables)


def _with_about(text: str, about: str | None) -> str:
    return f"{text} {about.strip()}" if about and about.strip() else text


def _relative(subject, benchmark, diff, tol, book, noun, better, judge, facts, variables, about) -> Result:
    rule = "sammenligning"
    if benchmark.shown == 0:
        return Skipped(rule, f"den relative forskel kan ikke beregnes, fordi {benchmark.label} er 0")
    percent = fmt.round_half_up(abs(diff) / abs(benchmark.shown) * 100, 0)
    sign = 0 if percent == 0 else _sign(diff, tol)
    variables["forskel_pct"] = float(percent) * sign
    if sign == 0:
        text = book.render(rule, "niveau", subject=subject.label, benchmark=benchmark.label)
    else:
        text = book.render(rule, "relativ_over" if sign > 0 else "relativ_under", subject=subject.label,
                           percent=fmt.share(percent, 0), noun=noun, benchmark=benchmark.label)
    text = _with_about(text, about)
    verdict = judgement(sign, better) if judge else None
    if verdict:
        text = book.render(rule, verdict, sentence=text)
    return Sentence(text, rule, facts, variables)


# ---------------------------------------------------------------- change over time

def change(start: Value, end: Value, measure: str, book: Phrasebook, *, form: str = "fra_til",
           threshold: float | None = None, relative: bool = False) -> Result:
    """'Andelen er steget fra 62,5 pct. i 3. kvt. 2019 til 73,6 pct. i 3. kvt. 2021', 'faldet med 22 personer'."""
    rule = "udvikling"
    skipped = _missing(rule, [start, end])
    if skipped:
        return skipped
    diff = _minus(end.shown, start.shown)
    sign = _sign(diff, _tolerance(threshold))
    values = dict(measure=measure[:1].upper() + measure[1:], from_value=_value_text(start, book), from_period=start.label,
                  to_value=_value_text(end, book), to_period=end.label, change="")
    variables = {"forskel": float(diff), "fra": float(start.shown), "til": float(end.shown)}
    if sign != 0 and form == "med":
        if relative:
            if start.shown == 0:
                return Skipped(rule, f"den relative ændring kan ikke beregnes, fordi {start.label} er 0")
            percent = fmt.round_half_up(abs(diff) / abs(start.shown) * 100, 0)
            sign = sign if percent else 0  # never "steget med 0 pct."
            values["change"] = fmt.share(percent, 0)
        else:
            values["change"] = difference_text(diff.copy_abs(), end.unit, max(start.decimals, end.decimals), book)
    if sign == 0:
        return Sentence(book.render(rule, "uændret", **values), rule, (start, end), variables)
    if form == "med":
        variant = "steget_med" if sign > 0 else "faldet_med"
    else:
        variant = "steget" if sign > 0 else "faldet"
    return Sentence(book.render(rule, variant, **values), rule, (start, end), variables)


# ---------------------------------------------------------------- ranking and extremes

def rank(subject: str, values: Sequence[Value], book: Phrasebook, *, noun: str, group: str = "kommuner",
         about: str | None = None) -> Result:
    """'Hedensted har den laveste andel blandt de seks kommuner', 'nr. 3 af 6', ties as 'delt 2.-plads'."""
    rule = "rangering"
    own = next((v for v in values if v.label == subject), None)
    if own is None:
        return Skipped(rule, f"{subject} findes ikke blandt værdierne")
    skipped = _missing(rule, [own])
    if skipped:
        return skipped
    present = [v for v in values if v.value is not None]
    if len(present) < 2:
        return Skipped(rule, "der er færre end to værdier at rangere")
    n = len(present)
    position = 1 + sum(1 for v in present if v.shown > own.shown)
    ties = [v.label for v in present if v.shown == own.shown and v.label != subject]
    variables = {"plads": position, "antal": n}
    base = dict(subject=subject, noun=noun, n=n, group=group, rank=position, others=fmt.join_list(ties))
    if ties:
        variant = "delt"
    elif position == 1:
        variant = "højest"
    elif position == n:
        variant = "lavest"
    elif position == 2 and n > 3:
        variant = "næsthøjest"
    elif position == n - 1 and n > 3:
        variant = "næstlavest"
    else:
        variant = "plads"
    return Sentence(_with_about(book.render(rule, variant, **base), about), rule, tuple(present), variables)


def extremes(values: Sequence[Value], book: Phrasebook, *, noun: str) -> Result:
    """'Jeg bliver mødt med respekt har den højeste andel (78,4 pct.) og ... den laveste (52,6 pct.)'."""
    rule = "ekstremer"
    present = [v for v in values if v.value is not None]
    if len(present) < 2:
        return Skipped(rule, "der er færre end to værdier at sammenligne")
    top = max(v.shown for v in present)
    bottom = min(v.shown for v in present)
    if top == bottom:
        return Skipped(rule, "alle værdier er ens")
    highest = [v for v in present if v.shown == top]
    lowest = [v for v in present if v.shown == bottom]
    text = book.render(rule, "højest_lavest", noun=noun, highest=fmt.join_list([v.label for v in highest]),
                       highest_value=_value_text(highest[0], book), lowest=fmt.join_list([v.label for v in lowest]),
                       lowest_value=_value_text(lowest[0], book))
    return Sentence(text, rule, tuple(present), {"højest": float(top), "lavest": float(bottom)})


# ---------------------------------------------------------------- shares and targets

def share_of(part: Value, whole: Value, book: Phrasebook, *, part_text: str, whole_text: str) -> Result:
    """'Virksomhedspraktik udgør 25,0 pct. af alle aktiverede – hver fjerde'."""
    rule = "andel"
    skipped = _missing(rule, [part, whole])
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
    skipped = _missing(rule, [value])
    if skipped:
        return skipped
    goal_decimals = 0 if float(goal).is_integer() else value.decimals
    goal_shown = fmt.round_half_up(goal, goal_decimals)
    reached = value.shown >= goal_shown if better != "lavere" else value.shown <= goal_shown
    gap = _minus(goal_shown, value.shown).copy_abs()
    goal_value = Value(value.label, float(goal_shown), value.unit, goal_decimals)
    values = dict(target=_value_text(goal_value, book), value=_value_text(value, book),
                  gap=difference_text(gap, value.unit, value.decimals, book))
    return Sentence(book.render(rule, "nået" if reached else "ikke_nået", **values), rule, (value,),
                    {"mangler": 0.0 if reached else float(gap)})


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
