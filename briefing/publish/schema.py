"""JSON Schemas of the YAML files, for editors with a YAML extension (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from collections.abc import Mapping

from briefing.files import write_atomic
from briefing.load.names import ENTRY_KEYS
from briefing.load.phrasebook import POINT_UNITS, RULES, SETTINGS
from briefing.spec.kind import SlideKind, slide_file_model
from briefing.spec.models import DeckSpec, TableSpec, ThemeSpec


def schema_models(kinds: Mapping[str, SlideKind]) -> dict[str, type]:
    """The model behind each schema file; a slide file is one of the kinds' models."""
    return {"briefing.schema.json": DeckSpec, "slide.schema.json": slide_file_model(kinds),
            "table.schema.json": TableSpec, "theme.schema.json": ThemeSpec}


def schema_for(model, *, wrapped_slide: bool = False) -> dict:
    if wrapped_slide:
        # A slide file is the slide itself, not wrapped: expose the discriminated union at the top.
        wrapped = model.model_json_schema()
        slide = wrapped["properties"]["slide"]
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Slide", "$defs": wrapped.get("$defs", {}), **slide}
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def phrasebook_schema() -> dict:
    """narratives/phrasebook.yaml: from the same table of rules, variants and settings the loader checks."""
    def template(placeholders: set[str]) -> dict:
        return {"type": "string", "minLength": 1,
                "description": "Pladsholdere: " + ", ".join("{" + name + "}" for name in sorted(placeholders))}

    rules = {rule: {"type": "object", "additionalProperties": False, "required": list(variants),
                    "properties": {variant: template(names) for variant, names in variants.items()}}
             for rule, variants in RULES.items()}
    settings = {"point_unit": {"enum": list(POINT_UNITS), "description": "Enheden for forskelle mellem andele."}}
    assert set(settings) == set(SETTINGS)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Formuleringer", "type": "object",
            "additionalProperties": False, "required": ["rules"],
            "properties": {"settings": {"type": "object", "additionalProperties": False, "properties": settings},
                           "rules": {"type": "object", "additionalProperties": False, "required": list(RULES),
                                     "properties": rules}}}


def names_schema() -> dict:
    """narratives/names.yaml: the same shape load/names.py checks (kinds with their group word, places by kind)."""
    text = {"type": "string", "minLength": 1}
    entry = {"anyOf": [dict(text, description="Navnet, som det står i tabellerne."), {
        "type": "object", "additionalProperties": False, "required": ["name"],
        "properties": {
            "name": dict(text, description="Navnet, som det står i tabellerne."),
            "text": dict(text, description="Sådan skrives navnet inde i en sætning (standard: som navnet)."),
            "genitive": dict(text, description="Ejefald (standard: +s, eller ' efter s, x og z)."),
            "aliases": {"type": "array", "items": text, "description": "Andre måder, navnet står i tabeller."},
        }}]}
    assert set(entry["anyOf"][1]["properties"]) == set(ENTRY_KEYS)
    kind = {"type": "object", "additionalProperties": False, "required": ["group"],
            "properties": {"group": dict(text, description="Gruppeordet i flertal, fx 'kommuner'.")}}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Navne i løbende tekst",
            "type": "object", "additionalProperties": False, "required": ["kinds", "places"],
            "properties": {"kinds": {"type": "object", "additionalProperties": kind},
                           "places": {"type": "object", "additionalProperties": {"type": "array", "items": entry}}}}


def schemas(kinds: Mapping[str, SlideKind]) -> dict[str, dict]:
    """Every schema file by name: the spec models', the phrasebook's and the names registry's."""
    out = {name: schema_for(model, wrapped_slide=name == "slide.schema.json")
           for name, model in schema_models(kinds).items()}
    return {**out, "phrasebook.schema.json": phrasebook_schema(), "names.schema.json": names_schema()}


def write_schemas(folder: Path, kinds: Mapping[str, SlideKind]) -> list[Path]:
    written = []
    for name, schema in schemas(kinds).items():
        path = Path(folder) / name
        write_atomic(path, (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        written.append(path)
    return written
