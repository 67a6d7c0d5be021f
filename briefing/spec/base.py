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
