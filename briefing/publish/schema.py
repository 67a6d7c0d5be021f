"""JSON Schemas of the YAML files, for editors with a YAML extension (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from collections.abc import Mapping

from briefing.files import write_atomic
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


def write_schemas(folder: Path, kinds: Mapping[str, SlideKind]) -> list[Path]:
    written = []
    for name, model in schema_models(kinds).items():
        path = Path(folder) / name
        schema = schema_for(model, wrapped_slide=name == "slide.schema.json")
        write_atomic(path, (json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        written.append(path)
    return written
