"""Validate loaded YAML against the spec models, turning pydantic errors into located Danish problems."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from briefing.errors import Location, Problem, field_name, known_list, suggest
from briefing.load.source import PathKey, SourceDoc

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], doc: SourceDoc, data: Any = None, prefix: PathKey = ()) -> tuple[M | None, list[Problem]]:
    """Validate `data` (default: the whole file) as `model`; return the model or the problems.

    `prefix` is prepended to pydantic's error locations before mapping them to
    the file, for wrappers such as SlideFile whose field is not in the YAML.
    """
    data = doc.data if data is None else data
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        seen: set[tuple[str, Location]] = set()
        problems = []
        for error in exc.errors(include_url=False):
            problem = _problem(model, doc, error, prefix)
            # One problem per field and place: a value that fits no alternative of `text | section`
            # would otherwise be reported once per alternative.
            key = (problem.field, problem.location)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
        return None, problems


def _problem(model: type[BaseModel], doc: SourceDoc, error: dict, prefix: PathKey) -> Problem:
    loc = tuple(error["loc"])[len(prefix):] if error["loc"][: len(prefix)] == prefix else tuple(error["loc"])
    path = _data_path(doc.data, loc)
    kind = error["type"]
    if kind not in ("missing", "extra_forbidden") and path and not _written(doc.data, path):
        path = path[:-1]  # a check of the whole section (a union member's tag, not a field the user wrote)
    field = field_name(path)
    if kind == "missing":
        return Problem("feltet mangler og skal udfyldes", doc.location(path[:-1]), field)
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        # Name the tag field itself ('kind', 'rule') and point at its value, or at the section that lacks it.
        ctx = error.get("ctx") or {}
        tag_field = str(ctx.get("discriminator", "kind")).strip("'")
        where = doc.location(path + (tag_field,)) if kind == "union_tag_invalid" else doc.location(path)
        if "expected_tags" in ctx:
            tags = [t.strip(" '") for t in str(ctx["expected_tags"]).split(",")]
        else:
            tags = _union_tags(model, tuple(error["loc"]), tag_field)
        return Problem(_kind_message(kind, error, loc, tags), where, field_name(path + (tag_field,)))
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, tuple(error["loc"])[:-1])
        name = str(path[-1])
        hint = suggest(name, allowed)
        message = f"ukendt felt '{name}'{hint}" + (f" (tilladte: {known_list(allowed)})" if allowed else "")
        return Problem(message, doc.location(path, key=True), field)
    return Problem(_message(kind, error), doc.location(path), field)


def _data_path(data: Any, loc: tuple) -> PathKey:
    """Follow pydantic's location through the data, dropping union tags and wrapper fields."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and not path and part not in node and isinstance(part, str) and part == loc[-1]:
            path.append(part)  # a missing top-level field
        elif isinstance(part, str) and part == loc[-1] and isinstance(node, dict):
            path.append(part)
    return tuple(path)


def _written(data: Any, path: PathKey) -> bool:
    """Whether the field at `path` is in the user's data."""
    node = data
    for part in path:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return False
    return True


_KIND_NAMES = {"narrative": "regel", "chart": "diagramtype"}


def _kind_message(kind: str, error: dict, loc: tuple, tags: list[str]) -> str:
    """Message for a missing or unknown tag (`kind:` of a slide or chart, `rule:` of a narrative rule)."""
    what = next((name for part, name in _KIND_NAMES.items() if part in loc), "slidetype")
    if kind == "union_tag_not_found":
        return f"feltet mangler; angiv en {what} (kendte: {known_list(tags)})"
    tag = (error.get("ctx") or {}).get("tag")
    return f"ukendt {what} '{tag}'{suggest(tag, tags)} (kendte: {known_list(tags)})"


def _message(kind: str, error: dict) -> str:
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = _show(value)
    if kind == "literal_error":
        allowed = [a.strip(" '") for a in str(ctx.get("expected", "")).replace(" or ", ",").split(",") if a.strip()]
        return f"ugyldig værdi {shown}{suggest(str(value), allowed)} (tilladte: {', '.join(allowed)})"
    simple = {
        "string_type": _text_message(value),
        "int_type": f"skal være et helt tal, ikke {shown}",
        "int_parsing": f"skal være et helt tal, ikke {shown}",
        "int_from_float": f"skal være et helt tal, ikke {shown}",
        "float_type": f"skal være et tal (fx 76,3), ikke {shown}",
        "float_parsing": f"skal være et tal (fx 76,3), ikke {shown}",
        "finite_number": "skal være et endeligt tal",
        "bool_type": f"skal være ja eller nej, ikke {shown}",
        "bool_parsing": f"skal være ja eller nej, ikke {shown}",
        "list_type": "skal være en liste (en linje pr. punkt, der starter med '- ')",
        "dict_type": "skal være en sektion med felter (nøgle: værdi)",
        "model_type": "skal være en sektion med felter (nøgle: værdi)",
        "model_attributes_type": "skal være en sektion med felter (nøgle: værdi)",
        "date_type": f"skal være en dato som 2021-11-29 eller 29-11-2021, ikke {shown}",
        "date_parsing": f"skal være en dato som 2021-11-29 eller 29-11-2021, ikke {shown}",
        "date_from_datetime_parsing": f"skal være en dato som 2021-11-29 eller 29-11-2021, ikke {shown}",
        "date_from_datetime_inexact": f"skal være en dato som 2021-11-29 eller 29-11-2021, ikke {shown}",
        "string_too_short": "må ikke være tom",
        "string_pattern_mismatch": f"ugyldig værdi {shown}",
    }
    if kind in simple:
        if kind == "string_pattern_mismatch" and "#" in str(ctx.get("pattern", "")):
            return f"ugyldig farve {shown}; skriv den som #RRGGBB, fx #00557F"
        return simple[kind]
    bounds = {
        "greater_than": "skal være større end {gt}",
        "greater_than_equal": "skal være mindst {ge}",
        "less_than": "skal være mindre end {lt}",
        "less_than_equal": "må højst være {le}",
        "too_short": "skal have mindst {min_length}",
        "too_long": "må højst have {max_length} punkter",
        "string_too_long": "er for lang (højst {max_length} tegn)",
    }
    if kind in bounds:
        text = bounds[kind].format(**{k: _show_number(v) for k, v in ctx.items()})
        if kind == "too_short":
            text += " punkt" if ctx.get("min_length") == 1 else " punkter"
        return text
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"]).removeprefix("Value error, ")
    if "briefing" == kind:
        return error["msg"]
    return f"ugyldig værdi {shown}"


def _text_message(value: Any) -> str:
    if value is None:
        return "må ikke være tom"
    if isinstance(value, dict) and len(value) == 1 and "|" in str(next(iter(value))):  # lead: {tabel | række}
        return ("skal være tekst, ikke en sektion: YAML læser en tekst, der begynder med {, som en sektion; sæt "
                "henvisningen i anførselstegn, fx \"{ledige | Hedensted}\"")
    if isinstance(value, (dict, list)):
        return f"skal være tekst, ikke {_show(value)}"
    if isinstance(value, (int, float, bool, dt.date)):  # YAML read it as a number, yes/no or a date
        return "skal være tekst; sæt værdien i anførselstegn"
    return "skal være tekst"


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "en sektion" if isinstance(value, dict) else "en liste"
    if value is None:
        return "en tom værdi"
    return f"'{value}'"


def _show_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the field names of the model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _unwrap_model(current)
    return list(current.model_fields) if current is not None else []


def _union_tags(model: type[BaseModel], loc: tuple, tag_field: str) -> list[str]:
    """Return the values of `tag_field` that the members of the tagged union at `loc` inside `model` accept."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    tags: list[str] = []
    for arg in _args(current):
        member = _unwrap_model(arg)
        field = member.model_fields.get(tag_field) if member is not None else None
        tags += [str(tag) for tag in typing.get_args(field.annotation)] if field is not None else []
    return tags


def _step(annotation: Any, part: Any) -> Any:
    model = _unwrap_model(annotation)
    if model is not None and isinstance(part, str) and part in model.model_fields:
        return model.model_fields[part].annotation
    for arg in _args(annotation):
        model = _unwrap_model(arg)
        if model is not None and _tag_of(model) == part:
            return model
        origin = typing.get_origin(arg)
        if origin in (list, tuple) and isinstance(part, int):
            return typing.get_args(arg)[0]
        if origin is dict and isinstance(part, str):
            return typing.get_args(arg)[1]
    origin = typing.get_origin(annotation)
    if origin in (list, tuple) and isinstance(part, int):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    return None


def _args(annotation: Any) -> tuple:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _args(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: tuple = ()
        for arg in typing.get_args(annotation):
            out += _args(arg) or (arg,)
        return out
    return (annotation,)


def _unwrap_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    models = [a for a in _args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
    return models[0] if len(models) == 1 else None


def _tag_of(model: type[BaseModel]) -> Any:
    """The model's tag in a tagged union: its `kind:`, else its one-value Literal field (such as `rule:`)."""
    fields = sorted(model.model_fields.items(), key=lambda item: item[0] != "kind")
    for _, field in fields:
        args = typing.get_args(field.annotation)
        if typing.get_origin(field.annotation) is typing.Literal and len(args) == 1:
            return args[0]
    return None
