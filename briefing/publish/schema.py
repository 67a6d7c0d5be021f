"""JSON Schemas of the YAML files, for editors with a YAML extension (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.spec.models import DeckSpec, SlideFile, TableSpec, ThemeSpec
from briefing.files import write_atomic

SCHEMAS = {
    "briefing.schema.json": DeckSpec,
    "slide.schema.json": SlideFile,
    "table.schema.json": TableSpec,
    "theme.schema.json": ThemeSpec,
}


def schema_for(model) -> dict:
    if model is SlideFile:
        # A slide file is the slide itself, not wrapped: expose the discriminated union at the top.
        wrapped = SlideFile.model_json_schema()
        slide = wrapped["properties"]["slide"]
        return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Slide", "$defs": wrapped.get("$defs", {}), **slide}
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def write_schemas(folder: Path) -> list[Path]:
    written = []
    for name, model in SCHEMAS.items():
        path = Path(folder) / name
        write_atomic(path, (json.dumps(schema_for(model), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))
        written.append(path)
    return written
