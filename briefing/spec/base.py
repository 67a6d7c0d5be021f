"""Building blocks shared by all spec models: strict immutable base, Danish numbers, described fields."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from briefing.danish import fmt


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _danish_float(value: Any) -> Any:
    """Accept Danish decimal strings ('76,3') where a number is expected."""
    if isinstance(value, str):
        try:
            parsed = fmt.parse_number(value)
        except ValueError as exc:
            raise PydanticCustomError("briefing", str(exc)) from None
        if parsed is None:
            raise PydanticCustomError("briefing", "skal være et tal")
        return parsed
    return value


Number = Annotated[float, BeforeValidator(_danish_float)]
Text = Annotated[str, Field(min_length=1)]


def _text(description: str, **kw: Any) -> Any:
    return Field(description=description, **kw)




_YES = {"ja", "j", "sand", "true", "yes", "y"}
_NO = {"nej", "n", "falsk", "false", "no"}


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
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        return _danish_bool(value)
    return value


# Editors get the Danish words in the schema too, so 'ja' is not flagged while staff type.
Flag = Annotated[bool, BeforeValidator(_danish_bool),
                 WithJsonSchema({"anyOf": [{"type": "boolean"}, {"enum": ["ja", "nej"]}]})]


FIXED_UNITS = ("pct.", "pct.point", "antal", "personer", "kr.", "uger", "fuldtidspersoner", "indeks")
_COUNT_UNIT = r"[a-zæøå][a-zæøå\-]*"


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
    if close or text.lower() in ("procent", "kroner", "procentpoint", "%", "timer"):
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
                                                  {"type": "string", "pattern": rf"^{_COUNT_UNIT}(/{_COUNT_UNIT})?$"}]})]
