"""Spec models for scenario slides: a baseline of assumptions, scenarios that change them, consequences."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from briefing.danish import numbers
from briefing.spec.base import Flag, Number, Spec, Text, Whole, _text

RATINGS = ("--", "-", "0", "+", "++")
_CHANGE = re.compile(r"^\s*([+\-−])\s*([^%]+?)\s*(?:%|pct\.?)\s*$")
_PERCENT = re.compile(r"(%|pct\.?)\s*$")


class Assumption(Spec):
    value: Number | None = _text("Værdien i dag (eller 'table' for at læse den i en datatabel).", default=None)
    table: Text | None = _text("Datatabel, værdien læses i: filnavn i inputs/data/ uden endelse.", default=None)
    where: dict[str, Text] = _text("Rækken i tabellen: kolonne: værdi, så præcis én række passer.",
                                   default_factory=dict)
    column: Text | None = _text("Kolonnen (perioden) i tabellen, fx 2021K3 (standard: den sidste).", default=None)
    unit: str = _text("Enhed, fx 'kr.', 'timer', 'personer', 'kr./time', 'timer/sanktion' (tom: uden enhed).", default="")
    label: Text = _text("Navnet i noterne, fx 'Sanktioner pr. år'.")
    source: str | None = _text("Hvor tallet kommer fra (standard for 'table': tabellens kilde og periode).", default=None)
    low: Number | None = _text("Lav værdi, hvis tallet er usikkert.", default=None)
    high: Number | None = _text("Høj værdi, hvis tallet er usikkert.", default=None)

    @model_validator(mode="after")
    def _range(self) -> "Assumption":
        if (self.value is None) == (self.table is None):
            raise PydanticCustomError("briefing", "angiv enten tallet med 'value' eller tabellen, det læses i, med "
                                                  "'table' (og 'where', 'column')")
        if (self.low is None) != (self.high is None):
            raise PydanticCustomError("briefing", "angiv både 'low' og 'high' eller ingen af dem")
        if self.low is not None and self.value is not None and not self.low <= self.value <= self.high:
            raise PydanticCustomError("briefing", "'value' skal ligge mellem 'low' og 'high'")
        return self


def parse_change(text: str | float) -> tuple[str, float]:
    """'+25 %' -> ('relative', 0.25); '140', '40.000' or '2,5' -> ('absolute', ...), read by the one Danish
    number reader; a ValueError in Danish otherwise ('2.5', '40 %' without a sign, '0x10')."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):  # given as a number from Python, not YAML
        if not math.isfinite(text):
            raise ValueError(f"'{text}' er ikke et endeligt tal")
        return "absolute", float(text)
    match = _CHANGE.match(text)
    if match:
        if match.group(2)[:1] in "+-−":  # '--40 %' would be read as +40 %
            raise ValueError(f"'{text.strip()}' har to fortegn; skriv ét, fx '-40 %' eller '+40 %'")
        sign = -1 if match.group(1) in "-−" else 1
        return "relative", sign * _read(match.group(2)) / 100
    if _PERCENT.search(text):
        raise ValueError(f"'{text.strip()}': en ændring i procent skal have fortegn, fx '+25 %' eller '-25 %'; "
                         "en ny værdi skrives uden %")
    return "absolute", _read(text)


def _change(change: Any) -> Any:
    """A change as written: a new value ('140', '40.000') or a signed percent ('+25 %'), checked by parse_change."""
    if not isinstance(change, (str, int, float)) or isinstance(change, bool):  # empty, yes/no, list, section
        raise PydanticCustomError(
            "briefing", f"skal være et tal (fx 140) eller en procent (fx '+25 %'), ikke {_shown(change)}")
    try:
        parse_change(change)
    except ValueError as exc:
        raise PydanticCustomError("briefing", str(exc)) from None
    return change


def _shown(value: Any) -> str:
    if value is None:
        return "en tom værdi"
    if isinstance(value, bool):
        return "'ja'" if value else "'nej'"
    return "en liste" if isinstance(value, list) else "en sektion" if isinstance(value, dict) else f"'{value}'"


def _read(text: str) -> float:
    value = numbers.read_number(text)
    assert value is not None  # read_number requires a number unless missing=True
    return value


# In an editor: a number, a Danish number as text, or a signed percent as text ('+25 %', '-2,5 pct.').
_CHANGE_SCHEMA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": numbers.NUMBER_PATTERN},
                            {"type": "string", "pattern": numbers.CHANGE_PATTERN}]}
Change = Annotated[Union[str, float], BeforeValidator(_change), WithJsonSchema(_CHANGE_SCHEMA)]


class Scenario(Spec):
    name: Text = _text("Kolonnens navn, fx 'Strammere'.")
    phrase: str | None = _text("Navnet i sætninger, fx 'Strammere praksis' (standard: name).", default=None)
    baseline: Flag = _text("Dette er udgangspunktet (ja/nej).", default=False)
    changes: dict[str, Change] = _text("Ændrede forudsætninger: navn: ny værdi eller '+25 %'.", default_factory=dict)


class EconomyRow(Spec):
    label: Text = _text("Rækkens navn i tabellen, fx 'Udgift til ydelser'.")
    formula: Text = _text("Formel over forudsætningerne, fx 'sanktioner * fradrag'.")
    unit: Text = _text("Resultatets enhed, fx 'kr.', 'timer', 'personer'.")
    per: str | None = _text("Tidsenhed i sætninger, fx 'om året'.", default=None)
    phrase: str | None = _text("Navnet i sætninger, fx 'i ydelser' eller 'sagsbehandlertimer'.", default=None)
    better: Literal["højere", "lavere"] = _text("Er højere eller lavere bedst?", default="lavere")
    decimals: Whole | None = Field(default=None, ge=0, le=2, description="Decimaler (standard: 0, og 1 for mio. kr.).")


class QualityRow(Spec):
    label: Text = _text("Kvaliteten, fx 'retssikkerhed' eller 'borgeroplevelse'.")
    phrase: str | None = _text("Navnet i sætninger i bestemt form, fx 'borgeroplevelsen' (standard: label).", default=None)
    ratings: dict[str, Literal["--", "-", "0", "+", "++"]] = _text("Vurdering pr. scenarie fra '--' til '++'.")
    reason: str | None = _text("Kort begrundelse.", default=None)


class ScenarioSlideFields(Spec):
    lead: str | None = _text("Budskabet (standard: den automatiske opsummering).", default=None)
    assumptions: dict[str, Assumption] = _text("Forudsætningerne i dag, med navn.", min_length=1)
    scenarios: list[Scenario] = _text("Scenarierne i rækkefølge; ét er udgangspunktet.", min_length=2, max_length=5)
    economy: list[EconomyRow] = _text("Økonomiske konsekvenser beregnet med formler.", default_factory=list, max_length=6)
    quality: list[QualityRow] = _text("Vurderede kvalitetskonsekvenser.", default_factory=list, max_length=6)
    summary: list[Text] | None = _text("Scenarier, der opsummeres i en sætning (standard: det første og sidste).",
                                       default=None, max_length=2)

    @model_validator(mode="after")
    def _one_baseline(self) -> "ScenarioSlideFields":
        baselines = [s.name for s in self.scenarios if s.baseline]
        if len(baselines) != 1:
            raise PydanticCustomError("briefing", f"præcis ét scenarie skal have 'baseline: ja' (fandt {len(baselines)})")
        return self
