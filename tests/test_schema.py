"""The JSON Schemas agree with the tool: every example file validates, typical mistakes are still flagged.

An editor (VS Code's YAML extension) validates what it parsed: numbers as JSON numbers, `6,5` and
`ja` as text, dates as text. The test reads the files the same way and validates them with `jsonschema`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefing.danish import fmt
from briefing.danish.numbers import CHANGE_PATTERN, NUMBER_PATTERN, read_number
from briefing.kinds import KINDS
from briefing.publish.schema import schemas
from briefing.spec.scenario import parse_change

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted([*REPO.glob("inputs/**/*.yaml"), *REPO.glob("themes/*.yaml"), *REPO.glob("narratives/*.yaml")])


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor hands it to the schema: a date is text, since JSON has no dates."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_named_in(path: Path) -> Path:
    """The schema a file names in its first line (`# yaml-language-server: $schema=...`)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"{path.relative_to(REPO)} names no schema in its first line"
    return (path.parent / match[1]).resolve()


def errors(schema: dict, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(yaml.load(text, Loader=EditorLoader))]


@pytest.fixture(scope="module")
def generated() -> dict[str, dict]:
    return schemas(KINDS)


def test_there_are_examples_of_every_file_type():
    names = {schema_named_in(path).name for path in EXAMPLES}
    assert names == {"briefing.schema.json", "slide.schema.json", "table.schema.json", "theme.schema.json",
                     "phrasebook.schema.json", "names.schema.json"}


@pytest.mark.parametrize("path", EXAMPLES, ids=[str(p.relative_to(REPO)) for p in EXAMPLES])
def test_every_example_file_validates_against_its_schema(path: Path):
    schema = json.loads(schema_named_in(path).read_text(encoding="utf-8"))
    assert errors(schema, path.read_text(encoding="utf-8")) == []


def _example(name: str) -> str:
    return (REPO / name).read_text(encoding="utf-8")


MISTAKES = [  # (schema, example file, the change) -> at least one error
    ("slide.schema.json", "inputs/slides/formaal.yaml", lambda t: t.replace("title:", "titel:", 1)),  # unknown key
    ("slide.schema.json", "inputs/slides/noegletal.yaml", lambda t: t.replace("kind: nøgletal", "kind: nøgletl")),
    ("slide.schema.json", "inputs/slides/sanktioner-scenarier.yaml", lambda t: t.replace("value: 6,5", "value: mange")),
    ("slide.schema.json", "inputs/slides/sanktioner-scenarier.yaml", lambda t: t.replace("value: 6,5", "value: '6.5'")),
    ("slide.schema.json", "inputs/slides/sanktioner-scenarier.yaml",
     lambda t: t.replace('{sanktioner: "+40 %"}', '{sanktioner: "40 procent"}')),
    ("slide.schema.json", "inputs/slides/formaal.yaml", lambda t: re.sub(r"(?m)^title:.*\n", "", t)),  # required
    ("slide.schema.json", "inputs/slides/noegletal.yaml", lambda t: t.replace("higher_is_better: ja", "higher_is_better: måske")),
    ("slide.schema.json", "inputs/slides/sanktioner-scenarier.yaml", lambda t: t.replace("example: true", "example: måske")),
    ("briefing.schema.json", "inputs/briefing.yaml", lambda t: t.replace("minutes: 90", "minutes: halvanden time")),
    ("briefing.schema.json", "inputs/briefing.yaml", lambda t: t.replace("municipality:", "kommune:")),
    ("table.schema.json", "inputs/data/udgift-scenarie.yaml", lambda t: t.replace("unit: kr.", "unit: kroner")),
    ("theme.schema.json", "themes/default.yaml", lambda t: t.replace("title: 30", "title: '30.5'")),
    ("theme.schema.json", "themes/default.yaml", lambda t: t.replace("dpi: 200", "dpi: høj")),
    ("phrasebook.schema.json", "narratives/phrasebook.yaml", lambda t: t.replace("  udvikling:", "  udviklin:")),
    ("phrasebook.schema.json", "narratives/phrasebook.yaml", lambda t: t.replace("point_unit: pct.point", "point_unit: procent")),
    ("phrasebook.schema.json", "narratives/phrasebook.yaml", lambda t: t.replace("    steget_med:", "    steget_mad:")),
]


@pytest.mark.parametrize("name, example, change", MISTAKES, ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_typical_mistakes_are_still_flagged(generated, name, example, change):
    text = _example(example)
    changed = change(text)
    assert changed != text
    assert errors(generated[name], text) == []
    assert errors(generated[name], changed) != []


@pytest.mark.parametrize("written", ["6,5", "40.000", "1.234,5", "-4,5", "0,30", "12 345", "76,3 %"])
def test_a_danish_number_as_text_is_a_number_for_the_editor(generated, written):
    text = _example("inputs/slides/sanktioner-scenarier.yaml").replace("value: 6,5", f'value: "{written}"')
    assert errors(generated["slide.schema.json"], text) == []


@pytest.mark.parametrize("word", ["ja", "Nej", "JA", "true", "yes", "no"])
def test_yes_no_fields_take_the_words_the_tool_takes(generated, word):
    text = _example("inputs/slides/sanktioner-scenarier.yaml").replace("example: true", f'example: "{word}"')
    assert errors(generated["slide.schema.json"], text) == []


def test_the_committed_schemas_are_the_generated_ones(generated):
    for name, schema in generated.items():
        committed = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is stale: run `briefing schema`"


@given(st.from_regex(NUMBER_PATTERN, fullmatch=True))
def test_whatever_the_schema_takes_as_a_number_the_tool_reads(text):
    assert read_number(text) is not None


@given(st.from_regex(CHANGE_PATTERN, fullmatch=True))
def test_whatever_the_schema_takes_as_a_percent_change_the_tool_reads(text):
    assert parse_change(text)[0] == "relative"


@given(st.floats(-1e12, 1e12, allow_nan=False), st.integers(0, 3))
def test_every_danish_number_the_tool_writes_the_schema_takes(value, decimals):
    assert re.fullmatch(NUMBER_PATTERN, fmt.number(value, decimals))
