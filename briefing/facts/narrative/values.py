"""The values the narrative rules work on, their results, and the small helpers every rule shares.

Every difference is computed from the values as shown on the slide (rounded to
the displayed precision and scale), so a reader who subtracts the numbers on the
slide gets the number in the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from briefing.danish import fmt
from briefing.danish.units import SHARE_UNITS, Measure, count_forms
from briefing.facts.narrative.nouns import singular
from briefing.load.phrasebook import Phrasebook


@dataclass(frozen=True)
class Value:
    """One number as it stands on the slide, with where it came from."""

    label: str  # as written inside a sentence ('hele landet', 'RAR Østjylland', '3. kvt. 2021')
    value: float | None
    unit: str = "antal"
    decimals: int = 1
    source: str = ""
    period: str = ""
    table: str = ""
    context: str = ""
    display: str = ""  # preformatted text for units the table formatter does not know (e.g. 'timer')
    scale: str | None = None  # 'mio.' when the table shows kroner in millions
    genitive: str = ""  # the label's genitive in running text, when it is not the regular one
    forecast: bool = False  # the value is a forecast (its sentence says 'forventes at ...')
    kind: str = ""  # the kind of place the label is (kommune, rar, land, ...), when known
    noun: str = ""  # what a number in 'antal' counts, as written in a sentence ('sanktioner pr. 100')

    @property
    def measure(self) -> Measure:
        return Measure(self.unit, self.decimals, self.scale)

    @property
    def shown(self) -> Decimal:
        return self.measure.shown(self.value)

    @property
    def text(self) -> str:
        return self.display or self.measure.prose(self.shown)

    @property
    def possessive(self) -> str:
        return self.genitive or fmt.genitive(self.label)

    def describe(self) -> str:
        """'Hedensted, Kontanthjælp, aktivitetsparat = 17,8 pct.' for notes and the fact ledger."""
        name = start_of_sentence(", ".join(p for p in (self.label, self.context) if p))
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


class WrongForm(Exception):
    """An item asks for a form its numbers cannot take (a relative change of a share); `field` names the item field."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name
        self.message = message


def start_of_sentence(text: str) -> str:
    """A capital first letter: labels are written as inside a sentence, so one that starts it is raised."""
    return text[:1].upper() + text[1:]


def missing(rule: str, values: Sequence[Value]) -> Skipped | None:
    for v in values:
        if v.value is None:
            where = f" ({v.context})" if v.context else ""
            return Skipped(rule, f"{v.label}{where} mangler en værdi (tal under diskretionsgrænsen eller ikke oplyst)")
    return None


def difference_text(amount: Decimal, unit: str, decimals: int, book: Phrasebook, scale: str | None = None,
                    noun: str = "") -> str:
    """A non-negative difference in the unit a reader expects: shares give percentage points, a plain count
    ('antal') the noun it counts ('2,1 sanktioner pr. 100')."""
    return with_noun(Measure(unit, decimals, scale).difference(amount, point_unit=book.point_unit), unit, noun)


def value_text(value: Value, book: Phrasebook) -> str:
    """A shown value in prose; a value in percentage points uses the phrasebook's point unit."""
    if value.display:
        return value.text
    return with_noun(value.measure.prose(value.shown, point_unit=book.point_unit), value.unit, value.noun)


def with_noun(text: str, unit: str, noun: str) -> str:
    """A number in 'antal' followed by what it counts, the number bound to the first word."""
    if unit != "antal" or not noun.strip():
        return text
    return f"{text}{fmt.NBSP}{singular(noun) if text in ('1', '-1', fmt.MINUS + '1') else noun.strip()}"


def check_unit_named(value: Value, measure: str | None, field_name: str) -> None:
    """A number in 'antal' with nothing to say what it counts has no meaning in a sentence: refuse it, located."""
    if value.unit != "antal" or value.noun.strip() or (measure and measure.strip()):
        return
    raise WrongForm(field_name, (
        "tabellens enhed er 'antal', så tallet i sætningen ('ligger 12 over ...') står uden enhed og siger ikke, "
        "hvad der tælles; angiv 'measure' med det, der sammenlignes (fx 'antallet af sanktioner pr. 100 "
        "modtagere'), eller giv tabellen en tælleenhed som 'personer', 'forløb' eller 'sanktion/sanktioner'"))


def minus(a: Decimal, b: Decimal) -> Decimal:
    """a - b exactly: the default context (28 digits) would round the difference of very large values.

    Take its size with copy_abs(), not abs(), which rounds to the context again.
    """
    with localcontext() as ctx:
        ctx.prec = max(28, max(a.adjusted(), b.adjusted()) - min(a.as_tuple().exponent, b.as_tuple().exponent) + 2)
        return a - b


def sign_of(amount: Decimal, tolerance: Decimal) -> int:
    if amount.copy_abs() <= tolerance:
        return 0
    return 1 if amount > 0 else -1


def tolerance_of(value: float | None) -> Decimal:
    return Decimal(repr(float(value))) if value is not None else Decimal(0)


def relative_percent(diff: Decimal, base: Decimal, decimals: int | None) -> tuple[Decimal, int]:
    """|diff| in per cent of |base|, rounded half up: as asked, else one decimal under 10 pct. and none from 10."""
    with localcontext() as ctx:
        ctx.prec = 60
        exact = diff.copy_abs() / base.copy_abs() * 100
    if decimals is None:
        decimals = 1 if fmt.round_half_up(exact, 1) < 10 else 0
    return fmt.round_half_up(exact, decimals), decimals


def check_relative_of_share(unit: str, relative, field_name: str, book: Phrasebook, rule: str) -> None:
    """The one rule about pct. against pct.point: a relative change of a share must be asked for as 'rate'."""
    if unit not in SHARE_UNITS or relative == "rate":
        return
    point = book.point_unit
    if rule == "udvikling":
        raise WrongForm(field_name, (
            "'relative: ja' giver ændringen i procent af udgangsværdien, men tallene er andele: 'steget med 25 pct.' "
            f"læses let som 25 {point}. Fjern 'relative' for at skrive ændringen i {point} (fx 'steget med 11,1 "
            f"{point}'), eller skriv 'relative: rate', hvis du mener den relative ændring af andelen"))
    raise WrongForm(field_name, (
        f"'{field_name}' giver en relativ forskel i procent ('9 pct. højere ...'), men tallene er andele, hvor forskellen "
        f"skrives i {point} ('1,7 {point} over ...'). Fjern '{field_name}', eller skriv 'relative: rate', hvis du "
        "mener den relative forskel (fx '10 pct. lavere afgangsrate end ...')"))


def judgement(sign: int, better: str | None) -> str | None:
    """'bedre' or 'dårligere' for a difference of this sign, when the measure has a good direction."""
    if sign == 0 or better not in ("højere", "lavere"):
        return None
    good = sign > 0 if better == "højere" else sign < 0
    return "bedre" if good else "dårligere"


def shared_unit_list(texts: list[str], forms: tuple[str, str] | None = None) -> str:
    """'1,7 og 3,9 pct.point' rather than repeating the unit after every number; a count unit whose singular
    and plural (`forms`) both occur is said once in the plural ('1 og 3 sanktioner'). Different units each
    stay with their number."""
    suffixes = {t.split(fmt.NBSP, 1)[1] if fmt.NBSP in t else "" for t in texts}
    if len(suffixes) > 1 and forms and suffixes <= set(forms):
        suffixes = {forms[1]}
    if len(suffixes) == 1 and "" not in suffixes:
        suffix = suffixes.pop()
        numbers = [t.split(fmt.NBSP, 1)[0] for t in texts]
        return f"{fmt.join_list(numbers)}{fmt.NBSP}{suffix}"
    return fmt.join_list(texts)


def plural_unit(unit: str) -> str:
    """The plural a count unit is written with ('sanktioner', 'personer'); '' for other units."""
    forms = count_forms(unit)
    return forms[1] if forms else ""


def with_about(text: str, about: str | None) -> str:
    return f"{text} {about.strip()}" if about and about.strip() else text
