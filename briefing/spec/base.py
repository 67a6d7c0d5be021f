"""Building blocks shared by all spec models: strict immutable base, Danish numbers, described fields."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AllowInfNan, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.json_schema import GetJsonSchemaHandler
from pydantic_core import PydanticCustomError

from briefing.danish import numbers


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _danish_float(value: Any) -> Any:
    """Every number a person types goes through the one Danish reader, on the text as written: '40.000' is
    40000, '6,5' is 6.5, '57.8', '.inf' and '0x10' are refused with the right form. The YAML loader hands
    over unquoted numbers as their text, so quoted and unquoted read the same."""
    if isinstance(value, str):
        try:
            return numbers.read_number(value)
        except ValueError as exc:
            raise PydanticCustomError("briefing", str(exc)) from None
    if isinstance(value, bool):  # YAML's yes/no/true/false where a number belongs
        raise PydanticCustomError("briefing", f"skal være et tal (fx 76,3), ikke '{_yes_no_word(value)}'")
    return value


def _danish_int(value: Any) -> Any:
    """A whole number (decimals, dpi) through the same reader: '2' is 2, '1,5' and '1.5' are refused."""
    if isinstance(value, str):
        try:
            return numbers.read_whole(value)
        except ValueError as exc:
            raise PydanticCustomError("briefing", str(exc)) from None
    if isinstance(value, bool):
        raise PydanticCustomError("briefing", f"skal være et helt tal, ikke '{_yes_no_word(value)}'")
    return value


class _NumberOrDanishText:
    """JSON Schema of a number field: a JSON number, or a number written the Danish way as text ('6,5',
    '40.000'), so an editor accepts exactly what the tool reads. Range limits stay on the number."""

    def __init__(self, example: str) -> None:
        self.example = example

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: GetJsonSchemaHandler) -> dict:
        number = handler(core_schema)
        text = {"type": "string", "pattern": numbers.NUMBER_PATTERN,
                "description": f"Et tal skrevet på dansk, fx {self.example}: komma før decimaler, punktum mellem tusinder."}
        return {"anyOf": [number, text]}


Number = Annotated[float, BeforeValidator(_danish_float), AllowInfNan(False), _NumberOrDanishText("6,5 eller 40.000")]
Whole = Annotated[int, BeforeValidator(_danish_int), _NumberOrDanishText("2")]
Text = Annotated[str, Field(min_length=1)]


def _text(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)


# The yes/no words, the same in every yes/no field, its messages and its JSON Schema: Danish ja/nej and
# YAML's own words (which PyYAML already turns into booleans, but an editor following YAML 1.2 sees as text).
_YES = ("ja", "j", "sand", "true", "yes", "y", "on")
_NO = ("nej", "n", "falsk", "false", "no", "off")


def _yes_no_word(value: bool) -> str:
    return "ja" if value else "nej"


def _danish_bool(value: Any) -> Any:
    """Accept 'ja'/'nej' where YAML itself only knows yes/no and true/false."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
        raise PydanticCustomError("briefing", f"skal være ja eller nej, ikke '{value}'")
    return value


def yes_no(value: Any) -> Any:
    """'ja'/'nej' to booleans; any other value goes on to the field's own validation (e.g. 'neutral')."""
    if isinstance(value, str) and value.strip().lower() in _YES + _NO:
        return _danish_bool(value)
    return value


def yes_no_words() -> list[str]:
    """Every spelling a yes/no field takes as text (ja, Ja, JA, nej, ...), for the JSON Schemas."""
    return [form for word in _YES + _NO for form in dict.fromkeys((word, word.capitalize(), word.upper()))]


# Editors get the Danish words in the schema too, so 'ja' is not flagged while staff type.
Flag = Annotated[bool, BeforeValidator(_danish_bool),
                 WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": yes_no_words()}],
                                 "description": "ja eller nej"})]


FIXED_UNITS = ("pct.", "pct.point", "antal", "personer", "kr.", "uger", "fuldtidspersoner", "indeks")
_COUNT_UNIT = r"[a-zæøå][a-zæøå\-]*"
NOT_COUNT_UNITS = ("procent", "kroner", "procentpoint", "%", "timer")  # units of their own, spelt otherwise


def _unit(value: Any) -> Any:
    """A table unit: one of the fixed ones, a count noun ('forløb') or 'ental/flertal' ('sanktion/sanktioner')."""
    import re

    if not isinstance(value, str):
        raise PydanticCustomError("briefing", "enheden skal være en tekst, fx 'pct.' eller 'sanktion/sanktioner'")
    text = value.strip()
    if text in FIXED_UNITS:
        return text
    import difflib

    close = difflib.get_close_matches(text.lower(), FIXED_UNITS + ("procent", "kroner", "procentpoint"), n=1, cutoff=0.7)
    if close or text.lower() in NOT_COUNT_UNITS:
        raise PydanticCustomError(
            "briefing", f"ukendt enhed '{value}'" + (f" (mente du '{close[0]}'?)" if close and close[0] in FIXED_UNITS else "")
            + f"; kendte: {', '.join(FIXED_UNITS)}, eller en tælleenhed som 'forløb' eller 'sanktion/sanktioner'")
    if re.fullmatch(_COUNT_UNIT, text):
        return f"{text}/{text}"  # 'forløb' is the same in singular and plural
    if re.fullmatch(rf"{_COUNT_UNIT}/{_COUNT_UNIT}", text):
        return text
    raise PydanticCustomError(
        "briefing", f"ukendt enhed '{value}' (kendte: {', '.join(FIXED_UNITS)}; eller en tælleenhed med små "
                    "bogstaver som 'forløb' eller ental/flertal som 'sanktion/sanktioner')")


MeasureUnit = Annotated[str, BeforeValidator(_unit),
                        WithJsonSchema({"anyOf": [{"enum": list(FIXED_UNITS)},
                                                  {"type": "string", "pattern": rf"^{_COUNT_UNIT}(/{_COUNT_UNIT})?$",
                                                   "not": {"enum": list(NOT_COUNT_UNITS)}}]})]
